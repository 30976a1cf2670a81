// Identification of low-results schools: applies a methodology to a region's assessment results and
// explains every decision with the numbers behind it. Pure: the results, the schools, the methodology,
// the run year and the previous approved list are all parameters.

import {
  type Condition,
  formatPercent,
  type MethodologyDefinition,
  meets,
  type Procedure,
  procedureKey,
  procedureLabel,
  resolveYear,
  type Threshold,
  thresholdWords,
} from './methodology.ts';
import type { GiaResult, IdentificationSchool, ResultsByKind, VprResult } from './results.ts';

/** One number behind a decision: a procedure's result in a year against its threshold. */
export interface ProcedureYear {
  procedure: string;
  year: number;
  participants: number;
  /** «2» for ВПР, below the minimum for ОГЭ and ЕГЭ. */
  count: number;
  share: number;
  low: boolean;
}

export type ReasonKind = 'rule' | 'low-procedure' | 'red-zone' | 'objectivity-gap';

export interface Reason {
  kind: ReasonKind;
  /** The explanation as a coordinator reads it. */
  text: string;
  category?: number;
  rule?: string;
  procedure?: string;
  year?: number;
  count?: number;
  participants?: number;
  share?: number;
  threshold?: string;
}

export interface SchoolVerdict {
  code: string;
  name: string;
  type: string;
  municipality: string;
  /** The category of the first rule the school satisfies; null when it is not listed. */
  category: number | null;
  rule: string | null;
  /** Procedures counted by the methodology's first «low procedures» condition. */
  lowProcedures: number;
  redZone: boolean;
  objectivityGap: boolean;
  /** The gap of the run year in percent, or null without comparisons. */
  objectivityShare: number | null;
  hasResults: boolean;
  /** Listed in the previous approved list (with that category), or null. */
  previousCategory: number | null;
  inPreviousList: boolean;
  reasons: Reason[];
  /** Every procedure of the methodology in every year the rules look at: the full table for the explanation. */
  evidence: ProcedureYear[];
}

export interface GroupTotal {
  key: string;
  schools: number;
  listed: number;
  byCategory: Record<string, number>;
  share: number;
}

export interface IdentificationTotals {
  schools: number;
  listed: number;
  byCategory: Record<string, number>;
  /** Share of listed schools among all schools of the region, % (seed 000, target indicator 2). */
  share: number;
  municipalities: number;
  municipalitiesWithListed: number;
  /** Share of municipalities having listed schools, % (seed 000, target indicator 1). */
  municipalitiesShare: number;
  redZone: number;
  objectivityGap: number;
  withoutResults: number;
  byType: GroupTotal[];
  byMunicipality: GroupTotal[];
}

export interface ListDifference {
  added: string[];
  removed: string[];
  categoryChanged: { code: string; from: number | null; to: number | null }[];
  repeated: string[];
}

export interface IdentificationOutcome {
  year: number;
  years: number[];
  schools: SchoolVerdict[];
  totals: IdentificationTotals;
  difference: ListDifference | null;
}

export interface IdentificationInput {
  schools: readonly IdentificationSchool[];
  results: ResultsByKind;
  methodology: MethodologyDefinition;
  /** The run year Y; by default the most recent year of the results. */
  year?: number;
  /** The previous approved list: school code → category. */
  previous?: ReadonlyMap<string, number | null>;
}

interface SchoolResults {
  vpr: Map<string, VprResult>;
  vprByYear: Map<number, VprResult[]>;
  gia: Map<string, GiaResult>;
  journal: Map<number, { participants: number; lowered: number; raised: number }>;
}

// Rows are found by the procedure's key and the year: «ВПР|subject|grade|year», «exam|subject|year».
const vprKey = (subject: string, grade: number, year: number) => `ВПР|${subject}|${grade}|${year}`;
const giaKey = (exam: string, subject: string, year: number) => `${exam}|${subject}|${year}`;

/**
 * A procedure of the methodology with what every school's lookups need, worked out once per run rather than once
 * per school: its label, its threshold, and the key of its rows in each year.
 */
interface PreparedProcedure {
  procedure: Procedure;
  index: number;
  label: string;
  threshold: Threshold;
  key: string;
  keyByYear: Map<number, string>;
}

/** The methodology as a run applies it to every school. */
interface Run {
  d: MethodologyDefinition;
  procedures: PreparedProcedure[];
  /** ВПР subjects and grades the red zone looks at, or null for every ВПР result. */
  redZoneAllowed: Set<string> | null;
  counting: Extract<Condition, { kind: 'low-procedures' }>;
}

