// An uploaded table of assessment results read into records for the identification of low-results schools.
// Pure: the region's school codes, the current year and the year the user picked are passed in. Every problem is
// collected with its row, canonical column and cell (F12), so the user fixes the whole file in one pass; the
// service commits all records or none. Shares in percent (ФИС ОКО writes them) become counts here, because
// Опора keeps counts only (results.ts).

import { cellAddress } from '../cell-address.ts';
import type { Problem } from '../errors.ts';
import {
  type ColumnGroup,
  identityColumns,
  normaliseText,
  type ResultsColumn,
  type ResultsGrid,
  readResultsHeader,
  resultColumnLabels,
  summaryLabelOf,
} from './result-headers.ts';
import { type Exam, knownSubjects, type ResultKind, type ResultOf, resultColumns, vprGrades } from './results.ts';

export type { ResultsGrid } from './result-headers.ts';

export interface ResultsReadContext {
  /** Whether the code is one of the region's schools. */
  isKnownSchool(code: string): boolean;
  /** The current year, passed in (no clock): plausible years are 2015..currentYear. */
  currentYear: number;
  /** The year the user picked, used when the file has no year column. */
  year?: number;
}

export interface ResultsReading<K extends ResultKind> {
  records: ResultOf<K>[];
  /** Every problem found, each with its row, canonical column and cell where it has one. */
  problems: Problem[];
  /** What was done without asking: total rows skipped, columns left unused, shares converted, sums adjusted. */
  warnings: Problem[];
  /** Distinct years found in the file, sorted. */
  years: number[];
  /** Which file column fed each canonical column. */
  mapping: { column: string; header: string; cell: string }[];
  /** The first row after the header. */
  dataStartRow: number;
}

/** ВПР have been written in their present form since 2015; earlier years are typing errors. */
export const firstResultsYear = 2015;

// Counts of a kind that add up to its participants: every student gets one mark, and one ВПР mark is either
// lower than, equal to or higher than the journal mark. ГИА has one count (below the minimum), it only must not
// exceed the participants.
const parts: Record<ResultKind, readonly ResultsColumn[]> = {
  vpr: ['n2', 'n3', 'n4', 'n5'],
  gia: [],
  journal: ['lowered', 'confirmed', 'raised'],
};
const partsWords: Record<ResultKind, string> = {
  vpr: 'отметок «2», «3», «4», «5»',
  gia: '',
  journal: 'значений «Понизили», «Подтвердили», «Повысили»',
};
const duplicateWords: Record<ResultKind, string> = {
  vpr: 'год, школа, предмет и класс',
  gia: 'год, школа, экзамен и предмет',
  journal: 'год, школа, предмет и класс',
};
const subjectsOf: Record<ResultKind, readonly string[]> = {
  vpr: knownSubjects.vpr,
  gia: knownSubjects.gia,
  journal: knownSubjects.vpr,
};

/**
 * Shares whose sum is further than this from 100 % are not a distribution of the participants: four shares rounded
 * to whole percent are off by at most 4 × 0,5 = 2.
 */
const SHARE_SUM_TOLERANCE = 2;
/** Rounding each share to a count leaves the sum at most 2 away from the participants (4 × 0,5). */
const ROUNDING_FIX_LIMIT = 2;

// ---------------------------------------------------------------------------------------------------------
// Values as users write them.

type Read<T> = { value: T } | { error: string };

const withoutGroupSpaces = (raw: string) => raw.replace(/[\s\u00a0\u202f\u2009]/g, '');

/** A number of students: «1 234» with spaces or no-break spaces between groups. */
export function readCount(raw: string): Read<number> {
  const s = withoutGroupSpaces(raw);
  if (/^\d+$/.test(s)) return { value: Number(s) };
  if (/^[-−]\d+([.,]\d+)?$/.test(s))
    return { error: `Значение «${raw}» отрицательное: укажите целое число не меньше 0.` };
  if (/^\d+[.,]\d+$/.test(s))
    return { error: `Значение «${raw}» дробное: укажите целое число человек (или долю со знаком «%»).` };
  return { error: `Значение «${raw}» не является числом: укажите целое число не меньше 0.` };
}

/** A share in percent: «33,3», «33.3 %», «100%». */
export function readShare(raw: string): Read<number> {
  const s = withoutGroupSpaces(raw).replace(/%$/, '').replace(',', '.');
  if (!/^[-−]?\d+(\.\d+)?$/.test(s))
    return { error: `Значение «${raw}» не является долей в процентах: укажите число от 0 до 100.` };
  const value = Number(s.replace('−', '-'));
  if (value < 0 || value > 100) return { error: `Доля «${raw}» вне диапазона от 0 до 100 %.` };
  return { value };
}

