// Status and timing of an activity: «today» in the region's calendar, the deadline that matters, and every
// boundary of overdue / due soon. Dates are ISO; windows are written 'start..end', '..end' for «до X».
import { describe, expect, it } from 'vitest';
import type { Window } from '../deadline/read-deadline.ts';
import { regionTimezones } from '../organisation-types.ts';
import {
  addDays,
  daysBetween,
  defaultDueSoonDays,
  defaultEscalationDays,
  dueBy,
  type ExecutionStatus,
  executionStatuses,
  executionStatusLabels,
  finalDeadline,
  localDate,
  nextDeadline,
  type TimingInfo,
  timingLabels,
  timingOf,
} from './status.ts';

const reading = (...windows: string[]) => ({
  windows: windows.map((s): Window => {
    const [start = '', end = ''] = s.split('..');
    return { start: start === '' ? null : start, end };
  }),
});

// Seed 004's kinds of deadline: «До 15.02.2023», «01.02-15.05.2023», «30.06.2023», and a repeated activity
// (quarterly reports) with several windows; «По запросу» has none.
const before15Feb = reading('..2023-02-15');
const febToMay = reading('2023-02-01..2023-05-15');
const on30June = reading('2023-06-30..2023-06-30');
const quarterly = reading(
  '2023-01-01..2023-03-31',
  '2023-04-01..2023-06-30',
  '2023-07-01..2023-09-30',
  '2023-10-01..2023-12-31',
);
const quarterlyShuffled = reading(
  '2023-07-01..2023-09-30',
  '2023-01-01..2023-03-31',
  '2023-10-01..2023-12-31',
  '2023-04-01..2023-06-30',
);
const onDemand = reading();

describe('the defaults and labels', () => {
  it('due soon two weeks ahead, escalation after a week overdue', () => {
    expect(defaultDueSoonDays).toBe(14);
    expect(defaultEscalationDays).toBe(7);
  });
  it('every status and timing has a Russian label', () => {
    expect(executionStatuses.map((s) => executionStatusLabels[s])).toEqual([
      'Запланировано',
      'Выполняется',
      'Выполнено',
      'Отменено',
    ]);
    expect(timingLabels).toEqual({
      overdue: 'Просрочено',
      'due-soon': 'Скоро срок',
      'on-time': 'В срок',
      closed: 'Закрыто',
      'no-deadline': 'Без срока',
    });
  });
});

describe('localDate: «today» in the region’s calendar', () => {
  // [instant (UTC), time zone, local date, local time for the reader]
  const cases: [string, string, string, string][] = [
    ['2023-06-30T22:30:00Z', 'UTC', '2023-06-30', '22:30'],
    ['2023-06-30T22:30:00Z', 'Europe/Kaliningrad', '2023-07-01', '00:30, UTC+2'],
    ['2023-06-30T22:30:00Z', 'Europe/Moscow', '2023-07-01', '01:30, UTC+3'],
    ['2023-06-30T22:30:00Z', 'Asia/Novokuznetsk', '2023-07-01', '05:30, UTC+7'],
    ['2023-06-30T21:59:59Z', 'Europe/Kaliningrad', '2023-06-30', '23:59:59'],
    ['2023-06-30T22:00:00Z', 'Europe/Kaliningrad', '2023-07-01', '00:00:00'],
    ['2023-06-30T20:59:59Z', 'Europe/Moscow', '2023-06-30', '23:59:59'],
    ['2023-06-30T21:00:00Z', 'Europe/Moscow', '2023-07-01', '00:00:00'],
    ['2023-06-30T16:59:59Z', 'Asia/Novokuznetsk', '2023-06-30', '23:59:59'],
    ['2023-06-30T17:00:00Z', 'Asia/Novokuznetsk', '2023-07-01', '00:00:00'],
    ['2023-06-30T10:00:00Z', 'Asia/Novokuznetsk', '2023-06-30', '17:00: the same day everywhere in Russia'],
    ['2023-06-30T11:59:59Z', 'Asia/Kamchatka', '2023-06-30', '23:59:59, UTC+12'],
    ['2023-06-30T12:00:00Z', 'Asia/Kamchatka', '2023-07-01', '00:00:00, UTC+12'],
    ['2022-12-31T20:30:00Z', 'Europe/Moscow', '2022-12-31', '23:30 on New Year’s Eve'],
    ['2022-12-31T20:30:00Z', 'Asia/Novokuznetsk', '2023-01-01', '03:30: already the new year in Kuzbass'],
    ['2024-02-28T21:00:00Z', 'Europe/Moscow', '2024-02-29', '00:00 of a leap day'],
  ];
  it.each(cases)('%s in %s is %s (%s)', (instant, zone, date) => {
    expect(localDate(new Date(instant), zone)).toBe(date);
  });

  // Every zone a region may choose: the last second before local midnight and midnight itself.
  const offsets = regionTimezones.map((z) => [z.zone, Number(/UTC\+(\d+)/.exec(z.label)?.[1])] as const);
  it.each(offsets)('%s (UTC+%i): local midnight of 1 July starts the new day', (zone, offset) => {
    const midnight = Date.parse('2023-07-01T00:00:00Z') - offset * 3_600_000;
    expect(localDate(new Date(midnight - 1000), zone)).toBe('2023-06-30');
    expect(localDate(new Date(midnight), zone)).toBe('2023-07-01');
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2023-06-30', '2023-06-30', 0],
    ['2023-06-30', '2023-07-01', 1],
    ['2023-07-01', '2023-06-30', -1],
    ['2023-06-16', '2023-06-30', 14],
    ['2023-12-31', '2024-01-01', 1],
    ['2024-02-28', '2024-03-01', 2], // leap year
    ['2023-02-28', '2023-03-01', 1],
    ['2023-03-25', '2023-03-27', 2], // no daylight saving in the arithmetic: dates, not instants
    ['2023-01-01', '2023-12-31', 364],
  ] as const)('from %s to %s: %i days', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
    expect(addDays(a, days)).toBe(b);
  });
});

