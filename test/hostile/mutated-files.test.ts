// Mutation fuzzing of every importer through HTTP (issue 10, item 3): valid files made by our own writers —
// a programme in .docx, .html and .txt, organisations in .csv and .xlsx, results in .csv and .xlsx — get random
// byte flips, truncations, inserted, deleted and repeated chunks, and the same for the XML inside the zips. Every
// answer must be a report (200) or a Russian 4xx within the time bound, never a 5xx; and a refused commit must
// leave every table as it was, an accepted one change exactly what its report says.
// HOSTILE_RUNS=<n> multiplies the runs for a longer search (the defaults keep the folder within seconds).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../adapters/document/read-document.ts';
import { sampleProgramme } from '../../adapters/docx/sample-programme.ts';
import { allActivities } from '../../domain/programme/programme.ts';
import { engines } from '../engines.ts';
import { seedFile, seedsPresent } from '../seeds/seed-files.ts';
import { type Client, startTestServer, type TestServer } from '../server.ts';
import {
  documentHtml,
  expectClearAnswer,
  giaCsv,
  type Mutation,
  mutate,
  mutatePart,
  mutations,
  Outcomes,
  organisationsCsv,
  organisationsXlsx,
  organisationTables,
  type Part,
  resultTables,
  rowCounts,
  sampleDocx,
  unzip,
  upload,
  vprCsv,
  xlsxOf,
} from './hostile.ts';

const scale = Number(process.env.HOSTILE_RUNS ?? 1);
/** Each property's time grows with its runs and with HOSTILE_TIME_SCALE on a busy machine. */
const fuzzTimeout = 30_000 * Math.max(1, scale) * Number(process.env.HOSTILE_TIME_SCALE ?? 1);

const preview = '/api/programmes/import/preview';

