// A programme as the appendix to its approving order, the way the seeds print one: the «Приложение к приказу …
// от ДД.ММ.ГГГГ № N» block at the top right, the kind and title centred in bold, then the passport, the working
// group, the target indicators, the activity table with the programme's own columns, the consultation schedule,
// the tutor pairs and the lists of schools.
//
// Headers use the wordings that domain/programme/columns.ts recognises, so that importing this file gives back
// the same programme.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  type ISectionOptions,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { type ActivityColumn, tableKindOf } from '../../domain/programme/columns.ts';
import {
  type Activity,
  type ApprovingAct,
  allActivities,
  type ProgrammeDraft,
  type SchoolRole,
  schoolRoleLabels,
} from '../../domain/programme/programme.ts';
import {
  bodySize,
  fontName,
  mm,
  type Orientation,
  pageOf,
  singleLine,
  tableSize,
  textWidth,
} from './fonts-and-page.ts';

export interface ProgrammeDocxOptions {
  /** The activity columns to print, in this order; by default those with at least one value. */
  columns?: ActivityColumn[];
}

/** Header wordings: each is what the importer recognises for its column. */
export const activityColumnHeaders: Record<ActivityColumn, string> = {
  number: '№ п/п',
  text: 'Мероприятия',
  deadline: 'Сроки',
  responsible: 'Ответственные',
  executors: 'Исполнители',
  plannedResult: 'Планируемый результат',
  indicator: 'Показатель реализации',
  informationSupport: 'Информационное сопровождение',
};

export const activityColumnOrder: readonly ActivityColumn[] = [
  'number',
  'text',
  'deadline',
  'responsible',
  'executors',
  'plannedResult',
  'indicator',
  'informationSupport',
];

/** Relative widths of the activity columns. */
const activityColumnWeight: Record<ActivityColumn, number> = {
  number: 0.8,
  text: 4,
  deadline: 1.9,
  responsible: 2.5,
  executors: 2.5,
  plannedResult: 2.6,
  indicator: 2.5,
  informationSupport: 2.8,
};

/** A wide activity table goes on a landscape page. */
const landscapeFrom = 5;

export function activityCellText(a: Activity, column: ActivityColumn): string {
  return column === 'deadline' ? a.deadline.text : a[column];
}

/**
 * The columns that have at least one value. The importer takes a table for an activity table only when it has
 * the activity text and a deadline, responsible or executors column, so those are kept even when empty.
 */
export function activityColumnsOf(p: Pick<ProgrammeDraft, 'sections'>): ActivityColumn[] {
  const activities = allActivities(p);
  const filled = activityColumnOrder.filter((c) => activities.some((a) => activityCellText(a, c).trim() !== ''));
  const columns = new Set<ActivityColumn>(filled);
  columns.add('text');
  if (!filled.some((c) => c === 'deadline' || c === 'responsible' || c === 'executors')) columns.add('deadline');
  return activityColumnOrder.filter((c) => columns.has(c));
}

/** ISO date → ДД.ММ.ГГГГ; anything else as it is. */
export function ruDate(iso: string | null): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : (iso ?? '');
}

const dativeKind: Record<string, string> = {
  приказ: 'приказу',
  распоряжение: 'распоряжению',
  постановление: 'постановлению',
  решение: 'решению',
};

// «к приказу Министерство образования …» reads as a mistake to any official: the leading noun of the authority
// goes into the genitive. Only these nouns, matched whole and with their case kept; anything else stays as written.
const genitiveNoun: Record<string, string> = {
  министерство: 'министерства',
  управление: 'управления',
  департамент: 'департамента',
  комитет: 'комитета',
  отдел: 'отдела',
  администрация: 'администрации',
  правительство: 'правительства',
  агентство: 'агентства',
};

// Words of an authority's name that official style writes in lower case; the rest of a name typed in capitals
// («МИНИСТЕРСТВО ОБРАЗОВАНИЯ КАЛИНИНГРАДСКОЙ ОБЛАСТИ», the order heads of seeds 000, 001, 004) are proper names
// («Калининградской», «Кузбасса», «Северное») or, up to four letters, abbreviations («ГОУ», «МО»).
const commonWord =
  /^(министерств|образовани|наук|молод[её]жн|политик|спорт|культур|просвещени|департамент|управлени|комитет|отдел|администраци|правительств|агентств|област|кра[йяюе]$|район|город|округ|муниципальн|автономн|общ|профессиональн|дополнительн|делам$|сфер|сельск|поселени|государственн|учреждени|и$|по$|в$|на$|при$|для$|г\.?$)/;

