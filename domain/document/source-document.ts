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

/**
 * Lines up the cells of merged tables (Word, HTML) into a plain grid: a cell spanning columns keeps its text
 * in its first column and leaves the others empty; a cell spanning rows repeats its text in the rows below,
 * because that is what it means there (one deadline or one responsible for several activities).
 */
export function alignRows(rows: DocRow[]): DocRow[] {
  const pending: { text: string; bold: boolean; left: number }[] = []; // by column: rows still covered
  return rows.map((row) => {
    const out: DocCell[] = [];
    let col = 0;
    const fillCovered = () => {
      while (pending[col] && pending[col]!.left > 0) {
        const p = pending[col]!;
        out.push(cell(p.text, p.bold));
        p.left--;
        col++;
      }
    };
    for (const c of row.cells) {
      fillCovered();
      const span = Math.max(1, c.colSpan);
      out.push(cell(c.text, c.bold));
      if (c.rowSpan > 1) pending[col] = { text: c.text, bold: c.bold, left: c.rowSpan - 1 };
      col++;
      for (let k = 1; k < span; k++) {
        out.push(cell(''));
        if (c.rowSpan > 1) pending[col] = { text: '', bold: false, left: c.rowSpan - 1 };
        col++;
      }
    }
    fillCovered();
    return { cells: out, source: row.source };
  });
}
