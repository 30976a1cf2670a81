// The five seed programmes load exactly: counts, sample fields word for word, and no warning other than
// the real ones (issue 4).
import { beforeAll, describe, expect, it } from 'vitest';
import { readTxt } from '../../adapters/txt/read-txt.ts';
import { allActivities, type ProgrammeDraft } from '../../domain/programme/programme.ts';
import { readProgramme, summarise } from '../../domain/programme/read-programme.ts';
import { seedFile, seedsPresent } from './seed-files.ts';

// Skipped describe bodies still run when tests are collected, so seeds are read in hooks, never in a body.
const load = (prefix: string): ProgrammeDraft => {
  const f = seedFile(prefix);
  return readProgramme(readTxt(f.text, f.name));
};
const warningCodes = (p: ProgrammeDraft) => p.warnings.map((w) => `${w.code} ${w.path}`);
const percent = (v: string) => Number(v.replace(/[^\d]/g, ''));

describe.runIf(seedsPresent)('seed 000 — Kuzbass regional roadmap 2022', () => {
  let p: ProgrammeDraft;
  beforeAll(() => {
    p = load('000');
  });
  it('reads the order', () => {
    expect(p.act).toMatchObject({
      authority: 'МИНИСТЕРСТВО ОБРАЗОВАНИЯ КУЗБАССА',
      kind: 'приказ',
      number: '3872',
      date: '2021-12-30',
      place: 'г. Кемерово',
      signatory: 'С.Ю. Балакирева',
      signatoryPosition: 'Министр образования Кузбасса',
    });
    expect(p.kind).toBe('дорожная карта');
    expect(p.level).toBe('region');
    expect(p.period).toEqual({ start: '2021-12-30', end: '2022-12-31' });
  });
  it('has 21 activities, a working group of 6, 2 target indicators and 44 consultations', () => {
    expect(summarise(p)).toMatchObject({
      activities: 21,
      workingGroup: 6,
      indicators: 2,
      consultations: 44,
      tutorPairs: 0,
    });
    expect(p.indicators.map((i) => [i.unit, i.targets[0]?.period, i.targets[0]?.value])).toEqual([
      ['%', '2021/2022', '15%'],
      ['%', '2021/2022', '10%'],
    ]);
    expect(p.workingGroup[0]).toEqual({
      fullName: 'Лысых Ольга Борисовна',
      position: expect.stringMatching(/^заместитель министра образования Кузбасса/),
      role: 'член рабочей группы',
    });
  });
  it('reads activities word for word, with their deadlines', () => {
    const a = allActivities(p);
    expect(a[0]).toMatchObject({
      number: '1.',
      deadline: {
        text: 'Январь 2022 года',
        reading: { kind: 'range', windows: [{ start: '2022-01-01', end: '2022-01-31' }] },
      },
    });
    expect(a[0]!.text).toMatch(/^Создание региональной рабочей группы по вопросам повышения к/);
    // A row broken by a page: «Проблемный on-line семинар для» + «руководителей …», «Апрель» + «2022 года».
    expect(a[19]!.number).toBe('20.');
    expect(a[19]!.text).toMatch(
      /^Проблемный on-line семинар для руководителей территориальных психолого-медико-педагогических/,
    );
    expect(a[19]!.deadline.text).toBe('Апрель 2022 года');
    expect(a[14]!.deadline.reading.windows).toEqual([{ start: '2022-02-24', end: '2022-03-15' }]);
    expect(a[5]!.deadline.reading.kind).toBe('external');
  });
  it('has 44 consultations from March to December 2022, each with its responsible where the document gives one', () => {
    const c = p.consultations;
    expect(c[0]).toMatchObject({
      topic: '«Рисковый профиль для формирования направлений, призванных вывести школу из зоны риска»',
      when: { text: 'Март 2022 года' },
      responsible: ['Неверова Н. С., зам. директора «Крапивинская СОШ»'],
    });
    expect(c.at(-1)!.when.text).toBe('Декабрь 2022 года');
    const months = c.map((x) => (x.when.reading.windows[0]?.start ?? '').slice(0, 7));
    expect(months[0]).toBe('2022-03');
    expect([...months].sort()).toEqual(months);
    // The topic split by a page break and shared by two people (seed rows 198–202).
    const shared = c.find((x) => x.topic.startsWith('«Эффективное использование'))!;
    expect(shared.topic).toBe('«Эффективное использование образовательных технологий при подготовке к ВПР, ОГЭ, ЕГЭ»');
    expect(shared.responsible).toEqual([
      'Бикбаева Л. А., директор «СОШ № 22», г. Анжеро-Судженск',
      'Кукшеева О. Ю., директор «Гимназия №2», г. Мариинск',
    ]);
    expect(c.filter((x) => x.responsible.length > 0)).toHaveLength(39);
  });
  it('warns of exactly the real problems: three numbers for one order, activity 17 dated 2021', () => {
    expect(warningCodes(p)).toEqual([
      'act.number_mismatch act.number',
      'deadline.outside_period sections[0].activities[16].deadline',
    ]);
    expect(p.warnings[0]!.message).toContain('№ 3872, № 3878, № 3842');
  });
});

