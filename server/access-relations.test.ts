// The access matrix by relation: beyond organisations and programmes (server/access-matrix.test.ts), every main
// record kind is read and changed through the HTTP API by every role of region A, at each relation of the
// record's place to the actor — its own territory, a territory below it (child), above it (parent), beside
// it (sibling), another region — and anonymously, against the declared table `expected` below.
//
// A refusal of a record that exists is 403 everywhere (the record is found, then its place is refused);
// partnerships are read through their list, where a refusal is the pair's absence. An anonymous caller gets
// 401. A refused change leaves the record as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.ts';
import { type Client, startTestServer, type TestServer } from '../test/server.ts';
import {
  buildTerritoryRecords,
  type PlaceKey,
  recordsNow,
  regionOfPlace,
  type TerritoryRecords,
} from '../test/territory-records.ts';

type Login = 'admin' | 'region-a' | 'mun-a1' | 'school-a1' | 'curator-a' | 'observer-a';
const logins: Login[] = ['admin', 'region-a', 'mun-a1', 'school-a1', 'curator-a', 'observer-a'];
type Relation = 'own' | 'child' | 'parent' | 'sibling' | 'another';
const relations: Relation[] = ['own', 'child', 'parent', 'sibling', 'another'];
type Verdict = 'allow' | 'deny';
const A: Verdict = 'allow';
const D: Verdict = 'deny';

/**
 * The place standing in each relation to each actor (test/world.ts, test/territory-records.ts), the first of
 * the list that holds a record of the kind. The curator-a's organisation is the regional institute (IRO); it
 * is assigned school A1-1 by order, which stands as its child. The observer sees the whole region.
 */
const relationPlaces: Record<Login, Partial<Record<Relation, PlaceKey[]>>> = {
  admin: { own: ['regionA'], child: ['munA1', 'schoolA1'], another: ['regionB'] },
  'region-a': { own: ['regionA'], child: ['munA1', 'schoolA1'], another: ['regionB'] },
  'mun-a1': {
    own: ['munA1'],
    child: ['schoolA1'],
    parent: ['regionA'],
    sibling: ['munA2', 'schoolA2'],
    another: ['munB1', 'schoolB1', 'regionB'],
  },
  'school-a1': {
    own: ['schoolA1'],
    parent: ['munA1', 'regionA'],
    sibling: ['schoolA1b'],
    another: ['schoolB1', 'regionB'],
  },
  'curator-a': {
    own: ['iroA'],
    child: ['schoolA1'],
    parent: ['regionA'],
    sibling: ['schoolA1b'],
    another: ['schoolB1', 'regionB'],
  },
  'observer-a': { own: ['regionA'], child: ['munA1', 'schoolA1'], another: ['regionB'] },
};

type Row = Partial<Record<Relation, Verdict>>;
type Table = Record<Login, Row>;

// ——— the declared policy

/** Records kept at every level, read within scope: people, their development and certificates. */
const personRead: Table = {
  admin: { own: A, child: A, another: A },
  'region-a': { own: A, child: A, another: D },
  'mun-a1': { own: A, child: A, parent: D, sibling: D, another: D },
  'school-a1': { own: A, parent: D, sibling: D, another: D },
  // The curator reads the staff of its institute and of the schools assigned to it.
  'curator-a': { own: A, child: A, parent: D, sibling: D, another: D },
  'observer-a': { own: A, child: A, another: D },
};
/** Changing people (and their courses, deficits, plans): where they are read, except for the observer. */
const personWrite: Table = {
  ...personRead,
  // The curator keeps the deficits and development plans of the teachers of its assigned schools (ИОМ).
  'curator-a': { own: A, child: A, parent: D, sibling: D, another: D },
  'observer-a': { own: D, child: D, another: D },
};

/**
 * Execution units of the regional roadmaps (own unit of the region, units of municipalities and schools):
 * the programme's owner sees every unit; a municipality, a school or a curator only the units in its scope —
 * not the region's own work, not a sibling's.
 */
const unitRead: Table = {
  admin: { own: A, child: A, another: A },
  'region-a': { own: A, child: A, another: D },
  'mun-a1': { own: A, child: A, parent: D, sibling: D, another: D },
  'school-a1': { own: A, parent: D, sibling: D, another: D },
  'curator-a': { child: A, parent: D, sibling: D, another: D },
  'observer-a': { own: A, child: A, another: D },
};
/** Reporting execution: the unit's own territory and those above it; curators coach, they do not report. */
const unitWrite: Table = {
  ...unitRead,
  'curator-a': { child: D, parent: D, sibling: D, another: D },
  'observer-a': { own: D, child: D, another: D },
};

