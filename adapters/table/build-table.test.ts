import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { buildTable, normaliseCell } from './build-table.ts';
import { tableLimits } from './table.ts';

const raw = (...rows: string[][]) => rows.map((cells, i) => ({ row: i + 1, cells }));

function formatErrorOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (isDomainError(e) && e.code === 'import.format') return e;
    throw e;
  }
  throw new Error('expected a DomainError import.format');
}

describe('buildTable', () => {
  it('takes the first non-empty row as the header and keeps file row numbers across dropped empty rows', () => {
    const table = buildTable(raw(['', ' '], ['ИНН', 'Название'], ['', ''], ['7701234567', ' Школа № 1 '], []));
    expect(table).toEqual({
      headerRow: 2,
      headers: ['ИНН', 'Название'],
      rows: [{ row: 4, cells: ['7701234567', 'Школа № 1'] }],
    });
  });

  it('pads short rows to the headers, drops trailing empty columns and keeps filled cells beyond the headers', () => {
    const table = buildTable(raw(['a', 'b', 'c', '', ''], ['1'], ['1', '2', '3', '', 'extra', '  ']), 'Лист1');
    expect(table.sheet).toBe('Лист1');
    expect(table.headers).toEqual(['a', 'b', 'c']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['1', '', ''],
      ['1', '2', '3', '', 'extra'],
    ]);
  });

  it('trims cells and unifies line breaks inside them', () => {
    expect(normaliseCell(' ул. Ленина,\r\nд. 1\r')).toBe('ул. Ленина,\nд. 1');
    expect(normaliseCell("'=1")).toBe("'=1"); // escaping belongs to the CSV format, not to every table
  });

  it('refuses a table with no filled cell', () => {
    expect(formatErrorOf(() => buildTable(raw([], [' ', '']))).message).toMatch(/нет ни одной заполненной строки/);
  });

  it('refuses more columns than the limit, naming the row', () => {
    const wide = Array.from({ length: tableLimits.columns + 1 }, (_, i) => `c${i}`);
    expect(formatErrorOf(() => buildTable(raw(['a'], wide))).message).toMatch(/^Строка 2: заполнено больше 200/);
  });

  it('accepts exactly the column limit', () => {
    const wide = Array.from({ length: tableLimits.columns }, (_, i) => `c${i}`);
    expect(buildTable(raw(wide)).headers).toHaveLength(tableLimits.columns);
  });

  it('refuses a cell longer than Excel allows, naming row and column', () => {
    const error = formatErrorOf(() => buildTable(raw(['a', 'b'], ['x', 'я'.repeat(tableLimits.cellChars + 1)])));
    expect(error.message).toMatch(/^Строка 2, столбец 2:/);
    expect(error.details?.problems).toEqual([{ row: 2, column: '2', message: expect.any(String) }]);
  });

  it('accepts the row limit and refuses one row more without reading further', () => {
    let produced = 0;
    function* rows(count: number) {
      yield { row: 1, cells: ['a'] };
      for (let i = 0; i < count; i++) {
        produced++;
        yield { row: i + 2, cells: ['x'] };
      }
    }
    expect(buildTable(rows(tableLimits.rows)).rows).toHaveLength(tableLimits.rows);
    produced = 0;
    expect(formatErrorOf(() => buildTable(rows(10 * tableLimits.rows))).message).toMatch(/больше 100\u00A0000 строк/);
    expect(produced).toBe(tableLimits.rows + 1);
  });
});
