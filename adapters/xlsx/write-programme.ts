// A programme as an Excel book for those who sort, filter and count: one row per activity with its section and
// the deadline's reading beside the wording (start, end, kind), then the indicators, the passport and, when the
// programme has them, the consultations, tutor pairs, schools and monitoring rounds.
//
// Every text goes in as a string cell. exceljs makes a formula only from a { formula } value, which is never
// passed, so «=100% …» or «=HYPERLINK(…)» typed into an activity is shown literally and never evaluated.
import ExcelJS from 'exceljs';
import type { DeadlineKind, DeadlineReading } from '../../domain/deadline/read-deadline.ts';
import { type ProgrammeDraft, type SchoolRole, schoolRoleLabels } from '../../domain/programme/programme.ts';
import { actCitation, activityColumnHeaders, passportRows, passportText, ruDate } from '../docx/write-programme.ts';
import { writableText } from '../table/cell-text.ts';

export const deadlineKindLabels: Record<DeadlineKind, string> = {
  date: 'дата',
  range: 'период',
  multiple: 'несколько периодов',
  recurring: 'регулярно',
  'whole-period': 'весь период',
  external: 'по плану другой организации',
  'on-demand': 'по необходимости',
  unreadable: 'не распознан',
};

const levelLabels: Record<ProgrammeDraft['level'], string> = {
  region: 'региональный',
  municipality: 'муниципальный',
  school: 'школьный',
};

type Value = string | number | Date | null;

interface Sheet {
  name: string;
  columns: { header: string; width: number }[];
  rows: Value[][];
}

/** An ISO day as the Date of its UTC midnight: exceljs writes it as that calendar day. */
const day = (iso: string | null | undefined): Date | null => {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  return new Date(`${iso}T00:00:00Z`);
};

/**
 * The first day and the last day the deadline covers. A window «до 15.02.2023» has no known start, so a
 * deadline that opens with one has no start either: the cell stays empty rather than inventing a day.
 */
export function deadlineSpan(reading: DeadlineReading): { start: string | null; end: string | null } {
  const w = reading.windows;
  if (w.length === 0) return { start: null, end: null };
  const starts = w.map((x) => x.start);
  const start = starts.includes(null) ? null : (starts as string[]).sort()[0]!;
  const end = w
    .map((x) => x.end)
    .sort()
    .at(-1)!;
  return { start, end };
}

function activitySheet(p: ProgrammeDraft): Sheet {
  const h = activityColumnHeaders;
  const rows: Value[][] = [];
  for (const s of p.sections) {
    const section = `${s.number} ${s.title}`.trim();
    for (const a of s.activities) {
      const span = deadlineSpan(a.deadline.reading);
      rows.push([
        section,
        a.number,
        a.text,
        a.deadline.text,
        day(span.start),
        day(span.end),
        deadlineKindLabels[a.deadline.reading.kind],
        a.responsible,
        a.executors,
        a.plannedResult,
        a.indicator,
        a.informationSupport,
      ]);
    }
  }
  return {
    name: 'Мероприятия',
    columns: [
      { header: 'Раздел', width: 30 },
      { header: h.number, width: 8 },
      { header: h.text, width: 60 },
      { header: h.deadline, width: 20 },
      { header: 'Начало', width: 12 },
      { header: 'Окончание', width: 12 },
      { header: 'Вид срока', width: 18 },
      { header: h.responsible, width: 28 },
      { header: h.executors, width: 28 },
      { header: h.plannedResult, width: 30 },
      { header: h.indicator, width: 28 },
      { header: h.informationSupport, width: 28 },
    ],
    rows,
  };
}

function indicatorSheet(p: ProgrammeDraft): Sheet {
  const periods: string[] = [];
  for (const ind of p.indicators) for (const t of ind.targets) if (!periods.includes(t.period)) periods.push(t.period);
  return {
    name: 'Показатели',
    columns: [
      { header: '№ п/п', width: 8 },
      { header: 'Направление', width: 30 },
      { header: 'Наименование целевого показателя', width: 60 },
      { header: 'Единица измерения', width: 12 },
      { header: 'Базовое значение', width: 12 },
      { header: 'Фактическое значение', width: 12 },
      ...periods.map((period) => ({ header: period, width: 12 })),
    ],
    rows: p.indicators.map((ind) => [
      ind.number,
      ind.direction,
      ind.name,
      ind.unit,
      ind.baseline,
      ind.actual,
      ...periods.map((period) => ind.targets.find((t) => t.period === period)?.value ?? ''),
    ]),
  };
}