describe.runIf(seedsPresent)('seed 001 — Samara Northern directorate programme 2022–2023', () => {
  let p: ProgrammeDraft;
  beforeAll(() => {
    p = load('001');
  });
  it('reads the order and the period', () => {
    expect(p.act).toMatchObject({
      kind: 'распоряжение',
      number: '375-р',
      date: '2021-12-09',
      signatory: 'Н.В. Куликова',
    });
    expect(p.kind).toBe('программа');
    expect(p.periodText).toBe('2022– 2023 гг.');
  });
  it('has 23 activities in 5 sections, each with its planned result', () => {
    expect(p.sections.map((s) => [s.number, s.activities.length])).toEqual([
      ['1.', 7],
      ['2.', 8],
      ['3.', 4],
      ['4.', 2],
      ['5.', 2],
    ]);
    expect(p.sections[0]!.title).toBe('Организационно-управленческие мероприятия');
    const a = allActivities(p);
    expect(a.every((x) => x.plannedResult !== '')).toBe(true);
    expect(a[0]).toMatchObject({
      number: '1.1.',
      deadline: { text: 'Декабрь-январь' },
      responsible: 'Северное управление',
      plannedResult: 'Распоряжение, методические рекомендации',
    });
    // «Создание банка данных» + «учащихся, …» continued over a page, «Ежегодно,» + «сентябрь».
    expect(a.find((x) => x.number === '3.1.')).toMatchObject({
      text: 'Создание банка данных учащихся, испытывающих затруднения в обучении',
      deadline: { text: 'Ежегодно, сентябрь', reading: { kind: 'recurring' } },
    });
  });
  it('has 9 target indicators with their targets', () => {
    expect(p.indicators.map((i) => percent(i.targets[0]!.value))).toEqual([100, 75, 60, 100, 90, 90, 90, 50, 90]);
    expect(p.indicators.every((i) => i.unit === '%')).toBe(true);
  });
  it('has 3 tutor pairs, and names 9 red-zone and 3 low-results schools', () => {
    expect(p.tutorPairs.map((t) => [t.school, t.tutor])).toEqual([
      ['ГБОУ СОШ «ОЦ» с. Воротнее', 'ГБОУ СОШ №2 п.г.т. Суходол'],
      ['ГБОУ СОШ с. Черновка', 'ГБОУ СОШ п. Сургут'],
      ['ГБОУ СОШ с. Шламка', 'ГБОУ СОШ (ОЦ) с. Челно-Вершины'],
    ]);
    const by = (role: string) => p.schools.filter((s) => s.role === role).map((s) => s.name);
    expect(by('low-results')).toEqual(['ГБОУ СОШ «ОЦ» с. Воротнее', 'ГБОУ СОШ с. Черновка', 'ГБОУ СОШ с. Шламка']);
    expect(by('red-zone')).toHaveLength(9);
    expect(by('red-zone')).toContain('ГБОУ ООШ с. Старое Суркино');
    expect(by('tutor')).toHaveLength(3);
  });
  it('warns of the real problems: «375-р» and «375-12», activity 3.4 without a responsible, years to confirm', () => {
    expect(warningCodes(p)).toEqual([
      'act.number_mismatch act.number',
      'deadline.year_assumed sections[0].activities[0].deadline',
      'deadline.year_assumed sections[0].activities[6].deadline',
      'activity.no_responsible sections[2].activities[3].responsible',
    ]);
    expect(p.warnings[0]!.message).toContain('№ 375-р, № 375-12');
  });
});

describe.runIf(seedsPresent)('seed 002 — Korenovsk district roadmap 2020/21', () => {
  let p: ProgrammeDraft;
  beforeAll(() => {
    p = load('002');
  });
  it('has 28 activities in 4 sections, 7 directions and the coordinator', () => {
    expect(summarise(p)).toMatchObject({ activities: 28, sections: 4 });
    expect(p.sections.map((s) => s.title)).toEqual([
      'Организационно-аналитические мероприятия',
      expect.stringMatching(/^Сопровождение деятельности школ по повышению качества/),
      expect.stringMatching(/^Методическое сопровождение педагогов/),
      expect.stringMatching(/^Деятельность по обеспечению общеобразовательных/),
    ]);
    expect(p.passport.directions).toHaveLength(7);
    expect(p.workingGroup).toEqual([
      {
        fullName: 'А.В. Прядущенко',
        position: expect.stringMatching(/^заместителя начальника управления образования/),
        role: 'координатор',
      },
    ]);
    expect(allActivities(p).find((a) => a.number === '1.3.')).toMatchObject({
      deadline: { text: 'Август, Ноябрь 2020 Февраль, Июнь 2021', reading: { kind: 'multiple' } },
      responsible: 'Прядущенко А.В., Симоненко Л.И.',
    });
  });
  it('names the 7 low-results schools', () => {
    expect(p.schools.map((s) => [s.role, s.name])).toEqual(
      ['2', '4', '6', '7', '8', '24', '34'].map((n) => ['low-results', `МОБУ СОШ № ${n}`]),
    );
  });
  it('reads the period as the school year, from the order on', () => {
    expect(p.period).toEqual({ start: '2020-06-25', end: '2021-08-31' });
  });
  it('warns of the real problem only: tasks numbered 1, 3, 4, 5, 6', () => {
    expect(warningCodes(p)).toEqual(['numbering.gap passport.tasks']);
  });
});

