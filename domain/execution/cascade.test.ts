// Cascading activities: which activity asks the levels below for their own roadmaps. In the five seeds exactly
// three do: seed 000 item 10 (a roadmap «в отношении каждой общеобразовательной организации»: schools), seed 004
// item 5 (school development programmes) and item 6 (municipal documents). Everything else must not.
import { beforeAll, describe, expect, it } from 'vitest';
import { readTxt } from '../../adapters/txt/read-txt.ts';
import { seedFile, seedsPresent } from '../../test/seeds/seed-files.ts';
import { allActivities, type ProgrammeLevel } from '../programme/programme.ts';
import { readProgramme } from '../programme/read-programme.ts';
import { type CascadeLevel, cascadeLevelOf, cascadeTitle, mayCascade, roadmapTemplate } from './cascade.ts';

describe('the activities of the seeds that cascade', () => {
  // [seed, item, text as read from the seed, level]
  const rows: [string, string, string, CascadeLevel][] = [
    [
      '000',
      '10.',
      'Разработка «дорожной карты» по повышению качества образования в отношении каждой общеобразовательной организации в органах местного самоуправления, осуществляющих управление в сфере образования на территории соответствующего муниципального образования',
      'school',
    ],
    [
      '004',
      '5.',
      'Разработка программ по повышению результатов образовательной деятельности ОО: Программа развития общеобразовательной организации',
      'school',
    ],
    [
      '004',
      '6.',
      'Разработка муниципальных документов, регламентирующих реализацию мероприятий по поддержке школ с низкими образовательными результатами',
      'municipality',
    ],
  ];
  it.each(rows)('seed %s item %s: «%s» → %s', (_seed, _item, text, level) => {
    expect(cascadeLevelOf(text)).toBe(level);
  });
});

describe('near misses in the seeds: development, documents, roadmaps — but no cascade', () => {
  // [seed, item, text, why not]
  const rows: [string, string, string, string][] = [
    [
      '000',
      '2.',
      'Разработка региональной Дорожной карты (плана мероприятий) по повышению качества образования в общеобразовательных организациях Кемеровской области - Кузбасса, имеющих низкие образовательные результаты обучающихся, на 2021/2022 годы (далее – Дорожная карта)',
      'the region’s own roadmap',
    ],
    [
      '000',
      '9.',
      'Разработка и утверждение графика консультаций для школ с низкими образовательными результатами представителями мобильных групп (Приложение к Дорожной карте)',
      'a schedule, an appendix of the regional roadmap',
    ],
    [
      '000',
      '11.',
      'Разработка внутришкольных механизмов мониторинга качества подготовки обучающихся',
      'mechanisms, not a roadmap',
    ],
    [
      '000',
      '12.',
      'Разработка муниципальных механизмов мониторинга качества подготовки обучающихся школ',
      'mechanisms',
    ],
    [
      '000',
      '15.',
      'Курсы повышения квалификации «Муниципальные механизмы перевода школ в эффективный режим работы в контексте командного взаимодействия» (муниципальными командами) с учетом выявленных профессиональных затруднений, дефицитов и потребностей; разработка и экспертиза муниципальных проектов перевода в эффективный режим работы школы с низкими образовательными результатами',
      'courses where projects are drafted',
    ],
    [
      '000',
      '16.',
      'Курсы повышения квалификации «Управление переходом образовательной организации в эффективный режим работы: командное взаимодействие» (школьным командам), программы стажировки с учетом выявленных профессиональных затруднений, дефицитов и потребностей; разработка и экспертиза школьных проектов перехода в эффективный режим работы',
      'courses; «программы стажировки» are the courses’',
    ],
    [
      '000',
      '21.',
      'Анализ реализации мероприятий Дорожной карты и планирование работы на 2022/2023 учебный год',
      'analysis',
    ],
    [
      '001',
      '1.1.',
      'Разработка нормативно-правовых документов, регламентирующих реализацию мероприятий Программы, методических рекомендаций',
      'the region’s own documents',
    ],
    [
      '001',
      '1.6.',
      'Разработка методических рекомендаций по итогам мониторинговых исследований качества образования, регионального рейтингования',
      'recommendations',
    ],
    [
      '001',
      '2.8.',
      'Анализ развития кадрового потенциала школ, помощь в подготовке индивидуальных программ личностного роста педагогов',
      'teachers’ programmes',
    ],
    ['001', '3.2.', 'Разработка и реализация индивидуальных образовательных маршрутов обучающихся', 'pupils’ routes'],
    ['002', '1.2.', 'Утверждение плана работы Рабочей группы (Координационного совета)', 'the working group’s plan'],
    [
      '002',
      '1.6.',
      'Проведение модельных семинаров по разработке программы перехода школ с низкими результатами обучения в эффективный режим функционирования',
      'seminars about programmes',
    ],
    [
      '002',
      '2.7.',
      'Тематическая проверка «Использование результатов образовательных достижений обучающихся для управления качеством образования» (СОШ № 2, 4, 6, 7, 8, 24, 34). Собеседование с администрацией школы по итогам проверки, корректировка планов работы образовательного учреждения.',
      'an inspection; plans corrected',
    ],
    [
      '003',
      '4',
      'Формирование паспорта проекта и дорожных карт в школах, вошедших в МП «План Быстрых Преобразований».',
      'forming, not developing (see the report: a coordinator may want this suggested)',
    ],
    [
      '003',
      '6',
      'Анализ хода проекта, при необходимости, корректировка проектов школ и дорожных карт ОУ.',
      'correction of existing roadmaps',
    ],
    [
      '003',
      '8',
      'Разработка плана сетевого взаимодействия между школами с низкими результатами обучения и/или школами, функционирующими в неблагоприятных социальных условиях со школами, показывающими стабильно высокие результаты',
      'a network plan',
    ],
  ];
  it.each(rows)('seed %s item %s: «%s» (%s)', (_seed, _item, text) => {
    expect(cascadeLevelOf(text)).toBeNull();
  });
});

