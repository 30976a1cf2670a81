// Reading uploaded assessment results: canonical files, the Russian tables users already have (ФИС ОКО, РЦОИ),
// merged headers, shares in percent, total rows, and every row error with the cell it is in.
import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetter } from '../cell-address.ts';
import {
  type ResultsGrid,
  type ResultsReadContext,
  readCount,
  readExam,
  readGrade,
  readResults,
  readShare,
  readSubject,
  readYear,
} from './read-results.ts';
import { recogniseHeader } from './result-headers.ts';

const schools = new Set(['S001', 'S002', 'S003', 'sch420001']);
const ctx: ResultsReadContext = { isKnownSchool: (code) => schools.has(code), currentYear: 2025 };

/**
 * A sheet as the table adapters give it: one line per row, cells split by `sep` and trimmed; empty lines are
 * dropped but counted, so rows keep their numbers in the file; the header loses its trailing empty cells.
 */
function sheet(text: string, sep = '|'): ResultsGrid {
  const lines = text
    .split('\n')
    .map((line, i) => ({ row: i + 1, cells: line.split(sep).map((c) => c.trim()) }))
    .filter((l) => l.cells.some((c) => c !== ''));
  const [header, ...rows] = lines;
  if (!header) throw new Error('empty sheet');
  while (header.cells.at(-1) === '') header.cells.pop();
  return { headerRow: header.row, headers: header.cells, rows };
}
const csv = (text: string) => sheet(text, ',');

