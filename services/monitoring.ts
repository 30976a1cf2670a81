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
  type ActivityExecution,
  activityStatus,
  figuresByTerritory,
  laggingFirst,
  type RoundFigures,
  roundFigures,
  statusAt,
  type Threshold,
  thresholdText,
} from '../domain/execution/rollup.ts';
import { daysBetween, executionStatusLabels, finalDeadline, timingOf } from '../domain/execution/status.ts';
import { groupBy } from '../domain/group-by.ts';
import { can } from '../domain/roles.ts';
import { type Executor, queryRows } from '../storage/database.ts';
import { loadUnits, type UnitRecord } from '../storage/execution-repo.ts';
import {
  findRoundByDate,
  getRound,
  insertRounds,
  listRounds,
  listScores,
  type RoundRecord,
} from '../storage/monitoring-repo.ts';
import { getProgrammeRecord, listProgrammes, type ProgrammeRecord } from '../storage/programmes-repo.ts';
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

const asActivities = (units: readonly UnitRecord[]): ActivityExecution[] =>
  [...groupBy(units, (u) => u.activityId).values()].map((g) => ({
    id: g[0]!.activityId,
    reading: g[0]!.reading,
    units: g,
  }));

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

/** The units an actor may count: all of them for the programme's owners, else those inside the actor's scope. */
async function visibleUnits(ex: Executor, ctx: ServiceContext, root: ProgrammeRecord): Promise<UnitRecord[]> {
  const ids = await programmeTree(ex, root.id);
  const all = can(ctx.actor, 'programme.read', programmePlace(root));
  return loadUnits(ex, { programmeIds: ids }, all ? undefined : scope(ctx));
}

function territoryRows(
  activities: ActivityExecution[],
  date: string,
  names: Map<string, { name: string; municipalityName: string }>,
  keyOf: (u: ActivityExecution['units'][number]) => string | null,
): TerritoryFiguresDto[] {
  return figuresByTerritory(activities, date, keyOf)
    .sort(laggingFirst)
    .map((t) => ({
      id: t.key,
      name: names.get(t.key)?.name ?? '',
      municipalityName: names.get(t.key)?.municipalityName ?? '',
      total: t.total,
      done: t.done,
      cancelled: t.cancelled,
      inProgress: t.inProgress,
      planned: t.planned,
      overdue: t.overdue,
      percent: t.percent,
    }));
}

/**
 * Execution at a date: the programme's own activities against the threshold; municipalities and schools
 * counted in units over the programme and the roadmaps cascaded from it (each school's share of regional
 * work and its own roadmap); lagging activities are those due by the date and not done.
 */
function pictureAt(root: ProgrammeRecord, units: UnitRecord[], date: string, threshold: Threshold | null): Picture {
  const own = asActivities(units.filter((u) => u.programmeId === root.id));
  const everything = asActivities(units);
  const names = new Map<string, { name: string; municipalityName: string }>();
  for (const u of units) {
    if (u.organisationId) names.set(u.organisationId, { name: u.executorName, municipalityName: u.municipalityName });
    else if (u.municipalityId && !names.has(u.municipalityId))
      names.set(u.municipalityId, { name: u.municipalityName || u.executorName, municipalityName: '' });
  }
  for (const u of units)
    if (u.organisationId && u.municipalityId && !names.has(u.municipalityId))
      names.set(u.municipalityId, { name: u.municipalityName, municipalityName: '' });
  const lagging: Picture['lagging'] = [];
  for (const a of own) {
    const first = a.units[0] as UnitRecord;
    const statuses = a.units.map((u) => statusAt(u, date));
    const status = activityStatus(statuses);
    const final = finalDeadline(a.reading);
    if (status === 'done' || status === 'cancelled' || final === null || final > date) continue;
    lagging.push({
      activityId: a.id,
      number: first.number,
      text: first.text,
      deadlineText: first.deadlineText,
      responsible: first.responsible,
      unitsTotal: statuses.filter((s) => s !== 'cancelled').length,
      unitsDone: statuses.filter((s) => s === 'done').length,
      status,
      daysOverdue: final < date ? daysBetween(final, date) : null,
    });
  }
  lagging.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0));
  return {
    figures: figuresDto(roundFigures(own, date, threshold)),
    byMunicipality: territoryRows(everything, date, names, (u) => u.municipalityId),
    bySchool: territoryRows(everything, date, names, (u) => u.organisationId),
    lagging,
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
  const [rounds, units] = await Promise.all([listRounds(ctx.db, [p.id]), visibleUnits(ctx.db, ctx, p)]);
  return rounds.map((r) =>
    roundDto(
      r,
      r.kind === 'engagement'
        ? null
        : (frozenFor(ctx, p, r)?.figures ?? pictureAt(p, units, r.date, r.threshold).figures),
    ),
  );
}