describe.runIf(seedsPresent)('seed 003 — Kemerovo «План Быстрых Преобразований»', () => {
  let p: ProgrammeDraft;
  beforeAll(() => {
    p = load('003');
  });
  it('reads the act from the appendix head and the passport', () => {
    expect(p.act).toMatchObject({ kind: 'приказ', number: '632', date: '2020-06-01' });
    expect(p.kind).toBe('муниципальный проект');
    expect(p.passport.customer).toBe('Дашковская Н.Ю., начальник управления образования администрации города Кемерово');
    expect(p.passport.challenges).toHaveLength(8);
    expect(p.passport.goal).toMatch(/до 30% от стартового показателя/);
  });
  it('has 13 actions with their dated implementation indicators', () => {
    const a = allActivities(p);
    expect(a).toHaveLength(13);
    expect(a[0]).toMatchObject({
      number: '1',
      text: 'Установочное совещание с руководителями ОУ.',
      deadline: { text: 'до 10.06.2020', reading: { kind: 'date', windows: [{ start: null, end: '2020-06-10' }] } },
    });
    expect(a[0]!.indicator).toMatch(
      /^100% директоров ОУ с низкими образовательными результатами примут участие в совещании/,
    );
    expect(a.every((x) => x.indicator !== '' && x.deadline.text !== '')).toBe(true);
  });
  it('has 3 indicator directions with actual and planned values', () => {
    expect(p.indicators).toHaveLength(3);
    expect(p.indicators.map((i) => i.direction)).toEqual([
      'Система оценки качества подготовки обучающихся',
      'Система объективности процедур оценки качества образования',
      'Система мониторинга качества дополнительного профессионального образования педагогических работников',
    ]);
    expect(p.indicators.every((i) => i.actual !== '' && i.targets.length === 1)).toBe(true);
  });
  it('names 14 low-results and 14 high-performing schools', () => {
    expect(p.schools.filter((s) => s.role === 'low-results')).toHaveLength(14);
    expect(p.schools.filter((s) => s.role === 'high-performing')).toHaveLength(14);
  });
  it('warns that three actions fall after the project period', () => {
    expect(warningCodes(p)).toEqual(
      [9, 10, 11].map((i) => `deadline.outside_period sections[0].activities[${i}].deadline`),
    );
  });
});

describe.runIf(seedsPresent)('seed 004 — Kaliningrad plan-schedule 2023 («500+»)', () => {
  let p: ProgrammeDraft;
  beforeAll(() => {
    p = load('004');
  });
  it('has 32 actions in 5 sections with executors, regional indicator and information support', () => {
    expect(p.sections.map((s) => s.activities.length)).toEqual([13, 4, 6, 6, 3]);
    expect(p.sections[1]!.title).toBe('Аналитическая деятельность');
    const a = allActivities(p);
    expect(a).toHaveLength(32);
    expect(a.filter((x) => x.executors !== '')).toHaveLength(32);
    expect(a[0]).toMatchObject({
      number: '1.',
      deadline: { text: 'До 15.02.2023' },
      executors: 'Руководители школ МОУО КОИРО',
      indicator: '100% от количества школ участниц',
    });
    expect(a[0]!.informationSupport).toMatch(/^Приказы о назначении/);
    expect(a[22]!.deadline).toMatchObject({
      text: 'Август',
      reading: { windows: [{ start: '2023-08-01', end: '2023-08-31' }] },
    });
  });
  it('has the two monitoring rounds with their thresholds', () => {
    expect(p.monitoringRounds.map((r) => [r.date, r.minPercent, r.maxPercent])).toEqual([
      ['2023-06-30', 30, 40],
      ['2023-11-30', 80, 90],
    ]);
  });
  it('warns that actions 30–32 are dated 2022 in a 2023 plan', () => {
    expect(warningCodes(p)).toEqual(
      [0, 1, 2].map((i) => `deadline.outside_period sections[4].activities[${i}].deadline`),
    );
    expect(p.act).toMatchObject({
      number: '28/1',
      date: '2023-01-13',
      place: 'г. Калининград',
      signatory: 'С.С. Трусенёва',
    });
  });
});
