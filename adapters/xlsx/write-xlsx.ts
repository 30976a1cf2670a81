import ExcelJS from 'exceljs';
import { writableText } from '../table/cell-text.ts';

export type XlsxValue = string | number | boolean | null | Date;

export interface XlsxSheet {
  name: string;
  headers: string[];
  rows: XlsxValue[][];
  /** Column widths in characters, by position; columns without one keep Excel's default. */
  widths?: number[];
}

/** Excel refuses names over 31 characters, with any of : \ / ? * [ ], or starting or ending with an apostrophe. */
export function sheetName(name: string, position: number): string {
  const cleaned = name
    .replace(/[:\\/?*[\]\s]+/g, ' ')
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim();
  return cleaned === '' ? `Лист ${position}` : cleaned;
}

/** Line breaks as Excel stores them in a cell; a bare \r would not survive XML parsing anyway. */
const cellString = (text: string) => writableText(text).replace(/\r\n?/g, '\n');

function addSheet(workbook: ExcelJS.Workbook, sheet: XlsxSheet, position: number): void {
  const worksheet = workbook.addWorksheet(sheetName(sheet.name, position), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // Values go in as they are: a JavaScript string becomes a text cell (shared string), which Excel never evaluates,
  // so "=HYPERLINK(...)" or "+7 (495) ..." is shown literally and nothing needs prefixing — unlike CSV, where Excel
  // re-parses every field as if typed. exceljs makes a formula only from a { formula } object, which we never pass.
  worksheet.addRow(sheet.headers.map(cellString)).font = { bold: true };
  for (const values of sheet.rows) {
    const row = worksheet.addRow(values.map((value) => (typeof value === 'string' ? cellString(value) : value)));
    values.forEach((value, i) => {
      if (value instanceof Date) row.getCell(i + 1).numFmt = 'dd.mm.yyyy';
    });
  }
  sheet.widths?.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = width;
  });
}

/**
 * An .xlsx book with one sheet per entry, each with a bold header row frozen while scrolling.
 * Dates are written as their UTC calendar day (pass Date.UTC values), shown as ДД.ММ.ГГГГ.
 */
export async function writeXlsx(sheets: XlsxSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  sheets.forEach((sheet, i) => {
    addSheet(workbook, sheet, i + 1);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
