// Engagement monitoring (seed 004 items 11 and 13): scores against organisational and content criteria, and
// the level at the band boundaries — at least 75 % of the maximum is high, at least 50 % medium, else low.
import { describe, expect, it } from 'vitest';
import {
  criterionGroupLabels,
  defaultEngagementCriteria,
  type EngagementCriterion,
  type EngagementLevel,
  engagementBands,
  engagementLevelLabels,
  engagementResult,
  scoreProblems,
} from './engagement.ts';

const c = (key: string, group: EngagementCriterion['group'], max: number): EngagementCriterion => ({
  key,
  group,
  text: `Критерий ${key}`,
  max,
});

describe('the default criteria', () => {
  it('five organisational (8 points) and five content criteria (10 points), 18 in all', () => {
    const sum = (g: string) => defaultEngagementCriteria.filter((x) => x.group === g).reduce((s, x) => s + x.max, 0);
    expect(defaultEngagementCriteria).toHaveLength(10);
    expect(sum('organisational')).toBe(8);
    expect(sum('content')).toBe(10);
    expect(new Set(defaultEngagementCriteria.map((x) => x.key)).size).toBe(10);
  });
  it('bands and labels', () => {
    expect(engagementBands).toEqual({ high: 75, medium: 50 });
    expect(engagementLevelLabels).toEqual({ high: 'высокий', medium: 'средний', low: 'низкий' });
    expect(criterionGroupLabels).toEqual({
      organisational: 'Организационные критерии',
      content: 'Содержательные критерии',
    });
  });
});

describe('engagementResult at the band boundaries', () => {
  // Two criteria worth 40 + 60 = 100, so the score is the percentage.
  const hundred = [c('a', 'organisational', 40), c('b', 'content', 60)];
  // [a, b, total %, level]
  const rows: [number, number, number, EngagementLevel][] = [
    [40, 60, 100, 'high'],
    [40, 36, 76, 'high'],
    [30, 45, 75, 'high'], // exactly 75 %
    [30, 44, 74, 'medium'], // just below
    [20, 31, 51, 'medium'],
    [20, 30, 50, 'medium'], // exactly 50 %
    [20, 29, 49, 'low'], // just below
    [0, 1, 1, 'low'],
    [0, 0, 0, 'low'],
  ];
  it.each(rows)('%i + %i of 100 = %i %% → %s', (a, b, percent, level) => {
    const r = engagementResult(hundred, { a, b });
    expect(r.total).toEqual({ score: a + b, max: 100, percent });
    expect(r.level).toBe(level);
  });

  // Shares that are not whole percentages: compared exactly, never rounded.
  // [criteria maxima, score, level, share]
  const exact: [number[], number, EngagementLevel, string][] = [
    [[4], 3, 'high', '3 of 4 = 75 %'],
    [[4], 2, 'medium', '2 of 4 = 50 %'],
    [[4], 1, 'low', '1 of 4 = 25 %'],
    [[3], 2, 'medium', '2 of 3 = 66,7 %'],
    [[3], 3, 'high', '3 of 3'],
    [[7], 5, 'medium', '5 of 7 = 71,4 %'],
    [[7], 6, 'high', '6 of 7 = 85,7 %'],
    [[7], 4, 'medium', '4 of 7 = 57,1 %'],
    [[7], 3, 'low', '3 of 7 = 42,9 %'],
    [[399, 1], 299, 'medium', '299 of 400 = 74,75 %'], // would be «75 %» rounded to a whole percent
    [[399, 1], 300, 'high', '300 of 400 = 75 %'],
    [[399, 1], 199, 'low', '199 of 400 = 49,75 %'],
    [[399, 1], 200, 'medium', '200 of 400 = 50 %'],
  ];
  it.each(exact)('maxima %o, score %i → %s (%s)', (maxima, score, level) => {
    const criteria = maxima.map((max, i) => c(`k${i}`, 'content', max));
    expect(engagementResult(criteria, { k0: score }).level).toBe(level);
  });

  // The default 18 points: 75 % is 13,5, 50 % is 9.
  const d = {
    responsible: 1,
    roadmap: 2,
    meetings: 1,
    reporting: 2,
    'web-page': 0,
    'on-time': 3,
    training: 2,
    methodical: 2,
    students: 1,
    parents: 0,
  };
  const defaults: [string, Record<string, number>, number, EngagementLevel][] = [
    ['everything at the maximum', Object.fromEntries(defaultEngagementCriteria.map((x) => [x.key, x.max])), 18, 'high'],
    ['14 of 18 = 77,8 %', d, 14, 'high'],
    ['13 of 18 = 72,2 %', { ...d, training: 1 }, 13, 'medium'],
    ['9 of 18 = 50 %', { ...d, meetings: 0, reporting: 1, 'on-time': 2, training: 1, methodical: 1 }, 9, 'medium'],
    [
      '8 of 18 = 44,4 %',
      { ...d, meetings: 0, reporting: 1, 'on-time': 2, training: 1, methodical: 1, students: 0 },
      8,
      'low',
    ],
  ];
  it.each(defaults)('default criteria: %s', (_what, scores, total, level) => {
    const r = engagementResult(defaultEngagementCriteria, scores);
    expect(r.total.score).toBe(total);
    expect(r.level).toBe(level);
    expect(r.missing).toEqual([]);
  });

  it('the groups and the rule for 14 of 18', () => {
    expect(engagementResult(defaultEngagementCriteria, d)).toEqual({
      organisational: { score: 6, max: 8, percent: 75 },
      content: { score: 8, max: 10, percent: 80 },
      total: { score: 14, max: 18, percent: (14 * 100) / 18 },
      level: 'high',
      rule: 'Набрано 14 из 18 баллов; высокий уровень — от 75 % максимума, средний — от 50 %.',
      missing: [],
    });
  });

  it('a group without criteria has 0 of 0, 0 %', () => {
    const r = engagementResult([c('a', 'organisational', 2)], { a: 2 });
    expect(r.content).toEqual({ score: 0, max: 0, percent: 0 });
    expect(r.organisational).toEqual({ score: 2, max: 2, percent: 100 });
    expect(r.level).toBe('high');
  });

  // «из N баллов»: the noun agrees with the maximum — «из 1 балла», «из 21 балла», «из 4 баллов».
  const rule = (n: number, max: number, noun: string) =>
    `Набрано ${n} из ${max} ${noun}; высокий уровень — от 75 % максимума, средний — от 50 %.`;
  const maxima: [number, string][] = [
    [1, 'балла'],
    [4, 'баллов'],
    [5, 'баллов'],
    [11, 'баллов'],
    [18, 'баллов'],
    [21, 'балла'],
  ];
  for (const [max, noun] of maxima)
    it(`the rule says «из ${max} ${noun}»`, () => {
      expect(engagementResult([c('a', 'content', max)], { a: 1 }).rule).toBe(rule(1, max, noun));
    });
});

