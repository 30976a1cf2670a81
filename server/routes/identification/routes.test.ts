// Identification through the HTTP API on both engines: results import (all or nothing, every problem with
// its cell, a year replaced), a run of kuzbass-2021 with explanations, approval, scoped reading, exports,
// methodologies copied and edited as versions.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MethodologyView,
  ResultsImportReport,
  RunDetail,
  SchoolListDetail,
} from '../../../contract/identification.ts';
import type { ProgrammeDetail } from '../../../contract/programmes.ts';
import { engines } from '../../../test/engines.ts';
import { smallDraft } from '../../../test/programme-drafts.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../../../test/server.ts';

function upload(c: Client, kind: string, fileName: string, text: string | Uint8Array, commit: boolean) {
  const { body, headers } = multipart(fileName, text);
  return c.request('POST', `/api/results/import/${kind}?commit=${commit}`, body, headers);
}

// Region A of the test world: A1-1 and A1-2 in municipality A1, A2-1 in A2.
// A1-1: ВПР математика 5 — 4 of 10 in 2019 and 2021; ОГЭ математика — 3 of 10 and 5 of 10 → two procedures → 1.
// A1-2: ОГЭ русский язык — 5 of 10 in both years → one procedure → 2. A2-1: nothing low → not listed.
const vpr = [
  'year,school_code,subject,grade,participants,n2,n3,n4,n5',
  '2019,A1-1,математика,5,10,4,4,2,0',
  '2021,A1-1,математика,5,10,4,4,1,1',
  '2019,A2-1,математика,5,20,1,9,5,5',
  '2021,A2-1,математика,5,20,2,8,5,5',
].join('\n');
const gia = [
  'year,school_code,exam,subject,participants,below_min',
  '2019,A1-1,ОГЭ,математика,10,3',
  '2021,A1-1,ОГЭ,математика,10,5',
  '2019,A1-2,ОГЭ,русский язык,10,5',
  '2021,A1-2,ОГЭ,русский язык,10,5',
].join('\n');
// A1-1 2021: lowered 1 + raised 3 of 10 = 40 % > 15 %: objectivity gap.
const journal = [
  'year,school_code,subject,grade,participants,lowered,confirmed,raised',
  '2021,A1-1,математика,5,10,1,6,3',
].join('\n');

