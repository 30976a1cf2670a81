// Uploaded files kept as they are (issue 10, item 3): evidence of execution, course certificates, signed
// agreements. Whatever the name — path traversal, control characters, quotes, hundreds of characters — the kept
// name is its last path part, clean and cut to 200 characters, and the download's headers stay well formed; the
// type is checked by extension and first bytes; a refused file writes nothing; a zip bomb is stored, never opened.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionalRoadmap } from '../approved-programme.ts';
import { engines } from '../engines.ts';
import { craftZip } from '../fixtures/tables/craft-zip.ts';
import { type Client, startTestServer, type TestServer } from '../server.ts';
import { expectClearAnswer, fileTables, Outcomes, rowCounts, upload, zeros } from './hostile.ts';

const fixedNow = new Date('2022-07-15T05:00:00Z');
const scale = Number(process.env.HOSTILE_RUNS ?? 1);
/** Each property's time grows with its runs and with HOSTILE_TIME_SCALE on a busy machine. */
const fuzzTimeout = 30_000 * Math.max(1, scale) * Number(process.env.HOSTILE_TIME_SCALE ?? 1);

const pdf = Buffer.from('%PDF-1.4\n% подтверждение\n');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const zipBomb = craftZip([
  { name: '[Content_Types].xml', content: new TextEncoder().encode('<Types/>') },
  { name: 'word/document.xml', deflated: zeros(64), declaredSize: 64 * 2 ** 20 },
]);

/** What a kept name may never hold: a path separator or a control character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const unsafeName = /[/\\\u0000-\u001f\u007f]/;

/** The name a download announces, from filename* (RFC 5987). */
const announcedName = (disposition: string) => decodeURIComponent(disposition.split("UTF-8''")[1] ?? '');

