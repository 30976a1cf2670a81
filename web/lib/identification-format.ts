// How identification is shown: categories, shares with a decimal comma, a methodology's conditions in Russian
// words, the evidence of a school as a procedure × year table, the filters of a run's schools and the chart
// data by municipality. The wordings of procedures and thresholds come from the domain, as the server's
// reasons use them, so a screen and an explanation never disagree.
import type { Me } from '../../contract/api.ts';
import type {
  MethodologyDefinitionInput,
  ResultKindName,
  RunDetail,
  Verdict,
  VerdictDetail,
} from '../../contract/identification.ts';
import {
  formatPercent,
  procedureLabel,
  thresholdWords,
  yearRefLabel,
} from '../../domain/identification/methodology.ts';
import { knownSubjects, vprGrades } from '../../domain/identification/results.ts';
import { formatNumber, plural } from './format.ts';

export { formatPercent, procedureLabel, thresholdWords };

export type Definition = MethodologyDefinitionInput;
export type Procedure = Definition['procedures'][number];
export type Rule = Definition['rules'][number];
export type Condition = Rule['conditions'][number];
export type YearRef = Extract<Condition, { kind: 'red-zone' }>['year'];
export type Threshold = Definition['lowResult']['vpr'];
export type Evidence = VerdictDetail['evidence'][number];

/** The section's name, in the menu and in page headers. */
export const sectionTitle = 'Выявление ШНОР';

/** The title an approved list gets unless the user words it otherwise. */
export const defaultListTitle =
  'Перечень общеобразовательных организаций с низкими образовательными результатами обучающихся';

/** Runs, the results summary and writes are region-wide: a municipality, a school or a curator reads lists only. */
export const regionWide = (me: Pick<Me, 'role' | 'regionId' | 'municipalityId' | 'organisationId'>): boolean =>
  me.role === 'admin' || (me.regionId !== null && me.municipalityId === null && me.organisationId === null);

export const resultKindOrder: readonly ResultKindName[] = ['vpr', 'gia', 'journal'];

/** Short names of the result kinds, for tabs and table rows. */
export const resultKindNames: Record<ResultKindName, string> = {
  vpr: 'ВПР',
  gia: 'ОГЭ и ЕГЭ',
  journal: 'ВПР и журнал',
};

/** What a file of each kind holds, in one line under its name. */
export const resultKindHints: Record<ResultKindName, string> = {
  vpr: 'Распределение отметок «2»–«5» по школам, предметам и классам',
  gia: 'Число участников ОГЭ и ЕГЭ и не преодолевших минимальный порог',
  journal: 'Сопоставление отметок ВПР с отметками журнала: понизили, подтвердили, повысили',
};

/** «33,3 %» (a no-break space keeps the sign with its number). */
export const formatShare = (percent: number): string => `${formatPercent(percent)}\u00a0%`;

/** A server's text with «30 %» kept on one line. */
export const keepPercentSign = (text: string): string => text.replace(/(\d) %/g, '$1\u00a0%');

/** «4 из 40 — 10 %». */
export const formatPart = (part: number, whole: number, share: number): string =>
  `${formatNumber(part)} из ${formatNumber(whole)} — ${formatShare(share)}`;

/** «Категория 1»; a school outside the list is «не включена». */
export const categoryLabel = (category: number | null): string =>
  category === null ? 'не включена' : `Категория ${category}`;

/** Colours of categories, the same in badges and in the chart. */
const categoryColours = ['red', 'orange', 'yellow', 'grape', 'cyan'] as const;
export const categoryColour = (category: number | null): string =>
  category === null ? 'gray' : (categoryColours[(category - 1) % categoryColours.length] ?? 'gray');

/** The categories a methodology lists schools in, in order. */
export const categoriesOf = (definition: Pick<Definition, 'rules'>): number[] =>
  [...new Set(definition.rules.map((r) => r.category))].sort((a, b) => a - b);

/** «Y», «Y−1», «2019». */
export const yearRefText = (ref: YearRef): string => yearRefLabel(ref);

/** «в 2019 г.», «в году Y−1». */
export const inYearText = (ref: YearRef): string =>
  'year' in ref ? `в ${ref.year} г.` : `в году ${yearRefLabel(ref)}`;

