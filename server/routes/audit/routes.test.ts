import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteEngine } from '../../../test/engines.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';

describe('audit API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(pgliteEngine);
    const a = await s.as('region-a');
    const b = await s.as('region-b');
    await a.post('/api/people', { regionId: s.world.regionA, fullName: 'Сотрудник А', position: 'Учитель' });
    await b.post('/api/people', { regionId: s.world.regionB, fullName: 'Сотрудник Б', position: 'Учитель' });
  });
  afterAll(() => s?.close());

  it('records who, when, what, before → after for every change', async () => {
    const a = await s.as('region-a');
    const p = (
      await a.post('/api/people', { regionId: s.world.regionA, fullName: 'Сидоров С. С.', position: 'Учитель' })
    ).json();
    await a.patch(`/api/people/${p.id}`, { position: 'Заместитель директора', version: p.version });
    const log = (await a.get(`/api/audit?entity=person&pageSize=5`)).json();
    const update = log.items.find(
      (e: { action: string; entityId: string }) => e.action === 'update' && e.entityId === p.id,
    );
    expect(update).toMatchObject({ actorLogin: 'region-a', regionId: s.world.regionA });
    expect(update.before.position).toBe('Учитель');
    expect(update.after.position).toBe('Заместитель директора');
    expect(new Date(update.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('shows a regional coordinator only its region, the administrator everything', async () => {
    const a = await s.as('region-a');
    const items = (await a.get('/api/audit?pageSize=500')).json().items as { regionId: string | null }[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.regionId === s.world.regionA)).toBe(true);
    const admin = await s.as('admin');
    const all = (await admin.get('/api/audit?pageSize=500')).json().items as { regionId: string | null }[];
    expect(new Set(all.map((e) => e.regionId))).toEqual(new Set([s.world.regionA, s.world.regionB, null]));
  });

  it('refuses the audit to municipal, school, curator and observer accounts', async () => {
    for (const login of ['mun-a1', 'school-a1', 'curator-a', 'observer-a']) {
      const c = await s.as(login);
      expect((await c.get('/api/audit')).statusCode).toBe(403);
      expect((await c.get('/api/audit/export?format=csv')).statusCode).toBe(403);
    }
  });

  it('exports the filtered log as CSV and XLSX', async () => {
    const a = await s.as('region-a');
    const csv = await a.get('/api/audit/export?format=csv&entity=person');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain('Пользователь');
    expect(lines.length).toBeGreaterThan(1);
    expect(csv.body).not.toContain('Сотрудник Б');
    const xlsx = await a.get('/api/audit/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('filters by dates written as ДД.ММ.ГГГГ', async () => {
    const a = await s.as('region-a');
    const future = (await a.get('/api/audit?from=01.01.2999')).json();
    expect(future.total).toBe(0);
    const bad = await a.get('/api/audit?from=32.13.2020');
    expect(bad.statusCode).toBe(400);
  });
});
