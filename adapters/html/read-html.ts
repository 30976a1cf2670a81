// Reads an HTML programme document (a Word "web page", a Google Docs export, or what mammoth makes of a .docx)
// into paragraphs and tables in reading order.
//
// A SAX walk rather than a DOM: htmlparser2 closes every element it opens (implied closes included), so one
// explicit stack is enough, memory stays proportional to the output, and no recursion can overflow the call
// stack. Nesting is capped (documentLimits.depth) because htmlparser2 itself slows quadratically with depth.
import { Parser } from 'htmlparser2';
import {
  type DocBlock,
  type DocCell,
  type DocRow,
  type SourceDocument,
  tidyText,
} from '../../domain/document/source-document.ts';
import { documentLimits, tooDeep, tooManyPieces } from '../document/document-limits.ts';

/** Content the reader never sees: nothing in these is programme text. */
const hidden = new Set(['head', 'title', 'script', 'style', 'template', 'noscript', 'svg', 'math']);

/** Elements that start and end a paragraph outside tables, or a line inside a cell. */
const blockLevel = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  // Table parts outside a table (a fragment pasted without its <table>) still separate their text.
  'caption',
  'tr',
  'td',
  'th',
]);

const headings = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Characters Word and browsers never show: soft hyphens (Word's optional hyphens, HTML &shy;), zero-width spaces,
 * word joiners and stray BOMs. Left in, «ШН\u00adОР» would not match «ШНОР».
 */
const invisible = /[\u00ad\u200b\u2060\ufeff]/g;

const hasLetters = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

/**
 * Text gathered for one paragraph or one cell. Bold when some of it is bold and no letter or digit is not:
 * "<b>Цель</b>:" is a bold key with a plain colon, and a bold "№" header cell is bold though it has no letters.
 */
class TextBuffer {
  private raw = '';
  private boldText = false;
  private plainLetters = false;

  add(chunk: string, bold: boolean): void {
    this.raw += chunk;
    if (bold) this.boldText ||= /\S/.test(chunk.replace(/\u00a0/g, ' '));
    else this.plainLetters ||= hasLetters(chunk);
  }

  /** Lines never come out empty, so a break between two paragraphs is one '\n', however the markup nests. */
  newline(): void {
    this.raw += '\n';
  }

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

/** What an open element changed, so that its close restores the state around it. */
interface Frame {
  bold: boolean;
  heading: boolean;
  pre: boolean;
  role: 'table' | 'nested-table' | 'row' | 'cell' | 'caption' | 'block' | 'inline';
}

interface OpenTable {
  rows: DocRow[];
  row: DocCell[] | null;
  cell: { run: TextBuffer; colSpan: number; rowSpan: number } | null;
  /** By grid column: how many rows below are still covered by a rowspan from above (as alignRows fills them). */
  covered: number[];
}

/**
 * A span attribute as browsers read it: a leading integer, 1 when missing or not positive, capped at the HTML
 * limits (colspan 1000, rowspan 65534; HTML Living Standard 4.9.11). rowspan="0" ("to the end of the section")
 * is taken as 1: neither Word nor mammoth writes it.
 */
function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isNaN(n) || n < 1 ? 1 : Math.min(n, max);
}

/** font-weight in an inline style: Google Docs marks bold this way instead of <b>, and unbolds with "normal". */
function styleWeight(style: string | undefined): boolean | undefined {
  const weight = style?.match(/font-weight\s*:\s*([a-z0-9]+)/i)?.[1]?.toLowerCase();
  if (weight === undefined) return undefined;
  if (weight === 'bold' || weight === 'bolder') return true;
  const n = Number(weight);
  if (!Number.isNaN(n)) return n >= 600;
  return weight === 'normal' || weight === 'lighter' ? false : undefined;
}

/**
 * Reads an HTML document: p, h1–h6, li, div, blockquote … become paragraphs (h1–h6 are headings); each top-level
 * table becomes a table block with one row per tr and one cell per td/th, keeping colspan and rowspan. Inside a cell
 * p, li, div, br and the cells of a nested table each start a new line. Bold means every letter is inside b, strong,
 * th or a bold font-weight.
 */
export function readHtml(html: string, name: string): SourceDocument {
  const blocks: DocBlock[] = [];
  const stack: Frame[] = [];
  let state = { bold: false, heading: false, pre: false };
  let hiddenDepth = 0;
  let table: OpenTable | null = null;
  let nestedTables = 0;
  let caption = false;
  let paragraph = new TextBuffer();
  let paragraphs = 0;
  let tables = 0;
  let pieces = 0;
  let cells = 0;

  const countPiece = () => {
    if (++pieces > documentLimits.pieces) throw tooManyPieces();
  };

  const flushParagraph = () => {
    const text = paragraph.text;
    if (text !== '') {
      countPiece();
      blocks.push({
        kind: 'paragraph',
        text,
        bold: paragraph.bold,
        heading: state.heading,
        source: { paragraph: ++paragraphs },
      });
    }
    paragraph = new TextBuffer();
  };

  /** The run that text goes to now; null inside a table but outside its cells (whitespace between tags). */
  const target = (): TextBuffer | null => {
    if (table === null || caption) return paragraph;
    return table.cell?.run ?? null;
  };

  const boundary = () => {
    if (table === null || caption) flushParagraph();
    else table.cell?.run.newline();
  };

  // Cells are counted by the grid they fill once aligned (alignRows), the columns a colspan widens and the cells a
  // rowspan covers below included: a few kilobytes of <td colspan="1000" rowspan="65534"> would otherwise become
  // hundreds of millions of cells.
  const countCells = (n: number) => {
    cells += n;
    if (cells > documentLimits.cells) throw tooManyPieces();
  };

  const finishCell = () => {
    const open = table?.cell;
    if (!table || !open) return;
    countCells(open.colSpan);
    table.row?.push({ text: open.run.text, bold: open.run.bold, colSpan: open.colSpan, rowSpan: open.rowSpan });
    table.cell = null;
  };

  /** Counts the cells covered from the rows above that alignRows puts into this row, and moves the cover down. */
  const countCovered = (t: OpenTable, row: DocCell[]) => {
    let col = 0;
    const skipCovered = () => {
      while ((t.covered[col] ?? 0) > 0) {
        t.covered[col]!--;
        col++;
        countCells(1);
      }
    };
    for (const c of row) {
      skipCovered();
      for (let k = 0; k < c.colSpan; k++) t.covered[col++] = c.rowSpan - 1;
    }
    skipCovered();
  };

  const finishRow = () => {
    if (!table) return;
    finishCell();
    if (table.row && table.row.length > 0) {
      countPiece();
      countCovered(table, table.row);
      table.rows.push({ cells: table.row, source: { table: tables, row: table.rows.length + 1 } });
    }
    table.row = null;
  };

  /** Decides what an opening tag means here; returns the role its close will undo. */
  const open = (tag: string, attributes: Record<string, string>): Frame['role'] => {
    if (tag === 'table') {
      if (table) {
        // A table inside a table: its text joins the enclosing cell, one line per cell of the inner table.
        nestedTables++;
        table.cell?.run.newline();
        return 'nested-table';
      }
      flushParagraph();
      table = { rows: [], row: null, cell: null, covered: [] };
      return 'table';
    }
    if (table && nestedTables === 0 && !caption) {
      if (tag === 'tr') {
        finishRow();
        table.row = [];
        return 'row';
      }
      if (tag === 'td' || tag === 'th') {
        finishCell();
        // A cell without a tr (browsers insert one): it opens a row of its own.
        table.row ??= [];
        table.cell = {
          run: new TextBuffer(),
          colSpan: span(attributes.colspan, 1000),
          rowSpan: span(attributes.rowspan, 65534),
        };
        return 'cell';
      }
      if (tag === 'caption') {
        // A caption reads as a paragraph just above the table, which is pushed when it closes.
        caption = true;
        flushParagraph();
        return 'caption';
      }
    }
    if (tag === 'br') {
      target()?.newline();
      return 'inline';
    }
    if (blockLevel.has(tag)) {
      boundary();
      return 'block';
    }
    return 'inline';
  };

  const close = (frame: Frame) => {
    switch (frame.role) {
      case 'table':
        finishRow();
        if (table && table.rows.length > 0) {
          blocks.push({ kind: 'table', rows: table.rows, source: { table: tables } });
          tables++;
        }
        table = null;
        break;
      case 'nested-table':
        nestedTables--;
        table?.cell?.run.newline();
        break;
      case 'row':
        finishRow();
        break;
      case 'cell':
        finishCell();
        break;
      case 'caption':
        flushParagraph();
        caption = false;
        break;
      case 'block':
        boundary();
        break;
      case 'inline':
        break;
    }
  };

  const parser = new Parser(
    {
      onopentag(tag, attributes) {
        if (stack.length + hiddenDepth >= documentLimits.depth) throw tooDeep();
        if (hiddenDepth > 0 || hidden.has(tag)) {
          hiddenDepth++;
          return;
        }
        const saved = state;
        const role = open(tag, attributes);
        stack.push({ ...saved, role });
        const weight = styleWeight(attributes.style);
        state = {
          bold: weight ?? (tag === 'b' || tag === 'strong' || tag === 'th' || saved.bold),
          heading: saved.heading || headings.has(tag),
          pre: saved.pre || tag === 'pre',
        };
      },
      onclosetag() {
        if (hiddenDepth > 0) {
          hiddenDepth--;
          return;
        }
        const frame = stack.pop();
        if (!frame) return;
        // The block's own text is flushed with the heading flag still on, then the outer state comes back.
        close(frame);
        state = { bold: frame.bold, heading: frame.heading, pre: frame.pre };
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        // Outside <pre> a line break in the source is only a space, as a browser shows it.
        target()?.add(state.pre ? text : text.replace(/\s+/g, ' '), state.bold);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  flushParagraph();
  return { format: 'html', name, blocks };
}
