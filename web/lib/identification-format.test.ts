import { describe, expect, it } from 'vitest';
import type { RunDetail, Verdict } from '../../contract/identification.ts';
import { presetByCode } from '../../domain/identification/presets.ts';
import {
  categoriesOf,
  categoryLabel,
  compareSchools,
  conditionText,
  type Definition,
  definitionProblems,
  differenceGroups,
  evidenceTable,
  formatPart,
  formatShare,
  keepPercentSign,
  matchesSchool,
  municipalitiesOf,
  municipalityChartData,
  otherProcedures,
  type Procedure,
  procedureCountText,
  proceduresSummary,
  regionWide,
  toggleProcedure,
  yearsText,
} from './identification-format.ts';

const kuzbass = (): Definition => structuredClone(presetByCode('kuzbass-2021')!.definition) as Definition;

describe('numbers as Russian text writes them', () => {
  it.each([
    [33.333, '33,3 %'],
    [30, '30 %'],
    [12.5, '12,5 %'],
    [0, '0 %'],
  ])('%f → %s', (value, text) => {
    expect(formatShare(value).replace('\u00a0', ' ')).toBe(text);
  });

  it('keeps the sign with its number', () => {
    expect(formatShare(10)).toBe('10\u00a0%');
    expect(keepPercentSign('40 из 100 — 40 % (порог: не менее 30 %).')).toBe(
      '40 из 100 — 40\u00a0% (порог: не менее 30\u00a0%).',
    );
  });

  it('writes a part of a whole', () => {
    expect(formatPart(4, 40, 10).replace('\u00a0', ' ')).toBe('4 из 40 — 10 %');
  });

  it('names categories', () => {
    expect(categoryLabel(1)).toBe('Категория 1');
    expect(categoryLabel(null)).toBe('не включена');
  });
});

describe('who sees region-wide material', () => {
  it.each([
    [{ role: 'admin', regionId: null, municipalityId: null, organisationId: null }, true],
    [{ role: 'regional_coordinator', regionId: 'r', municipalityId: null, organisationId: null }, true],
    [{ role: 'observer', regionId: 'r', municipalityId: null, organisationId: null }, true],
    [{ role: 'observer', regionId: 'r', municipalityId: 'm', organisationId: null }, false],
    [{ role: 'municipal_coordinator', regionId: 'r', municipalityId: 'm', organisationId: null }, false],
    [{ role: 'school', regionId: 'r', municipalityId: null, organisationId: 'o' }, false],
    [{ role: 'curator', regionId: 'r', municipalityId: null, organisationId: 'o' }, false],
  ] as const)('%j → %s', (me, wide) => {
    expect(regionWide(me)).toBe(wide);
  });
});

describe('conditions in words', () => {
  it('reads the seed-000 rules', () => {
    const rules = kuzbass().rules.map((r) => r.conditions.map(conditionText));
    expect(rules).toEqual([
      ['Низкие результаты не менее чем по 2 процедурам в каждом из лет 2019 и 2021'],
      ['Низкие результаты ровно по 1 процедуре в каждом из лет 2019 и 2021'],
    ]);
  });

  it('reads relative years, «any» and one year', () => {
    expect(
      conditionText({ kind: 'low-procedures', years: [{ offset: -1 }, { offset: 0 }], yearsMode: 'any', min: 1 }),
    ).toBe('Низкие результаты не менее чем по 1 процедуре хотя бы в одном из лет Y−1 и Y');
    expect(conditionText({ kind: 'low-procedures', years: [{ offset: 0 }], yearsMode: 'each', min: 2, max: 3 })).toBe(
      'Низкие результаты по 2–3 процедурам в году Y',
    );
    expect(conditionText({ kind: 'red-zone', year: { offset: 0 } })).toBe('Красная зона по результатам ВПР в году Y');
    expect(conditionText({ kind: 'objectivity-gap', year: { year: 2021 } })).toBe(
      'Необъективность отметок ВПР в 2021 г.',
    );
  });

  it.each([
    [1, undefined, 'не менее чем по 1 процедуре'],
    [2, undefined, 'не менее чем по 2 процедурам'],
    [5, undefined, 'не менее чем по 5 процедурам'],
    [1, 1, 'ровно по 1 процедуре'],
    [1, 4, 'по 1–4 процедурам'],
  ])('min %i, max %s → %s', (min, max, text) => {
    expect(procedureCountText(min, max)).toBe(text);
  });

  it('joins years', () => {
    expect(yearsText([{ year: 2019 }])).toBe('2019');
    expect(yearsText([{ offset: -2 }, { offset: -1 }, { offset: 0 }])).toBe('Y−2, Y−1 и Y');
  });

  it('lists the categories of a methodology', () => {
    expect(categoriesOf(kuzbass())).toEqual([1, 2]);
  });
});

