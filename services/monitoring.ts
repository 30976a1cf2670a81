// Monitoring: rounds of a programme (execution against a threshold at a date, or engagement scored on
// criteria), the picture of execution at a date rolled up region → municipality → school over the programme
// and the roadmaps cascaded from it, dashboards with drill-down, frozen snapshots, trends and the report.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeRoundReportDocx } from '../adapters/docx/write-round-report.ts';
import type { RoundReport } from '../adapters/round-report.ts';
import { writeRoundReportXlsx } from '../adapters/xlsx/write-round-report.ts';
import type {
  engagementBody,
  ProgrammeDashboardDto,
  RoundDetailDto,
  RoundDto,
  RoundFiguresDto,
  roundInput,
  roundPatch,
  TerritoryFiguresDto,
} from '../contract/execution.ts';
import { ruDate } from '../domain/deadline/read-deadline.ts';
import { DomainError } from '../domain/errors.ts';
import { defaultEngagementCriteria, engagementResult, scoreProblems } from '../domain/execution/engagement.ts';
import { indicatorStatusLabels } from '../domain/execution/indicators.ts';
import {
  laggingFirst,
  percentOf,
  type RoundFigures,
  roundFiguresOf,
  type Threshold,
  thresholdText,
} from '../domain/execution/rollup.ts';
import { daysBetween, executionStatusLabels, finalDeadline, timingOf } from '../domain/execution/status.ts';
import { groupBy } from '../domain/group-by.ts';
import { can } from '../domain/roles.ts';
import { type Executor, queryRows } from '../storage/database.ts';
import { loadUnits } from '../storage/execution-repo.ts';
import {
  findRoundByDate,
  getRound,
  insertRounds,
  listRounds,
  listScores,
  type RoundRecord,
} from '../storage/monitoring-repo.ts';
import { getProgrammeRecord, listProgrammes, type ProgrammeRecord } from '../storage/programmes-repo.ts';
import {
  type ActivityState,
  activityStates,
  programmeClocks,
  programmeCounts,
  type TerritoryCounts,
  territoryCounts,
  type UnitFilter,
  unitTerritoryName,
} from '../storage/rollup-repo.ts';
import { engagementScores, monitoringRounds } from '../storage/schema.ts';
import { getRegion } from '../storage/territories-repo.ts';
import { deleteVersioned, updateVersioned } from '../storage/versioned.ts';
import { audit, inTransaction, requirePermission, type ServiceContext, scope, staleWrite } from './context.ts';
import { programmeForRead, programmeNotFound, programmePlace, todayOf } from './execution.ts';
import { indicatorRows } from './indicators.ts';

const roundNotFound = () => new DomainError('not_found', 'Мониторинг не найден: возможно, его удалили.');
export const roundLabels: Record<string, string> = {
  title: 'Наименование',
  date: 'Дата мониторинга',
  threshold: 'Пороговое значение',
  criteria: 'Критерии',
  recommendations: 'Адресные рекомендации',
};

/** The programme and every roadmap cascaded from it, at any depth. */
export async function programmeTree(ex: Executor, rootId: string): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    ex,
    sql`with recursive tree(id) as (
      select id from programmes where id = ${rootId}
      union select p.id from programmes p join tree t on p.parent_programme_id = t.id)
    select id from tree`,
  );
  return rows.map((r) => r.id);
}

function figuresDto(f: RoundFigures): RoundFiguresDto {
  return {
    date: f.date,
    total: f.total,
    cancelled: f.cancelled,
    done: f.done,
    inProgress: f.inProgress,
    planned: f.planned,
    executionPercent: f.percent,
    dueByDate: f.dueByDate,
    doneOfDue: f.doneOfDue,
    duePercent: f.duePercent,
    overdue: f.overdue,
    threshold: f.threshold,
    thresholdText: f.threshold ? thresholdText(f.threshold) : '',
    level: f.level,
    meetsThreshold: f.meetsThreshold,
  };
}

interface Picture {
  figures: RoundFiguresDto;
  byMunicipality: TerritoryFiguresDto[];
  bySchool: TerritoryFiguresDto[];
  lagging: RoundDetailDto['lagging'];
}