const lowerFirst = /^(управлени|департамент|комитет|отдел|администраци)/;

/**
 * «МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА» → «Министерство образования Кузбасса», «УПРАВЛЕНИЕ ОБРАЗОВАНИЯ …» →
 * «управление образования …»; a name in mixed case stays as written.
 */
export function authorityCase(authority: string): string {
  if (/\p{Ll}/u.test(authority)) return authority;
  return authority.replace(/[\p{L}.]+/gu, (word, at: number) => {
    const lower = word.toLowerCase();
    const common = commonWord.test(lower);
    if (!common && word.replace(/\./g, '').length <= 4) return word;
    // «Министерство образования …» is a name; «управление образования администрации …» is not (seed 003).
    const name = at === 0 ? !lowerFirst.test(lower) : !common;
    return name ? lower.replace(/(^|-)(\p{L})/gu, (_, dash: string, c: string) => dash + c.toUpperCase()) : lower;
  });
}

function authorityGenitive(authority: string): string {
  const a = authorityCase(authority.replace(/\s+/g, ' ').trim());
  const m = /^([\p{L}]+)(.*)$/u.exec(a);
  const noun = m ? genitiveNoun[m[1]!.toLowerCase()] : undefined;
  if (!m || !noun) return a;
  const word = m[1]!;
  const cased =
    word === word.toUpperCase()
      ? noun.toUpperCase()
      : word[0] === word[0]!.toUpperCase()
        ? noun[0]!.toUpperCase() + noun.slice(1)
        : noun;
  return cased + m[2];
}

const actDated = (act: ApprovingAct) =>
  [act.date ? `от ${ruDate(act.date)}` : '', act.number ? `№ ${act.number}` : ''].filter(Boolean).join(' ');

/** «приказ Министерства образования Калининградской области от 13.01.2023 № 28/1»; '' when nothing is known. */
export function actCitation(act: ApprovingAct): string {
  const dated = actDated(act);
  const authority = authorityGenitive(act.authority);
  if (!dated && !authority) return '';
  return [act.kind.trim().toLowerCase() || 'приказ', authority, dated].filter(Boolean).join(' ');
}

/** The lines of the «Приложение» block: «Приложение», «к приказу …», «от 13.01.2023 № 28/1». */
export function appendixLines(act: ApprovingAct): string[] {
  const kind = dativeKind[act.kind.trim().toLowerCase()] ?? 'приказу';
  const authority = authorityGenitive(act.authority);
  const dated = actDated(act);
  if (!authority && !dated) return ['Приложение'];
  return ['Приложение', `к ${kind}${authority ? ` ${authority}` : ''}`, ...(dated ? [dated] : [])];
}

/** «… на 2020-2021 учебный год» says «2020-2021 учебный год»; «… в 2023 году» does not say «2023 год». */
const saysWhole = (text: string, phrase: string) =>
  new RegExp(`(^|[^\\p{L}\\d])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\d])`, 'u').test(text);
const isNameLabel = (label: string) => /^наименование/i.test(label.trim());
const hasOwnNumbers = (items: string[]) => items.length > 0 && items.every((t) => /^\d{1,2}[.)]\s/.test(t));

export interface PassportRow {
  label: string;
  /** Lines of the value; for a numbered row, the items without their numbers. */
  value: string;
  /** A list Word numbers itself (w:numPr), so the text carries no «1.» and reads back as the same items. */
  numbered: boolean;
}

/** The value as plain text: a numbered row with «1. …» written out (for the XLSX passport and the reader's checks). */
export const passportText = (r: PassportRow): string =>
  r.numbered
    ? r.value
        .split('\n')
        .map((t, i) => `${i + 1}. ${t}`)
        .join('\n')
    : r.value;

/**
 * Passport rows with a value, labelled with words the importer knows. The title is printed above the passport,
 * so no «Наименование» row is made up; one kept from the source document («Наименование Программы», seed 001)
 * leads, as it did there. Tasks and challenges are numbered, unless their items carry numbers of their own
 * («1. Выявить ОУ …», seed 003), which are printed as they are.
 */