/** «2024», «2024 г.»; a school year «2023/2024» or «2023/24» is its spring, when ВПР and ГИА are written. */
export function readYear(raw: string, currentYear: number): Read<number> {
  const s = normaliseText(raw);
  const plain = /^(\d{4})( ?(г|год|года))?\.?$/.exec(s);
  const span = /^(\d{4}) ?[/-] ?(\d{2}|\d{4})$/.exec(s);
  let year: number | undefined;
  if (plain) year = Number(plain[1]);
  else if (span) {
    const from = Number(span[1]);
    const to = Number(span[2]?.length === 2 ? `${String(from + 1).slice(0, 2)}${span[2]}` : span[2]);
    if (to === from + 1) year = to;
  }
  if (year === undefined) return { error: `Год «${raw}» не распознан: укажите год проведения числом, например 2024.` };
  if (year < firstResultsYear || year > currentYear)
    return {
      error: `Год ${year} вне допустимого диапазона ${firstResultsYear}–${currentYear}: проверьте год проведения.`,
    };
  return { value: year };
}

const subjectSynonyms: [RegExp, string][] = [
  [/^русский( язык)?$/, 'русский язык'],
  [/^математика ?[(,-]? ?(профил\S*|п)( уровень| уровня)?\)?$|^профильная математика$/, 'математика (профильная)'],
  [/^математика ?[(,-]? ?(базов\S*|б)( уровень| уровня)?\)?$|^базовая математика$/, 'математика (базовая)'],
  [/^(иностранный язык \()?(английский|немецкий|французский)( язык)?\)?$/, '$2 язык'],
];

/** A subject as the federal forms write it: «Русский язык», «Математика (профильный уровень)», «Математика П». */
export function readSubject(kind: ResultKind, raw: string): Read<string> {
  const s = normaliseText(raw).replace(/\.$/, '');
  let subject = s;
  for (const [re, canonical] of subjectSynonyms)
    if (re.test(s)) {
      subject = s.replace(re, canonical);
      break;
    }
  if (subjectsOf[kind].includes(subject)) return { value: subject };
  return {
    error: `Предмет «${raw}» не распознан. Укажите один из: ${subjectsOf[kind].join(', ')}.`,
  };
}

/** «5», «5 класс», «5 кл.», «5-й класс». */
export function readGrade(raw: string): Read<number> {
  const m = /^(\d{1,2})(-?й)? ?(класс\S*|кл\.?)?$/.exec(normaliseText(raw));
  if (!m) return { error: `Класс «${raw}» не распознан: укажите номер класса, например 5 или «5 класс».` };
  const grade = Number(m[1]);
  if (!(vprGrades as readonly number[]).includes(grade))
    return { error: `В ${grade} классе ВПР не проводятся: укажите один из классов ${vprGrades.join(', ')}.` };
  return { value: grade };
}

/** ОГЭ or ЕГЭ in any case; ГВЭ (the state final exam in another form) is not counted in identification. */
export function readExam(raw: string): Read<Exam> {
  const s = normaliseText(raw);
  if (/^огэ(?!\p{L})/u.test(s)) return { value: 'ОГЭ' };
  if (/^егэ(?!\p{L})/u.test(s)) return { value: 'ЕГЭ' };
  if (/^гвэ(?!\p{L})/u.test(s))
    return { error: 'ГВЭ не учитывается при выявлении школ: удалите строки ГВЭ из файла и оставьте ОГЭ и ЕГЭ.' };
  return { error: `Экзамен «${raw}» не распознан: укажите ОГЭ или ЕГЭ.` };
}

// ---------------------------------------------------------------------------------------------------------
// Rows.

/** What one row gives for one group of columns. */
interface RowValues {
  year: number;
  schoolCode: string;
  subject: string;
  /** ВПР and journal rows; 0 in ГИА rows, whose records have no grade. */
  grade: number;
  /** ГИА rows; 'ОГЭ' in the others, whose records have no exam. */
  exam: Exam;
  numbers: Map<ResultsColumn, number>;
}