/**
 * What an actor counts of a programme: the programme and the roadmaps cascaded from it, every unit for the
 * programme's owners, else the units inside the actor's scope; optionally one territory's units only.
 */
interface UnitView {
  root: ProgrammeRecord;
  tree: string[];
  filter: Omit<UnitFilter, 'programmeIds'>;
}

async function unitView(
  ex: Executor,
  ctx: ServiceContext,
  root: ProgrammeRecord,
  territory: { municipalityId?: string; organisationId?: string } = {},
): Promise<UnitView> {
  const tree = await programmeTree(ex, root.id);
  const all = can(ctx.actor, 'programme.read', programmePlace(root));
  return { root, tree, filter: { ...(all ? {} : { scope: scope(ctx) }), ...territory } };
}

/** The programme's own activities at each date, grouped by date. */
async function ownStates(ex: Executor, v: UnitView, dates: readonly string[]): Promise<Map<string, ActivityState[]>> {
  const states = await activityStates(ex, { programmeIds: [v.root.id], ...v.filter }, [...new Set(dates)]);
  return groupBy(states, (a) => a.date);
}

const figuresAt = (states: Map<string, ActivityState[]>, date: string, threshold: Threshold | null) =>
  figuresDto(roundFiguresOf(states.get(date) ?? [], date, threshold));

function territoryRows(rows: TerritoryCounts[]): TerritoryFiguresDto[] {
  return rows
    .map((t) => ({ ...t, percent: percentOf(t.done, t.total - t.cancelled) }))
    .sort(
      (a, b) =>
        laggingFirst(a, b) ||
        a.municipalityName.localeCompare(b.municipalityName, 'ru') ||
        a.name.localeCompare(b.name, 'ru'),
    );
}

/** Activities due by the date and not done, the most overdue first. */
function laggingOf(own: readonly ActivityState[], date: string): Picture['lagging'] {
  const lagging: Picture['lagging'] = [];
  for (const a of own) {
    const final = finalDeadline(a.reading);
    if (a.status === 'done' || a.status === 'cancelled' || final === null || final > date) continue;
    lagging.push({
      activityId: a.activityId,
      number: a.number,
      text: a.text,
      deadlineText: a.deadlineText,
      responsible: a.responsible,
      unitsTotal: a.unitsLive,
      unitsDone: a.unitsDone,
      status: a.status,
      daysOverdue: final < date ? daysBetween(final, date) : null,
    });
  }
  return lagging.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
}

/**
 * Execution at a date: the programme's own activities against the threshold; municipalities and schools
 * counted in units over the programme and the roadmaps cascaded from it (each school's share of regional
 * work and its own roadmap); lagging activities are those due by the date and not done.
 */
async function pictureAt(ex: Executor, v: UnitView, date: string, threshold: Threshold | null): Promise<Picture> {
  // One after another: `ex` may be a transaction, whose connection runs one statement at a time.
  const tree = { programmeIds: v.tree, ...v.filter };
  const states = await ownStates(ex, v, [date]);
  const byMunicipality = await territoryCounts(ex, tree, date, 'municipality');
  const bySchool = await territoryCounts(ex, tree, date, 'school');
  return {
    figures: figuresAt(states, date, threshold),
    byMunicipality: territoryRows(byMunicipality),
    bySchool: territoryRows(bySchool),
    lagging: laggingOf(states.get(date) ?? [], date),
  };
}

function roundDto(r: RoundRecord, figures: RoundFiguresDto | null): RoundDto {
  return {
    id: r.id,
    programmeId: r.programmeId,
    kind: r.kind,
    date: r.date,
    title: r.title,
    threshold: r.threshold,
    criteria: r.criteria,
    recommendations: r.recommendations,
    frozenAt: r.frozenAt,
    frozenBy: r.frozenBy,
    version: r.version,
    figures,
  };
}

type Snapshot = Picture & { indicators: RoundDetailDto['indicators']; engagement: RoundDetailDto['engagement'] };
const snapshotOf = (r: RoundRecord): Snapshot | null => (r.snapshot ? (r.snapshot as Snapshot) : null);

