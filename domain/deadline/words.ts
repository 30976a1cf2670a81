// The words of a deadline wording: normalisation of the cell text and its tokens.
// Roadmap cells arrive from DOCX/HTML/TXT imports, so they carry tags (<br>, <b>, <p> in seeds 001–003),
// non-breaking spaces, en/em dashes, «г.»/«гг.» and line breaks inside the cell (seed 000, row 20).

export type Token =
  | { t: 'date'; d: number; m: number; y?: number } // 25.08.2020, 01.02, 01.03. (seed 004), 01.09.20
  | { t: 'year'; y: number } // a four-digit number 1900–2100
  | { t: 'num'; n: number } // any other number: a day, «1 квартал», «2020-21»
  | { t: 'word'; w: string }
  | { t: 'dash' } // -, –, —, / between the ends of a range
  | { t: 'sep'; s: string }; // , ; : ( ) +

/** Lower case, ё → е, no tags, no quotes, one kind of dash, single spaces. */
export function normalise(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(nbsp|#160);/gi, ' ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/і/g, 'i') // a Cyrillic «І» typed for the Roman one
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[«»"“”„'*_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// One token per match, in this order: a date (d.m, d.m.yy, d.m.yyyy, with a trailing dot), a number with an
// optional ordinal ending («1-й квартал»), a word (a number glued by a hyphen stays in it: «ВПР-2021», «ГИА-9»),
// a dash, a separator, anything else.
const TOKEN =
  /(?<!\d)(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2})(?!\d))?\.?|(\d+)(?:-(?:ого|ый|ий|ой|ое|ее|го|й|е)(?![а-я]))?|([a-zа-я]+(?:-\d+)?)|([-/])|([,;:()+])|(\S)/g;

/** Splits a normalised wording into tokens; a lone dot (abbreviations, trailing dots) is dropped. */
export function tokenize(normalised: string): Token[] {
  const tokens: Token[] = [];
  for (const [, d, m, y, num, word, dash, sep, other] of normalised.matchAll(TOKEN)) {
    if (d !== undefined && m !== undefined) {
      const date: Token = { t: 'date', d: Number(d), m: Number(m) };
      if (y !== undefined) date.y = y.length === 2 ? 2000 + Number(y) : Number(y);
      tokens.push(date);
    } else if (num !== undefined) {
      const n = Number(num);
      tokens.push(num.length === 4 && n >= 1900 && n <= 2100 ? { t: 'year', y: n } : { t: 'num', n });
    } else if (word !== undefined) tokens.push({ t: 'word', w: word });
    else if (dash !== undefined) tokens.push({ t: 'dash' });
    else if (sep !== undefined) tokens.push({ t: 'sep', s: sep });
    else if (other !== undefined && other !== '.') tokens.push({ t: 'word', w: other });
  }
  return tokens;
}

/** The month names as a plan writes a month on its own: «Март 2026 года». */
export const monthNames = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
] as const;

// All cases of the month names («март», «марта», «марте»…) and the usual abbreviations («сент.», «окт.»).
const MONTHS = [
  /^(январ(ь|я|е|ю|ем)|янв)$/,
  /^(феврал(ь|я|е|ю|ем)|фев|февр)$/,
  /^(март(а|е|у|ом)?|мар)$/,
  /^(апрел(ь|я|е|ю|ем)|апр)$/,
  /^ма(й|я|е|ю|ем)$/,
  /^июн(ь|я|е|ю|ем)?$/,
  /^июл(ь|я|е|ю|ем)?$/,
  /^(август(а|е|у|ом)?|авг)$/,
  /^(сентябр(ь|я|е|ю|ем)|сен|сент)$/,
  /^(октябр(ь|я|е|ю|ем)|окт)$/,
  /^(ноябр(ь|я|е|ю|ем)|ноя|нояб)$/,
  /^(декабр(ь|я|е|ю|ем)|дек)$/,
];

export function monthOf(word: string): number | undefined {
  const i = MONTHS.findIndex((re) => re.test(word));
  return i < 0 ? undefined : i + 1;
}

// «I квартал», «II полугодие» (Roman) and «первое полугодие» (ordinal words).
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ORDINALS: [RegExp, number][] = [
  [/^перв(ый|ое|ого|ом|ая|ой)$/, 1],
  [/^втор(ой|ое|ого|ом|ая)$/, 2],
  [/^трет(ий|ье|ьего|ьем|ья|ьей)$/, 3],
  [/^четверт(ый|ое|ого|ом|ая|ой)$/, 4],
];

export function romanOf(word: string): number | undefined {
  return ROMAN[word];
}

export function ordinalOf(word: string): number | undefined {
  return romanOf(word) ?? ORDINALS.find(([re]) => re.test(word))?.[1];
}

export type CalendarUnit = 'quarter' | 'half';

export function calendarUnitOf(word: string): CalendarUnit | undefined {
  if (/^квартал(а|е|у|ом|ы|ов)?$/.test(word)) return 'quarter';
  if (/^полугоди(е|я|ю|ем|и)$/.test(word)) return 'half';
  return undefined;
}

const wordOf = (token: Token | undefined) => (token?.t === 'word' ? token.w : undefined);

/**
 * Does a dated expression start here: a number, a date, a month, a Roman quarter/half-year, or «до/к/с/не
 * позднее» followed by one. Ordinal words do not count: in «2023 в соответствии с графиком на первое, второе
 * полугодие» (seed 004) they belong to the remark, not to the dates.
 */
export function startsDates(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (token.t === 'date' || token.t === 'year' || token.t === 'num') return true;
  const word = wordOf(token);
  if (word === undefined) return false;
  if (monthOf(word) !== undefined) return true;
  const next = wordOf(tokens[i + 1]);
  if (romanOf(word) !== undefined) return next !== undefined && calendarUnitOf(next) !== undefined;
  if (/^(до|к|с|со)$/.test(word)) return startsDates(tokens, i + 1);
  return word === 'не' && /^(позднее|позже)$/.test(next ?? '') && startsDates(tokens, i + 2);
}
