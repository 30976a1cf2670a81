// Runs of identification and approved lists of schools («перечни»). A run applies a methodology to the
// region's results and keeps every school's decision with its reasons; an approved run becomes the
// region's next numbered list, which programmes take as their target schools.
import { and, desc, eq, getTableName, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  approveInput,
  RunDetail,
  RunListItem,
  runInput,
  SchoolListDetail,
  SchoolListItem,
  Verdict,
  VerdictDetail,
} from '../contract/identification.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import {
  type IdentificationTotals,
  identifySchools,
  type ListDifference,
  type Reason,
  type SchoolVerdict,
  yearsOfRules,
} from '../domain/identification/identify.ts';
import type { MethodologyDefinition } from '../domain/identification/methodology.ts';
import { copyRows, copyValue } from '../storage/copy-rows.ts';
import { type Executor, pgArray, queryRows } from '../storage/database.ts';
import { loadResults, resultYearsOf } from '../storage/results-repo.ts';
import {
  identificationRuns,
  identificationVerdicts,
  organisations,
  regions,
  schoolListMembers,
  schoolLists,
  users,
} from '../storage/schema.ts';
import { scopeCondition } from '../storage/scope-filter.ts';
import {
  accountOf,
  audit,
  inTransaction,
  requireInRegion,
  requirePermission,
  type ServiceContext,
  scope,
} from './context.ts';
import { resolveMethodology } from './methodologies.ts';
import { type RegionSchool, regionFor, regionSchools, requireRegionWide } from './results.ts';

/** Listed first by category, then by municipality and name: the order a list is read and checked in. */
const listOrder = (
  a: { category: number | null; municipality: string; name: string },
  b: { category: number | null; municipality: string; name: string },
) =>
  (a.category ?? 99) - (b.category ?? 99) ||
  a.municipality.localeCompare(b.municipality, 'ru') ||
  a.name.localeCompare(b.name, 'ru');

const CHUNK = 1000;
/** Verdicts per piece of COPY input (a few hundred kilobytes of reasons and evidence). */
const VERDICTS_PER_CHUNK = 200;

/** The region's latest approved list as school code → category, with its id. */
async function latestList(
  ex: Executor,
  regionId: string,
): Promise<{ id: string; number: number; members: Map<string, number | null> } | null> {
  const [list] = await ex
    .select({ id: schoolLists.id, number: schoolLists.number })
    .from(schoolLists)
    .where(eq(schoolLists.regionId, regionId))
    .orderBy(desc(schoolLists.number))
    .limit(1);
  if (!list) return null;
  const rows = await ex
    .select({ code: organisations.code, category: schoolListMembers.category })
    .from(schoolListMembers)
    .innerJoin(organisations, eq(organisations.id, schoolListMembers.organisationId))
    .where(eq(schoolListMembers.listId, list.id));
  return { ...list, members: new Map(rows.map((r) => [r.code, r.category])) };
}

/**
 * Applies a methodology to the region's stored results without saving anything: what a run computes, and
 * what `opora identify --region` prints.
 */
export async function identifyRegion(ex: Executor, regionId: string, ref: string, requestedYear?: number) {
  const m = await resolveMethodology(ex, regionId, ref);
  const available = await resultYearsOf(ex, regionId);
  if (available.length === 0)
    throw new DomainError(
      'validation.failed',
      'В регионе нет загруженных результатов оценочных процедур. Загрузите результаты ВПР, ОГЭ и ЕГЭ и повторите расчёт.',
    );
  const year = requestedYear ?? available.at(-1)!;
  const needed = [...new Set([...yearsOfRules(m.definition, year), year])].sort((a, b) => a - b);
  const missing = needed.filter((y) => !available.includes(y));
  if (missing.length === needed.length)
    throw new DomainError(
      'validation.failed',
      `Для расчёта нужны результаты за ${needed.join(', ')} г., а загружены только за ${available.join(', ')} г.`,
    );
  const schools = await regionSchools(ex, regionId);
  const results = await loadResults(ex, regionId, needed);
  const previous = await latestList(ex, regionId);
  const outcome = identifySchools({
    schools: schools.map((s) => ({ code: s.code, name: s.name, type: s.type, municipality: s.municipality })),
    results,
    methodology: m.definition,
    year,
    ...(previous ? { previous: previous.members } : {}),
  });
  return { m, year, needed, available, missing, schools, previous, outcome };
}

