// Each preset against a small fixture region whose lists were computed by hand; the arithmetic is written
// next to every case.
import { describe, expect, it } from 'vitest';
import { identifySchools } from './identify.ts';
import { checkDefinition, meets, type Threshold } from './methodology.ts';
import { presetByCode } from './presets.ts';
import type { GiaResult, IdentificationSchool, JournalResult, ResultsByKind, VprResult } from './results.ts';

const preset = (code: string) => {
  const m = presetByCode(code);
  if (!m) throw new Error(code);
  return m.definition;
};

/** ВПР row: participants and «2»; the rest of the marks are «3» except `n5` «5». */
const vpr = (
  schoolCode: string,
  year: number,
  subject: string,
  grade: number,
  participants: number,
  n2: number,
  n5 = 0,
): VprResult => ({
  year,
  schoolCode,
  subject,
  grade,
  participants,
  n2,
  n3: participants - n2 - n5,
  n4: 0,
  n5,
});
const gia = (
  schoolCode: string,
  year: number,
  exam: 'ОГЭ' | 'ЕГЭ',
  subject: string,
  participants: number,
  belowMin: number,
): GiaResult => ({
  year,
  schoolCode,
  exam,
  subject,
  participants,
  belowMin,
});
const journal = (
  schoolCode: string,
  year: number,
  subject: string,
  grade: number,
  participants: number,
  lowered: number,
  raised: number,
): JournalResult => ({
  year,
  schoolCode,
  subject,
  grade,
  participants,
  lowered,
  confirmed: participants - lowered - raised,
  raised,
});

const school = (code: string, type: string, municipality: string): IdentificationSchool => ({
  code,
  name: `Школа ${code}`,
  type,
  municipality,
});

const schools = [
  school('S1', 'СОШ', 'М1'),
  school('S2', 'ООШ', 'М1'),
  school('S3', 'СОШ', 'М2'),
  school('S4', 'гимназия', 'М2'),
  school('S5', 'лицей', 'М2'),
  school('S6', 'СОШ', 'М3'),
];

const results: ResultsByKind = {
  vpr: [
    // S1: ВПР математика 5 — 2019: 6 of 20 = 30 % (low: «не менее 30 %»), 2021: 3 of 10 = 30 % (low).
    //     In 2021 «5» 1 of 10 = 10 % ≤ 15 %: red zone of 2021.
    vpr('S1', 2019, 'математика', 5, 20, 6),
    vpr('S1', 2021, 'математика', 5, 10, 3, 1),
    // S2: ВПР русский язык 6 — 2019: 3 of 10 = 30 % (low), 2021: 2 of 10 = 20 % (not low): low in one year only.
    vpr('S2', 2019, 'русский язык', 6, 10, 3, 2),
    vpr('S2', 2021, 'русский язык', 6, 10, 2, 2),
    // S3: ВПР математика 6 — 2019: 2 999 of 10 000 = 29.99 % (not low), 2021: 3 001 of 10 000 = 30.01 % (low).
    //     2021 «5»: 1 501 of 10 000 = 15.01 % > 15 %: not red zone.
    vpr('S3', 2019, 'математика', 6, 10_000, 2_999, 1_500),
    vpr('S3', 2021, 'математика', 6, 10_000, 3_001, 1_501),
    // S5: ВПР математика 5 and русский язык 5 — 4 of 10 = 40 % in both years: two procedures.
    //     2021 «5»: 15 of 100? no — 0 of 10 = 0 %: red zone as well.
    vpr('S5', 2019, 'математика', 5, 10, 4),
    vpr('S5', 2021, 'математика', 5, 10, 4),
    vpr('S5', 2019, 'русский язык', 5, 10, 4),
    vpr('S5', 2021, 'русский язык', 5, 10, 4),
    // S6: ВПР математика 7 — 50 % in both years, but grade 7 is not a procedure of kuzbass-2021.
    //     It is a ВПР result of 2021 with «5» 0 %: red zone (the red zone looks at every ВПР).
    vpr('S6', 2019, 'математика', 7, 10, 5),
    vpr('S6', 2021, 'математика', 7, 10, 5),
  ],
  gia: [
    // S1: ОГЭ математика — 2019: 4 of 10 = 40 % below the minimum, 2021: 3 of 10 = 30 %: low in both.
    gia('S1', 2019, 'ОГЭ', 'математика', 10, 4),
    gia('S1', 2021, 'ОГЭ', 'математика', 10, 3),
    // S2: ОГЭ русский язык — 5 of 10 = 50 % in both years.
    gia('S2', 2019, 'ОГЭ', 'русский язык', 10, 5),
    gia('S2', 2021, 'ОГЭ', 'русский язык', 10, 5),
    // S3: ЕГЭ математика (профильная) with no participants in either year: no data is not a low result.
    gia('S3', 2019, 'ЕГЭ', 'математика (профильная)', 0, 0),
    gia('S3', 2021, 'ЕГЭ', 'математика (профильная)', 0, 0),
    // S5: ЕГЭ русский язык — 3 of 10 = 30 % in both years: a third procedure.
    gia('S5', 2019, 'ЕГЭ', 'русский язык', 10, 3),
    gia('S5', 2021, 'ЕГЭ', 'русский язык', 10, 3),
  ],
  journal: [
    // S1 2021: lowered 1 + raised 3 = 4 of 20 = 20 % > 15 %: objectivity gap.
    journal('S1', 2021, 'математика', 5, 20, 1, 3),
    // S2 2021, pooled: (0 + 1) + (1 + 1) = 3 of 10 + 10 = 20 → 15 %, not more than 15 %: no gap.
    journal('S2', 2021, 'математика', 5, 10, 0, 1),
    journal('S2', 2021, 'русский язык', 5, 10, 1, 1),
    // S5 2021: raised 1 501 of 10 000 = 15.01 % > 15 %: gap.
    journal('S5', 2021, 'математика', 5, 10_000, 0, 1_501),
    // S6 2019 only: 50 % but not in the run year 2021.
    journal('S6', 2019, 'математика', 7, 10, 5, 0),
  ],
};

