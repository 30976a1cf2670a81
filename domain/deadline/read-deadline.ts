// Reads a deadline as written in a roadmap («Февраль 2022 года», «До 25.08.2020», «Ежегодно, сентябрь»,
// «По графику ИРО») into time windows inside the programme's period. The wording is always kept; what cannot
// be read is flagged, never guessed silently (product.md, capability 5).
import { findPhrases, type Phrase } from './phrases.ts';
import {
  clip,
  hasYear,
  type Item,
  intersects,
  type Period,
  type Point,
  place,
  placeInPeriod,
  recurrence,
  type Window,
} from './windows.ts';
import { calendarUnitOf, monthOf, normalise, ordinalOf, type Token, tokenize } from './words.ts';

export type { Period, Window } from './windows.ts';

export type DeadlineKind =
  | 'date'
  | 'range'
  | 'multiple'
  | 'recurring'
  | 'whole-period'
  | 'external'
  | 'on-demand'
  | 'unreadable';
export type DeadlineWarningCode = 'deadline.unreadable' | 'deadline.outside_period' | 'deadline.year_assumed';
export interface DeadlineWarning {
  code: DeadlineWarningCode;
  /** Russian, says what to do. */
  message: string;
}
export interface DeadlineReading {
  text: string;
  kind: DeadlineKind;
  windows: Window[];
  warnings: DeadlineWarning[];
}

// Words that carry nothing once the phrases are out: «Январь 2022 года», «в марте», «на 2022 год», «до конца марта».
const FILLER = /^(г|гг|год|года|году|годы|годов|в|во|на|конца|окончания)$/;

/** The dates of a wording as items, or what could not be read. */
function readItems(tokens: Token[]): Item[] | string {
  const ts = tokens.filter((t) => t.t !== 'word' || !FILLER.test(t.w));
  let i = 0;
  const word = (k = 0) => {
    const t = ts[i + k];
    return t?.t === 'word' ? t.w : '';
  };
  const unexpected = () => {
    const t = ts[i];
    return t?.t === 'word' ? `непонятное слово «${t.w}»` : t ? 'непонятная запись' : 'срок обрывается';
  };

  const advance = <T>(n: number, value: T): T => {
    i += n;
    return value;
  };

  function point(): Point | string {
    const t = ts[i];
    if (t?.t === 'year') return yearPoint(t.y);
    if (t?.t === 'num' && word(1) === 'числа') return advance(2, { unit: 'day-of-month', d: t.n });
    const month = monthOf(word());
    const dayMonth = t?.t === 'num' ? monthOf(word(1)) : undefined;
    const number = t?.t === 'num' ? t.n : ordinalOf(word());
    const unit = calendarUnitOf(word(1));
    let p: Extract<Point, { unit: 'day' | 'month' | 'quarter' | 'half' }>;
    if (t?.t === 'date') p = advance(1, { unit: 'day', d: t.d, m: t.m, y: t.y });
    else if (t?.t === 'num' && dayMonth) p = advance(2, { unit: 'day', d: t.n, m: dayMonth });
    else if (number !== undefined && unit) p = advance(2, { unit, n: number });
    else if (month) p = advance(1, { unit: 'month', m: month });
    else return unexpected();
    // A year written right after binds to the point: «Март 2022», «15 сентября 2020 г.»
    const next = ts[i];
    if (next?.t === 'year' && p.y === undefined) p.y = advance(1, next.y);
    return p;
  }

  // «2022 год», and the academic year «2020-2021 учебный год» (seed 002), «2020-21 учебного года» (seed 003).
  function yearPoint(y: number): Point | string {
    i++;
    const second = ts[i + 1];
    if (ts[i]?.t !== 'dash' || !/^уч(ебн[а-я]*)?$/.test(word(2))) return { unit: 'year', y };
    const y2 = second?.t === 'year' ? second.y : second?.t === 'num' ? second.n : undefined;
    if (y2 !== y + 1 && y2 !== (y + 1) % 100) return `учебный год ${y}-${y2 ?? '?'} не из двух соседних лет`;
    i += 3;
    return { unit: 'academic-year', y };
  }

  function item(): Item | string {
    const before = /^(до|к)$/.test(word()) ? 1 : word() === 'не' && /^(позднее|позже)$/.test(word(1)) ? 2 : 0;
    const from = /^(с|со)$/.test(word()) ? 1 : 0;
    i += before + from;
    const a = point();
    if (typeof a === 'string') return a;
    if (before) return { a, before: true };
    if (ts[i]?.t !== 'dash' && word() !== 'по') return from ? '«с» без «по»' : { a };
    i++;
    const b = point();
    return typeof b === 'string' ? b : { a, b };
  }

  const items: Item[] = [];
  while (i < ts.length) {
    // Commas, «и», brackets and stray dashes between the parts: «Август, Ноябрь 2020 Февраль, Июнь 2021».
    if (ts[i]?.t === 'sep' || ts[i]?.t === 'dash' || word() === 'и') i++;
    else {
      const next = item();
      if (typeof next === 'string') return next;
      items.push(next);
    }
  }
  return items;
}

/** ДД.ММ.ГГГГ from an ISO date, as users write dates. */
export const ruDate = (date: string): string => date.split('-').reverse().join('.');
const spell = (w: Window) => (w.start === null ? `до ${ruDate(w.end)}` : `${ruDate(w.start)}–${ruDate(w.end)}`);