/** The verdict columns in the order saveVerdicts writes them. */
const verdictCopyColumns = [
  identificationVerdicts.runId,
  identificationVerdicts.regionId,
  identificationVerdicts.organisationId,
  identificationVerdicts.municipalityId,
  identificationVerdicts.category,
  identificationVerdicts.rule,
  identificationVerdicts.lowProcedures,
  identificationVerdicts.redZone,
  identificationVerdicts.objectivityGap,
  identificationVerdicts.objectivityShare,
  identificationVerdicts.hasResults,
  identificationVerdicts.inPreviousList,
  identificationVerdicts.previousCategory,
  identificationVerdicts.reasons,
  identificationVerdicts.evidence,
].map((c) => c.name);

/**
 * Keeps every school's verdict of a run with COPY (storage/copy-rows.ts): a region's verdicts carry their reasons
 * and evidence, a megabyte of JSON that a parameterised INSERT would send as thousands of parameters.
 */
async function saveVerdicts(
  ex: Executor,
  runId: string,
  regionId: string,
  schools: RegionSchool[],
  verdicts: SchoolVerdict[],
): Promise<void> {
  const bySchool = new Map(schools.map((s) => [s.code, s]));
  const flag = (b: boolean) => (b ? 't' : 'f');
  const keys = `${copyValue(runId)}\t${copyValue(regionId)}\t`;
  const chunks: string[] = [];
  for (let i = 0; i < verdicts.length; i += VERDICTS_PER_CHUNK) {
    let text = '';
    for (const v of verdicts.slice(i, i + VERDICTS_PER_CHUNK)) {
      const s = bySchool.get(v.code)!;
      text += `${keys}${copyValue(s.id)}\t${copyValue(s.municipalityId)}\t${copyValue(v.category)}\t${copyValue(v.rule)}\t${v.lowProcedures}\t${flag(v.redZone)}\t${flag(v.objectivityGap)}\t${copyValue(v.objectivityShare)}\t${flag(v.hasResults)}\t${flag(v.inPreviousList)}\t${copyValue(v.previousCategory)}\t${copyValue(JSON.stringify(v.reasons))}\t${copyValue(JSON.stringify(v.evidence))}\n`;
    }
    chunks.push(text);
  }
  await copyRows(ex, getTableName(identificationVerdicts), verdictCopyColumns, chunks);
}

/** Runs a methodology over the region's stored results and keeps the run. */
export async function runIdentification(ctx: ServiceContext, input: z.infer<typeof runInput>): Promise<RunDetail> {
  requirePermission(ctx, 'identification.write');
  const regionId = regionFor(ctx, input.regionId);
  requirePermission(ctx, 'identification.write', { regionId });
  const id = await inTransaction(ctx, async (tx) => {
    const { m, year, needed, available, missing, schools, previous, outcome } = await identifyRegion(
      tx,
      regionId,
      input.methodology,
      input.year,
    );
    const definition = m.definition;
    const [run] = await tx
      .insert(identificationRuns)
      .values({
        regionId,
        methodologyCode: m.code,
        methodologyTitle: m.title,
        methodologyVersion: m.version,
        definition,
        year,
        years: available.filter((y) => needed.includes(y)),
        totals: outcome.totals,
        difference: outcome.difference,
        previousListId: previous?.id ?? null,
        createdBy: accountOf(ctx),
      })
      .returning({ id: identificationRuns.id });
    const runId = run!.id;
    await saveVerdicts(tx, runId, regionId, schools, outcome.schools);
    const missingNote = missing.length ? ` (нет результатов за ${missing.join(', ')} г.)` : '';
    await audit(tx, ctx, {
      regionId,
      action: 'create',
      entity: 'identification_run',
      entityId: runId,
      summary: `Расчёт по методике «${m.title}» (версия ${m.version}) за ${year} г.: в перечень попадают ${outcome.totals.listed} из ${outcome.totals.schools} школ${missingNote}`,
      after: {
        methodology: m.code,
        version: m.version,
        year,
        listed: outcome.totals.listed,
        schools: outcome.totals.schools,
      },
    });
    return runId;
  });
  return getRun(ctx, id);
}