describe.each(engines)(
  'uploaded files on $name',
  (engine) => {
    let s: TestServer;
    let school: Client;
    let region: Client;
    let unitId: string;

    beforeAll(async () => {
      s = await startTestServer(engine, { now: () => fixedNow });
      const { programme } = await regionalRoadmap(s.database.db, s.world, [
        { text: 'Назначение ответственных', deadlineText: 'До 15.02.2022', schools: [s.world.schoolA1] },
      ]);
      school = await s.as('school-a1');
      region = await s.as('region-a');
      const execution = (await school.get(`/api/programmes/${programme.id}/execution`)).json();
      unitId = execution.activities[0].units[0].id;
    }, 60_000);
    afterAll(() => s?.close());

    /** Uploads evidence; checks the answer, that a refusal wrote nothing, and the kept name and download. */
    async function evidence(name: string, bytes: Uint8Array, outcomes?: Outcomes) {
      const before = await rowCounts(s.database.db, fileTables);
      const timed = await upload(school, `/api/executions/${unitId}/evidence`, name, bytes);
      outcomes?.add(timed);
      const body = expectClearAnswer(timed, JSON.stringify(name));
      if (timed.res.statusCode !== 200) {
        expect(await rowCounts(s.database.db, fileTables)).toEqual(before);
        return { status: timed.res.statusCode, body };
      }
      const kept: string = body.file.name;
      expect(kept, JSON.stringify(name)).not.toMatch(unsafeName);
      expect(kept.length).toBeGreaterThan(0);
      expect(kept.length).toBeLessThanOrEqual(200);
      const back = await school.get(`/api/evidence/${body.id}/file`);
      expect(back.statusCode).toBe(200);
      expect(Buffer.compare(back.rawPayload, Buffer.from(bytes))).toBe(0);
      const disposition = String(back.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
      expect(disposition).not.toMatch(/[\r\n]/);
      expect(announcedName(disposition)).toBe(kept);
      expect(back.headers['x-content-type-options']).toBe('nosniff');
      return { status: 200, body, kept };
    }

    it('random names and contents: a clean kept name or a clear refusal, never a partial write', async () => {
      const o = new Outcomes('evidence uploads');
      const prefix = fc.constantFrom(
        '',
        '../../',
        '..\\..\\',
        '/etc/',
        'C:\\Windows\\',
        './',
        '%2e%2e%2f',
        '....//',
        '\u202e',
      );
      const base = fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom('отчёт', '..', '.', ' ', 'CON', 'a'.repeat(300)),
      );
      const extension = fc.constantFrom(
        '.pdf',
        '.PDF',
        '.png',
        '.txt',
        '.docx',
        '.exe',
        '.html',
        '.svg',
        '',
        '.pdf.exe',
        '.exe.pdf',
        '.',
      );
      const content = fc.oneof(
        fc.constantFrom(
          pdf,
          png,
          Buffer.from('MZ not a pdf'),
          Buffer.from('<script>alert(1)</script>'),
          Buffer.alloc(0),
        ),
        fc.uint8Array({ maxLength: 256 }),
      );
      // Half the runs pair a kind with its own bytes, so that many names get as far as being kept.
      const matching = fc.constantFrom<[string, Uint8Array]>(
        ['.pdf', pdf],
        ['.PNG', png],
        ['.txt', Buffer.from('<script>alert(1)</script>')],
      );
      await fc.assert(
        fc.asyncProperty(prefix, base, fc.oneof(matching, fc.tuple(extension, content)), async (p, b, [e, bytes]) => {
          await evidence(`${p}${b}${e}`, bytes, o);
        }),
        { numRuns: Math.max(1, Math.round(80 * scale * (engine.name === 'pglite' ? 1 : 0.4))) },
      );
      o.report();
      expect(o.readThrough + (o.counts.get('400 validation.failed') ?? 0)).toBe(o.total);
    });

    it.each([
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['..\\..\\Windows\\System32\\отчёт.pdf', 'отчёт.pdf'],
      ['/var/lib/opora/../../root/.ssh/id_rsa.pdf', 'id_rsa.pdf'],
      ['C:\\Users\\school\\Desktop\\приказ № 12.pdf', 'приказ № 12.pdf'],
      ['имя\u0000с\u0007управляющими\u001fсимволами.pdf', 'имясуправляющимисимволами.pdf'],
      [`${'очень длинное имя '.repeat(30)}.pdf`, `${'очень длинное имя '.repeat(30)}.pdf`.slice(-200)],
    ])('the name %j is kept as %j', async (name, kept) => {
      const res = await evidence(name, pdf);
      expect(res.status).toBe(200);
      expect(res.kept).toBe(kept);
    });

    it.each([
      ['../../etc/passwd', /не принят/],
      ['..', /не принят/],
      ['страница.html', /не принят/],
      ['рисунок.svg', /не принят/],
      ['программа.exe', /не принят/],
      ['отчёт.pdf.exe', /не принят/],
      ['вирус.exe.pdf', /повреждён или не является файлом \.pdf/],
      ['пусто.pdf', /пуст/],
    ])('%j is refused with a reason', async (name, message) => {
      const bytes = name === 'вирус.exe.pdf' ? Buffer.from('MZ\x90\x00') : name === 'пусто.pdf' ? Buffer.alloc(0) : pdf;
      const { status, body } = await evidence(name, bytes);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(message);
    });

    it('a .docx that is a zip bomb is kept as it came, never unpacked', async () => {
      const { status, body } = await evidence('отчёт.docx', zipBomb);
      expect(status).toBe(200);
      expect(body.file.size).toBe(zipBomb.length);
    });

    it('a course certificate and a signed agreement keep only the clean last part of their names', async () => {
      const person = await school.post('/api/people', {
        regionId: s.world.regionA,
        organisationId: s.world.schoolA1,
        fullName: 'Соколова Мария Андреевна',
        position: 'Учитель математики',
      });
      expect(person.statusCode, person.body).toBe(200);
      const course = await school.post(`/api/people/${person.json().id}/courses`, {
        title: 'Функциональная грамотность',
        provider: 'ИРО',
        hours: 36,
        completedOn: '2022-03-14',
      });
      expect(course.statusCode, course.body).toBe(200);
      let version: number = course.json().version;
      for (const [name, bytes, status, kept] of [
        ['../../удостоверение.pdf', pdf, 200, 'удостоверение.pdf'],
        ['..\\скан\u0000.png', png, 200, 'скан.png'],
        ['удостоверение.html', pdf, 400, null],
      ] as const) {
        const before = await rowCounts(s.database.db, ['stored_files']);
        const res = expectClearAnswer(
          await upload(school, `/api/courses/${course.json().id}/certificate?version=${version}`, name, bytes),
          name,
        );
        if (status === 200) {
          expect(res.file.name).toBe(kept);
          version = res.version;
        } else {
          expect(res.error.message).toMatch(/удостоверением/);
          expect(await rowCounts(s.database.db, ['stored_files'])).toEqual(before);
        }
      }
      const certificate = await school.get(`/api/courses/${course.json().id}/certificate`);
      expect(announcedName(String(certificate.headers['content-disposition']))).toBe('скан.png');

      const agreement = await region.post('/api/partnerships', {
        kind: 'partnership',
        supporterId: s.world.schoolA2,
        schoolId: s.world.schoolA1,
        agreementNumber: '15-С',
        agreementDate: '2022-02-01',
        validFrom: '2022-02-01',
      });
      expect(agreement.statusCode, agreement.body).toBe(200);
      const stored = expectClearAnswer(
        await upload(
          region,
          `/api/partnerships/${agreement.json().id}/file?version=${agreement.json().version}`,
          "/etc/../../соглашение; 15-С 'подписано'.pdf",
          pdf,
        ),
      );
      expect(stored.file.name).toBe("соглашение; 15-С 'подписано'.pdf");
      const file = await region.get(`/api/partnerships/${agreement.json().id}/file`);
      const disposition = String(file.headers['content-disposition']);
      expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^\s;]+$/);
      expect(announcedName(disposition)).toBe("соглашение; 15-С 'подписано'.pdf");
    });
  },
  fuzzTimeout,
);
