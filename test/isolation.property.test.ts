// Tenant isolation, as properties (fast-check): records of every kind sit at every territory of two regions
// (test/territory-records.ts, every text marked with its place). Random users of both regions read random
// lists, searches, cards, exports (CSV, XLSX, DOCX), reports, calendars and files with random filters, search
// strings and pages, and nothing from outside their territory may appear: no marker of another region, no id
// of another region's record, no name of another region's territories — and, inside the region, no person's
// data the user may not read and no executor's report (evidence, files, comments) of a unit the user does not
// see. Random writes (PATCH, PUT, POST, DELETE) on records outside the writer's territory are refused with
// 403 or 404 and leave the record as it was. No answer is a 500.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listZipEntries, readZipEntry } from '../adapters/zip/zip-archive.ts';
import { type Actor, can, scopeContains, scopeOf } from '../domain/roles.ts';
import { engines } from './engines.ts';
import { type Client, startTestServer, type TestServer } from './server.ts';
import {
  buildTerritoryRecords,
  type Marker,
  markersIn,
  type PlaceKey,
  recordsNow,
  regionOfPlace,
  type TerritoryRecords,
  worldNames,
} from './territory-records.ts';

type Login = 'region-a' | 'region-b' | 'mun-a1' | 'school-a1' | 'curator-a' | 'observer-a';
const logins: Login[] = ['region-a', 'region-b', 'mun-a1', 'school-a1', 'curator-a', 'observer-a'];

/**
 * Runs per property (each drawn read is made by all six users; a write by one), and the time each property
 * may take at most (fast-check stops drawing after it). OPORA_ISOLATION_RUNS raises them for a longer search.
 */
const numRuns = Number(process.env.OPORA_ISOLATION_RUNS ?? 30);
const writeRuns = Number(process.env.OPORA_ISOLATION_RUNS ?? 50);
const timeLimitMs = Number(process.env.OPORA_ISOLATION_MS ?? 9_000);
const testMs = timeLimitMs + 11_000;

// ——— reading a response as text: JSON, CSV and iCalendar as they are, XLSX and DOCX through their XML parts

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeXml = (s: string) =>
  s
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x?[0-9a-fA-F]+|\w+);/g, (m, e: string) =>
      e.startsWith('#x')
        ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
        : e.startsWith('#')
          ? String.fromCodePoint(Number(e.slice(1)))
          : (entities[e] ?? m),
    );

function zipText(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (const entry of listZipEntries(bytes))
    if (/\.(xml|rels)$/i.test(entry.name)) parts.push(decodeXml(new TextDecoder().decode(readZipEntry(bytes, entry))));
  return parts.join('\n');
}

function textOf(res: LightMyRequestResponse): string {
  const bytes = res.rawPayload;
  const zip = bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  // iCalendar folds long lines (RFC 5545 §3.1): unfolded before searching.
  const body = zip ? zipText(bytes) : bytes.toString('utf8').replace(/\r?\n[ \t]/g, '');
  let name = String(res.headers['content-disposition'] ?? '');
  try {
    name = decodeURIComponent(name);
  } catch {}
  return `${name}\n${body}`;
}

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

