import { describe, expect, it } from 'vitest';
import { countCoverage, suggestCoverage } from './coverage.ts';

describe('suggestCoverage reads the audience and measure of a wording', () => {
  it.each([
    [
      'Доля заместителей руководителей образовательных организаций, прошедших курсы повышения квалификации по проблемам модернизации методической службы',
      { categories: ['deputy'], subjects: [], measure: 'trained', eventKinds: [] },
    ],
    [
      'Доля директоров и заместителей директоров школ, прошедших курсы повышения квалификации по проблемам разработки и реализации программ развития',
      { categories: ['deputy', 'director'], subjects: [], measure: 'trained', eventKinds: [] },
    ],
    [
      'Доля педагогических работников образовательных организаций, прошедших повышение квалификации по актуальным вопросам',
      { categories: ['teacher', 'specialist'], subjects: [], measure: 'trained', eventKinds: [] },
    ],
    [
      '100% директоров ОУ с низкими образовательными результатами примут участие в вебинаре.',
      { categories: ['director'], subjects: [], measure: 'attended', eventKinds: ['webinar'] },
    ],
    [
      '100% директоров ОУ с низкими образовательными результатами примут участие в совещании. Приказ УО',
      { categories: ['director'], subjects: [], measure: 'attended', eventKinds: ['meeting'] },
    ],
    [
      '100% руководящих работников ОУ с низкими образовательными результатами примут участие в семинарах.',
      { categories: ['director', 'deputy'], subjects: [], measure: 'attended', eventKinds: ['seminar'] },
    ],
    [
      'Повышение квалификации не менее 90 % руководящих работников, учителей начальных классов, учителей русского языка и математики в соответствии с проф.дефицитами',
      {
        categories: ['director', 'deputy', 'teacher'],
        subjects: ['начальные классы', 'русский язык', 'математика'],
        measure: 'trained',
        eventKinds: [],
      },
    ],
    [
      'Охвачено методическими мероприятиями не менее 90 % руководящих работников, учителей начальных классов, учителей русского языка и математики',
      {
        categories: ['director', 'deputy', 'teacher'],
        subjects: ['начальные классы', 'русский язык', 'математика'],
        measure: 'attended',
        eventKinds: [],
      },
    ],
    [
      'Доля заместителей руководителей образовательных организаций, прошедших курсы повышения квалификации по проблемам модернизации методической службы, обеспечивающей непрерывное развитие профессиональной компетентности педагогов, к общей численности указанных групп педагогических работников',
      { categories: ['deputy'], subjects: [], measure: 'trained', eventKinds: [] },
    ],
    [
      'Доля директоров и заместителей директоров школ, прошедших курсы повышения квалификации по проблемам разработки и реализации программ развития по переводу школы в эффективный режим работы, к общей численности указанных групп педагогических работников школ с низкими результатами обучения',
      { categories: ['director', 'deputy'], subjects: [], measure: 'trained', eventKinds: [] },
    ],
  ])('%s', (wording, expected) => {
    const got = suggestCoverage(wording)!;
    expect({ ...got, categories: [...got.categories].sort() }).toEqual({
      ...expected,
      categories: [...expected.categories].sort(),
    });
  });
  it.each([
    'Доля школ, в которых разработаны и реализуются программы учительского роста',
    'Доля обучающихся школ с НОР, успешно выполнивших ВПР по русскому языку и математике',
    '100% ОУ примут участие в мониторинге.',
  ])('names no staff audience: %s', (wording) => {
    expect(suggestCoverage(wording)).toBeNull();
  });
});

describe('countCoverage', () => {
  const staff = [
    { id: 'd1', category: 'director' as const, subjects: [] },
    { id: 'd2', category: 'director' as const, subjects: [] },
    { id: 'z1', category: 'deputy' as const, subjects: [] },
    { id: 't1', category: 'teacher' as const, subjects: ['математика'] },
    { id: 't2', category: 'teacher' as const, subjects: ['физика'] },
  ];
  it('counts the audience by category and restricts teachers by subject', () => {
    const spec = {
      categories: ['director', 'teacher'] as const,
      subjects: ['математика'],
      measure: 'attended' as const,
      eventKinds: [],
    };
    const c = countCoverage({ ...spec, categories: [...spec.categories] }, staff, new Set(['d1', 't1', 't2', 'z1']), 2);
    expect(c).toMatchObject({ audience: 3, covered: 2 });
    expect(c.value).toBeCloseTo(66.667, 2);
    expect(c.explanation).toBe(
      'Участвовали в мероприятиях программы: 2 из 3 директоров, учителей (математика) целевых школ (2).',
    );
  });
  it('has no value without an audience and says what to do', () => {
    const c = countCoverage(
      { categories: ['specialist'], subjects: [], measure: 'trained', eventKinds: [] },
      staff,
      new Set(),
      2,
    );
    expect(c.value).toBeNull();
    expect(c.explanation).toContain('внесите сотрудников школ');
  });
});
