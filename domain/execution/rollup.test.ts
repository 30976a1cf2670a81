// Roll-up of execution, checked by hand: units → activities → territories, and a monitoring round of a plan
// shaped like seed 004 («Первый мониторинг исполнения мероприятий дорожной карты» 30.06.2023, «Исполнение
// дорожной карты не менее 30-40%»). Execution % is done ÷ (all − cancelled).
import { describe, expect, it } from 'vitest';
import type { Window } from '../deadline/read-deadline.ts';
import {
  type ActivityExecution,
  activityStatus,
  type ExecutionUnit,
  figuresByTerritory,
  figuresOf,
  laggingFirst,
  percentOf,
  roundFigures,
  statusAt,
  type TerritoryFigures,
  type Threshold,
  type ThresholdLevel,
  thresholdLevel,
  thresholdText,
} from './rollup.ts';
import type { ExecutionStatus } from './status.ts';

const P: ExecutionStatus = 'planned';
const I: ExecutionStatus = 'in_progress';
const D: ExecutionStatus = 'done';
const C: ExecutionStatus = 'cancelled';

describe('statusAt: a unit as it stood at the end of a date', () => {
  // [status now, completedOn, date, status at the date]
  const rows: [ExecutionStatus, string | null, string | null, ExecutionStatus][] = [
    [D, '2023-06-29', '2023-06-30', D],
    [D, '2023-06-30', '2023-06-30', D], // done on the round's date counts
    [D, '2023-07-01', '2023-06-30', I], // reported done after the date: still in progress then
    [D, '2023-12-01', '2023-06-30', I],
    [D, null, '2023-06-30', D], // no date reported: taken as done
    [D, '2023-07-01', null, D], // no date asked: the status as it is
    [I, null, '2023-06-30', I],
    [P, null, '2023-06-30', P],
    [C, null, '2023-06-30', C],
    [C, '2023-07-01', '2023-06-30', C],
  ];
  it.each(rows)('%s completed %s, at %s → %s', (status, completedOn, date, expected) => {
    expect(statusAt({ status, completedOn }, date)).toBe(expected);
  });
});

describe('activityStatus: an activity executed by many', () => {
  const rows: [string, ExecutionStatus[], ExecutionStatus][] = [
    ['one unit planned', [P], P],
    ['one unit done', [D], D],
    ['all cancelled', [C, C, C], C],
    ['one cancelled', [C], C],
    ['done and cancelled: done', [D, C], D],
    ['all done', [D, D, D], D],
    ['done and planned: in progress', [D, P], I],
    ['done, planned, cancelled: in progress', [D, P, C], I],
    ['in progress and planned', [I, P], I],
    ['in progress and cancelled', [I, C], I],
    ['all planned', [P, P], P],
    ['planned and cancelled: planned', [P, C], P],
    ['done and in progress', [D, I], I],
    ['no units yet: planned', [], P],
  ];
  it.each(rows)('%s', (_what, statuses, expected) => {
    expect(activityStatus(statuses)).toBe(expected);
  });
});

describe('figuresOf and percentOf: cancelled units leave the base', () => {
  const rows: [string, ExecutionStatus[], ReturnType<typeof figuresOf>][] = [
    [
      '3 done of 10, 2 cancelled: 3 ÷ 8 = 37,5 %',
      [D, D, D, I, I, P, P, P, C, C],
      { total: 10, cancelled: 2, done: 3, inProgress: 2, planned: 3, percent: 37.5 },
    ],
    ['all done', [D, D], { total: 2, cancelled: 0, done: 2, inProgress: 0, planned: 0, percent: 100 }],
    ['done and cancelled: 100 %', [D, C], { total: 2, cancelled: 1, done: 1, inProgress: 0, planned: 0, percent: 100 }],
    ['nothing done', [P, I], { total: 2, cancelled: 0, done: 0, inProgress: 1, planned: 1, percent: 0 }],
    [
      'all cancelled: no percent',
      [C, C],
      { total: 2, cancelled: 2, done: 0, inProgress: 0, planned: 0, percent: null },
    ],
    ['nothing at all: no percent', [], { total: 0, cancelled: 0, done: 0, inProgress: 0, planned: 0, percent: null }],
  ];
  it.each(rows)('%s', (_what, statuses, expected) => {
    expect(figuresOf(statuses)).toEqual(expected);
  });
  it('percentOf keeps fractions and has no value for an empty whole', () => {
    expect(percentOf(2, 7)).toBeCloseTo(28.5714, 4);
    expect(percentOf(1, 3)).toBeCloseTo(33.3333, 4);
    expect(percentOf(0, 5)).toBe(0);
    expect(percentOf(0, 0)).toBeNull();
  });
});