describe.each(engines)('tenant isolation (fast-check) on $name', (engine) => {
  let s: TestServer;
  let r: TerritoryRecords;
  let admin: Client;
  const clients = {} as Record<Login, Client>;
  const actors = {} as Record<Login, Actor>;
  const feeds = {} as Record<Login, string>;
  const regionOf = (login: Login): 'A' | 'B' => (login === 'region-b' ? 'B' : 'A');

  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => recordsNow });
    admin = await s.as('admin');
    r = await buildTerritoryRecords(s, admin);
    for (const l of logins) {
      clients[l] = await s.as(l);
      const res = await clients[l].post('/api/calendar/feed');
      if (res.statusCode !== 200) throw new Error(`feed of ${l}: ${res.statusCode} ${res.body}`);
      feeds[l] = res.json().url;
    }
    const w = s.world.actors;
    Object.assign(actors, {
      'region-a': w.regional_coordinator,
      'region-b': w.regional_coordinator_b,
      'mun-a1': w.municipal_coordinator,
      'school-a1': w.school,
      'curator-a': { ...w.curator, assignedOrganisationIds: [s.world.schoolA1] },
      'observer-a': w.observer,
    });
  }, 60_000);
  afterAll(() => s?.close());

  /** May the user see what a marker marks? Its region; inside it, a person's data and an executor's reports by scope. */
  function mayRead(login: Login, m: Marker, url: string): boolean {
    if (regionOfPlace(m.place) !== regionOf(login)) return false;
    const actor = actors[login];
    const place = r.places[m.place];
    if (m.kind === 'person') return can(actor, 'person.read', place) || organises(login, url);
    if (m.kind === 'unit') {
      // Units belong to the regional roadmaps: their owner sees every unit, others the units in their scope.
      const roadmap = r.places[regionOf(login) === 'A' ? 'regionA' : 'regionB'];
      return can(actor, 'programme.read', roadmap) || scopeContains(scopeOf(actor), place);
    }
    return true;
  }

  /**
   * The organiser of an event sees everyone in its audience, whoever they may otherwise read: a curator's
   * seminar at its regional institute is for every school of the region (services/events.ts, participantsOf).
   */
  function organises(login: Login, url: string): boolean {
    const event = /^\/api\/events\/([0-9a-f-]{36})\/participants$/.exec(url)?.[1];
    const place = event ? r.placeOfId.get(event) : undefined;
    return place !== undefined && can(actors[login], 'event.write', r.places[place]);
  }

  /** What the answer to a request shows from outside the user's territory. */
  function leaks(login: Login, text: string, url = ''): string[] {
    const found = new Set<string>();
    for (const m of markersIn(text)) if (!mayRead(login, m, url)) found.add(`${m.text} (${m.kind} of ${m.place})`);
    for (const name of worldNames[regionOf(login) === 'A' ? 'B' : 'A']) if (text.includes(name)) found.add(name);
    for (const id of text.match(uuid) ?? []) {
      const place = r.placeOfId.get(id.toLowerCase());
      if (place && regionOfPlace(place) !== regionOf(login)) found.add(`id ${id} (${place})`);
    }
    return [...found];
  }

  // ——— what is drawn

  interface Draw {
    endpoint: number;
    q: string;
    page: number;
    size: number;
    pick: number;
    filter: number;
    value: number;
    format: number;
  }
  const searches = [
    '',
    'Школа',
    'zq',
    'zqSB1',
    'zqRA',
    'zp',
    'zu',
    'B1-1',
    'A1-1',
    'Край',
    'Учитель',
    '%',
    '_',
    "'",
    'x1',
  ];
  const draw = fc.record({
    endpoint: fc.nat(),
    q: fc.oneof(fc.constantFrom(...searches), fc.string({ maxLength: 12 })),
    page: fc.integer({ min: 1, max: 3 }),
    size: fc.constantFrom(1, 2, 5, 50, 500),
    pick: fc.nat(),
    filter: fc.integer({ min: -1, max: 5 }),
    value: fc.nat(),
    format: fc.nat(1),
  });
  const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;
  const ids = (byPlace: Partial<Record<PlaceKey, string>>) => Object.values(byPlace).filter(Boolean) as string[];

  /** Filters a list accepts, with values from both regions. */
  const filterValues = (): Record<string, string[]> => ({
    regionId: [s.world.regionA, s.world.regionB],
    municipalityId: [s.world.munA1, s.world.munA2, s.world.munB1],
    organisationId: Object.values(r.places).flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
    programmeId: ids(r.programmes),
    userId: [s.world.actors.curator.userId, s.world.actors.regional_coordinator_b.userId],
    entity: ['person', 'event', 'school_partnership', 'activity_execution', 'course_completion', 'programme'],
    actor: ['admin', 'region-b', 'region-a'],
    kind: ['school', 'support'],
  });
  const listUrl = (path: string, filters: string[], d: Draw, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams({ ...extra, q: d.q, page: String(d.page), pageSize: String(d.size) });
    if (d.filter >= 0 && filters.length > 0) {
      const name = pick(filters, d.filter);
      q.set(name, pick(filterValues()[name]!, d.value));
    }
    return `${path}?${q}`;
  };
  const filtered = (path: string, filters: string[], d: Draw, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams(extra);
    if (d.filter >= 0 && filters.length > 0) {
      const name = pick(filters, d.filter);
      q.set(name, pick(filterValues()[name]!, d.value));
    }
    return `${path}${q.size > 0 ? `?${q}` : ''}`;
  };
  const year = { from: '2022-01-01', to: '2022-12-31' };

  type Endpoint = (d: Draw, login: Login) => string;
  const id = (byPlace: Partial<Record<PlaceKey, string>>) => (d: Draw) => pick(ids(byPlace), d.pick);
  const organisationId = (d: Draw) => pick(filterValues().organisationId!, d.pick);
  const format = (d: Draw, formats: string[]) => pick(formats, d.format);

  /** The read endpoints by domain; a drawn request is read by every user. */
  const groups: Record<string, Endpoint[]> = {
    'territories, organisations, accounts and the network': [
      (d) => listUrl('/api/organisations', ['regionId', 'municipalityId', 'kind'], d),
      (d) => `/api/organisations/${organisationId(d)}`,
      (d) => `/api/organisations/${organisationId(d)}/network`,
      (d) => filtered('/api/municipalities', ['regionId'], d),
      () => '/api/territories/tree',
      (d) => `/api/regions/${pick([s.world.regionA, s.world.regionB], d.pick)}/curators`,
      (d) => listUrl('/api/users', ['regionId'], d),
      (d) => filtered('/api/curator-assignments', ['organisationId', 'municipalityId', 'userId'], d),
      (d) => filtered('/api/groups', ['organisationId', 'regionId'], d),
      (d) => `/api/groups/${id(r.groups)(d)}`,
      (d) => listUrl('/api/partnerships', ['organisationId', 'municipalityId', 'programmeId'], d),
    ],
    'people and their development': [
      (d) => listUrl('/api/people', ['regionId', 'municipalityId', 'organisationId'], d),
      (d) => `/api/people/${id(r.people)(d)}`,
      (d) => `/api/people/${id(r.people)(d)}/development`,
      (d) => `/api/organisations/${organisationId(d)}/staff`,
      (d) => `/api/events/${id(r.events)(d)}/participants`,
    ],
    'programmes, execution and monitoring': [
      (d) => listUrl('/api/programmes', ['regionId', 'municipalityId'], d),
      (d) => `/api/programmes/${id(r.programmes)(d)}`,
      (d) => filtered(`/api/programmes/${id(r.programmes)(d)}/execution`, ['organisationId', 'municipalityId'], d),
      (d) => filtered(`/api/programmes/${id(r.programmes)(d)}/dashboard`, ['organisationId', 'municipalityId'], d),
      (d) => `/api/programmes/${id(r.programmes)(d)}/indicators`,
      (d) => `/api/programmes/${id(r.programmes)(d)}/rounds`,
      (d) => `/api/programmes/${id(r.programmes)(d)}/approval`,
      (d) => `/api/rounds/${id(r.rounds)(d)}`,
      (d) => `/api/executions/${id(r.units)(d)}`,
      (d) => `/api/executions/${id(r.units)(d)}/comments`,
      (d) => `/api/executions/${id(r.units)(d)}/history`,
      () => '/api/dashboard',
      () => '/api/notifications',
    ],
    'events and calendars': [
      (d) => listUrl('/api/events', ['programmeId', 'organisationId'], d, year),
      (d) => `/api/events/${id(r.events)(d)}`,
      (d) => filtered('/api/calendar', ['programmeId'], d, year),
      (d) => `/api/programmes/${id(r.programmes)(d)}/calendar.ics`,
      (_d, login) => feeds[login],
    ],
    'identification: results, runs and lists': [
      (d) => filtered('/api/results/summary', ['regionId'], d),
      (d) => filtered('/api/methodologies', ['regionId'], d),
      (d) => filtered('/api/identification/runs', ['regionId'], d),
      (d) => `/api/identification/runs/${id(r.runs)(d)}`,
      (d) => `/api/identification/runs/${id(r.runs)(d)}/schools/${pick(filterValues().organisationId!, d.value)}`,
      (d) => filtered('/api/school-lists', ['regionId'], d),
      (d) => `/api/school-lists/${id(r.lists)(d)}`,
    ],
    'the audit trail': [(d) => listUrl('/api/audit', ['regionId', 'entity', 'actor'], d)],
    'exports and reports (CSV, XLSX, DOCX)': [
      (d) => filtered('/api/audit/export', ['regionId', 'entity', 'actor'], d, { format: format(d, ['csv', 'xlsx']) }),
      (d) => `/api/identification/runs/${id(r.runs)(d)}/export?format=${format(d, ['xlsx', 'docx'])}`,
      (d) => `/api/school-lists/${id(r.lists)(d)}/export?format=${format(d, ['xlsx', 'docx'])}`,
      (d) => `/api/programmes/${id(r.programmes)(d)}/export?format=${format(d, ['xlsx', 'docx'])}`,
      (d) => `/api/rounds/${id(r.rounds)(d)}/report.${format(d, ['docx', 'xlsx'])}`,
    ],
    'file downloads: evidence, certificates, agreements': [
      (d) => `/api/evidence/${id(r.evidence)(d)}/file`,
      (d) => `/api/courses/${id(r.courses)(d)}/certificate`,
      (d) => `/api/partnerships/${id(r.partnerships)(d)}/file`,
    ],
  };

  /** One drawn request read by every user: never a 500, and nothing from outside the user's territory. */
  async function checkRead(endpoints: Endpoint[], d: Draw) {
    for (const login of logins) {
      const url = pick(endpoints, d.endpoint)(d, login);
      // The personal feed is read without a session, by its secret link.
      const res = url.startsWith('/api/calendar/feed/') ? await s.anonymous.get(url) : await clients[login].get(url);
      expect(res.statusCode, `${login} GET ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
      expect(leaks(login, textOf(res), url), `${login} GET ${url}`).toEqual([]);
    }
  }

  it('the checks see what they look for: region A’s own exports and feed do carry region A’s markers', async () => {
    // Guards the extraction: were the XLSX, DOCX or iCalendar text not read, every property would pass vacuously.
    const c = clients['region-a'];
    const urls = [
      `/api/programmes/${r.programmes.regionA}/export?format=docx`,
      `/api/programmes/${r.programmes.regionA}/export?format=xlsx`,
      `/api/programmes/${r.programmes.regionA}/calendar.ics`,
      '/api/audit/export?format=xlsx',
      '/api/audit/export?format=csv',
      `/api/evidence/${r.evidence.schoolA1}/file`,
      feeds['region-a'],
    ];
    for (const url of urls) {
      const res = url.startsWith('/api/calendar/feed/') ? await s.anonymous.get(url) : await c.get(url);
      expect(res.statusCode, url).toBe(200);
      expect(markersIn(textOf(res)).length, url).toBeGreaterThan(0);
      // And the same text read as region B's user would be a leak.
      expect(leaks('region-b', textOf(res)).length, url).toBeGreaterThan(0);
    }
  });

  for (const [name, endpoints] of Object.entries(groups))
    it(
      `${name}: nothing from outside the user’s territory`,
      () =>
        fc.assert(
          fc.asyncProperty(draw, (d) => checkRead(endpoints, d)),
          { numRuns, interruptAfterTimeLimit: timeLimitMs },
        ),
      testMs,
    );

  // ——— writes outside the writer's territory

  type State = Record<string, unknown>;
  interface WriteOp {
    name: string;
    records: () => Partial<Record<PlaceKey, string>>;
    /** The record as the administrator reads it; it must be the same after a refused write. */
    state: (id: string, place: PlaceKey) => Promise<State>;
    send: (c: Client, id: string, before: State, place: PlaceKey) => Promise<LightMyRequestResponse>;
  }
  const read = async (url: string): Promise<State> => {
    const res = await admin.get(url);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const v = (x: State) => x.version as number;
  const organisations = () =>
    Object.fromEntries(
      Object.entries(r.places).flatMap(([p, x]) => (x.organisationId ? [[p, x.organisationId]] : [])),
    ) as Partial<Record<PlaceKey, string>>;
  const pairState = async (id: string) =>
    ((await read('/api/partnerships?pageSize=500')).items as State[]).find((p) => p.id === id)!;
  const development = (place: PlaceKey) => read(`/api/people/${r.people[place]}/development`);
  const firstOf = (x: State, list: 'courses' | 'deficits' | 'plans') => (x[list] as State[])[0]!;
  const samePersonRegion = (place: PlaceKey) => r.people[regionOfPlace(place) === 'A' ? 'schoolA1' : 'schoolB1']!;

  const writes: WriteOp[] = [
    {
      name: 'PATCH person',
      records: () => r.people,
      state: (id) => read(`/api/people/${id}`),
      send: (c, id, b) => c.patch(`/api/people/${id}`, { position: 'Чужая правка', version: v(b) }),
    },
    {
      name: 'DELETE person',
      records: () => r.people,
      state: (id) => read(`/api/people/${id}`),
      send: (c, id, b) => c.delete(`/api/people/${id}?version=${v(b)}`),
    },
    {
      name: 'PATCH organisation',
      records: organisations,
      state: (id) => read(`/api/organisations/${id}`),
      send: (c, id, b) => c.patch(`/api/organisations/${id}`, { address: 'Чужой адрес', version: v(b) }),
    },
    {
      name: 'DELETE organisation',
      records: organisations,
      state: (id) => read(`/api/organisations/${id}`),
      send: (c, id, b) => c.delete(`/api/organisations/${id}?version=${v(b)}`),
    },
    {
      name: 'PATCH programme',
      records: () => r.programmes,
      state: (id) => read(`/api/programmes/${id}`),
      send: (c, id, b) => c.patch(`/api/programmes/${id}`, { title: 'Чужая программа', version: v(b) }),
    },
    {
      name: 'DELETE programme',
      records: () => r.programmes,
      state: (id) => read(`/api/programmes/${id}`),
      send: (c, id, b) => c.delete(`/api/programmes/${id}?version=${v(b)}`),
    },
    {
      name: 'POST section',
      records: () => r.programmes,
      state: (id) => read(`/api/programmes/${id}`),
      send: (c, id) => c.post(`/api/programmes/${id}/sections`, { title: 'Чужой раздел' }),
    },
    {
      name: 'POST approval (submit, reopen)',
      records: () => r.programmes,
      state: (id) => read(`/api/programmes/${id}`),
      send: (c, id, b) =>
        c.post(`/api/programmes/${id}/approval`, {
          action: b.status === 'approved' ? 'reopen' : 'submit',
          comment: '',
          version: v(b),
        }),
    },
    {
      name: 'PATCH activity',
      records: () => r.activities,
      state: (_id, place) => read(`/api/programmes/${r.programmes[place]}`),
      send: (c, id, b) => {
        const a = (b.sections as { activities: State[] }[])[0]!.activities[0]!;
        return c.patch(`/api/activities/${id}`, { responsible: 'Чужой', version: v(a) });
      },
    },
    {
      name: 'DELETE activity',
      records: () => r.activities,
      state: (_id, place) => read(`/api/programmes/${r.programmes[place]}`),
      send: (c, id, b) => {
        const a = (b.sections as { activities: State[] }[])[0]!.activities[0]!;
        return c.delete(`/api/activities/${id}?version=${v(a)}`);
      },
    },
    {
      name: 'PUT activity targets',
      records: () => r.activities,
      state: (_id, place) => read(`/api/programmes/${r.programmes[place]}`),
      send: (c, id, b) => {
        const a = (b.sections as { activities: State[] }[])[0]!.activities[0]!;
        return c.request('PUT', `/api/activities/${id}/targets`, { targetKind: 'owner', version: v(a) });
      },
    },
    {
      name: 'POST cascade',
      records: () => r.activities,
      state: async () => ({ programmes: (await read('/api/programmes?pageSize=500')).total }),
      send: (c, id) => c.post(`/api/activities/${id}/cascade`, { level: 'school' }),
    },
    {
      name: 'POST events of an activity',
      records: () => r.activities,
      state: async (_id, place) => ({
        events: (await read(`/api/events?programmeId=${r.programmes[place]}&pageSize=1000`)).total,
      }),
      send: (c, id) => c.post(`/api/activities/${id}/events`),
    },
    {
      name: 'PUT indicator value',
      records: () => r.programmes,
      state: async (id) => (await read(`/api/programmes/${id}/indicators`)) as unknown as State,
      send: (c, id, b) => {
        const value = ((b as unknown as { values: State[] }[])[0]!.values[0] ?? {}) as State;
        return c.request('PUT', `/api/programmes/${id}/indicators/${r.indicatorKeys[id]}/values`, {
          period: '2022',
          value: 99,
          justification: 'Чужая правка',
          version: value.version,
        });
      },
    },
    {
      name: 'POST report',
      records: () => r.units,
      state: (id) => read(`/api/executions/${id}`),
      send: (c, id, b) => c.post(`/api/executions/${id}/report`, { status: 'in_progress', version: v(b) }),
    },
    {
      name: 'POST evidence link',
      records: () => r.units,
      state: (id) => read(`/api/executions/${id}`),
      send: (c, id) => c.post(`/api/executions/${id}/evidence/link`, { kind: 'link', url: 'https://example.ru/x' }),
    },
    {
      name: 'POST comment',
      records: () => r.units,
      state: (id) => read(`/api/executions/${id}`),
      send: (c, id) => c.post(`/api/executions/${id}/comments`, { text: 'Чужой комментарий' }),
    },
    {
      name: 'DELETE evidence',
      records: () => r.evidence,
      state: (_id, place) => read(`/api/executions/${r.units[place]}`),
      send: (c, id) => c.delete(`/api/evidence/${id}`),
    },
    {
      name: 'PATCH event',
      records: () => r.events,
      state: (id) => read(`/api/events/${id}`),
      send: (c, id, b) => c.patch(`/api/events/${id}`, { topic: 'Чужое мероприятие', version: v(b) }),
    },
    {
      name: 'DELETE event',
      records: () => r.events,
      state: (id) => read(`/api/events/${id}`),
      send: (c, id, b) => c.delete(`/api/events/${id}?version=${v(b)}`),
    },
    {
      name: 'PUT attendance',
      records: () => r.events,
      state: (id) => read(`/api/events/${id}`),
      send: (c, id, b, place) =>
        c.request('PUT', `/api/events/${id}/attendance`, {
          version: v(b),
          marks: [{ personId: samePersonRegion(place), attended: null, registered: true }],
        }),
    },
    {
      name: 'PATCH pair',
      records: () => r.partnerships,
      state: pairState,
      send: (c, id, b) => c.patch(`/api/partnerships/${id}`, { obligations: 'Чужие', version: v(b) }),
    },
    {
      name: 'DELETE pair',
      records: () => r.partnerships,
      state: pairState,
      send: (c, id, b) => c.delete(`/api/partnerships/${id}?version=${v(b)}`),
    },
    {
      name: 'DELETE agreement file',
      records: () => r.partnerships,
      state: pairState,
      send: (c, id, b) => c.delete(`/api/partnerships/${id}/file?version=${v(b)}`),
    },
    {
      name: 'PATCH group',
      records: () => r.groups,
      state: (id) => read(`/api/groups/${id}`),
      send: (c, id, b) => c.patch(`/api/groups/${id}`, { name: 'Чужая группа', version: v(b) }),
    },
    {
      name: 'DELETE group',
      records: () => r.groups,
      state: (id) => read(`/api/groups/${id}`),
      send: (c, id, b) => c.delete(`/api/groups/${id}?version=${v(b)}`),
    },
    {
      name: 'POST group member',
      records: () => r.groups,
      state: (id) => read(`/api/groups/${id}`),
      send: (c, id, _b, place) => c.post(`/api/groups/${id}/members`, { personId: samePersonRegion(place) }),
    },
    {
      name: 'POST course',
      records: () => r.people,
      state: (_id, place) => development(place),
      send: (c, id) => c.post(`/api/people/${id}/courses`, { title: 'Чужой курс', completedOn: '2022-03-01' }),
    },
    {
      name: 'PATCH course',
      records: () => r.courses,
      state: (_id, place) => development(place),
      send: (c, id, b) => c.patch(`/api/courses/${id}`, { title: 'Чужой курс', version: v(firstOf(b, 'courses')) }),
    },
    {
      name: 'DELETE course certificate',
      records: () => r.courses,
      state: (_id, place) => development(place),
      send: (c, id, b) => c.delete(`/api/courses/${id}/certificate?version=${v(firstOf(b, 'courses'))}`),
    },
    {
      name: 'PATCH deficit',
      records: () => r.deficits,
      state: (_id, place) => development(place),
      send: (c, id, b) => c.patch(`/api/deficits/${id}`, { status: 'addressed', version: v(firstOf(b, 'deficits')) }),
    },
    {
      name: 'DELETE plan',
      records: () => r.plans,
      state: (_id, place) => development(place),
      send: (c, id, b) => c.delete(`/api/plans/${id}?version=${v(firstOf(b, 'plans'))}`),
    },
    {
      name: 'PATCH round',
      records: () => r.rounds,
      state: (id) => read(`/api/rounds/${id}`),
      send: (c, id, b) => c.patch(`/api/rounds/${id}`, { title: 'Чужой мониторинг', version: v(b) }),
    },
    {
      name: 'POST round freeze',
      records: () => r.rounds,
      state: (id) => read(`/api/rounds/${id}`),
      send: (c, id, b) => c.post(`/api/rounds/${id}/freeze`, { version: v(b) }),
    },
    {
      name: 'DELETE round',
      records: () => r.rounds,
      state: (id) => read(`/api/rounds/${id}`),
      send: (c, id, b) => c.delete(`/api/rounds/${id}?version=${v(b)}`),
    },
    {
      name: 'PATCH municipality',
      records: () => ({ munA1: s.world.munA1, munA2: s.world.munA2, munB1: s.world.munB1 }),
      state: async (id) => ({ tree: await read('/api/territories/tree'), id }),
      send: (c, id) => c.patch(`/api/municipalities/${id}`, { name: 'Чужое имя', version: 1 }),
    },
    {
      name: 'PATCH region',
      records: () => ({ regionA: s.world.regionA, regionB: s.world.regionB }),
      state: async (id) => ({ tree: await read('/api/territories/tree'), id }),
      send: (c, id) => c.patch(`/api/regions/${id}`, { shortName: 'Чужой', version: 1 }),
    },
    {
      name: 'POST run approval',
      records: () => r.runs,
      state: (_id, place) => read(`/api/school-lists?regionId=${r.places[place].regionId}`).then((x) => ({ x })),
      send: (c, id) => c.post(`/api/identification/runs/${id}/approve`, { title: 'Чужой перечень' }),
    },
  ];

  /** The places each user may change something at; records elsewhere are the targets. */
  const writesAt: Record<Login, (p: PlaceKey) => boolean> = {
    'region-a': (p) => regionOfPlace(p) === 'A',
    'region-b': (p) => regionOfPlace(p) === 'B',
    'mun-a1': (p) => ['munA1', 'schoolA1', 'schoolA1b'].includes(p),
    'school-a1': (p) => p === 'schoolA1',
    'curator-a': (p) => ['iroA', 'schoolA1'].includes(p),
    'observer-a': () => false,
  };

  it(
    'writes on records outside the writer’s territory are refused with 403/404 and change nothing',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...logins), fc.nat(), fc.nat(), async (login, opIndex, n) => {
          const op = pick(writes, opIndex);
          const targets = (Object.entries(op.records()) as [PlaceKey, string][]).filter(([p]) => !writesAt[login](p));
          if (targets.length === 0) return;
          const [place, id] = pick(targets, n);
          const before = await op.state(id, place);
          const res = await op.send(clients[login], id, before, place);
          expect([403, 404], `${login} ${op.name} at ${place}: ${res.statusCode} ${res.body.slice(0, 300)}`).toContain(
            res.statusCode,
          );
          expect(await op.state(id, place), `${login} ${op.name} at ${place}`).toEqual(before);
        }),
        { numRuns: writeRuns, interruptAfterTimeLimit: timeLimitMs },
      );
    },
    testMs,
  );
});