const runColumns = {
  id: identificationRuns.id,
  regionId: identificationRuns.regionId,
  methodologyCode: identificationRuns.methodologyCode,
  methodologyTitle: identificationRuns.methodologyTitle,
  methodologyVersion: identificationRuns.methodologyVersion,
  year: identificationRuns.year,
  years: identificationRuns.years,
  totals: identificationRuns.totals,
  difference: identificationRuns.difference,
  definition: identificationRuns.definition,
  previousListId: identificationRuns.previousListId,
  createdAt: identificationRuns.createdAt,
  createdBy: sql<string>`coalesce(${users.login}, 'system')`,
  listId: schoolLists.id,
  listNumber: schoolLists.number,
};

type RunRow = Awaited<ReturnType<typeof selectRuns>>[number];
function selectRuns(ex: Executor, where: ReturnType<typeof eq>) {
  return ex
    .select(runColumns)
    .from(identificationRuns)
    .leftJoin(users, eq(users.id, identificationRuns.createdBy))
    .leftJoin(schoolLists, eq(schoolLists.runId, identificationRuns.id))
    .where(where)
    .orderBy(desc(identificationRuns.createdAt));
}

const listItem = (r: RunRow): RunListItem => {
  const totals = r.totals as IdentificationTotals;
  return {
    id: r.id,
    regionId: r.regionId,
    methodologyCode: r.methodologyCode,
    methodologyTitle: r.methodologyTitle,
    methodologyVersion: r.methodologyVersion,
    year: r.year,
    listed: totals.listed,
    schools: totals.schools,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    listId: r.listId,
    listNumber: r.listNumber,
  };
};

export async function listRuns(ctx: ServiceContext, requested?: string): Promise<RunListItem[]> {
  requirePermission(ctx, 'identification.read');
  const regionId = regionFor(ctx, requested);
  requireInRegion(ctx, 'identification.read', regionId);
  requireRegionWide(ctx);
  return (await selectRuns(ctx.db, eq(identificationRuns.regionId, regionId))).map(listItem);
}

async function runRow(ctx: ServiceContext, id: string): Promise<RunRow> {
  requirePermission(ctx, 'identification.read');
  const [row] = await selectRuns(ctx.db, eq(identificationRuns.id, id));
  if (!row) throw notFound('Расчёт');
  requireInRegion(ctx, 'identification.read', row.regionId);
  requireRegionWide(ctx);
  return row;
}

const verdictColumns = {
  organisationId: identificationVerdicts.organisationId,
  code: organisations.code,
  name: organisations.shortName,
  type: organisations.type,
  municipalityId: identificationVerdicts.municipalityId,
  municipality: sql<string>`coalesce((select name from municipalities m where m.id = ${identificationVerdicts.municipalityId}), '')`,
  category: identificationVerdicts.category,
  rule: identificationVerdicts.rule,
  lowProcedures: identificationVerdicts.lowProcedures,
  redZone: identificationVerdicts.redZone,
  objectivityGap: identificationVerdicts.objectivityGap,
  objectivityShare: identificationVerdicts.objectivityShare,
  hasResults: identificationVerdicts.hasResults,
  inPreviousList: identificationVerdicts.inPreviousList,
  previousCategory: identificationVerdicts.previousCategory,
  reasons: identificationVerdicts.reasons,
};

async function verdictsOf(ex: Executor, runId: string): Promise<Verdict[]> {
  const rows = await ex
    .select(verdictColumns)
    .from(identificationVerdicts)
    .innerJoin(organisations, eq(organisations.id, identificationVerdicts.organisationId))
    .where(eq(identificationVerdicts.runId, runId));
  return rows.map((r) => ({ ...r, reasons: r.reasons as Reason[] })).sort(listOrder);
}

