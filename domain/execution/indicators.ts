// Target indicators as programmes write them, read into numbers a monitoring round can compare: the value
// users type («25,5 %», «12 чел.»), the target with its comparison («не менее 90 %», «до 15 %», «+30 % от
// стартового значения»), the period a target is set for («2021/2022», «на 01.09.2023», «II квартал 2023»)
// and the status of an indicator on a given day, with the rule spelled out in Russian so a user can check it.
// Wordings come from the seeds: 000 (shares of schools per academic year), 001 (nine shares «100 %», «75 %»),
// 003 («Повышение качества образования до 30% от стартового показателя», «Снижение разрыва до 15%»,
// «не менее 90 % руководящих работников»), 004 («Не менее 5 мероприятий», «Не менее 50% от общего числа»).
// Nothing here guesses: a wording that can be read two ways is null, and the caller asks the user.

import { type Period, ruDate } from '../deadline/read-deadline.ts';
import { daysIn, iso } from '../deadline/windows.ts';
import { calendarUnitOf, monthOf, normalise, ordinalOf } from '../deadline/words.ts';

export type TargetComparison = 'at-least' | 'at-most' | 'exactly' | 'above' | 'below';

export type TargetValue =
  | { kind: 'absolute'; value: number; comparison: TargetComparison; percent: boolean }
  /** A change from the baseline by `percent` per cent of it («+30 % от стартового значения», seed 003). */
  | { kind: 'relative'; percent: number; change: 'increase' | 'decrease' };

/** A target as a number to compare the actual value with. `percent`: the values are shares in per cent. */
export interface ResolvedTarget {
  value: number;
  comparison: TargetComparison;
  percent?: boolean;
}

export type IndicatorStatus = 'on-track' | 'at-risk' | 'off-track' | 'no-data';

// ---------------------------------------------------------------------------------------------------------
// Numbers

interface NumberToken {
  value: number;
  /** Where the number starts in the normalised text, its sign included. */
  start: number;
  end: number;
  sign: '+' | '-' | null;
}

// «1 200», «12 500 чел.»: digit groups of three after a space are one number. A four-digit year never starts
// such a group («2022 2023» stays two numbers).
const THOUSANDS = /(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)/g;

/** The numbers of a normalised text; null when some digits do not form a number (a date «01.09.2023», «1,2,3»). */
function numberTokens(text: string): NumberToken[] | null {
  const tokens: NumberToken[] = [];
  for (const match of text.matchAll(/\d[\d.,]*/g)) {
    const raw = match[0].replace(/[.,]+$/, ''); // «12 чел.», «100.»: a trailing dot ends the sentence
    if (!/^\d+(?:[.,]\d+)?$/.test(raw)) return null;
    let start = match.index;
    let sign: NumberToken['sign'] = null;
    // A sign is a «+» or a dash standing alone before the number: «−3», «+ 30 %», not «10-20» or «ГИА-9».
    const before = /(^|[^\p{L}\p{N}])([+-]) ?$/u.exec(text.slice(0, start));
    if (before?.[2]) {
      sign = before[2] === '+' ? '+' : '-';
      start -= before[0].length - (before[1]?.length ?? 0);
    }
    const magnitude = Number(raw.replace(',', '.'));
    tokens.push({ value: sign === '-' ? -magnitude : magnitude, start, end: match.index + raw.length, sign });
  }
  return tokens;
}

/** Normalised text (words.ts: lower case, one dash, no tags or quotes) with thousands joined. */
const prepare = (text: string): string => normalise(text).replace(THOUSANDS, (m) => m.replace(/ /g, ''));

/** The one number of a text, or null when there is none, several different ones, or digits that are not one. */
function singleNumber(text: string): NumberToken | null {
  const tokens = numberTokens(text);
  const first = tokens?.[0];
  if (!tokens || !first) return null;
  return tokens.every((t) => t.value === first.value) ? first : null;
}

/**
 * The numeric value a user wrote: «25,5 %» → 25.5, «12 чел.» → 12, «−3» → −3, «1 200» → 1200. Exactly one
 * number is expected: «нет данных», «от 10 до 20», «01.09.2023» are null. The same number written twice
 * («15 % (15 %)») is still one number.
 */
