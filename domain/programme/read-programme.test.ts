// The reader on documents unlike the seeds: other header wordings, another layout, missing parts.
import { describe, expect, it } from 'vitest';
import { cell, type DocBlock, type DocRow } from '../document/source-document.ts';
import { activityColumns, tableKindOf } from './columns.ts';
import { allActivities } from './programme.ts';
import { normaliseActNumber, readActDate } from './read-act.ts';
import { readProgramme } from './read-programme.ts';
import { expandSchoolList } from './read-schools.ts';

const p = (text: string, extra: Partial<Extract<DocBlock, { kind: 'paragraph' }>> = {}): DocBlock => ({
  kind: 'paragraph',
  text,
  bold: false,
  heading: false,
  source: {},
  ...extra,
});
const row = (...texts: string[]): DocRow => ({ cells: texts.map((t) => cell(t)), source: {} });
const table = (...rows: DocRow[]): DocBlock => ({ kind: 'table', rows, source: {} });
const doc = (...blocks: DocBlock[]) => ({ format: 'html' as const, name: 'x.html', blocks });

describe('activity columns are found by header wording, in any order', () => {
  it.each([
    [['№ п/п', 'Мероприятия', 'Сроки', 'Ответственные'], { number: 0, text: 1, deadline: 2, responsible: 3 }],
    [
      ['Наименование мероприятия', 'Ответственный исполнитель', 'Срок исполнения', 'Ожидаемый результат'],
      { text: 0, responsible: 1, deadline: 2, plannedResult: 3 },
    ],
    [
      [
        '№ пп',
        'Описание действия',
        'Сроки реализации',
        'Исполнители',
        'Региональный показатель реализации',
        'Информационное сопровождение проекта',
      ],
      { number: 0, text: 1, deadline: 2, executors: 3, indicator: 4, informationSupport: 5 },
    ],
    [
      ['№ пп', 'Описание действий', 'Дата реализации', 'Показатель реализации'],
      { number: 0, text: 1, deadline: 2, indicator: 3 },
    ],
    [['Содержание работы', 'Период проведения', 'Ответственные'], { text: 0, deadline: 1, responsible: 2 }],
  ])('%j', (headers, expected) => {
    expect(activityColumns(headers)).toEqual(expected);
  });
  it('does not take a consultation schedule or a plain list for an activity table', () => {
    expect(activityColumns(['Тема консультации', 'Дата и время проведения', 'Ответственный'])).toBeNull();
    expect(activityColumns(['№', 'Школа'])).toBeNull();
    expect(tableKindOf([['Тема консультации', 'Дата и время проведения', 'Ответственный']])).toBe('consultations');
    expect(tableKindOf([['№', 'ФИО', 'Должность']])).toBe('working-group');
    expect(tableKindOf([['№', 'ШНОР', 'Школа-тьютор']])).toBe('tutor-pairs');
  });
});

describe('act dates and numbers as written', () => {
  it.each([
    ['от « 30 » 12. 2021 г.', '2021-12-30'],
    ['« 13 » января 2023 года', '2023-01-13'],
    ['от 30.12.21', '2021-12-30'],
    ['от 25.06.2020', '2020-06-25'],
    ['от 31.02.2021', null],
    ['от _____', null],
  ])('%s → %s', (text, iso) => expect(readActDate(text)).toBe(iso));
  it.each([
    ['375 -р', '375-р'],
    ['28/1', '28/1'],
    ['_____', ''],
    ['3872.', '3872'],
  ])('%s → %s', (raw, n) => expect(normaliseActNumber(raw)).toBe(n));
});

describe('school lists in brackets', () => {
  it.each([
    ['МОБУ СОШ № 2, 4, 6', ['МОБУ СОШ № 2', 'МОБУ СОШ № 4', 'МОБУ СОШ № 6']],
    ['№8,12,16', ['№ 8', '№ 12', '№ 16']],
    ['ГБОУ СОШ «ОЦ» с. Воротнее, ГБОУ СОШ с. Черновка', ['ГБОУ СОШ «ОЦ» с. Воротнее', 'ГБОУ СОШ с. Черновка']],
  ])('%s', (inside, names) => expect(expandSchoolList(inside)).toEqual(names));
});

