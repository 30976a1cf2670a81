import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { hostileName, sampleIdentificationReport } from '../sample-identification-report.ts';
import { writeIdentificationXlsx } from './write-identification.ts';

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

describe('writeIdentificationXlsx', async () => {
  const book = await load(await writeIdentificationXlsx(sampleIdentificationReport()));

  it('writes the list, every school, the totals by municipality and type, the changes and what the run was', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Перечень',
      'Все школы',
      'По муниципалитетам',
      'По типам ОО',
      'Изменения',
      'Сведения',
    ]);
  });

  it('lists only the listed schools, by municipality then name, with category, repetition and reasons', () => {
    const sheet = sheetOf(book, 'Перечень');
    expect(rowValues(sheet, 1)).toEqual([
      '№',
      'Муниципальное образование',
      'Код',
      'Наименование',
      'Тип',
      'Категория',
      'Впервые / повторно',
      'Процедур с низкими результатами',
      'Красная зона',
      'Необъективность, %',
      'Основания',
    ]);
    expect(sheet.rowCount).toBe(3);
    // «Балтийский» sorts before «Гурьевский».
    expect(rowValues(sheet, 2).slice(0, 7)).toEqual([
      1,
      'Балтийский городской округ',
      '390003',
      hostileName,
      'ООШ',
      2,
      'впервые',
    ]);
    expect(rowValues(sheet, 3)).toEqual([
      2,
      'Гурьевский муниципальный округ',
      '390001',
      'МАОУ СОШ № 1 г. Гурьевска',
      'СОШ',
      1,
      'повторно',
      3,
      'да',
      12.5,
      'Категория 1: низкие результаты по двум и более процедурам в каждом году.\n' +
        'ВПР, математика, 5 класс, 2024: 45 % отметок «2».\nКрасная зона в 2024 году.',
    ]);
  });

  it('keeps a school name that looks like a formula as literal text', () => {
    const cell = sheetOf(book, 'Перечень').getCell('D2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe(hostileName);
  });

  it('gives every school of the run, «—» where it is not listed', () => {
    const sheet = sheetOf(book, 'Все школы');
    expect(sheet.rowCount).toBe(6);
    const gymnasium = [2, 3, 4, 5, 6].map((r) => rowValues(sheet, r)).find((v) => v[2] === '390002');
    expect(gymnasium?.slice(5, 10)).toEqual(['—', '—', 0, 'нет', undefined]);
  });

  it('totals by municipality in alphabetical order, a column per category, and the region in «Итого»', () => {
    const sheet = sheetOf(book, 'По муниципалитетам');
    expect(rowValues(sheet, 1)).toEqual([
      'Муниципальное образование',
      'Всего ОО',
      'В перечне',
      'Категория 1',
      'Категория 2',
      'Доля в перечне, %',
    ]);
    expect([2, 3, 4, 5].map((r) => rowValues(sheet, r))).toEqual([
      ['Балтийский городской округ', 2, 1, 0, 1, 50],
      ['Гвардейский муниципальный округ', 1, 0, 0, 0, 0],
      ['Гурьевский муниципальный округ', 2, 1, 1, 0, 50],
      ['Итого', 5, 2, 1, 1, 40],
    ]);
    expect(rowValues(sheetOf(book, 'По типам ОО'), 2)).toEqual(['гимназия', 1, 0, 0, 0, 0]);
  });

  it('names the schools added, removed and recategorised, keeping the code of one no longer in the run', () => {
    const sheet = sheetOf(book, 'Изменения');
    expect([2, 3, 4, 5].map((r) => rowValues(sheet, r))).toEqual([
      ['включена', 'Балтийский городской округ', '390003', hostileName, 'не в перечне', 'категория 2'],
      ['исключена', 'Гурьевский муниципальный округ', '390002', 'МБОУ гимназия № 2', 'в перечне', 'не в перечне'],
      ['исключена', undefined, '399999', undefined, 'в перечне', 'не в перечне'],
      [
        'изменена категория',
        'Гурьевский муниципальный округ',
        '390001',
        'МАОУ СОШ № 1 г. Гурьевска',
        'категория 2',
        'категория 1',
      ],
    ]);
  });

  it('says which order approved the list', () => {
    const about = sheetOf(book, 'Сведения');
    const values = Object.fromEntries([...Array(about.rowCount).keys()].map((i) => rowValues(about, i + 1)));
    expect(values).toMatchObject({
      Регион: 'Калининградская область',
      'Годы результатов': '2023 и 2024',
      Статус: 'утверждён: приказ от 05.03.2025 № 123/1',
      'Доля муниципальных образований с ОО в перечне, %': 66.7,
    });
  });

  it('leaves out the changes of a draft without a previous list and calls it a draft', async () => {
    const draft = { ...sampleIdentificationReport(), approved: null, difference: null };
    const b = await load(await writeIdentificationXlsx(draft));
    expect(b.worksheets.map((s) => s.name)).not.toContain('Изменения');
    expect(rowValues(sheetOf(b, 'Сведения'), 8)).toEqual(['Статус', 'проект']);
  });
});
