import { describe, expect, it } from 'vitest';
import { answerScore, checkModel, decimal, levelOf, type Question, type ScoringModel, scoreSchool } from './scoring.ts';

const value = (f: { n: number; d: number } | null) => (f === null ? null : f.n / f.d);

const vacancies: Question = {
  key: 'vacancies',
  group: 'director',
  type: 'number',
  text: 'Сколько вакансий учителей в школе?',
  steps: [
    { upTo: 0, score: 0 },
    { upTo: 2, score: 50 },
    { upTo: 5, score: 80 },
  ],
};
const equipment: Question = {
  key: 'equipment',
  group: 'director',
  type: 'single',
  text: 'Обеспечены ли кабинеты компьютерами?',
  options: [
    { key: 'all', text: 'Все', score: 0 },
    { key: 'some', text: 'Часть', score: 60 },
    { key: 'none', text: 'Нет', score: 100 },
  ],
};
const lacks: Question = {
  key: 'lacks',
  group: 'teacher',
  type: 'multiple',
  text: 'Чего не хватает на уроках?',
  options: [
    { key: 'internet', text: 'Интернет', score: 40 },
    { key: 'projector', text: 'Проектор', score: 30 },
    { key: 'lab', text: 'Лаборатория', score: 50 },
  ],
};
const climate: Question = {
  key: 'climate',
  group: 'student',
  type: 'scale',
  text: 'Насколько вам комфортно в школе (1–5)?',
  scale: { min: 1, max: 5, riskAt: 'min' },
};
const comment: Question = { key: 'comment', group: 'parent', type: 'text', text: 'Ваши пожелания' };

describe('answerScore: every answer becomes a risk from 0 to 100', () => {
  it.each([
    ['single: a known option', equipment, 'some', 60],
    ['single: an unknown option carries nothing', equipment, 'other', null],
    ['multiple: the sum of the chosen', lacks, ['internet', 'projector'], 70],
    ['multiple: capped at 100', lacks, ['internet', 'projector', 'lab'], 100],
    ['multiple: none chosen is no risk', lacks, [], 0],
    ['scale: the risky end is 100', climate, 1, 100],
    ['scale: the safe end is 0', climate, 5, 0],
    ['scale: a quarter of the way', climate, 4, 25],
    ['scale: out of range carries nothing', climate, 6, null],
    ['number: on a step boundary (0 → 0)', vacancies, 0, 0],
    ['number: just above it', vacancies, 0.5, 50],
    ['number: on the next boundary (2 → 50)', vacancies, 2, 50],
    ['number: just above (3 → 80)', vacancies, 3, 80],
    ['number: above every step, the last', vacancies, 40, 80],
    ['text carries no score', comment, 'Больше кружков', null],
    ['no answer', equipment, undefined, null],
  ] as const)('%s', (_name, q, a, expected) => {
    expect(value(answerScore(q as Question, a as never))).toBe(expected);
  });
});

describe('levelOf: exact at every threshold', () => {
  const rule = { high: 60, medium: 40 };
  it.each([
    [100, 'high'],
    [60, 'high'],
    [59.9, 'medium'],
    [40, 'medium'],
    [39.99, 'low'],
    [0, 'low'],
  ] as const)('%s → %s', (v, level) => {
    expect(levelOf(decimal(v), rule)).toBe(level);
  });
  it('compares fractions exactly: two thirds of 100 is below 66.7 and at least 66.66', () => {
    const twoThirds = { n: 200, d: 3 };
    expect(levelOf(twoThirds, { high: 66.7, medium: 50 })).toBe('medium');
    expect(levelOf(twoThirds, { high: 66.66, medium: 50 })).toBe('high');
  });
  it('a medium threshold equal to the high one leaves no medium band', () => {
    expect(levelOf(decimal(50), { high: 50, medium: 50 })).toBe('high');
    expect(levelOf(decimal(49), { high: 50, medium: 50 })).toBe('low');
  });
});