describe('procedures', () => {
  it('summarises them by subject', () => {
    expect(proceduresSummary(kuzbass().procedures)).toEqual([
      'ВПР русский язык: 5, 6 кл.',
      'ВПР математика: 5, 6 кл.',
      'ОГЭ русский язык',
      'ОГЭ математика',
      'ЕГЭ русский язык',
      'ЕГЭ математика (профильная)',
      'ЕГЭ математика (базовая)',
    ]);
  });

  it('adds in order and removes', () => {
    const start: Procedure[] = [
      { source: 'vpr', subject: 'математика', grade: 6 },
      { source: 'gia', exam: 'ОГЭ', subject: 'математика' },
    ];
    const added = toggleProcedure(start, { source: 'vpr', subject: 'русский язык', grade: 5 }, true);
    expect(added.map((p) => (p.source === 'vpr' ? `${p.subject} ${p.grade}` : p.exam))).toEqual([
      'русский язык 5',
      'математика 6',
      'ОГЭ',
    ]);
    expect(toggleProcedure(added, { source: 'vpr', subject: 'математика', grade: 6 }, false)).toHaveLength(2);
    // Adding one already chosen does not duplicate it.
    expect(toggleProcedure(start, { source: 'gia', exam: 'ОГЭ', subject: 'математика' }, true)).toHaveLength(2);
  });

  it('keeps procedures the grid does not offer', () => {
    const history: Procedure = { source: 'vpr', subject: 'история', grade: 7 };
    expect(otherProcedures([...kuzbass().procedures, history])).toEqual([history]);
  });
});

describe('checking a definition before saving', () => {
  it('accepts the presets', () => {
    expect(definitionProblems(kuzbass())).toEqual([]);
  });

  it('reports empty and out-of-range numbers with their place', () => {
    const d = kuzbass();
    d.lowResult.vpr.percent = Number.NaN;
    d.redZone.share5.percent = 130;
    d.rules[0]!.category = 0;
    d.rules[1]!.label = ' ';
    const c = d.rules[1]!.conditions[0]!;
    if (c.kind !== 'low-procedures') throw new Error('seed rule changed');
    c.years = [{ year: 1999 }, { offset: -11 }];
    c.min = 2;
    c.max = 1;
    expect(definitionProblems(d)).toEqual([
      'Низкий результат ВПР: укажите порог от 0 до 100 %.',
      'Красная зона, доля «5»: укажите порог от 0 до 100 %.',
      'Правило 1: категория — целое число от 1 до 9.',
      'Правило 2: укажите название правила.',
      'Правило 2, условие 1: год — число от 2000 до 2100.',
      'Правило 2, условие 1: год — от Y−10 до Y.',
      'Правило 2, условие 1: «не более» — целое число, не меньше чем «не менее» (2).',
    ]);
  });

  it('reports a missing minimum and an empty rule list', () => {
    const d = kuzbass();
    const c = d.rules[0]!.conditions[0]!;
    if (c.kind === 'low-procedures') c.min = Number.NaN;
    expect(definitionProblems(d)).toEqual(['Правило 1, условие 1: «не менее» — целое число процедур от 1.']);
    expect(definitionProblems({ ...d, rules: [] })).toEqual([
      'Укажите хотя бы одно правило включения школы в перечень.',
    ]);
  });
});

describe('a school’s evidence', () => {
  it('pivots procedure × year, leaving gaps where there is no data', () => {
    const e = (procedure: string, year: number, low: boolean) => ({
      procedure,
      year,
      participants: 10,
      count: low ? 4 : 1,
      share: low ? 40 : 10,
      low,
    });
    const table = evidenceTable([
      e('ВПР математика 5 кл.', 2019, true),
      e('ВПР математика 5 кл.', 2021, true),
      e('ОГЭ математика', 2021, false),
    ]);
    expect(table.years).toEqual([2019, 2021]);
    expect(table.rows.map((r) => [r.procedure, r.cells.map((c) => c?.low ?? null)])).toEqual([
      ['ВПР математика 5 кл.', [true, true]],
      ['ОГЭ математика', [null, false]],
    ]);
  });
});

const verdict = (code: string, over: Partial<Verdict> = {}): Verdict => ({
  organisationId: `id-${code}`,
  code,
  name: `Школа ${code}`,
  type: 'СОШ',
  municipalityId: code.slice(0, 2),
  municipality: code.startsWith('A') ? 'Берёзовский район' : 'Город',
  category: null,
  rule: null,
  lowProcedures: 0,
  redZone: false,
  objectivityGap: false,
  objectivityShare: null,
  hasResults: true,
  inPreviousList: false,
  previousCategory: null,
  reasons: [],
  ...over,
});

