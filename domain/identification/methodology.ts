// A methodology («методика») of identification as data: which assessment procedures count, what a low
// result is, and the rules that put a school on the list. Regions copy and edit methodologies; the rules
// below never change with them. Every threshold keeps the comparison the document words it with:
// «не менее 30 %» is `>=`, «более 15 %» is `>` (seed 000 passport; seed 003 indicators).

import type { Exam } from './results.ts';

export type Comparison = '>=' | '>' | '<=' | '<';

/** A share threshold in percent, with the comparison the document uses. */
export interface Threshold {
  op: Comparison;
  percent: number;
}

/** One assessment procedure: a ВПР subject in a grade, or an exam in a subject. */
export type Procedure =
  | { source: 'vpr'; subject: string; grade: number }
  | { source: 'gia'; exam: Exam; subject: string };

/** A year written as such (2019) or relative to the year of the run (offset 0 is the run year Y, -1 is Y−1). */
export type YearRef = { year: number } | { offset: number };

export type Condition =
  /** The number of the methodology's procedures whose result is low in each (or any) of the years. */
  | { kind: 'low-procedures'; years: YearRef[]; yearsMode: 'each' | 'any'; min: number; max?: number }
  /** Some ВПР result of the school in the year has the share of «2» and of «5» of the red zone. */
  | { kind: 'red-zone'; year: YearRef }
  /** The school's ВПР marks differ from its journal marks for too many students in the year. */
  | { kind: 'objectivity-gap'; year: YearRef };

/** A school satisfying every condition of a rule is listed with the rule's category. Rules are tried in order. */
export interface ListingRule {
  category: number;
  label: string;
  conditions: Condition[];
}

export interface MethodologyDefinition {
  procedures: Procedure[];
  /** When a procedure's result is low: the share of «2» (ВПР) or of those below the minimum (ОГЭ, ЕГЭ). */
  lowResult: { vpr: Threshold; gia: Threshold };
  /** The red zone of a ВПР result (seed 003): share of «2» and share of «5». */
  redZone: { share2: Threshold; share5: Threshold; scope: 'all-vpr' | 'procedures' };
  /** The objectivity gap: (lowered + raised) ÷ participants, pooled over the school's ВПР comparisons. */
  objectivity: { gap: Threshold };
  rules: ListingRule[];
}

export interface Methodology {
  code: string;
  title: string;
  /** Where the rules come from: the order or document, so that a list can always be traced to it. */
  source: string;
  definition: MethodologyDefinition;
}

const subjectLabel: Record<string, string> = {
  'русский язык': 'русский язык',
  математика: 'математика',
};

export function procedureKey(p: Procedure): string {
  return p.source === 'vpr' ? `ВПР|${p.subject}|${p.grade}` : `${p.exam}|${p.subject}`;
}

/** «ВПР русский язык 5 кл.», «ЕГЭ математика (профильная)». */
export function procedureLabel(p: Procedure): string {
  const subject = subjectLabel[p.subject] ?? p.subject;
  return p.source === 'vpr' ? `ВПР ${subject} ${p.grade} кл.` : `${p.exam} ${subject}`;
}

export function resolveYear(ref: YearRef, runYear: number): number {
  return 'year' in ref ? ref.year : runYear + ref.offset;
}

/** «2019», «Y−1 (2020)». */
export function yearRefLabel(ref: YearRef, runYear?: number): string {
  if ('year' in ref) return String(ref.year);
  const name = ref.offset === 0 ? 'Y' : `Y${ref.offset > 0 ? '+' : '−'}${Math.abs(ref.offset)}`;
  return runYear === undefined ? name : `${resolveYear(ref, runYear)}`;
}

const opWords: Record<Comparison, string> = {
  '>=': 'не менее',
  '>': 'более',
  '<=': 'не более',
  '<': 'менее',
};
const opSigns: Record<Comparison, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

/** «не менее 30 %». */
export const thresholdWords = (t: Threshold): string => `${opWords[t.op]} ${formatPercent(t.percent)} %`;
/** «≥ 30 %». */
export const thresholdSign = (t: Threshold): string => `${opSigns[t.op]} ${formatPercent(t.percent)} %`;

/** A percentage as Russian text writes it: «33,3», «30». */
export function formatPercent(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace('.', ',');
}

// Thresholds are compared on integers: count × 100 × SCALE against threshold × SCALE × total, so that
// 29.99 %, 30 % and 30.01 % fall exactly where the wording puts them, with no floating-point drift.
const SCALE = 10_000;

/** Whether count ÷ total meets the threshold. No participants is no data, never a result that meets it. */
export function meets(count: number, total: number, t: Threshold): boolean {
  if (total <= 0) return false;
  const left = count * 100 * SCALE;
  const right = Math.round(t.percent * SCALE) * total;
  switch (t.op) {
    case '>=':
      return left >= right;
    case '>':
      return left > right;
    case '<=':
      return left <= right;
    case '<':
      return left < right;
  }
}

/** Checks a definition for what would make it meaningless; returns the problems in Russian. */
export function checkDefinition(d: MethodologyDefinition): string[] {
  const problems: string[] = [];
  const thresholds: [string, Threshold][] = [
    ['порог низкого результата ВПР', d.lowResult.vpr],
    ['порог низкого результата ГИА', d.lowResult.gia],
    ['доля «2» красной зоны', d.redZone.share2],
    ['доля «5» красной зоны', d.redZone.share5],
    ['порог необъективности', d.objectivity.gap],
  ];
  for (const [name, t] of thresholds)
    if (!(t.percent >= 0 && t.percent <= 100)) problems.push(`${name}: укажите значение от 0 до 100 %.`);
  const keys = new Set<string>();
  for (const p of d.procedures) {
    const key = procedureKey(p);
    if (keys.has(key)) problems.push(`Процедура «${procedureLabel(p)}» указана дважды.`);
    keys.add(key);
  }
  if (d.rules.length === 0) problems.push('Укажите хотя бы одно правило включения школы в перечень.');
  d.rules.forEach((rule, i) => {
    const where = `Правило ${i + 1} («${rule.label}»)`;
    if (rule.conditions.length === 0) problems.push(`${where}: укажите хотя бы одно условие.`);
    if (!Number.isInteger(rule.category) || rule.category < 1) problems.push(`${where}: категория — целое число от 1.`);
    for (const c of rule.conditions) {
      if (c.kind !== 'low-procedures') continue;
      if (d.procedures.length === 0) problems.push(`${where}: в методике не выбрано ни одной оценочной процедуры.`);
      if (c.years.length === 0) problems.push(`${where}: укажите годы.`);
      if (!Number.isInteger(c.min) || c.min < 1) problems.push(`${where}: минимальное число процедур — от 1.`);
      if (c.max !== undefined && c.max < c.min)
        problems.push(`${where}: максимальное число процедур меньше минимального.`);
    }
  });
  return problems;
}