describe('thresholdLevel: exact comparison, no rounding up', () => {
  const t3040: Threshold = { min: 30, max: 40 };
  const t8090: Threshold = { min: 80, max: 90 };
  // [done, executable, threshold, level, the share for the reader]
  const rows: [number, number, Threshold, ThresholdLevel, string][] = [
    [3, 10, t3040, 'min', '30 %: meets the minimum exactly'],
    [2, 7, t3040, 'below', '28,57 %'],
    [4, 10, t3040, 'max', '40 %: meets the maximum exactly'],
    [0, 0, t3040, 'max', 'nothing left to execute: nothing is lacking'],
    [0, 10, t3040, 'below', '0 %'],
    [299, 1000, t3040, 'below', '29,9 %'],
    [300, 1000, t3040, 'min', '30 %'],
    [301, 1000, t3040, 'min', '30,1 %'],
    [399, 1000, t3040, 'min', '39,9 %'],
    [400, 1000, t3040, 'max', '40 %'],
    [401, 1000, t3040, 'max', '40,1 %'],
    [1, 3, t3040, 'min', '33,3 %'],
    [10, 10, t3040, 'max', '100 %'],
    [7, 10, t8090, 'below', '70 %, second round «не менее 80-90%»'],
    [8, 10, t8090, 'min', '80 %'],
    [9, 10, t8090, 'max', '90 %'],
    [17, 19, t8090, 'min', '89,47 %'],
    [1, 3, { min: 33.3, max: 50 }, 'min', '33,33 % against 33,3 %'],
    [1, 3, { min: 33.4, max: 50 }, 'below', '33,33 % against 33,4 %'],
    [0, 10, { min: 0, max: 0 }, 'max', 'a zero threshold is always met'],
  ];
  it.each(rows)('%i of %i against %o → %s (%s)', (done, executable, t, level) => {
    expect(thresholdLevel(done, executable, t)).toBe(level);
  });
});

describe('thresholdText', () => {
  it.each([
    [{ min: 30, max: 40 }, 'не менее 30–40 %'],
    [{ min: 80, max: 90 }, 'не менее 80–90 %'],
    [{ min: 80, max: 80 }, 'не менее 80 %'],
    [{ min: 0, max: 0 }, 'не менее 0 %'],
    [{ min: 33.5, max: 40 }, 'не менее 33,5–40 %'],
    [{ min: 12.25, max: 12.75 }, 'не менее 12,25–12,75 %'],
    [{ min: 99.9, max: 99.9 }, 'не менее 99,9 %'],
  ])('%o → «%s»', (t, text) => {
    expect(thresholdText(t)).toBe(text);
  });
});

// A plan shaped like seed 004 (item numbers and deadlines are the seed's), executed by the region (units with
// neither municipality nor school), two schools A (municipality M1) and B (M2), and the municipalities M1, M2.
const w = (start: string | null, end: string): Window => ({ start, end });
const region = (activityId: string, status: ExecutionStatus, completedOn: string | null = null): ExecutionUnit => ({
  activityId,
  municipalityId: null,
  organisationId: null,
  status,
  completedOn,
});
const school =
  (organisationId: string, municipalityId: string) =>
  (activityId: string, status: ExecutionStatus, completedOn: string | null = null): ExecutionUnit => ({
    activityId,
    municipalityId,
    organisationId,
    status,
    completedOn,
  });
const municipality =
  (municipalityId: string) =>
  (activityId: string, status: ExecutionStatus): ExecutionUnit => ({
    activityId,
    municipalityId,
    organisationId: null,
    status,
    completedOn: null,
  });
const A = school('A', 'M1');
const B = school('B', 'M2');
const M1 = municipality('M1');
const M2 = municipality('M2');