describe('filters of a run’s schools', () => {
  const schools = [
    verdict('B1-1', { category: 2, inPreviousList: true }),
    verdict('A1-1', { category: 1, redZone: true }),
    verdict('A1-2', { objectivityGap: true, name: 'Лицей «Ёлка»' }),
    verdict('B1-2', { hasResults: false }),
  ];
  const codes = (f: Parameters<typeof matchesSchool>[1]) =>
    schools
      .filter((s) => matchesSchool(s, f))
      .sort(compareSchools)
      .map((s) => s.code);

  it('sorts listed first by category, then by municipality and code', () => {
    expect(codes({})).toEqual(['A1-1', 'B1-1', 'A1-2', 'B1-2']);
  });

  it.each([
    [{ q: 'елка' }, ['A1-2']],
    [{ q: 'b1-' }, ['B1-1', 'B1-2']],
    [{ category: 'listed' }, ['A1-1', 'B1-1']],
    [{ category: 'none' }, ['A1-2', 'B1-2']],
    [{ category: '2' }, ['B1-1']],
    [{ municipalityId: 'A1' }, ['A1-1', 'A1-2']],
    [{ sign: 'red-zone' }, ['A1-1']],
    [{ sign: 'objectivity' }, ['A1-2']],
    [{ sign: 'no-results' }, ['B1-2']],
    [{ sign: 'first' }, ['A1-1']],
    [{ sign: 'repeated' }, ['B1-1']],
  ])('%j → %j', (filter, expected) => {
    expect(codes(filter)).toEqual(expected);
  });

  it('filters members of a list by their «repeated» mark', () => {
    const member = { ...verdict('A1-1', { category: 1 }), repeated: true };
    expect(matchesSchool(member, { sign: 'repeated' })).toBe(true);
    expect(matchesSchool(member, { sign: 'first' })).toBe(false);
  });

  it('lists the municipalities by name', () => {
    expect(municipalitiesOf(schools)).toEqual([
      { value: 'A1', label: 'Берёзовский район' },
      { value: 'B1', label: 'Город' },
    ]);
  });
});

describe('the difference from the previous list', () => {
  it('names every school, the removed ones from the previous list', () => {
    const run = {
      difference: {
        added: ['A1-1'],
        removed: ['C1-1'],
        categoryChanged: [{ code: 'B1-1', from: 1, to: 2 }],
        repeated: ['B1-1'],
      },
      removed: [{ organisationId: 'x', code: 'C1-1', name: 'Школа ушедшая', municipality: 'Город' }],
      schools: [verdict('A1-1'), verdict('B1-1')],
    } satisfies Pick<RunDetail, 'difference' | 'removed' | 'schools'>;
    expect(differenceGroups(run)).toEqual([
      { key: 'added', title: 'Включены впервые', items: [{ code: 'A1-1', name: 'Школа A1-1' }] },
      { key: 'repeated', title: 'Включены повторно', items: [{ code: 'B1-1', name: 'Школа B1-1' }] },
      { key: 'removed', title: 'Исключены из перечня', items: [{ code: 'C1-1', name: 'Школа ушедшая' }] },
      {
        key: 'changed',
        title: 'Сменили категорию',
        items: [{ code: 'B1-1', name: 'Школа B1-1', note: 'кат. 1 → кат. 2' }],
      },
    ]);
    expect(differenceGroups({ ...run, difference: null })).toEqual([]);
  });
});

describe('the chart by municipality', () => {
  it('stacks the categories and the schools not listed, most listed first', () => {
    const data = municipalityChartData(
      [
        { key: 'Город', schools: 12, listed: 1, byCategory: { '1': 1 }, share: 8.3 },
        { key: 'Озёрский', schools: 8, listed: 2, byCategory: { '1': 1, '2': 1 }, share: 25 },
        { key: 'Новоречинск', schools: 12, listed: 0, byCategory: {}, share: 0 },
      ],
      [1, 2],
    );
    expect(data.municipalities).toEqual(['Озёрский', 'Город', 'Новоречинск']);
    expect(data.series).toEqual([
      { name: 'Категория 1', category: 1, data: [1, 1, 0] },
      { name: 'Категория 2', category: 2, data: [1, 0, 0] },
      { name: 'Не включены', category: null, data: [6, 11, 12] },
    ]);
    expect(data.description.replace(/\u00a0/g, ' ')).toBe(
      'Озёрский: включено 2 из 8 — 25 %; Город: включено 1 из 12 — 8,3 %; Новоречинск: включено 0 из 12 — 0 %',
    );
  });
});