const number = (v: RowValues, c: ResultsColumn): number => {
  const n = v.numbers.get(c);
  // Records are built only from rows with no problem, and such a row has every number of its kind.
  if (n === undefined) throw new Error(`results reader: ${c} not read`);
  return n;
};
const build: { [K in ResultKind]: (v: RowValues) => ResultOf<K> } = {
  vpr: (v) => ({
    year: v.year,
    schoolCode: v.schoolCode,
    subject: v.subject,
    grade: v.grade,
    participants: number(v, 'participants'),
    n2: number(v, 'n2'),
    n3: number(v, 'n3'),
    n4: number(v, 'n4'),
    n5: number(v, 'n5'),
  }),
  gia: (v) => ({
    year: v.year,
    schoolCode: v.schoolCode,
    exam: v.exam,
    subject: v.subject,
    participants: number(v, 'participants'),
    belowMin: number(v, 'below_min'),
  }),
  journal: (v) => ({
    year: v.year,
    schoolCode: v.schoolCode,
    subject: v.subject,
    grade: v.grade,
    participants: number(v, 'participants'),
    lowered: number(v, 'lowered'),
    confirmed: number(v, 'confirmed'),
    raised: number(v, 'raised'),
  }),
};

const formatShare = (n: number) => String(Math.round(n * 10) / 10).replace('.', ',');
const listRows = (rows: Iterable<number>) => {
  const all = [...rows];
  return all.length <= 10 ? all.join(', ') : `${all.slice(0, 10).join(', ')} и ещё ${all.length - 10}`;
};

interface Line {
  row: number;
  cells: string[];
}

/** The numbers of students a kind counts, besides the participants. */
const countColumns = (kind: ResultKind) =>
  resultColumns[kind].filter((c) => !identityColumns.includes(c) && c !== 'participants');

/** What the reader learns across rows, for the duplicates check and the closing warnings. */
interface ReadState {
  /** Identity cells of the previous data row by file column: a cell merged down keeps text in its first row only. */
  above: Map<number, string>;
  next: Map<number, string>;
  filledRows: Set<number>;
  filledColumns: Set<ResultsColumn>;
  convertedRows: Set<number>;
  adjustedRows: Set<number>;
}

/**
 * Converts the shares to counts and checks the counts against the participants, whatever the rest of the row.
 * Says whether shares were converted and whether rounding was adjusted, for the closing warning.
 */
function checkCounts(
  kind: ResultKind,
  total: number,
  numbers: Map<ResultsColumn, number>,
  shares: Map<ResultsColumn, number>,
  fail: (c: ResultsColumn, message: string) => void,
): { converted: boolean; adjusted: boolean } {
  const addsUp = parts[kind];
  const get = (c: ResultsColumn) => numbers.get(c) ?? 0;
  const done = { converted: shares.size > 0, adjusted: false };
  numbers.set('participants', total);

  if (shares.size > 0) {
    const sum = [...shares.values()].reduce((a, b) => a + b, 0);
    const first = addsUp[0];
    if (total > 0 && first && shares.size === addsUp.length && Math.abs(sum - 100) > SHARE_SUM_TOLERANCE) {
      fail(first, `Доли ${partsWords[kind]} дают в сумме ${formatShare(sum)} % вместо 100 %: проверьте значения.`);
      return done;
    }
    for (const [c, share] of shares) numbers.set(c, Math.round((share * total) / 100));
    // Rounding each share may leave the parts a student or two off the participants: the largest converted count
    // absorbs the difference, as it changes its own share least.
    const diff = total - addsUp.reduce((a, c) => a + get(c), 0);
    const largest = [...shares.keys()].reduce((a, b) => (get(b) > get(a) ? b : a));
    if (addsUp.length > 0 && diff !== 0 && Math.abs(diff) <= ROUNDING_FIX_LIMIT) {
      numbers.set(largest, get(largest) + diff);
      done.adjusted = true;
    }
  }

  const over = countColumns(kind).filter((c) => get(c) > total);
  for (const c of over)
    fail(
      c,
      total === 0
        ? 'Участников 0 (нет данных), поэтому и здесь должно быть 0.'
        : `«${resultColumnLabels[c]}» (${get(c)}) больше числа участников (${total}): проверьте значения в строке.`,
    );
  const sum = addsUp.reduce((a, c) => a + get(c), 0);
  if (addsUp.length > 0 && over.length === 0 && sum !== total)
    fail(
      'participants',
      done.converted
        ? `После пересчёта долей в количества сумма ${partsWords[kind]} (${sum}) отличается от числа участников (${total}) больше чем на ${ROUNDING_FIX_LIMIT}: проверьте доли или укажите количества.`
        : `Сумма ${partsWords[kind]} (${sum}) не равна числу участников (${total}): исправьте количества.`,
    );
  return done;
}