export function passportRows(p: ProgrammeDraft): PassportRow[] {
  const s = p.passport;
  const row = (label: string, value: string): PassportRow => ({ label, value, numbered: false });
  const list = (label: string, items: string[]): PassportRow => ({
    label,
    value: items.join('\n'),
    numbered: !hasOwnNumbers(items),
  });
  // The reader files «Сроки реализации» and «Этапы и сроки реализации» both as stages and takes the period
  // phrase from the stages, else from the title: print the fuller wording once, and nothing the title already says.
  const period = p.periodText.trim();
  const term =
    s.stages.trim() === ''
      ? period === '' || saysWhole(p.title, period)
        ? []
        : [row('Сроки реализации', period)]
      : s.stages.includes(period)
        ? [row('Этапы и сроки реализации', s.stages)]
        : [row('Сроки реализации', period), row('Этапы реализации', s.stages)];
  return [
    ...s.other.filter((r) => isNameLabel(r.label)).map((r) => row(r.label, r.value)),
    row('Заказчик', s.customer),
    row('Куратор', s.curator),
    row('Разработчики', s.developers),
    row('Исполнители', s.executors),
    row('Целевая аудитория', s.targetAudience),
    row('Описание проблемы', s.problem),
    list('Вызовы', s.challenges),
    row('Цель', s.goal),
    list('Задачи', s.tasks),
    row('Направления', s.directions.join('\n')),
    ...term,
    row('Ожидаемые результаты', s.expectedResults.join('\n')),
    ...s.other.filter((r) => !isNameLabel(r.label)).map((r) => row(r.label, r.value)),
  ].filter((r) => r.label.trim() !== '' && r.value.trim() !== '');
}

/**
 * The importer tells a table's kind by its first row; a first value that happens to speak of «школы-тьюторы» or
 * «показатели … %» would make the passport look like another table. Lead with the first row that keeps it a passport.
 */
function passportOrder(rows: PassportRow[]): PassportRow[] {
  const grid = (rs: PassportRow[]) => rs.map((r) => [r.label, r.value]);
  if (tableKindOf(grid(rows)) === 'passport') return rows;
  for (let i = 1; i < rows.length; i++) {
    const tried = [rows[i]!, ...rows.slice(0, i), ...rows.slice(i + 1)];
    if (tableKindOf(grid(tried)) === 'passport') return tried;
  }
  return rows;
}

// ——— document pieces ———

export type Align = 'left' | 'center';

export interface Column {
  header: string;
  weight: number;
  align: Align;
}

export type Row = { cells: string[] } | { merged: string };

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

const alignment = (a: Align) => (a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);

/** One paragraph per line of the text, so line breaks in a cell survive a round trip. */
function cellParagraphs(text: string, options: { bold?: boolean; align: Align }): Paragraph[] {
  return text.split('\n').map(
    (line) =>
      new Paragraph({
        alignment: alignment(options.align),
        spacing: { line: singleLine, before: 0, after: 0 },
        children: line === '' ? [] : [new TextRun({ text: line, size: tableSize, bold: options.bold ?? false })],
      }),
  );
}

/**
 * The width of a word in Times New Roman 12 pt, in millimetres, from classes of characters, erring wide (measured
 * in LibreOffice: «Муниципальные» 30.4 mm, bold «Ответственные» 29.8 mm, «2.10.» 8.5 mm).
 */