describe.runIf(seedsPresent)('every activity of the five seeds', () => {
  const found: string[] = [];
  let count = 0;
  beforeAll(() => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const f = seedFile(prefix);
      for (const a of allActivities(readProgramme(readTxt(f.text, f.name)))) {
        count++;
        const level = cascadeLevelOf(a.text);
        if (level) found.push(`${prefix} ${a.number} ${level}`);
      }
    }
  });
  it('117 activities read; exactly three cascade', () => {
    expect(count).toBe(117); // 21 + 23 + 28 + 13 + 32
    expect(found).toEqual(['000 10. school', '004 5. school', '004 6. municipality']);
  });
});

describe('wordings outside the seeds', () => {
  // [text, level, the module disagrees (see the report)]
  const rows: [string, CascadeLevel | null][] = [
    ['Разработка школьных дорожных карт', 'school'],
    ['Разработка и утверждение школьных дорожных карт', 'school'],
    ['Разработка дорожных карт школ', 'school'],
    ['Утверждение программ развития ОО', 'school'],
    ['Разработка программ развития школ', 'school'],
    ['Подготовка и утверждение программ развития общеобразовательных организаций', 'school'],
    ['Разработка муниципальной дорожной карты', 'municipality'],
    ['Разработка муниципальных программ поддержки школ', 'municipality'], // programmes of the municipalities
    ['Утверждение муниципальных документов по сопровождению ШНОР', 'municipality'],
    ['Разработка региональной программы', null],
    ['Проведение семинара для руководителей ОО', null],
    ['Разработка методических рекомендаций', null],
    ['', null],
    // «ОО» followed by a Cyrillic letter, a stop or the end: `ОО\b` never matches, \b being ASCII-only.
    ['Разработка дорожных карт ОО', 'school'],
    ['Разработка программ ОО.', 'school'],
    // «программы школьного этапа» is an olympiad's programme, not a school's roadmap.
    ['Разработка программы школьного этапа всероссийской олимпиады школьников', null],
    // A school roadmap that cites the regional programme is still a school roadmap.
    ['Разработка школьных дорожных карт в соответствии с региональной программой', 'school'],
  ];
  for (const [text, level] of rows) {
    it(`«${text}» → ${level}`, () => {
      expect(cascadeLevelOf(text)).toBe(level);
    });
  }
});

