// The analytic report of a monitoring round («аналитическая справка») as a DOCX an official signs: the title with
// the programme and the date of the round, an opening paragraph (what was monitored, under which act, whether the
// figures are frozen), then seven numbered parts — the summary against the threshold, execution by municipality
// (a table and a bar chart), by school, the activities behind their deadlines, the indicators plan against actual,
// the trend across rounds (a line chart) and the coordinator's targeted recommendations.
//
// Built from the programme appendix's pieces (bordered tables whose header row repeats on every page, headings,
// page numbers, styles), so that every document of a region's office looks alike. Charts are PNG pictures drawn
// on the server: Word, LibreOffice and a printer all show them the same.
import { AlignmentType, Document, Header, ImageRun, Packer, Paragraph, type Table, TextRun } from 'docx';
import { formatPercent } from '../../domain/identification/methodology.ts';
import { barChartPng, lineChartPng, pngSize } from '../chart/render-chart.ts';
import {
  dateTimeText,
  dueSentence,
  executionSentence,
  figuresSentence,
  indicatorHeaders,
  laggingHeaders,
  municipalitiesByName,
  none,
  noRecommendations,
  openingSentence,
  overdueText,
  quoted,
  type RoundReport,
  type RoundReportUnitRow,
  recommendationParagraphs,
  reportTitle,
  roundDateText,
  schoolsByMunicipality,
  statusSentence,
  trendByDate,
  unitHeaders,
  unitsText,
} from '../round-report.ts';
import { ru } from '../table/table.ts';
import { mm, pageOf, singleLine, tableSize, textWidth } from './fonts-and-page.ts';
import { type Column, documentStyles, heading, pageNumberHeader, type Row, ruDate, table } from './write-programme.ts';

/** Body text as official letters set it: justified, the first line indented 1.25 cm; '\n' breaks a line. */
const textParagraph = (text: string): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mm(12.5) },
    spacing: { line: singleLine, before: 0, after: 120 },
    children: text.split('\n').map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1 })),
  });

function titleBlock(r: RoundReport): Paragraph[] {
  // The programme's title is given in the nominative and cannot be declined safely («плана-графика «дорожной
  // карты»»), so it stands on a line of its own, quoted, under «мероприятий».
  const lines = [
    { text: 'Аналитическая справка', caps: true },
    { text: 'по итогам мониторинга исполнения мероприятий', caps: false },
    { text: quoted(r.programmeTitle), caps: false },
    { text: `по состоянию на ${roundDateText(r)}`, caps: false },
    { text: r.regionName.replace(/\s+/g, ' ').trim(), caps: false },
  ].filter((l) => l.text !== '' && l.text !== '«»');
  return lines.map(
    ({ text, caps }, i) =>
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { line: singleLine, before: 0, after: i === lines.length - 1 ? 240 : 0 },
        children: [new TextRun({ text, bold: true, allCaps: caps })],
      }),
  );
}

/** The picture's width on the page: the text width, in the pixels (96 to the inch) docx sizes images in. */
const pictureWidth = Math.floor(textWidth('portrait') / 15);

/** Numbers the figures in the order they appear, whichever of them a report has. */
type FigureNumbers = () => number;
const figureNumbers = (): FigureNumbers => {
  let last = 0;
  return () => ++last;
};

/** A chart centred across the text width, kept on the page of its caption «Рисунок N — …» below it. */
function figure(png: Uint8Array, number: number, caption: string): Paragraph[] {
  const size = pngSize(png);
  const height = Math.round((size.height * pictureWidth) / size.width);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { line: singleLine, before: 120, after: 60 },
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: pictureWidth, height },
          altText: { name: `Рисунок ${number}`, title: caption, description: caption },
        }),
      ],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: singleLine, before: 0, after: 240 },
      children: [new TextRun({ text: `Рисунок ${number} — ${caption}`, size: tableSize })],
    }),
  ];
}

/** The share of a row as a table prints it: «36,8» under a «%» header, «—» when nothing is to be executed. */
const percentCell = (value: number | null): string => (value === null ? none : formatPercent(value));