export function wordWidth(word: string): number {
  let mmWide = 0;
  for (const c of word) {
    if (/[.,:;!'|il]/.test(c)) mmWide += 1.1;
    else if (/[()«»"\-–—/]/.test(c)) mmWide += 1.6;
    else if (/[0-9 ]/.test(c)) mmWide += 2.15;
    else if (/[шщжмюыфШЩЖМЮЫФmwMW%№]/.test(c)) mmWide += 3.3;
    else if (/\p{Lu}/u.test(c)) mmWide += 3.0;
    else mmWide += 2.2;
  }
  return mmWide;
}

/** Bold letters of the header run wider (bold «Информационное» needs 34 mm). */
const boldWider = 1.06;
/** A cell's padding (1.5 mm a side) with some slack. */
const cellPadding = 3.5;
/** The share of the width the least widths may take before the cell words give way (header words never do). */
const roomy = 0.85;

/**
 * Column widths in twips: shares of `width` by weight, widened where needed so that the longest word of a column
 * fits whole. A word that does not fit is broken letter by letter («Ответственны / е»), which no official would
 * sign. The room is taken from the columns that have it to spare. When a wide table cannot fit every word with room
 * to spare, the header words come first, then cell words up to 34, 30, then 12 mm (numbers «2.10.»); when not even
 * the headers fit, the weights alone.
 */
export function columnWidths(columns: Column[], rows: Row[], width: number): number[] {
  const all = columns.map((_, i) => i);
  const share = (free: number, among: number[]) => {
    const weight = among.reduce((sum, i) => sum + columns[i]!.weight, 0);
    return (i: number) => Math.floor((free * columns[i]!.weight) / weight);
  };
  const widest = (texts: string[], cap: number) =>
    Math.min(cap, Math.max(0, ...texts.flatMap((t) => t.split(/[\s\-–—/]+/)).map(wordWidth)));
  const cells = columns.map((_, i) => rows.flatMap((r) => ('cells' in r ? [r.cells[i] ?? ''] : [])));
  const leastFor = (cellCap: number) =>
    columns.map((c, i) => mm(Math.max(widest([c.header], 40) * boldWider, widest(cells[i]!, cellCap)) + cellPadding));
  // A tier is taken when it leaves some room to share: a table whose every column sits at its least width has
  // a main column as narrow as the rest, which reads worse than one long word broken in a side column.
  const least = [40, 34, 30, 12]
    .map(leastFor)
    .find((l, tier, tiers) => l.reduce((a, b) => a + b, 0) <= (tier === tiers.length - 1 ? width : roomy * width));
  if (!least) return all.map(share(width, all));
  const fixed = new Set<number>();
  for (;;) {
    const open = all.filter((i) => !fixed.has(i));
    const free = width - [...fixed].reduce((sum, i) => sum + least[i]!, 0);
    const of = share(free, open);
    const narrow = open.filter((i) => of(i) < least[i]!);
    if (narrow.length === 0) return all.map((i) => (fixed.has(i) ? least[i]! : of(i)));
    for (const i of narrow) fixed.add(i);
    // The least widths sum to less than the width, so this is only rounding: spread what is left.
    if (fixed.size === columns.length) {
      const total = least.reduce((a, b) => a + b, 0);
      return all.map((i) => Math.floor((least[i]! * width) / total));
    }
  }
}

/** Rows up to this much text are kept on one page; longer ones may break, as the seeds' tables do. */
const unsplitRow = 700;

/** A bordered table with a bold header row repeated on every page; column widths from `columnWidths`. */
export function table(columns: Column[], rows: Row[], width: number): Table {
  const widths = columnWidths(columns, rows, width);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          children: cellParagraphs(c.header, { bold: true, align: 'center' }),
        }),
    ),
  });
  const body = rows.map((row) =>
    'merged' in row
      ? new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              columnSpan: columns.length,
              width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
              children: cellParagraphs(row.merged, { bold: true, align: 'left' }),
            }),
          ],
        })
      : new TableRow({
          cantSplit: row.cells.join('').length <= unsplitRow,
          children: columns.map(
            (c, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                children: cellParagraphs(row.cells[i] ?? '', { align: c.align }),
              }),
          ),
        }),
  );
  return new Table({
    rows: [header, ...body],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    margins: { top: 0, bottom: 0, left: mm(1.5), right: mm(1.5) },
  });
}

const listReference = 'opora-numbered';

/** Prints lists numbered by Word «1.», «2.» …; each call is a list of its own that counts from 1. */
type NumberedList = (items: string[], size?: number) => Paragraph[];

function numberedLists(): NumberedList {
  let instance = 0;
  return (items, size) => {
    instance++;
    return items.map(
      (text) =>
        new Paragraph({
          numbering: { reference: listReference, level: 0, instance },
          spacing: { line: singleLine, before: 0, after: 0 },
          children: [new TextRun({ text, ...(size ? { size } : {}) })],
        }),
    );
  };
}

const numberingConfig = {
  config: [
    {
      reference: listReference,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: mm(7), hanging: mm(7) } } },
        },
      ],
    },
  ],
};

