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

function authorityGenitive(authority: string): string {
  const a = authority.replace(/\s+/g, ' ').trim();
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

/** The lines of the «Приложение» block: «Приложение», «к приказу …», «от 13.01.2023 № 28/1». */
export function appendixLines(act: ApprovingAct): string[] {
  const kind = dativeKind[act.kind.trim().toLowerCase()] ?? 'приказу';
  const authority = authorityGenitive(act.authority);
  const dated = [act.date ? `от ${ruDate(act.date)}` : '', act.number ? `№ ${act.number}` : '']
    .filter(Boolean)
    .join(' ');
  if (!authority && !dated) return ['Приложение'];
  return ['Приложение', `к ${kind}${authority ? ` ${authority}` : ''}`, ...(dated ? [dated] : [])];
}

/** Numbered «1. …» lines, unless the items carry their own numbers (the reader keeps «1. Выявить …», seed 003). */
const numbered = (items: string[]) =>
  items.every((t) => /^\d{1,2}[.)]\s/.test(t)) ? items.join('\n') : items.map((t, i) => `${i + 1}. ${t}`).join('\n');
const lines = (items: string[]) => items.join('\n');
const isNameLabel = (label: string) => /^наименование/i.test(label.trim());

/**
 * Passport rows with a value, labelled with words the importer knows. The title is printed above the passport,
 * so no «Наименование» row is made up; one kept from the source document («Наименование Программы», seed 001)
 * leads, as it did there.
 */
export function passportRows(p: ProgrammeDraft): { label: string; value: string }[] {
  const s = p.passport;
  // The reader files «Сроки реализации» and «Этапы и сроки реализации» both as stages and takes the period
  // phrase from them: print the fuller wording once.
  const term =
    s.stages.trim() === ''
      ? [{ label: 'Сроки реализации', value: p.periodText }]
      : s.stages.includes(p.periodText.trim())
        ? [{ label: 'Этапы и сроки реализации', value: s.stages }]
        : [
            { label: 'Сроки реализации', value: p.periodText },
            { label: 'Этапы реализации', value: s.stages },
          ];
  return [
    ...s.other.filter((r) => isNameLabel(r.label)),
    { label: 'Заказчик', value: s.customer },
    { label: 'Куратор', value: s.curator },
    { label: 'Разработчики', value: s.developers },
    { label: 'Исполнители', value: s.executors },
    { label: 'Целевая аудитория', value: s.targetAudience },
    { label: 'Описание проблемы', value: s.problem },
    { label: 'Вызовы', value: numbered(s.challenges) },
    { label: 'Цель', value: s.goal },
    { label: 'Задачи', value: numbered(s.tasks) },
    { label: 'Направления', value: lines(s.directions) },
    ...term,
    { label: 'Ожидаемые результаты', value: lines(s.expectedResults) },
    ...s.other.filter((r) => !isNameLabel(r.label)),
  ].filter((r) => r.label.trim() !== '' && r.value.trim() !== '');
}

/**
 * The importer tells a table's kind by its first row; a first value that happens to speak of «школы-тьюторы» or
 * «показатели … %» would make the passport look like another table. Lead with the first row that keeps it a passport.
 */
function passportOrder(rows: { label: string; value: string }[]): { label: string; value: string }[] {
  const grid = (rs: typeof rows) => rs.map((r) => [r.label, r.value]);
  if (tableKindOf(grid(rows)) === 'passport') return rows;
  for (let i = 1; i < rows.length; i++) {
    const tried = [rows[i]!, ...rows.slice(0, i), ...rows.slice(i + 1)];
    if (tableKindOf(grid(tried)) === 'passport') return tried;
  }
  return rows;
}

// ——— document pieces ———

type Align = 'left' | 'center';

interface Column {
  header: string;
  weight: number;
  align: Align;
}

type Row = { cells: string[] } | { merged: string };

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

function table(columns: Column[], rows: Row[], width: number): Table {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => Math.floor((width * c.weight) / total));
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

