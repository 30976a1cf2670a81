// Reads the main part of a Word document (word/document.xml, WordprocessingML, ECMA-376 part 1 §17) into
// paragraphs and tables in reading order, in one SAX pass with an explicit stack (no recursion to overflow).
//
// What Word shows is what is read: inserted text counts and deleted text does not; field codes are skipped and
// their results kept; the numbers Word draws for automatic numbering are counted and put before the text; text
// boxes are read where they are anchored. Footnotes, comments, headers and pictures are not read.
import { type DocBlock, type DocCell, type DocRow, tidyText } from '../../domain/document/source-document.ts';
import { documentLimits, tooManyPieces } from '../document/document-limits.ts';
import { WordNumbering } from './wordml-numbering.ts';
import { NotWordError, type WordParts } from './wordml-package.ts';
import { WordStyles } from './wordml-styles.ts';
import { intOf, isOn, parseXml } from './wordml-xml.ts';

/**
 * Content that is not what Word shows: deleted and moved-away text, field codes, the older Word's copy of a
 * drawing (mc:Fallback repeats the text box of mc:Choice), earlier revisions of properties, content-control and
 * section properties, table-wide properties, note and comment references (their text lives in other parts).
 */
const skipped = new Set([
  'w:del',
  'w:moveFrom',
  'w:delText',
  'w:instrText',
  'w:fldData',
  'mc:Fallback',
  'w:pPrChange',
  'w:rPrChange',
  'w:tblPrChange',
  'w:trPrChange',
  'w:tcPrChange',
  'w:sectPrChange',
  'w:numberingChange',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:sectPr',
  'w:tblPr',
  'w:tblGrid',
  'w:rt',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
]);

/**
 * Characters Word never shows: soft hyphens, zero-width spaces, word joiners and stray BOMs. Left in, «ШН\u00adОР»
 * would not match «ШНОР».
 */
const invisible = /[\u00ad\u200b\u2060\ufeff]/g;

const hasLetters = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/**
 * Text gathered for one paragraph or one cell. Bold when some of it is bold and no letter or digit is not, the
 * same rule as the HTML reader: «Цель:» with a plain colon is a bold key, a bold «№» header is bold.
 */
class Text {
  raw = '';
  boldText = false;
  plainLetters = false;

  add(chunk: string, bold: boolean): void {
    this.raw += chunk;
    if (bold) this.boldText ||= /\S/.test(chunk.replace(/\u00a0/g, ' '));
    else this.plainLetters ||= hasLetters(chunk);
  }

  /** Text that does not count for bold: a space for a tab, a line break, a list number. */
  addPlain(chunk: string): void {
    this.raw += chunk;
  }

  prepend(chunk: string): void {
    this.raw = chunk + this.raw;
  }

  append(other: Text): void {
    this.raw += other.raw;
    this.boldText ||= other.boldText;
    this.plainLetters ||= other.plainLetters;
  }

  /** Lines never come out empty: empty paragraphs and doubled breaks leave no blank lines. */
  get text(): string {
    return tidyText(this.raw.replace(invisible, ''))
      .split('\n')
      .filter((line) => line !== '')
      .join('\n');
  }

  get bold(): boolean {
    return this.boldText && !this.plainLetters;
  }
}

interface OpenParagraph {
  style: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  outlineLevel: number | undefined;
  text: Text;
  /** The run being read: its character style, its own w:b, and its bold once resolved. */
  runStyle: string | undefined;
  runBold: boolean | undefined;
  bold: boolean | undefined;
}

interface OpenCell {
  text: Text;
  span: number;
  vMerge: 'restart' | 'continue' | undefined;
  hMerge: 'restart' | 'continue' | undefined;
}

interface OpenRow {
  cells: DocCell[];
  /** Grid column where the next cell starts. */
  col: number;
  gridBefore: number;
  /** Has a w:tc: a row whose cells all continue merges above is still a row (HTML keeps its <tr>). */
  hasCells: boolean;
}

interface OpenTable {
  rows: DocRow[];
  /** w:tr elements seen, to tell whether a merge continues from the row just above. */
  rowIndex: number;
  row: OpenRow | null;
  cell: OpenCell | null;
  /** By grid column: the cell a vertical merge started in and the last row it reaches. */
  merges: ({ cell: DocCell; row: number } | undefined)[];
}

/** Word's own limit: a table has at most 63 columns. */
const maxSpan = 63;