export function heading(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    spacing: { line: singleLine, before: 240, after: 120 },
    children: [new TextRun({ text, bold: true })],
  });
}

function subheading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { line: singleLine, before: 120, after: 60 },
    children: [new TextRun({ text, bold: true, italics: true })],
  });
}

/** Lines in the top right corner (the «Приложение» block, a draft's «Проект»), flush left inside it. */
export function cornerBlock(lines: string[], orientation: Orientation): Paragraph {
  return new Paragraph({
    // A block in the top right corner, its lines flush left inside it, as offices print it.
    indent: { left: textWidth(orientation) - mm(80) },
    spacing: { line: singleLine, before: 0, after: 240 },
    children: lines.map((text, i) => new TextRun({ text, break: i === 0 ? 0 : 1 })),
  });
}

const appendixBlock = (act: ApprovingAct, orientation: Orientation): Paragraph =>
  cornerBlock(appendixLines(act), orientation);

const KIND_WORDS = /(дорожн\S*\s+карт|программ|план[-\s–]*график|план\S*\s+мероприят|муниципальн\S*\s+проект)/i;
const KIND_AT_START = new RegExp(`^«?\\s*${KIND_WORDS.source}`, 'i');
/** Where the words naming the kind end and «по …», «на …» begin, outside quotes and brackets. */
function kindSplit(title: string): number {
  let depth = 0;
  for (let i = 0; i < title.length; i++) {
    const c = title[i]!;
    if (c === '«' || c === '(') depth++;
    else if ((c === '»' || c === ')') && depth > 0) depth--;
    else if (depth === 0 && c === ' ' && /^ (по|на|в|во|о|об|для) /.test(title.slice(i, i + 6))) return i;
  }
  return -1;
}

/**
 * The kind in capitals, then the rest of the title: «ПЛАН-ГРАФИК «ДОРОЖНАЯ КАРТА»» / «по оказанию …». The
 * capitals are a run property (w:caps), so the text stays as written and an import gives back the same title.
 */
export function titleLines(p: Pick<ProgrammeDraft, 'kind' | 'title'>): { text: string; caps: boolean }[] {
  const title = p.title.replace(/\s+/g, ' ').trim();
  // «План Быстрых Преобразований» (муниципальный проект)» (seed 003) names its kind already: no line above it.
  if (KIND_WORDS.test(title) && !KIND_AT_START.test(title)) return [{ text: title, caps: false }];
  if (!KIND_AT_START.test(title))
    return [{ text: p.kind, caps: true }, ...(title ? [{ text: title, caps: false }] : [])];
  const at = kindSplit(title);
  if (at < 0) return [{ text: title, caps: false }];
  return [
    { text: title.slice(0, at), caps: true },
    { text: title.slice(at + 1), caps: false },
  ];
}

function titleBlock(p: ProgrammeDraft): Paragraph[] {
  return titleLines(p).map(
    ({ text, caps }, i, all) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: singleLine, before: 0, after: i === all.length - 1 ? 240 : 0 },
        children: [new TextRun({ text, bold: true, allCaps: caps })],
      }),
  );
}

function passportTable(p: ProgrammeDraft, width: number, numbered: NumberedList): Table | null {
  const rows = passportOrder(passportRows(p));
  if (rows.length === 0) return null;
  // The label column is the passport's «header»: a two-column table with bold keys, no header row (seeds 001, 003).
  const total = width;
  const widths = [Math.floor(total * 0.3), total - Math.floor(total * 0.3)];
  return new Table({
    rows: rows.map(
      (r) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: widths[0]!, type: WidthType.DXA },
              children: cellParagraphs(r.label, { bold: true, align: 'left' }),
            }),
            new TableCell({
              width: { size: widths[1]!, type: WidthType.DXA },
              children: r.numbered
                ? numbered(r.value.split('\n'), tableSize)
                : cellParagraphs(r.value, { align: 'left' }),
            }),
          ],
        }),
    ),
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    margins: { top: 0, bottom: 0, left: mm(1.5), right: mm(1.5) },
  });
}

