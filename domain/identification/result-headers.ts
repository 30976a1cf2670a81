// Headers of assessment-results tables: the canonical English ones our templates write, and the Russian ones of
// the tables users already have (ФИС ОКО and РЦОИ exports). Those often spread a header over two or three rows:
// a merged cell («Распределение отметок», or a year) keeps its text only in its first column, and the row below
// names the columns under it («2», «3», «4», «5»; «кол-во», «%»). Columns are found by wording, never by position.

import { cellAddress } from '../cell-address.ts';
import type { Problem } from '../errors.ts';
import { type ResultKind, resultColumns } from './results.ts';

export type ResultsColumn = (typeof resultColumns)[ResultKind][number];

/** A sheet or CSV file as text: the first non-empty row is `headers`, the following non-empty rows keep their numbers. */
export interface ResultsGrid {
  headerRow: number;
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** Russian names of the columns, as messages and templates show them (inner quotes „“ inside the outer «»). */
export const resultColumnLabels: Record<ResultsColumn, string> = {
  year: 'Год',
  school_code: 'Код ОО',
  exam: 'Экзамен',
  subject: 'Предмет',
  grade: 'Класс',
  participants: 'Кол-во участников',
  n2: 'Кол-во „2“',
  n3: 'Кол-во „3“',
  n4: 'Кол-во „4“',
  n5: 'Кол-во „5“',
  below_min: 'Не преодолели минимальный порог',
  lowered: 'Понизили',
  confirmed: 'Подтвердили',
  raised: 'Повысили',
};

/** Columns that say which result a row is; every other column is a number of students. */
export const identityColumns: readonly ResultsColumn[] = ['year', 'school_code', 'exam', 'subject', 'grade'];

/** Lower case, ё → е, quotes and line breaks as spaces, one space between words. */
export const normaliseText = (s: string): string =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„‟'‘’`]/g, ' ')
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim();

// Words that qualify a number without changing what it counts: «Кол-во участников», «Доля «2», %», «Всего участников».
const quantityWords = new Set([
  'кол-во',
  'кол',
  'количество',
  'число',
  'чел',
  'человек',
  'доля',
  'доли',
  'процент',
  'процентов',
  'процента',
  'всего',
]);
// Words around a mark in its header: «Отметка «2»», «Распределение отметок / 2», «Получили «5»».
const markWords =
  /^(отмет\S*|оцен\S*|распределение|групп|баллов|по|на|получили|получивших|участник\S*|обучающихся|учащихся)$/;
const shareMark = /%|(^| )(доля|доли|процент\S*)( |$)/;

const wordRules: [ResultsColumn, RegExp][] = [
  ['year', /^(учебный )?год( проведения)?$/],
  [
    'school_code',
    /^(код|логин)( (оо|оу|школы|организации|учреждения|образовательной организации|образовательного учреждения))?$/,
  ],
  ['subject', /^(учебный )?предмет$|^наименование (учебного )?предмета$/],
  ['grade', /^(класс|параллель)$/],
  ['exam', /^(экзамен|вид экзамена|форма экзамена|форма гиа|форма проведения( гиа)?)$/],
  [
    'participants',
    /^(участник(и|ов)|обучающихся|учащихся|уч|сдавали|писали( работу)?|выполняли работу)( (впр|огэ|егэ|гиа))?$/,
  ],
  ['below_min', /не преодол|ниже минимал|менее минимал|не набрал|не достиг|не сдал/],
  ['lowered', /пониз/],
  ['confirmed', /подтверд/],
  ['raised', /повыс/],
];
const allColumns = new Set<string>(Object.values(resultColumns).flat());

/**
 * The canonical column a header names, and whether it gives shares in percent («%», «доля») instead of counts.
 * Only numbers of students can be shares; «% участников» names nothing we read.
 */
export function recogniseHeader(header: string): { column: ResultsColumn; share: boolean } | null {
  const text = normaliseText(header);
  if (allColumns.has(text)) return { column: text as ResultsColumn, share: false };
  const share = shareMark.test(text);
  const words = text
    .replace(/\([^)]*\)/g, ' ') // «Понизили (Отм. < Отм. по журналу) %»: the explanation in brackets
    .replace(/в процентах|в %|%/g, ' ')
    .replace(/[,;:.!?/\\]+/g, ' ')
    .split(' ')
    .filter((w) => w !== '' && !quantityWords.has(w));
  const key = words.join(' ');
  let column: ResultsColumn | undefined = wordRules.find(([, re]) => re.test(key))?.[0];
  const last = words.at(-1);
  if (!column && last && /^[2-5]$/.test(last) && words.slice(0, -1).every((w) => markWords.test(w)))
    column = `n${last}` as ResultsColumn;
  if (!column) return null;
  if (share && (identityColumns.includes(column) || column === 'participants')) return null;
  return { column, share };
}

