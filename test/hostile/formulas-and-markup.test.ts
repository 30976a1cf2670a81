// Formulas and markup typed by users, end to end (issue 10, item 3). Formula-like cells (=HYPERLINK, +cmd, -2+3,
// @SUM) are imported as text and come out of every export as text: defused with an apostrophe in CSV, plain
// strings (never <f> formulas) in XLSX. HTML and script in activity text, a programme title and an event topic
// stay the literal string in JSON and in .docx, and are escaped on the public page, in the widget and in iCal,
// where a line break must not start a property of its own.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../adapters/document/read-document.ts';
import type { RoundDto } from '../../contract/execution.ts';
import type { ProgrammeDetail } from '../../contract/programmes.ts';
import { regionalRoadmap } from '../approved-programme.ts';
import { engines } from '../engines.ts';
import { type Client, startTestServer, type TestServer } from '../server.ts';
import { expectClearAnswer, organisationsHeader, unzip, upload } from './hostile.ts';

const fixedNow = new Date('2022-07-15T05:00:00Z');

const hyperlink = '=HYPERLINK("http://evil.example/steal","Нажмите")';
const formulas = [hyperlink, "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)', '=1+1'];
const script = '<script>alert(1)</script>';
const img = '<img src=x onerror="alert(2)">';
const activityScript = `Семинар ${script} & «практикум»`;
const activityImg = `${img} Анализ результатов ВПР`;
/** A title that would close the page's <title> if it were not escaped. */
const title = `Дорожная карта </title><script>alert(3)</script>`;
/** A line break followed by what would be a new event and a new property in an unescaped .ics. */
const icalInjection = 'Совещание\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Внедрено\r\nATTACH:http://evil.example/x';
const eventTopic = `Вебинар ${script}`;

/** Every cell text of a book, with whether any cell is a formula, and the raw sheet XML has any <f>. */
async function bookCells(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const texts: string[] = [];
  let formulaCells = 0;
  for (const sheet of book.worksheets)
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulaCells++;
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
  const xmlFormulas = unzip(bytes)
    .filter((p) => p.name.startsWith('xl/worksheets/'))
    .filter((p) => /<f[\s>]/.test(new TextDecoder().decode(p.content))).length;
  return { texts, formulaCells, xmlFormulas };
}

/** The text of a .docx as our reader sees it, and its raw document XML. */
async function docxText(bytes: Uint8Array) {
  const doc = await readDocument('x.docx', bytes);
  const text = doc.blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.cells.map((c) => c.text).join('\t')).join('\n')))
    .join('\n');
  const xml = new TextDecoder().decode(unzip(bytes).find((p) => p.name === 'word/document.xml')!.content);
  return { text, xml };
}

/** Content lines of an .ics, unfolded (RFC 5545 §3.1). */
const icalLines = (ics: string) => ics.replace(/\r\n[ \t]/g, '').split('\r\n');

/** A CSV cell would be evaluated by Excel when it starts with one of these (OWASP «CSV injection»). */
const dangerous = /^[=+\-@\t\r]/;