function heading(text: string): Paragraph {
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

function appendixBlock(act: ApprovingAct, orientation: Orientation): Paragraph {
  return new Paragraph({
    // A block in the top right corner, its lines flush left inside it, as offices print it.
    indent: { left: textWidth(orientation) - mm(80) },
    spacing: { line: singleLine, before: 0, after: 240 },
    children: appendixLines(act).map((text, i) => new TextRun({ text, break: i === 0 ? 0 : 1 })),
  });
}

const KIND_AT_START =
  /^«?\s*(дорожн\S*\s+карт|программ|план[-\s–]*график|план\S*\s+мероприят|муниципальн\S*\s+проект)/i;
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

function passportTable(p: ProgrammeDraft, width: number): Table | null {
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
              children: cellParagraphs(r.value, { align: 'left' }),
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
  const withRole = p.workingGroup.some((m) => m.role.trim() !== '');
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

function indicatorTable(p: ProgrammeDraft, width: number): Table | null {
  if (p.indicators.length === 0) return null;
  const periods: string[] = [];
  for (const ind of p.indicators) for (const t of ind.targets) if (!periods.includes(t.period)) periods.push(t.period);
  const withDirection = p.indicators.some((i) => i.direction.trim() !== '');
  const withActual = p.indicators.some((i) => i.actual.trim() !== '');
  const columns: Column[] = [
    { header: '№ п/п', weight: 0.7, align: 'center' },
    ...(withDirection ? [{ header: 'Направление', weight: 2.5, align: 'left' as const }] : []),
    { header: 'Наименование целевого показателя', weight: 5, align: 'left' },
    { header: 'Единица измерения', weight: 1.9, align: 'center' },
    { header: 'Базовое значение', weight: 1.7, align: 'center' },
    ...(withActual ? [{ header: 'Фактическое значение', weight: 2.2, align: 'center' as const }] : []),
    ...periods.map((period) => ({ header: period, weight: 1.2, align: 'center' as const })),
  ];
  const rows = p.indicators.map((ind, i) => ({
    cells: [
      ind.number || `${i + 1}.`,
      ...(withDirection ? [ind.direction] : []),
      ind.name,
      ind.unit,
      ind.baseline,
      ...(withActual ? [ind.actual] : []),
      ...periods.map((period) => ind.targets.find((t) => t.period === period)?.value ?? ''),
    ],
  }));
  return table(columns, rows, width);
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

function schoolLists(p: ProgrammeDraft): Paragraph[] {
  const out: Paragraph[] = [];
  if (p.schools.length > 0) out.push(heading('Перечень общеобразовательных организаций'));
  for (const role of roleOrder) {
    const names = p.schools.filter((s) => s.role === role).map((s) => s.name);
    if (names.length === 0) continue;
    const label = schoolRoleLabels[role];
    out.push(subheading(label[0]!.toUpperCase() + label.slice(1)));
    names.forEach((name, i) => {
      out.push(
        new Paragraph({
          // Numbers written as text, not Word numbering: they survive any reader and a copy into an e-mail.
          indent: { left: mm(10), hanging: mm(10) },
          spacing: { line: singleLine, before: 0, after: 0 },
          children: [new TextRun({ text: `${i + 1}.\t${name}` })],
          tabStops: [{ type: 'left', position: mm(10) }],
        }),
      );
    });
  }
  return out;
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT] })] }),
    ],
  });

/** The programme as a DOCX order appendix. */
export async function writeProgrammeDocx(p: ProgrammeDraft, opts: ProgrammeDocxOptions = {}): Promise<Uint8Array> {
  const columns = opts.columns?.length
    ? activityColumnOrder
        .filter((c) => opts.columns!.includes(c))
        .sort((a, b) => opts.columns!.indexOf(a) - opts.columns!.indexOf(b))
    : activityColumnsOf(p);
  const hasActivities = p.sections.some((s) => s.activities.length > 0 || s.title.trim() !== '');
  const wide = hasActivities && columns.length >= landscapeFrom;

  const headTables = (o: Orientation) =>
    [
      ['Паспорт', passportTable(p, textWidth(o))],
      ['Состав рабочей группы', workingGroupTable(p, textWidth(o))],
      ['Целевые показатели', indicatorTable(p, textWidth(o))],
    ] as const;
  const tailTables = (o: Orientation) =>
    [
      ['График консультаций', consultationTable(p, textWidth(o))],
      ['Закрепление школ-тьюторов', tutorTable(p, textWidth(o))],
    ] as const;
  const titled = (pieces: readonly (readonly [string, Table | null])[]) =>
    pieces.flatMap(([title, t]) => (t ? [heading(title), t] : []));

  const headOrientation: Orientation = 'portrait';
  const head = titled(headTables(headOrientation));
  const activities = (o: Orientation) => {
    const t = activityTable(p, columns, textWidth(o));
    if (!t) return [];
    return head.length > 0 || o === 'landscape' ? [heading('План мероприятий'), t] : [t];
  };
  const tail = (o: Orientation) => [...titled(tailTables(o)), ...schoolLists(p)];

  const sections: ISectionOptions[] = [];
  const section = (o: Orientation, children: (Paragraph | Table)[], first: boolean): ISectionOptions => ({
    properties: { page: pageOf(o), titlePage: first },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children,
  });
  if (!wide) {
    sections.push(
      section(
        'portrait',
        [appendixBlock(p.act, 'portrait'), ...titleBlock(p), ...head, ...activities('portrait'), ...tail('portrait')],
        true,
      ),
    );
  } else {
    // A wide activity table gets landscape pages; the rest stays portrait. Without a passport or other tables
    // before it, the appendix block and the title go on the landscape page above the table.
    if (head.length > 0) {
      sections.push(section('portrait', [appendixBlock(p.act, 'portrait'), ...titleBlock(p), ...head], true));
      sections.push(section('landscape', activities('landscape'), false));
    } else {
      const t = activityTable(p, columns, textWidth('landscape'));
      sections.push(
        section('landscape', [appendixBlock(p.act, 'landscape'), ...titleBlock(p), ...(t ? [t] : [])], true),
      );
    }
    const rest = tail('portrait');
    if (rest.length > 0) sections.push(section('portrait', rest, false));
  }

  const doc = new Document({
    creator: 'Опора',
    title: `${p.kind} ${p.title}`.trim(),
    styles: {
      default: {
        document: {
          run: { font: fontName, size: bodySize, language: { value: 'ru-RU' } },
          paragraph: { spacing: { line: singleLine, before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