async function engagementRows(
  ex: Executor,
  r: RoundRecord,
  units: UnitRecord[],
): Promise<RoundDetailDto['engagement']> {
  const scores = await listScores(ex, r.id);
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

async function liveSnapshot(ex: Executor, ctx: ServiceContext, p: ProgrammeRecord, r: RoundRecord): Promise<Snapshot> {
  const units = await visibleUnits(ex, ctx, p);
  const picture = pictureAt(p, units, r.date, r.threshold);
  return {
    ...picture,
    indicators: await indicatorRows(ex, p, r.date),
    engagement: r.kind === 'engagement' ? await engagementRows(ex, r, units) : [],
  };
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
  const snapshot = frozenFor(ctx, p, r) ?? (await liveSnapshot(ctx.db, ctx, p, r));
  const units = await visibleUnits(ctx.db, ctx, p);
  const rounds = (await listRounds(ctx.db, [p.id])).filter((x) => x.kind === 'execution');
  return {
    ...roundDto(r, r.kind === 'engagement' ? null : snapshot.figures),
    byMunicipality: snapshot.byMunicipality,
    bySchool: snapshot.bySchool,
    lagging: snapshot.lagging,
    indicators: snapshot.indicators,
    engagement: snapshot.engagement,
    trend: rounds.map((x) => ({
      date: x.date,
      executionPercent: (frozenFor(ctx, p, x)?.figures ?? pictureAt(p, units, x.date, x.threshold).figures)
        .executionPercent,
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
  return pictureAt(p, await visibleUnits(ctx.db, ctx, p), date, null).figures;
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
    const snapshot = await liveSnapshot(tx, ctx, p, r);
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
  let units = await visibleUnits(ctx.db, ctx, p);
  const rounds = await listRounds(ctx.db, [p.id]);
  const next = rounds.find((r) => r.kind === 'execution' && r.date >= today) ?? null;
  let level: ProgrammeDashboardDto['level'] = 'programme';
  let territoryName = p.territoryName;
  if (q.organisationId) {
    units = units.filter((u) => u.organisationId === q.organisationId);
    level = 'school';
    territoryName = units[0]?.executorName ?? '';
  } else if (q.municipalityId) {
    units = units.filter((u) => u.municipalityId === q.municipalityId);
    level = 'municipality';
    territoryName = units.find((u) => u.municipalityName)?.municipalityName ?? units[0]?.executorName ?? '';
  }
  // At a territory, every activity giving it work counts, rolled over that territory's units.
  const scoped = level === 'programme' ? units.filter((u) => u.programmeId === p.id) : units;
  const picture = pictureAt(p, units, today, next?.threshold ?? null);
  const activities = asActivities(scoped);
  const figures =
    level === 'programme' ? picture.figures : figuresDto(roundFigures(activities, today, next?.threshold ?? null));
  let dueSoon = 0;
  const activityRows = activities.map((a) => {
    const first = a.units[0] as UnitRecord;
    const status = activityStatus(a.units.map((u) => u.status));
    const t = timingOf(status, a.reading, today, p.settings.dueSoonDays);
    if (t.timing === 'due-soon') dueSoon++;
    return {
      activityId: a.id,
      number: first.number,
      text: first.text,
      deadlineText: first.deadlineText,
      windows: first.reading.windows,
      status,
      timing: t.timing,
      unitsTotal: a.units.filter((u) => u.status !== 'cancelled').length,
      unitsDone: a.units.filter((u) => u.status === 'done').length,
    };
  });
  const territories = level === 'programme' ? picture.byMunicipality : level === 'municipality' ? picture.bySchool : [];
  const roundFiguresOf = (r: RoundRecord) =>
    r.kind === 'engagement'
      ? null
      : (frozenFor(ctx, p, r)?.figures ?? pictureAt(p, units, r.date, r.threshold).figures);
  return {
    programmeId: p.id,
    title: p.title,
    today,
    level,
    territoryName,
    figures,
    dueSoon,
    territories,
    activities: activityRows,
    indicators: level === 'programme' ? await indicatorRows(ctx.db, p, today) : [],
    rounds: rounds.map((r) => roundDto(r, roundFiguresOf(r))),
  };
}

/** Programmes the actor follows, lagging first, with their execution today. */
export async function regionDashboard(ctx: ServiceContext) {
  requirePermission(ctx, 'execution.read');
  const { items } = await listProgrammes(ctx.db, scope(ctx), {}, 200, 0);
  const rows = [];
  for (const item of items) {
    const p = (await getProgrammeRecord(ctx.db, item.id))!;
    const today = todayOf(ctx, p.timezone);
    const units = await visibleUnits(ctx.db, ctx, p);
    const rounds = await listRounds(ctx.db, [p.id]);
    const next = rounds.find((r) => r.kind === 'execution' && r.date >= today) ?? null;
    const own = asActivities(units.filter((u) => u.programmeId === p.id));
    const f = roundFigures(own, today, null);
    const dueSoon = own.filter(
      (a) =>
        timingOf(activityStatus(a.units.map((u) => u.status)), a.reading, today, p.settings.dueSoonDays).timing ===
        'due-soon',
    ).length;
    rows.push({
      programmeId: p.id,
      title: p.title,
      level: p.level,
      territoryName: p.territoryName,
      status: p.status,
      total: f.total,
      done: f.done,
      cancelled: f.cancelled,
      percent: f.percent,
      overdue: f.overdue,
      dueSoon,
      nextRound: next ? { date: next.date, threshold: next.threshold } : null,
    });
  }
  return rows.sort((a, b) => (a.percent ?? 101) - (b.percent ?? 101) || b.overdue - a.overdue);
}

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