const byCode = (outcome: ReturnType<typeof identifySchools>) => new Map(outcome.schools.map((s) => [s.code, s]));

describe('thresholds follow the wording', () => {
  const atLeast30: Threshold = { op: '>=', percent: 30 };
  const moreThan15: Threshold = { op: '>', percent: 15 };
  const atMost15: Threshold = { op: '<=', percent: 15 };
  it.each([
    // count, total, threshold, expected
    [2_999, 10_000, atLeast30, false], // 29.99 %
    [3_000, 10_000, atLeast30, true], // 30 %
    [3_001, 10_000, atLeast30, true], // 30.01 %
    [3, 10, atLeast30, true], // 30 % of a small class
    [1, 3, atLeast30, true], // 33.3 %
    [1_500, 10_000, moreThan15, false], // 15 %: «более 15 %» is strict
    [1_501, 10_000, moreThan15, true], // 15.01 %
    [1_500, 10_000, atMost15, true], // 15 %: «15 % и менее» is inclusive
    [1_501, 10_000, atMost15, false], // 15.01 %
    [0, 0, atLeast30, false], // no participants: no data, not a low result
    [0, 0, atMost15, false], // no participants: not a red zone either
  ] as const)('%i of %i against %o → %s', (count, total, t, expected) => {
    expect(meets(count, total, t)).toBe(expected);
  });
  it('a fractional threshold is exact too', () => {
    expect(meets(2_999, 10_000, { op: '>=', percent: 29.99 })).toBe(true);
    expect(meets(2_998, 10_000, { op: '>=', percent: 29.99 })).toBe(false);
  });
});