describe('mayCascade: the region asks municipalities and schools, a municipality its schools', () => {
  const rows: [ProgrammeLevel, CascadeLevel, boolean][] = [
    ['region', 'municipality', true],
    ['region', 'school', true],
    ['municipality', 'school', true],
    ['municipality', 'municipality', false],
    ['school', 'school', false],
    ['school', 'municipality', false],
  ];
  it.each(rows)('%s → %s: %s', (from, to, may) => {
    expect(mayCascade(from, to)).toBe(may);
  });
});

describe('roadmapTemplate', () => {
  it('a school’s roadmap: five directions, the first and last with their first activities', () => {
    const t = roadmapTemplate('school');
    expect(t.map((s) => [s.title, s.activities.length])).toEqual([
      ['Организационные мероприятия', 1],
      ['Работа с педагогическими кадрами', 0],
      ['Работа с обучающимися', 0],
      ['Работа с родителями', 0],
      ['Мониторинг и анализ результатов', 1],
    ]);
    expect(t[0]!.activities[0]).toEqual({
      text: 'Назначение ответственного за реализацию дорожной карты школы',
      deadlineText: '',
      responsible: 'Директор школы',
      informationSupport: 'Приказ о назначении',
    });
    expect(t[4]!.activities[0]!.informationSupport).toBe('Аналитическая справка');
  });
  it('a municipality’s roadmap: three directions; it appoints a coordinator and approves its schools’ roadmaps', () => {
    const t = roadmapTemplate('municipality');
    expect(t.map((s) => [s.title, s.activities.length])).toEqual([
      ['Организационные мероприятия', 2],
      ['Методическое сопровождение школ', 0],
      ['Мониторинг и анализ результатов', 0],
    ]);
    expect(t[0]!.activities.map((a) => a.text)).toEqual([
      'Назначение муниципального координатора сопровождения школ с низкими образовательными результатами',
      'Утверждение дорожных карт школ муниципалитета',
    ]);
  });
  it('every template activity is complete enough to save: text, responsible and evidence wording, no deadline yet', () => {
    for (const level of ['school', 'municipality'] as const)
      for (const s of roadmapTemplate(level))
        for (const a of s.activities) {
          expect(a.text.trim()).not.toBe('');
          expect(a.responsible.trim()).not.toBe('');
          expect(a.informationSupport.trim()).not.toBe('');
          expect(a.deadlineText).toBe('');
        }
  });
  it('templates are fresh copies: editing one does not change the next', () => {
    const first = roadmapTemplate('school');
    first[0]!.activities.push({ text: 'x', deadlineText: '', responsible: 'x', informationSupport: '' });
    expect(roadmapTemplate('school')[0]!.activities).toHaveLength(1);
  });
  it('only the municipal template’s approval of school roadmaps suggests a cascade, to its schools', () => {
    const cascading = (level: CascadeLevel) =>
      roadmapTemplate(level)
        .flatMap((s) => s.activities)
        .map((a) => [a.text, cascadeLevelOf(a.text)])
        .filter(([, l]) => l !== null);
    expect(cascading('school')).toEqual([]);
    expect(cascading('municipality')).toEqual([['Утверждение дорожных карт школ муниципалитета', 'school']]);
    expect(mayCascade('municipality', 'school')).toBe(true);
  });
});

describe('cascadeTitle', () => {
  it.each([
    [
      'school',
      'МБОУ «СОШ № 12»',
      'Дорожная карта',
      'Дорожная карта школы: МБОУ «СОШ № 12». К программе «Дорожная карта»',
    ],
    [
      'municipality',
      'Управление образования г. Калининграда',
      'Региональный проект «500+»',
      'Муниципальная дорожная карта: Управление образования г. Калининграда. К программе «Региональный проект «500+»»',
    ],
  ] as const)('%s: %s', (level, owner, parent, title) => {
    expect(cascadeTitle(level, owner, parent)).toBe(title);
  });
  it('a very long parent title is cut at 300 characters', () => {
    const title = cascadeTitle('school', 'Школа', 'я'.repeat(400));
    expect(title).toBe(`Дорожная карта школы: Школа. К программе «${'я'.repeat(300)}»`);
  });
});