describe('missing criteria', () => {
  it('nothing scored yet: every criterion is missing, in order, and the level is low', () => {
    const r = engagementResult(defaultEngagementCriteria, {});
    expect(r.missing).toEqual(defaultEngagementCriteria.map((x) => x.text));
    expect(r.total).toEqual({ score: 0, max: 18, percent: 0 });
    expect(r.level).toBe('low');
  });
  it('a zero is a score, not a gap; unscored criteria count as 0', () => {
    const r = engagementResult(defaultEngagementCriteria, { responsible: 0, roadmap: 2, 'on-time': 3 });
    expect(r.missing).toEqual([
      'Участие в совещаниях и вебинарах регионального координатора',
      'Отчётность о ходе реализации представлена в срок',
      'Ведётся страница проекта на сайте',
      'Педагоги участвуют в обучающих мероприятиях и курсах',
      'Организовано методическое сопровождение учителей-предметников',
      'Ведётся работа с обучающимися с рисками учебной неуспешности',
      'Организовано взаимодействие с родителями',
    ]);
    expect(r.total.score).toBe(5);
    expect(r.level).toBe('low');
  });
  it('scores of criteria outside the monitoring are not counted', () => {
    const r = engagementResult([c('a', 'content', 4)], { a: 2, other: 100 });
    expect(r.total).toEqual({ score: 2, max: 4, percent: 50 });
    expect(r.missing).toEqual([]);
  });
});

describe('scoreProblems', () => {
  const R = '«Назначены ответственные за реализацию проекта»: балл должен быть целым числом от 0 до 1.';
  const T = '«Мероприятия дорожной карты исполняются в установленные сроки»: балл должен быть целым числом от 0 до 3.';
  const M = '«Дорожная карта разработана и утверждена»: балл должен быть целым числом от 0 до 2.';
  // [case, scores, problems]
  const rows: [string, Record<string, number>, string[]][] = [
    ['nothing entered', {}, []],
    ['0 and the maximum are allowed', { responsible: 0, 'on-time': 3, roadmap: 2 }, []],
    ['above the maximum', { responsible: 2 }, [R]],
    ['negative', { 'on-time': -1 }, [T]],
    ['a fraction', { roadmap: 1.5 }, [M]],
    ['not a number', { roadmap: Number.NaN }, [M]],
    ['infinity', { roadmap: Number.POSITIVE_INFINITY }, [M]],
    ['an unknown criterion', { unknown: 1 }, ['Критерий «unknown» не входит в этот мониторинг.']],
    [
      'several problems, in the order entered',
      { unknown: 1, 'on-time': 4, responsible: 1, roadmap: -2 },
      ['Критерий «unknown» не входит в этот мониторинг.', T, M],
    ],
  ];
  it.each(rows)('%s', (_what, scores, problems) => {
    expect(scoreProblems(defaultEngagementCriteria, scores)).toEqual(problems);
  });
  it('a region’s own criteria: their own maxima', () => {
    expect(scoreProblems([c('x', 'content', 5)], { x: 5 })).toEqual([]);
    expect(scoreProblems([c('x', 'content', 5)], { x: 6 })).toEqual([
      '«Критерий x»: балл должен быть целым числом от 0 до 5.',
    ]);
  });
});