/** Events are seen inside their place and below it: a school sees the region's and its municipality's. */
const eventRead: Table = {
  admin: { own: A, child: A, another: A },
  'region-a': { own: A, child: A, another: D },
  'mun-a1': { own: A, child: A, parent: A, sibling: D, another: D },
  'school-a1': { own: A, parent: A, sibling: D, another: D },
  'curator-a': { own: A, child: A, parent: A, sibling: D, another: D },
  'observer-a': { own: A, child: A, another: D },
};
/** Events are changed by their organiser's territory and those above it (a curator's for assigned schools). */
const eventWrite: Table = {
  admin: { own: A, child: A, another: A },
  'region-a': { own: A, child: A, another: D },
  'mun-a1': { own: A, child: A, parent: D, sibling: D, another: D },
  'school-a1': { own: A, parent: D, sibling: D, another: D },
  'curator-a': { own: A, child: A, parent: D, sibling: D, another: D },
  'observer-a': { own: D, child: D, another: D },
};

/**
 * The participants of an event an actor sees, organised above it: the people it may read — a municipality
 * its schools' staff, a school its own (the organiser sees everyone). Region B's event is not seen at all.
 */
const participantRead: Table = {
  admin: { child: A },
  'region-a': { child: A },
  'mun-a1': { child: A, sibling: D, another: D },
  'school-a1': { own: A, sibling: D, another: D },
  'curator-a': { child: A, sibling: D, another: D },
  'observer-a': { child: A },
};

/**
 * Tutor pairs: a pair is seen where either school is; a pair the roadmap names that is not matched to the
 * directory yet belongs to the region only. Pairs are kept by the region and municipalities.
 */
const pairRead: Table = {
  admin: { own: A, child: A, another: A },
  'region-a': { own: A, child: A, another: D },
  'mun-a1': { child: A, parent: D, sibling: D, another: D },
  'school-a1': { own: A, parent: D, sibling: D, another: D },
  'curator-a': { child: A, parent: D, sibling: D, another: D },
  'observer-a': { own: A, child: A, another: D },
};
const pairWrite: Table = {
  ...pairRead,
  'school-a1': { own: D, parent: D, sibling: D, another: D },
  'curator-a': { child: D, parent: D, sibling: D, another: D },
  'observer-a': { own: D, child: D, another: D },
};

/**
 * The schools' rows of region A's frozen round (and so of its report): the programme's owner sees every
 * school; a municipality its schools, a school itself, a curator its assigned school — as in an open round.
 */
const frozenRoundRow: Table = {
  admin: { child: A },
  'region-a': { child: A },
  'mun-a1': { child: A, sibling: D },
  'school-a1': { own: A, sibling: D },
  'curator-a': { child: A, sibling: D },
  'observer-a': { child: A },
};

/** Approved lists of schools are the region's; everyone in the region reads them (filtered to their schools). */
const listRead: Table = {
  admin: { own: A, another: A },
  'region-a': { own: A, another: D },
  'mun-a1': { parent: A, another: D },
  'school-a1': { parent: A, another: D },
  'curator-a': { parent: A, another: D },
  'observer-a': { own: A, another: D },
};
/** Identification runs (the whole region's verdicts) are for those who see the whole region. */
const runRead: Table = {
  ...listRead,
  'mun-a1': { parent: D, another: D },
  'school-a1': { parent: D, another: D },
  'curator-a': { parent: D, another: D },
};

/**
 * Programmes by their owner's place (indicators, the .ics calendar): read within scope, and by those the
 * regional roadmap gives work to (so every school and municipality of region A reads it). The municipality's
 * own roadmap gives school A1-1 no work, so the school does not read it.
 */
const programmeRead: Table = {
  admin: { own: A, child: A, another: A },
  'region-a': { own: A, child: A, another: D },
  'mun-a1': { own: A, child: A, parent: A, sibling: D, another: D },
  'school-a1': { own: A, parent: D, sibling: D, another: D },
  'curator-a': { child: A, parent: A, sibling: D, another: D },
  'observer-a': { own: A, child: A, another: D },
};
/** Indicator values are entered by the programme's owner territory and those above it. */
const programmeWrite: Table = {
  ...programmeRead,
  'mun-a1': { own: A, child: A, parent: D, sibling: D, another: D },
  'curator-a': { child: D, parent: D, sibling: D, another: D },
  'observer-a': { own: D, child: D, another: D },
};

