// The access matrix: every API route must be declared here with who may call it, and for records the
// declared table of which role may read or change a record of each relation to its own territory is
// checked through the real HTTP API. A new route without an entry fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteEngine } from '../test/engines.ts';
import { type Client, startTestServer, type TestServer } from '../test/server.ts';
import type { World } from '../test/world.ts';

/** How each route is guarded: public, any signed-in user, or by a permission checked in the services. */
const routeAccess: Record<string, 'public' | 'session' | 'permission'> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/accept-invite': 'public',
  'POST /api/auth/reset-password': 'public',
  'POST /api/auth/logout': 'public',
  'GET /api/auth/me': 'session',
  'POST /api/auth/password': 'session',
  'GET /api/territories/tree': 'permission',
  'POST /api/regions': 'permission',
  'PATCH /api/regions/:id': 'permission',
  'GET /api/municipalities': 'permission',
  'POST /api/municipalities': 'permission',
  'PATCH /api/municipalities/:id': 'permission',
  'GET /api/organisations': 'permission',
  'GET /api/organisations/import-template': 'session',
  'POST /api/organisations/import': 'permission',
  'GET /api/organisations/:id': 'permission',
  'POST /api/organisations': 'permission',
  'PATCH /api/organisations/:id': 'permission',
  'DELETE /api/organisations/:id': 'permission',
  'GET /api/people': 'permission',
  'GET /api/people/:id': 'permission',
  'POST /api/people': 'permission',
  'PATCH /api/people/:id': 'permission',
  'DELETE /api/people/:id': 'permission',
  'GET /api/users': 'permission',
  'POST /api/users': 'permission',
  'PATCH /api/users/:id': 'permission',
  'POST /api/users/:id/reset-link': 'permission',
  'GET /api/audit': 'permission',
  'GET /api/audit/export': 'permission',
};

type Login = 'admin' | 'region-a' | 'mun-a1' | 'school-a1' | 'curator-a' | 'observer-a';
const logins: Login[] = ['admin', 'region-a', 'mun-a1', 'school-a1', 'curator-a', 'observer-a'];

// Targets by their relation to the actors of region A (see test/world.ts).
type Target = 'ownSchool' | 'siblingSchool' | 'otherMunicipalitySchool' | 'regionalOrganisation' | 'otherRegionSchool';
const targets: Record<Target, (w: World) => string> = {
  ownSchool: (w) => w.schoolA1,
  siblingSchool: (w) => w.schoolA1b,
  otherMunicipalitySchool: (w) => w.schoolA2,
  regionalOrganisation: (w) => w.iroA,
  otherRegionSchool: (w) => w.schoolB1,
};
const inRegionA: Target[] = ['ownSchool', 'siblingSchool', 'otherMunicipalitySchool', 'regionalOrganisation'];
const all: Target[] = [...inRegionA, 'otherRegionSchool'];

/** Declared policy: which targets each role may read and change. Everything else must be refused. */
const readOrganisation: Record<Login, Target[]> = {
  admin: all,
  'region-a': inRegionA,
  'mun-a1': ['ownSchool', 'siblingSchool'],
  'school-a1': ['ownSchool'],
  'curator-a': ['regionalOrganisation'],
  'observer-a': inRegionA,
};
const writeOrganisation: Record<Login, Target[]> = {
  admin: all,
  'region-a': inRegionA,
  'mun-a1': ['ownSchool', 'siblingSchool'],
  'school-a1': [],
  'curator-a': [],
  'observer-a': [],
};
const createPersonAt: Record<Login, Target[]> = {
  admin: all,
  'region-a': inRegionA,
  'mun-a1': ['ownSchool', 'siblingSchool'],
  'school-a1': ['ownSchool'],
  'curator-a': ['regionalOrganisation'],
  'observer-a': [],
};

