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
//
// A national upload is hundreds of thousands of rows, so the row reader does per row only what the row needs: the
// file columns of each group are looked up once, identity cells (a few distinct texts in a file) are read once per
// distinct text, plain counts are parsed without allocations, and nothing is allocated for a row beyond its record.

/** A cell of digits only, the usual count, as a number without the allocations of readCount; -1 otherwise. */
function plainCount(s: string): number {
  const n = s.length;
  // Fifteen digits stay exact in a double; longer numbers go through readCount as before.
  if (n === 0 || n > 15) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Remembers what a reader gives for each distinct text: a file repeats a few years, subjects and grades. */
function remembered<T>(read: (text: string) => Read<T>): (text: string) => Read<T> {
  const seen = new Map<string, Read<T>>();
  return (text) => {
    let r = seen.get(text);
    if (r === undefined) {
      r = read(text);
      seen.set(text, r);
    }
    return r;
  };
}

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

/** A group's file columns by canonical column, worked out once for all rows; -1 where the group has none. */
interface GroupPlan {
  group: ColumnGroup;
  year: number;
  code: number;
  exam: number;
  subject: number;
  grade: number;
  participants: number;
  /** The count columns of the kind, in the kind's order, and whether the header gives them as shares. */
  counts: number[];
  countShares: boolean[];
  /** Every number column the group has (participants and counts): a row with one of them filled has results. */
  numbers: number[];
}

function planOf(kind: ResultKind, group: ColumnGroup): GroupPlan {
  const at = (c: ResultsColumn) => group.columns.get(c)?.index ?? -1;
  const counts = countColumns(kind);
  const numbers = resultColumns[kind]
    .filter((c) => !identityColumns.includes(c))
    .map(at)
    .filter((i) => i >= 0);
  return {
    group,
    year: at('year'),
    code: at('school_code'),
    exam: at('exam'),
    subject: at('subject'),
    grade: at('grade'),
    participants: at('participants'),
    counts: counts.map(at),
    countShares: counts.map((c) => group.columns.get(c)?.share === true),
    numbers,
  };
}

const filledAt = (line: Line, index: number) => index >= 0 && (line.cells[index] ?? '') !== '';

/**
 * Reads the cells of rows, one group of columns at a time; every problem goes to `problems`. Keeps what it learns
 * across rows: identity cells merged down, and the rows behind the closing warnings.
 */
class RowReader<K extends ResultKind> {
  readonly filledRows = new Set<number>();
  readonly filledColumns = new Set<ResultsColumn>();
  readonly convertedRows = new Set<number>();
  readonly adjustedRows = new Set<number>();

  private readonly countNames: readonly ResultsColumn[];
  /** Positions in `countNames` of the counts that add up to the participants (none for ГИА). */
  private readonly partsAt: number[];
  private readonly year: (text: string) => Read<number>;
  private readonly subject: (text: string) => Read<string>;
  private readonly grade: (text: string) => Read<number>;
  private readonly exam: (text: string) => Read<Exam>;
  /** Identity cells of the previous data row by file column ('' for none): a merged cell keeps text in its first row. */
  private above: string[] = [];
  private next: string[] = [];
  // The row being read: its counts (shares until converted) and whether each was written as a share.
  private readonly values: number[];
  private readonly isShare: boolean[];

  constructor(
    private readonly kind: K,
    private readonly ctx: ResultsReadContext,
    private readonly chosenYear: number | undefined,
    private readonly problems: Problem[],
  ) {
    this.countNames = countColumns(kind);
    this.partsAt = parts[kind].map((c) => this.countNames.indexOf(c));
    this.values = this.countNames.map(() => 0);
    this.isShare = this.countNames.map(() => false);
    this.year = remembered((t) => readYear(t, ctx.currentYear));
    this.subject = remembered((t) => readSubject(kind, t));
    this.grade = remembered(readGrade);
    this.exam = remembered(readExam);
  }

  /** Starts a data row: identity cells it fills become the ones kept for the row below. */
  startRow(): void {
    this.next.fill('');
  }

  /** Ends a data row. */
  endRow(): void {
    const kept = this.above;
    this.above = this.next;
    this.next = kept;
  }

  /** A skipped row (a total, a heading) breaks merged cells: nothing is carried past it. */
  forgetAbove(): void {
    this.above.fill('');
  }

  private fail(line: Line, c: ResultsColumn, index: number, message: string): void {
    this.problems.push({
      row: line.row,
      column: c,
      ...(index >= 0 ? { cell: cellAddress(index, line.row) } : {}),
      message,
    });
  }

  /** The text of an identity cell; an empty one takes the text of the row above (a merged cell). */
  private identityText(line: Line, c: ResultsColumn, index: number): string {
    if (index < 0) return '';
    let text = line.cells[index] ?? '';
    while (this.above.length <= index) {
      this.above.push('');
      this.next.push('');
    }
    const kept = this.above[index] ?? '';
    if (text === '' && kept !== '') {
      text = kept;
      this.filledRows.add(line.row);
      this.filledColumns.add(c);
    }
    if (text !== '') this.next[index] = text;
    return text;
  }

  private identity<T>(
    line: Line,
    c: ResultsColumn,
    index: number,
    read: (text: string) => Read<T>,
    missing: string,
  ): T | undefined {
    const text = this.identityText(line, c, index);
    const r: Read<T> = text === '' ? { error: missing } : read(text);
    if ('error' in r) {
      this.fail(line, c, index, r.error);
      return undefined;
    }
    return r.value;
  }

  private schoolCode(line: Line, index: number): string | undefined {
    const text = this.identityText(line, 'school_code', index);
    if (text !== '' && this.ctx.isKnownSchool(text)) return text;
    this.fail(
      line,
      'school_code',
      index,
      text === ''
        ? 'Не указан код ОО: укажите код школы из справочника организаций.'
        : `Школа с кодом «${text}» не найдена среди школ региона. Проверьте код или сначала загрузите школу в разделе «Организации».`,
    );
    return undefined;
  }

  /** The participants of the row, or undefined with the problem reported. */
  private participants(line: Line, index: number): number | undefined {
    const text = index < 0 ? '' : (line.cells[index] ?? '');
    const plain = plainCount(text);
    if (plain >= 0) return plain;
    const r: Read<number> =
      text === ''
        ? { error: 'Не указано число участников: укажите его (0, если работу не писали).' }
        : text.includes('%')
          ? { error: 'Укажите число участников, а не долю в процентах.' }
          : readCount(text);
    if ('error' in r) {
      this.fail(line, 'participants', index, r.error);
      return undefined;
    }
    return r.value;
  }

  /** Reads each count as a number, or as a share to convert once the participants are known; false if one is unread. */
  private readCounts(line: Line, plan: GroupPlan, total: number | undefined): boolean {
    let read = true;
    for (let i = 0; i < this.countNames.length; i++) {
      const index = plan.counts[i] ?? -1;
      const text = index < 0 ? '' : (line.cells[index] ?? '');
      this.isShare[i] = false;
      // No participants means no data: ФИС ОКО leaves the marks of such a row empty.
      if (text === '' && total === 0) {
        this.values[i] = 0;
        continue;
      }
      const share = plan.countShares[i] === true || text.endsWith('%');
      const plain = share ? -1 : plainCount(text);
      if (plain >= 0) {
        this.values[i] = plain;
        continue;
      }
      const c = this.countNames[i]!;
      const r: Read<number> =
        text === ''
          ? { error: `Не заполнено «${resultColumnLabels[c]}»: укажите число (0, если таких нет).` }
          : share
            ? readShare(text)
            : readCount(text);
      if ('error' in r) {
        this.fail(line, c, index, r.error);
        read = false;
      } else {
        this.values[i] = r.value;
        this.isShare[i] = share;
      }
    }
    return read;
  }

  private failCount(line: Line, plan: GroupPlan, i: number, message: string): void {
    this.fail(line, this.countNames[i]!, plan.counts[i] ?? -1, message);
  }

  private sumOfParts(): number {
    let sum = 0;
    for (const i of this.partsAt) sum += this.values[i]!;
    return sum;
  }

  /**
   * Converts the shares to counts and checks the counts against the participants, whatever the rest of the row.
   * Notes whether shares were converted and whether rounding was adjusted, for the closing warning.
   */
  private checkCounts(line: Line, plan: GroupPlan, total: number): void {
    const { kind, values, isShare, partsAt, countNames } = this;
    let shares = 0;
    for (const s of isShare) if (s) shares++;

    if (shares > 0) {
      this.convertedRows.add(line.row);
      let sum = 0;
      for (let i = 0; i < values.length; i++) if (isShare[i]) sum += values[i] ?? 0;
      const first = partsAt[0];
      if (total > 0 && first !== undefined && shares === partsAt.length && Math.abs(sum - 100) > SHARE_SUM_TOLERANCE) {
        this.failCount(
          line,
          plan,
          first,
          `Доли ${partsWords[kind]} дают в сумме ${formatShare(sum)} % вместо 100 %: проверьте значения.`,
        );
        return;
      }
      let largest = -1;
      for (let i = 0; i < values.length; i++) {
        if (!isShare[i]) continue;
        values[i] = Math.round(((values[i] ?? 0) * total) / 100);
        if (largest < 0 || (values[i] ?? 0) > (values[largest] ?? 0)) largest = i;
      }
      // Rounding each share may leave the parts a student or two off the participants: the largest converted count
      // absorbs the difference, as it changes its own share least.
      const diff = total - this.sumOfParts();
      if (partsAt.length > 0 && diff !== 0 && Math.abs(diff) <= ROUNDING_FIX_LIMIT) {
        values[largest] = (values[largest] ?? 0) + diff;
        this.adjustedRows.add(line.row);
      }
    }

    let over = 0;
    for (let i = 0; i < values.length; i++) {
      const value = values[i] ?? 0;
      if (value <= total) continue;
      over++;
      this.failCount(
        line,
        plan,
        i,
        total === 0
          ? 'Участников 0 (нет данных), поэтому и здесь должно быть 0.'
          : `«${resultColumnLabels[countNames[i]!]}» (${value}) больше числа участников (${total}): проверьте значения в строке.`,
      );
    }
    const sum = this.sumOfParts();
    if (partsAt.length > 0 && over === 0 && sum !== total)
      this.fail(
        line,
        'participants',
        plan.participants,
        shares > 0
          ? `После пересчёта долей в количества сумма ${partsWords[kind]} (${sum}) отличается от числа участников (${total}) больше чем на ${ROUNDING_FIX_LIMIT}: проверьте доли или укажите количества.`
          : `Сумма ${partsWords[kind]} (${sum}) не равна числу участников (${total}): исправьте количества.`,
      );
  }

  /**
   * Reads one row for one group of columns. Returns the record, built only when the row has no problem; the
   * identity of the row (`key`, for the duplicates check) whenever its identity cells read.
   */
  read(line: Line, plan: GroupPlan): { key: string; year: number; record: ResultOf<K> | null } | undefined {
    const before = this.problems.length;
    const kind: ResultKind = this.kind;
    const y =
      plan.group.year ??
      this.chosenYear ??
      this.identity(line, 'year', plan.year, this.year, 'Не указан год: укажите год проведения, например 2024.');
    const code = this.schoolCode(line, plan.code);
    const exam =
      kind === 'gia'
        ? this.identity(line, 'exam', plan.exam, this.exam, 'Не указан экзамен: укажите ОГЭ или ЕГЭ.')
        : 'ОГЭ';
    const subject = this.identity(line, 'subject', plan.subject, this.subject, 'Не указан предмет.');
    const grade =
      kind === 'gia'
        ? 0
        : this.identity(line, 'grade', plan.grade, this.grade, 'Не указан класс: укажите номер класса.');
    const total = this.participants(line, plan.participants);
    const countsRead = this.readCounts(line, plan, total);
    if (total !== undefined && countsRead) this.checkCounts(line, plan, total);
    if (y === undefined || code === undefined || exam === undefined || subject === undefined || grade === undefined)
      return undefined;
    const key = `${y}\u0000${code}\u0000${kind === 'gia' ? exam : grade}\u0000${subject}`;
    // A row with no problem has its participants and every count.
    const record = this.problems.length === before ? this.record(y, code, exam, subject, grade, total ?? 0) : null;
    return { key, year: y, record };
  }

  private record(year: number, schoolCode: string, exam: Exam, subject: string, grade: number, participants: number) {
    const v = this.values;
    const record: ResultOf<ResultKind> =
      this.kind === 'vpr'
        ? { year, schoolCode, subject, grade, participants, n2: v[0]!, n3: v[1]!, n4: v[2]!, n5: v[3]! }
        : this.kind === 'gia'
          ? { year, schoolCode, exam, subject, participants, belowMin: v[0]! }
          : { year, schoolCode, subject, grade, participants, lowered: v[0]!, confirmed: v[1]!, raised: v[2]! };
    return record as ResultOf<K>;
  }
}

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

  const reader = new RowReader(kind, ctx, chosenYear, problems);
  const plans = header.groups.map((g) => planOf(kind, g));
  const none: GroupPlan[] = [];
  const years = new Set<number>();
  const firstRowOf = new Map<string, number>();

  /** The groups a row has results in: a group of a year the school has no results for is empty. */
  const groupsOf = (line: Line): GroupPlan[] => {
    const only = plans.length === 1 ? plans[0] : undefined;
    if (only) return only.numbers.some((i) => filledAt(line, i)) || filledAt(line, only.code) ? plans : none;
    const withNumbers = plans.filter((p) => p.numbers.some((i) => filledAt(line, i)));
    // A row with a code but no numbers is a result left unfilled; a row with neither is a heading inside the table
    // («г. Кемерово»).
    return withNumbers.length > 0 || !plans.some((p) => filledAt(line, p.code)) ? withNumbers : plans;
  };

  for (const line of body) {
    reader.startRow();
    const summary = summaryLabelOf(line.cells);
    const groups = groupsOf(line);
    if (summary || groups.length === 0) {
      warnings.push({
        row: line.row,
        message: summary
          ? `Строка ${line.row} («${summary}») — итоговая и пропущена.`
          : `Строка ${line.row} не содержит результатов (нет кода школы и чисел) и пропущена.`,
      });
      reader.forgetAbove();
      continue;
    }
    for (const plan of groups) {
      const read = reader.read(line, plan);
      if (!read) continue;
      years.add(read.year);
      const first = firstRowOf.get(read.key);
      if (first !== undefined) {
        problems.push({
          row: line.row,
          column: 'school_code',
          ...(plan.code >= 0 ? { cell: cellAddress(plan.code, line.row) } : {}),
          message: `Повтор: ${duplicateWords[kind]} те же, что в строке ${first}. Оставьте одну из строк.`,
        });
      } else firstRowOf.set(read.key, line.row);
      if (read.record && first === undefined) reading.records.push(read.record);
    }
    reader.endRow();
  }

  if (reader.convertedRows.size > 0)
    warnings.push({
      message:
        `Доли в процентах пересчитаны в количества (доля × участники ÷ 100, с округлением); строк с долями — ${reader.convertedRows.size}.` +
        (reader.adjustedRows.size > 0
          ? ` Наибольшее из пересчитанных значений поправлено на 1–${ROUNDING_FIX_LIMIT}, чтобы сумма совпала с числом участников, в строках: ${listRows(reader.adjustedRows)}.`
          : ''),
    });
  if (reader.filledRows.size > 0)
    warnings.push({
      message: `Пустые ячейки столбцов ${[...reader.filledColumns].map((c) => `«${resultColumnLabels[c]}»`).join(', ')} заполнены значениями из строки выше (объединённые ячейки) в строках: ${listRows(reader.filledRows)}. Проверьте, что это верно.`,
    });
  reading.years = [...years].sort((a, b) => a - b);
  if (ctx.year !== undefined && fileHasYears && reading.years.some((y) => y !== ctx.year))
    warnings.push({
      message: `Год взят из файла (${reading.years.join(', ')}); выбранный при загрузке год ${ctx.year} не использован.`,
    });
  return reading;
}
