// The scoring model as data: question → indicator → factor → level. Every answer becomes a risk score from 0
// (no risk) to 100; an indicator is the weighted mean of its questions' scores over the school's respondents;
// a factor the weighted mean of its indicators; its level is high or medium from its thresholds, low below.
// Arithmetic is exact (fractions of integers), so a value on a threshold is on it, and every level says how
// it was reached.

export const respondentGroups = ['director', 'teacher', 'student', 'parent'] as const;
export type RespondentGroup = (typeof respondentGroups)[number];
export const respondentGroupLabels: Record<RespondentGroup, string> = {
  director: 'руководитель',
  teacher: 'учитель',
  student: 'обучающийся',
  parent: 'родитель',
};

export type QuestionType = 'single' | 'multiple' | 'scale' | 'number' | 'text';

export interface QuestionOption {
  key: string;
  text: string;
  /** Risk of choosing it, 0–100. */
  score: number;
}

export interface Question {
  key: string;
  group: RespondentGroup;
  type: QuestionType;
  text: string;
  options?: QuestionOption[];
  /** A scale from min to max; `riskAt` says which end is the risky one. */
  scale?: { min: number; max: number; riskAt: 'min' | 'max' };
  /** A number's risk by steps: the first step whose `upTo` holds the value gives its score; above all, the last. */
  steps?: { upTo: number; score: number }[];
}

export interface IndicatorRule {
  key: string;
  title: string;
  questions: { question: string; weight: number }[];
}

export interface FactorRule {
  factor: string;
  indicators: { indicator: string; weight: number }[];
  /** The level is high from `high` up, medium from `medium` up, low below (0–100). */
  high: number;
  medium: number;
}

export interface ScoringModel {
  indicators: IndicatorRule[];
  factors: FactorRule[];
}

export type Answer = string | string[] | number;
/** One respondent's answers by question key. */
export type Answers = Record<string, Answer | undefined>;

export type RiskLevel = 'high' | 'medium' | 'low' | 'no-data';
export const riskLevelLabels: Record<RiskLevel, string> = {
  high: 'высокий',
  medium: 'средний',
  low: 'низкий',
  'no-data': 'нет данных',
};

// ——— exact fractions