describe('access matrix', () => {
  let s: TestServer;
  const clients = {} as Record<Login, Client>;
  const registered: string[] = [];

  beforeAll(async () => {
    s = await startTestServer(pgliteEngine);
    for (const l of logins) clients[l] = await s.as(l);
    // Fastify keeps its routes in a radix tree; the OpenAPI document lists every route with a schema.
    const doc = (await s.anonymous.get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
    for (const [p, methods] of Object.entries(doc.paths))
      for (const m of Object.keys(methods)) registered.push(`${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`);
  }, 60_000);
  afterAll(() => s?.close());

  it('declares every API route', () => {
    expect(registered.length).toBeGreaterThan(20);
    const undeclared = registered.filter((r) => !(r in routeAccess));
    expect(undeclared).toEqual([]);
    const stale = Object.keys(routeAccess).filter((r) => !registered.includes(r));
    expect(stale).toEqual([]);
  });

  it('refuses every non-public route to an anonymous caller with 401', async () => {
    for (const [route, access] of Object.entries(routeAccess)) {
      if (access === 'public') continue;
      const [method, url] = route.split(' ') as [string, string];
      const res = await s.anonymous.request(
        method,
        url.replace(':id', s.world.schoolA1),
        method === 'GET' ? undefined : {},
      );
      expect([route, res.statusCode]).toEqual([route, 401]);
    }
  });

  for (const login of logins) {
    for (const target of all) {
      const canRead = readOrganisation[login].includes(target);
      it(`${login} ${canRead ? 'reads' : 'may not read'} ${target}`, async () => {
        const res = await clients[login].get(`/api/organisations/${targets[target](s.world)}`);
        if (res.statusCode !== (canRead ? 200 : 403)) expect(res.statusCode).toBe(canRead ? 200 : 403);
        const list = (await clients[login].get('/api/organisations?pageSize=500')).json() as {
          items: { id: string }[];
        };
        expect(list.items.some((o) => o.id === targets[target](s.world))).toBe(canRead);
      });

      const canWrite = writeOrganisation[login].includes(target);
      it(`${login} ${canWrite ? 'changes' : 'may not change'} ${target}`, async () => {
        const id = targets[target](s.world);
        const current = (await clients.admin.get(`/api/organisations/${id}`)).json() as { version: number };
        const res = await clients[login].patch(`/api/organisations/${id}`, {
          address: `адрес от ${login}`,
          version: current.version,
        });
        expect(res.statusCode).toBe(canWrite ? 200 : 403);
      });

      const canAddPerson = createPersonAt[login].includes(target);
      it(`${login} ${canAddPerson ? 'adds' : 'may not add'} a person at ${target}`, async () => {
        const organisationId = targets[target](s.world);
        const org = (await clients.admin.get(`/api/organisations/${organisationId}`)).json() as { regionId: string };
        const res = await clients[login].post('/api/people', {
          regionId: org.regionId,
          organisationId,
          fullName: `Сотрудник от ${login}`,
        });
        expect(res.statusCode).toBe(canAddPerson ? 200 : 403);
      });
    }
  }

  it('lets only the administrator manage accounts; the regional coordinator reads its region', async () => {
    for (const login of logins) {
      const res = await clients[login].post('/api/users', {
        login: `u-${login}`,
        fullName: 'Проба',
        role: 'observer',
        regionId: s.world.regionA,
        password: 'long-enough-1',
      });
      expect([login, res.statusCode]).toEqual([login, login === 'admin' ? 200 : 403]);
      const list = await clients[login].get('/api/users?pageSize=500');
      expect([login, list.statusCode]).toEqual([login, login === 'admin' || login === 'region-a' ? 200 : 403]);
    }
    const regional = (await clients['region-a'].get('/api/users?pageSize=500')).json() as {
      items: { regionId: string | null }[];
    };
    expect(regional.items.every((u) => u.regionId === s.world.regionA)).toBe(true);
  });

  it('lets only the administrator create regions, and coordinators change only their region', async () => {
    for (const login of logins) {
      const res = await clients[login].post('/api/regions', {
        code: `R-${login}`,
        name: 'Регион',
        shortName: 'Регион',
        timezone: 'Europe/Moscow',
      });
      expect([login, res.statusCode]).toEqual([login, login === 'admin' ? 200 : 403]);
    }
    const own = await clients['region-a'].patch(`/api/regions/${s.world.regionA}`, { shortName: 'Обл. А', version: 1 });
    expect(own.statusCode).toBe(200);
    const other = await clients['region-a'].patch(`/api/regions/${s.world.regionB}`, {
      shortName: 'Чужой',
      version: 1,
    });
    expect(other.statusCode).toBe(403);
    const mun = await clients['mun-a1'].patch(`/api/municipalities/${s.world.munA1}`, { name: 'Новое', version: 1 });
    expect(mun.statusCode).toBe(403);
  });
});
