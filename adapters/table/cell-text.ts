// Cell values to text, once for every format, so that a table read from CSV and from XLSX looks the same to importers.

export type CellPrimitive = string | number | boolean | null | undefined | Date;

/** Integers never in exponent form (ИНН, ОГРН and codes are numbers in many regional files). */
export function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return Math.abs(value) < 1e21 ? String(value) : BigInt(value).toString();
  // Excel keeps 15 significant digits; dropping the binary noise gives what the user saw (0.1 + 0.2 → 0.3).
  return String(Number(value.toPrecision(15)));
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * ДД.ММ.ГГГГ, the Russian official date form (ГОСТ Р 7.0.97-2016), with ЧЧ:ММ[:СС] only when the value has a time.
 * Excel dates carry no zone; exceljs maps them to UTC, so UTC fields give back exactly what the sheet showed.
 */
export function dateText(value: Date): string {
  // Serial day fractions land a millisecond off (10:29:59.999); round to the second as Excel displays it.
  const d = new Date(Math.round(value.getTime() / 1000) * 1000);
  const day = `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return day;
  return `${day} ${two(h)}:${two(m)}${s === 0 ? '' : `:${two(s)}`}`;
}

/** Text of a plain cell value. Booleans in Russian, as a Russian Excel shows them to the user in a report. */
export function cellText(value: CellPrimitive): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return dateText(value);
}

// XML 1.0 forbids these characters (an .xlsx holding one does not open) and no text table contains them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
export const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text that every writer can store: without the characters above. */
export const writableText = (text: string): string => text.replace(controlCharacters, '');

// Text that a spreadsheet treats as a formula when typed or imported (OWASP "CSV injection"), behind any number of
// apostrophes so that text already starting with one still survives escapeFormula → unescapeFormula unchanged.
const formulaStart = /^'*[=+\-@\t\r]/;

/**
 * For text formats only (CSV): a leading apostrophe makes Excel and LibreOffice show the text literally instead of
 * evaluating `=HYPERLINK(...)` or `+cmd|...` planted in, say, an organisation name.
 */
export const escapeFormula = (text: string): string => (formulaStart.test(text) ? `'${text}` : text);

/**
 * The inverse of escapeFormula, applied by the CSV reader so that an export opened, edited and imported back keeps
 * "+7 (495) ..." rather than "'+7 (495) ...". Data stays inert in the database; every CSV export escapes again.
 * Not applied to .xlsx: its writer escapes nothing, so its text comes back exactly as written.
 */
export const unescapeFormula = (text: string): string =>
  text.startsWith("'") && formulaStart.test(text) ? text.slice(1) : text;
