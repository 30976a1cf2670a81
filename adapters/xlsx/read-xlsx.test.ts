import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { readXlsx } from './read-xlsx.ts';

/** A workbook built cell by cell with exceljs, as Excel would save it (formula results included). */
async function book(fill: (workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('import.format');
  return error as DomainError;
}

describe('readXlsx: cell values', () => {
  it('gives each kind of value as the text the user sees', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('Организации');
      sheet.addRow(['Вид', 'Значение']);
      const rows: [string, ExcelJS.CellValue][] = [
        ['формула', { formula: 'A1+1', result: 5 }],
        ['общая формула', { sharedFormula: 'B2', result: 6 } as ExcelJS.CellValue],
        ['формула с текстом', { formula: 'A1&"x"', result: 'Школа' }],
        ['формула с ошибкой', { formula: '1/0', result: { error: '#DIV/0!' } }],
        ['дата', new Date(Date.UTC(2024, 8, 1))],
        ['ОГРН', 1027700132195],
        ['дробь', 0.1 + 0.2],
        ['большое целое', 1e21],
        ['логическое', true],
        ['форматированный текст', { richText: [{ text: 'Школа ' }, { text: '№ 1', font: { bold: true } }] }],
        ['ссылка', { text: 'сайт школы', hyperlink: 'https://school1.example' }],
        ['ошибка', { error: '#N/A' }],
        ['пробелы', '  Лицей  '],
      ];
      for (const row of rows) sheet.addRow(row);
    });
    const table = await readXlsx(bytes);
    expect(table.sheet).toBe('Организации');
    expect(Object.fromEntries(table.rows.map((r) => r.cells))).toEqual({
      формула: '5',
      'общая формула': '6',
      'формула с текстом': 'Школа',
      'формула с ошибкой': '#DIV/0!',
      дата: '01.09.2024',
      ОГРН: '1027700132195',
      дробь: '0.3',
      'большое целое': '1000000000000000000000',
      логическое: 'да',
      'форматированный текст': 'Школа № 1',
      ссылка: 'сайт школы',
      ошибка: '#N/A',
      пробелы: 'Лицей',
    });
  });

  it('gives a number formatted as a percentage as the share the user sees, not the fraction', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('ВПР');
      sheet.addRow(['% «2»', 'Кол-во']);
      const row = sheet.addRow([0.333, 0.5]);
      row.getCell(1).numFmt = '0.0%';
      const formula = sheet.addRow([{ formula: 'B2/2', result: 0.25 }, 3]);
      formula.getCell(1).numFmt = '0%';
    });
    const table = await readXlsx(bytes);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['33,3 %', '0.5'],
      ['25 %', '3'],
    ]);
  });

  it('never returns the formula text', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.addRow(['a', 'b']);
      sheet.addRow([4, { formula: 'A1+1', result: 5 }]);
    });
    expect((await readXlsx(bytes)).rows).toEqual([{ row: 2, cells: ['4', '5'] }]);
  });

  it('puts the value of a merged range in its top-left cell only', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.addRow(['Район', 'Школа', 'Класс']);
      sheet.addRow(['Центральный', 'Школа № 1', '5А']);
      sheet.addRow([null, null, '5Б']);
      sheet.mergeCells('A2:A3');
      sheet.mergeCells('B1:C1');
    });
    const table = await readXlsx(bytes);
    expect(table.headers).toEqual(['Район', 'Школа']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['Центральный', 'Школа № 1', '5А'] },
      { row: 3, cells: ['', '', '5Б'] },
    ]);
  });

  it('starts at the first filled row and keeps sheet row numbers across empty rows', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.getCell('B3').value = 'ИНН';
      sheet.getCell('C3').value = 'Название';
      sheet.getCell('B4').value = '   ';
      sheet.getCell('B6').value = '7701234567';
      sheet.getCell('C6').value = 'Школа';
    });
    expect(await readXlsx(bytes)).toEqual({
      sheet: 'Лист1',
      headerRow: 3,
      headers: ['', 'ИНН', 'Название'],
      rows: [{ row: 6, cells: ['', '7701234567', 'Школа'] }],
    });
  });
});

describe('readXlsx: sheets', () => {
  const twoSheets = () =>
    book((workbook) => {
      const lists = workbook.addWorksheet('Справочники', { state: 'hidden' });
      lists.addRow(['Тип']);
      workbook.addWorksheet('Школы').addRow(['Название']);
      workbook.addWorksheet('Итоги').addRow(['Всего']);
    });

  it('reads the first visible sheet by default (templates hide reference lists in front)', async () => {
    expect((await readXlsx(await twoSheets())).headers).toEqual(['Название']);
  });

  it('reads the named sheet', async () => {
    expect((await readXlsx(await twoSheets(), { sheet: 'Итоги' })).headers).toEqual(['Всего']);
  });

  it('names the sheets there are when the requested one is missing', async () => {
    const error = await refusal(readXlsx(await twoSheets(), { sheet: 'Результаты' }));
    expect(error.message).toBe(
      'В книге нет листа «Результаты». Листы в книге: «Справочники», «Школы», «Итоги». Выберите один из них.',
    );
  });
});

describe('readXlsx: refusals', () => {
  it('refuses a formula saved without its value, naming the cell', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.addRow(['a', 'b']);
      sheet.addRow([1, { formula: 'A2*2' }]);
    });
    const error = await refusal(readXlsx(bytes));
    expect(error.message).toMatch(/^Ячейка B2: формула без сохранённого значения/);
  });

  it('refuses more filled columns than the limit', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.addRow(['a']);
      sheet.getCell(2, 201).value = 'лишнее';
    });
    expect((await refusal(readXlsx(bytes))).message).toMatch(/^Строка 2: заполнено больше 200 столбцов/);
  });

  it('ignores blank cells far to the right', async () => {
    const bytes = await book((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.addRow(['a']);
      sheet.getCell(1, 16384).value = ' ';
    });
    expect((await readXlsx(bytes)).headers).toEqual(['a']);
  });

  it('refuses a workbook whose only sheet is empty', async () => {
    const bytes = await book((workbook) => {
      workbook.addWorksheet('Лист1');
    });
    expect((await refusal(readXlsx(bytes))).message).toMatch(/нет ни одной заполненной строки/);
  });
});
