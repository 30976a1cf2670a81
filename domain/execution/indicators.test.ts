// Target indicators as the seeds and users write them. Every table row is one case a methodologist can check:
// the wording, what Опора reads from it, and (for statuses) the arithmetic in the comment beside it.
import { describe, expect, it } from 'vitest';
import type { Period } from '../deadline/read-deadline.ts';
import {
  formatIndicatorNumber,
  type IndicatorStatus,
  indicatorStatus,
  parseIndicatorNumber,
  parseTargetValue,
  type ResolvedTarget,
  readTargetPeriod,
  resolveTarget,
  type TargetComparison,
  type TargetValue,
} from './indicators.ts';

describe('parseIndicatorNumber: the value a user wrote', () => {
  const rows: [text: string, value: number | null][] = [
    ['25,5 %', 25.5],
    ['25.5', 25.5],
    ['0,3', 0.3],
    ['100%', 100],
    ['100 %', 100],
    ['12 чел.', 12],
    ['−3', -3], // a true minus
    ['-3', -3],
    ['– 3', -3], // an en dash and a space, as word processors make it
    ['+5', 5],
    ['0', 0],
    ['1 200 чел.', 1200], // thousands separated by a space
    ['1\u00a0200,5', 1200.5], // … or by a non-breaking one
    ['<p>60 %</p>', 60], // an HTML cell (seeds 001, 003)
    ['15 % (15 %)', 15], // the same number twice is one number
    ['нет данных', null],
    ['н/д', null],
    ['—', null],
    ['', null],
    ['от 10 до 20', null], // a range is not a value
    ['10–20 %', null],
    ['01.09.2023', null], // a date is not a value
    ['1,2,3', null],
    ['2022 год: 15 %', null],
  ];
  it.each(rows)('«%s» → %s', (text, value) => {
    expect(parseIndicatorNumber(text)).toBe(value);
  });
});

const abs = (value: number, comparison: TargetComparison, percent = true): TargetValue => ({
  kind: 'absolute',
  value,
  comparison,
  percent,
});
const up = (percent: number): TargetValue => ({ kind: 'relative', percent, change: 'increase' });
const down = (percent: number): TargetValue => ({ kind: 'relative', percent, change: 'decrease' });

