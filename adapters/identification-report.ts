// What the exported documents of an identification run say, in one shape for both writers (XLSX for those who
// sort and count, DOCX for the order appendix), and the readings both need: the order of schools, the categories,
// the wording of years, shares and the approving order. Kept here so that the book and the appendix never differ.
import type { GroupTotal, IdentificationTotals, ListDifference } from '../domain/identification/identify.ts';
import { formatPercent } from '../domain/identification/methodology.ts';
import type { ApprovingAct } from '../domain/programme/programme.ts';

/** A group of schools (a municipality, a type) with its listed schools: the domain's own totals. */
export type IdentificationGroup = GroupTotal;

export interface IdentificationReportSchool {
  code: string;
  name: string;
  type: string;
  municipality: string;
  /** null: not listed. */
  category: number | null;
  lowProcedures: number;
  redZone: boolean;
  objectivityGap: boolean;
  /** %, null without comparisons. */
  objectivityShare: number | null;
  /** Was in the previous approved list. */
  repeated: boolean;
  reasons: { kind: 'rule' | 'low-procedure' | 'red-zone' | 'objectivity-gap'; text: string }[];
}

export interface IdentificationReport {
  regionName: string;
  /** «Перечень общеобразовательных организаций с низкими образовательными результатами обучающихся». */
  title: string;
  methodologyTitle: string;
  /** The order or document the methodology comes from. */
  methodologySource: string;
  /** The run year. */
  year: number;
  /** Years of the results used. */
  years: number[];
  /** The approving order; null for a draft run. orderDate is ISO yyyy-mm-dd. */
  approved: { number: number; orderNumber: string; orderDate: string | null } | null;
  totals: Omit<IdentificationTotals, 'withoutResults'>;
  /** Every school of the run, in no particular order. */
  schools: IdentificationReportSchool[];
  difference: Omit<ListDifference, 'repeated'> | null;
}

/** «33,3 %», «60 %». */
export const percentText = (value: number): string => `${formatPercent(value)} %`;

const ruOrder = (a: string, b: string) => a.localeCompare(b, 'ru');

/** By municipality, then name: how a regional list is read and checked against the municipalities' own. */
export const bySchoolOrder = (a: IdentificationReportSchool, b: IdentificationReportSchool): number =>
  ruOrder(a.municipality, b.municipality) || ruOrder(a.name, b.name) || ruOrder(a.code, b.code);

export const listedSchools = (r: IdentificationReport): IdentificationReportSchool[] =>
  r.schools.filter((s) => s.category !== null).sort(bySchoolOrder);

export const allSchools = (r: IdentificationReport): IdentificationReportSchool[] => [...r.schools].sort(bySchoolOrder);

/** Groups by name: the domain orders them by count, but a document is looked up by name. */
export const groupsByName = (groups: IdentificationGroup[]): IdentificationGroup[] =>
  [...groups].sort((a, b) => ruOrder(a.key, b.key));

/** Every category that occurs anywhere in the report, ascending, so that all tables have the same columns. */
export function categoriesOf(r: IdentificationReport): number[] {
  const keys = new Set<number>();
  const add = (byCategory: Record<string, number>) => {
    for (const k of Object.keys(byCategory)) if (Number.isFinite(Number(k))) keys.add(Number(k));
  };
  add(r.totals.byCategory);
  for (const g of [...r.totals.byMunicipality, ...r.totals.byType]) add(g.byCategory);
  for (const s of r.schools) if (s.category !== null) keys.add(s.category);
  return [...keys].sort((a, b) => a - b);
}

export const categoryCount = (byCategory: Record<string, number>, category: number): number =>
  byCategory[String(category)] ?? 0;

/** The reasons one a line, as a cell shows them. */
export const reasonsText = (s: IdentificationReportSchool): string =>
  s.reasons
    .map((x) => x.text.trim())
    .filter((t) => t !== '')
    .join('\n');

/** «2024», «2023 и 2024», «2022–2024», «2021, 2023 и 2024»; '' without years. */
export function yearsText(years: number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const first = ys[0];
  const last = ys.at(-1);
  if (first === undefined || last === undefined) return '';
  if (ys.length >= 3 && last - first === ys.length - 1) return `${first}–${last}`;
  return ys.length === 1 ? String(first) : `${ys.slice(0, -1).join(', ')} и ${last}`;
}

/** The approving order in the shape the programme writers cite, so the appendix block is worded the same way. */
export const approvingAct = (approved: NonNullable<IdentificationReport['approved']>): ApprovingAct => ({
  authority: '',
  kind: 'приказ',
  number: approved.orderNumber.trim(),
  date: approved.orderDate,
  place: '',
  title: '',
  signatory: '',
  signatoryPosition: '',
});
