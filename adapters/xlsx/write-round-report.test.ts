import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { noRecommendations, type RoundReport } from '../round-report.ts';
import { hostileName, sampleRecommendations, sampleRoundReport } from '../sample-round-report.ts';
import { readXlsx } from './read-xlsx.ts';
import { writeRoundReportXlsx } from './write-round-report.ts';

const sheetNames = ['Сводка', 'Муниципалитеты', 'Школы', 'Отстающие мероприятия', 'Показатели', 'Динамика'];

/** The book as exceljs holds it: value types, formulas and number formats, which text readers smooth over. */
async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

/** The values of a sheet's row, without exceljs's empty slot at index 0. */
const rowValues = (sheet: ExcelJS.Worksheet, row: number) => (sheet.getRow(row).values as ExcelJS.CellValue[]).slice(1);

const sheetOf = (book: ExcelJS.Workbook, name: string) => {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`sheet ${name} is missing`);
  return sheet;
};

const rowsOf = (sheet: ExcelJS.Worksheet) =>
  Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2));

describe('writeRoundReportXlsx: the book of the sample round', async () => {
  const r = sampleRoundReport();
  const bytes = await writeRoundReportXlsx(r);
  const book = await load(bytes);

  it('has the summary, municipalities, schools, lagging activities, indicators and trend', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(sheetNames);
  });

  it('reads back through the importer’s own reader, every sheet with its header row', async () => {
    const table = await readXlsx(bytes, { sheet: 'Муниципалитеты' });
    expect(table.headers).toEqual([
      '№',
      'Муниципальное образование',
      'Мероприятий, всего',
      'Отменено',
      'Исполнено',
      'Просрочено',
      'Исполнение, %',
    ]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ['1', 'Балтийский городской округ', '40', '2', '14', '3', '36.8'],
      ['2', 'Гвардейский муниципальный округ', '38', '2', '9', '6', '25'],
      ['3', 'Гурьевский муниципальный округ', '40', '1', '18', '1', '46.2'],
    ]);
    for (const name of sheetNames) expect((await readXlsx(bytes, { sheet: name })).headers.length).toBeGreaterThan(1);
  });

  it('sums up the round with counts and shares as numbers, the date as a date', () => {
    const summary = sheetOf(book, 'Сводка');
    const values = Object.fromEntries(rowsOf(summary).map(([key, value]) => [key, value]));
    expect(values).toMatchObject({
      Регион: 'Калининградская область',
      Программа: r.programmeTitle,
      'Утверждающий документ': 'приказ Министерства образования Калининградской области от 13.01.2023 № 28/1',
      'Дата мониторинга': new Date(Date.UTC(2023, 5, 30)),
      'Этап мониторинга': 'Первый мониторинг исполнения мероприятий дорожной карты',
      Сведения: 'Сведения зафиксированы 03.07.2023 11:00 и после фиксации не изменяются.',
      'Всего мероприятий': 32,
      Отменено: 2,
      'Подлежат исполнению': 30,
      Исполнено: 11,
      Выполняется: 14,
      Запланировано: 5,
      Просрочено: 3,
      'Исполнение, %': 36.7,
      'Пороговое значение': 'не менее 30–40 %',
      'Порог достигнут': 'да',
      'Мероприятий со сроком до даты мониторинга': 14,
      'Из них исполнено': 11,
      'Исполнение мероприятий со сроком до даты мониторинга, %': 78.6,
      'Адресные рекомендации': sampleRecommendations,
      'Справка сформирована': '05.07.2023 10:30',
    });
    expect(String(values.Вывод)).toContain(
      'Исполнено 11 из 30 мероприятий (без учёта 2 отменённых) — 36,7 %; пороговое значение на дату мониторинга — ' +
        'не менее 30–40 %; порог достигнут.',
    );
    const percent = summary.getCell('B16');
    expect([rowValues(summary, 16)[0], percent.type]).toEqual(['Исполнение, %', ExcelJS.ValueType.Number]);
    expect(summary.getCell('B6').numFmt).toBe('dd.mm.yyyy');
  });

  it('lists the schools under their municipalities, the hostile name as literal text', () => {
    const schools = sheetOf(book, 'Школы');
    expect(rowsOf(schools)).toEqual([
      [1, 'Балтийский городской округ', hostileName, 20, 1, 5, 3, 26.3],
      [2, 'Балтийский городской округ', 'МБОУ СОШ № 5 г. Балтийска', 20, 1, 9, 0, 47.4],
      [3, 'Гвардейский муниципальный округ', 'МБОУ ООШ пос. Знаменск', 18, 2, 5, 2, 31.3],
      [4, 'Гвардейский муниципальный округ', 'МБОУ СОШ № 2 г. Гвардейска', 20, 0, 4, 4, 20],
      [5, 'Гурьевский муниципальный округ', 'МАОУ СОШ пос. Васильково', 20, 1, 8, 1, 42.1],
      [6, 'Гурьевский муниципальный округ', 'МАОУ СОШ № 1 г. Гурьевска', 20, 0, 10, 0, 50],
    ]);
    const cell = schools.getCell('C2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });

  it('makes no formula anywhere in the book', () => {
    const kinds = new Set<ExcelJS.ValueType>();
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          kinds.add(cell.type);
        });
      });
    }
    expect(kinds.has(ExcelJS.ValueType.Formula)).toBe(false);
    expect(kinds.has(ExcelJS.ValueType.SharedString) || kinds.has(ExcelJS.ValueType.String)).toBe(true);
  });

  it('gives the lagging activities with schools and days as numbers, empty where there are none', () => {
    const lagging = sheetOf(book, 'Отстающие мероприятия');
    expect(rowValues(lagging, 1)).toEqual([
      '№ п/п',
      'Мероприятие',
      'Срок',
      'Ответственные',
      'ОО, всего',
      'Исполнено в ОО',
      'Статус',
      'Просрочено, дней',
    ]);
    expect(rowValues(lagging, 2)).toEqual([
      '4.',
      'Анкетирование для формирования рисковых профилей общеобразовательных организаций',
      '28.03-18.04.2023',
      'Региональный координатор, муниципальные координаторы, руководители школ',
      6,
      4,
      'Выполняется',
      73,
    ]);
    expect(rowValues(lagging, 5)).toEqual([
      '7.',
      'Проведение ВКС с муниципальными координаторами по вопросам сопровождения школ проекта',
      '15.02-20.12.2023',
      'Региональный координатор',
      undefined,
      undefined,
      'Выполняется',
    ]);
  });

  it('sets the indicators’ plan against actual with status and rule, values as the programme writes them', () => {
    expect(rowsOf(sheetOf(book, 'Показатели'))).toEqual([
      [
        '1.',
        'Доля общеобразовательных организаций, разработавших программы развития с учётом рисковых профилей',
        '%',
        '0',
        '100',
        '50',
        'Не достигнут',
        'не ниже целевого значения',
      ],
      [
        '2.',
        'Обучающие мероприятия для управленческих и педагогических команд школ проекта «500+»',
        'ед.',
        '0',
        'не менее 5',
        '3',
        'Срок не наступил',
        'не ниже целевого значения к 01.12.2023',
      ],
    ]);
  });

  it('gives the trend in date order, dates as dates', () => {
    const trend = sheetOf(book, 'Динамика');
    expect(rowsOf(trend)).toEqual([
      [new Date(Date.UTC(2023, 2, 31)), 12.5],
      [new Date(Date.UTC(2023, 5, 30)), 36.7],
    ]);
    expect(trend.getCell('A2').numFmt).toBe('dd.mm.yyyy');
  });
});

describe('writeRoundReportXlsx: a round without shares', () => {
  it('leaves a share empty where nothing was to be executed, and says the threshold was not assessed', async () => {
    const base = sampleRoundReport();
    const r: RoundReport = {
      ...base,
      summary: { ...base.summary, executionPercent: null, meetsThreshold: null },
      byMunicipality: [
        {
          name: 'Гвардейский муниципальный округ',
          total: 2,
          done: 0,
          cancelled: 2,
          overdue: 0,
          executionPercent: null,
        },
      ],
      recommendations: '',
    };
    const book = await load(await writeRoundReportXlsx(r));
    expect(rowValues(sheetOf(book, 'Муниципалитеты'), 2)).toEqual([1, 'Гвардейский муниципальный округ', 2, 2, 0, 0]);
    const values = Object.fromEntries(rowsOf(sheetOf(book, 'Сводка')).map(([key, value]) => [key, value]));
    expect(values['Исполнение, %']).toBeUndefined();
    expect(values['Порог достигнут']).toBe('—');
    expect(values['Адресные рекомендации']).toBe(noRecommendations);
  });
});