function workingGroupTable(p: ProgrammeDraft, width: number): Table | null {
  if (p.workingGroup.length === 0) return null;
  // The reader gives every member of a group table this role; a column saying only that is noise.
  const withRole = p.workingGroup.some((m) => !['', 'член рабочей группы'].includes(m.role.trim()));
  const columns: Column[] = [
    { header: '№', weight: 0.6, align: 'center' },
    { header: 'Фамилия, имя, отчество', weight: 3, align: 'left' },
    { header: 'Должность', weight: 5, align: 'left' },
    ...(withRole ? [{ header: 'Роль в рабочей группе', weight: 2.5, align: 'left' as const }] : []),
  ];
  const rows = p.workingGroup.map((m, i) => ({
    cells: [`${i + 1}.`, m.fullName, m.position, ...(withRole ? [m.role] : [])],
  }));
  return table(columns, rows, width);
}

/**
 * The indicators with the programme's own columns, as for activities: «Наименование» and the target periods
 * always, «№ п/п», «Направление», «Единица измерения», «Базовое значение», «Фактическое значение» when some
 * indicator has one (seed 000 prints no numbers, seed 003 no units).
 */
function indicatorTable(p: ProgrammeDraft, width: number): Table | null {
  if (p.indicators.length === 0) return null;
  const periods: string[] = [];
  for (const ind of p.indicators) for (const t of ind.targets) if (!periods.includes(t.period)) periods.push(t.period);
  type Field = 'number' | 'direction' | 'name' | 'unit' | 'baseline' | 'actual';
  const fields: { field: Field; column: Column }[] = [
    { field: 'number', column: { header: '№ п/п', weight: 0.7, align: 'center' } },
    { field: 'direction', column: { header: 'Направление', weight: 2.5, align: 'left' } },
    { field: 'name', column: { header: 'Наименование целевого показателя', weight: 5, align: 'left' } },
    { field: 'unit', column: { header: 'Единица измерения', weight: 1.9, align: 'center' } },
    { field: 'baseline', column: { header: 'Базовое значение', weight: 1.7, align: 'center' } },
    { field: 'actual', column: { header: 'Фактическое значение', weight: 2.2, align: 'center' } },
  ];
  const used = fields.filter((f) => f.field === 'name' || p.indicators.some((i) => i[f.field].trim() !== ''));
  const columns: Column[] = [
    ...used.map((f) => f.column),
    ...periods.map((period) => ({ header: period, weight: 1.4, align: 'center' as const })),
  ];
  const rows = p.indicators.map((ind) => ({
    cells: [
      ...used.map((f) => ind[f.field]),
      ...periods.map((period) => ind.targets.find((t) => t.period === period)?.value ?? ''),
    ],
  }));
  // Values are mostly «15 %», but seed 003 writes sentences («Повышение квалификации не менее 90 % …»): such a
  // column is read left-aligned and gets room by how much it holds, as the name column does.
  const sized = columns.map((c, i) => {
    if (c.align !== 'center') return c;
    const texts = rows.map((r) => r.cells[i] ?? '');
    const longest = Math.max(0, ...texts.map((t) => t.length));
    if (longest <= 24) return c;
    const mean = texts.reduce((sum, t) => sum + t.length, 0) / texts.length;
    return { ...c, align: 'left' as const, weight: Math.min(5, Math.max(c.weight, mean / 25)) };
  });
  return table(sized, rows, width);
}

function activityTable(p: ProgrammeDraft, columns: ActivityColumn[], width: number): Table | null {
  if (allActivities(p).length === 0 && p.sections.every((s) => s.title.trim() === '')) return null;
  const rows: Row[] = [];
  for (const s of p.sections) {
    const title = `${s.number} ${s.title}`.trim();
    // A section without a title (a table with no section rows) adds no row of its own.
    if (s.title.trim() !== '') rows.push({ merged: title });
    for (const a of s.activities) rows.push({ cells: columns.map((c) => activityCellText(a, c)) });
  }
  return table(
    columns.map((c) => ({
      header: activityColumnHeaders[c],
      weight: activityColumnWeight[c],
      align: c === 'number' || c === 'deadline' ? 'center' : 'left',
    })),
    rows,
    width,
  );
}

function consultationTable(p: ProgrammeDraft, width: number): Table | null {
  if (p.consultations.length === 0) return null;
  return table(
    [
      { header: 'Тема консультации', weight: 5, align: 'left' },
      { header: 'Дата и время проведения', weight: 2, align: 'center' },
      { header: 'Ответственный', weight: 3, align: 'left' },
    ],
    p.consultations.map((c) => ({ cells: [c.topic, c.when.text, c.responsible.join('; ')] })),
    width,
  );
}

