// Assessment results of a region: import (validate every row, report every problem with its place, then
// replace the file's years in one transaction or change nothing), summaries and templates.
import { and, desc, eq, sql } from 'drizzle-orm';
import { writeCsv } from '../adapters/csv/write-csv.ts';
import { readTable } from '../adapters/table/read-table.ts';
import { writeXlsx } from '../adapters/xlsx/write-xlsx.ts';
import type { ResultsImportReport, ResultsSummary } from '../contract/identification.ts';
import { DomainError, denied } from '../domain/errors.ts';
import { readResults } from '../domain/identification/read-results.ts';
import { type ResultKind, resultColumns, resultKindLabels } from '../domain/identification/results.ts';
import { type Executor, queryRows } from '../storage/database.ts';
import { deleteResultYears, insertResults, lockResults, summariseResults } from '../storage/results-repo.ts';
import { resultImports, users } from '../storage/schema.ts';
import { accountOf, audit, inTransaction, requirePermission, type ServiceContext, scope } from './context.ts';

/**
 * The region a regional action applies to: the actor's own, or for an administrator the one named. A named
 * region other than one's own is refused.
 */
export function regionFor(ctx: ServiceContext, requested?: string): string {
  const own = ctx.actor.regionId;
  if (own) {
    if (requested && requested !== own) throw denied('Запись относится к другому региону: доступ запрещён.');
    return own;
  }
  if (!requested)
    throw new DomainError('validation.failed', 'Выберите регион: администратор работает с данными указанного региона.');
  return requested;
}

/** Aggregates and runs of a whole region are for those who see the whole region. */
export function requireRegionWide(ctx: ServiceContext): void {
  const kind = scope(ctx).kind;
  if (kind !== 'all' && kind !== 'region') throw denied('Эти данные доступны только на уровне региона.');
}

export interface RegionSchool {
  id: string;
  code: string;
  name: string;
  type: string;
  municipalityId: string | null;
  municipality: string;
}

export async function regionSchools(ex: Executor, regionId: string): Promise<RegionSchool[]> {
  return queryRows<RegionSchool>(
    ex,
    sql`select o.id, o.code, o.short_name as name, o.type, o.municipality_id as "municipalityId", coalesce(m.name, '') as municipality
        from organisations o left join municipalities m on m.id = o.municipality_id
        where o.region_id = ${regionId} and o.kind = 'school' order by m.name, o.code`,
  );
}

const yearOf = (ctx: ServiceContext) => (ctx.now?.() ?? new Date()).getFullYear();

/**
 * Reads the file and checks every row; with `commit` replaces the region's results of the file's years in one
 * transaction. Imports of the same kind in one region are serialised by a lock, so two uploads of the same
 * year never interleave.
 */
export async function importResults(
  ctx: ServiceContext,
  kind: ResultKind,
  file: { name: string; bytes: Uint8Array },
  options: { commit: boolean; year?: number; regionId?: string },
): Promise<ResultsImportReport> {
  requirePermission(ctx, 'results.write');
  const regionId = regionFor(ctx, options.regionId);
  requirePermission(ctx, 'results.write', { regionId });
  const table = await readTable(file.name, file.bytes);
  const schools = await regionSchools(ctx.db, regionId);
  const idByCode = new Map(schools.map((s) => [s.code, s.id]));
  const reading = readResults(kind, table, {
    isKnownSchool: (code) => idByCode.has(code),
    currentYear: yearOf(ctx),
    ...(options.year === undefined ? {} : { year: options.year }),
  });
  const report: ResultsImportReport = {
    committed: false,
    kind,
    rows: table.rows.length,
    records: reading.records.length,
    years: reading.years,
    replaced: 0,
    mapping: reading.mapping,
    problems: reading.problems,
    warnings: reading.warnings,
  };
  if (!report.problems.length && reading.records.length === 0)
    report.problems.push({ message: 'В файле нет ни одной строки с результатами.' });
  if (!options.commit) {
    if (!report.problems.length) report.replaced = await countYears(ctx, regionId, kind, reading.years);
    return report;
  }
  if (report.problems.length)
    throw new DomainError(
      'import.invalid',
      `Файл не загружен: найдено ошибок — ${report.problems.length}. Исправьте их и загрузите файл снова.`,
      { problems: report.problems },
    );
  return inTransaction(ctx, async (tx) => {
    await lockResults(tx, regionId, kind);
    const replaced = await deleteResultYears(tx, regionId, kind, reading.years);
    const [imp] = await tx
      .insert(resultImports)
      .values({
        regionId,
        kind,
        years: reading.years,
        fileName: file.name,
        rows: reading.records.length,
        createdBy: accountOf(ctx),
      })
      .returning({ id: resultImports.id });
    await insertResults(tx, kind, regionId, imp!.id, reading.records, (code) => idByCode.get(code) ?? '');
    const years = reading.years.join(', ');
    await audit(tx, ctx, {
      regionId,
      action: 'import',
      entity: 'results',
      entityId: imp!.id,
      summary: `${resultKindLabels[kind]} за ${years} г. загружены из «${file.name}»: строк ${reading.records.length}, заменено ${replaced}`,
      before: { kind, years: reading.years, rows: replaced },
      after: { kind, years: reading.years, rows: reading.records.length, file: file.name },
    });
    return { ...report, committed: true, replaced };
  });
}