describe('kuzbass-2021 (seed 000): low in 2019 and in 2021 on two procedures → 1, on one → 2', () => {
  const outcome = identifySchools({ schools, results, methodology: preset('kuzbass-2021') });
  const v = byCode(outcome);

  it('lists the schools computed by hand', () => {
    // S1: ВПР математика 5 and ОГЭ математика low in both years → 2 procedures → category 1.
    // S2: only ОГЭ русский язык low in both years (ВПР русский 6 only in 2019) → 1 → category 2.
    // S3: ВПР математика 6 is 29.99 % in 2019 → low only in 2021; ЕГЭ without participants → 0 → not listed.
    // S4: no results at all → not listed. S5: three procedures → category 1. S6: grade 7 is not counted.
    expect(outcome.year).toBe(2021);
    expect(outcome.schools.map((s) => [s.code, s.category, s.lowProcedures])).toEqual([
      ['S1', 1, 2],
      ['S2', 2, 1],
      ['S3', null, 0],
      ['S4', null, 0],
      ['S5', 1, 3],
      ['S6', null, 0],
    ]);
    expect(v.get('S4')?.hasResults).toBe(false);
  });

  it('explains every listed school with the procedure, the year and the share against the threshold', () => {
    const s1 = v.get('S1')!;
    expect(s1.reasons.map((r) => r.text)).toEqual([
      'Категория 1: Низкие результаты не менее чем по двум оценочным процедурам в 2019 и 2021 гг.',
      'ВПР математика 5 кл., 2019: «2» получили 6 из 20 участников — 30 % (порог: не менее 30 %).',
      'ВПР математика 5 кл., 2021: «2» получили 3 из 10 участников — 30 % (порог: не менее 30 %).',
      'ОГЭ математика, 2019: не преодолели минимальный порог 4 из 10 участников — 40 % (порог: не менее 30 %).',
      'ОГЭ математика, 2021: не преодолели минимальный порог 3 из 10 участников — 30 % (порог: не менее 30 %).',
      'Красная зона, 2021: ВПР математика 5 кл. — «2» у 3 из 10 (30 %, порог: не менее 30 %), «5» у 1 из 10 (10 %, порог: не более 15 %).',
      'Необъективность, 2021: отметки ВПР расходятся с отметками журнала у 4 из 20 участников — 20 % (порог: более 15 %); понизили 1, повысили 3.',
    ]);
    const low = s1.reasons.find((r) => r.kind === 'low-procedure');
    expect(low).toMatchObject({ procedure: 'ВПР математика 5 кл.', year: 2019, count: 6, participants: 20, share: 30 });
  });

  it('keeps the whole table behind the decision, low or not', () => {
    const s3 = v.get('S3')!;
    expect(s3.evidence).toEqual([
      { procedure: 'ВПР математика 6 кл.', year: 2019, participants: 10_000, count: 2_999, share: 30, low: false },
      { procedure: 'ВПР математика 6 кл.', year: 2021, participants: 10_000, count: 3_001, share: 30, low: true },
      { procedure: 'ЕГЭ математика (профильная)', year: 2019, participants: 0, count: 0, share: 0, low: false },
      { procedure: 'ЕГЭ математика (профильная)', year: 2021, participants: 0, count: 0, share: 0, low: false },
    ]);
  });

  it('counts the shares of seed 000’s two target indicators', () => {
    // Listed: S1, S2, S5 = 3 of 6 schools = 50 %; municipalities with listed schools: М1, М2 = 2 of 3 = 66.7 %.
    expect(outcome.totals).toMatchObject({
      schools: 6,
      listed: 3,
      byCategory: { 1: 2, 2: 1 },
      share: 50,
      municipalities: 3,
      municipalitiesWithListed: 2,
      municipalitiesShare: 66.7,
      withoutResults: 1,
    });
    // By type: СОШ S1 (1), S3, S6 → 1 of 3; ООШ S2 (2) → 1 of 1; лицей S5 → 1 of 1; гимназия S4 → 0 of 1.
    expect(Object.fromEntries(outcome.totals.byType.map((g) => [g.key, [g.listed, g.schools]]))).toEqual({
      СОШ: [1, 3],
      ООШ: [1, 1],
      лицей: [1, 1],
      гимназия: [0, 1],
    });
    expect(Object.fromEntries(outcome.totals.byMunicipality.map((g) => [g.key, g.share]))).toEqual({
      М1: 100,
      М2: 33.3,
      М3: 0,
    });
  });

  it('reads «low in any of the years» when the parameter says so', () => {
    const any = structuredClone(preset('kuzbass-2021'));
    for (const rule of any.rules) for (const c of rule.conditions) if (c.kind === 'low-procedures') c.yearsMode = 'any';
    const w = byCode(identifySchools({ schools, results, methodology: any }));
    // S2: ВПР русский 6 (2019) and ОГЭ русский → 2 → category 1. S3: ВПР математика 6 (2021) → 1 → category 2.
    expect([w.get('S2')?.category, w.get('S3')?.category, w.get('S6')?.category]).toEqual([1, 2, null]);
  });

  it('marks repeated schools and the difference from the previous approved list', () => {
    const previous = new Map<string, number | null>([
      ['S1', 2],
      ['S3', 1],
    ]);
    const out = identifySchools({ schools, results, methodology: preset('kuzbass-2021'), previous });
    // Now S1 (1), S2 (2), S5 (1); before S1 (2), S3 (1).
    expect(out.difference).toEqual({
      added: ['S2', 'S5'],
      removed: ['S3'],
      categoryChanged: [{ code: 'S1', from: 2, to: 1 }],
      repeated: ['S1'],
    });
    const s1 = byCode(out).get('S1')!;
    expect([s1.inPreviousList, s1.previousCategory]).toEqual([true, 2]);
  });
});