/**
 * A frozen round keeps the whole programme as its owner froze it, so it is shown only to those who see every
 * unit of the programme. A school, a municipality or a curator the programme gives work to gets its own
 * share, counted at the round's date as for an open round — never the other territories' figures.
 */
const frozenFor = (ctx: ServiceContext, p: ProgrammeRecord, r: RoundRecord): Snapshot | null =>
  can(ctx.actor, 'programme.read', programmePlace(p)) ? snapshotOf(r) : null;

export async function listProgrammeRounds(ctx: ServiceContext, programmeId: string): Promise<RoundDto[]> {
  requirePermission(ctx, 'execution.read');
  const p = await programmeForRead(ctx.db, ctx, programmeId);
  const [rounds, v] = await Promise.all([listRounds(ctx.db, [p.id]), unitView(ctx.db, ctx, p)]);
  const live = rounds.filter((r) => r.kind === 'execution' && !frozenFor(ctx, p, r));
  const states = await ownStates(
    ctx.db,
    v,
    live.map((r) => r.date),
  );
  return rounds.map((r) =>
    roundDto(
      r,
      r.kind === 'engagement' ? null : (frozenFor(ctx, p, r)?.figures ?? figuresAt(states, r.date, r.threshold)),
    ),
  );
}

async function engagementRows(ex: Executor, r: RoundRecord, v: UnitView): Promise<RoundDetailDto['engagement']> {
  const scores = await listScores(ex, r.id);
  const units = await loadUnits(ex, { programmeIds: v.tree }, v.filter.scope);
  const rows: RoundDetailDto['engagement'] = [];
  const seen = new Set<string>();
  const add = (kind: 'municipality' | 'school', id: string, name: string, municipalityName: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const s = scores.find((x) =>
      kind === 'school' ? x.organisationId === id : x.municipalityId === id && !x.organisationId,
    );
    const result = engagementResult(r.criteria, s?.scores ?? {});
    rows.push({
      id,
      kind,
      name,
      municipalityName,
      scores: s?.scores ?? {},
      version: s?.version ?? null,
      organisational: result.organisational.score,
      content: result.content.score,
      total: result.total.score,
      max: result.total.max,
      percent: result.total.percent,
      level: result.level,
    });
  };
  for (const u of units) {
    if (u.organisationId) add('school', u.organisationId, u.executorName, u.municipalityName);
    else if (u.municipalityId) add('municipality', u.municipalityId, u.municipalityName || u.executorName, '');
  }
  for (const u of units)
    if (u.organisationId && u.municipalityId) add('municipality', u.municipalityId, u.municipalityName, '');
  return rows.sort(
    (a, b) => a.kind.localeCompare(b.kind) || a.percent - b.percent || a.name.localeCompare(b.name, 'ru'),
  );
}

async function liveSnapshot(ex: Executor, v: UnitView, r: RoundRecord): Promise<Snapshot> {
  const p = v.root;
  const picture = await pictureAt(ex, v, r.date, r.threshold);
  const indicators = await indicatorRows(ex, p, r.date);
  const engagement = r.kind === 'engagement' ? await engagementRows(ex, r, v) : [];
  return { ...picture, indicators, engagement };
}

async function roundForRead(ctx: ServiceContext, id: string) {
  requirePermission(ctx, 'execution.read');
  const r = await getRound(ctx.db, id);
  if (!r) throw roundNotFound();
  const p = await programmeForRead(ctx.db, ctx, r.programmeId);
  return { r, p };
}

export async function roundDetail(ctx: ServiceContext, id: string): Promise<RoundDetailDto> {
  const { r, p } = await roundForRead(ctx, id);
  const v = await unitView(ctx.db, ctx, p);
  const snapshot = frozenFor(ctx, p, r) ?? (await liveSnapshot(ctx.db, v, r));
  const rounds = (await listRounds(ctx.db, [p.id])).filter((x) => x.kind === 'execution');
  const states = await ownStates(
    ctx.db,
    v,
    rounds.filter((x) => !frozenFor(ctx, p, x)).map((x) => x.date),
  );
  return {
    ...roundDto(r, r.kind === 'engagement' ? null : snapshot.figures),
    byMunicipality: snapshot.byMunicipality,
    bySchool: snapshot.bySchool,
    lagging: snapshot.lagging,
    indicators: snapshot.indicators,
    engagement: snapshot.engagement,
    trend: rounds.map((x) => ({
      date: x.date,
      executionPercent: (frozenFor(ctx, p, x)?.figures ?? figuresAt(states, x.date, x.threshold)).executionPercent,
      frozen: x.frozenAt !== null,
    })),
  };
}

