// The access matrix: every API route must be declared here with who may call it, and for records the
// declared table of which role may read or change a record of each relation to its own territory is
// checked through the real HTTP API. A new route without an entry fails the first test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeDetail } from '../contract/programmes.ts';
import { engines } from '../test/engines.ts';
import { smallDraft } from '../test/programme-drafts.ts';
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
  'GET /api/partnerships': 'permission',
  'POST /api/partnerships': 'permission',
  'PATCH /api/partnerships/:id': 'permission',
  'DELETE /api/partnerships/:id': 'permission',
  'POST /api/partnerships/:id/file': 'permission',
  'DELETE /api/partnerships/:id/file': 'permission',
  'GET /api/partnerships/:id/file': 'permission',
  'GET /api/curator-assignments': 'permission',
  'GET /api/regions/:id/curators': 'permission',
  'POST /api/curator-assignments': 'permission',
  'DELETE /api/curator-assignments/:userId/:organisationId': 'permission',
  'GET /api/groups': 'permission',
  'GET /api/groups/:id': 'permission',
  'POST /api/groups': 'permission',
  'PATCH /api/groups/:id': 'permission',
  'DELETE /api/groups/:id': 'permission',
  'POST /api/groups/:id/members': 'permission',
  'DELETE /api/groups/:id/members/:memberId': 'permission',
  'GET /api/organisations/:id/network': 'permission',
  'GET /api/events': 'permission',
  'GET /api/events/:id': 'permission',
  'POST /api/events': 'permission',
  'PATCH /api/events/:id': 'permission',
  'DELETE /api/events/:id': 'permission',
  'GET /api/events/:id/participants': 'permission',
  'PUT /api/events/:id/attendance': 'permission',
  'POST /api/events/:id/registrations': 'permission',
  'POST /api/activities/:id/events': 'permission',
  'GET /api/diagnosis/models': 'permission',
  'GET /api/regions/:id/diagnosis-models': 'permission',
  'POST /api/diagnosis-models': 'permission',
  'PATCH /api/regions/:id/diagnosis-models/:code': 'permission',
  'GET /api/diagnosis/campaigns': 'permission',
  'POST /api/diagnosis/campaigns': 'permission',
  'GET /api/diagnosis/campaigns/:id': 'permission',
  'GET /api/diagnosis/campaigns/:id/heat-map': 'permission',
  'GET /api/organisations/:id/risk-profile': 'permission',
  'GET /api/organisations/:id/risk-history': 'permission',
  'GET /api/organisations/:id/forms': 'permission',
  'PUT /api/organisations/:id/forms/:kind/:period': 'permission',
  'POST /api/forms/:id/review': 'permission',
  'GET /api/regions/:id/risk-measures': 'permission',
  'POST /api/risk-measures': 'permission',
  'PATCH /api/risk-measures/:id': 'permission',
  'DELETE /api/risk-measures/:id': 'permission',
  'GET /api/organisations/:id/anti-risk': 'permission',
  'POST /api/organisations/:id/anti-risk': 'permission',
  'GET /api/survey/:code': 'public',
  'PUT /api/survey/:code/answers': 'public',
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
  'POST /api/programmes/import/preview': 'permission',
  'POST /api/programmes': 'permission',
  'GET /api/programmes': 'permission',
  'GET /api/programmes/:id': 'permission',
  'PATCH /api/programmes/:id': 'permission',
  'DELETE /api/programmes/:id': 'permission',
  'GET /api/programmes/:id/export': 'permission',
  'POST /api/programmes/:id/sections': 'permission',
  'PATCH /api/sections/:id': 'permission',
  'DELETE /api/sections/:id': 'permission',
  'POST /api/programmes/:id/activities': 'permission',
  'PATCH /api/activities/:id': 'permission',
  'DELETE /api/activities/:id': 'permission',
  'GET /api/results/summary': 'permission',
  'GET /api/results/template/:kind': 'session',
  'POST /api/results/import/:kind': 'permission',
  'GET /api/methodologies': 'permission',
  'GET /api/methodologies/:ref': 'permission',
  'POST /api/methodologies': 'permission',
  'PATCH /api/methodologies/:id': 'permission',
  'POST /api/identification/runs': 'permission',
  'GET /api/identification/runs': 'permission',
  'GET /api/identification/runs/:id': 'permission',
  'GET /api/identification/runs/:id/schools/:organisationId': 'permission',
  'GET /api/identification/runs/:id/export': 'permission',
  'POST /api/identification/runs/:id/approve': 'permission',
  'GET /api/school-lists': 'permission',
  'GET /api/school-lists/:id': 'permission',
  'GET /api/school-lists/:id/export': 'permission',
  'GET /api/programmes/:id/execution': 'permission',
  'GET /api/executions/:id': 'permission',
  'POST /api/executions/:id/report': 'permission',
  'POST /api/executions/:id/evidence': 'permission',
  'POST /api/executions/:id/evidence/link': 'permission',
  'DELETE /api/evidence/:id': 'permission',
  'GET /api/evidence/:id/file': 'permission',
  'GET /api/executions/:id/comments': 'permission',
  'POST /api/executions/:id/comments': 'permission',
  'GET /api/executions/:id/history': 'permission',
  'PUT /api/activities/:id/targets': 'permission',
  'POST /api/activities/:id/cascade': 'permission',
  'GET /api/programmes/:id/approval': 'permission',
  'POST /api/programmes/:id/approval': 'permission',
  'GET /api/programmes/:id/indicators': 'permission',
  'PUT /api/programmes/:id/indicators/:key/values': 'permission',
  'PUT /api/programmes/:id/indicators/:key/settings': 'permission',
  'GET /api/programmes/:id/rounds': 'permission',
  'POST /api/programmes/:id/rounds': 'permission',
  'GET /api/rounds/:id': 'permission',
  'PATCH /api/rounds/:id': 'permission',
  'DELETE /api/rounds/:id': 'permission',
  'POST /api/rounds/:id/freeze': 'permission',
  'PUT /api/rounds/:id/engagement': 'permission',
  'GET /api/rounds/:id/report.docx': 'permission',
  'GET /api/rounds/:id/report.xlsx': 'permission',
  'GET /api/programmes/:id/dashboard': 'permission',
  'GET /api/dashboard': 'permission',
  'GET /api/notifications': 'session',
  'POST /api/notifications/:id/read': 'session',
  'POST /api/notifications/read-all': 'session',
  'GET /api/calendar': 'permission',
  'GET /api/programmes/:id/calendar.ics': 'permission',
  'POST /api/calendar/feed': 'permission',
  'GET /api/calendar/feed/:token': 'public',
  'GET /api/people/:id/development': 'permission',
  'GET /api/organisations/:id/staff': 'permission',
  'POST /api/people/:id/courses': 'permission',
  'PATCH /api/courses/:id': 'permission',
  'DELETE /api/courses/:id': 'permission',
  'POST /api/courses/:id/certificate': 'permission',
  'DELETE /api/courses/:id/certificate': 'permission',
  'GET /api/courses/:id/certificate': 'permission',
  'POST /api/people/:id/deficits': 'permission',
  'PATCH /api/deficits/:id': 'permission',
  'DELETE /api/deficits/:id': 'permission',
  'POST /api/people/:id/plans': 'permission',
  'PATCH /api/plans/:id': 'permission',
  'DELETE /api/plans/:id': 'permission',
  'GET /api/public/programmes/:id': 'public',
  'GET /public/programmes/:id': 'public',
  'GET /public/programmes/:id/widget': 'public',
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