describe('red-zone (seed 003): some ВПР of the year with «2» ≥ 30 % and «5» ≤ 15 %', () => {
  it('lists the schools computed by hand for 2021', () => {
    const out = identifySchools({ schools, results, methodology: preset('red-zone') });
    // S1: математика 5 — 30 % «2», 10 % «5» → red. S2: 20 % «2» → no. S3: 30.01 % «2» but 15.01 % «5» → no.
    // S5: 40 % «2», 0 % «5» → red. S6: математика 7 — 50 % «2», 0 % «5» → red (every ВПР counts).
    expect(out.schools.filter((s) => s.category !== null).map((s) => s.code)).toEqual(['S1', 'S5', 'S6']);
    expect(out.schools.map((s) => s.redZone)).toEqual([true, false, false, false, true, true]);
  });
  it('«5» at exactly 15 % is still the red zone', () => {
    const out = identifySchools({
      schools: [school('Z', 'СОШ', 'М1')],
      results: { vpr: [vpr('Z', 2021, 'математика', 4, 20, 6, 3)], gia: [], journal: [] }, // 30 % and 15 %
      methodology: preset('red-zone'),
    });
    expect(out.schools[0]?.category).toBe(1);
  });
});

describe('objectivity (seed 003): ВПР and journal marks differ for more than 15 % of the compared students', () => {
  it('lists the schools computed by hand for 2021', () => {
    const out = identifySchools({ schools, results, methodology: preset('objectivity') });
    // S1 20 % → yes; S2 pooled 15 % → no (strict); S5 15.01 % → yes; S6 only in 2019 → no.
    expect(out.schools.filter((s) => s.category !== null).map((s) => s.code)).toEqual(['S1', 'S5']);
    expect(out.schools.map((s) => s.objectivityShare)).toEqual([20, 15, null, null, 15, null]);
  });
  it('judges an earlier year when asked', () => {
    const out = identifySchools({ schools, results, methodology: preset('objectivity'), year: 2019 });
    expect(out.schools.filter((s) => s.category !== null).map((s) => s.code)).toEqual(['S6']);
  });
});

describe('supervision-2025: two low procedures in Y and the same procedure low in Y−1 and Y', () => {
  const data: ResultsByKind = {
    vpr: [
      // A: 2025 ВПР математика 5 low (4 of 10); B: the same; B 2024 ВПР русский 6 low (5 of 10).
      vpr('A', 2025, 'математика', 5, 10, 4),
      vpr('B', 2025, 'математика', 5, 10, 4),
      vpr('B', 2024, 'русский язык', 6, 10, 5),
    ],
    gia: [
      // A: ОГЭ математика low in 2025 (3 of 10) and in 2024 (6 of 20) → the same procedure in Y−1 and Y.
      gia('A', 2025, 'ОГЭ', 'математика', 10, 3),
      gia('A', 2024, 'ОГЭ', 'математика', 20, 6),
      // B: ОГЭ математика low in 2025 only; in 2024 5 of 20 = 25 %.
      gia('B', 2025, 'ОГЭ', 'математика', 10, 3),
      gia('B', 2024, 'ОГЭ', 'математика', 20, 5),
      // C: ОГЭ математика low in both years, but only one low procedure in 2025.
      gia('C', 2025, 'ОГЭ', 'математика', 10, 5),
      gia('C', 2024, 'ОГЭ', 'математика', 10, 5),
    ],
    journal: [],
  };
  const abc = [school('A', 'СОШ', 'М1'), school('B', 'СОШ', 'М1'), school('C', 'ООШ', 'М2')];

  it('lists only A for Y = 2025', () => {
    const out = identifySchools({ schools: abc, results: data, methodology: preset('supervision-2025') });
    // A: 2 low in 2025 and ОГЭ математика in 2024 and 2025 → listed.
    // B: 2 low in 2025, but no procedure low in both 2024 and 2025 → not listed.
    // C: 1 low in 2025 → not listed.
    expect(out.year).toBe(2025);
    expect(out.schools.map((s) => [s.code, s.category, s.lowProcedures])).toEqual([
      ['A', 1, 2],
      ['B', null, 2],
      ['C', null, 1],
    ]);
  });
});

describe('every shipped preset is a valid definition', () => {
  it.each(['kuzbass-2021', 'supervision-2025', 'red-zone', 'objectivity'])('%s', (code) => {
    expect(checkDefinition(preset(code))).toEqual([]);
  });
  it('a broken definition is explained', () => {
    const d = structuredClone(preset('kuzbass-2021'));
    d.lowResult.vpr.percent = 130;
    d.rules[0]!.conditions = [];
    expect(checkDefinition(d)).toEqual([
      'порог низкого результата ВПР: укажите значение от 0 до 100 %.',
      'Правило 1 («Низкие результаты не менее чем по двум оценочным процедурам в 2019 и 2021 гг.»): укажите хотя бы одно условие.',
    ]);
  });
});
