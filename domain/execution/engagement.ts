import { plural } from '../plural.ts';

// Engagement monitoring (seed 004 items 11 and 13): municipalities and schools scored against organisational
// and content criteria. The criteria are data a region may change per round; these are the defaults Опора
// offers, written after what seed 004's plan asks of municipalities and schools.

export type CriterionGroup = 'organisational' | 'content';
export const criterionGroupLabels: Record<CriterionGroup, string> = {
  organisational: 'Организационные критерии',
  content: 'Содержательные критерии',
};

export interface EngagementCriterion {
  key: string;
  group: CriterionGroup;
  text: string;
  /** Highest score; scores are whole numbers from 0. */
  max: number;
}

export const defaultEngagementCriteria: EngagementCriterion[] = [
  { key: 'responsible', group: 'organisational', text: 'Назначены ответственные за реализацию проекта', max: 1 },
  { key: 'roadmap', group: 'organisational', text: 'Дорожная карта разработана и утверждена', max: 2 },
  {
    key: 'meetings',
    group: 'organisational',
    text: 'Участие в совещаниях и вебинарах регионального координатора',
    max: 2,
  },
  { key: 'reporting', group: 'organisational', text: 'Отчётность о ходе реализации представлена в срок', max: 2 },
  { key: 'web-page', group: 'organisational', text: 'Ведётся страница проекта на сайте', max: 1 },
  { key: 'on-time', group: 'content', text: 'Мероприятия дорожной карты исполняются в установленные сроки', max: 3 },
  { key: 'training', group: 'content', text: 'Педагоги участвуют в обучающих мероприятиях и курсах', max: 2 },
  {
    key: 'methodical',
    group: 'content',
    text: 'Организовано методическое сопровождение учителей-предметников',
    max: 2,
  },
  { key: 'students', group: 'content', text: 'Ведётся работа с обучающимися с рисками учебной неуспешности', max: 2 },
  { key: 'parents', group: 'content', text: 'Организовано взаимодействие с родителями', max: 1 },
];

export type EngagementLevel = 'high' | 'medium' | 'low';
export const engagementLevelLabels: Record<EngagementLevel, string> = {
  high: 'высокий',
  medium: 'средний',
  low: 'низкий',
};

export interface GroupScore {
  score: number;
  max: number;
  percent: number;
}

export interface EngagementResult {
  organisational: GroupScore;
  content: GroupScore;
  total: GroupScore;
  level: EngagementLevel;
  /** How the level follows from the total, in Russian. */
  rule: string;
  /** Criteria not scored yet. */
  missing: string[];
}

/** Score bands of the level: at least 75 % of the maximum is high, at least 50 % medium, else low. */
export const engagementBands = { high: 75, medium: 50 } as const;

function group(criteria: readonly EngagementCriterion[], scores: Record<string, number>): GroupScore {
  const max = criteria.reduce((s, c) => s + c.max, 0);
  const score = criteria.reduce((s, c) => s + (scores[c.key] ?? 0), 0);
  return { score, max, percent: max > 0 ? (score * 100) / max : 0 };
}

/** Problems with entered scores (unknown criteria, out of range, not whole), in Russian. */
export function scoreProblems(criteria: readonly EngagementCriterion[], scores: Record<string, number>): string[] {
  const known = new Map(criteria.map((c) => [c.key, c]));
  const problems: string[] = [];
  for (const [key, value] of Object.entries(scores)) {
    const c = known.get(key);
    if (!c) problems.push(`Критерий «${key}» не входит в этот мониторинг.`);
    else if (!Number.isInteger(value) || value < 0 || value > c.max)
      problems.push(`«${c.text}»: балл должен быть целым числом от 0 до ${c.max}.`);
  }
  return problems;
}

export function engagementResult(
  criteria: readonly EngagementCriterion[],
  scores: Record<string, number>,
): EngagementResult {
  const total = group(criteria, scores);
  // Exact in integers: score × 100 ≥ band × max.
  const level: EngagementLevel =
    total.max === 0
      ? 'low'
      : total.score * 100 >= engagementBands.high * total.max
        ? 'high'
        : total.score * 100 >= engagementBands.medium * total.max
          ? 'medium'
          : 'low';
  return {
    organisational: group(
      criteria.filter((c) => c.group === 'organisational'),
      scores,
    ),
    content: group(
      criteria.filter((c) => c.group === 'content'),
      scores,
    ),
    total,
    level,
    rule: `Набрано ${total.score} из ${total.max} ${plural(total.max, ['балла', 'баллов', 'баллов'])}; высокий уровень — от ${engagementBands.high} % максимума, средний — от ${engagementBands.medium} %.`,
    missing: criteria.filter((c) => scores[c.key] === undefined).map((c) => c.text),
  };
}