export async function getRun(ctx: ServiceContext, id: string): Promise<RunDetail> {
  const row = await runRow(ctx, id);
  const schools = await verdictsOf(ctx.db, id);
  const difference = row.difference as ListDifference | null;
  let previousListNumber: number | null = null;
  let removed: RunDetail['removed'] = [];
  if (row.previousListId) {
    const [prev] = await ctx.db
      .select({ number: schoolLists.number })
      .from(schoolLists)
      .where(eq(schoolLists.id, row.previousListId));
    previousListNumber = prev?.number ?? null;
    if (difference?.removed.length)
      removed = await queryRows(
        ctx.db,
        sql`select o.id as "organisationId", o.code, o.short_name as name, coalesce(m.name, '') as municipality
            from school_list_members l join organisations o on o.id = l.organisation_id
            left join municipalities m on m.id = o.municipality_id
            where l.list_id = ${row.previousListId} and o.code = any(${pgArray(difference.removed)}::text[])`,
      );
  }
  return {
    ...listItem(row),
    years: row.years,
    definition: row.definition as MethodologyDefinition,
    totals: row.totals as IdentificationTotals,
    difference,
    previousListId: row.previousListId,
    previousListNumber,
    removed,
    schools,
  };
}

export async function getVerdict(ctx: ServiceContext, runId: string, organisationId: string): Promise<VerdictDetail> {
  await runRow(ctx, runId);
  const [row] = await ctx.db
    .select({ ...verdictColumns, evidence: identificationVerdicts.evidence })
    .from(identificationVerdicts)
    .innerJoin(organisations, eq(organisations.id, identificationVerdicts.organisationId))
    .where(and(eq(identificationVerdicts.runId, runId), eq(identificationVerdicts.organisationId, organisationId)));
  if (!row) throw notFound('Школа в расчёте');
  return { ...row, reasons: row.reasons as Reason[], evidence: row.evidence as VerdictDetail['evidence'] };
}

/** Approves a run as the region's next list. A run is approved once; a new list needs a new run. */
export async function approveRun(
  ctx: ServiceContext,
  runId: string,
  input: z.infer<typeof approveInput>,
): Promise<SchoolListDetail> {
  requirePermission(ctx, 'identification.write');
  const listId = await inTransaction(ctx, async (tx) => {
    const [run] = await tx.select().from(identificationRuns).where(eq(identificationRuns.id, runId));
    if (!run) throw notFound('Расчёт');
    requirePermission(ctx, 'identification.write', { regionId: run.regionId });
    // One list number at a time per region: the lock orders concurrent approvals.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`school-lists:${run.regionId}`}))`);
    const [already] = await tx
      .select({ number: schoolLists.number })
      .from(schoolLists)
      .where(eq(schoolLists.runId, runId));
    if (already)
      throw new DomainError('conflict.duplicate', `Этот расчёт уже утверждён как перечень № ${already.number}.`);
    const previous = await latestList(tx, run.regionId);
    if (previous && run.previousListId !== previous.id)
      throw new DomainError(
        'conflict.stale',
        `После этого расчёта утверждён перечень № ${previous.number}. Выполните расчёт заново, чтобы сравнение с предыдущим перечнем было верным.`,
      );
    const [list] = await tx
      .insert(schoolLists)
      .values({
        regionId: run.regionId,
        number: (previous?.number ?? 0) + 1,
        title: input.title,
        orderNumber: input.orderNumber ?? '',
        orderDate: input.orderDate ?? null,
        runId,
        year: run.year,
        methodologyTitle: run.methodologyTitle,
        approvedBy: accountOf(ctx),
      })
      .returning();
    const listed = await tx
      .select({
        organisationId: identificationVerdicts.organisationId,
        municipalityId: identificationVerdicts.municipalityId,
        category: identificationVerdicts.category,
        repeated: identificationVerdicts.inPreviousList,
      })
      .from(identificationVerdicts)
      .where(and(eq(identificationVerdicts.runId, runId), sql`${identificationVerdicts.category} is not null`));
    for (let i = 0; i < listed.length; i += CHUNK)
      await tx
        .insert(schoolListMembers)
        .values(listed.slice(i, i + CHUNK).map((m) => ({ ...m, listId: list!.id, regionId: run.regionId })));
    await audit(tx, ctx, {
      regionId: run.regionId,
      action: 'approve',
      entity: 'school_list',
      entityId: list!.id,
      summary: `Утверждён перечень № ${list!.number} «${input.title}»: школ ${listed.length}${input.orderNumber ? `, приказ № ${input.orderNumber}` : ''}`,
      after: { ...list, schools: listed.length },
    });
    return list!.id;
  });
  return getSchoolList(ctx, listId);
}