describe.each(engines)(
  'mutated files on $name',
  (engine) => {
    // The readers are the same on both engines; PostgreSQL repeats a share of the runs for the all-or-nothing writes.
    const runs = (n: number) => ({
      numRuns: Math.max(1, Math.round(n * scale * (engine.name === 'pglite' ? 1 : 0.4))),
    });
    let s: TestServer;
    let region: Client;
    let docx: Uint8Array;
    let docxParts: Part[];
    let html: string;
    let orgsXlsx: Uint8Array;
    let orgsXlsxParts: Part[];
    let vprXlsxParts: Part[];

    beforeAll(async () => {
      s = await startTestServer(engine);
      region = await s.as('region-a');
      docx = await sampleDocx();
      docxParts = unzip(docx);
      html = documentHtml(await readDocument('программа.docx', docx));
      orgsXlsx = await organisationsXlsx('XL');
      orgsXlsxParts = unzip(orgsXlsx);
      vprXlsxParts = unzip(await xlsxOf(vprCsv.split('\n').map((line) => line.split(','))));
    }, 60_000);
    afterAll(() => s?.close());

    /**
     * One run: the answer is clear and timely; with `tables`, a refused upload left them untouched and an accepted one
     * is checked by `accepted` against the counts before and after.
     */
    async function probe(
      outcomes: Outcomes,
      url: string,
      name: string,
      bytes: Uint8Array,
      tables: readonly string[] = [],
      // biome-ignore lint/suspicious/noExplicitAny: the report's shape depends on the route.
      accepted: (body: any, before: Record<string, number>, after: Record<string, number>) => void = () => {},
    ) {
      const before = await rowCounts(s.database.db, tables);
      const timed = await upload(region, url, name, bytes);
      outcomes.add(timed);
      const body = expectClearAnswer(timed, `${outcomes.label}: ${name} (${bytes.length} bytes)`);
      const after = await rowCounts(s.database.db, tables);
      if (body.error) expect(after).toEqual(before);
      else accepted(body, before, after);
    }

    /** The spread of answers; `minReadThrough` makes sure the mutations reached past the first check. */
    const done = (o: Outcomes, minReadThrough = 0) => {
      o.report();
      expect(o.total).toBeGreaterThan(0);
      expect(o.readThrough, `${o.label}: runs read through to a report`).toBeGreaterThanOrEqual(minReadThrough);
    };

    // ——— programme documents: the preview writes nothing, whatever it reads

    const previewed = (body: { format: string; draft: { sections: unknown[] } }) =>
      expect(body.draft.sections).toEqual(expect.any(Array));

    it('the valid samples themselves are read', async () => {
      for (const [name, bytes] of [
        ['программа.docx', docx],
        ['программа.html', html],
      ] as const) {
        const { res } = await upload(region, preview, name, bytes);
        expect([name, res.statusCode]).toEqual([name, 200]);
        expect(res.json().summary.activities).toBe(allActivities(sampleProgramme()).length);
      }
    });

    it('a programme .docx with bytes flipped, cut, inserted and deleted', async () => {
      const o = new Outcomes('programme .docx, bytes');
      const tables = ['programmes', 'programme_activities', 'audit_log'];
      const before = await rowCounts(s.database.db, tables);
      await fc.assert(
        fc.asyncProperty(mutations, (m) => probe(o, preview, 'программа.docx', mutate(docx, m))),
        runs(120),
      );
      expect(await rowCounts(s.database.db, tables)).toEqual(before);
      done(o);
    });

    it('a programme .docx whose document, styles or numbering XML is mutated inside a sound zip', async () => {
      const o = new Outcomes('programme .docx, XML parts');
      const names = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', '_rels/.rels'].filter((n) =>
        docxParts.some((p) => p.name === n),
      );
      expect(names).toContain('word/document.xml');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), mutations, (part, m) =>
          probe(o, preview, 'программа.docx', mutatePart(docxParts, part, m), [], previewed),
        ),
        runs(120),
      );
      done(o, 1);
    });

    it('a programme as an HTML page, mutated', async () => {
      const o = new Outcomes('programme .html');
      const bytes = Buffer.from(html);
      await fc.assert(
        fc.asyncProperty(mutations, (m) => probe(o, preview, 'программа.html', mutate(bytes, m), [], previewed)),
        runs(60),
      );
      done(o, 1);
    });

    it.runIf(seedsPresent)('the real programmes (seeds) as text, mutated', async () => {
      const o = new Outcomes('programme seeds .txt');
      const seeds = ['000', '001', '002', '003', '004'].map((p) => seedFile(p));
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...seeds), mutations, (seed, m) =>
          probe(o, preview, seed.name, mutate(seed.bytes, m), [], previewed),
        ),
        runs(50),
      );
      done(o, 1);
    });

    // ——— organisations: commit straight away; refused means untouched, accepted means exactly the report

    const organisationsUrl = '/api/organisations/import?commit=true';
    const organisationsAccepted = (
      body: { committed: boolean; created: number; problems: unknown[] },
      before: Record<string, number>,
      after: Record<string, number>,
    ) => {
      expect(body).toMatchObject({ committed: true, problems: [] });
      expect(after.organisations! - before.organisations!).toBe(body.created);
    };

    it('an organisations .csv, mutated, committed', async () => {
      const o = new Outcomes('organisations .csv');
      const csv = Buffer.from(organisationsCsv('CSV'));
      await fc.assert(
        fc.asyncProperty(mutations, (m) =>
          probe(o, organisationsUrl, 'организации.csv', mutate(csv, m), organisationTables, organisationsAccepted),
        ),
        runs(80),
      );
      done(o, 1);
    });

    it('an organisations .xlsx, mutated as bytes and inside its sheet, committed', async () => {
      const bytes = new Outcomes('organisations .xlsx, bytes');
      await fc.assert(
        fc.asyncProperty(mutations, (m) =>
          probe(
            bytes,
            organisationsUrl,
            'организации.xlsx',
            mutate(orgsXlsx, m),
            organisationTables,
            organisationsAccepted,
          ),
        ),
        runs(30),
      );
      done(bytes);
      const parts = new Outcomes('organisations .xlsx, XML parts');
      const names = [
        'xl/worksheets/sheet1.xml',
        'xl/sharedStrings.xml',
        'xl/workbook.xml',
        '[Content_Types].xml',
      ].filter((n) => orgsXlsxParts.some((p) => p.name === n));
      expect(names).toContain('xl/worksheets/sheet1.xml');
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...names), mutations, (part, m) =>
          probe(
            parts,
            organisationsUrl,
            'организации.xlsx',
            mutatePart(orgsXlsxParts, part, m),
            organisationTables,
            organisationsAccepted,
          ),
        ),
        runs(80),
      );
      done(parts, 1);
    });

    // ——— results: a commit replaces the file's years; the tables change by exactly records − replaced

    const resultsAccepted =
      (kind: 'vpr' | 'gia') =>
      (
        body: { committed: boolean; records: number; replaced: number; problems: unknown[] },
        before: Record<string, number>,
        after: Record<string, number>,
      ) => {
        expect(body).toMatchObject({ committed: true, problems: [] });
        const table = `${kind}_results`;
        expect(after[table]! - before[table]!).toBe(body.records - body.replaced);
        expect(after.result_imports! - before.result_imports!).toBe(1);
      };

    const results = (kind: 'vpr' | 'gia', name: string, mutated: (m: Mutation[]) => Uint8Array, n: number) => {
      const o = new Outcomes(`results ${kind} ${name}`);
      return fc
        .assert(
          fc.asyncProperty(mutations, (m) =>
            probe(o, `/api/results/import/${kind}?commit=true`, name, mutated(m), resultTables, resultsAccepted(kind)),
          ),
          runs(n),
        )
        .then(() => o);
    };

    it('a ВПР results .csv, mutated, committed', async () => {
      done(await results('vpr', 'впр.csv', (m) => mutate(Buffer.from(vprCsv), m), 80), 1);
    });

    it('a ГИА results .csv and a ВПР results .xlsx with its sheet mutated, committed', async () => {
      done(await results('gia', 'гиа.csv', (m) => mutate(Buffer.from(giaCsv), m), 50), 1);
      done(
        await results(
          'vpr',
          'впр.xlsx',
          (m) => mutatePart(vprXlsxParts, m.length % 2 ? 'xl/sharedStrings.xml' : 'xl/worksheets/sheet1.xml', m),
          40,
        ),
      );
    });
  },
  fuzzTimeout,
);