const plan: ActivityExecution[] = [
  // 1. «До 15.02.2023»: done by the region on 10.02.                        at 30.06: done, due
  { id: '1', reading: { windows: [w(null, '2023-02-15')] }, units: [region('1', D, '2023-02-10')] },
  // 2. «01.02-15.05.2023»: both schools done in May.                         done, due
  {
    id: '2',
    reading: { windows: [w('2023-02-01', '2023-05-15')] },
    units: [A('2', D, '2023-05-10'), B('2', D, '2023-05-12')],
  },
  // 3. «01.02-20.02.2023»: done, but on 03.07 — after the round.            in progress, due, overdue
  { id: '3', reading: { windows: [w('2023-02-01', '2023-02-20')] }, units: [region('3', D, '2023-07-03')] },
  // 4. «28.03-18.04.2023»: A done 18.04, B done only on 05.07.               in progress, due, overdue
  {
    id: '4',
    reading: { windows: [w('2023-03-28', '2023-04-18')] },
    units: [A('4', D, '2023-04-18'), B('4', D, '2023-07-05')],
  },
  // 5. «15.04-15.05.2023» (school programmes): A done, B not begun.          in progress, due, overdue
  { id: '5', reading: { windows: [w('2023-04-15', '2023-05-15')] }, units: [A('5', D, '2023-05-15'), B('5', P)] },
  // 6. «01.02-15.05.2023» (municipal documents): cancelled by both.          cancelled: out of every count
  { id: '6', reading: { windows: [w('2023-02-01', '2023-05-15')] }, units: [M1('6', C), M2('6', C)] },
  // 7. «15.02-20.12.2023»: the region's video meetings, going on.            in progress, not due
  { id: '7', reading: { windows: [w('2023-02-15', '2023-12-20')] }, units: [region('7', I)] },
  // 10. «30.06.2023»: the first monitoring itself, done that day.            done, due
  { id: '10', reading: { windows: [w('2023-06-30', '2023-06-30')] }, units: [region('10', D, '2023-06-30')] },
  // 28. «24.05.-30.06.2023» (ГИА-9): A done, B cancelled.                    done, due
  {
    id: '28',
    reading: { windows: [w('2023-05-24', '2023-06-30')] },
    units: [A('28', D, '2023-06-29'), B('28', C)],
  },
  // 29. «26.05.-30.06.2023» (ГИА-11): nobody has reported.                   planned, due, not overdue (its day)
  { id: '29', reading: { windows: [w('2023-05-26', '2023-06-30')] }, units: [A('29', P), B('29', P)] },
  // 23. «Август»: the methodical day.                                        planned, not due
  { id: '23', reading: { windows: [w('2023-08-01', '2023-08-31')] }, units: [region('23', P)] },
  // 9. «01.09-31.12.2023»: «Час предмета».                                   planned, not due
  { id: '9', reading: { windows: [w('2023-09-01', '2023-12-31')] }, units: [region('9', P)] },
];

describe('roundFigures: the first monitoring of a seed-004-like plan', () => {
  it('at 30.06.2023 against «не менее 30–40 %»', () => {
    // 12 activities, 1 cancelled (6) → 11 executable. Done: 1, 2, 10, 28 = 4 → 4 ÷ 11 = 36,36 %: the minimum
    // (30 %) is met, the maximum (40 %) is not. In progress: 3, 4, 5, 7. Planned: 29, 23, 9.
    // Due by 30.06: 1, 2, 3, 4, 5, 10, 28, 29 = 8, of them done 1, 2, 10, 28 = 4 → 50 %.
    // Overdue (not done, deadline before 30.06): 3 (20.02), 4 (18.04), 5 (15.05) = 3; 29 ends on 30.06 itself.
    const r = roundFigures(plan, '2023-06-30', { min: 30, max: 40 });
    expect(r).toEqual({
      total: 12,
      cancelled: 1,
      done: 4,
      inProgress: 4,
      planned: 3,
      percent: (4 * 100) / 11,
      date: '2023-06-30',
      dueByDate: 8,
      doneOfDue: 4,
      duePercent: 50,
      overdue: 3,
      threshold: { min: 30, max: 40 },
      level: 'min',
      meetsThreshold: true,
    });
  });

  it('a month later, after the late reports, against the same threshold', () => {
    // 3 (done 03.07) and 4 (B done 05.07) are now done: 1, 2, 3, 4, 10, 28 = 6 of 11 = 54,55 % → maximum.
    // Due by 31.07: the same 8 («Август» ends 31.08); done 6 → 75 %. Overdue: 5 (15.05) and 29 (30.06) = 2.
    const r = roundFigures(plan, '2023-07-31', { min: 30, max: 40 });
    expect(r).toMatchObject({
      total: 12,
      cancelled: 1,
      done: 6,
      inProgress: 2,
      planned: 3,
      dueByDate: 8,
      doneOfDue: 6,
      duePercent: 75,
      overdue: 2,
      level: 'max',
      meetsThreshold: true,
    });
  });

  it('at 30.06 against the second round’s «не менее 80–90 %»: below', () => {
    expect(roundFigures(plan, '2023-06-30', { min: 80, max: 90 })).toMatchObject({
      level: 'below',
      meetsThreshold: false,
    });
  });

  it('without a threshold there is no level', () => {
    expect(roundFigures(plan, '2023-06-30', null)).toMatchObject({
      threshold: null,
      level: null,
      meetsThreshold: null,
    });
  });

  it('before anything is due: no due activities, no due percent, nothing overdue', () => {
    // On 31.01 nothing has a deadline yet; item 1 was done on 10.02, so it is in progress then.
    expect(roundFigures(plan, '2023-01-31', { min: 30, max: 40 })).toMatchObject({
      done: 0,
      dueByDate: 0,
      doneOfDue: 0,
      duePercent: null,
      overdue: 0,
      percent: 0,
      level: 'below',
    });
  });

  it('an empty plan, or one wholly cancelled, has nothing to execute', () => {
    expect(roundFigures([], '2023-06-30', { min: 30, max: 40 })).toMatchObject({
      total: 0,
      percent: null,
      level: 'max',
      dueByDate: 0,
      duePercent: null,
    });
    const cancelled = plan.filter((a) => a.id === '6');
    expect(roundFigures(cancelled, '2023-06-30', { min: 30, max: 40 })).toMatchObject({
      total: 1,
      cancelled: 1,
      percent: null,
      dueByDate: 0,
      overdue: 0,
      level: 'max',
    });
  });
});

