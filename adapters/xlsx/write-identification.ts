// An identification run or an approved list («перечень ШНОР») as an Excel book for those who sort, filter and
// count: the listed schools with their reasons, every school of the run, the totals by municipality and by type,
// the changes against the previous approved list, and what the run was (region, methodology, order).
//
// Counts and shares go in as numbers, so that the book sums and sorts; every text goes in as a string cell through
// writeXlsx, which never makes a formula of «=HYPERLINK(…)» typed into a school name.
import { actCitation } from '../docx/write-programme.ts';
import {
  allSchools,
  approvingAct,
  bySchoolOrder,
  categoriesOf,
  categoryCount,
  groupsByName,
  type IdentificationGroup,
  type IdentificationReport,
  type IdentificationReportSchool,
  listedSchools,
  reasonsText,
  yearsText,
} from '../identification-report.ts';
import { writeXlsx, type XlsxSheet, type XlsxValue } from './write-xlsx.ts';

// The report's shape lives beside both writers; callers may take it from here, with the writer they call.
export type { IdentificationReport };

/** Shown where a school is not listed, so an empty cell never reads as a value left out. */
const none = '—';

const schoolHeaders = [
  '№',
  'Муниципальное образование',
  'Код',
  'Наименование',
  'Тип',
  'Категория',
  'Впервые / повторно',
  'Процедур с низкими результатами',
  'Красная зона',
  'Необъективность, %',
  'Основания',
];
const schoolWidths = [6, 28, 14, 50, 18, 11, 13, 16, 10, 16, 80];

/** One decimal, as the shares are given: the binary noise of 12.5000001 does not belong in a report. */
const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

function schoolRow(s: IdentificationReportSchool, position: number): XlsxValue[] {
  const listed = s.category !== null;
  return [
    position,
    s.municipality,
    s.code,
    s.name,
    s.type,
    s.category ?? none,
    listed ? (s.repeated ? 'повторно' : 'впервые') : none,
    s.lowProcedures,
    s.redZone ? 'да' : 'нет',
    s.objectivityShare === null ? null : oneDecimal(s.objectivityShare),
    reasonsText(s),
  ];
}

const schoolSheet = (name: string, schools: IdentificationReportSchool[]): XlsxSheet => ({
  name,
  headers: schoolHeaders,
  rows: schools.map((s, i) => schoolRow(s, i + 1)),
  widths: schoolWidths,
});

/** Groups by name with a closing «Итого» row from the run's totals. */
function groupSheet(name: string, label: string, groups: IdentificationGroup[], r: IdentificationReport): XlsxSheet {
  const categories = categoriesOf(r);
  const row = (key: string, g: Omit<IdentificationGroup, 'key'>): XlsxValue[] => [
    key,
    g.schools,
    g.listed,
    ...categories.map((c) => categoryCount(g.byCategory, c)),
    oneDecimal(g.share),
  ];
  return {
    name,
    headers: [label, 'Всего ОО', 'В перечне', ...categories.map((c) => `Категория ${c}`), 'Доля в перечне, %'],
    rows: [...groupsByName(groups).map((g) => row(g.key, g)), row('Итого', r.totals)],
    widths: [40, 10, 10, ...categories.map(() => 12), 14],
  };
}

const categoryWords = (category: number | null): string =>
  category === null ? 'не в перечне' : `категория ${category}`;

function changesSheet(r: IdentificationReport, difference: NonNullable<IdentificationReport['difference']>): XlsxSheet {
  const known = new Map(r.schools.map((s) => [s.code, s]));
  // A school removed from the list may be gone from the run too: then only its code is known.
  const ordered = (codes: string[]) =>
    [...codes].sort((a, b) => {
      const sa = known.get(a);
      const sb = known.get(b);
      if (sa && sb) return bySchoolOrder(sa, sb);
      return sa ? -1 : sb ? 1 : a.localeCompare(b, 'ru');
    });
  const row = (change: string, code: string, was: string, now: string): XlsxValue[] => {
    const s = known.get(code);
    return [change, s?.municipality ?? null, code, s?.name ?? null, was, now];
  };
  const changed = new Map(difference.categoryChanged.map((c) => [c.code, c]));
  const rows = [
    ...ordered(difference.added).map((code) => {
      const category = known.get(code)?.category;
      return row('включена', code, categoryWords(null), category == null ? 'в перечне' : categoryWords(category));
    }),
    ...ordered(difference.removed).map((code) => row('исключена', code, 'в перечне', categoryWords(null))),
    ...ordered([...changed.keys()]).map((code) => {
      const c = changed.get(code)!;
      return row('изменена категория', code, categoryWords(c.from), categoryWords(c.to));
    }),
  ];
  return {
    name: 'Изменения',
    headers: ['Изменение', 'Муниципальное образование', 'Код', 'Наименование', 'Было', 'Стало'],
    rows: rows.length > 0 ? rows : [['Изменений по сравнению с предыдущим перечнем нет', null, null, null, null, null]],
    widths: [20, 28, 14, 50, 16, 16],
  };
}

/** What the numbers are of: without it a book passed on by e-mail says neither the region nor the methodology. */
function aboutSheet(r: IdentificationReport): XlsxSheet {
  const t = r.totals;
  const rows: XlsxValue[][] = [
    ['Регион', r.regionName],
    ['Документ', r.title],
    ['Год', r.year],
    ['Методика', r.methodologyTitle],
    ['Источник методики', r.methodologySource],
    ['Годы результатов', yearsText(r.years)],
    ['Статус', r.approved ? `утверждён: ${actCitation(approvingAct(r.approved))}` : 'проект'],
    ['Всего ОО', t.schools],
    ['В перечне', t.listed],
    ...categoriesOf(r).map((c): XlsxValue[] => [`Категория ${c}`, categoryCount(t.byCategory, c)]),
    ['Доля ОО в перечне, %', oneDecimal(t.share)],
    ['Муниципальных образований', t.municipalities],
    ['Муниципальных образований с ОО в перечне', t.municipalitiesWithListed],
    ['Доля муниципальных образований с ОО в перечне, %', oneDecimal(t.municipalitiesShare)],
    ['ОО в красной зоне', t.redZone],
    ['ОО с признаками необъективности', t.objectivityGap],
  ];
  return { name: 'Сведения', headers: ['Показатель', 'Значение'], rows, widths: [50, 90] };
}

/** The run or the approved list as an .xlsx book. */
export async function writeIdentificationXlsx(r: IdentificationReport): Promise<Uint8Array> {
  const sheets = [
    schoolSheet('Перечень', listedSchools(r)),
    schoolSheet('Все школы', allSchools(r)),
    groupSheet('По муниципалитетам', 'Муниципальное образование', r.totals.byMunicipality, r),
    groupSheet('По типам ОО', 'Тип ОО', r.totals.byType, r),
    ...(r.difference ? [changesSheet(r, r.difference)] : []),
    aboutSheet(r),
  ];
  return writeXlsx(sheets);
}