/** A file column feeding a canonical column. */
export interface SourceColumn {
  index: number;
  /** The header as the file writes it; the parts of a header over several rows joined with « / ». */
  header: string;
  /** Address of the header cell that names the column (the lowest one of a header over several rows). */
  cell: string;
  share: boolean;
}

/** The columns of one set of results: the whole file, or one year of a file with a year over its columns. */
export interface ColumnGroup {
  year?: number;
  columns: Map<ResultsColumn, SourceColumn>;
}

export interface ResultsHeader {
  /** The last row the header takes (a header over several rows ends below its first row). */
  lastRow: number;
  /** Index in `grid.rows` of the first row after the header. */
  bodyStart: number;
  /** One group, or one per year written over the columns; columns outside the years belong to every group. */
  groups: ColumnGroup[];
  problems: Problem[];
  warnings: Problem[];
}

interface Line {
  row: number;
  cells: string[];
}

const filledCount = (cells: string[]) => cells.filter((c) => c !== '').length;
const recognisedIn = (kind: ResultKind, cells: string[]) => {
  const own = new Set<string>(resultColumns[kind]);
  return new Set(cells.map((c) => recogniseHeader(c)?.column).filter((c) => c !== undefined && own.has(c)));
};

// Tested on the trimmed cell as it is (no normalising), as it runs on every cell of every row.
const summaryLabel =
  /^[«"]?(всего|итого|итог|среднее|в\s+среднем|по\s+(региону|субъекту|области|краю|республике|муниципалитету|муниципальному\s+образованию|району|округу|городу)|вся\s+выборка)(?![\p{L}\p{N}])/iu;

/** The label of a total row («Всего», «Итого», «По региону», «По муниципалитету», «Среднее»), if the row is one. */
export function summaryLabelOf(cells: string[]): string | undefined {
  return cells.find((c) => summaryLabel.test(c));
}

/**
 * Title lines over the table («Результаты ВПР 2024 года»): a merged title has text in its first cell only. They
 * are skipped when a header naming at least two of our columns follows within a few rows.
 */
function titleLines(kind: ResultKind, lines: Line[]): number {
  const limit = Math.min(lines.length, 6);
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (!line) break;
    if (recognisedIn(kind, line.cells).size >= 2) return i;
    if (filledCount(line.cells) > 1) break;
  }
  return 0;
}

/**
 * Whether a row under the header continues it: it names nothing that identifies a result (the code, subject,
 * year columns are empty, which no data row leaves), it is no total row, and it either labels columns under a
 * merged cell of the row above or names several columns without a digit («кол-во», «%», «чел.»). A single cell
 * without digits is a heading inside the table («г. Кемерово»), not a header.
 */
function continuesHeader(line: Line, above: string[], identity: number[]): boolean {
  if (filledCount(line.cells) === 0 || summaryLabelOf(line.cells)) return false;
  if (identity.some((i) => (line.cells[i] ?? '') !== '')) return false;
  const filled = line.cells.map((c, i) => ({ c, i })).filter(({ c }) => c !== '');
  return (
    filled.some(({ i }) => (above[i] ?? '') === '') || (filled.length > 1 && filled.every(({ c }) => !/\d/.test(c)))
  );
}