describe('figuresByTerritory: counted in units', () => {
  const pick = (rows: TerritoryFigures[]) => Object.fromEntries(rows.map((r) => [r.key, r]));

  it('per school at 30.06.2023', () => {
    // A: 2 done, 4 done, 5 done, 28 done, 29 planned → 4 of 5 = 80 %; 29 ends on 30.06: not overdue.
    // B: 2 done, 4 done on 05.07 (in progress then), 5 planned, 28 cancelled, 29 planned → 1 of 4 = 25 %;
    //    overdue: 4 (18.04) and 5 (15.05).
    // Region units (no school) are not counted.
    const rows = figuresByTerritory(plan, '2023-06-30', (u) => u.organisationId);
    expect(rows).toHaveLength(2);
    expect(pick(rows)).toEqual({
      A: { key: 'A', total: 5, cancelled: 0, done: 4, inProgress: 0, planned: 1, percent: 80, overdue: 0 },
      B: { key: 'B', total: 5, cancelled: 1, done: 1, inProgress: 1, planned: 2, percent: 25, overdue: 2 },
    });
  });

  it('per municipality: its own units and its schools’', () => {
    // M1: A's five units + its cancelled 6 → 4 of 5; M2: B's five + its cancelled 6 → 1 of 4.
    const rows = figuresByTerritory(plan, '2023-06-30', (u) => u.municipalityId);
    expect(pick(rows)).toEqual({
      M1: { key: 'M1', total: 6, cancelled: 1, done: 4, inProgress: 0, planned: 1, percent: 80, overdue: 0 },
      M2: { key: 'M2', total: 6, cancelled: 2, done: 1, inProgress: 1, planned: 2, percent: 25, overdue: 2 },
    });
  });

  it('lagging first: B before A', () => {
    const rows = figuresByTerritory(plan, '2023-06-30', (u) => u.organisationId).sort(laggingFirst);
    expect(rows.map((r) => r.key)).toEqual(['B', 'A']);
  });

  it('an activity without units adds nothing; a unit of a cancelled activity counts as cancelled', () => {
    const rows = figuresByTerritory(
      [{ id: 'x', reading: { windows: [] }, units: [] }, ...plan.filter((a) => a.id === '6')],
      '2023-06-30',
      (u) => u.municipalityId,
    );
    expect(rows.map((r) => [r.key, r.total, r.cancelled, r.percent, r.overdue])).toEqual([
      ['M1', 1, 1, null, 0],
      ['M2', 1, 1, null, 0],
    ]);
  });
});

describe('laggingFirst ordering', () => {
  const f = (key: string, percent: number | null, overdue: number): TerritoryFigures => ({
    key,
    percent,
    overdue,
    total: 0,
    cancelled: 0,
    done: 0,
    inProgress: 0,
    planned: 0,
  });
  it('lowest execution first, then the most overdue; territories with nothing to execute last', () => {
    const rows = [
      f('all cancelled', null, 0),
      f('100 %', 100, 0),
      f('50 %, 1 overdue', 50, 1),
      f('0 %', 0, 0),
      f('50 %, 3 overdue', 50, 3),
      f('25 %', 25, 5),
      f('50 %, none overdue', 50, 0),
    ].sort(laggingFirst);
    expect(rows.map((r) => r.key)).toEqual([
      '0 %',
      '25 %',
      '50 %, 3 overdue',
      '50 %, 1 overdue',
      '50 %, none overdue',
      '100 %',
      'all cancelled',
    ]);
  });
});
