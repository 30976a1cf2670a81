import { formatError, type RawRow, ru, type Table, tableLimits } from './table.ts';

/** Trimmed text with line breaks as Excel keeps them inside a cell (\n). */
export const normaliseCell = (raw: string): string =>
  raw.includes('\r') ? raw.replace(/\r\n?/g, '\n').trim() : raw.trim();

/** Cells up to the last filled one, so that formatting-only columns to the right do not count as data. */
function filledCells(raw: RawRow): string[] {
  const cells = raw.cells.map(normaliseCell);
  let width = cells.length;
  while (width > 0 && cells[width - 1] === '') width--;
  cells.length = width;
  return cells;
}

function checkRow(row: number, cells: string[]): void {
  if (cells.length > tableLimits.columns) {
    throw formatError(
      `Строка ${row}: заполнено больше ${ru(tableLimits.columns)} столбцов. Удалите лишние столбцы и загрузите файл снова.`,
      [{ row, message: 'Слишком много столбцов.' }],
    );
  }
  const long = cells.findIndex((cell) => cell.length > tableLimits.cellChars);
  if (long >= 0) {
    throw formatError(
      `Строка ${row}, столбец ${long + 1}: в ячейке больше ${ru(tableLimits.cellChars)} символов. Сократите текст и загрузите файл снова.`,
      [{ row, column: String(long + 1), message: 'Слишком длинный текст в ячейке.' }],
    );
  }
}

/**
 * Turns rows as a reader found them into a Table: the first non-empty row is the header, empty rows are dropped
 * while the others keep their numbers in the file. Consumes `rows` lazily so that limits stop a hostile file early.
 */
export function buildTable(rows: Iterable<RawRow>, sheet?: string): Table {
  let header: { row: number; cells: string[] } | undefined;
  const body: Table['rows'] = [];
  for (const raw of rows) {
    const cells = filledCells(raw);
    if (cells.length === 0) continue;
    checkRow(raw.row, cells);
    if (!header) {
      header = { row: raw.row, cells };
      continue;
    }
    if (body.length === tableLimits.rows) {
      throw formatError(
        `В таблице больше ${ru(tableLimits.rows)} строк. Разделите её на несколько файлов и загрузите их по очереди.`,
      );
    }
    while (cells.length < header.cells.length) cells.push('');
    body.push({ row: raw.row, cells });
  }
  if (!header) {
    throw formatError('В файле нет ни одной заполненной строки. Проверьте, что выбран нужный файл с таблицей.');
  }
  return { ...(sheet === undefined ? {} : { sheet }), headerRow: header.row, headers: header.cells, rows: body };
}