describe('parseTargetValue: targets as written', () => {
  type Row = [text: string, hint: 'increase' | 'decrease' | undefined, expected: TargetValue | null];
  const rows: Row[] = [
    // A bare number is the target itself; the indicator's direction, when known, turns it into a bound.
    ['100 %', undefined, abs(100, 'exactly')],
    ['100 %', 'increase', abs(100, 'at-least')],
    ['15%', 'decrease', abs(15, 'at-most')], // seed 000: «Уменьшение доли ШНОР … 15%»
    ['15%', undefined, abs(15, 'exactly')],
    ['5 мероприятий', undefined, abs(5, 'exactly', false)],
    ['5 мероприятий', 'increase', abs(5, 'at-least', false)],
    // At least.
    ['не менее 90 %', undefined, abs(90, 'at-least')],
    ['не ниже 90%', undefined, abs(90, 'at-least')],
    ['не меньше 90 %', undefined, abs(90, 'at-least')],
    ['≥ 90 %', undefined, abs(90, 'at-least')],
    ['>= 90', undefined, abs(90, 'at-least', false)],
    ['90 % и более', undefined, abs(90, 'at-least')],
    ['90 % и выше', undefined, abs(90, 'at-least')],
    ['от 90 %', undefined, abs(90, 'at-least')],
    ['как минимум 90 %', undefined, abs(90, 'at-least')],
    ['не менее 1 200 чел.', undefined, abs(1200, 'at-least', false)],
    ['не менее 90 %', 'decrease', abs(90, 'at-least')], // the words win over the hint
    // At most.
    ['не более 15 %', undefined, abs(15, 'at-most')],
    ['не выше 15%', undefined, abs(15, 'at-most')],
    ['не больше 15 %', undefined, abs(15, 'at-most')],
    ['≤15 %', undefined, abs(15, 'at-most')],
    ['<= 15 %', undefined, abs(15, 'at-most')],
    ['15 % и менее', undefined, abs(15, 'at-most')],
    ['не должен превышать 15 %', undefined, abs(15, 'at-most')],
    ['не более 15 п. п.', undefined, abs(15, 'at-most')], // percentage points: the per-cent scale
    // «до»: the level to go down to, unless the value should grow.
    ['до 15 %', undefined, abs(15, 'at-most')],
    ['до 15 %', 'decrease', abs(15, 'at-most')],
    ['до 90 %', 'increase', abs(90, 'at-least')],
    ['Повышение доли до 90 %', undefined, abs(90, 'at-least')],
    // Strict.
    ['более 15 %', undefined, abs(15, 'above')],
    ['свыше 15 %', undefined, abs(15, 'above')],
    ['> 15', undefined, abs(15, 'above', false)],
    ['менее 15 %', undefined, abs(15, 'below')],
    ['ниже 15 %', undefined, abs(15, 'below')],
    ['< 15 %', undefined, abs(15, 'below')],
    ['ровно 100 %', 'increase', abs(100, 'exactly')],
    // The seeds.
    ['75 %', 'increase', abs(75, 'at-least')], // seed 001, indicator 2
    [
      'Снижение разрыва до 15% между итоговыми отметками обучающихся за год и отметками за ВПР',
      undefined,
      abs(15, 'at-most'),
    ], // seed 003
    [
      'Повышение квалификации не менее 90 % руководящих работников, учителей начальных классов',
      undefined,
      abs(90, 'at-least'),
    ], // seed 003
    ['100% укомплектованность кадрами по предметам: русский язык и математика', undefined, abs(100, 'exactly')], // seed 003
    ['Не менее 5 мероприятий', undefined, abs(5, 'at-least', false)], // seed 004, action 19
    ['не менее 1 раза в месяц', undefined, abs(1, 'at-least', false)], // seed 004, action 8
    ['Не менее 50% от общего числа учителей', undefined, abs(50, 'at-least')], // seed 004, action 9
    ['Участие не менее в 5 ассоциаций', undefined, abs(5, 'at-least', false)], // seed 004, action 21
    ['100% от количества школ участниц', undefined, abs(100, 'exactly')], // seed 004, action 1
    // Relative: a percentage of the baseline.
    ['+30 % от стартового значения', undefined, up(30)],
    ['увеличение на 30 % от исходного', undefined, up(30)],
    ['на 30 % выше базового значения', undefined, up(30)],
    ['на 20 % ниже базового значения', undefined, down(20)],
    ['снижение на 20 %', undefined, down(20)],
    ['уменьшение на 12,5 %', undefined, down(12.5)],
    ['рост на 10 %', undefined, up(10)],
    ['сокращение на 10 % от начального уровня', undefined, down(10)],
    ['увеличение не менее чем на 30 %', undefined, up(30)],
    ['−20 % от исходного значения', undefined, down(20)],
    ['не более −3', undefined, abs(-3, 'at-most', false)], // a negative value, not a change
    ['снижение на 100 %', undefined, down(100)],
    [
      'Повышение качества образования до 30% от стартового показателя ОУ с низкими образовательными результатами обучающихся',
      undefined,
      up(30),
    ], // seed 003: under «повышение», «до 30 % от стартового» can only be +30 %
    // Unreadable: never a guess.
    ['нет данных', undefined, null],
    ['', 'increase', null],
    ['от 10 до 20 %', undefined, null],
    ['не менее 90 % и не более 95 %', undefined, null],
    ['не менее и не более 90 %', undefined, null], // contradictory words
    ['+30 %', undefined, null], // points or per cent of the start?
    ['30 % от стартового значения', undefined, null], // up or down?
    ['на 30 %', undefined, null],
    ['снижение до 15 % от исходного', undefined, null], // down to 15 % of it, or by 15 %?
    ['увеличение не более чем на 30 %', undefined, null],
    ['увеличение более чем на 30 %', undefined, null],
    ['увеличение в 2 раза', undefined, null],
    ['снижение на 5 п. п.', undefined, null],
    ['снижение на 120 %', undefined, null],
    ['−3 %', undefined, null], // a fall of 3 points or of 3 per cent?
    ['увеличение на 5 мероприятий', undefined, null],
    ['к 2024 году', undefined, null],
    ['Перевод ОУ в «резильентные» школы до 01.09.2023 года', undefined, null], // seed 003: a deadline
    [
      '- Повышение квалификации не менее 90 % руководящих работников - 100% укомплектованность кадрами',
      undefined,
      null,
    ], // seed 003: one cell, two targets
  ];
  it.each(rows)('«%s» (%s)', (text, hint, expected) => {
    expect(parseTargetValue(text, hint)).toEqual(expected);
  });
});