describe.each(engines)('formulas and markup on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  let school: Client;
  let programme: ProgrammeDetail;

  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => fixedNow });
    region = await s.as('region-a');
    school = await s.as('school-a1');
  }, 60_000);
  afterAll(() => s?.close());

  describe('formulas in cells', () => {
    it('organisations: formula-like short names and addresses are imported as text; a formula as the name is a problem', async () => {
      const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
      const rows = formulas
        .slice(0, 4)
        .map((f, i) => `FX-${i + 1},Школа формул ${i + 1},${quote(f)},СОШ,Район А2,A,1,${quote(f)}`);
      const bad = `FX-9,${quote(hyperlink)},Школа,СОШ,Район А2,A,1,`;
      const dry = expectClearAnswer(
        await upload(
          region,
          '/api/organisations/import?commit=false',
          'формулы.csv',
          [organisationsHeader, ...rows, bad].join('\r\n'),
        ),
      );
      expect(dry.problems).toEqual([
        expect.objectContaining({ row: 6, column: 'name', message: expect.stringMatching(/формула/) }),
      ]);
      const done = expectClearAnswer(
        await upload(
          region,
          '/api/organisations/import?commit=true',
          'формулы.csv',
          [organisationsHeader, ...rows].join('\r\n'),
        ),
      );
      expect(done).toMatchObject({ committed: true, created: 4 });
      const saved = (await region.get('/api/organisations?q=FX-&pageSize=10')).json().items as {
        code: string;
        shortName: string;
        address: string;
      }[];
      expect(saved.sort((a, b) => a.code.localeCompare(b.code)).map((o) => [o.shortName, o.address])).toEqual(
        formulas.slice(0, 4).map((f) => [f, f]),
      );
    });

    it('results: formula-like cells are problems of their cells, never evaluated', async () => {
      const csv = [
        'year,school_code,subject,grade,participants,n2,n3,n4,n5',
        `2021,"${hyperlink.replace(/"/g, '""')}",математика,5,10,4,4,1,1`,
        '2021,A1-1,математика,5,-2+3,0,1,0,0',
        '2021,A1-1,@SUM(1+1),5,10,4,4,1,1',
        '2021,A1-1,математика,5,10,=1+1,4,3,1',
      ].join('\n');
      const report = expectClearAnswer(await upload(region, '/api/results/import/vpr?commit=false', 'впр.csv', csv));
      expect(report.records).toBe(0);
      const cells = report.problems.map((p: { cell?: string }) => p.cell);
      expect(cells).toEqual(expect.arrayContaining(['B2', 'E3', 'C4', 'F5']));
      expect(new Set(report.problems.map((p: { row: number }) => p.row))).toEqual(new Set([2, 3, 4, 5]));
    });

    it('every export keeps them as text: audit CSV defused, audit, programme, round and identification XLSX without formulas', async () => {
      // The school's short name starts every audit line about its work, and names it in every report.
      const a1 = (await region.get(`/api/organisations/${s.world.schoolA1}`)).json();
      const renamed = await region.patch(`/api/organisations/${s.world.schoolA1}`, {
        shortName: hyperlink,
        version: a1.version,
      });
      expect(renamed.statusCode, renamed.body).toBe(200);
      const roadmap = await regionalRoadmap(s.database.db, s.world, [
        ...formulas.map((f) => ({ text: f, deadlineText: 'До 01.03.2022', schools: [s.world.schoolA1] })),
        { text: 'Анализ результатов', deadlineText: 'До 01.08.2022' },
      ]);
      const execution = (await school.get(`/api/programmes/${roadmap.programme.id}/execution`)).json();
      const unit = execution.activities[0].units[0];
      const reported = await school.post(`/api/executions/${unit.id}/report`, {
        status: 'in_progress',
        version: unit.version,
      });
      expect(reported.statusCode, reported.body).toBe(200);

      // Audit as CSV: every field that would start a formula carries the apostrophe; the text is all there.
      const csv = await region.get('/api/audit/export?format=csv');
      expect(csv.statusCode).toBe(200);
      const fields = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
      expect(fields.filter((f) => dangerous.test(f))).toEqual([]);
      expect(fields.some((f) => f.startsWith(`'${hyperlink}:`))).toBe(true);

      // Audit as XLSX: the same line as a string cell, no formula anywhere.
      const auditBook = await bookCells((await region.get('/api/audit/export?format=xlsx')).rawPayload);
      expect(auditBook).toMatchObject({ formulaCells: 0, xmlFormulas: 0 });
      expect(auditBook.texts.some((t) => t.startsWith(`${hyperlink}:`))).toBe(true);

      // The programme as XLSX: each formula-like activity is its own literal text.
      const programmeBook = await bookCells(
        (await region.get(`/api/programmes/${roadmap.programme.id}/export?format=xlsx`)).rawPayload,
      );
      expect(programmeBook).toMatchObject({ formulaCells: 0, xmlFormulas: 0 });
      for (const f of formulas) expect(programmeBook.texts).toContain(f);

      // A monitoring round's analytic report names the school in XLSX and DOCX.
      const round = await region.post(`/api/programmes/${roadmap.programme.id}/rounds`, {
        kind: 'execution',
        date: '2022-06-30',
        title: 'Мониторинг',
        threshold: { min: 30, max: 40 },
      });
      expect(round.statusCode, round.body).toBe(200);
      const roundId = (round.json() as RoundDto).id;
      const roundBook = await bookCells((await region.get(`/api/rounds/${roundId}/report.xlsx`)).rawPayload);
      expect(roundBook).toMatchObject({ formulaCells: 0, xmlFormulas: 0 });
      expect(roundBook.texts).toContain(hyperlink);
      expect((await docxText((await region.get(`/api/rounds/${roundId}/report.docx`)).rawPayload)).text).toContain(
        hyperlink,
      );

      // An identification run lists the school under its formula-like name.
      const vpr = [
        'year,school_code,subject,grade,participants,n2,n3,n4,n5',
        '2021,A1-1,математика,5,10,6,2,1,1',
        '2021,A2-1,математика,5,10,0,2,4,4',
      ];
      expectClearAnswer(await upload(region, '/api/results/import/vpr?commit=true', 'впр.csv', vpr.join('\n')));
      const run = await region.post('/api/identification/runs', { methodology: 'kuzbass-2021' });
      expect(run.statusCode, run.body).toBe(200);
      const runBook = await bookCells(
        (await region.get(`/api/identification/runs/${run.json().id}/export?format=xlsx`)).rawPayload,
      );
      expect(runBook).toMatchObject({ formulaCells: 0, xmlFormulas: 0 });
      expect(runBook.texts.some((t) => t.includes('HYPERLINK'))).toBe(true);
    });
  });

  describe('HTML and script in what users type', () => {
    beforeAll(async () => {
      ({ programme } = await regionalRoadmap(
        s.database.db,
        s.world,
        [
          { text: activityScript, deadlineText: 'До 15.02.2022', schools: [s.world.schoolA1] },
          { text: activityImg, deadlineText: '01.03-20.03.2022' },
          { text: icalInjection, deadlineText: 'До 01.09.2022' },
        ],
        { title },
      ));
      const p = (await region.get(`/api/programmes/${programme.id}`)).json() as ProgrammeDetail;
      const published = await region.patch(`/api/programmes/${programme.id}`, { public: true, version: p.version });
      expect(published.statusCode, published.body).toBe(200);
      const event = await region.post('/api/events', {
        regionId: s.world.regionA,
        programmeId: programme.id,
        kind: 'webinar',
        topic: eventTopic,
        windowStart: '2022-10-05',
        windowEnd: '2022-10-05',
        place: icalInjection,
      });
      expect(event.statusCode, event.body).toBe(200);
    }, 60_000);

    it('JSON keeps the literal strings, inside and on the public API', async () => {
      const detail = (await region.get(`/api/programmes/${programme.id}`)).json() as ProgrammeDetail;
      expect(detail.title).toBe(title);
      expect(detail.sections[0]!.activities.map((a) => a.text)).toEqual([activityScript, activityImg, icalInjection]);
      const published = (await s.anonymous.get(`/api/public/programmes/${programme.id}`)).json();
      expect(published.title).toBe(title);
      expect(published.sections[0].activities.map((a: { text: string }) => a.text)).toEqual([
        activityScript,
        activityImg,
        icalInjection,
      ]);
    });

    it('the public page and the school widget escape every piece of it and run no script', async () => {
      for (const url of [
        `/public/programmes/${programme.id}`,
        `/public/programmes/${programme.id}/widget?school=A1-1`,
      ]) {
        const res = await s.anonymous.get(url);
        expect([url, res.statusCode]).toEqual([url, 200]);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).not.toMatch(/<script/i);
        expect(res.body).not.toMatch(/<img/i);
        // No element anywhere carries an event handler (the escaped text shows «onerror=» as letters only).
        expect(res.body).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
        expect(String(res.headers['content-security-policy'])).toMatch(
          /script-src 'none'|default-src 'none'|script-src 'self'/,
        );
      }
      const page = (await s.anonymous.get(`/public/programmes/${programme.id}`)).body;
      expect(page).toContain('Семинар &lt;script&gt;alert(1)&lt;/script&gt; &amp; «практикум»');
      expect(page).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt; Анализ результатов ВПР');
      expect(page).toContain('Дорожная карта &lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
      const widget = (await s.anonymous.get(`/public/programmes/${programme.id}/widget?school=A1-1`)).body;
      expect(widget).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    });

    it('the .docx and .xlsx exports carry the literal text, as text', async () => {
      const docx = await region.get(`/api/programmes/${programme.id}/export?format=docx`);
      expect(docx.statusCode).toBe(200);
      const { text, xml } = await docxText(docx.rawPayload);
      expect(xml).not.toMatch(/<script|<img/);
      expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(text).toContain(activityScript);
      expect(text).toContain(activityImg);
      const book = await bookCells((await region.get(`/api/programmes/${programme.id}/export?format=xlsx`)).rawPayload);
      expect(book.texts).toEqual(expect.arrayContaining([activityScript, activityImg]));
    });

    it('iCal: the text is escaped per RFC 5545, a line break never starts a property of its own', async () => {
      const check = (ics: string) => {
        const lines = icalLines(ics);
        expect(lines.filter((l) => l === 'BEGIN:VEVENT').length).toBe(lines.filter((l) => l === 'END:VEVENT').length);
        expect(lines.filter((l) => /^SUMMARY:Внедрено|^ATTACH:/.test(l))).toEqual([]);
        const summaries = lines.filter((l) => l.startsWith('SUMMARY'));
        expect(summaries.some((l) => l.includes('<script>alert(1)</script>'))).toBe(true);
        expect(summaries.some((l) => l.includes('Совещание\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:Внедрено'))).toBe(
          true,
        );
        const locations = lines.filter((l) => l.startsWith('LOCATION'));
        expect(locations.some((l) => l.includes('\\nATTACH:http://evil.example/x'))).toBe(true);
      };
      const file = await region.get(`/api/programmes/${programme.id}/calendar.ics`);
      expect(file.statusCode).toBe(200);
      check(file.body);
      const feed = (await region.post('/api/calendar/feed')).json() as { url: string };
      const personal = await s.anonymous.get(feed.url);
      expect(personal.statusCode).toBe(200);
      check(personal.body);
      expect(icalLines(personal.body).some((l) => l.startsWith('SUMMARY') && l.includes(eventTopic))).toBe(true);
    });

    it('the web client never renders text as HTML', () => {
      const webDir = path.resolve(import.meta.dirname, '..', '..', 'web');
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const full = path.join(dir, name);
          if (name === 'node_modules' || name === 'dist') continue;
          if (statSync(full).isDirectory()) walk(full);
          else if (/\.(tsx?|html)$/.test(name)) files.push(full);
        }
      };
      walk(webDir);
      expect(files.length).toBeGreaterThan(10);
      const raw = files.filter((f) =>
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(
          readFileSync(f, 'utf8'),
        ),
      );
      expect(raw).toEqual([]);
    });
  });
});