/** The round of a programme at a date, or the bare figures at that date when no round is scheduled then. */
export async function roundAtDate(
  ctx: ServiceContext,
  programmeId: string,
  date: string,
): Promise<RoundDetailDto | RoundFiguresDto> {
  const p = await programmeForRead(ctx.db, ctx, programmeId);
  const r = await findRoundByDate(ctx.db, p.id, date);
  if (r) return roundDetail(ctx, r.id);
  return figuresAt(await ownStates(ctx.db, await unitView(ctx.db, ctx, p), [date]), date, null);
}

async function programmeForMonitoring(tx: Executor, ctx: ServiceContext, programmeId: string) {
  requirePermission(ctx, 'monitoring.write');
  const p = await getProgrammeRecord(tx, programmeId, true);
  if (!p) throw programmeNotFound();
  requirePermission(ctx, 'monitoring.write', programmePlace(p));
  return p;
}

function checkThreshold(t: Threshold | null | undefined): void {
  if (t && (t.min < 0 || t.max > 100 || t.min > t.max))
    throw new DomainError('validation.failed', 'Пороговое значение: от 0 до 100 %, нижняя граница не больше верхней.', {
      problems: [{ field: 'threshold', message: 'Проверьте границы порогового значения.' }],
    });
}

export async function createRound(
  ctx: ServiceContext,
  programmeId: string,
  body: z.infer<typeof roundInput>,
): Promise<RoundDto> {
  const id = await inTransaction(ctx, async (tx) => {
    const p = await programmeForMonitoring(tx, ctx, programmeId);
    checkThreshold(body.threshold);
    const criteria = body.kind === 'engagement' ? (body.criteria ?? defaultEngagementCriteria) : [];
    const [id] = await insertRounds(tx, [
      {
        regionId: p.regionId,
        programmeId: p.id,
        kind: body.kind,
        date: body.date,
        title: body.title ?? '',
        minPercent: body.threshold?.min ?? null,
        maxPercent: body.threshold?.max ?? null,
        criteria,
      },
    ]);
    if (!id) throw new DomainError('conflict.duplicate', 'Мониторинг этого вида на эту дату уже есть.');
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'create',
      entity: 'monitoring_round',
      entityId: id,
      summary: `Мониторинг ${body.date} программы «${p.title.slice(0, 150)}»`,
      after: { ...body, programmeId: p.id },
    });
    return id;
  });
  return (await listProgrammeRounds(ctx, programmeId)).find((r) => r.id === id)!;
}

async function roundForWrite(tx: Executor, ctx: ServiceContext, id: string) {
  const r = await getRound(tx, id);
  if (!r) throw roundNotFound();
  const p = await programmeForMonitoring(tx, ctx, r.programmeId);
  return { r, p };
}

export async function updateRound(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof roundPatch>,
): Promise<RoundDetailDto> {
  await inTransaction(ctx, async (tx) => {
    const { r, p } = await roundForWrite(tx, ctx, id);
    if (r.frozenAt && (patch.date !== undefined || patch.threshold !== undefined || patch.criteria !== undefined))
      throw new DomainError(
        'conflict.state',
        'Итоги мониторинга зафиксированы: дату, порог и критерии изменить нельзя.',
      );
    checkThreshold(patch.threshold);
    const { version, threshold, ...rest } = patch;
    const values = {
      ...rest,
      ...(threshold !== undefined && { minPercent: threshold?.min ?? null, maxPercent: threshold?.max ?? null }),
    };
    if (!(await updateVersioned(tx, monitoringRounds, id, version, values)))
      throw await staleWrite(tx, 'monitoring_round', id, version, roundLabels);
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'update',
      entity: 'monitoring_round',
      entityId: id,
      summary: `Изменён мониторинг ${r.date} программы «${p.title.slice(0, 150)}»`,
      before: { ...r, snapshot: undefined },
      after: { ...r, ...patch, snapshot: undefined, version: r.version + 1 },
    });
  });
  return roundDetail(ctx, id);
}