describe('resolveTarget: a relative target is a share of the baseline', () => {
  const rows: [target: TargetValue, baseline: number | null, expected: ResolvedTarget | null][] = [
    [abs(90, 'at-least'), null, { value: 90, comparison: 'at-least', percent: true }],
    [abs(15, 'below'), 40, { value: 15, comparison: 'below', percent: true }],
    [up(30), 40, { value: 52, comparison: 'at-least', percent: false }], // 40 × 1,3 = 52 exactly
    [down(20), 40, { value: 32, comparison: 'at-most', percent: false }], // 40 × 0,8
    [up(15), 40.1, { value: 46.115, comparison: 'at-least', percent: false }],
    [up(30), 33.3, { value: 43.29, comparison: 'at-least', percent: false }],
    [down(100), 12, { value: 0, comparison: 'at-most', percent: false }],
    [up(30), null, null], // no baseline
    [up(30), 0, null], // 30 % of nothing is no target
    [down(20), -5, null],
  ];
  it.each(rows)('%o of %s', (target, baseline, expected) => {
    expect(resolveTarget(target, baseline)).toEqual(expected);
  });
  it('takes the unit of the indicator for a relative target', () => {
    expect(resolveTarget(up(30), 40, true)).toEqual({ value: 52, comparison: 'at-least', percent: true });
  });
});

describe('readTargetPeriod: the period a target is set for', () => {
  const calendar = { start: '2022-01-01', end: '2023-12-31' }; // seed 001: «2022– 2023 гг.»
  const oneYear = { start: '2022-01-01', end: '2022-12-31' }; // seed 000: «2022 год»
  const academic = { start: '2020-09-01', end: '2021-08-31' }; // seed 002: «2020-2021 учебный год»
  const project = { start: '2020-06-01', end: '2021-10-01' }; // seed 003: June 2020 to October 2021
  const rows: [text: string, programme: Period, expected: string | null][] = [
    ['2022', calendar, '2022-01-01..2022-12-31'],
    ['2022 год', calendar, '2022-01-01..2022-12-31'],
    ['2022 г.', calendar, '2022-01-01..2022-12-31'],
    ['2022г.', calendar, '2022-01-01..2022-12-31'],
    ['на 2022 год', calendar, '2022-01-01..2022-12-31'],
    ['в 2023 году', calendar, '2023-01-01..2023-12-31'],
    ['по итогам 2023 года', calendar, '2023-01-01..2023-12-31'],
    ['2021/2022', oneYear, '2021-09-01..2022-08-31'], // seed 000's target column
    ['2022/2023', calendar, '2022-09-01..2023-08-31'],
    ['2022/23', calendar, '2022-09-01..2023-08-31'],
    ['2022-2023 учебный год', calendar, '2022-09-01..2023-08-31'],
    ['2022–2023 уч. г.', calendar, '2022-09-01..2023-08-31'],
    ['на 2020-2021 учебный год', academic, '2020-09-01..2021-08-31'],
    ['2022– 2023 гг.', calendar, '2022-01-01..2023-12-31'], // seed 001's passport
    ['2022-2023 годы', calendar, '2022-01-01..2023-12-31'],
    ['2022-2023', calendar, '2022-01-01..2023-12-31'], // a calendar programme: calendar years
    ['2020-2021', academic, '2020-09-01..2021-08-31'], // an academic programme: its academic year
    ['2022-2024', calendar, '2022-01-01..2024-12-31'],
    ['2022/2024', calendar, null], // an academic year spans two consecutive years
    ['2023-2022', calendar, null],
    ['на 01.09.2023', calendar, '2023-09-01..2023-09-01'], // the state on a day
    ['01.09.2023', calendar, '2023-09-01..2023-09-01'],
    ['01.09.2023 г.', calendar, '2023-09-01..2023-09-01'],
    ['к 01.07.2021', project, '2020-06-01..2021-07-01'], // seed 003: a deadline, from the programme's start
    ['до 01.07.2021', project, '2020-06-01..2021-07-01'],
    ['31.02.2023', calendar, null],
    ['I полугодие 2023', calendar, '2023-01-01..2023-06-30'],
    ['II полугодие 2023 г.', calendar, '2023-07-01..2023-12-31'],
    ['1 полугодие 2023 года', calendar, '2023-01-01..2023-06-30'],
    ['первое полугодие 2023 года', calendar, '2023-01-01..2023-06-30'],
    ['2 квартал 2023', calendar, '2023-04-01..2023-06-30'],
    ['IV квартал 2023 г.', calendar, '2023-10-01..2023-12-31'],
    ['1 кв. 2023', calendar, '2023-01-01..2023-03-31'],
    ['3-й квартал 2023', calendar, '2023-07-01..2023-09-30'],
    ['декабрь 2023', calendar, '2023-12-01..2023-12-31'],
    ['февраль 2024', { start: '2024-01-01', end: '2024-12-31' }, '2024-02-01..2024-02-29'], // a leap year
    ['I полугодие', oneYear, '2022-01-01..2022-06-30'], // a one-year programme gives the year
    ['I полугодие', calendar, null], // … a two-year one does not
    ['5 квартал 2023', calendar, null],
    ['III полугодие 2023', calendar, null],
    ['конец реализации программы', calendar, '2022-01-01..2023-12-31'],
    ['по итогам реализации', calendar, '2022-01-01..2023-12-31'],
    ['итог', calendar, '2022-01-01..2023-12-31'],
    ['Итоговое значение', calendar, '2022-01-01..2023-12-31'],
    ['', calendar, '2022-01-01..2023-12-31'],
    ['плановое значение', calendar, null],
    ['когда-нибудь', calendar, null],
  ];
  it.each(rows)('«%s» in %o → %s', (text, programme, expected) => {
    const p = readTargetPeriod(text, programme);
    expect(p && `${p.start}..${p.end}`).toBe(expected);
  });
});

