// Hostile programme documents through the import preview (issue 10, item 3): zip bombs and crafted archives named
// .docx, text parts of a size no programme has, Word tables with absurd spans, HTML with spans that multiply into
// millions of cells and nesting a hundred thousand deep, a cell of megabytes, Windows-1251 and UTF-16 text.
// The answer is a preview or a Russian 4xx within the time bound; the preview never writes anything.
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../adapters/document/read-document.ts';
import { sampleProgramme } from '../../adapters/docx/sample-programme.ts';
import { writeProgrammeDocx } from '../../adapters/docx/write-programme.ts';
import { allActivities } from '../../domain/programme/programme.ts';
import { engines } from '../engines.ts';
import { craftZip, xmlPart } from '../fixtures/tables/craft-zip.ts';
import { seedFile, seedsPresent } from '../seeds/seed-files.ts';
import { type Client, startTestServer, type TestServer } from '../server.ts';
import { cp1251, utf16 } from './encodings.ts';
import {
  documentHtml,
  expectClearAnswer,
  type Part,
  quicklyMs,
  rowCounts,
  russian,
  sampleDocx,
  unzip,
  upload,
  zeros,
  zip,
} from './hostile.ts';

const url = '/api/programmes/import/preview';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A minimal Word document around the given body XML. */
const wordDocument = (body: string) =>
  craftZip([
    {
      name: 'word/document.xml',
      content: xmlPart(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    },
  ]);

/**
 * A Word document whose only paragraph is 25 MB of runs, each one of four: entropy enough to stay under the
 * archive's ratio limit, so only the limit on text parts refuses it. Built once per file.
 */
let heavy: Uint8Array | undefined;
function heavyDocx(): Uint8Array {
  if (heavy) return heavy;
  const variants = ['аб', 'вг', 'де', 'жз'].map((t) => Buffer.from(`<w:r><w:t>${t}</w:t></w:r>`));
  const runs = Buffer.alloc(25 * 2 ** 20);
  let at = 0;
  let seed = 1;
  while (at + 30 < runs.length) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    at += variants[(seed >>> 16) % 4]!.copy(runs, at);
  }
  const xml = Buffer.concat([
    Buffer.from(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p>`),
    runs.subarray(0, at),
    Buffer.from('</w:p></w:body></w:document>'),
  ]);
  const deflated = deflateRawSync(xml, { level: 9 });
  expect(xml.length / deflated.length).toBeLessThan(200);
  heavy = craftZip([{ name: 'word/document.xml', deflated, declaredSize: xml.length }]);
  expect(heavy.length).toBeLessThan(2 * 2 ** 20);
  return heavy;
}

describe.each(engines)('hostile programme documents on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  let docx: Uint8Array;
  let docxParts: Part[];
  let html: string;
  const activities = allActivities(sampleProgramme()).length;

  beforeAll(async () => {
    s = await startTestServer(engine);
    region = await s.as('region-a');
    docx = await sampleDocx();
    docxParts = unzip(docx);
    html = documentHtml(await readDocument('программа.docx', docx));
  }, 60_000);
  afterAll(() => s?.close());

  const tables = ['programmes', 'programme_sections', 'programme_activities', 'audit_log'];

  /** Previews, checks the answer is clear and nothing was written; returns status, body and time. */
  async function preview(name: string, bytes: Uint8Array | string) {
    const before = await rowCounts(s.database.db, tables);
    const timed = await upload(region, url, name, bytes);
    const body = expectClearAnswer(timed, name);
    expect(await rowCounts(s.database.db, tables)).toEqual(before);
    return { status: timed.res.statusCode, body, ms: timed.ms };
  }

  // ——— archives

  describe('zip bombs and crafted archives named .docx', () => {
    const bomb = (deflated: Uint8Array, declaredSize: number, zip64 = false) =>
      craftZip(
        [
          { name: '[Content_Types].xml', content: xmlPart() },
          { name: 'word/document.xml', deflated, declaredSize, zip64 },
        ],
        { zip64 },
      );

    it.each([
      [
        '150 MB of zeros declared honestly',
        () => bomb(zeros(150), 150 * 2 ** 20),
        /После распаковки документ Word занимает больше 100 МБ/,
      ],
      [
        '50 MB compressed a thousand times',
        () => bomb(zeros(50), 50 * 2 ** 20),
        /Документ Word сжат подозрительно сильно/,
      ],
      ['a part declaring 1 KB that unpacks to 50 MB', () => bomb(zeros(50), 1000), /Документ Word повреждён/],
      ['sizes hidden in Zip64 records', () => bomb(zeros(150), 150 * 2 ** 20, true), /больше 100 МБ/],
      [
        '10 001 entries',
        () =>
          craftZip(
            Array.from({ length: 10_001 }, (_, i) => ({ name: `word/p${i}.xml`, content: xmlPart(), stored: true })),
          ),
        /повреждён/,
      ],
    ])('%s: refused before anything inflates', async (_, build, message) => {
      const { status, body, ms } = await preview('бомба.docx', build());
      expect(status).toBe(422);
      expect(body.error.message).toMatch(message);
      expect(ms).toBeLessThan(quicklyMs);
    });

    it('25 MB of real document XML in a file of 1–2 MB: refused before parsing', async () => {
      // Under the archive's limits (100 MB, ratio 200) but no programme's text is that long: 95 MB of it (a 650 KB
      // file) took seconds and a gigabyte to parse before the text parts were held to 20 MB.
      const { status, body, ms } = await preview('программа.docx', heavyDocx());
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/текст документа Word занимает больше 20 МБ/);
      expect(ms).toBeLessThan(quicklyMs);
    });

    it.each(['../../etc/passwd', '..\\..\\Windows\\win.ini', '/etc/passwd', 'word/../../../evil.xml'])(
      'a real programme with an entry named %s',
      async (name) => {
        const { status, body } = await preview(
          'программа.docx',
          zip([...docxParts, { name, content: xmlPart('root') }]),
        );
        expect(status).toBe(422);
        expect(body.error.message).toMatch(/недопустимые пути внутри архива.*документ в Word/);
      },
    );

    it('a .docx inside a zip (nested) is not a Word document', async () => {
      const { status, body } = await preview('программа.docx', craftZip([{ name: 'программа.docx', content: docx }]));
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/не является документом Word/);
    });

    it('a real programme carrying an embedded zip bomb: read, the bomb never opened', async () => {
      const inner = craftZip([{ name: 'word/document.xml', deflated: zeros(200), declaredSize: 200 * 2 ** 20 }]);
      const parts = [...docxParts, { name: 'word/embeddings/Microsoft_Word_Document.docx', content: inner }];
      const { status, body, ms } = await preview('программа.docx', zip(parts));
      expect([status, body.summary?.activities]).toEqual([200, activities]);
      expect(ms).toBeLessThan(quicklyMs);
    });

    it('an XML entity bomb (billion laughs) in the document part is not expanded', async () => {
      const entities = Array.from({ length: 10 }, (_, i) =>
        i === 0 ? '<!ENTITY l0 "ха">' : `<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`,
      ).join('');
      const xml = `<?xml version="1.0"?><!DOCTYPE d [${entities}]><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>`;
      const { ms } = await preview('смех.docx', craftZip([{ name: 'word/document.xml', content: xmlPart(xml) }]));
      expect(ms).toBeLessThan(quicklyMs);
    });
  });

  // ——— tables with absurd shapes

  describe('tables', () => {
    it('Word cells spanning a billion columns and merges that never end', async () => {
      const row = `<w:tr>${'<w:tc><w:tcPr><w:gridSpan w:val="1000000000"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>'.repeat(50)}</w:tr>`;
      const cont = `<w:tr>${'<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>'.repeat(50)}</w:tr>`;
      const { ms } = await preview('таблица.docx', wordDocument(`<w:tbl>${row}${cont.repeat(2000)}</w:tbl>`));
      expect(ms).toBeLessThan(quicklyMs);
    });

    it.each([
      ['colspan="1000" over 200 rows', `${`<tr>${'<td colspan="1000">x</td>'.repeat(1000)}</tr>`.repeat(200)}`],
      [
        'rowspan="65534" over 20 000 short rows',
        `<tr>${'<td rowspan="65534">x</td>'.repeat(1000)}</tr>${'<tr><td>y</td></tr>'.repeat(20_000)}`,
      ],
    ])('HTML cells with %s: refused with the cell limit, not multiplied into millions', async (_, rows) => {
      // Before the cells were counted by the grid they fill, 120 KB of these took seconds and gigabytes.
      const { status, body, ms } = await preview(
        'таблица.html',
        `<html><body><p>Дорожная карта</p><table>${rows}</table></body></html>`,
      );
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/больше 500\u00A0000 ячеек/);
      expect(ms).toBeLessThan(quicklyMs);
    });

    it('an HTML table row of 100 000 columns', async () => {
      const { ms } = await preview(
        'широкая.html',
        `<html><body><table><tr>${'<td>1</td>'.repeat(100_000)}</tr></table></body></html>`,
      );
      expect(ms).toBeLessThan(quicklyMs);
    });

    it('HTML nested 100 000 elements deep is refused at once', async () => {
      const { status, body, ms } = await preview(
        'вложенная.html',
        `<html><body>${'<div>'.repeat(100_000)}x</body></html>`,
      );
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/вложены друг в друга/);
      expect(ms).toBeLessThan(quicklyMs);
    });
  });

  // ——— sizes and what does not fit

  describe('sizes', () => {
    it('an activity cell of 4 MB in HTML: refused naming the limit, in Russian', async () => {
      const page = html.replace(
        /<td colspan="1" rowspan="1">([^<]{20,})<\/td>/,
        (_, text) => `<td>${text} ${'Ж'.repeat(2_000_000)}</td>`,
      );
      expect(page.length).toBeGreaterThan(2_000_000);
      const { status, body } = await preview('программа.html', page);
      expect(status).toBe(422);
      expect(body.error.problems.length).toBeGreaterThan(0);
    });

    it('a single text line of 4.5 MB', async () => {
      const { ms } = await preview('программа.txt', `Дорожная карта\n${'слово '.repeat(800_000)}\n`);
      expect(ms).toBeLessThan(quicklyMs);
    });

    it('a passport cell longer than the programme holds: the problems say so in Russian', async () => {
      const p = sampleProgramme();
      p.passport.curator = `Министерство образования ${'и науки '.repeat(400)}`.trim();
      const { status, body } = await preview('программа.docx', await writeProgrammeDocx(p));
      expect(status).toBe(422);
      expect(body.error.code).toBe('import.invalid');
      expect(body.error.problems).toContainEqual({
        field: 'draft.passport.curator',
        message: 'Текст длиннее 2000 символов: сократите его в документе.',
      });
    });

    it('a file over the upload limit gets 413 in Russian', async () => {
      const { status, body } = await preview('программа.txt', 'а'.repeat(3 * 2 ** 20));
      expect(status).toBe(413);
      expect(body.error.message).toMatch(russian);
    });
  });

  // ——— encodings

  describe('encodings', () => {
    it.each([
      ['Windows-1251', (t: string) => cp1251(t)],
      ['UTF-16 LE with BOM', (t: string) => utf16(t, 'le')],
      ['UTF-16 BE with BOM', (t: string) => utf16(t, 'be')],
    ])('the sample programme as an HTML page in %s reads as in UTF-8', async (_, encode) => {
      const page = encode(html.replace('<meta charset="utf-8">', ''));
      const { status, body } = await preview('программа.html', page);
      expect([status, body.summary?.activities]).toEqual([200, activities]);
      expect(JSON.stringify(body.draft)).toContain('Калининград');
    });

    it.runIf(seedsPresent)('every seed saved by Notepad in Windows-1251 reads as its UTF-8 original', async () => {
      for (const prefix of ['000', '001', '002', '003', '004']) {
        const seed = seedFile(prefix);
        const original = await preview(seed.name, seed.bytes);
        const legacy = await preview(seed.name, cp1251(seed.text));
        expect([prefix, legacy.status]).toEqual([prefix, 200]);
        expect(legacy.body.summary).toEqual(original.body.summary);
      }
    });

    it('UTF-16 text without a byte-order mark is refused as not a document', async () => {
      const { status, body } = await preview(
        'программа.txt',
        utf16('Дорожная карта\nМероприятие\tСрок\n', 'le', false),
      );
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/не похож на документ/);
    });
  });
});