describe('finalDeadline and nextDeadline', () => {
  it('the final deadline is the end of the last window, whatever their order', () => {
    expect(finalDeadline(before15Feb)).toBe('2023-02-15');
    expect(finalDeadline(febToMay)).toBe('2023-05-15');
    expect(finalDeadline(quarterly)).toBe('2023-12-31');
    expect(finalDeadline(quarterlyShuffled)).toBe('2023-12-31');
    expect(finalDeadline(onDemand)).toBeNull();
  });

  // [today, next deadline of the quarterly activity]
  const next: [string, string | null][] = [
    ['2022-12-01', '2023-03-31'], // before the first window
    ['2023-03-30', '2023-03-31'],
    ['2023-03-31', '2023-03-31'], // the window's last day is still its deadline
    ['2023-04-01', '2023-06-30'], // the day after: the next window's end
    ['2023-06-30', '2023-06-30'],
    ['2023-07-01', '2023-09-30'],
    ['2023-12-31', '2023-12-31'],
    ['2024-01-01', null], // every window has ended
  ];
  it.each(next)('on %s the quarterly activity’s next deadline is %s', (today, expected) => {
    expect(nextDeadline(quarterly, today)).toBe(expected);
    expect(nextDeadline(quarterlyShuffled, today)).toBe(expected);
  });
  it('a wording without dates has no next deadline', () => {
    expect(nextDeadline(onDemand, '2023-06-30')).toBeNull();
  });
});

