import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCell } from '../table/build-table.ts';
import { writableText } from '../table/cell-text.ts';
import { readXlsx } from './read-xlsx.ts';
import { sheetName, writeXlsx } from './write-xlsx.ts';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('writeXlsx', () => {
  it('writes one sheet per entry with a bold frozen header row and the given widths', async () => {
    const bytes = await writeXlsx([
      { name: 'Школы', headers: ['ИНН', 'Название'], rows: [['7701234567', 'Школа № 1']], widths: [14, 40] },
      { name: 'Итоги', headers: ['Всего'], rows: [[1]] },
    ]);
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Школы', 'Итоги']);
    const sheet = workbook.getWorksheet('Школы')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect([sheet.getColumn(1).width, sheet.getColumn(2).width]).toEqual([14, 40]);
  });

  it('keeps text as text (leading zeros and all) and dates as dates shown ДД.ММ.ГГГГ', async () => {
    const bytes = await writeXlsx([
      { name: 'Лист1', headers: ['Код', 'Дата'], rows: [['0012', new Date(Date.UTC(2024, 8, 1))]] },
    ]);
    const cells = (await load(bytes)).worksheets[0]!.getRow(2);
    expect(cells.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(cells.getCell(2).numFmt).toBe('dd.mm.yyyy');
    expect((await readXlsx(bytes)).rows[0]?.cells).toEqual(['0012', '01.09.2024']);
  });

  it.each([
    '=HYPERLINK("http://evil.example","Нажмите")',
    '+7 (495) 123-45-67',
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1+1',
    '\r=1+1',
  ])('writes %j as a string cell, never a formula', async (value) => {
    const bytes = await writeXlsx([{ name: 'Лист1', headers: [value], rows: [[value]] }]);
    const sheet = (await load(bytes)).worksheets[0]!;
    for (const address of ['A1', 'A2']) {
      expect(sheet.getCell(address).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(address).formula).toBeUndefined();
    }
    // Excel shows the text literally, so nothing is prefixed; only a bare \r becomes Excel's in-cell line break.
    expect(sheet.getCell('A2').value).toBe(value.replace('\r', '\n'));
  });

  it('drops characters that would make the file unreadable', async () => {
    const bytes = await writeXlsx([{ name: 'Лист1', headers: ['x'], rows: [['a\u0000b\u0007c']] }]);
    expect((await readXlsx(bytes)).rows[0]?.cells).toEqual(['abc']);
  });

  it.each([
    ['Москва/Центр: [2025]', 'Москва Центр 2025'],
    ["'Итоги'", 'Итоги'],
    ['Муниципальные общеобразовательные организации', 'Муниципальные общеобразовательн'],
    ['???', 'Лист 1'],
  ])('makes a sheet name Excel accepts: %j → %j', (name, expected) => {
    expect(sheetName(name, 1)).toBe(expected);
  });
});

describe('writeXlsx → readXlsx round trip', () => {
  it('gives back the table, empty rows keeping the row numbers', async () => {
    const bytes = await writeXlsx([
      {
        name: 'Организации',
        headers: ['ИНН', 'Название', 'Учеников', 'Действует', 'Телефон'],
        rows: [
          ['7701234567', 'Школа № 1 "Радуга"', 812, true, '+7 (495) 123-45-67'],
          [null, null, null, null, null],
          ['7702000000', 'Лицей\nкорпус 2', 0, false, null],
        ],
      },
    ]);
    expect(await readXlsx(bytes)).toEqual({
      sheet: 'Организации',
      headerRow: 1,
      headers: ['ИНН', 'Название', 'Учеников', 'Действует', 'Телефон'],
      rows: [
        { row: 2, cells: ['7701234567', 'Школа № 1 "Радуга"', '812', 'да', '+7 (495) 123-45-67'] },
        { row: 4, cells: ['7702000000', 'Лицей\nкорпус 2', '0', 'нет', ''] },
      ],
    });
  });

  it('any table of strings survives', async () => {
    const cell = fc.oneof(
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", '"', '<', '&', ' ', '\n', '\t', 'Ё', '№', '1') }),
      fc.string({ unit: 'binary' }),
    );
    // What a reader gives back for a written string: the writer drops control characters, the reader trims.
    const expectedCell = (value: string) => normaliseCell(writableText(value));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { maxLength: 6 }), async (rows) => {
        const table = await readXlsx(await writeXlsx([{ name: 'Лист1', headers: ['a', 'b'], rows }]));
        const expected = rows
          .map((cells, i) => ({ row: i + 2, cells: cells.map(expectedCell) }))
          .filter((r) => r.cells.some((c) => c !== ''));
        expect(table.rows).toEqual(expected);
      }),
      { numRuns: 30 },
    );
  });
});