describe('a municipal plan written differently from the seeds', () => {
  const draft = readProgramme(
    doc(
      p('УПРАВЛЕНИЕ ОБРАЗОВАНИЯ АДМИНИСТРАЦИИ ГОРОДА N'),
      p('ПРИКАЗ'),
      p('от 01.09.2024 № 15-од'),
      p(
        'Об утверждении плана мероприятий по поддержке школ с низкими образовательными результатами на 2024/2025 учебный год',
      ),
      p('1. Утвердить план мероприятий.'),
      p('2. Определить школами с низкими образовательными результатами (МБОУ СОШ № 3, МБОУ ООШ № 9).'),
      p('Начальник управления'),
      p('И.И. Иванов'),
      p('Приложение к приказу от 01.09.2024 № 15-од'),
      p('План мероприятий', { bold: true }),
      table(
        row('Наименование мероприятия', 'Срок исполнения', 'Ответственный исполнитель', 'Ожидаемый результат'),
        row('Раздел 1. Диагностика', '', '', ''),
        row('Анкетирование педагогов', 'октябрь', 'Методический центр', 'Профили рисков'),
        row('Собеседования с директорами', 'до 15.11.2024', '', 'Протоколы'),
        row('Раздел 2. Поддержка', '', '', ''),
        row('Методические семинары', 'ежемесячно', 'Методический центр', 'Рост компетенций'),
        row('Отчёт', 'по плану работы управления', 'Управление', 'Отчёт'),
      ),
    ),
  );

  it('reads the act, the kind and the academic-year period (from the order on)', () => {
    expect(draft.act).toMatchObject({
      kind: 'приказ',
      number: '15-од',
      date: '2024-09-01',
      signatory: 'И.И. Иванов',
      signatoryPosition: 'Начальник управления',
    });
    expect(draft.kind).toBe('план мероприятий');
    expect(draft.period).toEqual({ start: '2024-09-01', end: '2025-08-31' });
    expect(draft.level).toBe('municipality');
  });

  it('reads unnumbered sections and activities, with deadlines inside the school year', () => {
    expect(draft.sections.map((s) => [s.number, s.title, s.activities.length])).toEqual([
      ['', 'Раздел 1. Диагностика', 2],
      ['', 'Раздел 2. Поддержка', 2],
    ]);
    const a = allActivities(draft);
    expect(a[0]!.deadline.reading.windows).toEqual([{ start: '2024-10-01', end: '2024-10-31' }]);
    expect(a[2]!.deadline.reading.kind).toBe('recurring');
    expect(a[3]!.deadline.reading.kind).toBe('external');
  });

  it('names the schools of the order and warns of the activity without a responsible', () => {
    expect(draft.schools.map((s) => [s.role, s.name])).toEqual([
      ['low-results', 'МБОУ СОШ № 3'],
      ['low-results', 'МБОУ ООШ № 9'],
    ]);
    expect(draft.warnings.map((w) => w.code)).toEqual(['activity.no_responsible']);
  });
});

describe('a Word table with merged cells', () => {
  it('gives one merged deadline and responsible to every activity it spans, and keeps a merged section row', () => {
    const merged = (text: string, colSpan: number, rowSpan: number) => ({ ...cell(text), colSpan, rowSpan });
    const d = readProgramme(
      doc(
        p('План мероприятий на 2024 год'),
        table(
          row('№', 'Мероприятие', 'Срок', 'Ответственный'),
          { cells: [merged('Организационный раздел', 4, 1)], source: {} },
          {
            cells: [cell('1.'), cell('Совещание'), merged('Март 2024', 1, 2), merged('Отдел образования', 1, 2)],
            source: {},
          },
          { cells: [cell('2.'), cell('Семинар')], source: {} },
        ),
      ),
    );
    expect(d.sections.map((s) => s.title)).toEqual(['Организационный раздел']);
    expect(allActivities(d).map((a) => [a.number, a.deadline.text, a.responsible])).toEqual([
      ['1.', 'Март 2024', 'Отдел образования'],
      ['2.', 'Март 2024', 'Отдел образования'],
    ]);
  });
});

describe('documents without what a programme needs', () => {
  it('says when there is no activity table and no period, and guesses nothing', () => {
    const d = readProgramme(doc(p('Просто письмо'), p('Текст письма без таблиц.')));
    expect(d.warnings.map((w) => w.code).sort()).toEqual(['document.no_activities', 'period.unknown']);
    expect(d.act.number).toBe('');
    expect(allActivities(d)).toEqual([]);
  });
  it('reports a table it cannot recognise instead of dropping it silently', () => {
    const d = readProgramme(doc(p('План на 2024 год'), table(row('Колонка А', 'Колонка Б'), row('1', '2'))));
    expect(d.warnings.map((w) => w.code)).toContain('document.unrecognised_table');
  });
});