export function parseIndicatorNumber(text: string): number | null {
  return singleNumber(prepare(text))?.value ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Targets

const L = '(?<![а-яa-z])'; // a word starts here (\b does not know Cyrillic)
const E = '(?![а-яa-z])'; // a word ends here

// The comparison words, longest first; each match is blanked before the next pattern, so that «не менее»
// never also counts as «менее». «до» and «от» count only right before the number (see comparisonBefore).
const COMPARISON_WORDS: [RegExp, TargetComparison][] = [
  [
    new RegExp(
      `${L}не (?:менее|меньше|ниже)${E}|${L}(?:и|или) (?:более|больше|выше|свыше)${E}|${L}(?:как )?минимум${E}|≥|>=|=>`,
      'g',
    ),
    'at-least',
  ],
  [
    new RegExp(
      `${L}не (?:более|больше|выше)${E}|${L}не (?:долж[а-я]* )?превыша[а-я]*|${L}(?:и|или) (?:менее|меньше|ниже)${E}|${L}(?:как )?максимум${E}|≤|<=|=<`,
      'g',
    ),
    'at-most',
  ],
  [new RegExp(`${L}(?:более|больше|выше|свыше|превыша[а-я]*)${E}|>`, 'g'), 'above'],
  [new RegExp(`${L}(?:менее|меньше|ниже)${E}|<`, 'g'), 'below'],
  [new RegExp(`${L}ровно${E}|=`, 'g'), 'exactly'],
];

function comparisonWords(text: string): Set<TargetComparison> {
  const found = new Set<TargetComparison>();
  let rest = text;
  for (const [re, comparison] of COMPARISON_WORDS) {
    rest = rest.replace(re, (m) => {
      found.add(comparison);
      return ' '.repeat(m.length);
    });
  }
  return found;
}

// «Повышение квалификации» is professional development, not a rise of the indicator (seed 003).
const NOT_A_CHANGE = /повышени[а-я]* квалификаци[а-я]*/g;
const INCREASE = new RegExp(`${L}(?:увелич|повыш|рост|прирост|улучш)[а-я]*`);
const DECREASE = new RegExp(`${L}(?:сниж|уменьш|сокращ|падени)[а-я]*`);
// The baseline a relative target is measured from: «от стартового значения», «от исходного», «базового
// уровня». The stem alone is not enough: «учителей начальных классов» (seed 003) names no baseline.
const BASE_STEM = '(?:стартов|исходн|базов|начальн|первоначальн)[а-я]*';
const BASELINE_WORDS = new RegExp(
  `${L}(?:от|к|относительно) ${BASE_STEM}|${L}${BASE_STEM} (?:значени|показател|уровн|величин)`,
);
const POINTS = new RegExp(`${L}п\\. ?п\\.|${L}процентн[а-я]* пункт`);

type Direction = 'increase' | 'decrease';

function changeDirection(words: string, after: string): Direction | null {
  const up = INCREASE.test(words) || new RegExp(`^\\s*%?\\s*(?:выше|больше)${E}`).test(after);
  const down = DECREASE.test(words) || new RegExp(`^\\s*%?\\s*(?:ниже|меньше)${E}`).test(after);
  if (up === down) return null;
  return up ? 'increase' : 'decrease';
}

/**
 * Reads a target as written. A bare number («100 %», «5 мероприятий») is the target itself: `exactly`,
 * unless the caller knows the indicator's direction (`hint`): an indicator that should grow reaches its
 * target «at least», one that should fall (a gap, a share of low results) «at most».
 *
 * Absolute: «не менее / не ниже / ≥ / >= / и более / от 90 %» at-least; «не более / не выше / ≤ / <= / и менее
 * 15 %» at-most; strict «более / выше / свыше / >» above and «менее / ниже / <» below; «ровно / =» exactly.
 * «до 15 %» is at-most («Снижение разрыва до 15%», seed 003) unless the text or the hint says the value should
 * grow («повышение доли до 90 %»): then it is the level to reach, at-least.
 *
 * Relative: «+30 % от стартового значения», «увеличение на 30 % от исходного», «на 30 % выше базового
 * значения», «снижение на 20 %», «увеличение не менее чем на 30 %». Seed 003 writes «Повышение качества
 * образования до 30% от стартового показателя»: under «повышение» a fall to 30 % of the start is impossible,
 * so it is read as +30 %; «снижение до 15 % от исходного» can mean either and is null.
 *
 * Null (never a guess): no number or several, a date, a year («к 2024 году»), «в 2 раза», percentage points
 * as a change («на 5 п. п.»), a change in units («на 5 мероприятий»), «+30 %» with no baseline named,
 * contradictory words, a strict or capped relative change («более чем на», «не более чем на»).
 */
export function parseTargetValue(text: string, hint?: Direction): TargetValue | null {
  const t = prepare(text);
  const n = singleNumber(t);
  if (!n) return null;
  const before = t.slice(0, n.start);
  const after = t.slice(n.end);
  if (/^\s*(?:-?[а-я]{0,3}\s)?(?:год|г\.|гг|г$)/.test(after)) return null; // a year, not a value
  if (/(?:^|\s)в\s*$/.test(before) && /^\s*раз/.test(after)) return null; // «в 2 раза»: not modelled
  const percent = /^\s*(?:%|процент)/.test(after) || POINTS.test(after);
  const words = t.replace(NOT_A_CHANGE, ' ');
  const byNa = new RegExp(`${L}на\\s*$`).test(before);
  const namesBaseline = BASELINE_WORDS.test(t);
  const direction = n.sign ? (n.sign === '+' ? 'increase' : 'decrease') : changeDirection(words, after);

  if (n.sign === '-' && !percent && !byNa && !namesBaseline)
    return absolute(n.value, before, t, percent, hint, direction);
  if (n.sign || byNa || namesBaseline) {
    // A change from the baseline («+30 % от стартового», «снижение на 20 %»). Only a percentage of the
    // baseline is modelled; «+30 %» alone may be points or per cent of the start, so it is not read.
    if (!(namesBaseline || (byNa && !n.sign)) || !percent || POINTS.test(t) || !direction) return null;
    const found = comparisonWords(before.replace(new RegExp(`${L}чем${E}`, 'g'), ' '));
    const reach = new RegExp(`${L}до\\s*$`).test(before);
    if (reach) {
      if (direction !== 'increase' || found.size > 0) return null;
    } else if (found.size > 1 || (found.size === 1 && !found.has('at-least'))) return null;
    const share = Math.abs(n.value);
    if (direction === 'decrease' && share > 100) return null; // below zero: a slip of the pen
    return { kind: 'relative', percent: share, change: direction };
  }
  return absolute(n.value, before, t, percent, hint, direction);
}

function absolute(
  value: number,
  before: string,
  text: string,
  percent: boolean,
  hint: Direction | undefined,
  direction: Direction | null,
): TargetValue | null {
  const found = comparisonWords(text);
  if (new RegExp(`${L}от\\s*$`).test(before)) found.add('at-least');
  if (new RegExp(`${L}до\\s*$`).test(before)) found.add((direction ?? hint) === 'increase' ? 'at-least' : 'at-most');
  if (found.size > 1) return null;
  const [written] = found;
  const comparison = written ?? (hint === 'increase' ? 'at-least' : hint === 'decrease' ? 'at-most' : 'exactly');
  return { kind: 'absolute', value, comparison, percent };
}

/** Rounds away binary artefacts (40 × 1.3 = 52.00000000000001): user values carry a few decimals at most. */
const clean = (x: number): number => Number(x.toPrecision(12));

/**
 * The target as a number. A relative target is a share of the baseline: 40 with +30 % is 52 at least, 40 with
 * −20 % is 32 at most. Null when there is no positive baseline: a percentage of nothing sets no target.
 * `percentUnit`: the indicator's values are per cent (its unit), for relative targets whose text cannot say.
 */
export function resolveTarget(
  target: TargetValue,
  baseline: number | null,
  percentUnit = false,
): ResolvedTarget | null {
  if (target.kind === 'absolute')
    return { value: target.value, comparison: target.comparison, percent: target.percent };
  if (baseline === null || !(baseline > 0)) return null;
  const factor = target.change === 'increase' ? 100 + target.percent : 100 - target.percent;
  return {
    value: clean((baseline * factor) / 100),
    comparison: target.change === 'increase' ? 'at-least' : 'at-most',
    percent: percentUnit,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Periods

const validDate = (y: number, m: number, d: number): string | null =>
  m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) ? iso(y, m, d) : null;
const yearSpan = (from: number, to: number): Period => ({ start: iso(from, 1, 1), end: iso(to, 12, 31) });
const academicYear = (y: number): Period => ({ start: iso(y, 9, 1), end: iso(y + 1, 8, 31) });
const fullYear = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

const YEAR_WORD = '(?:год[а-я]*|г\\.?)';
const ACADEMIC_WORD = '(?:учебн[а-я]* год[а-я]*|уч\\.? ?г(?:од[а-я]*)?\\.?)';
const PREFIX = '(?:(?:по итогам|на конец|к концу|по состоянию на|не позднее|на|в|во|за|к|до)\\s+)?';

/**
 * The period a target is set for, as written in the column header or the cell. ISO dates in and out.
 * - «2022», «2022 год», «2022 г.», «на 2022 год»: the calendar year.
 * - «2021/2022» (seed 000), «2022/23», «2022-2023 учебный год»: the academic year, 01.09 to 31.08.
 * - «2022–2023 гг.», «2022-2023 годы»: calendar years. A bare «2022-2023» is the academic year when the
 *   programme itself runs over academic years (starts on 1 September, seed 002), calendar years otherwise.
 * - «на 01.09.2023», «01.09.2023»: the state on that day, a point. «к 01.07.2021», «до 01.07.2021» (seed 003):
 *   a deadline, so the period runs from the programme's start to that day.
 * - «I полугодие 2023», «2 квартал 2023», «декабрь 2023»; without a year only in a one-year programme.
 * - «конец реализации программы», «по итогам реализации», «итог», an empty cell: the programme's period.
 * Null when the text is none of these.
 */
export function readTargetPeriod(text: string, programme: Period): Period | null {
  const s = normalise(text).replace(/\s*([-/])\s*/g, '$1');
  if (s === '') return { ...programme };
  if (!/\d/.test(s)) {
    if (/итог|конец|конц|окончани|завершени|реализаци|весь период/.test(s)) return { ...programme };
    return partOfYear(s, null, programme);
  }

  const date = new RegExp(
    `^(?:(по состоянию на|на|к|до|не позднее)\\s+)?(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?:\\s*${YEAR_WORD})?$`,
  ).exec(s);
  if (date) {
    const day = validDate(fullYear(date[4]!), Number(date[3]), Number(date[2]));
    if (!day) return null;
    const deadline = date[1] === 'к' || date[1] === 'до' || date[1] === 'не позднее';
    return deadline && day > programme.start ? { start: programme.start, end: day } : { start: day, end: day };
  }

  const year = new RegExp(`^${PREFIX}(\\d{4})(?:-?(?:й|м|го))?(?:\\s*${YEAR_WORD})?$`).exec(s);
  if (year) return yearSpan(Number(year[1]), Number(year[1]));

  const range = new RegExp(
    `^${PREFIX}(\\d{4})([-/])(\\d{4}|\\d{2})(?:\\s*(${ACADEMIC_WORD}|гг\\.?|${YEAR_WORD}))?$`,
  ).exec(s);
  if (range) {
    const [from, to] = [Number(range[1]), fullYear(range[3]!)];
    const consecutive = to === from + 1;
    const academicWord = range[4] !== undefined && new RegExp(`^${ACADEMIC_WORD}$`).test(range[4]);
    if (range[2] === '/' || academicWord) return consecutive ? academicYear(from) : null;
    if (to <= from) return null;
    if (range[4] === undefined && consecutive && programme.start.slice(5) === '09-01') return academicYear(from);
    return yearSpan(from, to);
  }

  const part = new RegExp(`^(.+?)\\s*(\\d{4})(?:\\s*${YEAR_WORD})?$`).exec(s);
  return part ? partOfYear(part[1]!, Number(part[2]), programme) : null;
}

/** «I полугодие», «2 квартал», «первое полугодие», «декабрь» of `year`, or of a one-year programme's year. */
function partOfYear(text: string, year: number | null, programme: Period): Period | null {
  const words = text
    .replace(/^(?:(?:по итогам|на конец|за|в|во|на|к)\s+)/, '')
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !/^(?:е|й|ое|ий|го)$/.test(w));
  const y =
    year ?? (programme.start.slice(0, 4) === programme.end.slice(0, 4) ? Number(programme.start.slice(0, 4)) : null);
  if (y === null) return null;
  if (words.length === 1) {
    const m = monthOf(words[0]!);
    return m === undefined ? null : { start: iso(y, m, 1), end: iso(y, m, daysIn(y, m)) };
  }
  if (words.length !== 2) return null;
  const n = /^\d$/.test(words[0]!) ? Number(words[0]) : ordinalOf(words[0]!);
  const unit = /^кв\.?$/.test(words[1]!) ? 'quarter' : calendarUnitOf(words[1]!.replace(/\.$/, ''));
  if (n === undefined || unit === undefined) return null;
  const size = unit === 'quarter' ? 3 : 6;
  if (n < 1 || n > 12 / size) return null;
  const [first, last] = [size * (n - 1) + 1, size * n];
  return { start: iso(y, first, 1), end: iso(y, last, daysIn(y, last)) };
}

// ---------------------------------------------------------------------------------------------------------
// Status

/** «90 %», «60,5 %», «12», «−3»: Russian decimal comma, a true minus, at most four decimals. */
export function formatIndicatorNumber(n: number, percent: boolean): string {
  const fixed = clean(n)
    .toFixed(4)
    .replace(/\.?0+$/, '');
  const text = (fixed === '-0' ? '0' : fixed).replace('.', ',').replace('-', '−');
  return percent ? `${text} %` : text;
}

// Boundaries are exact for the values users write: a difference within a billionth of the numbers compared
// is no difference, so 90 meets «не менее 90» and 89.99 does not, whatever binary fractions make of them.
function compare(a: number, b: number): -1 | 0 | 1 {
  const tolerance = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (Math.abs(a - b) <= tolerance) return 0;
  return a < b ? -1 : 1;
}

/** Whether the actual value meets the target by the target's comparison. */
export function meetsTarget(actual: number, target: ResolvedTarget): boolean {
  const c = compare(actual, target.value);
  switch (target.comparison) {
    case 'at-least':
      return c >= 0;
    case 'at-most':
      return c <= 0;
    case 'exactly':
      return c === 0;
    case 'above':
      return c > 0;
    case 'below':
      return c < 0;
  }
}

const comparisonWord: Record<TargetComparison, string> = {
  'at-least': 'не менее ',
  'at-most': 'не более ',
  exactly: '',
  above: 'более ',
  below: 'менее ',
};

/** «не менее 90 %», «более 15 %», «100 %». */
export function targetWords(target: ResolvedTarget): string {
  return `${comparisonWord[target.comparison]}${formatIndicatorNumber(target.value, target.percent ?? false)}`;
}

const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000;
};
/** A share in per cent for the rule text, rounded down (progress) or up (what was expected) to a tenth, so the
 * text never shows a lagging indicator as level with the plan. */
