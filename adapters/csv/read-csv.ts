import Papa from 'papaparse';
import { buildTable } from '../table/build-table.ts';
import { controlCharacters, unescapeFormula } from '../table/cell-text.ts';
import { formatError, ru, type Table, tableLimits } from '../table/table.ts';

/**
 * Text of a CSV file. Excel on a Russian Windows saves "CSV (разделители — запятые)" in Windows-1251 and
 * "CSV UTF-8" with a BOM; "Текст Юникод" is UTF-16 with a BOM. Bytes that are not valid UTF-8 are taken as
 * Windows-1251, the only other encoding regional offices actually produce.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops the BOM
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** Papaparse looks at the first megabyte for line endings. */
const LINE_ENDING_SAMPLE = 1024 * 1024;

/**
 * `{ newline: '\n' }` when no carriage return occurs where papaparse would look for one, which is what its own guess
 * then answers; otherwise nothing, and papaparse guesses. Its guess scans and splits that megabyte on every parse,
 * four times per file (three delimiter previews and the parse).
 */
function knownLineEnding(text: string): { newline?: '\n' } {
  const cr = text.indexOf('\r');
  return cr === -1 || cr >= LINE_ENDING_SAMPLE ? { newline: '\n' } : {};
}

// Order breaks ties: a tab in the header is almost surely the delimiter, and Russian Excel writes ';'.
const delimiters = ['\t', ';', ','] as const;

/**
 * The delimiter that splits most of the first records into the header's number of fields (at least two); then the
 * one giving more fields; then the order above. A file with decimal commas («4,5») splits consistently only on ';',
 * and «Название;Адрес, индекс» over «Школа 1;ул. Ленина, 1» splits evenly both ways, so ';' wins on order.
 * A single-column file falls back to ','.
 */
export function detectDelimiter(text: string): string {
  let best = { delimiter: ',', consistent: 0, fields: 0 };
  const newline = knownLineEnding(text);
  for (const delimiter of delimiters) {
    const sample = Papa.parse<string[]>(text, { delimiter, preview: 50, ...newline }).data.filter(
      (r) => r.length > 1 || r[0]?.trim(),
    );
    const fields = sample[0]?.length ?? 0;
    if (fields < 2) continue;
    const consistent = sample.filter((r) => r.length === fields).length;
    if (consistent > best.consistent || (consistent === best.consistent && fields > best.fields)) {
      best = { delimiter, consistent, fields };
    }
  }
  return best.delimiter;
}

/**
 * Reads a CSV (or tab-separated .txt) file. Row numbers count records, as Excel shows them when it opens the file,
 * so a quoted value spanning two lines is still one row.
 */
export function readCsv(bytes: Uint8Array): Table {
  if (bytes.length > tableLimits.bytes) {
    throw formatError(
      `Файл больше ${ru(tableLimits.bytes / 2 ** 20)} МБ. Разделите таблицу на несколько файлов и загрузите их по очереди.`,
    );
  }
  const text = decodeText(bytes);
  // Control characters never occur in text tables but fill every binary file: a picture or a .docx renamed to
  // .csv is refused instead of being imported as garbage.
  if (text.search(controlCharacters) !== -1) {
    throw formatError(
      'Файл не похож на текстовую таблицу CSV. Сохраните таблицу в формате .xlsx или .csv и загрузите снова.',
    );
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    ...knownLineEnding(text),
  });
  const quotes = parsed.errors.find((e) => e.type === 'Quotes');
  if (quotes) {
    const row = (quotes.row ?? 0) + 1;
    throw formatError(
      `Строка ${row}: кавычки в ячейке не закрыты или стоят неправильно. Исправьте эту строку или сохраните таблицу из Excel заново и загрузите снова.`,
      [{ row, message: 'Незакрытые кавычки.' }],
    );
  }
  // The apostrophe goes before trimming: in "'\t=1" it protects a tab that trimming would otherwise expose. The
  // parsed rows are ours, so their cells are unescaped in place.
  return buildTable(
    parsed.data.map((cells, i) => {
      for (let j = 0; j < cells.length; j++) cells[j] = unescapeFormula(cells[j]!);
      return { row: i + 1, cells };
    }),
  );
}
