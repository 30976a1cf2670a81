import ExcelJS, { type Cell, type CellValue, type Row, type Worksheet } from 'exceljs';
import { buildTable } from '../table/build-table.ts';
import { cellText } from '../table/cell-text.ts';
import { formatError, type RawRow, type Table } from '../table/table.ts';
import { checkArchive } from './check-archive.ts';
import { isOleDocument, isZip } from './file-signature.ts';

/** Old binary .xls (and password-encrypted .xlsx, which is the same container): exceljs reads neither. */
export const oldExcelError = () =>
  formatError(
    'Файл сохранён в старом формате Excel (.xls) или защищён паролем. Откройте его в Excel, снимите пароль, если он есть, и сохраните в формате .xlsx («Файл» → «Сохранить как» → «Книга Excel»), затем загрузите снова.',
  );

/** Text of an exceljs value: formulas give their cached result, rich text and hyperlinks their plain text. */
function valueText(value: CellValue, address: string): string {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) {
    return cellText(value);
  }
  if ('formula' in value || 'sharedFormula' in value) {
    // A file written by a script may hold formulas never calculated; '' would silently lose the value.
    if (value.result === undefined) {
      throw formatError(
        `Ячейка ${address}: формула без сохранённого значения. Откройте книгу в Excel, сохраните её и загрузите снова.`,
        [{ cell: address, message: 'Формула не вычислена.' }],
      );
    }
    return valueText(value.result, address);
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error; // #N/A, #DIV/0! … exactly what the user sees in the cell
  if ('hyperlink' in value) return valueText(value.text as CellValue, address); // text may itself be rich text
  return '';
}

/**
 * A number formatted as a percentage is stored as a fraction (0.333 shown as 33,3 %); it is given as the user sees
 * it, so that «33,3 %» reads as a share and never as the count 0.333.
 */
function percentText(value: number): string {
  const percent = Number((value * 100).toPrecision(12));
  return `${String(percent).replace('.', ',')} %`;
}

/** Only the top-left cell of a merged range carries the value; exceljs repeats it in every other cell of the range. */
function cellValueText(cell: Cell): string {
  if (cell.type === ExcelJS.ValueType.Merge) return '';
  const value = cell.value;
  const shown = typeof value === 'object' && value !== null && 'result' in value ? value.result : value;
  if (typeof shown === 'number' && cell.numFmt?.includes('%')) return percentText(shown);
  return valueText(value, cell.address);
}

function rowCells(row: Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = cellValueText(cell);
    // Blank cells are skipped so that a stray space in column XFD does not allocate 16 384 cells per row.
    if (text.trim() !== '') cells[column - 1] = text;
  });
  return Array.from(cells, (text) => text ?? '');
}

function* sheetRows(sheet: Worksheet): Generator<RawRow> {
  for (let row = 1; row <= sheet.rowCount; row++) {
    const found = sheet.findRow(row);
    if (found) yield { row, cells: rowCells(found) };
  }
}

/** The named sheet, or the first one the user can see (templates often hide a first sheet of reference lists). */
function chooseSheet(workbook: ExcelJS.Workbook, name: string | undefined): Worksheet {
  const sheets = workbook.worksheets;
  if (name !== undefined) {
    const named = sheets.find((sheet) => sheet.name === name);
    if (named) return named;
    const names = sheets.map((sheet) => `«${sheet.name}»`).join(', ');
    throw formatError(`В книге нет листа «${name}». Листы в книге: ${names}. Выберите один из них.`);
  }
  const first = sheets.find((sheet) => sheet.state === 'visible') ?? sheets[0];
  if (!first) {
    throw formatError('В файле нет листов книги Excel. Сохраните таблицу в формате .xlsx или .csv и загрузите снова.');
  }
  return first;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (!isZip(bytes)) {
    if (isOleDocument(bytes)) throw oldExcelError();
    throw formatError(
      'Файл не является книгой Excel (.xlsx). Сохраните таблицу в формате .xlsx или .csv и загрузите снова.',
    );
  }
  checkArchive(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs hands the data straight to JSZip, which takes a Uint8Array as is; its typings only say ArrayBuffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // The archive is sound but its parts are not a workbook exceljs understands (a .docx, broken XML).
    throw formatError(
      'Файл не удалось прочитать как книгу Excel. Откройте его в Excel, сохраните заново в формате .xlsx и загрузите снова.',
    );
  }
  return workbook;
}

/** Reads one sheet of an .xlsx file (the first visible one unless `sheet` names another) into text. */
export async function readXlsx(bytes: Uint8Array, opts: { sheet?: string } = {}): Promise<Table> {
  const sheet = chooseSheet(await loadWorkbook(bytes), opts.sheet);
  return buildTable(sheetRows(sheet), sheet.name);
}