function reading(
  text: string,
  kind: DeadlineKind,
  windows: Window[],
  period: Period,
  warnings: DeadlineWarning[] = [],
): DeadlineReading {
  if (windows.some((w) => !intersects(w, period)))
    warnings.push({
      code: 'deadline.outside_period',
      message: `Срок «${text}» выходит за период программы (${spell(period)}). Проверьте год в сроке или период программы.`,
    });
  return { text, kind, windows, warnings };
}

function unreadable(text: string, problem: string): DeadlineReading {
  const message =
    text === ''
      ? 'Срок не указан. Впишите срок мероприятия: дату, месяц с годом или период.'
      : `Срок «${text}» не прочитан: ${problem}. Запишите его датой (25.08.2020), месяцем с годом (март 2022), ` +
        'периодом (01.02–15.05.2023) или словами («ежемесячно», «в течение учебного года», «по графику ИРО»).';
  return { text, kind: 'unreadable', windows: [], warnings: [{ code: 'deadline.unreadable', message }] };
}

/**
 * Dates, months, ranges and lists. A year written after a list applies to the parts before it that have none
 * («Август, Ноябрь 2020 Февраль, Июнь 2021», seed 002), keeping them in order; parts with no year after them
 * are placed inside the period (the first occurrence, with a warning when there were several).
 */
function readDates(text: string, items: Item[], period: Period, during: boolean): DeadlineReading {
  const warnings: DeadlineWarning[] = [];
  const windows: Window[] = [];
  let next: string | undefined; // where the nearest part to the right with a written year starts
  for (const item of [...items].reverse()) {
    let window: Window | null;
    if (hasYear(item)) window = place(item, 0);
    else if (next !== undefined) {
      const year = Number(next.slice(0, 4));
      window = place(item, year);
      if (window && window.end >= next) window = place(item, year - 1);
    } else {
      const placed = placeInPeriod(item, period);
      window = placed?.window ?? null;
      if (placed && placed.occurrences !== 1) warnings.push(yearAssumed(text, placed.window, placed.occurrences));
    }
    if (!window) return unreadable(text, 'такой даты нет в календаре или начало позже окончания');
    if (hasYear(item) || next !== undefined) next = window.start ?? window.end;
    windows.unshift(window);
  }
  // «в течение 2022 года», «в течение 2020-21 учебного года» (seed 003): the named years, clipped to the period.
  const years = (p: Point | undefined) => !p || p.unit === 'year' || p.unit === 'academic-year';
  if (during && items.every((it) => years(it.a) && years(it.b))) {
    const clipped = windows.map((w) => (intersects(w, period) ? clip(w, period) : w));
    return reading(text, 'whole-period', clipped, period, warnings);
  }
  const single = items.length === 1 && items[0] ? items[0] : undefined;
  const kind = !single ? 'multiple' : single.before || (single.a.unit === 'day' && !single.b) ? 'date' : 'range';
  return reading(text, kind, windows, period, warnings);
}

function yearAssumed(text: string, w: Window, occurrences: number): DeadlineWarning {
  const message =
    occurrences > 1
      ? `В сроке «${text}» нет года, а в периоде программы он встречается несколько раз; выбран первый: ${spell(w)}. Укажите год, если имелся в виду другой.`
      : `В сроке «${text}» нет года, и в периоде программы такого срока нет; принято ${spell(w)}. Укажите год.`;
  return { code: 'deadline.year_assumed', message };
}

/**
 * The kind decision. When a cell mixes kinds, the most specific reading wins: dates > recurring >
 * whole-period > external > on-demand («Март 2022, по графику ИРО» is March 2022; «В течение года по заявке
 * руководителя школы», seed 001, is the whole period; «Ежегодно по плану мониторинговых исследований» recurs).
 */
export function readDeadline(text: string, period: Period): DeadlineReading {
  const wording = text.trim();
  const { phrases, rest } = findPhrases(tokenize(normalise(wording)));
  const items = readItems(rest);
  if (typeof items === 'string') return unreadable(wording, items);
  const has = (kind: Phrase['kind']) => phrases.find((p) => p.kind === kind);
  const recurring = has('recurring');
  if (recurring?.unit && !items.some(hasYear)) {
    const windows = recurrence(recurring.unit, items, period);
    if (!windows) return unreadable(wording, 'повторяющийся срок с непонятным уточнением');
    const warnings: DeadlineWarning[] = [];
    if (windows.length === 0)
      warnings.push({
        code: 'deadline.outside_period',
        message: `Повторяющийся срок «${wording}» ни разу не приходится на период программы (${spell(period)}). Проверьте срок или период программы.`,
      });
    return reading(wording, 'recurring', windows, period, warnings);
  }
  if (items.some((it) => it.a.unit === 'day-of-month' || it.b?.unit === 'day-of-month'))
    return unreadable(wording, '«N числа» без «каждого месяца» или «ежемесячно»');
  if (items.length > 0) return readDates(wording, items, period, has('during') !== undefined);
  if (has('whole-period')) return reading(wording, 'whole-period', [{ ...period }], period);
  if (has('external')) return reading(wording, 'external', [], period);
  if (has('on-demand')) return reading(wording, 'on-demand', [], period);
  return unreadable(wording, 'нет ни даты, ни месяца, ни понятного слова о сроке');
}
