import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseCell } from '../table/build-table.ts';
import { writableText } from '../table/cell-text.ts';
import { readCsv } from './read-csv.ts';
import { type CsvValue, writeCsv } from './write-csv.ts';

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('writeCsv', () => {
  it('writes UTF-8 with BOM, CRLF and RFC 4180 quoting', () => {
    const bytes = writeCsv(
      ['Название', 'Адрес'],
      [
        ['Школа "Радуга"', 'г. Пермь,\nул. Ленина, 1'],
        ['Лицей', null],
      ],
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes)).toBe('\uFEFFНазвание,Адрес\r\n"Школа ""Радуга""","г. Пермь,\nул. Ленина, 1"\r\nЛицей,\r\n');
  });

  it('writes numbers plainly, booleans in Russian and null as empty', () => {
    expect(text(writeCsv(['a', 'b', 'c', 'd', 'e'], [[7701234567, -3.5, true, false, null]]))).toBe(
      '\uFEFFa,b,c,d,e\r\n7701234567,-3.5,да,нет,\r\n',
    );
  });

  it('can write ";" for Russian Excel and quotes fields holding it', () => {
    expect(text(writeCsv(['a', 'b'], [['1;2', '3,5']], { delimiter: ';' }))).toBe('\uFEFFa;b\r\n"1;2";3,5\r\n');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","Нажмите")', `"'=HYPERLINK(""http://evil.example"",""Нажмите"")"`],
    ['+7 (495) 123-45-67', "'+7 (495) 123-45-67"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
  ])('neutralises formula injection: %j → %j', (value, field) => {
    expect(text(writeCsv(['x'], [[value]]))).toBe(`\uFEFFx\r\n${field}\r\n`);
  });

  it('neutralises formula-like headers too, and leaves numbers alone', () => {
    expect(text(writeCsv(['=cmd'], [[-5]]))).toBe("\uFEFF'=cmd\r\n-5\r\n");
  });

  it('drops control characters so the file stays readable as text', () => {
    expect(text(writeCsv(['x'], [['a\u0000b\u0007']]))).toBe('\uFEFFx\r\nab\r\n');
  });
});

describe('writeCsv → readCsv round trip', () => {
  it('gives back the table, with formula-like text intact', () => {
    const rows: CsvValue[][] = [
      ['7701234567', 'Школа № 1 "Радуга"', '+7 (495) 123-45-67', '=1+1'],
      [null, null, null, null],
      [42, 'ул. Ленина, 1;\nкорп. 2', true, "'=quoted"],
    ];
    const table = readCsv(writeCsv(['ИНН', 'Название', 'Телефон', 'Формула'], rows));
    expect(table).toEqual({
      headerRow: 1,
      headers: ['ИНН', 'Название', 'Телефон', 'Формула'],
      rows: [
        { row: 2, cells: ['7701234567', 'Школа № 1 "Радуга"', '+7 (495) 123-45-67', '=1+1'] },
        { row: 4, cells: ['42', 'ул. Ленина, 1;\nкорп. 2', 'да', "'=quoted"] },
      ],
    });
  });

  // Characters that stress quoting, delimiter detection and formula escaping, mixed with any Unicode text.
  const tricky = fc.string({
    unit: fc.constantFrom(',', ';', '\t', '"', "'", '=', '+', '-', '@', '\r', '\n', ' ', 'а', 'Ё', '№', '1'),
  });
  const cell = fc.oneof(tricky, fc.string({ unit: 'binary' }));
  // What a reader gives back for a written string: the writer drops control characters, the reader trims.
  const expectedCell = (value: string) => normaliseCell(writableText(value));

  it.each([',', ';'] as const)('any table of strings survives (delimiter %j)', (delimiter) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 8 }), (rows) => {
        const headers = ['Первый', 'Второй', 'Третий'];
        const table = readCsv(writeCsv(headers, rows, { delimiter }));
        const expected = rows
          .map((cells, i) => ({ row: i + 2, cells: cells.map(expectedCell) }))
          .filter((r) => r.cells.some((c) => c !== ''));
        expect(table.headers).toEqual(headers);
        expect(table.rows).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