export async function deleteRound(ctx: ServiceContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { r, p } = await roundForWrite(tx, ctx, id);
    if (!(await deleteVersioned(tx, monitoringRounds, id, version)))
      throw await staleWrite(tx, 'monitoring_round', id, version, roundLabels);
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'delete',
      entity: 'monitoring_round',
      entityId: id,
      summary: `Удалён мониторинг ${r.date} программы «${p.title.slice(0, 150)}»`,
      before: { ...r, snapshot: undefined },
    });
  });
}

/** Freezes the round's figures as they are now: later reports do not change them. */
export async function freezeRound(ctx: ServiceContext, id: string, version: number): Promise<RoundDetailDto> {
  await inTransaction(ctx, async (tx) => {
    const { r, p } = await roundForWrite(tx, ctx, id);
    if (r.frozenAt) throw new DomainError('conflict.state', 'Итоги этого мониторинга уже зафиксированы.');
    const snapshot = await liveSnapshot(tx, await unitView(tx, ctx, p), r);
    const frozenAt = ctx.now?.() ?? new Date();
    if (!(await updateVersioned(tx, monitoringRounds, id, version, { snapshot, frozenAt, frozenBy: ctx.actor.login })))
      throw await staleWrite(tx, 'monitoring_round', id, version, roundLabels);
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'update',
      entity: 'monitoring_round',
      entityId: id,
      summary: `Зафиксированы итоги мониторинга ${r.date}: исполнение ${snapshot.figures.executionPercent?.toFixed(1) ?? '—'} %`,
      before: { frozenAt: null, version: r.version },
      after: { frozenAt: frozenAt.toISOString(), figures: snapshot.figures, version: r.version + 1 },
    });
  });
  return roundDetail(ctx, id);
}

export async function setEngagementScores(
  ctx: ServiceContext,
  id: string,
  body: z.infer<typeof engagementBody>,
): Promise<RoundDetailDto> {
  await inTransaction(ctx, async (tx) => {
    const { r, p } = await roundForWrite(tx, ctx, id);
    if (r.kind !== 'engagement')
      throw new DomainError('conflict.state', 'Баллы вовлечённости вносятся в мониторинг вовлечённости.');
    if (r.frozenAt) throw new DomainError('conflict.state', 'Итоги мониторинга зафиксированы.');
    const problems = scoreProblems(r.criteria, body.scores);
    if (problems.length > 0)
      throw new DomainError('validation.failed', problems.join(' '), {
        problems: problems.map((message) => ({ field: 'scores', message })),
      });
    const place =
      body.kind === 'school'
        ? { municipalityId: null, organisationId: body.territoryId }
        : { municipalityId: body.territoryId, organisationId: null };
    const existing = (await listScores(tx, id)).find(
      (s) => s.municipalityId === place.municipalityId && s.organisationId === place.organisationId,
    );
    if (existing) {
      if (
        body.version === undefined ||
        !(await updateVersioned(tx, engagementScores, existing.id, body.version, { scores: body.scores }))
      )
        throw await staleWrite(tx, 'engagement_score', existing.id, body.version ?? 0, { scores: 'Баллы' });
    } else
      await tx.insert(engagementScores).values({ regionId: p.regionId, roundId: id, ...place, scores: body.scores });
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: existing ? 'update' : 'create',
      entity: 'engagement_score',
      entityId: existing?.id ?? id,
      summary: `Баллы вовлечённости (мониторинг ${r.date})`,
      before: existing ? { scores: existing.scores, version: existing.version } : null,
      after: { ...place, scores: body.scores },
    });
  });
  return roundDetail(ctx, id);
}

// ——— dashboards