/** Reads the cells of one row for one group of columns; every problem goes to `problems`. */
function rowReader(kind: ResultKind, ctx: ResultsReadContext, chosenYear: number | undefined, problems: Problem[]) {
  const counts = countColumns(kind);
  const year = (t: string) => readYear(t, ctx.currentYear);
  const subject = (t: string) => readSubject(kind, t);
  const schoolCode = (t: string): Read<string> =>
    ctx.isKnownSchool(t)
      ? { value: t }
      : {
          error: `Школа с кодом «${t}» не найдена среди школ региона. Проверьте код или сначала загрузите школу в разделе «Организации».`,
        };

  return (line: Line, group: ColumnGroup, state: ReadState): RowValues | undefined => {
    const fail = (c: ResultsColumn, message: string) => {
      const s = group.columns.get(c);
      problems.push({ row: line.row, column: c, ...(s ? { cell: cellAddress(s.index, line.row) } : {}), message });
    };
    const raw = (c: ResultsColumn): string => {
      const s = group.columns.get(c);
      if (!s) return '';
      let text = line.cells[s.index] ?? '';
      if (identityColumns.includes(c)) {
        const kept = state.above.get(s.index);
        if (text === '' && kept !== undefined) {
          text = kept;
          state.filledRows.add(line.row);
          state.filledColumns.add(c);
        }
        if (text !== '') state.next.set(s.index, text);
      }
      return text;
    };
    const identity = <T>(c: ResultsColumn, read: (text: string) => Read<T>, missing: string): T | undefined => {
      const text = raw(c);
      const r: Read<T> = text === '' ? { error: missing } : read(text);
      if ('error' in r) fail(c, r.error);
      return 'value' in r ? r.value : undefined;
    };

    const y =
      group.year ?? chosenYear ?? identity('year', year, 'Не указан год: укажите год проведения, например 2024.');
    const code = identity('school_code', schoolCode, 'Не указан код ОО: укажите код школы из справочника организаций.');
    const exam = kind === 'gia' ? identity('exam', readExam, 'Не указан экзамен: укажите ОГЭ или ЕГЭ.') : 'ОГЭ';
    const sub = identity('subject', subject, 'Не указан предмет.');
    const grade = kind === 'gia' ? 0 : identity('grade', readGrade, 'Не указан класс: укажите номер класса.');

    const participantsText = raw('participants');
    const participants: Read<number> =
      participantsText === ''
        ? { error: 'Не указано число участников: укажите его (0, если работу не писали).' }
        : /%/.test(participantsText)
          ? { error: 'Укажите число участников, а не долю в процентах.' }
          : readCount(participantsText);
    if ('error' in participants) fail('participants', participants.error);
    const total = 'value' in participants ? participants.value : undefined;

    // Each count as a number, or as a share to convert once the participants are known.
    const numbers = new Map<ResultsColumn, number>();
    const shares = new Map<ResultsColumn, number>();
    let unread = false;
    for (const c of counts) {
      const text = raw(c);
      // No participants means no data: ФИС ОКО leaves the marks of such a row empty.
      if (text === '' && total === 0) numbers.set(c, 0);
      else {
        const share = group.columns.get(c)?.share || text.endsWith('%');
        const r: Read<number> =
          text === ''
            ? { error: `Не заполнено «${resultColumnLabels[c]}»: укажите число (0, если таких нет).` }
            : share
              ? readShare(text)
              : readCount(text);
        if ('error' in r) {
          fail(c, r.error);
          unread = true;
        } else (share ? shares : numbers).set(c, r.value);
      }
    }
    const values: RowValues | undefined =
      y === undefined || code === undefined || exam === undefined || sub === undefined || grade === undefined
        ? undefined
        : { year: y, schoolCode: code, subject: sub, grade, exam, numbers };
    if (total !== undefined && !unread) {
      const done = checkCounts(kind, total, numbers, shares, fail);
      if (done.converted) state.convertedRows.add(line.row);
      if (done.adjusted) state.adjustedRows.add(line.row);
    }
    return values;
  };
}

const filled = (line: Line, index: number | undefined) => index !== undefined && (line.cells[index] ?? '') !== '';

/**
 * Reads a results table of one kind. Canonical files (the template's English headers) read with no warnings;
 * the Russian headers of ФИС ОКО and РЦОИ exports, headers over two or three rows, shares in percent and total
 * rows are read too, each with a warning saying what was done.
 */