// ——— the kinds and how each is read or changed

interface Kind {
  /** The records of the kind by place. */
  records: (r: TerritoryRecords) => Partial<Record<PlaceKey, string>>;
  expected: Table;
  /** Tries the access; 'allow' on success, 'deny' on the kind's refusal, otherwise the status seen. */
  attempt: (c: Client, id: string, ctx: Ctx) => Promise<Verdict | string>;
  /** For changes: what must stay as it was after a refusal (read by the administrator). */
  state?: (id: string, ctx: Ctx) => Promise<unknown>;
}
interface Ctx {
  r: TerritoryRecords;
  admin: Client;
}

/** 200 is allowed, 403 is refused; anything else is reported as it is. */
const verdictOf = (status: number): Verdict | string => (status === 200 ? A : status === 403 ? D : `HTTP ${status}`);
const json = async (c: Client, url: string) => {
  const res = await c.get(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const versionOf = async (ctx: Ctx, url: string) => (await json(ctx.admin, url)).version as number;
const pairOf = async (ctx: Ctx, id: string) =>
  ((await json(ctx.admin, '/api/partnerships?pageSize=500')).items as { id: string; version: number }[]).find(
    (p) => p.id === id,
  )!;
const programmeOfUnit = (r: TerritoryRecords) => r.programmes;
const indicatorValueOf = async (ctx: Ctx, programmeId: string) =>
  (
    (await json(ctx.admin, `/api/programmes/${programmeId}/indicators`)) as {
      values: { version: number; value: number }[];
    }[]
  )[0]!.values[0]!;

const kinds: Record<string, Kind> = {
  'person (GET /api/people/:id and the list)': {
    records: (r) => r.people,
    expected: personRead,
    async attempt(c, id) {
      const card = verdictOf((await c.get(`/api/people/${id}`)).statusCode);
      if (card !== A && card !== D) return card;
      const list = await c.get('/api/people?pageSize=500');
      const listed = list.statusCode === 200 && (list.json().items as { id: string }[]).some((p) => p.id === id);
      // The card and the list must agree.
      return card === (listed ? A : D) ? card : `card ${card}, list ${listed ? 'shows' : 'hides'} it`;
    },
  },
  'person change (PATCH /api/people/:id)': {
    records: (r) => r.people,
    expected: personWrite,
    async attempt(c, id, ctx) {
      const version = await versionOf(ctx, `/api/people/${id}`);
      return verdictOf((await c.patch(`/api/people/${id}`, { position: 'Учитель физики', version })).statusCode);
    },
    state: (id, ctx) => json(ctx.admin, `/api/people/${id}`),
  },
  'staff development (GET /api/people/:id/development)': {
    records: (r) => r.people,
    expected: personRead,
    attempt: async (c, id) => verdictOf((await c.get(`/api/people/${id}/development`)).statusCode),
  },
  'staff development change (POST /api/people/:id/deficits)': {
    records: (r) => r.people,
    expected: personWrite,
    attempt: async (c, id) =>
      verdictOf(
        (await c.post(`/api/people/${id}/deficits`, { area: 'Оценивание образовательных результатов' })).statusCode,
      ),
    state: async (id, ctx) => (await json(ctx.admin, `/api/people/${id}/development`)).deficits,
  },
  'course certificate (GET /api/courses/:id/certificate)': {
    records: (r) => r.courses,
    expected: personRead,
    attempt: async (c, id) => verdictOf((await c.get(`/api/courses/${id}/certificate`)).statusCode),
  },
  'execution unit (GET /api/executions/:id, its thread and history)': {
    records: (r) => r.units,
    expected: unitRead,
    async attempt(c, id) {
      const seen = await Promise.all(
        [`/api/executions/${id}`, `/api/executions/${id}/comments`, `/api/executions/${id}/history`].map(async (url) =>
          verdictOf((await c.get(url)).statusCode),
        ),
      );
      return seen.every((v) => v === seen[0]) ? seen[0]! : `unit, thread, history: ${seen.join(', ')}`;
    },
  },
  'execution report (POST /api/executions/:id/report)': {
    records: (r) => r.units,
    expected: unitWrite,
    async attempt(c, id, ctx) {
      const version = await versionOf(ctx, `/api/executions/${id}`);
      return verdictOf((await c.post(`/api/executions/${id}/report`, { status: 'in_progress', version })).statusCode);
    },
    state: (id, ctx) => json(ctx.admin, `/api/executions/${id}`),
  },
  'evidence file (GET /api/evidence/:id/file)': {
    records: (r) => r.evidence,
    expected: unitRead,
    attempt: async (c, id) => verdictOf((await c.get(`/api/evidence/${id}/file`)).statusCode),
  },
  'event (GET /api/events/:id and the list)': {
    records: (r) => r.events,
    expected: eventRead,
    async attempt(c, id) {
      const card = verdictOf((await c.get(`/api/events/${id}`)).statusCode);
      if (card !== A && card !== D) return card;
      const list = await c.get('/api/events?from=2022-08-10&to=2022-08-10&pageSize=1000');
      const listed = list.statusCode === 200 && (list.json().items as { id: string }[]).some((e) => e.id === id);
      return card === (listed ? A : D) ? card : `card ${card}, list ${listed ? 'shows' : 'hides'} it`;
    },
  },
  'event change (PATCH /api/events/:id)': {
    records: (r) => r.events,
    expected: eventWrite,
    async attempt(c, id, ctx) {
      const version = await versionOf(ctx, `/api/events/${id}`);
      return verdictOf((await c.patch(`/api/events/${id}`, { place: 'Актовый зал', version })).statusCode);
    },
    state: (id, ctx) => json(ctx.admin, `/api/events/${id}`),
  },
  'tutor pair (in GET /api/partnerships)': {
    records: (r) => r.partnerships,
    expected: pairRead,
    async attempt(c, id) {
      const list = await c.get('/api/partnerships?pageSize=500');
      if (list.statusCode !== 200) return verdictOf(list.statusCode);
      return (list.json().items as { id: string }[]).some((p) => p.id === id) ? A : D;
    },
  },
  'tutor pair change (PATCH /api/partnerships/:id)': {
    records: (r) => r.partnerships,
    expected: pairWrite,
    async attempt(c, id, ctx) {
      const { version } = await pairOf(ctx, id);
      return verdictOf((await c.patch(`/api/partnerships/${id}`, { obligations: 'Изменены', version })).statusCode);
    },
    state: (id, ctx) => pairOf(ctx, id),
  },
  'signed agreement (GET /api/partnerships/:id/file)': {
    records: (r) => r.partnerships,
    expected: pairRead,
    attempt: async (c, id) => verdictOf((await c.get(`/api/partnerships/${id}/file`)).statusCode),
  },
  'participant of the region’s seminar (GET /api/events/:id/participants)': {
    // Staff of schools A1-1, A1-2, A2-1 and A2-2 are registered for the regional seminar of region A (and
    // staff of B's schools for B's): who sees whom in the list of participants.
    records: (r) => {
      const registered: PlaceKey[] = ['schoolA1', 'schoolA1b', 'schoolA2', 'schoolA2b', 'schoolB1', 'schoolB1b'];
      return Object.fromEntries(registered.map((p) => [p, r.people[p]]));
    },
    expected: participantRead,
    async attempt(c, id, ctx) {
      const inB = regionOfPlace(ctx.r.placeOfId.get(id)!) === 'B';
      const eventId = inB ? ctx.r.events.regionB! : ctx.r.events.regionA!;
      const res = await c.get(`/api/events/${eventId}/participants`);
      if (res.statusCode !== 200) return verdictOf(res.statusCode);
      return (res.json().participants as { personId: string }[]).some((p) => p.personId === id) ? A : D;
    },
  },
  'school row of a frozen round (GET /api/rounds/:id)': {
    records: (r) => ({
      schoolA1: r.places.schoolA1.organisationId!,
      schoolA1b: r.places.schoolA1b.organisationId!,
      schoolA2: r.places.schoolA2.organisationId!,
    }),
    expected: frozenRoundRow,
    async attempt(c, organisationId, ctx) {
      const res = await c.get(`/api/rounds/${ctx.r.rounds.regionA}`);
      if (res.statusCode !== 200) return verdictOf(res.statusCode);
      const round = res.json() as { frozenAt: string | null; bySchool: { id: string }[] };
      if (!round.frozenAt) return 'the round is not frozen';
      return round.bySchool.some((b) => b.id === organisationId) ? A : D;
    },
  },
  'approved list of schools (GET /api/school-lists/:id)': {
    records: (r) => r.lists,
    expected: listRead,
    async attempt(c, id) {
      const seen = await Promise.all(
        [`/api/school-lists/${id}`, `/api/school-lists/${id}/export?format=xlsx`].map(async (url) =>
          verdictOf((await c.get(url)).statusCode),
        ),
      );
      return seen[0] === seen[1] ? seen[0]! : `list, export: ${seen.join(', ')}`;
    },
  },
  'identification run (GET /api/identification/runs/:id)': {
    records: (r) => r.runs,
    expected: runRead,
    async attempt(c, id) {
      const seen = await Promise.all(
        [`/api/identification/runs/${id}`, `/api/identification/runs/${id}/export?format=xlsx`].map(async (url) =>
          verdictOf((await c.get(url)).statusCode),
        ),
      );
      return seen[0] === seen[1] ? seen[0]! : `run, export: ${seen.join(', ')}`;
    },
  },
  'indicators (GET /api/programmes/:id/indicators)': {
    records: programmeOfUnit,
    expected: programmeRead,
    attempt: async (c, id) => verdictOf((await c.get(`/api/programmes/${id}/indicators`)).statusCode),
  },
  'indicator value (PUT /api/programmes/:id/indicators/:key/values)': {
    records: programmeOfUnit,
    expected: programmeWrite,
    async attempt(c, id, ctx) {
      const current = await indicatorValueOf(ctx, id);
      const res = await c.request('PUT', `/api/programmes/${id}/indicators/${ctx.r.indicatorKeys[id]}/values`, {
        period: '2022',
        value: current.value + 1,
        justification: 'Уточнены данные',
        version: current.version,
      });
      return verdictOf(res.statusCode);
    },
    state: (id, ctx) => indicatorValueOf(ctx, id),
  },
  'programme calendar (GET /api/programmes/:id/calendar.ics)': {
    records: programmeOfUnit,
    expected: programmeRead,
    attempt: async (c, id) => verdictOf((await c.get(`/api/programmes/${id}/calendar.ics`)).statusCode),
  },
};

/** The record standing in a relation to an actor: the first place of the relation's list holding one. */
function recordFor(kind: Kind, r: TerritoryRecords, login: Login, relation: Relation): string | undefined {
  const records = kind.records(r);
  const place = relationPlaces[login][relation]?.find((p) => records[p]);
  return place ? records[place] : undefined;
}

describe.each(engines)('access by relation to the record’s territory on $name', (engine) => {
  let s: TestServer;
  let r: TerritoryRecords;
  const clients = {} as Record<Login, Client>;
  const ctx = {} as Ctx;

  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => recordsNow });
    for (const l of logins) clients[l] = await s.as(l);
    r = await buildTerritoryRecords(s, clients.admin);
    Object.assign(ctx, { r, admin: clients.admin });
  }, 60_000);
  afterAll(() => s?.close());

  it('declares a verdict for exactly the relations each kind has a record at', () => {
    const problems: string[] = [];
    for (const [name, kind] of Object.entries(kinds))
      for (const login of logins)
        for (const relation of relations) {
          const has = recordFor(kind, r, login, relation) !== undefined;
          const declared = kind.expected[login][relation] !== undefined;
          if (has !== declared)
            problems.push(`${name}: ${login} ${relation} ${has ? 'has a record but no verdict' : 'has no record'}`);
        }
    expect(problems).toEqual([]);
  });

  for (const [name, kind] of Object.entries(kinds)) {
    describe(name, () => {
      for (const login of logins)
        for (const relation of relations) {
          const verdict = kind.expected[login][relation];
          if (!verdict) continue;
          it(`${login}, ${relation}: ${verdict}`, async () => {
            const id = recordFor(kind, r, login, relation)!;
            const before = verdict === D && kind.state ? await kind.state(id, ctx) : undefined;
            expect(await kind.attempt(clients[login], id, ctx)).toBe(verdict);
            if (before !== undefined) expect(await kind.state!(id, ctx)).toEqual(before);
          });
        }
      it('anonymous: 401', async () => {
        const id = Object.values(kind.records(r)).find(Boolean)!;
        const anonymous = await kind.attempt(s.anonymous, id, ctx);
        expect(anonymous).toBe('HTTP 401');
      });
    });
  }
});