/** «18 из 39»: done out of those to execute, cancelled ones left out as the share leaves them out. */
const executedCell = (u: Omit<RoundReportUnitRow, 'municipality'>): string =>
  `${ru(u.done)} из ${ru(u.total - u.cancelled)}`;

// A portrait page holds five columns of 12 pt figures with their headers unbroken; the book has every count in a
// column of its own, the справка folds cancelled ones into «N из M».
const unitColumns = (nameHeader: string): Column[] => [
  { header: '№', weight: 0.6, align: 'center' },
  { header: nameHeader, weight: 4, align: 'left' },
  { header: 'Исполнено (без отменённых)', weight: 1.4, align: 'center' },
  { header: unitHeaders.executionPercent, weight: 1.3, align: 'center' },
  { header: unitHeaders.overdue, weight: 1.3, align: 'center' },
];

const unitCells = (u: Omit<RoundReportUnitRow, 'municipality'>): string[] => [
  u.name,
  executedCell(u),
  percentCell(u.executionPercent),
  ru(u.overdue),
];

function municipalityPart(r: RoundReport, width: number, figures: FigureNumbers): (Paragraph | Table)[] {
  const rows = municipalitiesByName(r);
  if (rows.length === 0) return [textParagraph('Сведения в разрезе муниципальных образований отсутствуют.')];
  const parts: (Paragraph | Table)[] = [
    table(
      unitColumns(unitHeaders.municipality),
      rows.map((m, i) => ({ cells: [`${i + 1}.`, ...unitCells(m)] })),
      width,
    ),
  ];
  // A municipality with nothing to execute has no share to draw; the table says «—» for it.
  const charted = rows.filter((m) => m.executionPercent !== null);
  if (charted.length > 0) {
    const caption = 'Исполнение мероприятий по муниципальным образованиям, %';
    const png = barChartPng({
      title: caption,
      categories: charted.map((m) => m.name),
      values: charted.map((m) => m.executionPercent ?? 0),
      unit: '%',
      threshold: r.round.threshold,
    });
    parts.push(...figure(png, figures(), caption));
  }
  return parts;
}

/** Schools under a row per municipality, numbered through, as the identification lists are. */
function schoolPart(r: RoundReport, width: number): (Paragraph | Table)[] {
  const schools = schoolsByMunicipality(r);
  if (schools.length === 0) return [textParagraph('Сведения в разрезе общеобразовательных организаций отсутствуют.')];
  const rows: Row[] = [];
  schools.forEach((s, i, all) => {
    if (s.municipality !== all[i - 1]?.municipality) rows.push({ merged: s.municipality });
    rows.push({ cells: [`${i + 1}.`, ...unitCells(s)] });
  });
  return [table(unitColumns(unitHeaders.school), rows, width)];
}

/** The responsible under the activity and the days overdue under the status: five columns fit a portrait page. */
function laggingPart(r: RoundReport, width: number): (Paragraph | Table)[] {
  if (r.lagging.length === 0)
    return [textParagraph('Мероприятий, исполнение которых отстаёт от установленных сроков, нет.')];
  const columns: Column[] = [
    { header: laggingHeaders.number, weight: 0.7, align: 'center' },
    { header: laggingHeaders.text, weight: 4, align: 'left' },
    { header: laggingHeaders.deadline, weight: 1.6, align: 'center' },
    { header: laggingHeaders.units, weight: 1.3, align: 'center' },
    { header: laggingHeaders.status, weight: 1.8, align: 'left' },
  ];
  const rows = r.lagging.map((l) => ({
    cells: [
      l.number,
      [l.text, l.responsible.trim() ? `${laggingHeaders.responsible}: ${l.responsible.trim()}` : '']
        .filter(Boolean)
        .join('\n'),
      l.deadlineText,
      unitsText(l),
      [l.statusText, overdueText(l.daysOverdue)].filter(Boolean).join('\n'),
    ],
  }));
  return [table(columns, rows, width)];
}

