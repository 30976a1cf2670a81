// Public pages of a programme: what parents and press may read of a programme its owners published (seed 003,
// passport item 13; seed 004 items 30–32, «информационное сопровождение»), and a school's share of it for a
// widget on the school's website. Read without an actor, so the rule is here: only a programme whose `public`
// flag is set and which is approved; anything else is as if it did not exist. Personal data never leaves:
// responsible and executors, comments, evidence, names of people, accounts and the order's signatory are not read
// into the result at all.
import type {
  PublicActivityDto,
  PublicFiguresDto,
  PublicProgrammeDto,
  PublicSchoolWidgetDto,
} from '../contract/public.ts';
import { approvalStatusLabels } from '../domain/execution/approval.ts';
import { indicatorStatusLabels } from '../domain/execution/indicators.ts';
import {
  activitiesOf,
  activityStatus,
  type RoundFigures,
  roundFigures,
  thresholdText,
} from '../domain/execution/rollup.ts';
import { executionStatusLabels, localDate, timingOf } from '../domain/execution/status.ts';
import { groupBy } from '../domain/group-by.ts';
import type { Executor } from '../storage/database.ts';
import { loadUnits, type UnitRecord } from '../storage/execution-repo.ts';
import { listRounds } from '../storage/monitoring-repo.ts';
import { getProgrammeRecord, listSections, type ProgrammeRecord } from '../storage/programmes-repo.ts';
import { indicatorRows } from './indicators.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The programme, if anyone may read it: published by its owners and approved. A draft (or one reopened for
 * changes) is a working document, not yet an order, even when the flag is set.
 */
async function publishedProgramme(ex: Executor, id: string): Promise<ProgrammeRecord | null> {
  if (!uuidPattern.test(id)) return null;
  const p = await getProgrammeRecord(ex, id);
  if (!p?.public || p.status !== 'approved') return null;
  return p;
}

const figuresOfRound = (f: RoundFigures): PublicFiguresDto => ({
  total: f.total,
  done: f.done,
  cancelled: f.cancelled,
  inProgress: f.inProgress,
  planned: f.planned,
  overdue: f.overdue,
  percent: f.percent,
});

/** An activity as the public sees it: its wording, deadline as written, status and, for many executors, N of M. */
function activityOf(
  units: readonly UnitRecord[],
  today: string,
  dueSoonDays: number,
  share: boolean,
): PublicActivityDto {
  const first = units[0]!;
  const statuses = units.map((u) => u.status);
  const status = activityStatus(statuses);
  const many = !share && first.targetKind !== 'owner';
  return {
    number: first.number,
    text: first.text,
    deadlineText: first.deadlineText,
    status,
    statusText: executionStatusLabels[status],
    overdue: timingOf(status, first.reading, today, dueSoonDays).timing === 'overdue',
    executors: many
      ? {
          kind: first.targetKind as 'schools' | 'municipalities',
          done: statuses.filter((s) => s === 'done').length,
          total: statuses.filter((s) => s !== 'cancelled').length,
        }
      : null,
  };
}

/** Frozen figures of a round as stored with its results (services/monitoring.ts keeps them under `figures`). */
interface FrozenFigures {
  executionPercent: number | null;
  done: number;
  total: number;
  cancelled: number;
  meetsThreshold: boolean | null;
}
const frozenFigures = (snapshot: unknown): FrozenFigures | null =>
  (snapshot as { figures?: FrozenFigures } | null)?.figures ?? null;

export async function publicProgramme(ex: Executor, id: string, now: Date): Promise<PublicProgrammeDto | null> {
  const p = await publishedProgramme(ex, id);
  if (!p) return null;
  const today = localDate(now, p.timezone);
  const [units, sections, rounds, indicators] = await Promise.all([
    loadUnits(ex, { programmeIds: [p.id] }),
    listSections(ex, p.id),
    listRounds(ex, [p.id]),
    indicatorRows(ex, p, today),
  ]);
  const activities = activitiesOf(units);
  const bySection = groupBy(units, (u) => u.sectionId);
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    level: p.level,
    territoryName: p.territoryName,
    period: p.period,
    periodText: p.periodText,
    act:
      p.act.number || p.act.date
        ? { kind: p.act.kind, authority: p.act.authority, number: p.act.number, date: p.act.date }
        : null,
    statusText: approvalStatusLabels.approved,
    today,
    figures: figuresOfRound(roundFigures(activities, today, null)),
    sections: sections
      .map((s) => ({
        number: s.number,
        title: s.title,
        activities: [...groupBy(bySection.get(s.id) ?? [], (u) => u.activityId).values()].map((g) =>
          activityOf(g, today, p.settings.dueSoonDays, false),
        ),
      }))
      .filter((s) => s.activities.length > 0),
    indicators: indicators.map((i) => ({
      number: i.number,
      name: i.name,
      unit: i.unit,
      baseline: i.baselineText,
      targets: i.targets.map((t) => ({
        period: t.period,
        value: t.valueText,
        actual: t.actual,
        status: t.status,
        statusText: indicatorStatusLabels[t.status],
      })),
    })),
    rounds: rounds
      .filter((r) => r.kind === 'execution')
      .map((r) => {
        const frozen = r.frozenAt !== null ? frozenFigures(r.snapshot) : null;
        const upcoming = !frozen && r.date > today;
        const live = frozen || upcoming ? null : roundFigures(activities, r.date, r.threshold);
        return {
          date: r.date,
          title: r.title,
          thresholdText: r.threshold ? thresholdText(r.threshold) : '',
          executionPercent: frozen?.executionPercent ?? live?.percent ?? null,
          done: frozen?.done ?? live?.done ?? null,
          executable: frozen ? frozen.total - frozen.cancelled : live ? live.total - live.cancelled : null,
          meetsThreshold: frozen?.meetsThreshold ?? live?.meetsThreshold ?? null,
          frozen: frozen !== null,
          upcoming,
        };
      }),
  };
}

/**
 * A school's share of a published programme: the activities it executes (its own units), its execution and the
 * programme's title. Null when the programme is not published or gives the school no work.
 */
export async function publicSchoolWidget(
  ex: Executor,
  id: string,
  schoolCode: string,
  now: Date,
): Promise<PublicSchoolWidgetDto | null> {
  const code = schoolCode.trim();
  if (!code) return null;
  const p = await publishedProgramme(ex, id);
  if (!p) return null;
  const units = (await loadUnits(ex, { programmeIds: [p.id] })).filter(
    (u) => u.organisationId !== null && u.organisationCode === code,
  );
  const first = units[0];
  if (!first) return null;
  const today = localDate(now, p.timezone);
  const activities = activitiesOf(units);
  return {
    programmeId: p.id,
    programmeTitle: p.title,
    territoryName: p.territoryName,
    today,
    school: { code, name: first.executorName },
    figures: figuresOfRound(roundFigures(activities, today, null)),
    activities: activities.map((a) => activityOf(a.units as UnitRecord[], today, p.settings.dueSoonDays, true)),
  };
}