function prepareRun(d: MethodologyDefinition): Run {
  return {
    d,
    procedures: d.procedures.map((procedure, index) => ({
      procedure,
      index,
      label: procedureLabel(procedure),
      threshold: procedure.source === 'vpr' ? d.lowResult.vpr : d.lowResult.gia,
      key: procedureKey(procedure),
      keyByYear: new Map(),
    })),
    redZoneAllowed:
      d.redZone.scope === 'procedures'
        ? new Set(d.procedures.filter((p) => p.source === 'vpr').map((p) => `${p.subject}|${p.grade}`))
        : null,
    counting: countingCondition(d),
  };
}

/** The key of the procedure's row in a year (vprKey, giaKey), made once per run. */
function rowKey(p: PreparedProcedure, year: number): string {
  let key = p.keyByYear.get(year);
  if (key === undefined) {
    key = `${p.key}|${year}`;
    p.keyByYear.set(year, key);
  }
  return key;
}

function indexResults(results: ResultsByKind): Map<string, SchoolResults> {
  const bySchool = new Map<string, SchoolResults>();
  const of = (code: string) => {
    let s = bySchool.get(code);
    if (!s) {
      s = { vpr: new Map(), vprByYear: new Map(), gia: new Map(), journal: new Map() };
      bySchool.set(code, s);
    }
    return s;
  };
  for (const r of results.vpr) {
    const s = of(r.schoolCode);
    s.vpr.set(vprKey(r.subject, r.grade, r.year), r);
    const list = s.vprByYear.get(r.year);
    if (list) list.push(r);
    else s.vprByYear.set(r.year, [r]);
  }
  for (const r of results.gia) of(r.schoolCode).gia.set(giaKey(r.exam, r.subject, r.year), r);
  // Seed 003 measures the gap over the school's comparisons pooled together, not subject by subject.
  for (const r of results.journal) {
    const s = of(r.schoolCode);
    const j = s.journal.get(r.year) ?? { participants: 0, lowered: 0, raised: 0 };
    j.participants += r.participants;
    j.lowered += r.lowered;
    j.raised += r.raised;
    s.journal.set(r.year, j);
  }
  return bySchool;
}

export function resultYears(results: ResultsByKind): number[] {
  const years = new Set<number>();
  for (const list of [results.vpr, results.gia, results.journal]) for (const r of list) years.add(r.year);
  return [...years].sort((a, b) => a - b);
}

const share = (count: number, total: number) => (total > 0 ? (count * 100) / total : 0);
const round1 = (n: number) => Math.round(n * 10) / 10;

function procedureYear(p: PreparedProcedure, year: number, s: SchoolResults | undefined): ProcedureYear | null {
  if (!s) return null;
  const key = rowKey(p, year);
  let participants: number;
  let count: number;
  if (p.procedure.source === 'vpr') {
    const r = s.vpr.get(key);
    if (!r) return null;
    participants = r.participants;
    count = r.n2;
  } else {
    const r = s.gia.get(key);
    if (!r) return null;
    participants = r.participants;
    count = r.belowMin;
  }
  return {
    procedure: p.label,
    year,
    participants,
    count,
    share: round1(share(count, participants)),
    low: meets(count, participants, p.threshold),
  };
}

function lowReason(e: ProcedureYear, p: Procedure, t: Threshold): Reason {
  const what = p.source === 'vpr' ? '«2» получили' : 'не преодолели минимальный порог';
  return {
    kind: 'low-procedure',
    procedure: e.procedure,
    year: e.year,
    count: e.count,
    participants: e.participants,
    share: e.share,
    threshold: thresholdWords(t),
    text: `${e.procedure}, ${e.year}: ${what} ${e.count} из ${e.participants} участников — ${formatPercent(e.share)} % (порог: ${thresholdWords(t)}).`,
  };
}

interface ConditionResult {
  holds: boolean;
  count?: number;
  reasons: Reason[];
}

/** A school's procedure results by procedure and year, each computed once however many conditions look at it. */
type EvidenceCache = (Map<number, ProcedureYear | null> | undefined)[];

function evaluate(
  c: Condition,
  runYear: number,
  s: SchoolResults | undefined,
  run: Run,
  evidence: EvidenceCache,
): ConditionResult {
  switch (c.kind) {
    case 'low-procedures': {
      const years = c.years.map((y) => resolveYear(y, runYear));
      const reasons: Reason[] = [];
      let count = 0;
      for (const p of run.procedures) {
        let low = 0;
        for (const y of years) if (evidenceOf(p, y, s, evidence)?.low === true) low++;
        const counted = c.yearsMode === 'each' ? low === years.length : low > 0;
        if (!counted) continue;
        count++;
        for (const y of years) {
          const r = evidenceOf(p, y, s, evidence);
          if (r?.low === true) reasons.push(lowReason(r, p.procedure, p.threshold));
        }
      }
      const holds = count >= c.min && (c.max === undefined || count <= c.max);
      return { holds, count, reasons };
    }
    case 'red-zone':
      return redZoneOf(resolveYear(c.year, runYear), s, run);
    case 'objectivity-gap':
      return objectivityOf(resolveYear(c.year, runYear), s, run.d);
  }
}

