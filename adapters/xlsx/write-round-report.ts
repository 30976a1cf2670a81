// The analytic report of a monitoring round as an Excel book for those who sort, filter and count: the summary
// (what was monitored, the figures, the threshold, the recommendations), execution by municipality and by school,
// the activities behind their deadlines, the indicators plan against actual and the trend across rounds.
//
// Counts go in as numbers and shares as numbers with one decimal (writeXlsx sets no number formats but dates'), so
// that the book sums and sorts; the date of a round is a date cell. Every text goes in as a string cell through
// writeXlsx, which never makes a formula of «=HYPERLINK(…)» typed into a school's name.
import {
  dateTimeText,
  dueSentence,
  executionSentence,
  figuresSentence,
  indicatorHeaders,
  laggingHeaders,
  municipalitiesByName,
  noRecommendations,
  openingSentence,
  percentNumber,
  type RoundReport,
  type RoundReportUnitRow,
  recommendationParagraphs,
  reportTitle,
  schoolsByMunicipality,
  trendByDate,
  unitHeaders,
} from '../round-report.ts';
import { writeXlsx, type XlsxSheet, type XlsxValue } from './write-xlsx.ts';

// The report's shape lives beside both writers; callers may take it from here, with the writer they call.
export type { RoundReport };

/** An ISO date as the UTC calendar day writeXlsx stores as a date cell (ДД.ММ.ГГГГ in Excel). */
const dayCell = (iso: string): XlsxValue => {
  const at = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? iso : at;
};

const yesNo = (value: boolean | null): string => (value === null ? '—' : value ? 'да' : 'нет');

/** What the numbers are of and what they add up to: the book passed on by e-mail says it without the справка. */
function summarySheet(r: RoundReport): XlsxSheet {
  const s = r.summary;
  const rows: XlsxValue[][] = [
    ['Документ', reportTitle(r)],
    ['Регион', r.regionName],
    ['Программа', r.programmeTitle],
    ['Утверждающий документ', r.programmeAct],
    ['Дата мониторинга', dayCell(r.round.date)],
    ['Этап мониторинга', r.round.title],
    ['Сведения', figuresSentence(r)],
    ['Всего мероприятий', s.total],
    ['Отменено', s.cancelled],
    ['Подлежат исполнению', s.total - s.cancelled],
    ['Исполнено', s.done],
    ['Выполняется', s.inProgress],
    ['Запланировано', s.planned],
    ['Просрочено', s.overdue],
    ['Исполнение, %', percentNumber(s.executionPercent)],
    ['Пороговое значение', s.thresholdText],
    ['Порог достигнут', yesNo(s.meetsThreshold)],
    ['Мероприятий со сроком до даты мониторинга', s.dueByDate],
    ['Из них исполнено', s.doneOfDue],
    ['Исполнение мероприятий со сроком до даты мониторинга, %', percentNumber(s.duePercent)],
    ['Вывод', [openingSentence(r), executionSentence(r), dueSentence(r)].join('\n')],
    ['Адресные рекомендации', recommendationParagraphs(r).join('\n\n') || noRecommendations],
    ['Справка сформирована', dateTimeText(r.generatedAt, r.timeZone)],
  ];
  return { name: 'Сводка', headers: ['Показатель', 'Значение'], rows, widths: [50, 100] };
}

const unitCounts = (u: Omit<RoundReportUnitRow, 'municipality'>): XlsxValue[] => [
  u.total,
  u.cancelled,
  u.done,
  u.overdue,
  percentNumber(u.executionPercent),
];
const countHeaders = [
  unitHeaders.total,
  unitHeaders.cancelled,
  unitHeaders.done,
  unitHeaders.overdue,
  unitHeaders.executionPercent,
];
const countWidths = [12, 11, 11, 12, 13];

const municipalitySheet = (r: RoundReport): XlsxSheet => ({
  name: 'Муниципалитеты',
  headers: ['№', unitHeaders.municipality, ...countHeaders],
  rows: municipalitiesByName(r).map((m, i) => [i + 1, m.name, ...unitCounts(m)]),
  widths: [6, 40, ...countWidths],
});

const schoolSheet = (r: RoundReport): XlsxSheet => ({
  name: 'Школы',
  headers: ['№', unitHeaders.municipality, unitHeaders.school, ...countHeaders],
  rows: schoolsByMunicipality(r).map((s, i) => [i + 1, s.municipality, s.name, ...unitCounts(s)]),
  widths: [6, 32, 50, ...countWidths],
});

const laggingSheet = (r: RoundReport): XlsxSheet => ({
  name: 'Отстающие мероприятия',
  headers: [
    laggingHeaders.number,
    laggingHeaders.text,
    laggingHeaders.deadline,
    laggingHeaders.responsible,
    'ОО, всего',
    laggingHeaders.units,
    laggingHeaders.status,
    laggingHeaders.daysOverdue,
  ],
  rows: r.lagging.map((l) => [
    l.number,
    l.text,
    l.deadlineText,
    l.responsible,
    // An activity not carried out school by school has no schools to count: empty, not 0 of 0.
    l.unitsTotal > 0 ? l.unitsTotal : null,
    l.unitsTotal > 0 ? l.unitsDone : null,
    l.statusText,
    l.daysOverdue,
  ]),
  widths: [8, 60, 18, 36, 10, 14, 16, 12],
});

const indicatorSheet = (r: RoundReport): XlsxSheet => ({
  name: 'Показатели',
  headers: [
    indicatorHeaders.number,
    indicatorHeaders.name,
    indicatorHeaders.unit,
    indicatorHeaders.baseline,
    indicatorHeaders.target,
    indicatorHeaders.actual,
    indicatorHeaders.status,
    indicatorHeaders.rule,
  ],
  // Values stay as the programme writes them («не менее 5», «15 %»): a number made of them would lose the words.
  rows: r.indicators.map((x) => [x.number, x.name, x.unit, x.baseline, x.target, x.actual, x.statusText, x.rule]),
  widths: [8, 60, 10, 14, 16, 16, 18, 40],
});

const trendSheet = (r: RoundReport): XlsxSheet => ({
  name: 'Динамика',
  headers: ['Дата мониторинга', unitHeaders.executionPercent],
  rows: trendByDate(r).map((t) => [dayCell(t.date), percentNumber(t.executionPercent)]),
  widths: [18, 14],
});

/** The round's report as an .xlsx book. */
export async function writeRoundReportXlsx(r: RoundReport): Promise<Uint8Array> {
  return writeXlsx([
    summarySheet(r),
    municipalitySheet(r),
    schoolSheet(r),
    laggingSheet(r),
    indicatorSheet(r),
    trendSheet(r),
  ]);
}