const shareDown = (x: number) => formatIndicatorNumber(Math.floor(clean(x * 1000)) / 10, true);
const shareUp = (x: number) => formatIndicatorNumber(Math.ceil(clean(x * 1000)) / 10, true);

/**
 * The status of an indicator on `today`:
 * - no actual value: no-data;
 * - the actual value meets the target (by its comparison, boundaries exact): on-track, met;
 * - not met, the period is over: off-track;
 * - not met, the period has not started: nothing is expected yet, on-track;
 * - not met during the period: the expected progress is the share of the period's days elapsed, today
 *   included. Progress is the way from the baseline to the target covered, (actual − baseline) ÷ (target −
 *   baseline), when the baseline is known and does not meet the target itself; otherwise actual ÷ target for
 *   «не менее»/«более» targets and 0 for the rest (without a baseline a fall cannot be measured). Progress at
 *   least the expected: on-track; at least half the expected: at-risk; less: off-track.
 * `rule` says it in Russian with the numbers.
 */
export function indicatorStatus(input: {
  baseline: number | null;
  target: ResolvedTarget;
  actual: number | null;
  period: Period;
  today: string;
}): { status: IndicatorStatus; met: boolean; rule: string } {
  const { baseline, target, actual, period, today } = input;
  const percent = target.percent ?? false;
  const fmt = (n: number) => formatIndicatorNumber(n, percent);
  if (actual === null) return { status: 'no-data', met: false, rule: 'Фактическое значение не внесено.' };
  const wanted = `целевому (${targetWords(target)})`;
  if (meetsTarget(actual, target)) {
    return {
      status: 'on-track',
      met: true,
      rule: `Фактическое значение ${fmt(actual)} соответствует ${wanted}: целевое значение достигнуто.`,
    };
  }
  if (today > period.end) {
    return {
      status: 'off-track',
      met: false,
      rule: `Фактическое значение ${fmt(actual)} не соответствует ${wanted}, срок достижения истёк ${ruDate(period.end)}: целевое значение не достигнуто.`,
    };
  }
  const lead = `Фактическое значение ${fmt(actual)} пока не соответствует ${wanted}`;
  if (today < period.start) {
    return {
      status: 'on-track',
      met: false,
      rule: `${lead}; период достижения начинается ${ruDate(period.start)}, отставания нет.`,
    };
  }

  const total = dayNumber(period.end) - dayNumber(period.start) + 1;
  const elapsed = Math.min(total, dayNumber(today) - dayNumber(period.start) + 1);
  const expected = elapsed / total;
  const days = `истекло ${elapsed} из ${total} дн. периода на ${ruDate(today)}`;

  let progress: number;
  let how: string;
  const fromBaseline = baseline !== null && !meetsTarget(baseline, target) && compare(baseline, target.value) !== 0;
  if (fromBaseline) {
    const need = clean(target.value - baseline);
    const done = clean(actual - baseline);
    progress = done / need;
    const unit = percent ? ' п. п.' : '';
    const doneSigned = formatIndicatorNumber(Math.sign(need) * done, false);
    how = `от базового значения ${fmt(baseline)} пройдено ${shareDown(progress)} пути к целевому (${doneSigned} из ${formatIndicatorNumber(Math.abs(need), false)}${unit})`;
  } else {
    const why = baseline === null ? 'базовое значение не указано' : 'базовое значение уже соответствовало целевому';
    if ((target.comparison === 'at-least' || target.comparison === 'above') && target.value > 0) {
      progress = actual / target.value;
      how = `${why}, поэтому ход оценён долей целевого значения: ${shareDown(progress)}`;
    } else {
      progress = 0;
      how = `${why}, а без него ход достижения такого целевого значения не измеряется: прогресс принят равным 0 %`;
    }
  }
  const half = expected / 2;
  const verdict: [IndicatorStatus, string] =
    compare(progress, expected) >= 0
      ? ['on-track', 'достижение идёт по плану']
      : compare(progress, half) >= 0
        ? ['at-risk', `есть риск недостижения — пройдено не менее половины ожидаемого (${shareUp(half)})`]
        : ['off-track', `отставание — пройдено менее половины ожидаемого (${shareUp(half)})`];
  return {
    status: verdict[0],
    met: false,
    rule: `${lead}; ${how}, ожидалось ${shareUp(expected)} (${days}): ${verdict[1]}.`,
  };
}

/** The words of a status as pages and reports print them. */
export const indicatorStatusLabels: Record<IndicatorStatus, string> = {
  'on-track': 'в плане',
  'at-risk': 'под угрозой',
  'off-track': 'отстаёт',
  'no-data': 'нет данных',
};