function evidenceOf(
  p: PreparedProcedure,
  year: number,
  s: SchoolResults | undefined,
  cache: EvidenceCache,
): ProcedureYear | null {
  let byYear = cache[p.index];
  if (!byYear) {
    byYear = new Map();
    cache[p.index] = byYear;
  }
  let e = byYear.get(year);
  if (e === undefined) {
    e = procedureYear(p, year, s);
    byYear.set(year, e);
  }
  return e;
}

function redZoneOf(year: number, s: SchoolResults | undefined, run: Run): ConditionResult {
  const { share2, share5 } = run.d.redZone;
  const allowed = run.redZoneAllowed;
  const reasons: Reason[] = [];
  for (const r of s?.vprByYear.get(year) ?? []) {
    if (allowed && !allowed.has(`${r.subject}|${r.grade}`)) continue;
    if (!meets(r.n2, r.participants, share2) || !meets(r.n5, r.participants, share5)) continue;
    const procedure = procedureLabel({ source: 'vpr', subject: r.subject, grade: r.grade });
    const s2 = round1(share(r.n2, r.participants));
    const s5 = round1(share(r.n5, r.participants));
    reasons.push({
      kind: 'red-zone',
      procedure,
      year,
      count: r.n2,
      participants: r.participants,
      share: s2,
      threshold: `«2» ${thresholdWords(share2)}, «5» ${thresholdWords(share5)}`,
      text: `Красная зона, ${year}: ${procedure} — «2» у ${r.n2} из ${r.participants} (${formatPercent(s2)} %, порог: ${thresholdWords(share2)}), «5» у ${r.n5} из ${r.participants} (${formatPercent(s5)} %, порог: ${thresholdWords(share5)}).`,
    });
  }
  return { holds: reasons.length > 0, reasons };
}

function objectivityOf(year: number, s: SchoolResults | undefined, d: MethodologyDefinition): ConditionResult {
  const j = s?.journal.get(year);
  if (!j || !meets(j.lowered + j.raised, j.participants, d.objectivity.gap)) return { holds: false, reasons: [] };
  const differ = j.lowered + j.raised;
  const value = round1(share(differ, j.participants));
  return {
    holds: true,
    reasons: [
      {
        kind: 'objectivity-gap',
        year,
        count: differ,
        participants: j.participants,
        share: value,
        threshold: thresholdWords(d.objectivity.gap),
        text: `Необъективность, ${year}: отметки ВПР расходятся с отметками журнала у ${differ} из ${j.participants} участников — ${formatPercent(value)} % (порог: ${thresholdWords(d.objectivity.gap)}); понизили ${j.lowered}, повысили ${j.raised}.`,
      },
    ],
  };
}

/** Years the rules of a definition look at, for a run year. */
export function yearsOfRules(d: MethodologyDefinition, runYear: number): number[] {
  const years = new Set<number>();
  for (const rule of d.rules)
    for (const c of rule.conditions) {
      if (c.kind === 'low-procedures') for (const y of c.years) years.add(resolveYear(y, runYear));
      else years.add(resolveYear(c.year, runYear));
    }
  return [...years].sort((a, b) => a - b);
}

/** The condition whose count is reported as «lowProcedures»: the first one of the rules, or low in Y. */
function countingCondition(d: MethodologyDefinition): Extract<Condition, { kind: 'low-procedures' }> {
  for (const rule of d.rules) for (const c of rule.conditions) if (c.kind === 'low-procedures') return c;
  return { kind: 'low-procedures', years: [{ offset: 0 }], yearsMode: 'each', min: 1 };
}