const vMergeOf = (value: string | undefined): 'restart' | 'continue' => (value === 'restart' ? 'restart' : 'continue');

/** Reads the blocks of a Word document from its main, styles and numbering parts. */
export function readWordBlocks(parts: WordParts): DocBlock[] {
  const styles = new WordStyles(parts.styles);
  const numbering = new WordNumbering(parts.numbering, styles);
  const blocks: DocBlock[] = [];
  const path: string[] = [];
  const paragraphs: OpenParagraph[] = [];
  let skipDepth = 0;
  let table: OpenTable | null = null;
  /** Tables open inside the table being read: their cells become lines of its cell. */
  let nested = 0;
  let paragraphCount = 0;
  let tableCount = 0;
  let pieces = 0;
  let cells = 0;
  let root = true;

  const countPiece = () => {
    if (++pieces > documentLimits.pieces) throw tooManyPieces();
  };
  const countCells = (n: number) => {
    cells += n;
    if (cells > documentLimits.cells) throw tooManyPieces();
  };

  const finishParagraph = (p: OpenParagraph) => {
    const style = styles.paragraph(p.style);
    const numId = p.numId ?? style.numId;
    if (numId !== undefined && numId !== '0') {
      const ilvl = p.ilvl ?? style.ilvl ?? numbering.levelOfStyle(numId, p.style);
      const number = numbering.next(numId, ilvl);
      if (number !== undefined) p.text.prepend(`${number} `);
    }
    if (table) {
      // Inside a table a paragraph is a line of its cell (paragraphs between cells are not valid and dropped).
      table.cell?.text.append(p.text);
      table.cell?.text.addPlain('\n');
      return;
    }
    const text = p.text.text;
    if (text === '') return;
    countPiece();
    const outline = p.outlineLevel;
    blocks.push({
      kind: 'paragraph',
      text,
      bold: p.text.bold,
      heading: style.heading || (outline !== undefined && outline >= 0 && outline <= 8),
      source: { paragraph: ++paragraphCount },
    });
  };

  const finishCell = (t: OpenTable, row: OpenRow) => {
    const c = t.cell;
    if (!c) return;
    t.cell = null;
    const col = row.col;
    row.col += c.span;
    // Cells are counted by the grid they fill, covered ones included: that is what alignRows builds from them.
    countCells(c.span);
    if (c.vMerge === 'continue') {
      const merge = t.merges[col];
      if (merge && merge.row === t.rowIndex - 1) {
        // Covered by the cell above: not written, as HTML leaves out the cells a rowspan covers.
        merge.cell.rowSpan++;
        merge.row = t.rowIndex;
        return;
      }
    }
    const last = row.cells[row.cells.length - 1];
    if (c.hMerge === 'continue' && last) {
      // The older way to merge across (w:hMerge): the cell widens the one before it.
      last.colSpan = Math.min(maxSpan, last.colSpan + c.span);
      return;
    }
    const out: DocCell = { text: c.text.text, bold: c.text.bold, colSpan: c.span, rowSpan: 1 };
    row.cells.push(out);
    for (let k = col; k < col + c.span; k++) t.merges[k] = undefined;
    // A merge that «continues» with no cell above to continue starts one, as Word shows it.
    if (c.vMerge !== undefined) t.merges[col] = { cell: out, row: t.rowIndex };
  };

  const finishRow = (t: OpenTable) => {
    const row = t.row;
    if (!row) return;
    finishCell(t, row);
    t.row = null;
    if (!row.hasCells) return;
    countPiece();
    t.rows.push({ cells: row.cells, source: { table: tableCount, row: t.rows.length + 1 } });
  };

  const finishTable = (t: OpenTable) => {
    finishRow(t);
    table = null;
    if (t.rows.length === 0) return;
    blocks.push({ kind: 'table', rows: t.rows, source: { table: tableCount } });
    tableCount++;
  };

  const open = (name: string, a: Record<string, string>) => {
    if (root) {
      root = false;
      if (name !== 'w:document') throw new NotWordError(`main part is ${name}`);
    }
    if (skipDepth > 0 || skipped.has(name)) {
      skipDepth++;
      return;
    }
    const parent = path[path.length - 1];
    const grand = path[path.length - 2];
    path.push(name);
    const p = paragraphs[paragraphs.length - 1];
    switch (name) {
      case 'w:p':
        paragraphs.push({
          style: undefined,
          numId: undefined,
          ilvl: undefined,
          outlineLevel: undefined,
          text: new Text(),
          runStyle: undefined,
          runBold: undefined,
          bold: undefined,
        });
        return;
      case 'w:r':
        if (p) {
          p.runStyle = undefined;
          p.runBold = undefined;
          p.bold = undefined;
        }
        return;
      case 'w:tab':
      case 'w:ptab':
        if (p && parent === 'w:r') p.text.addPlain(' ');
        return;
      case 'w:br':
      case 'w:cr':
        if (p && parent === 'w:r') p.text.addPlain('\n');
        return;
      case 'w:noBreakHyphen':
        if (p && parent === 'w:r') p.text.addPlain('-');
        return;
      case 'w:tbl':
        if (table) nested++;
        else table = { rows: [], rowIndex: 0, row: null, cell: null, merges: [] };
        return;
      case 'w:tr':
        if (table && nested === 0) {
          finishRow(table);
          table.rowIndex++;
          table.row = { cells: [], col: 0, gridBefore: 0, hasCells: false };
        }
        return;
      case 'w:tc':
        if (table && nested === 0) {
          // A cell outside any w:tr opens a row of its own.
          table.row ??= { cells: [], col: 0, gridBefore: 0, hasCells: false };
          const row = table.row;
          finishCell(table, row);
          if (!row.hasCells) {
            row.hasCells = true;
            // Columns the row leaves out at its start (w:gridBefore) read as an empty cell, to keep the grid.
            if (row.gridBefore > 0) {
              countCells(row.gridBefore);
              row.cells.push({ text: '', bold: false, colSpan: row.gridBefore, rowSpan: 1 });
              for (let k = 0; k < row.gridBefore; k++) table.merges[k] = undefined;
              row.col = row.gridBefore;
            }
          }
          table.cell = { text: new Text(), span: 1, vMerge: undefined, hMerge: undefined };
        }
        return;
    }
    if (parent === 'w:rPr' && grand === 'w:r') {
      if (!p) return;
      if (name === 'w:b') p.runBold = isOn(a['w:val']);
      else if (name === 'w:rStyle') p.runStyle = a['w:val'];
    } else if (parent === 'w:pPr' && grand === 'w:p') {
      if (!p) return;
      if (name === 'w:pStyle') p.style = a['w:val'];
      else if (name === 'w:outlineLvl') p.outlineLevel = intOf(a['w:val']);
    } else if (parent === 'w:numPr' && grand === 'w:pPr') {
      if (!p) return;
      if (name === 'w:numId') p.numId = a['w:val'];
      else if (name === 'w:ilvl') p.ilvl = intOf(a['w:val']);
    } else if (parent === 'w:tcPr' && table && nested === 0 && table.cell) {
      const c = table.cell;
      if (name === 'w:gridSpan') c.span = Math.min(maxSpan, Math.max(1, intOf(a['w:val']) ?? 1));
      else if (name === 'w:vMerge') c.vMerge = vMergeOf(a['w:val']);
      else if (name === 'w:hMerge') c.hMerge = vMergeOf(a['w:val']);
    } else if (parent === 'w:trPr' && name === 'w:gridBefore' && table && nested === 0 && table.row) {
      table.row.gridBefore = Math.min(maxSpan, Math.max(0, intOf(a['w:val']) ?? 0));
    }
  };

  const close = (name: string) => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    path.pop();
    switch (name) {
      case 'w:p': {
        const p = paragraphs.pop();
        if (p) finishParagraph(p);
        return;
      }
      case 'w:tbl':
        if (nested > 0) {
          nested--;
          // The inner table's last line ends before the outer cell's next paragraph.
          table?.cell?.text.addPlain('\n');
        } else if (table) finishTable(table);
        return;
      case 'w:tr':
        if (table && nested === 0) finishRow(table);
        return;
      case 'w:tc':
        if (table && nested === 0 && table.row) finishCell(table, table.row);
        return;
    }
  };

  const text = (chunk: string) => {
    if (skipDepth > 0 || path[path.length - 1] !== 'w:t') return;
    const p = paragraphs[paragraphs.length - 1];
    if (!p) return;
    p.bold ??= p.runBold ?? styles.runBold(p.style, p.runStyle);
    // A line break typed into the XML is only a space where Word shows it.
    p.text.add(chunk.replace(/[\r\n\t]/g, ' '), p.bold);
  };

  parseXml(parts.document, { open, close, text });
  if (root) throw new NotWordError('empty main part');
  return blocks;
}