const listColumns = {
  id: schoolLists.id,
  regionId: schoolLists.regionId,
  number: schoolLists.number,
  title: schoolLists.title,
  orderNumber: schoolLists.orderNumber,
  orderDate: schoolLists.orderDate,
  runId: schoolLists.runId,
  year: schoolLists.year,
  methodologyTitle: schoolLists.methodologyTitle,
  schools: sql<number>`(select count(*)::int from school_list_members x where x.list_id = ${schoolLists.id})`,
  approvedAt: schoolLists.createdAt,
  approvedBy: sql<string>`coalesce(${users.login}, 'system')`,
  version: schoolLists.version,
};
type ListRow = { approvedAt: Date } & Omit<SchoolListItem, 'approvedAt'>;
const listView = (r: ListRow): SchoolListItem => ({ ...r, approvedAt: r.approvedAt.toISOString() });

export async function listSchoolLists(ctx: ServiceContext, requested?: string): Promise<SchoolListItem[]> {
  requirePermission(ctx, 'identification.read');
  const regionId = regionFor(ctx, requested);
  requireInRegion(ctx, 'identification.read', regionId);
  const rows = await ctx.db
    .select(listColumns)
    .from(schoolLists)
    .leftJoin(users, eq(users.id, schoolLists.approvedBy))
    .where(eq(schoolLists.regionId, regionId))
    .orderBy(desc(schoolLists.number));
  return rows.map(listView);
}

/** A list with the members the actor's scope covers (a municipality sees its schools, a school itself). */
export async function getSchoolList(ctx: ServiceContext, id: string): Promise<SchoolListDetail> {
  requirePermission(ctx, 'identification.read');
  const [row] = await ctx.db
    .select(listColumns)
    .from(schoolLists)
    .leftJoin(users, eq(users.id, schoolLists.approvedBy))
    .where(eq(schoolLists.id, id));
  if (!row) throw notFound('Перечень');
  requireInRegion(ctx, 'identification.read', row.regionId);
  const members = await ctx.db
    .select({
      organisationId: schoolListMembers.organisationId,
      code: organisations.code,
      name: organisations.shortName,
      type: organisations.type,
      municipalityId: schoolListMembers.municipalityId,
      municipality: sql<string>`coalesce((select name from municipalities m where m.id = ${schoolListMembers.municipalityId}), '')`,
      category: schoolListMembers.category,
      repeated: schoolListMembers.repeated,
    })
    .from(schoolListMembers)
    .innerJoin(organisations, eq(organisations.id, schoolListMembers.organisationId))
    .where(
      and(
        eq(schoolListMembers.listId, id),
        scopeCondition(scope(ctx), {
          region: schoolListMembers.regionId,
          municipality: schoolListMembers.municipalityId,
          organisation: schoolListMembers.organisationId,
        }),
      ),
    );
  members.sort(listOrder);
  return { ...listView(row), members };
}

/** Codes of the schools of a list, for programmes that take it as their target schools. */
export async function listMemberIds(ex: Executor, listId: string): Promise<string[]> {
  const rows = await ex
    .select({ id: schoolListMembers.organisationId })
    .from(schoolListMembers)
    .where(eq(schoolListMembers.listId, listId));
  return rows.map((r) => r.id);
}

export async function regionName(ex: Executor, regionId: string): Promise<string> {
  const [r] = await ex.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return r?.name ?? '';
}