describe('cell addresses are the ones Excel shows', () => {
  it.each([
    [0, 'A'],
    [5, 'F'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %i → %s', (i, letters) => expect(columnLetter(i)).toBe(letters));
  it('joins letters and row', () => expect(cellAddress(5, 12)).toBe('F12'));
});

describe('canonical files read exactly, with no warnings', () => {
  it('vpr.csv', () => {
    const r = readResults(
      'vpr',
      csv(`year,school_code,subject,grade,participants,n2,n3,n4,n5
2024,S001,русский язык,5,25,3,10,8,4
2024,S002,математика,4,0,0,0,0,0
2023,S001,окружающий мир,4,1 234,234,500,400,100`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.records).toEqual([
      {
        year: 2024,
        schoolCode: 'S001',
        subject: 'русский язык',
        grade: 5,
        participants: 25,
        n2: 3,
        n3: 10,
        n4: 8,
        n5: 4,
      },
      { year: 2024, schoolCode: 'S002', subject: 'математика', grade: 4, participants: 0, n2: 0, n3: 0, n4: 0, n5: 0 },
      {
        year: 2023,
        schoolCode: 'S001',
        subject: 'окружающий мир',
        grade: 4,
        participants: 1234,
        n2: 234,
        n3: 500,
        n4: 400,
        n5: 100,
      },
    ]);
    expect(r.years).toEqual([2023, 2024]);
    expect(r.dataStartRow).toBe(2);
    expect(r.mapping.map((m) => `${m.column}←${m.header}@${m.cell}`)).toEqual([
      'year←year@A1',
      'school_code←school_code@B1',
      'subject←subject@C1',
      'grade←grade@D1',
      'participants←participants@E1',
      'n2←n2@F1',
      'n3←n3@G1',
      'n4←n4@H1',
      'n5←n5@I1',
    ]);
  });

  it('gia.csv', () => {
    const r = readResults(
      'gia',
      csv(`year,school_code,exam,subject,participants,below_min
2024,S001,ОГЭ,математика,50,4
2024,S001,ЕГЭ,математика (профильная),12,1
2024,S001,ЕГЭ,математика (базовая),8,0
2024,S002,огэ,русский язык,30,0`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.records).toEqual([
      { year: 2024, schoolCode: 'S001', exam: 'ОГЭ', subject: 'математика', participants: 50, belowMin: 4 },
      {
        year: 2024,
        schoolCode: 'S001',
        exam: 'ЕГЭ',
        subject: 'математика (профильная)',
        participants: 12,
        belowMin: 1,
      },
      { year: 2024, schoolCode: 'S001', exam: 'ЕГЭ', subject: 'математика (базовая)', participants: 8, belowMin: 0 },
      { year: 2024, schoolCode: 'S002', exam: 'ОГЭ', subject: 'русский язык', participants: 30, belowMin: 0 },
    ]);
    expect(r.years).toEqual([2024]);
  });

  it('journal.csv', () => {
    const r = readResults(
      'journal',
      csv(`year,school_code,subject,grade,participants,lowered,confirmed,raised
2024,S003,русский язык,6,40,6,30,4`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.records).toEqual([
      {
        year: 2024,
        schoolCode: 'S003',
        subject: 'русский язык',
        grade: 6,
        participants: 40,
        lowered: 6,
        confirmed: 30,
        raised: 4,
      },
    ]);
  });
});

describe('headers as users write them', () => {
  it.each([
    ['Год', 'year', false],
    ['Учебный год', 'year', false],
    ['Код ОО', 'school_code', false],
    ['КОД\nОО', 'school_code', false],
    ['Логин ОО', 'school_code', false],
    ['Предмет', 'subject', false],
    ['Класс', 'grade', false],
    ['Параллель', 'grade', false],
    ['Кол-во участников', 'participants', false],
    ['Количество  участников', 'participants', false],
    ['Всего участников', 'participants', false],
    ['Кол-во уч.', 'participants', false],
    ['Писали работу', 'participants', false],
    ['Экзамен', 'exam', false],
    ['Форма ГИА', 'exam', false],
    ['2', 'n2', false],
    ['«5»', 'n5', false],
    ['Отметка «2»', 'n2', false],
    ['Отметка "3"', 'n3', false],
    ['Кол-во «4»', 'n4', false],
    ['Количество отметок «5»', 'n5', false],
    ['% «2»', 'n2', true],
    ['Доля «2», %', 'n2', true],
    ['Доля «5»', 'n5', true],
    ['Распределение отметок в % 3', 'n3', true],
    ['Не преодолели минимальный порог', 'below_min', false],
    ['Ниже минимального балла', 'below_min', false],
    ['Доля не преодолевших минимальный порог, %', 'below_min', true],
    ['Количество участников, не преодолевших минимальный порог', 'below_min', false],
    ['Не сдали', 'below_min', false],
    ['Доля участников, получивших «2»', 'n2', true],
    ['Получили «5» (чел.)', 'n5', false],
    ['Класс (параллель)', 'grade', false],
    ['Понизили', 'lowered', false],
    ['Подтвердили', 'confirmed', false],
    ['Повысили', 'raised', false],
    ['Понизили (Отм. < Отм. по журналу) %', 'lowered', true],
    ['Подтвердили (Отм. = Отм. по журналу) %', 'confirmed', true],
    ['Повысили (Отм. > Отм. по журналу) %', 'raised', true],
    ['below_min', 'below_min', false],
  ])('«%s» → %s (share: %s)', (header, column, share) => {
    expect(recogniseHeader(header)).toEqual({ column, share });
  });

  it.each([
    'Наименование ОО',
    'Муниципалитет',
    'Всего',
    '% участников',
    'Средний балл',
    'Отметка по журналу',
    'Первичный балл 5',
    'Всего*',
    '6',
  ])('«%s» names no column', (header) => expect(recogniseHeader(header)).toBeNull());
});

describe('values as users write them', () => {
  it.each([
    ['5', 5],
    ['5 класс', 5],
    ['5 кл.', 5],
    ['5 кл', 5],
    ['5-й класс', 5],
    ['11 классы', 11],
  ])('grade «%s» → %i', (raw, grade) => expect(readGrade(raw)).toEqual({ value: grade }));
  it.each([
    ['9', 'В 9 классе ВПР не проводятся'],
    ['5А', 'не распознан'],
  ])('grade «%s» is refused: %s', (raw, fragment) =>
    expect(readGrade(raw)).toEqual({ error: expect.stringContaining(fragment) }),
  );

  it.each([
    ['vpr', 'Русский язык', 'русский язык'],
    ['vpr', 'РУССКИЙ  ЯЗЫК', 'русский язык'],
    ['vpr', 'Английский', 'английский язык'],
    ['vpr', 'Окружающий мир', 'окружающий мир'],
    ['gia', 'Математика (профильный уровень)', 'математика (профильная)'],
    ['gia', 'Математика профиль', 'математика (профильная)'],
    ['gia', 'Математика П', 'математика (профильная)'],
    ['gia', 'Математика (профильная)', 'математика (профильная)'],
    ['gia', 'Математика (базовый уровень)', 'математика (базовая)'],
    ['gia', 'Математика Б', 'математика (базовая)'],
    ['gia', 'Математика', 'математика'],
    ['journal', 'История', 'история'],
  ] as const)('%s subject «%s» → «%s»', (kind, raw, subject) =>
    expect(readSubject(kind, raw)).toEqual({ value: subject }),
  );
  it.each([
    ['vpr', 'Физкультура'],
    ['vpr', 'Математика (профильная)'],
    ['gia', 'Пение'],
  ] as const)('%s subject «%s» is refused', (kind, raw) =>
    expect(readSubject(kind, raw)).toEqual({ error: expect.stringContaining('не распознан') }),
  );

  it.each([
    ['ОГЭ', 'ОГЭ'],
    ['огэ', 'ОГЭ'],
    ['Егэ', 'ЕГЭ'],
  ])('exam «%s» → %s', (raw, exam) => expect(readExam(raw)).toEqual({ value: exam }));
  it.each([
    ['ГВЭ', 'ГВЭ не учитывается'],
    ['ГВЭ-9', 'ГВЭ не учитывается'],
    ['ВПР', 'укажите ОГЭ или ЕГЭ'],
  ])('exam «%s» is refused: %s', (raw, fragment) =>
    expect(readExam(raw)).toEqual({ error: expect.stringContaining(fragment) }),
  );

  it.each([
    ['2024', 2024],
    ['2015', 2015],
    ['2025', 2025],
    ['2024 г.', 2024],
    ['2023/2024', 2024],
    ['2023/24', 2024],
    ['2023-2024', 2024],
  ])('year «%s» → %i (a school year is its spring)', (raw, year) =>
    expect(readYear(raw, 2025)).toEqual({ value: year }),
  );
  it.each([
    ['2014', 'вне допустимого диапазона 2015–2025'],
    ['2026', 'вне допустимого диапазона 2015–2025'],
    ['2024.5', 'не распознан'],
    ['2022/2024', 'не распознан'],
    ['24', 'не распознан'],
  ])('year «%s» is refused: %s', (raw, fragment) =>
    expect(readYear(raw, 2025)).toEqual({ error: expect.stringContaining(fragment) }),
  );

  it.each([
    ['0', 0],
    ['17', 17],
    ['1 234', 1234],
    ['1\u00a0234', 1234],
    ['1\u202f234', 1234],
  ])('count «%s» → %i', (raw, n) => expect(readCount(raw)).toEqual({ value: n }));
  it.each([
    ['-3', 'отрицательное'],
    ['2,5', 'дробное'],
    ['много', 'не является числом'],
  ])('count «%s» is refused: %s', (raw, fragment) =>
    expect(readCount(raw)).toEqual({ error: expect.stringContaining(fragment) }),
  );

  it.each([
    ['33,3', 33.3],
    ['33.3', 33.3],
    ['33,3 %', 33.3],
    ['100%', 100],
    ['0', 0],
  ])('share «%s» → %d %', (raw, n) => expect(readShare(raw)).toEqual({ value: n }));
  it.each([
    ['100,1', 'вне диапазона'],
    ['-1', 'вне диапазона'],
    ['треть', 'не является долей'],
  ])('share «%s» is refused: %s', (raw, fragment) =>
    expect(readShare(raw)).toEqual({ error: expect.stringContaining(fragment) }),
  );
});

describe('Russian tables from ФИС ОКО and РЦОИ', () => {
  it('reads Russian headers in any order; other columns are left with a warning each', () => {
    const r = readResults(
      'vpr',
      sheet(`Муниципалитет | Код ОО | Наименование ОО | Год | Предмет | Класс | Кол-во участников | Отметка «2» | Отметка «3» | Отметка «4» | Отметка «5»
Город А | S001 | МБОУ «СОШ № 1» | 2024 | Русский язык | 5 кл. | 20 | 2 | 8 | 7 | 3`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records).toEqual([
      {
        year: 2024,
        schoolCode: 'S001',
        subject: 'русский язык',
        grade: 5,
        participants: 20,
        n2: 2,
        n3: 8,
        n4: 7,
        n5: 3,
      },
    ]);
    expect(r.warnings).toEqual([
      { row: 1, cell: 'A1', message: 'Столбец «Муниципалитет» не используется и будет пропущен.' },
      { row: 1, cell: 'C1', message: 'Столбец «Наименование ОО» не используется и будет пропущен.' },
    ]);
  });

  it('reads a header over two rows, the merged «Распределение отметок» filled over its columns', () => {
    const r = readResults(
      'vpr',
      sheet(`Код ОО | Предмет | Класс | Кол-во участников | Распределение отметок | | |
 | | | | 2 | 3 | 4 | 5
S001 | Математика | 4 | 26 | 1 | 9 | 10 | 6
S002 | Математика | 4 | 18 | 3 | 7 | 6 | 2`),
      { ...ctx, year: 2024 },
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.dataStartRow).toBe(3);
    expect(r.mapping).toEqual([
      { column: 'school_code', header: 'Код ОО', cell: 'A1' },
      { column: 'subject', header: 'Предмет', cell: 'B1' },
      { column: 'grade', header: 'Класс', cell: 'C1' },
      { column: 'participants', header: 'Кол-во участников', cell: 'D1' },
      { column: 'n2', header: 'Распределение отметок / 2', cell: 'E2' },
      { column: 'n3', header: 'Распределение отметок / 3', cell: 'F2' },
      { column: 'n4', header: 'Распределение отметок / 4', cell: 'G2' },
      { column: 'n5', header: 'Распределение отметок / 5', cell: 'H2' },
    ]);
    expect(r.records.map((x) => [x.year, x.schoolCode, x.n2, x.n3, x.n4, x.n5])).toEqual([
      [2024, 'S001', 1, 9, 10, 6],
      [2024, 'S002', 3, 7, 6, 2],
    ]);
    expect(r.years).toEqual([2024]);
  });

  it('reads a header over three rows: counts are taken, the shares beside them left with a warning', () => {
    const r = readResults(
      'vpr',
      sheet(`Год | Код ОО | Предмет | Класс | Кол-во участников | Отметки | | | | | | |
 | | | | | «2» | | «3» | | «4» | | «5» |
 | | | | | кол-во | % | кол-во | % | кол-во | % | кол-во | %
2024 | S001 | Русский язык | 5 | 20 | 2 | 10 | 8 | 40 | 7 | 35 | 3 | 15`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.dataStartRow).toBe(4);
    expect(r.records.map((x) => [x.n2, x.n3, x.n4, x.n5])).toEqual([[2, 8, 7, 3]]);
    expect(r.mapping.find((m) => m.column === 'n2')).toEqual({
      column: 'n2',
      header: 'Отметки / «2» / кол-во',
      cell: 'F3',
    });
    expect(r.warnings.map((w) => w.cell)).toEqual(['G3', 'I3', 'K3', 'M3']);
    expect(r.warnings[0]?.message).toBe(
      'Столбец «Отметки / «2» / %» не используется: количества берутся из столбца «Отметки / «2» / кол-во» (F3).',
    );
  });

  it('reads years written over the columns, one record per year; a year without results is no error', () => {
    const r = readResults(
      'vpr',
      sheet(`Код ОО | Предмет | Класс | 2023 | | | | | 2024 г. | | | |
 | | | Кол-во участников | 2 | 3 | 4 | 5 | Кол-во участников | 2 | 3 | 4 | 5
S001 | Русский язык | 5 | 20 | 2 | 8 | 7 | 3 | 22 | 1 | 9 | 9 | 3
S002 | Русский язык | 5 | | | | | | 15 | 5 | 5 | 5 | 0`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.years).toEqual([2023, 2024]);
    expect(r.records.map((x) => [x.year, x.schoolCode, x.participants, x.n2])).toEqual([
      [2023, 'S001', 20, 2],
      [2024, 'S001', 22, 1],
      [2024, 'S002', 15, 5],
    ]);
    expect(r.mapping.filter((m) => m.column === 'participants')).toEqual([
      { column: 'participants', header: '2023 / Кол-во участников', cell: 'D2' },
      { column: 'participants', header: '2024 г. / Кол-во участников', cell: 'I2' },
    ]);
  });

  it('skips title lines above the table', () => {
    const r = readResults(
      'gia',
      sheet(`Результаты ОГЭ 2024 года
Муниципалитет: все
Год | Код ОО | Экзамен | Предмет | Участников | Не преодолели минимальный порог
2024 | S001 | ОГЭ | Математика | 40 | 3`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.dataStartRow).toBe(4);
    expect(r.warnings).toEqual([
      {
        row: 1,
        message:
          'Строки 1–2 над таблицей («Результаты ОГЭ 2024 года», «Муниципалитет: все») приняты за заголовок документа и пропущены.',
      },
    ]);
  });

  it('takes the code column whose values are the region’s codes when a file has both «Код ОО» and «Логин ОО»', () => {
    const r = readResults(
      'gia',
      sheet(`Год | Код ОО | Логин ОО | Экзамен | Предмет | Кол-во участников | Ниже минимального балла
2024 | 420001 | sch420001 | ЕГЭ | Математика Б | 10 | 1`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records[0]?.schoolCode).toBe('sch420001');
    expect(r.warnings).toEqual([
      {
        row: 1,
        cell: 'B1',
        message:
          'Столбец «Код ОО» не используется: коды школ взяты из столбца «Логин ОО» (C1), они совпадают со справочником организаций.',
      },
    ]);
  });

  it('fills a school code merged down over its subjects, and says so', () => {
    const r = readResults(
      'vpr',
      sheet(`Год | Код ОО | Предмет | Класс | Кол-во участников | 2 | 3 | 4 | 5
2024 | S001 | Русский язык | 5 | 20 | 2 | 8 | 7 | 3
 | | Математика | 5 | 20 | 1 | 9 | 7 | 3
2024 | S002 | Математика | 5 | 10 | 1 | 3 | 3 | 3`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.year, x.schoolCode, x.subject])).toEqual([
      [2024, 'S001', 'русский язык'],
      [2024, 'S001', 'математика'],
      [2024, 'S002', 'математика'],
    ]);
    expect(r.warnings).toEqual([
      {
        message:
          'Пустые ячейки столбцов «Год», «Код ОО» заполнены значениями из строки выше (объединённые ячейки) в строках: 3. Проверьте, что это верно.',
      },
    ]);
  });
});

describe('shares in percent become counts', () => {
  const header = 'Год | Код ОО | Предмет | Класс | Кол-во участников | % «2» | % «3» | % «4» | % «5»';

  it('converts round(share × participants ÷ 100), accepts «33,3», and fixes a rounding excess on the largest count', () => {
    const r = readResults(
      'vpr',
      sheet(`${header}
2024 | S001 | Русский язык | 5 | 30 | 33,3 | 33,3 | 16,7 | 16,7
2024 | S002 | Русский язык | 5 | 25 | 10 | 28 | 42 | 20
2024 | S003 | Русский язык | 5 | 0 | | | | `),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.participants, x.n2, x.n3, x.n4, x.n5])).toEqual([
      [30, 10, 10, 5, 5],
      // 2,5 → 3, 7, 10,5 → 11, 5 = 26: one too many, taken from the largest (11 → 10)
      [25, 3, 7, 10, 5],
      [0, 0, 0, 0, 0],
    ]);
    expect(r.warnings).toEqual([
      {
        message:
          'Доли в процентах пересчитаны в количества (доля × участники ÷ 100, с округлением); строк с долями — 2. Наибольшее из пересчитанных значений поправлено на 1–2, чтобы сумма совпала с числом участников, в строках: 3.',
      },
    ]);
  });

  it('reads a value written with «%» as a share even under a header of counts', () => {
    const r = readResults(
      'gia',
      sheet(`year | school_code | exam | subject | participants | below_min
2024 | S001 | ОГЭ | математика | 40 | 12,5 %`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records[0]?.belowMin).toBe(5);
    expect(r.warnings).toHaveLength(1);
  });

  it('refuses shares that do not add up to 100 and a conversion that misses the participants by more than 2', () => {
    const r = readResults(
      'vpr',
      sheet(`${header}
2024 | S001 | Русский язык | 5 | 30 | 20 | 20 | 20 | 20
2024 | S002 | Русский язык | 5 | 150 | 21 | 35 | 30 | 15`),
      ctx,
    );
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([
      {
        row: 2,
        column: 'n2',
        cell: 'F2',
        message: 'Доли отметок «2», «3», «4», «5» дают в сумме 80 % вместо 100 %: проверьте значения.',
      },
      {
        row: 3,
        column: 'participants',
        cell: 'E3',
        message:
          'После пересчёта долей в количества сумма отметок «2», «3», «4», «5» (153) отличается от числа участников (150) больше чем на 2: проверьте доли или укажите количества.',
      },
    ]);
  });

  it('converts journal shares the same way (ФИС ОКО writes the comparison in percent)', () => {
    const r = readResults(
      'journal',
      sheet(`Год | Код ОО | Предмет | Класс | Кол-во участников | Понизили (Отм. < Отм. по журналу) % | Подтвердили (Отм. = Отм. по журналу) % | Повысили (Отм. > Отм. по журналу) %
2024 | S001 | Математика | 5 | 40 | 12,5 | 80 | 7,5`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => [x.lowered, x.confirmed, x.raised])).toEqual([[5, 32, 3]]);
  });
});

describe('total rows are skipped', () => {
  it.each([
    'Всего',
    'Итого:',
    'ИТОГО по району',
    'По региону',
    'По муниципалитету',
    'Среднее',
    'Среднее по муниципалитету',
  ])('«%s»', (label) => {
    const r = readResults(
      'vpr',
      sheet(`Год | Код ОО | Предмет | Класс | Кол-во участников | 2 | 3 | 4 | 5
2024 | S001 | Русский язык | 5 | 20 | 2 | 8 | 7 | 3
 | ${label} | | | 20 | 2 | 8 | 7 | 3`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.warnings).toEqual([{ row: 3, message: `Строка 3 («${label}») — итоговая и пропущена.` }]);
  });

  it('a heading inside the table («г. Кемерово») is skipped too', () => {
    const r = readResults(
      'vpr',
      sheet(`Год | Код ОО | Наименование ОО | Предмет | Класс | Кол-во участников | 2 | 3 | 4 | 5
 | | г. Кемерово | | | | | | |
2024 | S001 | СОШ № 1 | Русский язык | 5 | 20 | 2 | 8 | 7 | 3`),
      ctx,
    );
    expect(r.problems).toEqual([]);
    expect(r.records).toHaveLength(1);
    expect(r.warnings.map((w) => w.row)).toEqual([1, 2]);
  });

  it('a school named «Средняя школа» is no total', () => {
    const r = readResults(
      'vpr',
      sheet(`Год | Код ОО | Наименование ОО | Предмет | Класс | Кол-во участников | 2 | 3 | 4 | 5
2024 | S001 | Средняя школа № 1 | Русский язык | 5 | 20 | 2 | 8 | 7 | 3`),
      ctx,
    );
    expect(r.records).toHaveLength(1);
  });
});

describe('missing and doubled columns', () => {
  it('names every missing column once, at the header row, with the Russian header expected', () => {
    const r = readResults('vpr', sheet('Код ОО | Предмет | Класс | 2 | 3 | 4\nS001 | математика | 5 | 1 | 1 | 1'), ctx);
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([
      {
        row: 1,
        column: 'year',
        message: 'Нет столбца «Год» (year). Добавьте его в файл или выберите год при загрузке.',
      },
      {
        row: 1,
        column: 'participants',
        message:
          'Нет столбца «Кол-во участников» (participants). Добавьте его или скачайте шаблон и сверьте заголовки.',
      },
      {
        row: 1,
        column: 'n5',
        message: 'Нет столбца «Кол-во „5“» (n5). Добавьте его или скачайте шаблон и сверьте заголовки.',
      },
    ]);
  });

  it('takes the year picked by the user when the file has no year column', () => {
    const grid = csv('school_code,exam,subject,participants,below_min\nS001,ЕГЭ,математика (профильная),10,2');
    const r = readResults('gia', grid, { ...ctx, year: 2023 });
    expect(r.problems).toEqual([]);
    expect(r.records[0]?.year).toBe(2023);
    expect(r.years).toEqual([2023]);
    expect(readResults('gia', grid, { ...ctx, year: 2030 }).problems).toEqual([
      { message: 'Выбранный год 2030 вне допустимого диапазона 2015–2025: выберите год проведения.' },
    ]);
  });

  it('prefers the file’s year to the one picked, and says so when they differ', () => {
    const r = readResults(
      'gia',
      csv('year,school_code,exam,subject,participants,below_min\n2022,S001,ЕГЭ,математика (базовая),10,2'),
      { ...ctx, year: 2024 },
    );
    expect(r.records[0]?.year).toBe(2022);
    expect(r.warnings).toEqual([
      { message: 'Год взят из файла (2022); выбранный при загрузке год 2024 не использован.' },
    ]);
  });

  it('refuses two columns meaning the same', () => {
    const r = readResults(
      'gia',
      sheet(
        'Год | Код ОО | Экзамен | Предмет | Кол-во участников | Количество участников | Не преодолели минимальный порог',
      ),
      ctx,
    );
    expect(r.problems).toEqual([
      {
        row: 1,
        column: 'participants',
        cell: 'F1',
        message:
          'Столбцы «Кол-во участников» (E1) и «Количество участников» (F1) означают одно и то же — «Кол-во участников». Оставьте один из них.',
      },
    ]);
  });
});

describe('every row error names its row, canonical column and cell', () => {
  const vprHeader = 'year,school_code,subject,grade,participants,n2,n3,n4,n5';
  const good = ['2024', 'S001', 'русский язык', '5', '20', '2', '8', '7', '3'];
  const vprRow = (patch: Record<number, string>) => good.map((c, i) => patch[i] ?? c).join(',');

  it.each([
    ['year', 'A2', { 0: 'прошлый' }, 'Год «прошлый» не распознан: укажите год проведения числом, например 2024.'],
    ['year', 'A2', { 0: '2014' }, 'Год 2014 вне допустимого диапазона 2015–2025: проверьте год проведения.'],
    ['year', 'A2', { 0: '' }, 'Не указан год: укажите год проведения, например 2024.'],
    [
      'school_code',
      'B2',
      { 1: 'X999' },
      'Школа с кодом «X999» не найдена среди школ региона. Проверьте код или сначала загрузите школу в разделе «Организации».',
    ],
    ['school_code', 'B2', { 1: '' }, 'Не указан код ОО: укажите код школы из справочника организаций.'],
    ['subject', 'C2', { 2: 'физкультура' }, 'Предмет «физкультура» не распознан. Укажите один из: русский язык, '],
    ['subject', 'C2', { 2: '' }, 'Не указан предмет.'],
    ['grade', 'D2', { 3: '9' }, 'В 9 классе ВПР не проводятся: укажите один из классов 4, 5, 6, 7, 8, 10, 11.'],
    ['grade', 'D2', { 3: '' }, 'Не указан класс: укажите номер класса.'],
    ['participants', 'E2', { 4: '' }, 'Не указано число участников: укажите его (0, если работу не писали).'],
    ['participants', 'E2', { 4: '-20' }, 'Значение «-20» отрицательное: укажите целое число не меньше 0.'],
    ['participants', 'E2', { 4: '20%' }, 'Укажите число участников, а не долю в процентах.'],
    ['n2', 'F2', { 5: 'два' }, 'Значение «два» не является числом: укажите целое число не меньше 0.'],
    ['n2', 'F2', { 5: '2.5' }, 'Значение «2.5» дробное: укажите целое число человек (или долю со знаком «%»).'],
    ['n3', 'G2', { 6: '' }, 'Не заполнено «Кол-во „3“»: укажите число (0, если таких нет).'],
    ['n4', 'H2', { 7: '25' }, '«Кол-во „4“» (25) больше числа участников (20): проверьте значения в строке.'],
    [
      'participants',
      'E2',
      { 5: '3' },
      'Сумма отметок «2», «3», «4», «5» (21) не равна числу участников (20): исправьте количества.',
    ],
    [
      'n2',
      'F2',
      { 4: '0', 5: '2', 6: '0', 7: '0', 8: '0' },
      'Участников 0 (нет данных), поэтому и здесь должно быть 0.',
    ],
  ])('vpr %s at %s: %j', (column, cell, patch, message) => {
    const r = readResults('vpr', csv(`${vprHeader}\n${vprRow(patch)}`), ctx);
    expect(r.records).toEqual([]);
    expect(r.problems).toEqual([{ row: 2, column, cell, message: expect.stringContaining(message) }]);
  });

  it.each([
    [
      'exam',
      'C2',
      'ГВЭ,математика,10,1',
      'ГВЭ не учитывается при выявлении школ: удалите строки ГВЭ из файла и оставьте ОГЭ и ЕГЭ.',
    ],
    ['exam', 'C2', 'ВПР,математика,10,1', 'Экзамен «ВПР» не распознан: укажите ОГЭ или ЕГЭ.'],
    ['exam', 'C2', ',математика,10,1', 'Не указан экзамен: укажите ОГЭ или ЕГЭ.'],
    [
      'subject',
      'D2',
      'ОГЭ,пение,10,1',
      'Предмет «пение» не распознан. Укажите один из: русский язык, математика, математика (профильная), математика (базовая), физика, химия, биология, история, обществознание, география, литература, информатика, английский язык, немецкий язык, французский язык.',
    ],
    [
      'below_min',
      'F2',
      'ОГЭ,математика,10,11',
      '«Не преодолели минимальный порог» (11) больше числа участников (10): проверьте значения в строке.',
    ],
  ])('gia %s at %s: %s', (column, cell, rest, message) => {
    const r = readResults('gia', csv(`year,school_code,exam,subject,participants,below_min\n2024,S001,${rest}`), ctx);
    expect(r.problems).toEqual([{ row: 2, column, cell, message }]);
  });

  it('journal: the three counts must add up to the participants', () => {
    const r = readResults(
      'journal',
      csv('year,school_code,subject,grade,participants,lowered,confirmed,raised\n2024,S001,математика,7,30,5,20,4'),
      ctx,
    );
    expect(r.problems).toEqual([
      {
        row: 2,
        column: 'participants',
        cell: 'E2',
        message:
          'Сумма значений «Понизили», «Подтвердили», «Повысили» (29) не равна числу участников (30): исправьте количества.',
      },
    ]);
  });

  it('a duplicate names the row of the first occurrence', () => {
    const r = readResults(
      'vpr',
      csv(
        `${vprHeader}\n${vprRow({})}\n${vprRow({ 2: 'математика' })}\n${vprRow({ 2: 'Русский язык', 4: '21', 8: '4' })}`,
      ),
      ctx,
    );
    expect(r.records).toHaveLength(2);
    expect(r.problems).toEqual([
      {
        row: 4,
        column: 'school_code',
        cell: 'B4',
        message: 'Повтор: год, школа, предмет и класс те же, что в строке 2. Оставьте одну из строк.',
      },
    ]);
    const gia = readResults(
      'gia',
      csv(`year,school_code,exam,subject,participants,below_min
2024,S001,ОГЭ,математика,10,1
2024,S001,ЕГЭ,математика (базовая),10,1
2024,S001,огэ,Математика,12,1`),
      ctx,
    );
    expect(gia.problems).toEqual([
      {
        row: 4,
        column: 'school_code',
        cell: 'B4',
        message: 'Повтор: год, школа, экзамен и предмет те же, что в строке 2. Оставьте одну из строк.',
      },
    ]);
  });

  it('addresses cells by their own column, wherever the file puts it', () => {
    const r = readResults(
      'vpr',
      sheet(`Наименование | Кол-во участников | 5 | 4 | 3 | 2 | Класс | Предмет | Код ОО | Год
СОШ № 1 | 20 | 3 | 7 | 8 | 2 | 12 | Русский язык | S001 | 2024`),
      ctx,
    );
    expect(r.problems).toEqual([
      { row: 2, column: 'grade', cell: 'G2', message: expect.stringContaining('В 12 классе ВПР не проводятся') },
    ]);
  });
});

describe('every problem is collected, not the first', () => {
  it('three bad rows give a problem each, and several problems in one row are all listed; good rows still read', () => {
    const r = readResults(
      'vpr',
      csv(`year,school_code,subject,grade,participants,n2,n3,n4,n5
2024,S001,русский язык,5,20,2,8,7,3
2031,S001,математика,5,20,2,8,7,3
2024,S404,русский язык,6,20,2,8,7,3

2024,S002,пение,3,10,1,1,1,1
2024,S002,математика,5,10,1,3,3,3`),
      ctx,
    );
    expect(r.problems.map((p) => `${p.cell} ${p.column}`)).toEqual([
      'A3 year',
      'B4 school_code',
      'C6 subject',
      'D6 grade',
      'E6 participants',
    ]);
    expect(r.records.map((x) => x.subject)).toEqual(['русский язык', 'математика']);
    expect(r.years).toEqual([2024]);
  });
});
