import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../../../test/engines.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../../../test/server.ts';

async function upload(c: Client, fileName: string, bytes: Uint8Array | string, commit: boolean) {
  const { body, headers } = multipart(fileName, bytes);
  return c.request('POST', `/api/organisations/import?commit=${commit}`, body, headers);
}

const header = 'code,name,short_name,type,municipality,region,urban';

/** n valid school rows of region A, municipality A2; `bad` replaces one row. */
function csv(n: number, bad?: { at: number; line: string }) {
  const lines = [header];
  for (let i = 1; i <= n; i++) {
    lines.push(bad && bad.at === i ? bad.line : `IMP-${i},Школа импорта ${i},Школа ${i},СОШ,Район А2,A,${i % 2}`);
  }
  return lines.join('\n');
}

describe.each(engines)('organisations API on $name', (engine) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(engine);
  });
  afterAll(() => s?.close());

  it('gives a school account 403 for another school, 200 for its own', async () => {
    const school = await s.as('school-a1');
    const own = await school.get(`/api/organisations/${s.world.schoolA1}`);
    expect(own.statusCode).toBe(200);
    for (const other of [s.world.schoolA1b, s.world.schoolA2, s.world.schoolB1]) {
      const res = await school.get(`/api/organisations/${other}`);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('access.denied');
    }
    const people = await school.get(`/api/people/${s.world.personB1}`);
    expect(people.statusCode).toBe(403);
    const patch = await school.patch(`/api/organisations/${s.world.schoolA1b}`, { address: 'x', version: 1 });
    expect(patch.statusCode).toBe(403);
  });

  it('lists only the actor territory, with paging', async () => {
    const mun = await s.as('mun-a1');
    const page = (await mun.get('/api/organisations?pageSize=1&page=2')).json();
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    const all = (await mun.get('/api/organisations?pageSize=100')).json();
    expect(all.items.every((o: { municipalityId: string }) => o.municipalityId === s.world.munA1)).toBe(true);
    const anon = await s.anonymous.get('/api/organisations');
    expect(anon.statusCode).toBe(401);
  });

  it('answers 409 with what changed when two users edit the same organisation', async () => {
    const a = await s.as('region-a');
    const b = await s.as('admin');
    const o = (await a.get(`/api/organisations/${s.world.schoolA2}`)).json();
    const first = await a.patch(`/api/organisations/${o.id}`, {
      shortName: 'Школа А2 (новое имя)',
      version: o.version,
    });
    expect(first.statusCode).toBe(200);
    const second = await b.patch(`/api/organisations/${o.id}`, { address: 'ул. Другая', version: o.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('conflict.stale');
    expect(second.json().error.message).toContain('«Краткое наименование»');
    const now = (await b.get(`/api/organisations/${o.id}`)).json();
    expect(now).toMatchObject({ shortName: 'Школа А2 (новое имя)', address: o.address, version: o.version + 1 });
  });

  it('lets exactly one of two simultaneous edits of the same version win', async () => {
    const a = await s.as('region-a');
    const b = await s.as('admin');
    const o = (await a.get(`/api/organisations/${s.world.iroA}`)).json();
    const results = await Promise.all([
      a.patch(`/api/organisations/${o.id}`, { address: 'адрес A', version: o.version }),
      b.patch(`/api/organisations/${o.id}`, { address: 'адрес B', version: o.version }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect((await a.get(`/api/organisations/${o.id}`)).json()).toMatchObject({
      address: winner.address,
      version: o.version + 1,
    });
  });

  it('changes only the fields a PATCH sends', async () => {
    const c = await s.as('admin');
    const o = (await c.get(`/api/organisations/${s.world.schoolB1}`)).json();
    const res = await c.patch(`/api/organisations/${o.id}`, { address: 'ул. Только адрес, 5', version: o.version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      ...o,
      address: 'ул. Только адрес, 5',
      version: o.version + 1,
      updatedAt: res.json().updatedAt,
    });
  });

  it('serves the import template as CSV and XLSX with the canonical columns', async () => {
    const c = await s.as('region-a');
    const csvRes = await c.get('/api/organisations/import-template?format=csv');
    expect(csvRes.statusCode).toBe(200);
    expect(csvRes.headers['content-disposition']).toContain('attachment');
    expect(csvRes.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(`${header},address`);
    const xlsxRes = await c.get('/api/organisations/import-template?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsxRes.rawPayload as unknown as ArrayBuffer);
    const first = wb.worksheets[0]!.getRow(1).values as unknown[];
    expect(first.slice(1)).toEqual([...header.split(','), 'address']);
  });

  it('reports the one bad row among a thousand with its row and column, and saves nothing', async () => {
    const c = await s.as('region-a');
    const file = csv(1000, { at: 537, line: 'IMP-537,Школа импорта 537,Школа 537,колледж,Район А2,A,1' });
    const before = (await c.get('/api/organisations?pageSize=1')).json().total;
    const dry = await upload(c, 'schools.csv', file, false);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ committed: false, rows: 1000, created: 0 });
    expect(dry.json().problems).toEqual([
      expect.objectContaining({
        row: 538,
        column: 'type',
        cell: 'D538',
        message: expect.stringContaining('«колледж» не распознан'),
      }),
    ]);
    const commit = await upload(c, 'schools.csv', file, true);
    expect(commit.statusCode).toBe(422);
    expect(commit.json().error.code).toBe('import.invalid');
    expect(commit.json().error.problems).toHaveLength(1);
    expect((await c.get('/api/organisations?pageSize=1')).json().total).toBe(before);
  });

  it('imports a thousand valid rows in one commit, audits them, and re-import changes nothing', async () => {
    const c = await s.as('region-a');
    const file = csv(1000);
    const dry = (await upload(c, 'schools.csv', file, false)).json();
    expect(dry).toMatchObject({ committed: false, created: 1000, updated: 0, problems: [] });
    const done = await upload(c, 'schools.csv', file, true);
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ committed: true, created: 1000 });
    const list = (await c.get('/api/organisations?q=IMP-&pageSize=1')).json();
    expect(list.total).toBe(1000);
    const audit = (await c.get('/api/audit?entity=organisation&pageSize=1')).json();
    expect(audit.items[0].action).toBe('import');
    expect(audit.items[0].summary).toContain('создано 1000');
    const again = (await upload(c, 'schools.csv', file, true)).json();
    expect(again).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 1000 });
  });

  it('does not let a municipal coordinator import schools of another municipality', async () => {
    const mun = await s.as('mun-a1');
    const res = (await upload(mun, 'x.csv', `${header}\nMUN-1,Школа,Школа,СОШ,Район А2,A,1`, false)).json();
    expect(res.problems[0]).toMatchObject({ row: 2, column: 'municipality' });
  });

  it('answers a clear 422 for a file that is not a table', async () => {
    const c = await s.as('region-a');
    const res = await upload(c, 'schools.xlsx', new Uint8Array([1, 2, 3, 4, 5]), false);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('import.format');
    expect(res.json().error.message).toMatch(/[А-Яа-я]/);
  });

  it('reads an XLSX file made by Excel-like tools', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(['Код', 'Наименование', 'Краткое наименование', 'Тип', 'Муниципалитет', 'Регион', 'Городская']);
    ws.addRow(['X-1', 'Гимназия Икс', 'Гимназия Х', 'гимназия', 'Город А1', 'Область А', 1]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const c = await s.as('region-a');
    const res = (await upload(c, 'x.xlsx', bytes, true)).json();
    expect(res).toMatchObject({ committed: true, created: 1, problems: [] });
  });
});