interface Fraction {
  n: number;
  d: number;
}
const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b));
const frac = (n: number, d = 1): Fraction => {
  const g = gcd(n, d) || 1;
  return d < 0 ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
/** A decimal as written (62.5) as a fraction (125/2): thresholds and weights are compared exactly. */
export function decimal(x: number): Fraction {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  let d = 1;
  while (!Number.isInteger(x * d) && d < 1e9) d *= 10;
  return frac(Math.round(x * d), d);
}
const add = (a: Fraction, b: Fraction) => frac(a.n * b.d + b.n * a.d, a.d * b.d);
const mul = (a: Fraction, b: Fraction) => frac(a.n * b.n, a.d * b.d);
const div = (a: Fraction, b: Fraction) => frac(a.n * b.d, a.d * b.n);
const atLeast = (a: Fraction, b: Fraction) => a.n * b.d >= b.n * a.d;
const toNumber = (a: Fraction) => a.n / a.d;

/** The risk score of one answer, or null when it carries none (a text, an answer the question does not know). */
export function answerScore(q: Question, a: Answer | undefined): Fraction | null {
  if (a === undefined || a === '' || (Array.isArray(a) && a.length === 0 && q.type !== 'multiple')) return null;
  switch (q.type) {
    case 'single': {
      const o = q.options?.find((x) => x.key === a);
      return o ? decimal(o.score) : null;
    }
    case 'multiple': {
      if (!Array.isArray(a)) return null;
      const chosen = (q.options ?? []).filter((o) => a.includes(o.key));
      const sum = chosen.reduce((s, o) => add(s, decimal(o.score)), frac(0));
      return atLeast(sum, frac(100)) ? frac(100) : sum;
    }
    case 'scale': {
      if (typeof a !== 'number' || !q.scale) return null;
      const { min, max, riskAt } = q.scale;
      if (a < min || a > max || max === min) return null;
      const fromRisky = riskAt === 'min' ? decimal(max - a) : decimal(a - min);
      return mul(div(fromRisky, decimal(max - min)), frac(100));
    }
    case 'number': {
      if (typeof a !== 'number' || !q.steps?.length) return null;
      const step = q.steps.find((s) => atLeast(decimal(s.upTo), decimal(a))) ?? q.steps.at(-1)!;
      return decimal(step.score);
    }
    case 'text':
      return null;
  }
}

export interface QuestionPart {
  question: string;
  text: string;
  weight: number;
  /** Mean score over the respondents who answered; null when none did. */
  score: number | null;
  answered: number;
}
export interface IndicatorResult {
  key: string;
  title: string;
  weight: number;
  value: number | null;
  questions: QuestionPart[];
}
export interface FactorResult {
  factor: string;
  value: number | null;
  level: RiskLevel;
  high: number;
  medium: number;
  indicators: IndicatorResult[];
  /** In Russian: the value, the thresholds and what it is made of. */
  explanation: string;
}

const weightedMean = (parts: { value: Fraction; weight: number }[]): Fraction | null => {
  const total = parts.reduce((s, p) => add(s, decimal(p.weight)), frac(0));
  if (parts.length === 0 || total.n === 0) return null;
  return div(
    parts.reduce((s, p) => add(s, mul(p.value, decimal(p.weight))), frac(0)),
    total,
  );
};

/** A value for people: one decimal place, comma («62,5»). */
export const scoreText = (v: number): string => (Math.round(v * 10) / 10).toString().replace('.', ',');

/** The level of a value against a factor's thresholds (exactly: 60 is high when high is 60). */
export function levelOf(value: Fraction, rule: Pick<FactorRule, 'high' | 'medium'>): RiskLevel {
  if (atLeast(value, decimal(rule.high))) return 'high';
  if (atLeast(value, decimal(rule.medium))) return 'medium';
  return 'low';
}

/**
 * Scores one school: its respondents' answers (of every group) through the model to each factor's level,
 * with the numbers behind it. Factor titles come from the catalogue.
 */
export function scoreSchool(
  model: ScoringModel,
  questions: readonly Question[],
  respondents: readonly Answers[],
  titles: Record<string, string>,
): FactorResult[] {
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const questionMean = (key: string): { score: Fraction | null; answered: number } => {
    const q = byKey.get(key);
    if (!q) return { score: null, answered: 0 };
    const scores = respondents.map((r) => answerScore(q, r[key])).filter((s): s is Fraction => s !== null);
    if (scores.length === 0) return { score: null, answered: 0 };
    return { score: div(scores.reduce(add, frac(0)), frac(scores.length)), answered: scores.length };
  };
  const indicatorValue = new Map<string, { value: Fraction | null; result: Omit<IndicatorResult, 'weight'> }>();
  for (const ind of model.indicators) {
    const parts = ind.questions.map((x) => ({ ...x, ...questionMean(x.question) }));
    const value = weightedMean(parts.flatMap((p) => (p.score ? [{ value: p.score, weight: p.weight }] : [])));
    indicatorValue.set(ind.key, {
      value,
      result: {
        key: ind.key,
        title: ind.title,
        value: value ? toNumber(value) : null,
        questions: parts.map((p) => ({
          question: p.question,
          text: byKey.get(p.question)?.text ?? p.question,
          weight: p.weight,
          score: p.score ? toNumber(p.score) : null,
          answered: p.answered,
        })),
      },
    });
  }
  return model.factors.map((f) => {
    const parts = f.indicators.map((x) => ({ ...x, ...indicatorValue.get(x.indicator) }));
    const value = weightedMean(parts.flatMap((p) => (p.value ? [{ value: p.value, weight: p.weight }] : [])));
    const level: RiskLevel = value ? levelOf(value, f) : 'no-data';
    const indicators: IndicatorResult[] = parts.flatMap((p) => (p.result ? [{ ...p.result, weight: p.weight }] : []));
    const title = titles[f.factor] ?? f.factor;
    const made = indicators
      .map(
        (i) =>
          `«${i.title}» — ${i.value === null ? 'нет ответов' : scoreText(i.value)}${indicators.length > 1 ? ` (вес ${scoreText(i.weight)})` : ''}`,
      )
      .join('; ');
    const explanation =
      value === null
        ? `«${title}»: нет ответов на вопросы фактора — уровень не определён.`
        : `«${title}»: ${scoreText(toNumber(value))} из 100 — ${riskLevelLabels[level]} риск (высокий — от ${scoreText(f.high)}, средний — от ${scoreText(f.medium)}). Показатели: ${made}.`;
    return {
      factor: f.factor,
      value: value ? toNumber(value) : null,
      level,
      high: f.high,
      medium: f.medium,
      indicators,
      explanation,
    };
  });
}

/** Problems of a model as data, in Russian with their place: unknown questions, factors, bad thresholds. */
export function checkModel(
  model: ScoringModel,
  questions: readonly Question[],
  factorKeys: readonly string[],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const q = new Set(questions.map((x) => x.key));
  const ind = new Set(model.indicators.map((x) => x.key));
  for (const [n, i] of model.indicators.entries())
    for (const [m, x] of i.questions.entries()) {
      if (!q.has(x.question))
        problems.push({
          path: `indicators[${n}].questions[${m}]`,
          message: `Вопрос «${x.question}» не найден в анкетах.`,
        });
      if (!(x.weight > 0))
        problems.push({ path: `indicators[${n}].questions[${m}].weight`, message: 'Вес должен быть больше нуля.' });
    }
  model.factors.forEach((f, n) => {
    if (!factorKeys.includes(f.factor))
      problems.push({ path: `factors[${n}].factor`, message: `Фактора «${f.factor}» нет в каталоге.` });
    if (!(f.medium >= 0 && f.medium <= f.high && f.high <= 100))
      problems.push({
        path: `factors[${n}]`,
        message: 'Пороги: 0 ≤ средний ≤ высокий ≤ 100.',
      });
    f.indicators.forEach((x, m) => {
      if (!ind.has(x.indicator))
        problems.push({ path: `factors[${n}].indicators[${m}]`, message: `Показатель «${x.indicator}» не определён.` });
      if (!(x.weight > 0))
        problems.push({ path: `factors[${n}].indicators[${m}].weight`, message: 'Вес должен быть больше нуля.' });
    });
  });
  return problems;
}
