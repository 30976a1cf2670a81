// Reads a programme document saved as text the way our users' documents arrive (the seeds): paragraphs
// on their own lines, Word tables as tab-separated rows, tables broken across pages (blank lines, the
// header repeated, a row or even a cell continued on the next page), HTML fragments (<b>, <p>, <ul><li>)
// and markdown (**bold**, ### headings, `--- | ---` rules) left by converters.
import { decodeHTML } from 'entities';
import {
  cell,
  type DocBlock,
  type DocCell,
  type DocRow,
  type SourceDocument,
  tidyText,
} from '../../domain/document/source-document.ts';

/** The text of one table cell or paragraph: HTML and markdown turned into plain lines; bold remembered. */
export function cleanFragment(raw: string): { text: string; bold: boolean } {
  let s = raw;
  const plain = stripMarkup(s);
  // Bold when every letter sits inside <b>/<strong> or **…**.
  const boldParts = [...s.matchAll(/<(b|strong)\b[^>]*>([\s\S]*?)<\/\1>|\*\*([\s\S]+?)\*\*/gi)]
    .map((m) => stripMarkup(m[2] ?? m[3] ?? ''))
    .join('');
  const letters = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '');
  const bold = letters(plain).length > 0 && letters(boldParts).length >= letters(plain).length;
  s = plain;
  return { text: s, bold };
}

function stripMarkup(raw: string): string {
  const s = raw
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|div|h[1-6])>/gi, '\n')
    .replace(/<(p|li|div|ul|ol)\b[^>]*>/gi, '\n')
    .replace(/<https?:\/\/[^>\s]+>/gi, (m) => m.slice(1, -1))
    .replace(/<\/?[a-z][a-z0-9]*\b[^>]*>/gi, '')
    .replace(/\*\*/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\\([_*\\#[\]()-])/g, '$1');
  // Paragraph and list markup leave blank lines between items; inside a cell or title they mean nothing.
  return tidyText(decodeHTML(s)).replace(/\n{2,}/g, '\n');
}

interface Line {
  n: number;
  text: string;
}

const isRule = (cells: string[]) =>
  cells.some((c) => /^-{2,}$/.test(c.trim())) && cells.every((c) => /^-*$/.test(c.trim()));
const startsLower = (s: string) => /^[\p{Ll}]/u.test(s);
const key = (cells: DocCell[]) =>
  cells
    .map((c) => c.text.toLowerCase().replace(/\s+/g, ' '))
    .join('\t')
    .replace(/\t+$/, '');

/** A row continues the row before a page break when its first cell is empty or carries on a sentence. */
const continues = (r: DocRow) => r.cells.length > 1 && (r.cells[0]!.text === '' || startsLower(r.cells[0]!.text));

function appendCell(target: DocCell[], i: number, text: string) {
  if (!text) return;
  const cur = target[i];
  if (!cur) {
    while (target.length < i) target.push(cell(''));
    target.push(cell(text));
    return;
  }
  cur.text = cur.text ? `${cur.text} ${text}` : text;
}

export function readTxt(text: string, name: string): SourceDocument {
  const lines: Line[] = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((t, i) => ({ n: i + 1, text: t }));
  const blocks: DocBlock[] = [];
  let table: { rows: DocRow[]; header: string; line: number } | null = null;
  let pageBreak = false; // a blank line or a repeated header since the table's last row
  let interrupting: Line[] = []; // text lines inside a table, kept until we know whether the table goes on
  let paragraph: Line[] = [];

  const flushParagraph = () => {
    if (paragraph.length === 0) return;
    const raw = paragraph.map((l) => l.text.replace(/\s{2,}$/, '')).join('\n');
    const heading = /^\s*#{1,6}\s/.test(paragraph[0]!.text);
    const { text: t, bold } = cleanFragment(raw);
    if (t) blocks.push({ kind: 'paragraph', text: t, bold, heading, source: { line: paragraph[0]!.n } });
    paragraph = [];
  };
  const closeTable = () => {
    if (table) blocks.push({ kind: 'table', rows: table.rows, source: { line: table.line } });
    table = null;
    const lines = interrupting;
    interrupting = [];
    for (const l of lines) takeParagraphLine(l);
  };
  const takeParagraphLine = (line: Line) => {
    paragraph.push(line);
    // A markdown hard break (two trailing spaces) keeps the paragraph open; otherwise a line is a paragraph.
    if (!/\s{2,}$/.test(line.text)) flushParagraph();
  };

  for (const line of lines) {
    const raw = line.text;
    if (raw.includes('\t')) {
      flushParagraph();
      const cells = raw.split('\t');
      if (isRule(cells)) continue;
      const row: DocRow = {
        cells: cells.map((c) => {
          const f = cleanFragment(c);
          return cell(f.text, f.bold);
        }),
        source: { line: line.n },
      };
      if (table && key(row.cells) === table.header) {
        pageBreak = true; // the header repeated at the top of a new page
        continue;
      }
      const last = table?.rows.at(-1);
      if (table && last && (pageBreak || interrupting.length > 0) && continues(row)) {
        // The page broke inside this row: text lines that interrupted the table belong to the cell the
        // continuation carries on (seed 001's passport), then the continuation is merged cell by cell.
        const target = row.cells.findIndex((c) => c.text !== '');
        if (interrupting.length > 0)
          appendCell(last.cells, Math.max(target, 0), cleanFragment(interrupting.map((l) => l.text).join('\n')).text);
        interrupting = [];
        for (const [i, c] of row.cells.entries()) appendCell(last.cells, i, c.text);
        pageBreak = false;
        continue;
      }
      if (table && interrupting.length > 0) closeTable();
      if (!table) table = { rows: [], header: key(row.cells), line: line.n };
      table.rows.push(row);
      pageBreak = false;
      continue;
    }
    if (raw.trim() === '') {
      if (table) pageBreak = true;
      else flushParagraph();
      continue;
    }
    if (table) {
      interrupting.push(line);
      continue;
    }
    takeParagraphLine(line);
  }
  flushParagraph();
  closeTable();
  return { format: 'txt', name, blocks };
}
