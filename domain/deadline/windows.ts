// Calendar windows for the parts of a deadline wording: a day, a month, a quarter, a half-year, a year, an
// academic year; placing a wording written without a year inside the programme period; expanding a recurrence.
// Dates are ISO strings (YYYY-MM-DD), so they compare as strings.
import type { RecurrenceUnit } from './phrases.ts';

/** Inclusive; `start: null` is «до X»: the start is not known. */
export interface Window {
  start: string | null;
  end: string;
}
/** The programme period, inclusive. */
export interface Period {
  start: string;
  end: string;
}

export type Point =
  | { unit: 'day'; d: number; m: number; y?: number }
  | { unit: 'month'; m: number; y?: number }
  | { unit: 'quarter' | 'half'; n: number; y?: number }
  | { unit: 'year'; y: number }
  | { unit: 'academic-year'; y: number } // y is the year of its September: «2020-2021 учебный год» (seed 002)
  | { unit: 'day-of-month'; d: number }; // «до 5 числа каждого месяца»

/** One part of a wording: a point, a range a–b, or «до/не позднее a». */
export interface Item {
  a: Point;
  b?: Point;
  before?: boolean;
}

type Span = { start: string; end: string };

const pad = (n: number) => String(n).padStart(2, '0');
export const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const yearOfIso = (date: string) => Number(date.slice(0, 4));
const monthOfIso = (date: string) => Number(date.slice(5, 7));

export function daysIn(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

const months = (y: number, from: number, to: number): Span => ({
  start: iso(y, from, 1),
  end: iso(y, to, daysIn(y, to)),
});

const yearOf = (p: Point): number | undefined => ('y' in p ? p.y : undefined);
export const hasYear = (item: Item) =>
  yearOf(item.a) !== undefined || (item.b !== undefined && yearOf(item.b) !== undefined);

/** The window of a point in `year` (unless the point has its own); null when there is no such day (31.04, 29.02.2023). */
function pointSpan(p: Point, year: number): Span | null {
  const y = yearOf(p) ?? year;
  switch (p.unit) {
    case 'day':
      if (p.m < 1 || p.m > 12 || p.d < 1 || p.d > daysIn(y, p.m)) return null;
      return { start: iso(y, p.m, p.d), end: iso(y, p.m, p.d) };
    case 'month':
      return months(y, p.m, p.m);
    case 'quarter':
      return p.n >= 1 && p.n <= 4 ? months(y, 3 * p.n - 2, 3 * p.n) : null;
    case 'half':
      return p.n >= 1 && p.n <= 2 ? months(y, 6 * p.n - 5, 6 * p.n) : null;
    case 'year':
      return months(y, 1, 12);
    case 'academic-year':
      return { start: iso(y, 9, 1), end: iso(y + 1, 8, 31) };
    case 'day-of-month':
      return null;
  }
}

/**
 * The window of an item whose last point falls in `year` unless written otherwise. A range with one year
 * takes it for both ends and crosses the New Year when the start comes after the end: «Декабрь – январь 2021»
 * is 01.12.2020–31.01.2021, «01.02-15.05.2023» (seed 004) starts in 2023. Null for impossible dates.
 */
export function place(item: Item, year: number): Window | null {
  const { a, b, before } = item;
  if (!b) {
    const span = pointSpan(a, year);
    return span && before ? { start: null, end: span.end } : span;
  }
  const [writtenA, writtenB] = [yearOf(a), yearOf(b)];
  const yb = writtenB ?? writtenA ?? year;
  const ya = writtenA ?? yb;
  let [spanA, spanB] = [pointSpan(a, ya), pointSpan(b, yb)];
  if (spanA && spanB && spanA.start > spanB.end) {
    if (writtenA === undefined) spanA = pointSpan(a, ya - 1);
    else if (writtenB === undefined) spanB = pointSpan(b, yb + 1);
  }
  if (!spanA || !spanB || spanA.start > spanB.end) return null;
  return { start: spanA.start, end: spanB.end };
}

export function intersects(w: Window, period: Period): boolean {
  if (w.start === null) return w.end >= period.start && w.end <= period.end;
  return w.start <= period.end && w.end >= period.start;
}

export function clip(w: Window, period: Period): Window {
  const start = w.start === null || w.start >= period.start ? w.start : period.start;
  return { start, end: w.end <= period.end ? w.end : period.end };
}

const byTime = (x: Window, y: Window) =>
  (x.start ?? x.end).localeCompare(y.start ?? y.end) || x.end.localeCompare(y.end);

/** Every placement of a year-less item that meets the period, earliest first («март» in 2020/21 is March 2021). */
function placements(item: Item, period: Period): Window[] {
  const found: Window[] = [];
  for (let y = yearOfIso(period.start); y <= yearOfIso(period.end) + 1; y++) {
    const w = place(item, y);
    if (w && intersects(w, period)) found.push(w);
  }
  return found;
}

/**
 * Places an item written without a year inside the period. `occurrences` tells the caller whether it had to
 * choose (more than one) or to assume (none: the period's first year is taken, and the reading is outside).
 */
export function placeInPeriod(item: Item, period: Period): { window: Window; occurrences: number } | null {
  const found = placements(item, period);
  if (found[0]) return { window: found[0], occurrences: found.length };
  const assumed = place(item, yearOfIso(period.start));
  return assumed && { window: assumed, occurrences: 0 };
}

/** One window per month, quarter, half-year or calendar year of the period, clipped to it. */
function calendarWindows(unit: RecurrenceUnit, period: Period): Window[] {
  const size = { month: 1, quarter: 3, half: 6, year: 12 }[unit];
  let y = yearOfIso(period.start);
  let m = Math.floor((monthOfIso(period.start) - 1) / size) * size + 1;
  const [lastYear, lastMonth] = [yearOfIso(period.end), monthOfIso(period.end)];
  const windows: Window[] = [];
  while (y < lastYear || (y === lastYear && m <= lastMonth)) {
    windows.push(clip(months(y, m, m + size - 1), period));
    m += size;
    if (m > 12) [y, m] = [y + 1, m - 12];
  }
  return windows;
}

const dayOfMonth = (item: Item) =>
  item.a.unit === 'day-of-month' && !item.b && item.a.d >= 1 && item.a.d <= 31 ? item.a.d : undefined;

/**
 * Expands a recurrence over the period. Without details: every unit of the period. Monthly with «до N числа»:
 * the N-th (or the month's last day) of every month. Yearly with months or dates («Ежегодно, сентябрь»,
 * «1 раз в год (ноябрь)», seed 001): those in every year. Anything else cannot be expanded: null.
 */
export function recurrence(unit: RecurrenceUnit, items: Item[], period: Period): Window[] | null {
  if (items.length === 0) return calendarWindows(unit, period);
  if (unit === 'month' && items.every((item) => dayOfMonth(item) !== undefined)) {
    return calendarWindows('month', period)
      .flatMap(({ end }) =>
        items.map((item) => {
          const [y, m] = [yearOfIso(end), monthOfIso(end)];
          const day = iso(y, m, Math.min(dayOfMonth(item) ?? 1, daysIn(y, m)));
          return { start: item.before ? null : day, end: day };
        }),
      )
      .filter((w) => intersects(w, period));
  }
  if (unit !== 'year' || items.some((item) => dayOfMonth(item) !== undefined)) return null;
  return items
    .flatMap((item) => placements(item, period))
    .map((w) => clip(w, period))
    .sort(byTime);
}
