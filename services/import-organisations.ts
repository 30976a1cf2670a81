// Import of schools and support organisations from CSV or XLSX: validate every row first, report every
// problem with its row and column, then write all rows in one transaction or nothing at all.

import { readTable } from '../adapters/table/read-table.ts';
import type { Table } from '../adapters/table/table.ts';
import type { ImportReport } from '../contract/api.ts';
import { columnLetter } from '../domain/cell-address.ts';
import { DomainError, type Problem } from '../domain/errors.ts';
import {
  type KnownTerritories,
  type OrganisationColumn,
  type OrganisationRow,
  organisationColumns,
  organisationHeaderSynonyms,
  validateOrganisationRow,
} from '../domain/organisation-row.ts';
import { can } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import { getOrganisation, insertOrganisations, organisationsByCodes } from '../storage/organisations-repo.ts';
import { organisations } from '../storage/schema.ts';
import { listMunicipalities, listRegions } from '../storage/territories-repo.ts';
import { updateVersioned } from '../storage/versioned.ts';
import { audit, inTransaction, requirePermission, type ServiceContext } from './context.ts';

type Column = OrganisationColumn | 'address';
const requiredColumns: OrganisationColumn[] = ['code', 'name', 'type', 'region'];

/** Maps the file's headers to our columns by wording (canonical English or the Russian synonyms). */
export function mapHeaders(headers: string[]): {
  index: Map<Column, number>;
  problems: Problem[];
  warnings: Problem[];
} {
  const index = new Map<Column, number>();
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  headers.forEach((h, i) => {
    const key = h.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
    const col =
      (organisationColumns as readonly string[]).includes(key) || key === 'address'
        ? (key as Column)
        : organisationHeaderSynonyms[key];
    const letter = columnLetter(i);
    if (!col) {
      if (key)
        warnings.push({
          row: 1,
          column: h,
          cell: `${letter}1`,
          message: `Столбец «${h}» не используется и будет пропущен.`,
        });
      return;
    }
    if (index.has(col))
      problems.push({ row: 1, column: h, cell: `${letter}1`, message: `Столбец «${h}» повторяется.` });
    else index.set(col, i);
  });
  for (const c of requiredColumns)
    if (!index.has(c))
      problems.push({
        row: 1,
        column: c,
        message: `Нет обязательного столбца «${c}». Скачайте шаблон и сверьте заголовки.`,
      });
  return { index, problems, warnings };
}

async function knownTerritories(ex: Executor): Promise<KnownTerritories> {
  const [rs, ms] = await Promise.all([listRegions(ex), listMunicipalities(ex, null)]);
  const regionByKey = new Map<string, { id: string; name: string }>();
  for (const r of rs) for (const k of [r.code, r.name, r.shortName]) regionByKey.set(k.toLowerCase(), r);
  const municipalityByKey = new Map<string, { id: string }>();
  for (const m of ms)
    for (const k of [m.code, m.name]) municipalityByKey.set(`${m.regionId}\u0000${k.toLowerCase()}`, m);
  return {
    region: (key) => regionByKey.get(key),
    municipality: (regionId, key) => municipalityByKey.get(`${regionId}\u0000${key}`),
  };
}

interface Plan {
  report: ImportReport;
  creates: OrganisationRow[];
  updates: { row: OrganisationRow; id: string; version: number }[];
}