export function readResults<K extends ResultKind>(
  kind: K,
  grid: ResultsGrid,
  ctx: ResultsReadContext,
): ResultsReading<K> {
  const header = readResultsHeader(kind, grid, (code) => ctx.isKnownSchool(code), ctx.year !== undefined);
  const { problems, warnings } = header;
  const body = grid.rows.slice(header.bodyStart);
  const mapping = header.groups.flatMap((g) =>
    resultColumns[kind].flatMap((column) => {
      const s = g.columns.get(column);
      return s ? [{ column, header: s.header, cell: s.cell }] : [];
    }),
  );
  const reading: ResultsReading<K> = {
    records: [],
    problems,
    warnings,
    years: [],
    mapping,
    dataStartRow: body[0]?.row ?? header.lastRow + 1,
  };

  const fileHasYears = header.groups.some((g) => g.year !== undefined || g.columns.has('year'));
  const chosenYear = fileHasYears ? undefined : ctx.year;
  if (chosenYear !== undefined && (chosenYear < firstResultsYear || chosenYear > ctx.currentYear))
    problems.push({
      message: `Выбранный год ${chosenYear} вне допустимого диапазона ${firstResultsYear}–${ctx.currentYear}: выберите год проведения.`,
    });
  if (problems.length > 0) return reading;

  const readRow = rowReader(kind, ctx, chosenYear, problems);
  const state: ReadState = {
    above: new Map(),
    next: new Map(),
    filledRows: new Set(),
    filledColumns: new Set(),
    convertedRows: new Set(),
    adjustedRows: new Set(),
  };
  const years = new Set<number>();
  const firstRowOf = new Map<string, number>();
  const numberColumns = resultColumns[kind].filter((c) => !identityColumns.includes(c));

  for (const line of body) {
    state.next = new Map();
    const summary = summaryLabelOf(line.cells);
    const withNumbers = header.groups.filter((g) => numberColumns.some((c) => filled(line, g.columns.get(c)?.index)));
    // A group of a year the school has no results for is empty; a row with a code but no numbers is a result
    // left unfilled; a row with neither is a heading inside the table («г. Кемерово»).
    const groups =
      withNumbers.length > 0 || !header.groups.some((g) => filled(line, g.columns.get('school_code')?.index))
        ? withNumbers
        : header.groups;
    if (summary || groups.length === 0) {
      warnings.push({
        row: line.row,
        message: summary
          ? `Строка ${line.row} («${summary}») — итоговая и пропущена.`
          : `Строка ${line.row} не содержит результатов (нет кода школы и чисел) и пропущена.`,
      });
      state.above = new Map();
      continue;
    }
    for (const group of groups) {
      const before = problems.length;
      const values = readRow(line, group, state);
      if (!values) continue;
      years.add(values.year);
      const key = [values.year, values.schoolCode, kind === 'gia' ? values.exam : values.grade, values.subject];
      const first = firstRowOf.get(key.join('\u0000'));
      if (first !== undefined) {
        const code = group.columns.get('school_code');
        problems.push({
          row: line.row,
          column: 'school_code',
          ...(code ? { cell: cellAddress(code.index, line.row) } : {}),
          message: `Повтор: ${duplicateWords[kind]} те же, что в строке ${first}. Оставьте одну из строк.`,
        });
      } else firstRowOf.set(key.join('\u0000'), line.row);
      if (problems.length === before) reading.records.push(build[kind](values));
    }
    state.above = state.next;
  }

  if (state.convertedRows.size > 0)
    warnings.push({
      message:
        `Доли в процентах пересчитаны в количества (доля × участники ÷ 100, с округлением); строк с долями — ${state.convertedRows.size}.` +
        (state.adjustedRows.size > 0
          ? ` Наибольшее из пересчитанных значений поправлено на 1–${ROUNDING_FIX_LIMIT}, чтобы сумма совпала с числом участников, в строках: ${listRows(state.adjustedRows)}.`
          : ''),
    });
  if (state.filledRows.size > 0)
    warnings.push({
      message: `Пустые ячейки столбцов ${[...state.filledColumns].map((c) => `«${resultColumnLabels[c]}»`).join(', ')} заполнены значениями из строки выше (объединённые ячейки) в строках: ${listRows(state.filledRows)}. Проверьте, что это верно.`,
    });
  reading.years = [...years].sort((a, b) => a - b);
  if (ctx.year !== undefined && fileHasYears && reading.years.some((y) => y !== ctx.year))
    warnings.push({
      message: `Год взят из файла (${reading.years.join(', ')}); выбранный при загрузке год ${ctx.year} не использован.`,
    });
  return reading;
}