async function countYears(ctx: ServiceContext, regionId: string, kind: ResultKind, years: number[]) {
  if (years.length === 0) return 0;
  const summary = await summariseResults(ctx.db, regionId);
  return summary.filter((s) => s.kind === kind && years.includes(s.year)).reduce((n, s) => n + s.rows, 0);
}

export async function resultsSummaryFor(ctx: ServiceContext, requested?: string): Promise<ResultsSummary> {
  requirePermission(ctx, 'results.read');
  const regionId = regionFor(ctx, requested);
  requirePermission(ctx, 'results.read', { regionId });
  requireRegionWide(ctx);
  const summary = await summariseResults(ctx.db, regionId);
  const schools = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from organisations where region_id = ${regionId} and kind = 'school'`,
  );
  const kinds: ResultsSummary['kinds'] = [];
  for (const kind of ['vpr', 'gia', 'journal'] as const) {
    const [last] = await ctx.db
      .select({
        fileName: resultImports.fileName,
        at: resultImports.createdAt,
        by: sql<string>`coalesce(${users.login}, 'system')`,
        rows: resultImports.rows,
      })
      .from(resultImports)
      .leftJoin(users, eq(users.id, resultImports.createdBy))
      .where(and(eq(resultImports.regionId, regionId), eq(resultImports.kind, kind)))
      .orderBy(desc(resultImports.createdAt))
      .limit(1);
    kinds.push({
      kind,
      years: summary
        .filter((s) => s.kind === kind)
        .map((s) => ({ year: s.year, rows: s.rows, schools: s.schools, participants: s.participants })),
      lastImport: last ? { ...last, at: last.at.toISOString() } : null,
    });
  }
  return { regionId, schools: schools[0]?.n ?? 0, kinds };
}

const templateExamples: Record<ResultKind, (string | number)[][]> = {
  vpr: [
    [2021, 'ДМ-01-001', 'математика', 5, 25, 8, 10, 5, 2],
    [2021, 'ДМ-01-001', 'русский язык', 5, 25, 6, 11, 6, 2],
  ],
  gia: [
    [2021, 'ДМ-01-001', 'ОГЭ', 'математика', 30, 4],
    [2021, 'ДМ-01-001', 'ЕГЭ', 'математика (профильная)', 12, 1],
  ],
  journal: [[2021, 'ДМ-01-001', 'математика', 5, 25, 3, 20, 2]],
};

/** The downloadable template of a kind: the canonical columns and example rows. */
export function resultsTemplate(kind: ResultKind, format: 'csv' | 'xlsx'): Uint8Array | Promise<Uint8Array> {
  const headers = [...resultColumns[kind]];
  const rows = templateExamples[kind];
  if (format === 'csv') return writeCsv(headers, rows);
  return writeXlsx([{ name: resultKindLabels[kind], headers, rows, widths: headers.map(() => 16) }]);
}