/**
 * Each column's header as the parts of its header rows, top first. A merged cell's text fills the columns to its
 * right up to where a row above starts a new header, so «Распределение отметок» reaches «3», «4», «5» as well.
 */
function combineHeaderRows(levels: string[][]): string[][] {
  const width = Math.max(...levels.map((l) => l.length));
  const filled = levels.map(() => new Array<string>(width).fill(''));
  for (let j = 0; j < width; j++) {
    for (let k = 0; k < levels.length; k++) {
      const raw = levels[k]?.[j] ?? '';
      const startsHere = levels.slice(0, k + 1).some((l) => (l[j] ?? '') !== '');
      const row = filled[k];
      if (!row) continue;
      row[j] = raw !== '' ? raw : j > 0 && !startsHere ? (row[j - 1] ?? '') : '';
    }
  }
  return Array.from({ length: width }, (_, j) => {
    if (levels.every((l) => (l[j] ?? '') === '')) return [];
    const parts: string[] = [];
    for (const row of filled) {
      const part = row[j] ?? '';
      if (part !== '' && part !== parts.at(-1)) parts.push(part);
    }
    return parts;
  });
}

const yearHeader = /^((19|20)\d\d)( ?(г|год|года|гг))?\.?$/;

/**
 * Finds the header of a results table and which file column feeds each canonical column. `isKnownSchool` chooses
 * between two code columns («Код ОО» and «Логин ОО» both in a ФИС ОКО export): the one the region's codes match.
 * `yearGiven`: the user picked the year, so a file without a year column is complete.
 */