function judge(
  school: IdentificationSchool,
  s: SchoolResults | undefined,
  run: Run,
  runYear: number,
  ruleYears: number[],
  previous: ReadonlyMap<string, number | null> | undefined,
): SchoolVerdict {
  const cache: EvidenceCache = [];
  let category: number | null = null;
  let rule: string | null = null;
  const reasons: Reason[] = [];
  for (const r of run.d.rules) {
    const results = r.conditions.map((c) => evaluate(c, runYear, s, run, cache));
    if (!results.every((x) => x.holds)) continue;
    category = r.category;
    rule = r.label;
    reasons.push({ kind: 'rule', category, rule, text: `Категория ${category}: ${r.label.replace(/\.$/, '')}.` });
    const seen = new Set<string>();
    for (const x of results)
      for (const reason of x.reasons) {
        if (seen.has(reason.text)) continue;
        seen.add(reason.text);
        reasons.push(reason);
      }
    break;
  }
  const counting = evaluate(run.counting, runYear, s, run, cache);
  const red = redZoneOf(runYear, s, run);
  const gap = objectivityOf(runYear, s, run.d);
  // The red zone and the objectivity gap of year Y are reported for every school, whatever the rules.
  for (const flag of [red, gap])
    for (const reason of flag.reasons) if (!reasons.some((x) => x.text === reason.text)) reasons.push(reason);
  const journal = s?.journal.get(runYear);
  const evidence: ProcedureYear[] = [];
  for (const p of run.procedures)
    for (const y of ruleYears) {
      const e = evidenceOf(p, y, s, cache);
      if (e) evidence.push(e);
    }
  const inPreviousList = previous?.has(school.code) ?? false;
  return {
    code: school.code,
    name: school.name,
    type: school.type,
    municipality: school.municipality,
    category,
    rule,
    lowProcedures: counting.count ?? 0,
    redZone: red.holds,
    objectivityGap: gap.holds,
    objectivityShare:
      journal && journal.participants > 0
        ? round1(share(journal.lowered + journal.raised, journal.participants))
        : null,
    hasResults: s !== undefined,
    previousCategory: previous?.get(school.code) ?? null,
    inPreviousList,
    reasons,
    evidence,
  };
}

function groupTotals(verdicts: SchoolVerdict[], keyOf: (v: SchoolVerdict) => string): GroupTotal[] {
  const groups = new Map<string, GroupTotal>();
  for (const v of verdicts) {
    const key = keyOf(v);
    const g = groups.get(key) ?? { key, schools: 0, listed: 0, byCategory: {}, share: 0 };
    g.schools++;
    if (v.category !== null) {
      g.listed++;
      g.byCategory[v.category] = (g.byCategory[v.category] ?? 0) + 1;
    }
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, share: round1(share(g.listed, g.schools)) }))
    .sort((a, b) => b.listed - a.listed || a.key.localeCompare(b.key, 'ru'));
}

export function totalsOf(verdicts: SchoolVerdict[]): IdentificationTotals {
  const listed = verdicts.filter((v) => v.category !== null);
  const byCategory: Record<string, number> = {};
  for (const v of listed) byCategory[v.category!] = (byCategory[v.category!] ?? 0) + 1;
  const municipalities = new Set(verdicts.map((v) => v.municipality));
  const withListed = new Set(listed.map((v) => v.municipality));
  return {
    schools: verdicts.length,
    listed: listed.length,
    byCategory,
    share: round1(share(listed.length, verdicts.length)),
    municipalities: municipalities.size,
    municipalitiesWithListed: withListed.size,
    municipalitiesShare: round1(share(withListed.size, municipalities.size)),
    redZone: verdicts.filter((v) => v.redZone).length,
    objectivityGap: verdicts.filter((v) => v.objectivityGap).length,
    withoutResults: verdicts.filter((v) => !v.hasResults).length,
    byType: groupTotals(verdicts, (v) => v.type),
    byMunicipality: groupTotals(verdicts, (v) => v.municipality),
  };
}

export function differenceFrom(
  verdicts: SchoolVerdict[],
  previous: ReadonlyMap<string, number | null>,
): ListDifference {
  const now = new Map(verdicts.filter((v) => v.category !== null).map((v) => [v.code, v.category]));
  const added: string[] = [];
  const repeated: string[] = [];
  const categoryChanged: ListDifference['categoryChanged'] = [];
  for (const [code, category] of now) {
    if (!previous.has(code)) added.push(code);
    else {
      repeated.push(code);
      const before = previous.get(code) ?? null;
      if (before !== category) categoryChanged.push({ code, from: before, to: category });
    }
  }
  const removed = [...previous.keys()].filter((code) => !now.has(code));
  return { added, removed, categoryChanged, repeated };
}

/** Applies the methodology to every school and explains each decision. */
export function identifySchools(input: IdentificationInput): IdentificationOutcome {
  const years = resultYears(input.results);
  const year = input.year ?? years.at(-1) ?? 0;
  const run = prepareRun(input.methodology);
  const index = indexResults(input.results);
  const ruleYears = yearsOfRules(input.methodology, year);
  const verdicts = input.schools.map((school) =>
    judge(school, index.get(school.code), run, year, ruleYears, input.previous),
  );
  return {
    year,
    years,
    schools: verdicts,
    totals: totalsOf(verdicts),
    difference: input.previous ? differenceFrom(verdicts, input.previous) : null,
  };
}
