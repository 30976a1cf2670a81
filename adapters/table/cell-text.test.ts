import { describe, expect, it } from 'vitest';
import { cellText, dateText, escapeFormula, numberText, unescapeFormula, writableText } from './cell-text.ts';

describe('numberText', () => {
  it.each([
    [0, '0'],
    [-42, '-42'],
    [7701234567, '7701234567'], // ИНН юрлица
    [1027700132195, '1027700132195'], // ОГРН
    [1e21, '1000000000000000000000'], // never 1e+21
    [0.1 + 0.2, '0.3'], // what Excel shows, not the binary noise
    [4.5, '4.5'],
  ])('%s → %s', (value, text) => {
    expect(numberText(value)).toBe(text);
  });
});

describe('dateText', () => {
  it.each([
    [new Date(Date.UTC(2024, 8, 1)), '01.09.2024'],
    [new Date(Date.UTC(2025, 11, 31, 10, 30)), '31.12.2025 10:30'],
    [new Date(Date.UTC(2025, 0, 9, 8, 5, 7)), '09.01.2025 08:05:07'],
    // A serial time that lands a millisecond short rounds to what Excel displays.
    [new Date(Date.UTC(2025, 0, 9, 10, 29, 59, 999)), '09.01.2025 10:30'],
  ])('%s → %s', (value, text) => {
    expect(dateText(value)).toBe(text);
  });
});

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['Школа № 1', 'Школа № 1'],
    [true, 'да'],
    [false, 'нет'],
    [12, '12'],
  ])('%s → %s', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('formula escaping', () => {
  it.each([
    ['=HYPERLINK("http://evil","x")', `'=HYPERLINK("http://evil","x")`],
    ['+7 (495) 123-45-67', "'+7 (495) 123-45-67"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=1", "''=1"], // already quoted text keeps its own apostrophe through a round trip
    ['Школа', 'Школа'],
    ["'Школа'", "'Школа'"],
    ['a=b', 'a=b'],
    ['', ''],
  ])('%j is written as %j and read back unchanged', (text, escaped) => {
    expect(escapeFormula(text)).toBe(escaped);
    expect(unescapeFormula(escaped)).toBe(text);
  });
});

describe('writableText', () => {
  it('drops characters an .xlsx cannot hold and keeps tab and line breaks', () => {
    expect(writableText('a\u0000b\u0007c\u000Bd\te\r\nf\uFFFF')).toBe('abcd\te\r\nf');
  });
});