export function readResultsHeader(
  kind: ResultKind,
  grid: ResultsGrid,
  isKnownSchool: (code: string) => boolean,
  yearGiven: boolean,
): ResultsHeader {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const lines: Line[] = [{ row: grid.headerRow, cells: grid.headers }, ...grid.rows];
  const titles = titleLines(kind, lines);
  if (titles > 0) {
    const rows = titles === 1 ? `Строка ${grid.headerRow}` : `Строки ${grid.headerRow}–${lines[titles - 1]?.row}`;
    warnings.push({
      row: grid.headerRow,
      message: `${rows} над таблицей (${lines
        .slice(0, titles)
        .map((l) => `«${l.cells.find((c) => c) ?? ''}»`)
        .join(', ')}) приняты за заголовок документа и пропущены.`,
    });
  }

  const top = lines[titles] ?? { row: grid.headerRow, cells: [] };
  const identity = top.cells.flatMap((c, i) => {
    const r = recogniseHeader(c);
    return r && identityColumns.includes(r.column) ? [i] : [];
  });
  const levels: Line[] = [top];
  // One or two rows continue a merged header; identity columns are needed to tell them from data.
  while (levels.length < 3 && identity.length > 0) {
    const next = lines[titles + levels.length];
    const above = levels.at(-1)?.cells ?? [];
    if (!next || !continuesHeader(next, above, identity)) break;
    levels.push(next);
  }
  const lastRow = levels.at(-1)?.row ?? top.row;
  const combined = combineHeaderRows(levels.map((l) => l.cells));
  const body = grid.rows.slice(titles + levels.length - 1);
  const own = new Set<string>(resultColumns[kind]);
  const headerCell = (index: number) => {
    const k = levels.findLastIndex((l) => (l.cells[index] ?? '') !== '');
    return cellAddress(index, levels[k]?.row ?? top.row);
  };

  // Candidates per canonical column, by year group ('' for the columns outside any year).
  const candidates = new Map<string, Map<ResultsColumn, SourceColumn[]>>([['', new Map()]]);
  // Columns chosen, or left out with a warning saying why; every other named column gets an «unused» warning.
  const explained = new Set<number>();
  combined.forEach((parts, index) => {
    if (parts.length === 0) return;
    const yearMatch = parts.length > 1 ? yearHeader.exec(normaliseText(parts[0] ?? '')) : null;
    const group = yearMatch?.[1] ?? '';
    const named = yearMatch ? parts.slice(1) : parts;
    const r = recogniseHeader(named.join(' '));
    if (!r || !own.has(r.column)) return;
    const source: SourceColumn = { index, header: parts.join(' / '), cell: headerCell(index), share: r.share };
    const byColumn = candidates.get(group) ?? new Map<ResultsColumn, SourceColumn[]>();
    candidates.set(group, byColumn);
    byColumn.set(r.column, [...(byColumn.get(r.column) ?? []), source]);
  });

  const knownCodes = (s: SourceColumn) => body.filter((l) => isKnownSchool(l.cells[s.index] ?? '')).length;
  const doubled = new Set<ResultsColumn>();
  const choose = (column: ResultsColumn, list: SourceColumn[]): SourceColumn | undefined => {
    const counts = list.filter((s) => !s.share);
    const pool = counts.length > 0 ? counts : list;
    const first = pool[0];
    if (!first) return undefined;
    for (const s of list)
      if (!pool.includes(s)) {
        explained.add(s.index);
        warnings.push({
          row: top.row,
          cell: s.cell,
          message: `Столбец «${s.header}» не используется: количества берутся из столбца «${first.header}» (${first.cell}).`,
        });
      }
    if (pool.length === 1) return first;
    if (column === 'school_code') {
      const best = pool.reduce((a, b) => (knownCodes(b) > knownCodes(a) ? b : a));
      for (const s of pool)
        if (s !== best) {
          explained.add(s.index);
          warnings.push({
            row: top.row,
            cell: s.cell,
            message: `Столбец «${s.header}» не используется: коды школ взяты из столбца «${best.header}» (${best.cell}), они совпадают со справочником организаций.`,
          });
        }
      return best;
    }
    for (const s of pool) explained.add(s.index);
    doubled.add(column);
    problems.push({
      row: top.row,
      column,
      cell: pool[1]?.cell,
      message: `Столбцы ${pool.map((s) => `«${s.header}» (${s.cell})`).join(' и ')} означают одно и то же — «${resultColumnLabels[column]}». Оставьте один из них.`,
    });
    return undefined;
  };
  const chosen = new Map<string, Map<ResultsColumn, SourceColumn>>();
  for (const [group, byColumn] of candidates) {
    const columns = new Map<ResultsColumn, SourceColumn>();
    for (const [column, list] of byColumn) {
      const s = choose(column, list);
      if (s) columns.set(column, s);
    }
    for (const s of columns.values()) explained.add(s.index);
    chosen.set(group, columns);
  }

  const shared = chosen.get('') ?? new Map<ResultsColumn, SourceColumn>();
  const years = [...chosen.keys()].filter((g) => g !== '');
  const groups: ColumnGroup[] =
    years.length === 0
      ? [{ columns: shared }]
      : years.map((y) => ({ year: Number(y), columns: new Map([...shared, ...(chosen.get(y) ?? [])]) }));

  for (const column of resultColumns[kind]) {
    const lacking = groups.filter((g) => !g.columns.has(column) && !(column === 'year' && g.year !== undefined));
    if (lacking.length === 0 || doubled.has(column) || (column === 'year' && yearGiven)) continue;
    const label = resultColumnLabels[column];
    const place = { row: top.row, column };
    if (lacking.length < groups.length)
      for (const g of lacking)
        problems.push({
          ...place,
          message: `Нет столбца «${label}» (${column}) для ${g.year} года. Добавьте его или сверьте заголовки с шаблоном.`,
        });
    else
      problems.push({
        ...place,
        message:
          column === 'year'
            ? 'Нет столбца «Год» (year). Добавьте его в файл или выберите год при загрузке.'
            : `Нет столбца «${label}» (${column}). Добавьте его или скачайте шаблон и сверьте заголовки.`,
      });
  }

  combined.forEach((parts, index) => {
    if (parts.length > 0 && !explained.has(index))
      warnings.push({
        row: top.row,
        cell: headerCell(index),
        message: `Столбец «${parts.join(' / ')}» не используется и будет пропущен.`,
      });
  });

  return { lastRow, bodyStart: titles + levels.length - 1, groups, problems, warnings };
}