function tutorTable(p: ProgrammeDraft, width: number): Table | null {
  if (p.tutorPairs.length === 0) return null;
  return table(
    [
      { header: '№', weight: 0.6, align: 'center' },
      { header: 'Школа с низкими образовательными результатами', weight: 4, align: 'left' },
      { header: 'Школа-тьютор', weight: 4, align: 'left' },
    ],
    p.tutorPairs.map((t, i) => ({ cells: [`${i + 1}.`, t.school, t.tutor] })),
    width,
  );
}

const roleOrder: SchoolRole[] = ['low-results', 'red-zone', 'high-performing', 'tutor'];

function schoolLists(p: ProgrammeDraft, numbered: NumberedList): Paragraph[] {
  const out: Paragraph[] = [];
  if (p.schools.length > 0) out.push(heading('Перечень общеобразовательных организаций'));
  for (const role of roleOrder) {
    const names = p.schools.filter((s) => s.role === role).map((s) => s.name);
    if (names.length === 0) continue;
    const label = schoolRoleLabels[role];
    out.push(subheading(label[0]!.toUpperCase() + label.slice(1)), ...numbered(names));
  }
  return out;
}

/** The page number centred at the top, as offices number the pages of an appendix. */
export const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] }),
    ],
  });

/** Times New Roman 14 pt, single spacing, Russian proofing: the defaults of every exported document. */
export const documentStyles = {
  default: {
    document: {
      run: { font: fontName, size: bodySize, language: { value: 'ru-RU' } },
      paragraph: { spacing: { line: singleLine, before: 0, after: 0 } },
    },
  },
};

/**
 * The programme as a DOCX order appendix. `columns` picks the activity columns and their order; by default they
 * are the programme's own (those with a value).
 */
export async function writeProgrammeDocx(p: ProgrammeDraft, opts: ProgrammeDocxOptions = {}): Promise<Uint8Array> {
  const columns = opts.columns?.length
    ? [...new Set(opts.columns)].filter((c) => activityColumnOrder.includes(c))
    : activityColumnsOf(p);
  const numbered = numberedLists();
  const titled = (pieces: [string, Table | null][]) => pieces.flatMap(([title, t]) => (t ? [heading(title), t] : []));
  const portrait = textWidth('portrait');

  const head = titled([
    ['Паспорт', passportTable(p, portrait, numbered)],
    ['Состав рабочей группы', workingGroupTable(p, portrait)],
    ['Целевые показатели', indicatorTable(p, portrait)],
  ]);
  const tail = [
    ...titled([
      ['График консультаций', consultationTable(p, portrait)],
      ['Закрепление школ-тьюторов', tutorTable(p, portrait)],
    ]),
    ...schoolLists(p, numbered),
  ];
  // A wide activity table gets landscape pages; the rest stays portrait.
  const orientation: Orientation = columns.length >= landscapeFrom ? 'landscape' : 'portrait';
  const activities = activityTable(p, columns, textWidth(orientation));
  // Below the title the table needs no heading; after the passport and other tables it does.
  const plan = activities ? (head.length > 0 ? [heading('План мероприятий'), activities] : [activities]) : [];
  const top = (o: Orientation) => [appendixBlock(p.act, o), ...titleBlock(p)];

  const section = (o: Orientation, children: (Paragraph | Table)[], first: boolean): ISectionOptions => ({
    properties: { page: pageOf(o), titlePage: first },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children,
  });
  const sections: ISectionOptions[] = [];
  if (!activities || orientation === 'portrait') {
    sections.push(section('portrait', [...top('portrait'), ...head, ...plan, ...tail], true));
  } else {
    // Without a passport or other tables before it, the appendix block and the title go on the landscape page
    // above the table.
    if (head.length > 0) sections.push(section('portrait', [...top('portrait'), ...head], true));
    sections.push(section('landscape', [...(head.length > 0 ? [] : top('landscape')), ...plan], head.length === 0));
    if (tail.length > 0) sections.push(section('portrait', tail, false));
  }

  const doc = new Document({
    creator: 'Опора',
    title: p.title,
    numbering: numberingConfig,
    styles: documentStyles,
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
