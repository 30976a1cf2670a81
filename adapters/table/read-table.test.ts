import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { craftZip, xmlPart } from '../../test/fixtures/tables/craft-zip.ts';
import { writeCsv } from '../csv/write-csv.ts';
import { writeXlsx } from '../xlsx/write-xlsx.ts';
import { readTable } from './read-table.ts';
import type { Table } from './table.ts';

const headers = ['ИНН', 'Наименование', 'Телефон', 'Учеников'];
const rows = [
  ['7701234567', 'МБОУ «Школа № 1» имени А. С. Пушкина', '+7 (495) 123-45-67', 812],
  [null, null, null, null],
  ['7702000000', 'Лицей, корпус 2\nул. Мира, 5', '=HYPERLINK("http://evil.example")', 0],
];
const sampleBook = () => writeXlsx([{ name: 'Организации', headers, rows }]);

// One contract for every format: the same table written and read back looks the same to an importer.
describe.each([
  ['CSV', 'организации.csv', async () => writeCsv(headers, rows)],
  ['CSV with ;', 'организации.csv', async () => writeCsv(headers, rows, { delimiter: ';' })],
  ['XLSX', 'организации.xlsx', sampleBook],
])('readTable contract: %s', (_, fileName, write) => {
  it('gives back the written table with row numbers as in the file', async () => {
    const { sheet: _sheet, ...table } = await readTable(fileName, await write());
    expect(table).toEqual<Table>({
      headerRow: 1,
      headers,
      rows: [
        { row: 2, cells: ['7701234567', 'МБОУ «Школа № 1» имени А. С. Пушкина', '+7 (495) 123-45-67', '812'] },
        { row: 4, cells: ['7702000000', 'Лицей, корпус 2\nул. Мира, 5', '=HYPERLINK("http://evil.example")', '0'] },
      ],
    });
  });
});

describe('readTable chooses the reader by content first, then by extension', () => {
  const csv = new TextEncoder().encode('ИНН;Название\n7701234567;Школа\n');

  it.each([
    ['an .xlsx renamed to .csv', 'организации.csv', 'xlsx'],
    ['an .xlsx without extension', 'организации', 'xlsx'],
    ['a CSV', 'организации.csv', 'csv'],
    ['a CSV with an upper-case extension', 'ОРГАНИЗАЦИИ.CSV', 'csv'],
    ['a tab-separated .txt', 'организации.txt', 'csv'],
  ])('%s', async (_, fileName, kind) => {
    const bytes = kind === 'xlsx' ? await sampleBook() : csv;
    const table = await readTable(fileName, bytes);
    expect(table.sheet).toBe(kind === 'xlsx' ? 'Организации' : undefined);
    expect(table.headers[0]).toBe('ИНН');
  });
});

async function refusal(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => new Error('expected a refusal'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('import.format');
  const message = (error as DomainError).message;
  // Russian, official, and ending with what to do.
  expect(message).toMatch(/^[«А-ЯЁ][^a-z]*[а-яё][\s\S]*\.$/);
  expect(message).toMatch(/загрузите|выберите|исправьте|проверьте/i);
  return message;
}

describe('readTable refuses hostile and wrong files with import.format and a Russian message', () => {
  const random = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 2654435761) >>> 24);
  const zeros = (megabytes: number) => deflateRawSync(new Uint8Array(megabytes * 2 ** 20), { level: 9 });

  it.each<[string, string, () => Promise<Uint8Array> | Uint8Array, RegExp]>([
    ['an empty .csv', 'пусто.csv', () => new Uint8Array(0), /нет ни одной заполненной строки/],
    ['an empty .xlsx', 'пусто.xlsx', () => new Uint8Array(0), /не является книгой Excel/],
    ['random bytes as .xlsx', 'шум.xlsx', () => random(4096), /не является книгой Excel/],
    ['random bytes as .csv', 'шум.csv', () => random(4096), /не похож на текстовую таблицу/],
    ['random bytes with an unknown extension', 'шум.bin', () => random(4096), /Формат файла не поддерживается/],
    [
      'an .xlsx cut in half',
      'половина.xlsx',
      async () => {
        const whole = await sampleBook();
        return whole.subarray(0, whole.length >> 1);
      },
      /повреждён или загружен не полностью/,
    ],
    [
      'an old binary .xls',
      'старый.xls',
      () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /\.xls/,
    ],
    [
      'an HTML page saved as .xls',
      'отчёт.xls',
      () => new TextEncoder().encode('<html><table></table></html>'),
      /\.xls/,
    ],
    [
      'a password-protected .xlsx (an OLE container)',
      'пароль.xlsx',
      () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /защищён паролем/,
    ],
    [
      'a zip entry named ../evil.xml',
      'обход.xlsx',
      () =>
        craftZip([
          { name: '[Content_Types].xml', content: xmlPart() },
          { name: '../evil.xml', content: xmlPart() },
        ]),
      /недопустимые пути/,
    ],
    [
      'a zip that is not a workbook',
      'документ.xlsx',
      () => craftZip([{ name: 'word/document.xml', content: xmlPart() }]),
      /не удалось прочитать как книгу Excel|нет листов/,
    ],
  ])('%s', async (_, fileName, bytes, message) => {
    expect(await refusal(async () => readTable(fileName, await bytes()))).toMatch(message);
  });

  // 150 MB of zeros deflate to about 150 KB. Each bomb declares its size in the central directory as given.
  const bomb = (deflated: Uint8Array, declaredSize: number) =>
    craftZip([
      { name: '[Content_Types].xml', content: xmlPart() },
      { name: 'xl/sharedStrings.xml', deflated, declaredSize },
    ]);

  it('a zip bomb of 150 MB, refused before anything is unpacked', async () => {
    const bytes = bomb(zeros(150), 150 * 2 ** 20);
    expect(bytes.length).toBeLessThan(300_000);
    const started = performance.now();
    expect(await refusal(() => readTable('бомба.xlsx', bytes))).toMatch(/больше 100 МБ/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a zip bomb under the size limit but compressed 1000 times', async () => {
    expect(await refusal(() => readTable('бомба.xlsx', bomb(zeros(50), 50 * 2 ** 20)))).toMatch(
      /сжата подозрительно сильно/,
    );
  });

  it('a zip bomb declaring 1 KB that unpacks to 50 MB', async () => {
    expect(await refusal(() => readTable('бомба.xlsx', bomb(zeros(50), 1000)))).toMatch(/повреждён/);
  });

  it('a workbook with a cell longer than Excel allows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Лист1').addRows([['a'], ['я'.repeat(40_000)]]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await refusal(() => readTable('длинная.xlsx', bytes))).toMatch(/больше 32\u00A0767 символов/);
  });
});
