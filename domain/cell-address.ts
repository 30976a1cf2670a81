// Cell addresses as Excel and LibreOffice show them (A1 notation), so that a problem in an uploaded table points
// at the very cell the user opens, whatever the importer.

/** Column letters of a 0-based column index: 0 → 'A', 25 → 'Z', 26 → 'AA'. */
export function columnLetter(i: number): string {
  let n = i + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 'F12' for the 0-based column 5 of the 1-based row 12. */
export const cellAddress = (column: number, row: number): string => `${columnLetter(column)}${row}`;
