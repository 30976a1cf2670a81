import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview, ProgrammeDetail } from '../../../contract/programmes.ts';
import { engines } from '../../../test/engines.ts';
import { blankActivity, smallDraft } from '../../../test/programme-drafts.ts';
import { seedFile, seedsPresent } from '../../../test/seeds/seed-files.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../../../test/server.ts';

function preview(c: Client, fileName: string, bytes: Uint8Array | string) {
  const { body, headers } = multipart(fileName, bytes);
  return c.request('POST', '/api/programmes/import/preview', body, headers);
}

// What each seed holds (issue 4): activities, titled sections, and the appendices it names.
const seeds = [
  { prefix: '000', activities: 21, sections: 0, indicators: 2, consultations: 44, workingGroup: 6 },
  { prefix: '001', activities: 23, sections: 5, indicators: 9, tutorPairs: 3 },
  { prefix: '002', activities: 28, sections: 4 },
  { prefix: '003', activities: 13, sections: 0, indicators: 3 },
  { prefix: '004', activities: 32, sections: 5, monitoringRounds: 2 },
] as const;

const activitiesOf = (p: ProgrammeDetail) => p.sections.flatMap((s) => s.activities);

describe.each(engines)('programmes API on $name', (engine) => {
  let s: TestServer;
  let c: Client;
  const saved: Record<string, ProgrammeDetail> = {};

  beforeAll(async () => {
    s = await startTestServer(engine);
    c = await s.as('region-a');
  });
  afterAll(() => s?.close());

  const ownerFor = (level: string) =>
    level === 'region'
      ? { regionId: s.world.regionA }
      : level === 'municipality'
        ? { regionId: s.world.regionA, municipalityId: s.world.munA1 }
        : { regionId: s.world.regionA, organisationId: s.world.schoolA1 };

  async function saveSmall(title = 'Дорожная карта проверки'): Promise<ProgrammeDetail> {
    const res = await c.post('/api/programmes', {
      draft: smallDraft('region', title),
      owner: ownerFor('region'),
    });
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  describe.runIf(seedsPresent)('the five seeds', () => {
    for (const seed of seeds)
      it(`uploads seed ${seed.prefix} as TXT, previews and saves it with its counts`, async () => {
        const f = seedFile(seed.prefix);
        const res = await preview(c, f.name, f.bytes);
        expect(res.statusCode).toBe(200);
        const p: ImportPreview = res.json();
        expect(p).toMatchObject({ fileName: f.name, format: 'txt' });
        expect(p.summary).toMatchObject({ activities: seed.activities, sections: seed.sections });
        const done = await c.post('/api/programmes', {
          draft: p.draft,
          owner: ownerFor(p.draft.level),
          sourceName: f.name,
        });
        expect(done.statusCode).toBe(200);
        const detail: ProgrammeDetail = done.json();
        saved[seed.prefix] = detail;
        expect(activitiesOf(detail)).toHaveLength(seed.activities);
        expect(detail.sections.filter((x) => x.title !== '')).toHaveLength(seed.sections);
        expect(detail).toMatchObject({ activities: seed.activities, sourceName: f.name, status: 'draft', version: 1 });
        if ('indicators' in seed) expect(detail.indicators).toHaveLength(seed.indicators);
        if ('consultations' in seed) expect(detail.consultations).toHaveLength(seed.consultations);
        if ('workingGroup' in seed) expect(detail.workingGroup).toHaveLength(seed.workingGroup);
        if ('tutorPairs' in seed) expect(detail.tutorPairs).toHaveLength(seed.tutorPairs);
        if ('monitoringRounds' in seed) expect(detail.monitoringRounds).toHaveLength(seed.monitoringRounds);
        // Readings are the server's, the same as the preview's.
        expect(activitiesOf(detail).map((a) => a.deadline)).toEqual(
          p.draft.sections.flatMap((x) => x.activities.map((a) => a.deadline)),
        );
        const again = (await c.get(`/api/programmes/${detail.id}`)).json();
        expect(again).toEqual(detail);
      });

    it('keeps the seed 004 monitoring rounds with their thresholds', () => {
      expect(saved['004']?.monitoringRounds.map((r) => [r.date, r.minPercent, r.maxPercent])).toEqual([
        ['2023-06-30', 30, 40],
        ['2023-11-30', 80, 90],
      ]);
    });

    it('lists the saved seeds for the region', async () => {
      const list = (await c.get('/api/programmes?pageSize=100')).json();
      for (const seed of seeds) expect(list.items.map((x: { id: string }) => x.id)).toContain(saved[seed.prefix]?.id);
      const b = await s.as('region-b');
      expect((await b.get('/api/programmes?pageSize=100')).json().total).toBe(0);
    });

    it('exports seed 004 as DOCX and XLSX, and the DOCX reads back into the same activities', async () => {
      const p = saved['004']!;
      const docx = await c.get(`/api/programmes/${p.id}/export?format=docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(docx.headers['content-disposition']).toContain('attachment');
      expect(docx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      const xlsx = await c.get(`/api/programmes/${p.id}/export?format=xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
      const back = await preview(c, 'план-график.docx', docx.rawPayload);
      expect(back.statusCode).toBe(200);
      const read: ImportPreview = back.json();
      expect(read.format).toBe('docx');
      expect(read.draft.sections.flatMap((x) => x.activities.map((a) => [a.number, a.text, a.deadlineText]))).toEqual(
        activitiesOf(p).map((a) => [a.number, a.text, a.deadlineText]),
      );
    });
  });

  it("edits an activity's deadline and answers the new reading", async () => {
    const p = await saveSmall();
    const a = p.sections[0]!.activities[0]!;
    const res = await c.patch(`/api/activities/${a.id}`, { deadlineText: 'Август, Ноябрь 2022', version: a.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      deadlineText: 'Август, Ноябрь 2022',
      deadline: {
        kind: 'multiple',
        windows: [
          { start: '2022-08-01', end: '2022-08-31' },
          { start: '2022-11-01', end: '2022-11-30' },
        ],
      },
      version: a.version + 1,
    });
    const detail: ProgrammeDetail = (await c.get(`/api/programmes/${p.id}`)).json();
    expect(detail.sections[0]!.activities[0]!.deadline.kind).toBe('multiple');
  });

  it("answers the organisations and people an activity's responsible names, and re-links on edit", async () => {
    const p = await saveSmall();
    const a = p.sections[0]!.activities[0]!;
    expect(a.links).toEqual([]);
    const res = await c.patch(`/api/activities/${a.id}`, {
      responsible: 'Школа A1-1, Иванова А. П.; Школа B1-1',
      version: a.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().links).toEqual([
      { kind: 'organisation', id: s.world.schoolA1, label: 'Школа A1-1' },
      { kind: 'person', id: s.world.personA1, label: 'Иванова Анна Петровна' },
    ]);
    const detail: ProgrammeDetail = (await c.get(`/api/programmes/${p.id}`)).json();
    expect(detail.sections[0]!.activities[0]!.links.map((l) => l.id)).toEqual([s.world.schoolA1, s.world.personA1]);
  });

  it('answers 409 on a stale activity edit, naming the changed field', async () => {
    const p = await saveSmall();
    const a = p.sections[0]!.activities[1]!;
    const admin = await s.as('admin');
    const first = await admin.patch(`/api/activities/${a.id}`, {
      responsible: 'Управление образования',
      version: a.version,
    });
    expect(first.statusCode).toBe(200);
    const second = await c.patch(`/api/activities/${a.id}`, { text: 'Другой текст', version: a.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('conflict.stale');
    expect(second.json().error.message).toContain('«Ответственные»');
    expect(second.json().error.message).toContain('admin');
  });

  it('moves an activity to another section and reorders it', async () => {
    const p = await saveSmall();
    const [s1, s2] = p.sections;
    const a = s1!.activities[1]!;
    const moved = await c.patch(`/api/activities/${a.id}`, { sectionId: s2!.id, version: a.version });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ sectionId: s2!.id, position: 1 });
    const top = await c.patch(`/api/activities/${a.id}`, { position: 0, version: moved.json().version });
    expect(top.json()).toMatchObject({ position: 0 });
    const detail: ProgrammeDetail = (await c.get(`/api/programmes/${p.id}`)).json();
    expect(detail.sections.map((x) => x.activities.map((y) => `${y.number}@${y.position}`))).toEqual([
      ['1.1.@0'],
      ['1.2.@0', '2.1.@1'],
    ]);
  });

  it('adds, renames and deletes sections; refuses to delete one that has activities', async () => {
    const p = await saveSmall();
    const full = p.sections[0]!;
    const refused = await c.delete(`/api/sections/${full.id}?version=${full.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'conflict.in_use' });
    expect(refused.json().error.message).toMatch(/нельзя удалить.*Перенесите мероприятия/);
    const added = await c.post(`/api/programmes/${p.id}/sections`, { title: 'Итоги', number: '3.' });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ title: 'Итоги', position: 2, activities: [] });
    const renamed = await c.patch(`/api/sections/${added.json().id}`, { title: 'Итоги года', version: 1 });
    expect(renamed.json()).toMatchObject({ title: 'Итоги года', version: 2 });
    const gone = await c.delete(`/api/sections/${added.json().id}?version=2`);
    expect(gone.statusCode).toBe(204);
    const deleted = await c.delete(`/api/programmes/${p.id}?version=${p.version}`);
    expect(deleted.statusCode).toBe(204);
    expect((await c.get(`/api/programmes/${p.id}`)).statusCode).toBe(404);
  });

  it('stores HTML in an activity text as text', async () => {
    const p = await saveSmall();
    const text = '<img src=x onerror="alert(1)"><script>alert(2)</script> Семинар & «практикум»';
    const res = await c.post(`/api/programmes/${p.id}/activities`, {
      ...blankActivity,
      sectionId: p.sections[1]!.id,
      text,
      deadlineText: 'Ежегодно, сентябрь',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ text, position: 1, deadline: { kind: 'recurring' } });
    const detail: ProgrammeDetail = (await c.get(`/api/programmes/${p.id}`)).json();
    expect(detail.sections[1]!.activities[1]!.text).toBe(text);
  });

  it('changes the period and reads every deadline again', async () => {
    const p = await saveSmall();
    const res = await c.patch(`/api/programmes/${p.id}`, {
      period: { start: '2023-01-01', end: '2023-12-31' },
      periodText: '2023 год',
      version: p.version,
    });
    expect(res.statusCode).toBe(200);
    const detail: ProgrammeDetail = res.json();
    expect(detail.sections[0]!.activities[1]!.deadline.windows).toEqual([{ start: '2023-03-01', end: '2023-03-31' }]);
    expect(detail.warnings.some((x) => x.code === 'deadline.outside_period')).toBe(true);
  });

  it('refuses random bytes named .docx with 422 import.format, in Russian', async () => {
    const res = await preview(c, 'roadmap.docx', randomBytes(4096));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import.format');
    expect(res.json().error.message).toMatch(/[А-Яа-я]/);
    const empty = await preview(c, 'roadmap.txt', '');
    expect(empty.statusCode).toBe(422);
  });

  it('lets only those who write programmes preview a document', async () => {
    const observer = await s.as('observer-a');
    const res = await preview(observer, 'x.txt', 'Мероприятия\tСроки\nСеминар\tМарт 2022');
    expect(res.statusCode).toBe(403);
  });

  it('validates the save body with Russian messages', async () => {
    const draft = smallDraft('region', ' ');
    const res = await c.post('/api/programmes', { draft, owner: ownerFor('region') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems[0].message).toContain('Укажите');
  });
});