describe('timingOf', () => {
  type Row = [
    what: string,
    status: ExecutionStatus,
    reading: { windows: Window[] },
    today: string,
    expected: TimingInfo,
    dueSoonDays?: number,
  ];
  const t = (
    timing: TimingInfo['timing'],
    deadline: string | null,
    daysOverdue: number | null,
    daysLeft: number | null,
  ): TimingInfo => ({ timing, deadline, daysOverdue, daysLeft });
  const rows: Row[] = [
    // A single deadline, 30.06.2023, with the default 14 days of «due soon».
    ['15 days left: on time', 'planned', on30June, '2023-06-15', t('on-time', '2023-06-30', null, 15)],
    ['exactly 14 days left: due soon', 'planned', on30June, '2023-06-16', t('due-soon', '2023-06-30', null, 14)],
    ['1 day left', 'in_progress', on30June, '2023-06-29', t('due-soon', '2023-06-30', null, 1)],
    [
      'the deadline day itself is on time, still due',
      'in_progress',
      on30June,
      '2023-06-30',
      t('due-soon', '2023-06-30', null, 0),
    ],
    ['the day after: overdue by 1', 'in_progress', on30June, '2023-07-01', t('overdue', '2023-06-30', 1, null)],
    ['a week after: overdue by 7', 'planned', on30June, '2023-07-07', t('overdue', '2023-06-30', 7, null)],
    ['across the new year', 'planned', reading('..2023-12-31'), '2024-01-10', t('overdue', '2023-12-31', 10, null)],
    // Closed activities never run late, and keep their final deadline for display.
    ['done before the deadline', 'done', on30June, '2023-06-20', t('closed', '2023-06-30', null, null)],
    ['done, long after the deadline', 'done', on30June, '2023-09-01', t('closed', '2023-06-30', null, null)],
    ['cancelled after the deadline', 'cancelled', on30June, '2023-09-01', t('closed', '2023-06-30', null, null)],
    ['done without a deadline', 'done', onDemand, '2023-09-01', t('closed', null, null, null)],
    // No windows («по запросу», «по плану работы ресурсного центра», unreadable): never overdue.
    ['no windows', 'planned', onDemand, '2023-06-30', t('no-deadline', null, null, null)],
    ['no windows, in progress', 'in_progress', onDemand, '2030-01-01', t('no-deadline', null, null, null)],
    // A range: only its end counts; the start does not make it due.
    [
      'a range not yet begun, its end far off',
      'planned',
      febToMay,
      '2023-01-10',
      t('on-time', '2023-05-15', null, 125),
    ],
    ['«до» a date: 14 days before', 'planned', before15Feb, '2023-02-01', t('due-soon', '2023-02-15', null, 14)],
    // Several windows: the nearest end from today matters; overdue only once the last window has ended.
    ['quarterly, 1 April: next end 30 June', 'planned', quarterly, '2023-04-01', t('on-time', '2023-06-30', null, 90)],
    [
      'quarterly, 20 June: 10 days to 30 June',
      'in_progress',
      quarterly,
      '2023-06-20',
      t('due-soon', '2023-06-30', null, 10),
    ],
    [
      'quarterly, 1 July: a missed window is not overdue',
      'in_progress',
      quarterly,
      '2023-07-01',
      t('on-time', '2023-09-30', null, 91),
    ],
    ['quarterly, 17 December', 'in_progress', quarterlyShuffled, '2023-12-17', t('due-soon', '2023-12-31', null, 14)],
    ['quarterly, after the last window', 'in_progress', quarterly, '2024-01-02', t('overdue', '2023-12-31', 2, null)],
    // A programme's own «due soon» days.
    [
      'dueSoonDays 0: the deadline day is due soon',
      'planned',
      on30June,
      '2023-06-30',
      t('due-soon', '2023-06-30', null, 0),
      0,
    ],
    [
      'dueSoonDays 0: the day before is on time',
      'planned',
      on30June,
      '2023-06-29',
      t('on-time', '2023-06-30', null, 1),
      0,
    ],
    ['dueSoonDays 30: exactly 30 left', 'planned', on30June, '2023-05-31', t('due-soon', '2023-06-30', null, 30), 30],
    ['dueSoonDays 30: 31 left', 'planned', on30June, '2023-05-30', t('on-time', '2023-06-30', null, 31), 30],
  ];
  it.each(rows)('%s', (_what, status, r, today, expected, dueSoonDays) => {
    expect(timingOf(status, r, today, dueSoonDays)).toEqual(expected);
  });

  it('exactly dueSoonDays left is due soon and dueSoonDays + 1 is on time, for any dueSoonDays', () => {
    for (const days of [0, 1, 7, 14, 21, 60]) {
      expect(timingOf('planned', on30June, addDays('2023-06-30', -days), days).timing).toBe('due-soon');
      expect(timingOf('planned', on30June, addDays('2023-06-30', -days - 1), days).timing).toBe('on-time');
    }
  });
});

describe('dueBy: is the whole activity due by a monitoring date', () => {
  // [reading, date, due]
  const rows: [string, { windows: Window[] }, string, boolean][] = [
    ['30.06.2023 on 30.06', on30June, '2023-06-30', true],
    ['30.06.2023 on 29.06', on30June, '2023-06-29', false],
    ['«до 15.02.2023» on 30.06', before15Feb, '2023-06-30', true],
    ['01.02–15.05.2023 on 14.05', febToMay, '2023-05-14', false],
    ['01.02–15.05.2023 on 15.05', febToMay, '2023-05-15', true],
    ['quarterly on 30.06: later windows remain', quarterly, '2023-06-30', false],
    ['quarterly on 31.12', quarterly, '2023-12-31', true],
    ['no windows: never due', onDemand, '2099-12-31', false],
  ];
  it.each(rows)('%s', (_what, r, date, due) => {
    expect(dueBy(r, date)).toBe(due);
  });
});
