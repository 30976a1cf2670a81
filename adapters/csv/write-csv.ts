import { cellText, escapeFormula, writableText } from '../table/cell-text.ts';

export type CsvValue = string | number | boolean | null;

// Excel opens a UTF-8 CSV as Windows-1251 (garbling Cyrillic) unless the file starts with a byte order mark.
const bom = '\uFEFF';

/** RFC 4180 field: quoted when it holds a quote, the delimiter or a line break; formula-like text is defused. */
function csvField(value: CsvValue, delimiter: string): string {
  // Only text can smuggle a formula: numbers and booleans are written as numbers and words.
  const text = typeof value === 'string' ? escapeFormula(writableText(value)) : cellText(value);
  const needsQuotes = text.includes('"') || text.includes(delimiter) || /[\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A CSV file that Excel opens with Cyrillic intact: UTF-8 with BOM, CRLF line ends and quoting per RFC 4180.
 * The delimiter is ',' by default; pass ';' for files meant to be double-clicked on a Russian Windows, whose Excel
 * splits on its list separator ';' (a "sep=" line would fix that but makes Excel ignore the BOM).
 */
export function writeCsv(headers: string[], rows: CsvValue[][], opts: { delimiter?: ',' | ';' } = {}): Uint8Array {
  const delimiter = opts.delimiter ?? ',';
  const lines = [headers, ...rows].map((row) => row.map((value) => csvField(value, delimiter)).join(delimiter));
  return new TextEncoder().encode(`${bom}${lines.join('\r\n')}\r\n`);
}
