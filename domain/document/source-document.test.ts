import { describe, expect, it } from 'vitest';
import { alignRows, cell, type DocRow, tidyText } from './source-document.ts';

const row = (...cells: ReturnType<typeof cell>[]): DocRow => ({ cells, source: {} });
const texts = (rows: DocRow[]) => rows.map((r) => r.cells.map((c) => c.text));

describe('alignRows', () => {
  it('repeats a cell merged down over the rows it covers (one deadline for several activities)', () => {
    const rows = [
      row(cell('1'), cell('Вебинар'), cell('Март 2022', false, 1, 3)),
      row(cell('2'), cell('Семинар')),
      row(cell('3'), cell('Курсы')),
    ];
    expect(texts(alignRows(rows))).toEqual([
      ['1', 'Вебинар', 'Март 2022'],
      ['2', 'Семинар', 'Март 2022'],
      ['3', 'Курсы', 'Март 2022'],
    ]);
  });
  it('keeps a cell merged across columns in its first column (a section row)', () => {
    expect(
      texts(alignRows([row(cell('Аналитическая деятельность', true, 3)), row(cell('1'), cell('Анализ'), cell('Май'))])),
    ).toEqual([
      ['Аналитическая деятельность', '', ''],
      ['1', 'Анализ', 'Май'],
    ]);
  });
  it('handles a merge in the middle column and one across rows and columns at once', () => {
    const rows = [row(cell('a'), cell('b', false, 2, 2), cell('c')), row(cell('d'), cell('e'))];
    expect(texts(alignRows(rows))).toEqual([
      ['a', 'b', '', 'c'],
      ['d', 'b', '', 'e'],
    ]);
  });
});

describe('tidyText', () => {
  it('collapses spaces, keeps single line breaks, trims', () => {
    expect(tidyText('  а\u00a0 б \r\n\r\n\r\n в  ')).toBe('а б\n\nв');
  });
});