/** Each indicator's name on a row of its own across the table, its figures, status and rule below it. */
function indicatorPart(r: RoundReport, width: number): (Paragraph | Table)[] {
  if (r.indicators.length === 0) return [textParagraph('Целевые показатели для оценки не установлены.')];
  const columns: Column[] = [
    { header: indicatorHeaders.unit, weight: 1, align: 'center' },
    { header: indicatorHeaders.baseline, weight: 1.3, align: 'center' },
    { header: indicatorHeaders.target, weight: 1.3, align: 'center' },
    { header: indicatorHeaders.actual, weight: 1.3, align: 'center' },
    { header: indicatorHeaders.status, weight: 1.6, align: 'left' },
    { header: indicatorHeaders.rule, weight: 2.5, align: 'left' },
  ];
  const dash = (text: string) => (text.trim() === '' ? none : text);
  const rows: Row[] = r.indicators.flatMap((x) => [
    { merged: `${x.number} ${x.name}`.trim() },
    { cells: [x.unit, dash(x.baseline), dash(x.target), dash(x.actual), dash(x.statusText), x.rule] },
  ]);
  return [table(columns, rows, width)];
}

function trendPart(r: RoundReport, width: number, figures: FigureNumbers): (Paragraph | Table)[] {
  const rounds = trendByDate(r);
  if (rounds.length === 0) return [textParagraph('Сведения о предыдущих этапах мониторинга отсутствуют.')];
  const parts: (Paragraph | Table)[] = [
    table(
      [
        { header: 'Дата мониторинга', weight: 1, align: 'center' },
        { header: unitHeaders.executionPercent, weight: 1, align: 'center' },
      ],
      rounds.map((t) => ({ cells: [ruDate(t.date), percentCell(t.executionPercent)] })),
      width,
    ),
  ];
  if (rounds.filter((t) => t.executionPercent !== null).length >= 2) {
    const caption = 'Динамика исполнения мероприятий по этапам мониторинга, %';
    const png = lineChartPng({
      title: caption,
      dates: rounds.map((t) => t.date),
      values: rounds.map((t) => t.executionPercent),
      unit: '%',
      threshold: r.round.threshold,
    });
    parts.push(...figure(png, figures(), caption));
  } else {
    parts.push(textParagraph('Динамика будет показана по итогам следующего этапа мониторинга.'));
  }
  return parts;
}

function recommendationPart(r: RoundReport): Paragraph[] {
  const paragraphs = recommendationParagraphs(r);
  return paragraphs.length > 0 ? paragraphs.map(textParagraph) : [textParagraph(noRecommendations)];
}

/** The справка of a round, A4 portrait. */
export async function writeRoundReportDocx(r: RoundReport): Promise<Uint8Array> {
  const width = textWidth('portrait');
  const figures = figureNumbers();
  const doc = new Document({
    creator: 'Опора',
    title: reportTitle(r),
    styles: documentStyles,
    sections: [
      {
        properties: { page: pageOf('portrait'), titlePage: true },
        headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
        children: [
          ...titleBlock(r),
          textParagraph(`${openingSentence(r)} ${figuresSentence(r)}`),
          heading('1. Общие итоги исполнения'),
          textParagraph(executionSentence(r)),
          textParagraph(dueSentence(r)),
          textParagraph(statusSentence(r)),
          heading('2. Исполнение в разрезе муниципальных образований'),
          ...municipalityPart(r, width, figures),
          heading('3. Исполнение в разрезе общеобразовательных организаций'),
          ...schoolPart(r, width),
          heading('4. Мероприятия с отставанием от установленных сроков'),
          ...laggingPart(r, width),
          heading('5. Целевые показатели: плановые и фактические значения'),
          ...indicatorPart(r, width),
          heading('6. Динамика исполнения по этапам мониторинга'),
          ...trendPart(r, width, figures),
          heading('7. Адресные рекомендации'),
          ...recommendationPart(r),
          new Paragraph({
            spacing: { line: singleLine, before: 360, after: 0 },
            children: [
              new TextRun({
                text: `Справка сформирована ${dateTimeText(r.generatedAt, r.timeZone)}.`,
                size: tableSize,
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