async function plan(ctx: ServiceContext, ex: Executor, table: Table): Promise<Plan> {
  const { index, problems, warnings } = mapHeaders(table.headers);
  const report: ImportReport = {
    committed: false,
    rows: table.rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems,
    warnings,
  };
  const empty: Plan = { report, creates: [], updates: [] };
  if (problems.length) return empty;
  if (table.rows.length === 0) {
    problems.push({ message: 'В файле нет ни одной строки с данными.' });
    return empty;
  }
  const known = await knownTerritories(ex);
  const valid: OrganisationRow[] = [];
  const seen = new Map<string, number>();
  for (const r of table.rows) {
    const input: Partial<Record<Column, string>> = {};
    for (const [col, i] of index) input[col] = r.cells[i] ?? '';
    const res = validateOrganisationRow(input, r.row, known);
    if (!res.ok) {
      problems.push(...res.problems.map((p) => ({ ...p, cell: cellOf(p.column, index, r.row) })));
      continue;
    }
    const v = res.value;
    const key = `${v.regionId}\u0000${v.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        row: r.row,
        column: 'code',
        cell: cellOf('code', index, r.row),
        message: `Код «${v.code}» уже встречается в строке ${first}.`,
      });
      continue;
    }
    seen.set(key, r.row);
    if (!can(ctx.actor, 'organisation.write', { regionId: v.regionId, municipalityId: v.municipalityId })) {
      problems.push({
        row: r.row,
        column: 'municipality',
        cell: cellOf('municipality', index, r.row),
        message: 'Организация относится к территории, в которой у вас нет права вносить изменения.',
      });
      continue;
    }
    valid.push(v);
  }
  if (problems.length) return empty;

  const existing = await organisationsByCodes(
    ex,
    valid.map((v) => ({ regionId: v.regionId, code: v.code })),
  );
  const creates: OrganisationRow[] = [];
  const updates: Plan['updates'] = [];
  for (const v of valid) {
    const cur = existing.get(`${v.regionId}\u0000${v.code}`);
    if (!cur) creates.push(v);
    else if (cur.kind !== v.kind)
      problems.push({
        row: v.row,
        column: 'type',
        cell: cellOf('type', index, v.row),
        message: `Организация с кодом «${v.code}» уже есть и имеет другой вид (школа / организация поддержки).`,
      });
    else if (
      cur.name !== v.name ||
      cur.shortName !== v.shortName ||
      cur.type !== v.type ||
      cur.municipalityId !== v.municipalityId ||
      cur.urban !== v.urban ||
      (index.has('address') && cur.address !== v.address)
    ) {
      if (!can(ctx.actor, 'organisation.write', { regionId: cur.regionId, municipalityId: cur.municipalityId }))
        problems.push({
          row: v.row,
          column: 'code',
          cell: cellOf('code', index, v.row),
          message: 'Организация с этим кодом относится к чужой территории.',
        });
      else updates.push({ row: v, id: cur.id, version: cur.version });
    } else report.unchanged++;
  }
  if (problems.length) return empty;
  report.created = creates.length;
  report.updated = updates.length;
  return { report, creates, updates };
}

const cellOf = (column: string | undefined, index: Map<Column, number>, row: number) => {
  const i = column ? index.get(column as Column) : undefined;
  return i === undefined ? undefined : `${columnLetter(i)}${row}`;
};

const valuesOf = (v: OrganisationRow) => ({
  regionId: v.regionId,
  municipalityId: v.municipalityId,
  kind: v.kind,
  type: v.type,
  code: v.code,
  name: v.name,
  shortName: v.shortName,
  urban: v.urban,
  address: v.address,
});

/**
 * Reads the file and checks it; with `commit` also writes it. A dry run and a commit give the same report,
 * and a commit with any problem writes nothing.
 */
export async function importOrganisations(
  ctx: ServiceContext,
  file: { name: string; bytes: Uint8Array },
  options: { commit: boolean },
): Promise<ImportReport> {
  requirePermission(ctx, 'organisation.write');
  const table = await readTable(file.name, file.bytes);
  if (!options.commit) return (await plan(ctx, ctx.db, table)).report;
  return inTransaction(ctx, async (tx) => {
    const p = await plan(ctx, tx, table);
    if (p.report.problems.length)
      throw new DomainError(
        'import.invalid',
        `Файл не загружен: найдено ошибок — ${p.report.problems.length}. Исправьте их и загрузите файл снова.`,
        {
          problems: p.report.problems,
        },
      );
    const ids = await insertOrganisations(tx, p.creates.map(valuesOf));
    const createdAudits = p.creates.map((v, i) => ({
      regionId: v.regionId,
      action: 'create',
      entity: 'organisation',
      entityId: ids[i] ?? null,
      summary: `Создана организация «${v.shortName}» (импорт «${file.name}», строка ${v.row})`,
      after: { id: ids[i], ...valuesOf(v), version: 1 },
    }));
    const updatedAudits = [];
    for (const u of p.updates) {
      const before = await getOrganisation(tx, u.id);
      if (!(await updateVersioned(tx, organisations, u.id, u.version, valuesOf(u.row))))
        throw new DomainError(
          'conflict.stale',
          `Организацию «${u.row.code}» изменили во время импорта. Повторите импорт.`,
        );
      updatedAudits.push({
        regionId: u.row.regionId,
        action: 'update',
        entity: 'organisation',
        entityId: u.id,
        summary: `Изменена организация «${u.row.shortName}» (импорт «${file.name}», строка ${u.row.row})`,
        before,
        after: await getOrganisation(tx, u.id),
      });
    }
    await audit(tx, ctx, [
      ...createdAudits,
      ...updatedAudits,
      {
        regionId: ctx.actor.regionId,
        action: 'import',
        entity: 'organisation',
        entityId: null,
        summary: `Импорт организаций из «${file.name}»: создано ${p.report.created}, изменено ${p.report.updated}, без изменений ${p.report.unchanged}`,
      },
    ]);
    return { ...p.report, committed: true };
  });
}