describe.each(engines)('identification API on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  beforeAll(async () => {
    s = await startTestServer(engine);
    region = await s.as('region-a');
  }, 60_000);
  afterAll(() => s?.close());

  it('checks a results file and reports every problem with its cell, saving nothing', async () => {
    const bad = [
      'year,school_code,subject,grade,participants,n2,n3,n4,n5',
      '2021,A1-1,математика,5,10,4,4,1,2', // sums to 11
      '2021,НЕТ-ТАКОЙ,математика,5,10,4,4,1,1', // unknown school
      '2021,B1-1,математика,5,10,4,4,1,1', // a school of region B is unknown in region A
    ].join('\n');
    const res = await upload(region, 'vpr', 'впр.csv', bad, true);
    expect(res.statusCode).toBe(422);
    const problems = res.json().error.problems as { row: number; cell?: string }[];
    expect(problems.map((p) => p.row)).toEqual([2, 3, 4]);
    expect(problems[1]?.cell).toBe('B3');
    const summary = (await region.get('/api/results/summary')).json();
    expect(summary.kinds.find((k: { kind: string }) => k.kind === 'vpr').years).toEqual([]);
  });

  it('loads the three files, and re-importing a year replaces it', async () => {
    const dry = (await upload(region, 'vpr', 'впр.csv', vpr, false)).json() as ResultsImportReport;
    expect(dry).toMatchObject({ committed: false, records: 4, years: [2019, 2021], problems: [] });
    for (const [kind, text] of [
      ['vpr', vpr],
      ['gia', gia],
      ['journal', journal],
    ] as const) {
      const res = await upload(region, kind, `${kind}.csv`, text, true);
      expect([kind, res.statusCode]).toEqual([kind, 200]);
    }
    const again = (await upload(region, 'gia', 'gia.csv', gia, true)).json() as ResultsImportReport;
    expect(again).toMatchObject({ committed: true, records: 4, replaced: 4 });
    const summary = (await region.get('/api/results/summary')).json();
    const giaYears = summary.kinds.find((k: { kind: string }) => k.kind === 'gia').years;
    expect(giaYears).toEqual([
      { year: 2019, rows: 2, schools: 2, participants: 20 },
      { year: 2021, rows: 2, schools: 2, participants: 20 },
    ]);
  });

  it('refuses the import to those who may not load results', async () => {
    for (const login of ['mun-a1', 'school-a1', 'observer-a']) {
      const c = await s.as(login);
      expect((await upload(c, 'vpr', 'v.csv', vpr, true)).statusCode).toBe(403);
    }
  });

  let run: RunDetail;
  it('runs kuzbass-2021 and explains every school', async () => {
    const res = await region.post('/api/identification/runs', { methodology: 'kuzbass-2021' });
    expect(res.statusCode).toBe(200);
    run = res.json();
    expect(run.year).toBe(2021);
    expect(run.schools.map((v) => [v.code, v.category])).toEqual([
      ['A1-1', 1],
      ['A1-2', 2],
      ['A2-1', null],
    ]);
    expect(run.totals).toMatchObject({ schools: 3, listed: 2, municipalities: 2, municipalitiesWithListed: 1 });
    const a11 = run.schools[0]!;
    expect(a11.objectivityGap).toBe(true);
    const detail = (await region.get(`/api/identification/runs/${run.id}/schools/${a11.organisationId}`)).json();
    expect(detail.reasons.map((r: { text: string }) => r.text)).toContain(
      'ОГЭ математика, 2021: не преодолели минимальный порог 5 из 10 участников — 50 % (порог: не менее 30 %).',
    );
    // ВПР математика 5 and ОГЭ математика in 2019 and 2021, all low; the other procedures have no data.
    expect(detail.evidence).toHaveLength(4);
    expect(detail.evidence.every((e: { low: boolean }) => e.low)).toBe(true);
  });

  it('exports the run as XLSX and DOCX', async () => {
    const xlsx = await region.get(`/api/identification/runs/${run.id}/export?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(1);
    const docx = await region.get(`/api/identification/runs/${run.id}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
  });

  let list: SchoolListDetail;
  it('approves the run as list № 1, once', async () => {
    const res = await region.post(`/api/identification/runs/${run.id}/approve`, {
      title: 'Перечень ШНОР 2022',
      orderNumber: '3872',
      orderDate: '2021-12-30',
    });
    expect(res.statusCode).toBe(200);
    list = res.json();
    expect(list).toMatchObject({ number: 1, schools: 2 });
    expect(list.members.map((m) => [m.code, m.category, m.repeated])).toEqual([
      ['A1-1', 1, false],
      ['A1-2', 2, false],
    ]);
    const twice = await region.post(`/api/identification/runs/${run.id}/approve`, { title: 'Ещё раз' });
    expect(twice.statusCode).toBe(409);
  });

  it('gives a programme of the region its target schools from the approved list', async () => {
    const saved = await region.post('/api/programmes', {
      draft: smallDraft('region', 'Дорожная карта для ШНОР'),
      owner: { regionId: s.world.regionA },
    });
    const programme = saved.json() as ProgrammeDetail;
    expect(programme.schoolList).toBeNull();
    const bound = await region.patch(`/api/programmes/${programme.id}`, {
      version: programme.version,
      schoolListId: list.id,
    });
    expect(bound.statusCode).toBe(200);
    expect(bound.json().schoolList).toMatchObject({ id: list.id, number: 1, schools: 2 });
    // A programme of region B cannot take region A's list.
    const admin = await s.as('admin');
    const other = (
      await admin.post('/api/programmes', { draft: smallDraft('region'), owner: { regionId: s.world.regionB } })
    ).json() as ProgrammeDetail;
    const refused = await admin.patch(`/api/programmes/${other.id}`, { version: other.version, schoolListId: list.id });
    expect(refused.statusCode).toBe(400);
  });

  it('marks repeated schools in the next run against the approved list', async () => {
    const next = (await region.post('/api/identification/runs', { methodology: 'kuzbass-2021' })).json() as RunDetail;
    expect(next.previousListNumber).toBe(1);
    expect(next.schools.filter((v) => v.inPreviousList).map((v) => v.code)).toEqual(['A1-1', 'A1-2']);
    expect(next.difference).toMatchObject({ added: [], removed: [], repeated: ['A1-1', 'A1-2'] });
  });

  it('shows each reader only the schools of its territory', async () => {
    const mun = await s.as('mun-a1');
    const seen = (await mun.get(`/api/school-lists/${list.id}`)).json() as SchoolListDetail;
    expect(seen.members.map((m) => m.code)).toEqual(['A1-1', 'A1-2']);
    const school = await s.as('school-a1');
    const own = (await school.get(`/api/school-lists/${list.id}`)).json() as SchoolListDetail;
    expect(own.members.map((m) => m.code)).toEqual(['A1-1']);
    // Runs and region-wide summaries are the region's working material.
    expect((await mun.get(`/api/identification/runs/${run.id}`)).statusCode).toBe(403);
    expect((await mun.get('/api/results/summary')).statusCode).toBe(403);
    const other = await s.as('region-b');
    expect((await other.get(`/api/school-lists/${list.id}`)).statusCode).toBe(403);
    expect((await other.get(`/api/identification/runs/${run.id}`)).statusCode).toBe(403);
    expect((await other.get('/api/school-lists')).json()).toEqual([]);
  });

  it('copies a preset, edits it as a new version and refuses a stale edit', async () => {
    const copy = await region.post('/api/methodologies', {
      from: 'kuzbass-2021',
      code: 'kuzbass-any',
      title: 'Кузбасс: в любом из лет',
    });
    expect(copy.statusCode).toBe(200);
    const m = copy.json() as MethodologyView;
    const definition = structuredClone(m.definition);
    for (const rule of definition.rules)
      for (const c of rule.conditions) if (c.kind === 'low-procedures') c.yearsMode = 'any';
    const edited = await region.patch(`/api/methodologies/${m.id}`, { version: 1, definition });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().version).toBe(2);
    const stale = await region.patch(`/api/methodologies/${m.id}`, { version: 1, title: 'Другое' });
    expect(stale.statusCode).toBe(409);
    const detail = (await region.get(`/api/methodologies/${m.id}`)).json();
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const invalid = structuredClone(definition);
    invalid.lowResult.vpr.percent = 130;
    expect((await region.patch(`/api/methodologies/${m.id}`, { version: 2, definition: invalid })).statusCode).toBe(
      400,
    );
    // The copy runs like a preset: «any year» lists A2-1? No — its shares are 5 % and 10 %; A1-2 stays 2.
    const res = (await region.post('/api/identification/runs', { methodology: m.id })).json() as RunDetail;
    expect(res.methodologyVersion).toBe(2);
    expect(res.schools.map((v) => [v.code, v.category])).toEqual([
      ['A1-1', 1],
      ['A1-2', 2],
      ['A2-1', null],
    ]);
    expect((await region.patch('/api/methodologies/kuzbass-2021', { version: 1, title: 'x' })).statusCode).toBe(400);
  });
});
