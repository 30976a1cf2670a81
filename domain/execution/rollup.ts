// Roll-up of execution: units (an activity as executed by its owner, or by each target school or
// municipality) → activities → territories, and the figures of a monitoring round. Execution % is
// done ÷ (all − cancelled), seed 004's measure; every percentage keeps its parts beside it.
import type { DeadlineReading } from '../deadline/read-deadline.ts';
import { dueBy, type ExecutionStatus, finalDeadline } from './status.ts';

export interface ExecutionUnit {
  activityId: string;
  municipalityId: string | null;
  organisationId: string | null;
  status: ExecutionStatus;
  /** The date the work was done, as reported (ISO). */
  completedOn: string | null;
}

export interface ActivityExecution {
  id: string;
  reading: Pick<DeadlineReading, 'windows'>;
  units: ExecutionUnit[];
}

export interface ExecutionFigures {
  total: number;
  cancelled: number;
  done: number;
  inProgress: number;
  planned: number;
  /** done ÷ (total − cancelled) × 100; null when nothing is left to execute. */
  percent: number | null;
}

/** Units grouped into their activities, in the order the units come. */
export function activitiesOf<U extends ExecutionUnit & { reading: Pick<DeadlineReading, 'windows'> }>(
  units: readonly U[],
): (ActivityExecution & { units: U[] })[] {
  const byActivity = new Map<string, U[]>();
  for (const u of units) {
    const list = byActivity.get(u.activityId);
    if (list) list.push(u);
    else byActivity.set(u.activityId, [u]);
  }
  return [...byActivity.values()].map((g) => ({ id: g[0]!.activityId, reading: g[0]!.reading, units: g }));
}

/** A unit's status as it stood at the end of a date: work reported done later is still in progress then. */
export function statusAt(unit: Pick<ExecutionUnit, 'status' | 'completedOn'>, date: string | null): ExecutionStatus {
  if (date === null || unit.status !== 'done') return unit.status;
  return unit.completedOn !== null && unit.completedOn > date ? 'in_progress' : 'done';
}

/**
 * An activity executed by many: cancelled when every unit is, done when every unit that is not cancelled is
 * done, in progress once any unit has started or finished, planned otherwise.
 */
export function activityStatus(statuses: readonly ExecutionStatus[]): ExecutionStatus {
  const live = statuses.filter((s) => s !== 'cancelled');
  if (statuses.length > 0 && live.length === 0) return 'cancelled';
  if (live.length > 0 && live.every((s) => s === 'done')) return 'done';
  if (live.some((s) => s === 'done' || s === 'in_progress')) return 'in_progress';
  return 'planned';
}

export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? (part * 100) / whole : null);

export function figuresOf(statuses: readonly ExecutionStatus[]): ExecutionFigures {
  const count = (s: ExecutionStatus) => statuses.filter((x) => x === s).length;
  const f = {
    total: statuses.length,
    cancelled: count('cancelled'),
    done: count('done'),
    inProgress: count('in_progress'),
    planned: count('planned'),
  };
  return { ...f, percent: percentOf(f.done, f.total - f.cancelled) };
}

export interface Threshold {
  min: number;
  max: number;
}

export type ThresholdLevel = 'below' | 'min' | 'max';

/**
 * Where execution stands against a round's threshold, compared exactly in integers: done × 100 against
 * percent × (all − cancelled), so 3 of 10 meets «не менее 30 %» and 2,99 of 10 never rounds up.
 */
export function thresholdLevel(done: number, executable: number, t: Threshold): ThresholdLevel {
  const meets = (percent: number) => done * 100 * 1000 >= Math.round(percent * 1000) * executable;
  if (executable === 0) return 'max';
  if (meets(t.max)) return 'max';
  return meets(t.min) ? 'min' : 'below';
}

/** «не менее 30–40 %», «не менее 80 %». */
export function thresholdText(t: Threshold): string {
  const n = (x: number) => String(x).replace('.', ',');
  return t.min === t.max ? `не менее ${n(t.min)} %` : `не менее ${n(t.min)}–${n(t.max)} %`;
}

export interface RoundFigures extends ExecutionFigures {
  date: string;
  /** Activities not cancelled whose final deadline is on or before the date, and how many of them are done. */
  dueByDate: number;
  doneOfDue: number;
  duePercent: number | null;
  /** Not cancelled, not done, final deadline before the date. */
  overdue: number;
  threshold: Threshold | null;
  level: ThresholdLevel | null;
  meetsThreshold: boolean | null;
}

/** The figures of a monitoring round at its date, from the activities and their units. */
export function roundFigures(
  activities: readonly ActivityExecution[],
  date: string,
  threshold: Threshold | null,
): RoundFigures {
  return roundFiguresOf(
    activities.map((a) => ({ reading: a.reading, status: activityStatus(a.units.map((u) => statusAt(u, date))) })),
    date,
    threshold,
  );
}

/** The same figures from each activity's status at the date (as the database counts them from the units). */
export function roundFiguresOf(
  activities: readonly { reading: Pick<DeadlineReading, 'windows'>; status: ExecutionStatus }[],
  date: string,
  threshold: Threshold | null,
): RoundFigures {
  const figures = figuresOf(activities.map((a) => a.status));
  let dueByDate = 0;
  let doneOfDue = 0;
  let overdue = 0;
  for (const a of activities) {
    const s = a.status;
    if (s === 'cancelled') continue;
    if (dueBy(a.reading, date)) {
      dueByDate++;
      if (s === 'done') doneOfDue++;
    }
    const final = finalDeadline(a.reading);
    if (s !== 'done' && final !== null && final < date) overdue++;
  }
  const level = threshold ? thresholdLevel(figures.done, figures.total - figures.cancelled, threshold) : null;
  return {
    ...figures,
    date,
    dueByDate,
    doneOfDue,
    duePercent: percentOf(doneOfDue, dueByDate),
    overdue,
    threshold,
    level,
    meetsThreshold: level === null ? null : level !== 'below',
  };
}

export interface TerritoryFigures extends ExecutionFigures {
  key: string;
  overdue: number;
}

/**
 * Execution per territory counted in units: a school's own share of work (its units), a municipality's
 * units and its schools'. `keyOf` picks the territory of a unit (null: not counted).
 */
export function figuresByTerritory(
  activities: readonly ActivityExecution[],
  date: string,
  keyOf: (u: ExecutionUnit) => string | null,
): TerritoryFigures[] {
  const groups = new Map<string, { statuses: ExecutionStatus[]; overdue: number }>();
  for (const a of activities) {
    const final = finalDeadline(a.reading);
    for (const u of a.units) {
      const key = keyOf(u);
      if (key === null) continue;
      const g = groups.get(key) ?? { statuses: [], overdue: 0 };
      const s = statusAt(u, date);
      g.statuses.push(s);
      if (s !== 'done' && s !== 'cancelled' && final !== null && final < date) g.overdue++;
      groups.set(key, g);
    }
  }
  return [...groups].map(([key, g]) => ({ key, ...figuresOf(g.statuses), overdue: g.overdue }));
}

/** Lagging first: the lowest execution, then the most overdue. */
export const laggingFirst = (
  a: Pick<TerritoryFigures, 'percent' | 'overdue'>,
  b: Pick<TerritoryFigures, 'percent' | 'overdue'>,
): number => (a.percent ?? 101) - (b.percent ?? 101) || b.overdue - a.overdue;