/** «2019 и 2021», «Y−1, Y». */
export function yearsText(refs: readonly YearRef[]): string {
  const names = refs.map(yearRefText);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} и ${names[names.length - 1]}`;
}

/** «не менее чем по 2 процедурам», «ровно по 1 процедуре», «от 1 до 3 процедур». */
export function procedureCountText(min: number, max: number | undefined): string {
  const n = (k: number) => `${k} ${plural(k, ['процедуре', 'процедурам', 'процедурам'])}`;
  if (max === undefined) return `не менее чем по ${n(min)}`;
  if (max === min) return `ровно по ${n(min)}`;
  return `по ${min}–${max} ${plural(max, ['процедуре', 'процедурам', 'процедурам'])}`;
}

/** A rule's condition as the methodology would word it. */
export function conditionText(c: Condition): string {
  switch (c.kind) {
    case 'low-procedures': {
      const when =
        c.years.length === 1
          ? inYearText(c.years[0] ?? { offset: 0 })
          : c.yearsMode === 'each'
            ? `в каждом из лет ${yearsText(c.years)}`
            : `хотя бы в одном из лет ${yearsText(c.years)}`;
      return `Низкие результаты ${procedureCountText(c.min, c.max)} ${when}`;
    }
    case 'red-zone':
      return `Красная зона по результатам ВПР ${inYearText(c.year)}`;
    case 'objectivity-gap':
      return `Необъективность отметок ВПР ${inYearText(c.year)}`;
  }
}

export const conditionKindLabels: Record<Condition['kind'], string> = {
  'low-procedures': 'Низкие результаты по процедурам',
  'red-zone': 'Красная зона ВПР',
  'objectivity-gap': 'Необъективность отметок ВПР',
};

/** A new condition of a kind, with the usual values (seed 000 for low results, the run year otherwise). */
export function newCondition(kind: Condition['kind']): Condition {
  if (kind === 'low-procedures') return { kind, years: [{ offset: -1 }, { offset: 0 }], yearsMode: 'each', min: 1 };
  return { kind, year: { offset: 0 } };
}

/** «не менее 30 %» as words, «≥» never shown to users. */
export const comparisonOptions: { value: Threshold['op']; label: string }[] = [
  { value: '>=', label: 'не менее' },
  { value: '>', label: 'более' },
  { value: '<=', label: 'не более' },
  { value: '<', label: 'менее' },
];

/** Year references offered in a rule: relative to the run year, or a year written as such. */
export const relativeYears = [0, -1, -2, -3] as const;

// ---- procedures offered in the editor

export const vprSubjects = ['русский язык', 'математика'] as const;
export const editorVprGrades: readonly number[] = vprGrades;
export const giaProcedures: Procedure[] = [
  { source: 'gia', exam: 'ОГЭ', subject: 'русский язык' },
  { source: 'gia', exam: 'ОГЭ', subject: 'математика' },
  { source: 'gia', exam: 'ЕГЭ', subject: 'русский язык' },
  { source: 'gia', exam: 'ЕГЭ', subject: 'математика (профильная)' },
  { source: 'gia', exam: 'ЕГЭ', subject: 'математика (базовая)' },
];

export const procedureId = (p: Procedure): string =>
  p.source === 'vpr' ? `ВПР|${p.subject}|${p.grade}` : `${p.exam}|${p.subject}`;

/** Procedures of a definition that the editor's grid does not offer (kept as they are, shown apart). */
export function otherProcedures(procedures: readonly Procedure[]): Procedure[] {
  const offered = new Set([
    ...vprSubjects.flatMap((subject) => editorVprGrades.map((grade) => `ВПР|${subject}|${grade}`)),
    ...giaProcedures.map(procedureId),
  ]);
  return procedures.filter((p) => !offered.has(procedureId(p)));
}

/** Adds or removes a procedure, keeping the definition's order (ВПР by grade, then exams as offered). */
export function toggleProcedure(procedures: readonly Procedure[], p: Procedure, on: boolean): Procedure[] {
  const id = procedureId(p);
  const rest = procedures.filter((x) => procedureId(x) !== id);
  if (!on) return rest;
  const next = [...rest, p];
  const rank = (x: Procedure) =>
    x.source === 'vpr'
      ? x.grade * 100 + Math.max(0, knownSubjects.vpr.indexOf(x.subject as (typeof knownSubjects.vpr)[number]))
      : 10_000 +
        Math.max(
          0,
          giaProcedures.findIndex((g) => procedureId(g) === procedureId(x)),
        );
  return next.sort((a, b) => rank(a) - rank(b));
}

/** «ВПР: русский язык 5, 6 кл.; математика 5, 6 кл.», one line per source for the definition view. */
export function proceduresSummary(procedures: readonly Procedure[]): string[] {
  const vpr = new Map<string, number[]>();
  const exams: string[] = [];
  for (const p of procedures) {
    if (p.source === 'vpr') vpr.set(p.subject, [...(vpr.get(p.subject) ?? []), p.grade]);
    else exams.push(procedureLabel(p));
  }
  const lines = [...vpr].map(
    ([subject, grades]) => `ВПР ${subject}: ${[...grades].sort((a, b) => a - b).join(', ')} кл.`,
  );
  return [...lines, ...exams];
}

// ---- a school's evidence

export interface EvidenceTable {
  years: number[];
  rows: { procedure: string; cells: (Evidence | undefined)[] }[];
}

/** The evidence as a table: a row per procedure (in the order the server lists them), a column per year. */
export function evidenceTable(evidence: readonly Evidence[]): EvidenceTable {
  const years = [...new Set(evidence.map((e) => e.year))].sort((a, b) => a - b);
  const byProcedure = new Map<string, Map<number, Evidence>>();
  for (const e of evidence) {
    const row = byProcedure.get(e.procedure) ?? new Map<number, Evidence>();
    row.set(e.year, e);
    byProcedure.set(e.procedure, row);
  }
  return {
    years,
    rows: [...byProcedure].map(([procedure, cells]) => ({ procedure, cells: years.map((y) => cells.get(y)) })),
  };
}

// ---- a run's schools

export type SchoolSign = 'red-zone' | 'objectivity' | 'no-results' | 'first' | 'repeated';

export const schoolSignLabels: Record<SchoolSign, string> = {
  'red-zone': 'Красная зона',
  objectivity: 'Необъективность',
  'no-results': 'Нет результатов',
  first: 'Включены впервые',
  repeated: 'Включены повторно',
};

export interface SchoolFilter {
  q?: string | undefined;
  /** 'listed', 'none' or a category number. */
  category?: string | undefined;
  municipalityId?: string | undefined;
  sign?: string | undefined;
}

type FilterableSchool = Pick<Verdict, 'code' | 'name' | 'category' | 'municipalityId' | 'municipality'> &
  Partial<Pick<Verdict, 'redZone' | 'objectivityGap' | 'hasResults' | 'inPreviousList'>> & { repeated?: boolean };

const normalise = (s: string) => s.toLowerCase().replace(/ё/g, 'е').trim();

/** Whether a school passes the filters of a run or of a list. */
export function matchesSchool(s: FilterableSchool, f: SchoolFilter): boolean {
  if (f.q) {
    const q = normalise(f.q);
    if (!normalise(s.name).includes(q) && !normalise(s.code).includes(q)) return false;
  }
  if (f.category === 'listed' && s.category === null) return false;
  if (f.category === 'none' && s.category !== null) return false;
  if (f.category && /^\d+$/.test(f.category) && s.category !== Number(f.category)) return false;
  if (f.municipalityId && s.municipalityId !== f.municipalityId) return false;
  const repeated = s.repeated ?? s.inPreviousList ?? false;
  switch (f.sign) {
    case 'red-zone':
      return Boolean(s.redZone);
    case 'objectivity':
      return Boolean(s.objectivityGap);
    case 'no-results':
      return s.hasResults === false;
    case 'first':
      return s.category !== null && !repeated;
    case 'repeated':
      return s.category !== null && repeated;
    default:
      return true;
  }
}

/** Listed schools first (by category), then by municipality and code, as a list is printed. */
export function compareSchools(a: FilterableSchool, b: FilterableSchool): number {
  const ca = a.category ?? Number.POSITIVE_INFINITY;
  const cb = b.category ?? Number.POSITIVE_INFINITY;
  if (ca !== cb) return ca - cb;
  return a.municipality.localeCompare(b.municipality, 'ru') || a.code.localeCompare(b.code, 'ru');
}

/** The municipalities of a set of schools, for a filter: id and name, by name. */
export function municipalitiesOf(schools: readonly Pick<Verdict, 'municipalityId' | 'municipality'>[]) {
  const seen = new Map<string, string>();
  for (const s of schools) if (s.municipalityId) seen.set(s.municipalityId, s.municipality);
  return [...seen].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, 'ru'));
}

// ---- the difference from the previous list

export interface DifferenceGroup {
  key: 'added' | 'repeated' | 'removed' | 'changed';
  title: string;
  items: { code: string; name: string; note?: string }[];
}

/** The difference from the previous approved list, with the schools' names. */
export function differenceGroups(run: Pick<RunDetail, 'difference' | 'removed' | 'schools'>): DifferenceGroup[] {
  const d = run.difference;
  if (!d) return [];
  const names = new Map(run.schools.map((s) => [s.code, s.name]));
  for (const r of run.removed) names.set(r.code, r.name);
  const item = (code: string, note?: string) => ({ code, name: names.get(code) ?? code, ...(note ? { note } : {}) });
  const category = (c: number | null) => (c === null ? 'не включена' : `кат. ${c}`);
  return [
    { key: 'added', title: 'Включены впервые', items: d.added.map((c) => item(c)) },
    { key: 'repeated', title: 'Включены повторно', items: d.repeated.map((c) => item(c)) },
    { key: 'removed', title: 'Исключены из перечня', items: d.removed.map((c) => item(c)) },
    {
      key: 'changed',
      title: 'Сменили категорию',
      items: d.categoryChanged.map((c) => item(c.code, `${category(c.from)} → ${category(c.to)}`)),
    },
  ];
}

// ---- the chart by municipality

export interface MunicipalityChartData {
  municipalities: string[];
  series: { name: string; category: number | null; data: number[] }[];
  /** «включено 2 из 8 — 25 %» per municipality, for the tooltip. */
  listed: string[];
  /** One line per municipality, for screen readers. */
  description: string;
}

type GroupTotal = RunDetail['totals']['byMunicipality'][number];

/** Listed schools per category per municipality (stacked), and the schools not listed, most listed first. */
export function municipalityChartData(groups: readonly GroupTotal[], categories: readonly number[]) {
  const sorted = [...groups].sort(
    (a, b) => b.listed - a.listed || b.share - a.share || a.key.localeCompare(b.key, 'ru'),
  );
  const series: MunicipalityChartData['series'] = [
    ...categories.map((c) => ({
      name: `Категория ${c}`,
      category: c,
      data: sorted.map((g) => g.byCategory[String(c)] ?? 0),
    })),
    { name: 'Не включены', category: null, data: sorted.map((g) => g.schools - g.listed) },
  ];
  const listed = sorted.map((g) => `включено ${formatPart(g.listed, g.schools, g.share)}`);
  const description = sorted.map((g, i) => `${g.key}: ${listed[i]}`).join('; ');
  return { municipalities: sorted.map((g) => g.key), series, listed, description } satisfies MunicipalityChartData;
}

/** «1 104 строки», «40 школ». */
export const rowsText = (n: number): string => `${formatNumber(n)} ${plural(n, ['строка', 'строки', 'строк'])}`;
export const schoolsText = (n: number): string => `${formatNumber(n)} ${plural(n, ['школа', 'школы', 'школ'])}`;

// ---- checking a definition in the editor

const thresholdNames: [string, (d: Definition) => Threshold][] = [
  ['Низкий результат ВПР', (d) => d.lowResult.vpr],
  ['Низкий результат ОГЭ и ЕГЭ', (d) => d.lowResult.gia],
  ['Красная зона, доля «2»', (d) => d.redZone.share2],
  ['Красная зона, доля «5»', (d) => d.redZone.share5],
  ['Необъективность', (d) => d.objectivity.gap],
];

const isWhole = (n: number, min: number, max: number) => Number.isInteger(n) && n >= min && n <= max;

function yearRefProblem(ref: YearRef): string | null {
  if ('year' in ref) return isWhole(ref.year, 2000, 2100) ? null : 'год — число от 2000 до 2100';
  return isWhole(ref.offset, -10, 0) ? null : 'год — от Y−10 до Y';
}

/**
 * What keeps a definition from being saved, in Russian, with the place: every number the editor may leave
 * empty (NaN) or out of the contract's bounds. The domain's checkDefinition runs after these pass.
 */
export function definitionProblems(d: Definition): string[] {
  const problems: string[] = [];
  for (const [name, get] of thresholdNames) {
    const t = get(d);
    if (!(Number.isFinite(t.percent) && t.percent >= 0 && t.percent <= 100))
      problems.push(`${name}: укажите порог от 0 до 100 %.`);
  }
  if (d.rules.length === 0) problems.push('Укажите хотя бы одно правило включения школы в перечень.');
  if (d.rules.length > 10) problems.push('Правил может быть не больше 10.');
  d.rules.forEach((rule, i) => {
    const where = `Правило ${i + 1}`;
    if (!isWhole(rule.category, 1, 9)) problems.push(`${where}: категория — целое число от 1 до 9.`);
    if (!rule.label.trim()) problems.push(`${where}: укажите название правила.`);
    if (rule.conditions.length === 0) problems.push(`${where}: добавьте хотя бы одно условие.`);
    if (rule.conditions.length > 10) problems.push(`${where}: условий может быть не больше 10.`);
    rule.conditions.forEach((c, j) => {
      const at = `${where}, условие ${j + 1}`;
      if (c.kind !== 'low-procedures') {
        const p = yearRefProblem(c.year);
        if (p) problems.push(`${at}: ${p}.`);
        return;
      }
      if (c.years.length === 0) problems.push(`${at}: укажите хотя бы один год.`);
      if (c.years.length > 10) problems.push(`${at}: лет может быть не больше 10.`);
      for (const ref of c.years) {
        const p = yearRefProblem(ref);
        if (p) problems.push(`${at}: ${p}.`);
      }
      if (!isWhole(c.min, 1, 100)) problems.push(`${at}: «не менее» — целое число процедур от 1.`);
      else if (c.max !== undefined && !isWhole(c.max, c.min, 100))
        problems.push(`${at}: «не более» — целое число, не меньше чем «не менее» (${c.min}).`);
    });
  });
  return problems;
}
export const participantsText = (n: number): string =>
  `${formatNumber(n)} ${plural(n, ['участник', 'участника', 'участников'])}`;