// Programmes by their owner's relation to the actors of region A. A programme's place is its owner's territory.
type ProgrammeTarget =
  | 'ownRegion'
  | 'otherRegion'
  | 'ownMunicipality'
  | 'siblingMunicipality'
  | 'ownSchool'
  | 'otherSchool'
  | 'otherRegionSchool';
const programmeOwners: Record<
  ProgrammeTarget,
  (w: World) => { level: 'region' | 'municipality' | 'school'; owner: Record<string, string> }
> = {
  ownRegion: (w) => ({ level: 'region', owner: { regionId: w.regionA } }),
  otherRegion: (w) => ({ level: 'region', owner: { regionId: w.regionB } }),
  ownMunicipality: (w) => ({ level: 'municipality', owner: { regionId: w.regionA, municipalityId: w.munA1 } }),
  siblingMunicipality: (w) => ({ level: 'municipality', owner: { regionId: w.regionA, municipalityId: w.munA2 } }),
  ownSchool: (w) => ({ level: 'school', owner: { regionId: w.regionA, organisationId: w.schoolA1 } }),
  otherSchool: (w) => ({ level: 'school', owner: { regionId: w.regionA, organisationId: w.schoolA1b } }),
  otherRegionSchool: (w) => ({ level: 'school', owner: { regionId: w.regionB, organisationId: w.schoolB1 } }),
};
const programmeTargets = Object.keys(programmeOwners) as ProgrammeTarget[];
const programmesInA: ProgrammeTarget[] = [
  'ownRegion',
  'ownMunicipality',
  'siblingMunicipality',
  'ownSchool',
  'otherSchool',
];
const readProgramme: Record<Login, ProgrammeTarget[]> = {
  admin: programmeTargets,
  'region-a': programmesInA,
  'mun-a1': ['ownMunicipality', 'ownSchool', 'otherSchool'],
  'school-a1': ['ownSchool'],
  'curator-a': [],
  'observer-a': programmesInA,
};
const writeProgramme: Record<Login, ProgrammeTarget[]> = {
  admin: programmeTargets,
  'region-a': programmesInA,
  'mun-a1': ['ownMunicipality', 'ownSchool', 'otherSchool'],
  'school-a1': ['ownSchool'],
  'curator-a': [],
  'observer-a': [],
};