export async function programmeDashboard(
  ctx: ServiceContext,
  programmeId: string,
  q: { municipalityId?: string; organisationId?: string },
): Promise<ProgrammeDashboardDto> {
  requirePermission(ctx, 'execution.read');
  const p = await programmeForRead(ctx.db, ctx, programmeId);
  const today = todayOf(ctx, p.timezone);
  const territory = q.organisationId
    ? { organisationId: q.organisationId }
    : q.municipalityId
      ? { municipalityId: q.municipalityId }
      : {};
  const level: ProgrammeDashboardDto['level'] = q.organisationId
    ? 'school'
    : q.municipalityId
      ? 'municipality'
      : 'programme';
  const [v, rounds] = await Promise.all([unitView(ctx.db, ctx, p, territory), listRounds(ctx.db, [p.id])]);
  const next = rounds.find((r) => r.kind === 'execution' && r.date >= today) ?? null;
  const threshold = next?.threshold ?? null;
  const live = rounds.filter((r) => r.kind === 'execution' && !frozenFor(ctx, p, r)).map((r) => r.date);
  const tree = { programmeIds: v.tree, ...v.filter };
  // At a territory, every activity giving it work counts, rolled over that territory's units.
  const [own, shown, territories, name, indicators] = await Promise.all([
    ownStates(ctx.db, v, [today, ...live]),
    level === 'programme' ? null : activityStates(ctx.db, tree, [today]),
    level === 'school' ? [] : territoryCounts(ctx.db, tree, today, level === 'programme' ? 'municipality' : 'school'),
    level === 'programme' ? p.territoryName : unitTerritoryName(ctx.db, tree),
    level === 'programme' ? indicatorRows(ctx.db, p, today) : [],
  ]);
  const activities = shown ?? own.get(today) ?? [];
  let dueSoon = 0;
  const activityRows = activities.map((a) => {
    const t = timingOf(a.status, a.reading, today, p.settings.dueSoonDays);
    if (t.timing === 'due-soon') dueSoon++;
    return {
      activityId: a.activityId,
      number: a.number,
      text: a.text,
      deadlineText: a.deadlineText,
      windows: a.reading.windows,
      status: a.status,
      timing: t.timing,
      unitsTotal: a.unitsLive,
      unitsDone: a.unitsDone,
    };
  });
  return {
    programmeId: p.id,
    title: p.title,
    today,
    level,
    territoryName: name,
    figures: figuresDto(roundFiguresOf(activities, today, threshold)),
    dueSoon,
    territories: territoryRows(territories),
    activities: activityRows,
    indicators,
    rounds: rounds.map((r) =>
      roundDto(
        r,
        r.kind === 'engagement' ? null : (frozenFor(ctx, p, r)?.figures ?? figuresAt(own, r.date, r.threshold)),
      ),
    ),
  };
}

/** Programmes the actor follows, lagging first, with their execution today. */
export async function regionDashboard(ctx: ServiceContext) {
  requirePermission(ctx, 'execution.read');
  const { items } = await listProgrammes(ctx.db, scope(ctx), {}, dashboardLimit, 0);
  const ids = items.map((i) => i.id);
  const [clocks, rounds] = await Promise.all([programmeClocks(ctx.db, ids), listRounds(ctx.db, ids)]);
  const clockOf = new Map(clocks.map((c) => [c.id, c]));
  const todayOfProgramme = new Map(items.map((i) => [i.id, todayOf(ctx, clockOf.get(i.id)!.timezone)]));
  const counts = await programmeCounts(ctx.db, {
    programmes: items.map((i) => ({
      id: i.id,
      today: todayOfProgramme.get(i.id)!,
      dueSoonDays: clockOf.get(i.id)!.dueSoonDays,
    })),
    fullIds: new Set(items.filter((i) => can(ctx.actor, 'programme.read', programmePlace(i))).map((i) => i.id)),
    scope: scope(ctx),
  });
  const countsOf = new Map(counts.map((c) => [c.programmeId, c]));
  const roundsOf = groupBy(rounds, (r) => r.programmeId);
  const rows = items.map((p) => {
    const today = todayOfProgramme.get(p.id)!;
    const next = (roundsOf.get(p.id) ?? []).find((r) => r.kind === 'execution' && r.date >= today) ?? null;
    const c = countsOf.get(p.id) ?? { total: 0, cancelled: 0, done: 0, overdue: 0, dueSoon: 0 };
    return {
      programmeId: p.id,
      title: p.title,
      level: p.level,
      territoryName: p.territoryName,
      status: p.status,
      total: c.total,
      done: c.done,
      cancelled: c.cancelled,
      percent: percentOf(c.done, c.total - c.cancelled),
      overdue: c.overdue,
      dueSoon: c.dueSoon,
      nextRound: next ? { date: next.date, threshold: next.threshold } : null,
    };
  });
  return rows.sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || b.overdue - a.overdue);
}