describe('scoreSchool: question → indicator → factor → level, explained', () => {
  const questions = [vacancies, equipment, lacks, climate, comment];
  const model: ScoringModel = {
    indicators: [
      { key: 'staff', title: 'Вакансии', questions: [{ question: 'vacancies', weight: 1 }] },
      {
        key: 'tech',
        title: 'Оснащённость кабинетов',
        questions: [
          { question: 'equipment', weight: 2 },
          { question: 'lacks', weight: 1 },
        ],
      },
      { key: 'comfort', title: 'Комфорт учеников', questions: [{ question: 'climate', weight: 1 }] },
    ],
    factors: [
      { factor: 'staff-shortage', indicators: [{ indicator: 'staff', weight: 1 }], high: 60, medium: 40 },
      { factor: 'equipment', indicators: [{ indicator: 'tech', weight: 1 }], high: 60, medium: 40 },
      { factor: 'environment', indicators: [{ indicator: 'comfort', weight: 1 }], high: 60, medium: 40 },
    ],
  };
  const titles = {
    'staff-shortage': 'Дефицит педагогических кадров',
    equipment: 'Низкий уровень оснащения школы',
    environment: 'Пониженный уровень качества школьной образовательной и воспитательной среды',
  };

  it('averages respondents, weighs questions and indicators, and says how each level was reached', () => {
    const results = scoreSchool(
      model,
      questions,
      [{ vacancies: 1, equipment: 'some' }, { lacks: ['internet'] }, { lacks: ['internet', 'projector', 'lab'] }],
      titles,
    );
    expect(results.map((r) => [r.factor, r.value, r.level])).toEqual([
      ['staff-shortage', 50, 'medium'],
      // (60 × 2 + mean(40, 100) × 1) / 3 = (120 + 70) / 3 = 63,3 — high from 60.
      ['equipment', 190 / 3, 'high'],
      ['environment', null, 'no-data'],
    ]);
    expect(results[1]!.explanation).toBe(
      '«Низкий уровень оснащения школы»: 63,3 из 100 — высокий риск (высокий — от 60, средний — от 40). Показатели: «Оснащённость кабинетов» — 63,3.',
    );
    expect(results[1]!.indicators[0]!.questions.map((q) => [q.question, q.score, q.answered])).toEqual([
      ['equipment', 60, 1],
      ['lacks', 70, 2],
    ]);
    expect(results[2]!.explanation).toBe(
      '«Пониженный уровень качества школьной образовательной и воспитательной среды»: нет ответов на вопросы фактора — уровень не определён.',
    );
  });

  it('a value exactly on the high threshold is high, a hair below is medium', () => {
    const on = scoreSchool(model, questions, [{ equipment: 'some' }], titles)[1]!;
    expect([on.value, on.level]).toEqual([60, 'high']);
    const below = scoreSchool(
      { ...model, factors: [{ ...model.factors[1]!, high: 60.01 }] },
      questions,
      [{ equipment: 'some' }],
      titles,
    )[0]!;
    expect(below.level).toBe('medium');
  });

  it('checks a model as data: unknown questions, factors, indicators, weights and thresholds, with their place', () => {
    const bad: ScoringModel = {
      indicators: [{ key: 'x', title: 'X', questions: [{ question: 'nope', weight: 0 }] }],
      factors: [{ factor: 'unknown', indicators: [{ indicator: 'y', weight: 1 }], high: 30, medium: 40 }],
    };
    expect(checkModel(bad, questions, Object.keys(titles))).toEqual([
      { path: 'indicators[0].questions[0]', message: 'Вопрос «nope» не найден в анкетах.' },
      { path: 'indicators[0].questions[0].weight', message: 'Вес должен быть больше нуля.' },
      { path: 'factors[0].factor', message: 'Фактора «unknown» нет в каталоге.' },
      { path: 'factors[0]', message: 'Пороги: 0 ≤ средний ≤ высокий ≤ 100.' },
      { path: 'factors[0].indicators[0]', message: 'Показатель «y» не определён.' },
    ]);
    expect(checkModel(model, questions, Object.keys(titles))).toEqual([]);
  });
});

describe('the shipped «500+» questionnaires and model', () => {
  it('is a valid model covering each of the ten factors, with questions for every respondent group', async () => {
    const { factors500 } = await import('./risk-factors.ts');
    const { model500, questions500 } = await import('./preset-500plus.ts');
    expect(
      checkModel(
        model500,
        questions500,
        factors500.map((f) => f.key),
      ),
    ).toEqual([]);
    expect(model500.factors.map((f) => f.factor).sort()).toEqual(factors500.map((f) => f.key).sort());
    expect(new Set(questions500.map((q) => q.group))).toEqual(new Set(['director', 'teacher', 'student', 'parent']));
    expect(new Set(questions500.map((q) => q.key)).size).toBe(questions500.length);
  });
  it('a school whose director reports no internet and two vacancies has high risks there, explained in numbers', async () => {
    const { factors500 } = await import('./risk-factors.ts');
    const { model500, questions500 } = await import('./preset-500plus.ts');
    const titles = Object.fromEntries(factors500.map((f) => [f.key, f.title]));
    const r = scoreSchool(
      model500,
      questions500,
      [
        {
          'd-internet': 'no',
          'd-computers': 'partly',
          'd-lab': 'no',
          'd-vacancies': 2,
          'd-non-specialist': 20,
          'd-mentoring': 'no',
          'd-method-units': 'partly',
        },
        { 't-overload': 5, 't-equipment': ['internet', 'books'], 't-courses': 'yes', 't-colleagues': 'no' },
      ],
      titles,
    );
    const level = (k: string) => r.find((x) => x.factor === k)!.level;
    expect(level('equipment')).toBe('high');
    expect(level('staff-shortage')).toBe('high');
    // Mentoring absent (100), method units in part (40), courses taken (0), no visits to colleagues (80): 55.
    const pd = r.find((x) => x.factor === 'professional-development')!;
    expect([pd.value, pd.level]).toEqual([55, 'medium']);
    expect(pd.explanation).toBe(
      '«Несформированность внутришкольной системы повышения квалификации»: 55 из 100 — средний риск (высокий — от 60, средний — от 35). Показатели: «Внутришкольное повышение квалификации» — 55.',
    );
    expect(level('parents')).toBe('no-data');
  });
});
