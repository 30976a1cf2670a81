// Shared pieces of the hostile-input suites (issue 10, item 3): how an answer to a bad file must look, row counts
// to prove that a refused commit wrote nothing, byte- and structure-level mutations for fast-check, and the
// valid sample files the mutations start from — every one made by our own writers, so no fixture goes stale.
import { deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { sampleProgramme } from '../../adapters/docx/sample-programme.ts';
import { writeProgrammeDocx } from '../../adapters/docx/write-programme.ts';
import { listZipEntries, readZipEntry } from '../../adapters/zip/zip-archive.ts';
import type { SourceDocument } from '../../domain/document/source-document.ts';
import { type Executor, queryRows } from '../../storage/database.ts';
import { craftZip } from '../fixtures/tables/craft-zip.ts';
import { type Client, multipart } from '../server.ts';

export const russian = /[А-Яа-яЁё]/;

/** Stretches the time bounds on a machine busy with other work (HOSTILE_TIME_SCALE=3). */
const timeScale = Number(process.env.HOSTILE_TIME_SCALE ?? 1);
/** The longest any one upload may take, parsing included; a hang or a quadratic blow-up shows up here. */
export const answerWithinMs = 5_000 * timeScale;
/** A refusal that comes before the work would start: limits, bombs, crafted archives. */
export const quicklyMs = 2_500 * timeScale;

export interface Timed {
  res: LightMyRequestResponse;
  ms: number;
}

/** Posts one file as the browser does and measures how long the answer took. */
export async function upload(
  c: Client,
  url: string,
  fileName: string,
  bytes: Uint8Array | string,
  fields: Record<string, string> = {},
): Promise<Timed> {
  const { body, headers } = Object.keys(fields).length
    ? multipartWith(fileName, bytes, fields)
    : multipart(fileName, bytes);
  const started = performance.now();
  const res = await c.request('POST', url, body, headers);
  return { res, ms: performance.now() - started };
}

/** A multipart body with form fields before the file, as the web UI sends a title with evidence. */
export function multipartWith(fileName: string, bytes: Uint8Array | string, fields: Record<string, string>) {
  const boundary = '----opora-hostile-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const head = `${parts.join('')}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * The one rule for every answer to a file: 200 with a report, or a 4xx whose error speaks Russian — never a 5xx,
 * and never slower than answerWithinMs. Returns the parsed body.
 */
// biome-ignore lint/suspicious/noExplicitAny: the body's shape depends on the route; callers narrow it.
export function expectClearAnswer({ res, ms }: Timed, label = ''): any {
  const context = `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, context).toBeLessThan(500);
  expect(ms, `${context} after ${Math.round(ms)} ms`).toBeLessThan(answerWithinMs);
  const body = res.json();
  if (res.statusCode === 200) {
    // A report's problems and warnings are read by the user as well.
    for (const p of [...(body.problems ?? []), ...(body.warnings ?? [])]) expect(p.message, context).toMatch(russian);
    return body;
  }
  expect(res.statusCode, context).toBeGreaterThanOrEqual(400);
  expect(body.error?.code, context).toEqual(expect.any(String));
  expect(body.error.message, context).toMatch(russian);
  for (const p of body.error.problems ?? []) expect(p.message, context).toMatch(russian);
  return body;
}

/** Row counts of the tables an import or an upload may write, to prove a refused one left them as they were. */
export async function rowCounts(db: Executor, tables: readonly string[]): Promise<Record<string, number>> {
  if (tables.length === 0) return {};
  const columns = tables.map((t) => `(select count(*) from ${t}) as "${t}"`).join(', ');
  const [row] = await queryRows<Record<string, number | string>>(db, sql.raw(`select ${columns}`));
  return Object.fromEntries(tables.map((t) => [t, Number(row![t])]));
}

/** Megabytes of zeros, deflated (about 1 KB each, a ratio near 1000): each size deflated once per test file. */
const deflatedZeros = new Map<number, Uint8Array>();
export function zeros(megabytes: number): Uint8Array {
  if (!deflatedZeros.has(megabytes)) deflatedZeros.set(megabytes, deflateRawSync(new Uint8Array(megabytes * 2 ** 20)));
  return deflatedZeros.get(megabytes)!;
}

// ——— mutations

export type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number; to: number };

/** Positions are fractions of the current length, so one mutation fits any file it meets. */
const position = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** Bytes that mean something to one of the parsers: quotes, delimiters, line ends, tags, a BOM, invalid UTF-8. */
const tokens = [
  '"',
  ';',
  ',',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '<',
  '>',
  '</w:t>',
  '<w:p>',
  '</w:tc>',
  '<w:tc>',
  '<w:gridSpan w:val="999999"/>',
  '<w:vMerge/>',
  '&',
  '&#0;',
  '&#xFFFF;',
  '\u0000',
  '\uFEFF',
  '=',
  '+',
  '-',
  '@',
  '1e309',
  '-0',
  '99999999999999999999',
  'NaN',
  'ё',
  '\u00a0',
  '\u202e',
  '\ud800',
].map((t) => new TextEncoder().encode(t));

const insertion = fc.oneof(
  fc.constantFrom(...tokens),
  fc.uint8Array({ minLength: 1, maxLength: 64 }),
  fc.constantFrom(new Uint8Array([0xff, 0xfe]), new Uint8Array([0xc3]), new Uint8Array([0xe0, 0xe1, 0xe2])),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('flip' as const), at: position, mask: fc.integer({ min: 1, max: 255 }) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: position }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: position, bytes: insertion }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      at: position,
      length: fc.integer({ min: 1, max: 512 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('duplicate' as const),
      at: position,
      length: fc.integer({ min: 1, max: 4096 }),
      to: position,
    }),
  },
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function mutate(bytes: Uint8Array, all: readonly Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const m of all) {
    const at = Math.floor(m.at * out.length);
    switch (m.kind) {
      case 'flip':
        if (out.length > 0) out[at] = out[at]! ^ m.mask;
        break;
      case 'truncate':
        out = out.subarray(0, at);
        break;
      case 'insert':
        out = Buffer.concat([out.subarray(0, at), m.bytes, out.subarray(at)]);
        break;
      case 'delete':
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
        break;
      case 'duplicate': {
        const chunk = out.subarray(at, at + m.length);
        const to = Math.floor(m.to * out.length);
        out = Buffer.concat([out.subarray(0, to), chunk, out.subarray(to)]);
        break;
      }
    }
  }
  return new Uint8Array(out);
}

// ——— zips: a valid archive with one part mutated and packed again with honest sizes

export interface Part {
  name: string;
  content: Uint8Array;
}

export function unzip(bytes: Uint8Array): Part[] {
  return listZipEntries(bytes).map((e) => ({ name: e.name, content: new Uint8Array(readZipEntry(bytes, e)) }));
}

export const zip = (parts: Part[]): Uint8Array => craftZip(parts.map((p) => ({ name: p.name, content: p.content })));

/** The archive with the named part's bytes mutated: a sound zip around broken XML. */
export function mutatePart(parts: Part[], name: string, all: readonly Mutation[]): Uint8Array {
  return zip(parts.map((p) => (p.name === name ? { name, content: mutate(p.content, all) } : p)));
}

// ——— valid samples

/** The sample plan-schedule as our own exporter writes it (an order appendix in .docx). */
export const sampleDocx = (): Promise<Uint8Array> => writeProgrammeDocx(sampleProgramme());

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A document read back as a simple HTML page, as report generators save programmes «as .doc». */
export function documentHtml(doc: SourceDocument): string {
  const body = doc.blocks.map((b) => {
    if (b.kind === 'paragraph') {
      const text = escapeHtml(b.text).replace(/\n/g, '<br>');
      return b.heading ? `<h2>${text}</h2>` : b.bold ? `<p><b>${text}</b></p>` : `<p>${text}</p>`;
    }
    const rows = b.rows.map(
      (r) =>
        `<tr>${r.cells
          .map(
            (c) =>
              `<td colspan="${c.colSpan}" rowspan="${c.rowSpan}">${escapeHtml(c.text).replace(/\n/g, '<br>')}</td>`,
          )
          .join('')}</tr>`,
    );
    return `<table border="1">${rows.join('\n')}</table>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(doc.name)}</title></head><body>\n${body.join('\n')}\n</body></html>`;
}

/** Organisations of region A, municipality «Район А2», as the import template names the columns. */
export const organisationsHeader = 'code,name,short_name,type,municipality,region,urban,address';
export function organisationsCsv(prefix: string, n = 6): string {
  const lines = [organisationsHeader];
  for (let i = 1; i <= n; i++)
    lines.push(`${prefix}-${i},"Школа ${prefix} № ${i}",Школа ${i},СОШ,Район А2,A,${i % 2},"ул. Мира, ${i}"`);
  return lines.join('\r\n');
}

export async function xlsxOf(rows: (string | number)[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Лист1');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

export const organisationsXlsx = (prefix: string, n = 6) =>
  xlsxOf(
    organisationsCsv(prefix, n)
      .split('\r\n')
      .map((line) => line.match(/("[^"]*"|[^,]+)/g)!.map((c) => c.replace(/^"|"$/g, ''))),
  );

/** ВПР results of the test world's schools of region A (ВПР: participants = n2 + n3 + n4 + n5). */
export const vprCsv = [
  'year,school_code,subject,grade,participants,n2,n3,n4,n5',
  '2021,A1-1,математика,5,10,4,4,1,1',
  '2021,A1-2,математика,5,12,2,4,4,2',
  '2021,A2-1,математика,5,20,2,8,5,5',
  '2021,A1-1,русский язык,5,10,1,4,3,2',
  '2020,A2-1,русский язык,6,15,3,6,4,2',
].join('\n');

/** ГИА results: participants and those below the minimum. */
export const giaCsv = [
  'year,school_code,exam,subject,participants,below_min',
  '2021,A1-1,ОГЭ,математика,10,5',
  '2021,A1-2,ОГЭ,русский язык,10,2',
  '2020,A2-1,ЕГЭ,математика,8,1',
].join('\n');

export const resultTables = ['result_imports', 'vpr_results', 'gia_results', 'journal_results', 'audit_log'] as const;
export const organisationTables = ['organisations', 'audit_log'] as const;
export const fileTables = ['stored_files', 'execution_evidence', 'audit_log'] as const;

/**
 * How the answers of one property fell out (200, or the status and error code), so a test can insist that the
 * mutations reached past the first check, and HOSTILE_REPORT=1 prints the spread.
 */
export class Outcomes {
  readonly counts = new Map<string, number>();
  constructor(readonly label: string) {}
  add({ res }: Timed): void {
    const key = res.statusCode === 200 ? '200' : `${res.statusCode} ${res.json().error?.code ?? ''}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  /** Read through to a report: accepted, or refused row by row with the problems listed. */
  get readThrough(): number {
    return (this.counts.get('200') ?? 0) + (this.counts.get('422 import.invalid') ?? 0);
  }
  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  report(): void {
    if (!process.env.HOSTILE_REPORT) return;
    const spread = [...this.counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`);
    console.info(`${this.label} — ${this.total} runs: ${spread.join(', ')}`);
  }
}