/** The dashboard lists every programme of a region (a large region holds a few hundred roadmaps). */
const dashboardLimit = 10_000;

// ——— the analytic report

/** The report of a round: the same figures as its page (frozen, or live while the round is open). */
export async function roundReport(ctx: ServiceContext, id: string): Promise<{ report: RoundReport; baseName: string }> {
  const d = await roundDetail(ctx, id);
  const p = (await getProgrammeRecord(ctx.db, d.programmeId))!;
  const f = d.figures;
  if (!f) throw new DomainError('conflict.state', 'Аналитическая справка составляется по мониторингу исполнения.');
  const act = p.act.number
    ? `${p.act.kind || 'приказ'}${p.act.authority ? ` ${p.act.authority}` : ''}${p.act.date ? ` от ${ruDate(p.act.date)}` : ''} № ${p.act.number}`
    : '';
  const report: RoundReport = {
    regionName: (await getRegion(ctx.db, p.regionId))?.name ?? '',
    programmeTitle: p.title,
    programmeAct: act,
    round: { date: d.date, title: d.title, threshold: d.threshold, frozenAt: d.frozenAt },
    summary: {
      total: f.total,
      cancelled: f.cancelled,
      done: f.done,
      inProgress: f.inProgress,
      planned: f.planned,
      overdue: f.overdue,
      executionPercent: f.executionPercent,
      dueByDate: f.dueByDate,
      doneOfDue: f.doneOfDue,
      duePercent: f.duePercent,
      meetsThreshold: f.meetsThreshold,
      thresholdText: f.thresholdText,
    },
    byMunicipality: d.byMunicipality.map((t) => ({
      name: t.name,
      total: t.total,
      done: t.done,
      cancelled: t.cancelled,
      overdue: t.overdue,
      executionPercent: t.percent,
    })),
    bySchool: d.bySchool.map((t) => ({
      municipality: t.municipalityName,
      name: t.name,
      total: t.total,
      done: t.done,
      cancelled: t.cancelled,
      overdue: t.overdue,
      executionPercent: t.percent,
    })),
    lagging: d.lagging.map((l) => ({
      number: l.number,
      text: l.text,
      deadlineText: l.deadlineText,
      responsible: l.responsible,
      unitsTotal: l.unitsTotal,
      unitsDone: l.unitsDone,
      statusText: executionStatusLabels[l.status],
      daysOverdue: l.daysOverdue,
    })),
    indicators: d.indicators.flatMap((i) =>
      i.targets.map((t) => ({
        number: i.number,
        name: `${i.name}${i.targets.length > 1 ? ` (${t.period})` : ''}`,
        unit: i.unit,
        baseline: i.baselineText,
        target: t.valueText,
        actual: t.actual === null ? '' : String(t.actual).replace('.', ','),
        statusText: indicatorStatusLabels[t.status],
        rule: t.rule,
      })),
    ),
    trend: d.trend.map((t) => ({ date: t.date, executionPercent: t.executionPercent })),
    recommendations: d.recommendations,
    generatedAt: (ctx.now?.() ?? new Date()).toISOString(),
    timeZone: p.timezone,
  };
  return { report, baseName: `Аналитическая справка ${ruDate(d.date)}` };
}

export async function roundReportFile(ctx: ServiceContext, id: string, format: 'docx' | 'xlsx') {
  const { report, baseName } = await roundReport(ctx, id);
  const bytes = format === 'docx' ? await writeRoundReportDocx(report) : await writeRoundReportXlsx(report);
  return { bytes, baseName };
}