function passportSheet(p: ProgrammeDraft): Sheet {
  const rows = [
    { label: 'Наименование', value: p.title },
    { label: 'Вид', value: p.kind },
    { label: 'Уровень', value: levelLabels[p.level] },
    { label: 'Утверждающий документ', value: actCitation(p.act) },
    {
      label: 'Период',
      value: p.period.start && p.period.end ? `${ruDate(p.period.start)} – ${ruDate(p.period.end)}` : '',
    },
    // «Наименование» is already the first row.
    ...passportRows(p)
      .filter((r) => !/^наименование/i.test(r.label))
      .map((r) => ({ label: r.label, value: passportText(r) })),
  ].filter((r) => r.value.trim() !== '');
  return {
    name: 'Паспорт',
    columns: [
      { header: 'Раздел паспорта', width: 30 },
      { header: 'Содержание', width: 100 },
    ],
    rows: rows.map((r) => [r.label, r.value]),
  };
}

function consultationSheet(p: ProgrammeDraft): Sheet {
  return {
    name: 'Консультации',
    columns: [
      { header: 'Тема консультации', width: 60 },
      { header: 'Дата и время проведения', width: 20 },
      { header: 'Начало', width: 12 },
      { header: 'Окончание', width: 12 },
      { header: 'Ответственный', width: 50 },
    ],
    rows: p.consultations.map((c) => {
      const span = deadlineSpan(c.when.reading);
      return [c.topic, c.when.text, day(span.start), day(span.end), c.responsible.join('; ')];
    }),
  };
}

function tutorSheet(p: ProgrammeDraft): Sheet {
  return {
    name: 'Тьюторы',
    columns: [
      { header: '№', width: 6 },
      { header: 'Школа с низкими образовательными результатами', width: 50 },
      { header: 'Школа-тьютор', width: 50 },
    ],
    rows: p.tutorPairs.map((t, i) => [i + 1, t.school, t.tutor]),
  };
}

const roleOrder: SchoolRole[] = ['low-results', 'red-zone', 'high-performing', 'tutor'];

function schoolSheet(p: ProgrammeDraft): Sheet {
  const schools = [...p.schools].sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role));
  return {
    name: 'Школы',
    columns: [
      { header: 'Роль', width: 34 },
      { header: 'Общеобразовательная организация', width: 60 },
    ],
    rows: schools.map((s) => [schoolRoleLabels[s.role], s.name]),
  };
}

function monitoringSheet(p: ProgrammeDraft): Sheet {
  return {
    name: 'Мониторинг',
    columns: [
      { header: 'Дата', width: 12 },
      { header: 'Исполнено мероприятий не менее, %', width: 18 },
      { header: 'Исполнено мероприятий до, %', width: 18 },
      { header: 'Как записано', width: 40 },
    ],
    rows: p.monitoringRounds.map((r) => [day(r.date), r.minPercent, r.maxPercent, r.text]),
  };
}

/** Line breaks as Excel keeps them in a cell; characters XML forbids dropped. */
const cellString = (text: string) => writableText(text).replace(/\r\n?/g, '\n');

function addSheet(book: ExcelJS.Workbook, sheet: Sheet): void {
  const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = sheet.columns.map((c) => ({ width: c.width }));
  const header = ws.addRow(sheet.columns.map((c) => cellString(c.header)));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const values of sheet.rows) {
    // An empty text leaves the cell empty rather than holding an empty string.
    const row = ws.addRow(values.map((v) => (typeof v === 'string' ? cellString(v) || null : v)));
    row.alignment = { wrapText: true, vertical: 'top' };
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'dd.mm.yyyy';
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
}

/** The programme as an .xlsx book. */
export async function writeProgrammeXlsx(p: ProgrammeDraft): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Опора';
  const sheets = [activitySheet(p), indicatorSheet(p), passportSheet(p)];
  if (p.consultations.length > 0) sheets.push(consultationSheet(p));
  if (p.tutorPairs.length > 0) sheets.push(tutorSheet(p));
  if (p.schools.length > 0) sheets.push(schoolSheet(p));
  if (p.monitoringRounds.length > 0) sheets.push(monitoringSheet(p));
  for (const s of sheets) addSheet(book, s);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