describe('formatIndicatorNumber', () => {
  const rows: [n: number, percent: boolean, text: string][] = [
    [90, true, '90 %'],
    [60.5, true, '60,5 %'],
    [89.99, true, '89,99 %'],
    [12, false, '12'],
    [-3, false, '−3'],
    [0.3, false, '0,3'],
    [0.1 + 0.2, false, '0,3'], // 0.30000000000000004
    [40 * 1.3, false, '52'], // 52.00000000000001
    [1200, false, '1200'],
    [100 / 3, true, '33,3333 %'],
    [-0, false, '0'],
  ];
  it.each(rows)('%s (%s) → «%s»', (n, percent, text) => {
    expect(formatIndicatorNumber(n, percent)).toBe(text);
  });
});

describe('indicatorStatus', () => {
  // 100 days: 31 (January) + 28 (February) + 31 (March) + 10 (April). On 19.02 50 days have passed, today included.
  const period = { start: '2023-01-01', end: '2023-04-10' };
  const mid = '2023-02-19';
  const after = '2023-04-11';
  const pct = (value: number, comparison: TargetComparison): ResolvedTarget => ({ value, comparison, percent: true });
  const status = (baseline: number | null, target: ResolvedTarget, actual: number | null, today: string) =>
    indicatorStatus({ baseline, target, actual, period, today });

  describe('boundaries are exact once the period is over', () => {
    const rows: [target: ResolvedTarget, actual: number, met: boolean][] = [
      [pct(90, 'at-least'), 89.99, false],
      [pct(90, 'at-least'), 90, true],
      [pct(90, 'at-least'), 90.01, true],
      [pct(15, 'at-most'), 15, true],
      [pct(15, 'at-most'), 15.01, false],
      [pct(15, 'at-most'), 14.99, true],
      [pct(15, 'below'), 15, false],
      [pct(15, 'below'), 14.99, true],
      [pct(15, 'above'), 15, false],
      [pct(15, 'above'), 15.01, true],
      [pct(100, 'exactly'), 100, true],
      [pct(100, 'exactly'), 99.99, false],
      [pct(0.3, 'at-most'), 0.1 + 0.2, true], // 0.30000000000000004 is 0,3
      [pct(0.3, 'exactly'), 0.1 + 0.2, true],
      [pct(52, 'at-least'), 40 * 1.3, true], // 52.00000000000001 is 52
      [pct(52, 'at-most'), 40 * 1.3, true],
    ];
    it.each(rows)('%o, actual %s → met %s', (target, actual, met) => {
      const r = status(null, target, actual, after);
      expect({ status: r.status, met: r.met }).toEqual({ status: met ? 'on-track' : 'off-track', met });
    });
  });

  it('resolves «+30 % от стартового значения» of 40 to 52 and compares exactly', () => {
    const target = resolveTarget(parseTargetValue('+30 % от стартового значения')!, 40, true)!;
    expect(target).toEqual({ value: 52, comparison: 'at-least', percent: true });
    expect(status(40, target, 52, after).met).toBe(true);
    expect(status(40, target, 51.99, after).met).toBe(false);
  });

  describe('during the period: progress from the baseline against the share of days elapsed', () => {
    const rows: [
      note: string,
      baseline: number | null,
      target: ResolvedTarget,
      actual: number,
      today: string,
      expected: IndicatorStatus,
    ][] = [
      // «не менее 60 %» from 40 %: the way is 20 points.
      ['50 of 100 days, 10 of 20 points: progress = expected', 40, pct(60, 'at-least'), 50, mid, 'on-track'],
      ['9,99 of 20 points: just below expected', 40, pct(60, 'at-least'), 49.99, mid, 'at-risk'],
      ['5 of 20 points: progress = expected ÷ 2', 40, pct(60, 'at-least'), 45, mid, 'at-risk'],
      ['4,99 of 20 points: below expected ÷ 2', 40, pct(60, 'at-least'), 44.99, mid, 'off-track'],
      ['fell below the baseline', 40, pct(60, 'at-least'), 38, mid, 'off-track'],
      // The first day: 1 of 100 days expected, 0,2 points of 20.
      ['first day, 0,2 of 20 points', 40, pct(60, 'at-least'), 40.2, '2023-01-01', 'on-track'],
      ['first day, 0,1 of 20 points', 40, pct(60, 'at-least'), 40.1, '2023-01-01', 'at-risk'],
      ['first day, no change yet', 40, pct(60, 'at-least'), 40, '2023-01-01', 'off-track'],
      // The last day: all of it expected.
      ['last day, 19,99 of 20 points', 40, pct(60, 'at-least'), 59.99, '2023-04-10', 'at-risk'],
      ['last day, 9,99 of 20 points', 40, pct(60, 'at-least'), 49.99, '2023-04-10', 'off-track'],
      ['the day after, not met', 40, pct(60, 'at-least'), 59.99, after, 'off-track'],
      ['the day before the start', 40, pct(60, 'at-least'), 40, '2022-12-31', 'on-track'],
      // «не более 15 %» (a gap, seed 003) from 30 %: the way down is 15 points.
      ['gap 22,5: 7,5 of 15 points down', 30, pct(15, 'at-most'), 22.5, mid, 'on-track'],
      ['gap 26,25: 3,75 of 15 points down', 30, pct(15, 'at-most'), 26.25, mid, 'at-risk'],
      ['gap 26,26: less than half of expected', 30, pct(15, 'at-most'), 26.26, mid, 'off-track'],
      // No baseline: the share of the target for «не менее», nothing measurable for «не более».
      ['no baseline, 45 of 90', null, pct(90, 'at-least'), 45, mid, 'on-track'],
      ['no baseline, 22,5 of 90', null, pct(90, 'at-least'), 22.5, mid, 'at-risk'],
      ['no baseline, 22,49 of 90', null, pct(90, 'at-least'), 22.49, mid, 'off-track'],
      ['no baseline, «не более 15 %»', null, pct(15, 'at-most'), 20, mid, 'off-track'],
      ['baseline already met, 85 of 90', 95, pct(90, 'at-least'), 85, mid, 'on-track'],
      ['baseline = target «более 15 %», 15 of 15', 15, pct(15, 'above'), 15, mid, 'on-track'],
    ];
    it.each(rows)('%s', (_note, baseline, target, actual, today, expected) => {
      const r = status(baseline, target, actual, today);
      expect(r.status).toBe(expected);
      expect(r.met).toBe(false);
    });
  });

  it('counts the days of a leap year', () => {
    // 29.02.2024 is the 60th of 366 days; from 0 to 100 items, 17 is 17 % of the way against 16,4 % expected.
    const year = { start: '2024-01-01', end: '2024-12-31' };
    const target: ResolvedTarget = { value: 100, comparison: 'at-least' };
    const r = indicatorStatus({ baseline: 0, target, actual: 17, period: year, today: '2024-02-29' });
    expect(r.status).toBe('on-track');
    expect(r.rule).toContain('истекло 60 из 366 дн. периода на 29.02.2024');
  });

  describe('the rule says it in Russian, with the numbers', () => {
    const rows: [
      baseline: number | null,
      target: ResolvedTarget,
      actual: number | null,
      today: string,
      rule: string,
    ][] = [
      [40, pct(60, 'at-least'), null, mid, 'Фактическое значение не внесено.'],
      [
        40,
        pct(60.5, 'at-least'),
        61,
        mid,
        'Фактическое значение 61 % соответствует целевому (не менее 60,5 %): целевое значение достигнуто.',
      ],
      [
        null,
        pct(90, 'at-least'),
        89.99,
        after,
        'Фактическое значение 89,99 % не соответствует целевому (не менее 90 %), срок достижения истёк 10.04.2023: целевое значение не достигнуто.',
      ],
      [
        40,
        pct(60, 'at-least'),
        40,
        '2022-12-31',
        'Фактическое значение 40 % пока не соответствует целевому (не менее 60 %); период достижения начинается 01.01.2023, отставания нет.',
      ],
      [
        40,
        pct(60, 'at-least'),
        50,
        mid,
        'Фактическое значение 50 % пока не соответствует целевому (не менее 60 %); от базового значения 40 % пройдено 50 % пути к целевому (10 из 20 п. п.), ожидалось 50 % (истекло 50 из 100 дн. периода на 19.02.2023): достижение идёт по плану.',
      ],
      [
        40,
        pct(60, 'at-least'),
        49.99,
        mid,
        'Фактическое значение 49,99 % пока не соответствует целевому (не менее 60 %); от базового значения 40 % пройдено 49,9 % пути к целевому (9,99 из 20 п. п.), ожидалось 50 % (истекло 50 из 100 дн. периода на 19.02.2023): есть риск недостижения — пройдено не менее половины ожидаемого (25 %).',
      ],
      [
        30,
        pct(15, 'at-most'),
        32,
        mid,
        'Фактическое значение 32 % пока не соответствует целевому (не более 15 %); от базового значения 30 % пройдено −13,4 % пути к целевому (−2 из 15 п. п.), ожидалось 50 % (истекло 50 из 100 дн. периода на 19.02.2023): отставание — пройдено менее половины ожидаемого (25 %).',
      ],
      [
        null,
        pct(90, 'at-least'),
        45,
        mid,
        'Фактическое значение 45 % пока не соответствует целевому (не менее 90 %); базовое значение не указано, поэтому ход оценён долей целевого значения: 50 %, ожидалось 50 % (истекло 50 из 100 дн. периода на 19.02.2023): достижение идёт по плану.',
      ],
      [
        null,
        { value: 12, comparison: 'exactly' },
        10,
        mid,
        'Фактическое значение 10 пока не соответствует целевому (12); базовое значение не указано, а без него ход достижения такого целевого значения не измеряется: прогресс принят равным 0 %, ожидалось 50 % (истекло 50 из 100 дн. периода на 19.02.2023): отставание — пройдено менее половины ожидаемого (25 %).',
      ],
    ];
    it.each(rows)('baseline %s, %o, actual %s on %s', (baseline, target, actual, today, rule) => {
      expect(status(baseline, target, actual, today).rule).toBe(rule);
    });
  });
});