describe.each(engines)('access matrix on $name', (engine) => {
  let s: TestServer;
  const clients = {} as Record<Login, Client>;
  const registered: string[] = [];
  const programmes = {} as Record<ProgrammeTarget, ProgrammeDetail>;

  beforeAll(async () => {
    s = await startTestServer(engine);
    for (const l of logins) clients[l] = await s.as(l);
    for (const t of programmeTargets) {
      const { level, owner } = programmeOwners[t](s.world);
      const res = await clients.admin.post('/api/programmes', { draft: smallDraft(level, `Программа ${t}`), owner });
      if (res.statusCode !== 200) throw new Error(`programme ${t}: ${res.statusCode} ${res.body}`);
      programmes[t] = res.json();
    }
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

  for (const login of logins) {
    for (const target of programmeTargets) {
      const canRead = readProgramme[login].includes(target);
      it(`${login} ${canRead ? 'reads' : 'may not read'} the programme of ${target}`, async () => {
        const id = programmes[target].id;
        const res = await clients[login].get(`/api/programmes/${id}`);
        expect(res.statusCode).toBe(canRead ? 200 : 403);
        const list = (await clients[login].get('/api/programmes?pageSize=500')).json() as { items: { id: string }[] };
        expect(list.items.some((p) => p.id === id)).toBe(canRead);
      });

      const canWrite = writeProgramme[login].includes(target);
      it(`${login} ${canWrite ? 'changes' : 'may not change'} the programme of ${target} and its parts`, async () => {
        const id = programmes[target].id;
        const current = (await clients.admin.get(`/api/programmes/${id}`)).json() as ProgrammeDetail;
        const res = await clients[login].patch(`/api/programmes/${id}`, {
          title: `Программа ${target} от ${login}`,
          version: current.version,
        });
        expect(res.statusCode).toBe(canWrite ? 200 : 403);
        const a = current.sections[0]!.activities[0]!;
        const activity = await clients[login].patch(`/api/activities/${a.id}`, {
          responsible: `от ${login}`,
          version: a.version,
        });
        expect(activity.statusCode).toBe(canWrite ? 200 : 403);
        const section = await clients[login].post(`/api/programmes/${id}/sections`, { title: `Раздел от ${login}` });
        expect(section.statusCode).toBe(canWrite ? 200 : 403);
      });

      it(`${login} ${canWrite ? 'saves' : 'may not save'} a new programme for ${target}`, async () => {
        const { level, owner } = programmeOwners[target](s.world);
        const res = await clients[login].post('/api/programmes', { draft: smallDraft(level), owner });
        expect(res.statusCode).toBe(canWrite ? 200 : 403);
      });
    }
  }

  it('exports a programme only to those who read it', async () => {
    const own = await clients['school-a1'].get(`/api/programmes/${programmes.ownSchool.id}/export?format=xlsx`);
    expect(own.statusCode).toBe(200);
    const other = await clients['school-a1'].get(`/api/programmes/${programmes.otherSchool.id}/export?format=xlsx`);
    expect(other.statusCode).toBe(403);
    const region = await clients['mun-a1'].get(`/api/programmes/${programmes.ownRegion.id}/export?format=docx`);
    expect(region.statusCode).toBe(403);
  });

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
