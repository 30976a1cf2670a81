// Execution of an activity: its status as reported, and its timing (overdue, due soon) derived from the
// deadline windows and today's date in the region's time zone. Nothing here reads the clock: "today" is a
// parameter, an ISO date already converted to the region's calendar by localDate().
import type { DeadlineReading } from '../deadline/read-deadline.ts';

export const executionStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ExecutionStatus = (typeof executionStatuses)[number];

export const executionStatusLabels: Record<ExecutionStatus, string> = {
  planned: 'Запланировано',
  in_progress: 'Выполняется',
  done: 'Выполнено',
  cancelled: 'Отменено',
};

export type Timing = 'overdue' | 'due-soon' | 'on-time' | 'closed' | 'no-deadline';
export const timingLabels: Record<Timing, string> = {
  overdue: 'Просрочено',
  'due-soon': 'Скоро срок',
  'on-time': 'В срок',
  closed: 'Закрыто',
  'no-deadline': 'Без срока',
};

/** Days before a deadline when an activity counts as due soon, unless a programme sets its own. */
export const defaultDueSoonDays = 14;
/** Days overdue after which the level above is told (escalation), unless a programme sets its own. */
export const defaultEscalationDays = 7;

// One formatter per time zone: building an Intl.DateTimeFormat costs more than a whole report's roll-up
// (4 % of the server's CPU on a deadline day, bench/deadline-day.ts).
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (ISO) of an instant in a time zone: «today» for a region. */
export function localDate(at: Date, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(at);
}

const DAY = 86_400_000;
/** Whole days from a to b (ISO dates); negative when b is earlier. */
export const daysBetween = (a: string, b: string): number =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The date by which the whole activity is due: the end of its last window. Wordings without dates («по
 * плану работы ресурсного центра», «по запросу») and unreadable ones have none, so they are never overdue.
 */
export function finalDeadline(reading: Pick<DeadlineReading, 'windows'>): string | null {
  let last: string | null = null;
  for (const w of reading.windows) if (last === null || w.end > last) last = w.end;
  return last;
}

/** The nearest window end on or after today: the deadline that matters now for a repeated activity. */
export function nextDeadline(reading: Pick<DeadlineReading, 'windows'>, today: string): string | null {
  let next: string | null = null;
  for (const w of reading.windows) if (w.end >= today && (next === null || w.end < next)) next = w.end;
  return next;
}

export interface TimingInfo {
  timing: Timing;
  /** The deadline the timing is about (ISO), null without one. */
  deadline: string | null;
  /** Days overdue (> 0) or days left (≥ 0), null without a deadline. */
  daysOverdue: number | null;
  daysLeft: number | null;
}

/**
 * Overdue: not closed and its final deadline has passed (the deadline day itself is still on time). Due soon:
 * not closed and a window ends within `dueSoonDays` days from today, inclusive.
 */
export function timingOf(
  status: ExecutionStatus,
  reading: Pick<DeadlineReading, 'windows'>,
  today: string,
  dueSoonDays = defaultDueSoonDays,
): TimingInfo {
  const final = finalDeadline(reading);
  if (status === 'done' || status === 'cancelled')
    return { timing: 'closed', deadline: final, daysOverdue: null, daysLeft: null };
  if (final === null) return { timing: 'no-deadline', deadline: null, daysOverdue: null, daysLeft: null };
  if (final < today)
    return { timing: 'overdue', deadline: final, daysOverdue: daysBetween(final, today), daysLeft: null };
  const next = nextDeadline(reading, today) ?? final;
  const left = daysBetween(today, next);
  return { timing: left <= dueSoonDays ? 'due-soon' : 'on-time', deadline: next, daysOverdue: null, daysLeft: left };
}

/** Is the activity due by a date (its final deadline on or before it)? Used by monitoring rounds. */
export const dueBy = (reading: Pick<DeadlineReading, 'windows'>, date: string): boolean => {
  const final = finalDeadline(reading);
  return final !== null && final <= date;
};
