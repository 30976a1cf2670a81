// Hostile tables through the organisations and results importers (issue 10, item 3): wrong encodings, a cell of
// megabytes, a header of 100 000 columns, zip bombs and crafted archives named .xlsx, transport-level damage of
// the upload itself. Every answer is a report or a Russian 4xx within the time bound; a refused commit writes
// nothing. The readers' own tests (adapters/table, adapters/csv, adapters/xlsx) cover the same files one level down.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../engines.ts';
import { craftZip, xmlPart } from '../fixtures/tables/craft-zip.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../server.ts';
import { cp1251, utf16 } from './encodings.ts';
import {
  expectClearAnswer,
  organisationsCsv,
  organisationsHeader,
  organisationTables,
  quicklyMs,
  resultTables,
  rowCounts,
  russian,
  unzip,
  upload,
  vprCsv,
  xlsxOf,
  zeros,
  zip,
} from './hostile.ts';

const organisationsUrl = '/api/organisations/import?commit=true';
const vprUrl = '/api/results/import/vpr?commit=true';

describe.each(engines)('hostile tables on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  let sheet: Uint8Array;

  beforeAll(async () => {
    s = await startTestServer(engine);
    region = await s.as('region-a');
    sheet = await xlsxOf(
      organisationsCsv('OK')
        .split('\r\n')
        .map((line) => line.split(',')),
    );
  }, 60_000);
  afterAll(() => s?.close());

  /** Posts, checks the answer is clear, and that a refusal left the tables alone; returns the parsed body. */
  async function post(url: string, name: string, bytes: Uint8Array | string, tables: readonly string[]) {
    const before = await rowCounts(s.database.db, tables);
    const timed = await upload(region, url, name, bytes);
    const body = expectClearAnswer(timed, name);
    if (timed.res.statusCode !== 200) expect(await rowCounts(s.database.db, tables)).toEqual(before);
    return { status: timed.res.statusCode, body, ms: timed.ms };
  }

  const organisationsNamed = async (q: string) =>
    (
      (await region.get(`/api/organisations?q=${encodeURIComponent(q)}&pageSize=100`)).json().items as {
        code: string;
        name: string;
        address: string;
      }[]
    ).sort((a, b) => a.code.localeCompare(b.code, 'ru', { numeric: true }));

  // ——— encodings

  describe('encodings', () => {
    it.each([
      ['Windows-1251', 'W1251', (t: string) => cp1251(t)],
      ['UTF-16 LE with BOM', 'U16LE', (t: string) => utf16(t, 'le')],
      ['UTF-16 BE with BOM', 'U16BE', (t: string) => utf16(t, 'be')],
      ['UTF-8 with BOM', 'U8BOM', (t: string) => new TextEncoder().encode(`\uFEFF${t}`)],
    ])('organisations in %s are read correctly, Cyrillic and «№» intact', async (_, prefix, encode) => {
      const { status, body } = await post(
        organisationsUrl,
        'организации.csv',
        encode(organisationsCsv(prefix, 3)),
        organisationTables,
      );
      expect([status, body.created, body.problems]).toEqual([200, 3, []]);
      const saved = await organisationsNamed(`${prefix}-`);
      expect(saved.map((o) => [o.code, o.name, o.address])).toEqual([
        [`${prefix}-1`, `Школа ${prefix} № 1`, 'ул. Мира, 1'],
        [`${prefix}-2`, `Школа ${prefix} № 2`, 'ул. Мира, 2'],
        [`${prefix}-3`, `Школа ${prefix} № 3`, 'ул. Мира, 3'],
      ]);
    });

    it('ВПР results in Windows-1251 are read with their subjects', async () => {
      const { status, body } = await post(
        '/api/results/import/vpr?commit=false',
        'впр.csv',
        cp1251(vprCsv.replace(/\n/g, '\r\n')),
        resultTables,
      );
      expect([status, body.problems, body.records]).toEqual([200, [], 5]);
    });

    it('UTF-16 without a byte-order mark is refused as not a text table, not read as garbage', async () => {
      const { status, body } = await post(
        organisationsUrl,
        'организации.csv',
        utf16(organisationsCsv('NOBOM', 2), 'le', false),
        organisationTables,
      );
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/не похож на текстовую таблицу/);
    });

    it('a file in another Cyrillic code page (KOI8-R) gets a report naming the cells, nothing imported', async () => {
      // Not UTF-8, so it is read as Windows-1251: the municipality and the type come out unrecognisable.
      const koi8 = new Map(
        [...'абвгдежзийклмнопрстуфхцчшщъыьэюя'].map((c, i) => [
          c,
          [
            0xc1, 0xc2, 0xd7, 0xc7, 0xc4, 0xc5, 0xd6, 0xda, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf, 0xd0, 0xd2, 0xd3,
            0xd4, 0xd5, 0xc6, 0xc8, 0xc3, 0xde, 0xdb, 0xdd, 0xdf, 0xd9, 0xd8, 0xdc, 0xc0, 0xd1,
          ][i]!,
        ]),
      );
      const text = organisationsCsv('KOI', 2).toLowerCase();
      const bytes = Uint8Array.from(text, (c) => koi8.get(c) ?? c.charCodeAt(0) & 0x7f);
      const { status, body } = await post(organisationsUrl, 'организации.csv', bytes, organisationTables);
      expect(status).toBe(422);
      expect(body.error.code).toMatch(/^import\./);
    });
  });

  // ——— sizes

  describe('sizes', () => {
    it('a single cell of 4.5 MB is refused quickly with the cell limit', async () => {
      const csv = `${organisationsHeader}\r\nBIG-1,"${'Ж'.repeat(2_300_000)}",Школа,СОШ,Район А2,A,1,`;
      const { status, body, ms } = await post(organisationsUrl, 'организации.csv', csv, organisationTables);
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/32\u00A0767 символов/);
      expect(ms).toBeLessThan(quicklyMs);
      const results = await post(
        vprUrl,
        'впр.csv',
        `${vprCsv}\n2021,A1-1,${'x'.repeat(4_500_000)},5,1,1,0,0,0`,
        resultTables,
      );
      expect(results.status).toBe(422);
      expect(results.body.error.message).toMatch(/32\u00A0767 символов/);
    });

    it('a file over the upload limit gets 413 in Russian', async () => {
      const { status, body } = await post(
        organisationsUrl,
        'организации.csv',
        'a'.repeat(5 * 2 ** 20 + 10),
        organisationTables,
      );
      expect(status).toBe(413);
      expect(body.error.message).toMatch(/больше допустимого размера/);
    });

    it('a header of 100 000 columns is refused with the column limit', async () => {
      const header = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
      for (const [url, tables] of [
        [organisationsUrl, organisationTables],
        [vprUrl, resultTables],
      ] as const) {
        const { status, body, ms } = await post(url, 'широкая.csv', `${header}\n${'1,'.repeat(99_999)}1`, tables);
        expect(status).toBe(422);
        expect(body.error.message).toMatch(/столбц/);
        expect(ms).toBeLessThan(quicklyMs);
      }
    });

    it('a workbook with all 16 384 columns of Excel filled, and one with a cell of 40 000 characters', async () => {
      const wide = await xlsxOf([Array.from({ length: 16_384 }, (_, i) => `c${i}`)]);
      const refusedWide = await post(organisationsUrl, 'широкая.xlsx', wide, organisationTables);
      expect(refusedWide.status).toBe(422);
      expect(refusedWide.body.error.message).toMatch(/столбц/);
      const long = await xlsxOf([
        organisationsHeader.split(','),
        ['LONG-1', 'я'.repeat(40_000), 'Школа', 'СОШ', 'Район А2', 'A', 1, ''],
      ]);
      const refusedLong = await post(organisationsUrl, 'длинная.xlsx', long, organisationTables);
      expect(refusedLong.status).toBe(422);
      expect(refusedLong.body.error.message).toMatch(/32\u00A0767 символов/);
    });

    it('100 001 rows are refused with the row limit, quickly', async () => {
      const rows = Array.from({ length: 100_001 }, (_, i) => `2021,A1-1,математика,5,1,1,0,0,${i % 2}`);
      const { status, body, ms } = await post(
        vprUrl,
        'впр.csv',
        `${vprCsv.split('\n')[0]}\n${rows.join('\n')}`,
        resultTables,
      );
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/строк/);
      expect(ms).toBeLessThan(quicklyMs);
    });

    it('a quote opened in the first cell and never closed', async () => {
      const { status, body } = await post(
        organisationsUrl,
        'организации.csv',
        `"${organisationsCsv('Q', 50)}`,
        organisationTables,
      );
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/кавычки/);
    });

    it.each([
      ['an empty file', ''],
      ['a byte-order mark alone', '\uFEFF'],
      ['the header row alone', organisationsHeader],
      ['blank lines and delimiters only', '\r\n,,,\r\n;;;\r\n\r\n'],
      ['NUL bytes', '\u0000'.repeat(1000)],
    ])('%s', async (_, text) => {
      const { status } = await post(organisationsUrl, 'организации.csv', text, organisationTables);
      expect(status).toBeGreaterThanOrEqual(400);
      const results = await post(vprUrl, 'впр.csv', text, resultTables);
      expect(results.status).toBeGreaterThanOrEqual(400);
    });
  });

  // ——— archives named .xlsx

  describe('archives', () => {
    const bomb = (deflated: Uint8Array, declaredSize: number, name = 'xl/sharedStrings.xml') =>
      craftZip([
        { name: '[Content_Types].xml', content: xmlPart() },
        { name, deflated, declaredSize },
      ]);

    it.each([
      ['a bomb of 150 MB declared honestly', () => bomb(zeros(150), 150 * 2 ** 20), /больше 100 МБ/],
      ['a bomb of 50 MB compressed a thousand times', () => bomb(zeros(50), 50 * 2 ** 20), /сжата подозрительно/],
      ['a bomb declaring 1 KB that unpacks to 50 MB', () => bomb(zeros(50), 1000), /повреждён/],
      [
        'a bomb whose sizes hide in Zip64 records',
        () =>
          craftZip(
            [{ name: 'xl/worksheets/sheet1.xml', deflated: zeros(150), declaredSize: 150 * 2 ** 20, zip64: true }],
            { zip64: true },
          ),
        /больше 100 МБ/,
      ],
      [
        '10 001 entries',
        () =>
          craftZip(
            Array.from({ length: 10_001 }, (_, i) => ({ name: `xl/p${i}.xml`, content: xmlPart(), stored: true })),
          ),
        /повреждён/,
      ],
    ])('%s is refused before anything inflates', async (_, build, message) => {
      const bytes = build();
      expect(bytes.length).toBeLessThan(2 * 2 ** 20);
      for (const [url, tables] of [
        [organisationsUrl, organisationTables],
        [vprUrl, resultTables],
      ] as const) {
        const { status, body, ms } = await post(url, 'бомба.xlsx', bytes, tables);
        expect(status).toBe(422);
        expect(body.error.message).toMatch(message);
        expect(ms).toBeLessThan(quicklyMs);
      }
    });

    it.each([
      '../../etc/passwd',
      '..\\..\\Windows\\win.ini',
      '/etc/passwd',
      'C:/Windows/evil.xml',
      'xl/../../../evil.xml',
    ])('an entry named %s inside a real workbook', async (name) => {
      const parts = [...unzip(sheet), { name, content: new TextEncoder().encode('root:x:0:0') }];
      const { status, body } = await post(organisationsUrl, 'обход.xlsx', zip(parts), organisationTables);
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/недопустимые пути/);
    });

    it('a workbook inside a zip (nested) is not a workbook', async () => {
      const nested = craftZip([{ name: 'организации.xlsx', content: sheet }]);
      const { status, body } = await post(organisationsUrl, 'организации.xlsx', nested, organisationTables);
      expect(status).toBe(422);
      expect(body.error.message).toMatch(russian);
    });

    it('a real workbook carrying an embedded zip bomb: the bomb is never opened', async () => {
      const inner = bomb(zeros(200), 200 * 2 ** 20);
      const parts = [...unzip(sheet), { name: 'xl/embeddings/oleObject1.bin', content: inner }];
      const { status, body, ms } = await post(organisationsUrl, 'организации.xlsx', zip(parts), organisationTables);
      expect(ms).toBeLessThan(quicklyMs);
      expect([status, body.created]).toEqual([200, 6]);
    });

    it('a workbook whose formula has no saved value names its cell; one with a value gives the value', async () => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('Лист1');
      ws.addRow(organisationsHeader.split(','));
      ws.addRow([
        'F-1',
        { formula: 'HYPERLINK("http://evil.example","Школа")' },
        'Школа',
        'СОШ',
        'Район А2',
        'A',
        1,
        '',
      ]);
      const { status, body } = await post(
        organisationsUrl,
        'формулы.xlsx',
        new Uint8Array(await book.xlsx.writeBuffer()),
        organisationTables,
      );
      expect(status).toBe(422);
      expect(body.error.message).toMatch(/B2/);
    });
  });

  // ——— the upload itself

  describe('the multipart request', () => {
    it('a file name with a path, terminal escapes and 400 letters is kept as its clean last 200 characters', async () => {
      const name = `..\\..\\\u001b[31mвпр\u0007${'я'.repeat(400)}.csv`;
      const clean = `[31mвпр${'я'.repeat(400)}.csv`.slice(-200);
      expectClearAnswer(await upload(region, vprUrl, name, vprCsv), 'long name');
      const summary = (await region.get('/api/results/summary')).json();
      const vpr = summary.kinds.find((k: { kind: string }) => k.kind === 'vpr');
      expect(vpr.lastImport.fileName).toBe(clean);
      const audit = (await region.get('/api/audit?entity=results&pageSize=1')).json();
      expect(audit.items[0].summary).toContain(`«${clean}»`);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
      expect(audit.items[0].summary).not.toMatch(/[\u0000-\u001f]/);
      const preview = expectClearAnswer(
        await upload(region, '/api/programmes/import/preview', name.replace(/\.csv$/, '.txt'), 'Дорожная карта'),
      );
      expect(preview.fileName).toBe(clean.replace(/\.csv$/, '.txt'));
    });

    const raw = (body: string | Buffer, contentType: string) =>
      region.request('POST', organisationsUrl, body, { 'content-type': contentType });

    it('cut off in the middle of the file, without its closing boundary', async () => {
      const { body, headers } = multipart('организации.csv', organisationsCsv('CUT', 50));
      const before = await rowCounts(s.database.db, organisationTables);
      const started = performance.now();
      const res = await raw(body.subarray(0, body.length >> 1), headers['content-type']);
      expectClearAnswer({ res, ms: performance.now() - started }, 'truncated multipart');
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(await rowCounts(s.database.db, organisationTables)).toEqual(before);
    });

    it.each([
      [
        'no file part at all',
        '------b\r\nContent-Disposition: form-data; name="x"\r\n\r\n1\r\n------b--\r\n',
        'multipart/form-data; boundary=----b',
      ],
      ['a multipart type without a boundary', 'garbage', 'multipart/form-data'],
      ['JSON instead of a file', '{"file":"code,name"}', 'application/json'],
      ['a plain text body', organisationsCsv('TXT', 2), 'text/csv'],
      ['a boundary that never appears', 'no parts here', 'multipart/form-data; boundary=xyz'],
    ])('%s', async (_, body, contentType) => {
      const started = performance.now();
      const res = await raw(body, contentType);
      expectClearAnswer({ res, ms: performance.now() - started }, contentType);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
    });

    it('two files in one request', async () => {
      const b = '----two';
      const part = (name: string) =>
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${organisationsCsv('TWO', 1)}\r\n`;
      const res = await raw(`${part('a.csv')}${part('b.csv')}--${b}--\r\n`, `multipart/form-data; boundary=${b}`);
      expectClearAnswer({ res, ms: 0 }, 'two files');
    });
  });
});
