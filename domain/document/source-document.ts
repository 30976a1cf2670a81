// The neutral shape every programme document is read into, whatever its format (TXT as the seeds are,
// HTML, DOCX): paragraphs and tables in reading order, each with where it came from, so that every
// warning can point the user at a line, a table, a row.

/** Where a block or row came from: a line of a text file, or a table/row/paragraph index of a document. */
export interface SourcePlace {
  line?: number;
  table?: number;
  row?: number;
  paragraph?: number;
}

export interface DocCell {
  /** Plain text; paragraphs and list items inside the cell are separated by '\n'. */
  text: string;
  /** The whole cell is bold (a heading cell, a passport key). */
  bold: boolean;
  colSpan: number;
  rowSpan: number;
}

export interface DocRow {
  cells: DocCell[];
  source: SourcePlace;
}

export type DocBlock =
  | {
      kind: 'paragraph';
      text: string;
      bold: boolean;
      /** A heading (markdown `#`, HTML h1–h6, a Word heading style). */
      heading: boolean;
      source: SourcePlace;
    }
  | { kind: 'table'; rows: DocRow[]; source: SourcePlace };

export interface SourceDocument {
  format: 'txt' | 'html' | 'docx';
  name: string;
  blocks: DocBlock[];
}

export const cell = (text: string, bold = false, colSpan = 1, rowSpan = 1): DocCell => ({
  text,
  bold,
  colSpan,
  rowSpan,
});

/** Collapses runs of spaces (including non-breaking ones) inside each line and trims the lines. */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}
