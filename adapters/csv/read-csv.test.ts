import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { readCsv } from './read-csv.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Windows-1251 for the characters the fixtures use: what Russian Excel writes for "CSV (разделители — запятые)". */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '№': 0xb9 };
    const byte = special[ch];
    if (byte === undefined) throw new Error(`no cp1251 byte for ${ch}`);
    return byte;
  });
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) new DataView(out.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
  return out;
}

describe('readCsv: encodings', () => {
  const expected = {
    headerRow: 1,
    headers: ['Наименование', 'Район'],
    rows: [{ row: 2, cells: ['Школа № 1 имени Ё. Ёлкина', 'Центральный'] }],
  };
  const text = 'Наименование;Район\r\nШкола № 1 имени Ё. Ёлкина;Центральный\r\n';

  it.each([
    ['UTF-8 with BOM', utf8(`\uFEFF${text}`)],
    ['UTF-8 without BOM', utf8(text)],
    ['Windows-1251', cp1251(text)],
    ['UTF-16 LE with BOM («Текст Юникод»)', utf16le(text)],
  ])('%s', (_, bytes) => {
    expect(readCsv(bytes)).toEqual(expected);
  });

  it('does not leave the BOM in the first header', () => {
    expect(readCsv(utf8('\uFEFFИНН,КПП\n1,2')).headers).toEqual(['ИНН', 'КПП']);
  });
});

describe('readCsv: delimiters', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n', ['1', '2', '3']],
    ['semicolon with decimal commas', 'a;b;c\n1,5;2;3,25\n', ['1,5', '2', '3,25']],
    ['tab', 'a\tb\tc\n1\t2,5\t3\n', ['1', '2,5', '3']],
    [
      'semicolon with a comma in a header',
      'Название;Адрес, индекс;Тип\nШкола 1;ул. Ленина, 1;СОШ\n',
      ['Школа 1', 'ул. Ленина, 1', 'СОШ'],
    ],
    ['one column', 'ИНН\n7701234567\n', ['7701234567']],
  ])('%s', (_, text, cells) => {
    expect(readCsv(utf8(text)).rows[0]?.cells).toEqual(cells);
  });
});

describe('readCsv: records', () => {
  it('keeps quoted delimiters, quotes and line breaks inside a field; numbers rows as Excel does', () => {
    const table = readCsv(
      utf8('Название,Адрес\r\n"Школа ""Радуга""","г. Пермь,\r\nул. Ленина, 1"\r\nЛицей,ул. Мира\r\n'),
    );
    expect(table.rows).toEqual([
      { row: 2, cells: ['Школа "Радуга"', 'г. Пермь,\nул. Ленина, 1'] },
      { row: 3, cells: ['Лицей', 'ул. Мира'] },
    ]);
  });

  it('drops empty rows (also rows of bare delimiters) but keeps the numbers of the rows after them', () => {
    const table = readCsv(utf8('\n\nИНН;Название\n;\n7701234567;Школа\n\n ; \n7702000000;Лицей'));
    expect(table.headerRow).toBe(3);
    expect(table.rows.map((r) => r.row)).toEqual([5, 8]);
  });

  it('trims cells and pads short rows', () => {
    expect(readCsv(utf8('a, b ,c\n  1  \n')).rows).toEqual([{ row: 2, cells: ['1', '', ''] }]);
  });

  it('reads back what an export defused: the apostrophe before formula-like text is removed', () => {
    expect(readCsv(utf8("Телефон\n'+7 (495) 123-45-67\n")).rows[0]?.cells).toEqual(['+7 (495) 123-45-67']);
  });
});

describe('readCsv: refusals', () => {
  const refusal = (bytes: Uint8Array) => {
    try {
      readCsv(bytes);
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('import.format');
      return (e as DomainError).message;
    }
    throw new Error('expected a refusal');
  };

  it.each([
    ['an empty file', new Uint8Array(0), /нет ни одной заполненной строки/],
    ['only line breaks and delimiters', utf8('\r\n;;\r\n\r\n'), /нет ни одной заполненной строки/],
    ['binary content', Uint8Array.from({ length: 512 }, (_, i) => (i * 7919) % 256), /не похож на текстовую таблицу/],
    ['an unclosed quote', utf8('a,b\n1,2\n"3,4\n5,6\n'), /^Строка 3: кавычки/],
  ])('%s', (_, bytes, message) => {
    expect(refusal(bytes)).toMatch(message);
  });
});
