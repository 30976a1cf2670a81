// No N+1 queries: every main page's API call is made as the web UI makes it, once on a small world (the
// records of test/territory-records.ts) and once after the world has grown several-fold (more schools, staff,
// programmes with more activities and target schools, evidence, events, pairs, groups, runs, campaigns,
// notifications). The number of SQL statements a request runs must not grow with the data, and no page may
// run more than a fixed ceiling of them.
//
// Statements are counted through the database's query observer (storage/database.ts), so transaction control
// counts on node-postgres (begin/commit go through Drizzle) but not on PGlite (its own transaction wrapper):
// each engine is compared with itself only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDto } from '../contract/diagnosis.ts';
import type { ProgrammeExecutionDto } from '../contract/execution.ts';
import type { ProgrammeDetail } from '../contract/programmes.ts';
import { runReminders } from '../services/reminders.ts';
import { engines } from '../test/engines.ts';
import { smallDraft } from '../test/programme-drafts.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../test/server.ts';
import { buildTerritoryRecords, recordsNow, type TerritoryRecords } from '../test/territory-records.ts';

/**
 * No main page may run more statements than this, whatever the data: the busiest today (an open round's page)
 * runs 11, so the ceiling leaves room for features without letting a page turn into dozens of round trips.
 */
const ceiling = 25;

/** What a page's request is about: the small world's records, or the grown world's bigger ones. */
interface Subject {
  programme: string;
  frozenRound: string;
  openRound: string;
  campaign: string;
  run: string;
  list: string;
  event: string;
  group: string;
  person: string;
}

interface Page {
  name: string;
  login: 'region-a' | 'school-a1' | 'curator-a' | 'admin';
  url: (x: Subject, r: TerritoryRecords, s: TestServer) => string;
  /** Statements the grown world may add, each justified where it is given (none by default). */
  slack?: number;
}

const pages: Page[] = [
  { name: 'current user', login: 'region-a', url: () => '/api/auth/me' },
  { name: 'territory tree', login: 'region-a', url: () => '/api/territories/tree' },
  { name: 'organisations list', login: 'region-a', url: () => '/api/organisations?page=1&pageSize=50' },
  { name: 'organisations list (admin)', login: 'admin', url: () => '/api/organisations?page=1&pageSize=50' },
  { name: 'organisation card', login: 'region-a', url: (_x, _r, s) => `/api/organisations/${s.world.schoolA1}` },
  {
    name: 'organisation network',
    login: 'region-a',
    url: (_x, _r, s) => `/api/organisations/${s.world.schoolA1}/network`,
  },
  { name: 'school staff', login: 'region-a', url: (_x, _r, s) => `/api/organisations/${s.world.schoolA1}/staff` },
  {
    name: 'people of a school',
    login: 'region-a',
    url: (_x, _r, s) => `/api/people?organisationId=${s.world.schoolA1}&page=1&pageSize=50`,
  },
  { name: 'people list', login: 'region-a', url: () => '/api/people?page=1&pageSize=50' },
  { name: 'person development', login: 'region-a', url: (x) => `/api/people/${x.person}/development` },
  { name: 'users', login: 'admin', url: () => '/api/users' },
  { name: 'programmes list', login: 'region-a', url: () => '/api/programmes?page=1&pageSize=50' },
  { name: 'programmes list (school)', login: 'school-a1', url: () => '/api/programmes?page=1&pageSize=50' },
  { name: 'programmes list (curator)', login: 'curator-a', url: () => '/api/programmes?page=1&pageSize=50' },
  { name: 'programme page', login: 'region-a', url: (x) => `/api/programmes/${x.programme}` },
  { name: 'programme approval', login: 'region-a', url: (x) => `/api/programmes/${x.programme}/approval` },
  { name: 'programme execution', login: 'region-a', url: (x) => `/api/programmes/${x.programme}/execution` },
  {
    name: 'programme execution (school)',
    login: 'school-a1',
    url: (x) => `/api/programmes/${x.programme}/execution`,
  },
  {
    name: 'programme execution (curator)',
    login: 'curator-a',
    url: (x) => `/api/programmes/${x.programme}/execution`,
  },
  { name: 'indicators', login: 'region-a', url: (x) => `/api/programmes/${x.programme}/indicators` },
  { name: 'rounds list', login: 'region-a', url: (x) => `/api/programmes/${x.programme}/rounds` },
  { name: 'round page (frozen)', login: 'region-a', url: (x) => `/api/rounds/${x.frozenRound}` },
  { name: 'round page (open)', login: 'region-a', url: (x) => `/api/rounds/${x.openRound}` },
  {
    name: 'programme dashboard',
    login: 'region-a',
    url: (x) => `/api/programmes/${x.programme}/dashboard`,
  },
  { name: 'region dashboard', login: 'region-a', url: () => '/api/dashboard' },
  { name: 'public programme page', login: 'region-a', url: (x) => `/api/public/programmes/${x.programme}` },
  { name: 'results summary', login: 'region-a', url: () => '/api/results/summary' },
  { name: 'methodologies', login: 'region-a', url: () => '/api/methodologies' },
  { name: 'identification runs', login: 'region-a', url: () => '/api/identification/runs' },
  // The grown world's run follows an approved list, so it also reads that list's number and the schools it
  // drops: two statements more, whatever the sizes (services/identification.ts, getRun).
  { name: 'identification run', login: 'region-a', url: (x) => `/api/identification/runs/${x.run}`, slack: 2 },
  { name: 'school lists', login: 'region-a', url: () => '/api/school-lists' },
  { name: 'school list', login: 'region-a', url: (x) => `/api/school-lists/${x.list}` },
  { name: 'events list', login: 'region-a', url: () => '/api/events?page=1&pageSize=50' },
  { name: 'event page', login: 'region-a', url: (x) => `/api/events/${x.event}` },
  { name: 'event participants', login: 'region-a', url: (x) => `/api/events/${x.event}/participants` },
  { name: 'partnerships', login: 'region-a', url: () => '/api/partnerships?page=1&pageSize=50' },
  { name: 'curator assignments', login: 'region-a', url: () => '/api/curator-assignments' },
  { name: 'groups', login: 'region-a', url: () => '/api/groups' },
  { name: 'group page', login: 'region-a', url: (x) => `/api/groups/${x.group}` },
  { name: 'calendar', login: 'region-a', url: () => '/api/calendar?from=2022-01-01&to=2022-12-31' },
  { name: 'notifications', login: 'region-a', url: () => '/api/notifications' },
  { name: 'notifications (school)', login: 'school-a1', url: () => '/api/notifications' },
  { name: 'audit log', login: 'region-a', url: () => '/api/audit?page=1&pageSize=50' },
  { name: 'diagnosis campaigns', login: 'region-a', url: () => '/api/diagnosis/campaigns' },
  { name: 'diagnosis campaign', login: 'region-a', url: (x) => `/api/diagnosis/campaigns/${x.campaign}` },
  { name: 'campaign heat map', login: 'region-a', url: (x) => `/api/diagnosis/campaigns/${x.campaign}/heat-map` },
  {
    name: 'risk history',
    login: 'region-a',
    url: (_x, _r, s) => `/api/organisations/${s.world.schoolA1}/risk-history`,
  },
  {
    name: 'risk profile',
    login: 'region-a',
    url: (_x, _r, s) => `/api/organisations/${s.world.schoolA1}/risk-profile`,
  },
];

function ok(res: { statusCode: number; body: string; json(): unknown }, what: string) {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json() as never;
}

const noAudience = { categories: [], subjects: [], schools: 'territory', organisationIds: [] };

describe.each(engines)('queries per request on $name', (engine) => {
  let s: TestServer;
  let r: TerritoryRecords;
  const clients: Partial<Record<Page['login'], Client>> = {};
  const small = new Map<string, number | Error>();
  const large = new Map<string, number | Error>();

  /**
   * Statements one request runs, after a first call that warms whatever is loaded once per process. A page
   * that fails is kept as its error, for its own case to report, so one broken page hides no other.
   */
  async function count(page: Page, x: Subject): Promise<number | Error> {
    const url = page.url(x, r, s);
    const c = clients[page.login]!;
    let n = 0;
    try {
      ok(await c.get(url), `${page.name} ${url}`);
      s.database.observeQueries(() => {
        n++;
      });
      ok(await c.get(url), `${page.name} ${url}`);
    } catch (err) {
      return err as Error;
    } finally {
      s.database.observeQueries(null);
    }
    return n;
  }

  async function campaignOf(admin: Client, title: string, organisationIds: string[], respondents: number) {
    const campaign = ok(
      await admin.post('/api/diagnosis/campaigns', {
        regionId: s.world.regionA,
        title,
        opensOn: '2022-07-01',
        closesOn: '2022-07-31',
        model: '500plus',
        organisationIds,
      }),
      'campaign',
    ) as CampaignDto;
    let key = 0;
    for (const school of campaign.schools)
      for (let i = 0; i < respondents; i++) {
        key++;
        ok(
          await s.anonymous.request('PUT', `/api/survey/${school.accessCode}/answers`, {
            respondentKey: `respondent-key-${title.length}-${String(key).padStart(8, '0')}-abcdef`,
            group: 'teacher',
            answers: { 't-overload': 4, 't-equipment': ['internet'], 't-courses': 'no', 't-colleagues': 'partly' },
            submit: true,
          }),
          'answers',
        );
      }
    return campaign.id;
  }

  /** An approved regional roadmap of region A with `sections` × `perSection` activities, half done by schools. */
  async function roadmap(admin: Client, title: string, sections: number, perSection: number, schools: string[]) {
    const draft = smallDraft('region', title);
    draft.sections = Array.from({ length: sections }, (_, i) => ({
      number: `${i + 1}.`,
      title: `Раздел ${i + 1}`,
      activities: Array.from({ length: perSection }, (_, j) => ({
        number: `${i + 1}.${j + 1}.`,
        text: `Мероприятие ${i + 1}.${j + 1}`,
        deadlineText: j % 2 ? 'Май 2022 года' : 'До 01.09.2022',
        responsible: 'ИРО',
        executors: '',
        plannedResult: '',
        indicator: '',
        informationSupport: '',
      })),
    }));
    draft.indicators = Array.from({ length: 3 }, (_, i) => ({
      number: String(i + 1),
      direction: '',
      name: `Доля школ ${i + 1}`,
      unit: '%',
      baseline: '40 %',
      actual: '',
      targets: [{ period: '2022', value: 'не менее 90 %' }],
    }));
    draft.consultations = Array.from({ length: 3 }, (_, i) => ({
      topic: `Консультация ${i + 1}`,
      whenText: 'Апрель',
      responsible: ['ИРО'],
    }));
    const saved = ok(
      await admin.post('/api/programmes', {
        draft,
        owner: { regionId: s.world.regionA, municipalityId: null, organisationId: null },
      }),
      'roadmap',
    ) as ProgrammeDetail;
    const activities = saved.sections.flatMap((x) => x.activities);
    for (const [i, a] of activities.entries()) {
      if (i % 2 === 0)
        ok(
          await admin.request('PUT', `/api/activities/${a.id}/targets`, {
            targetKind: 'schools',
            territoryIds: schools,
            version: a.version,
          }),
          'targets',
        );
      else if (i % 3 === 0)
        ok(
          await admin.request('PUT', `/api/activities/${a.id}/targets`, {
            targetKind: 'municipalities',
            territoryIds: [s.world.munA1, s.world.munA2],
            version: a.version,
          }),
          'targets',
        );
    }
    const current = ok(await admin.get(`/api/programmes/${saved.id}`), 'programme') as ProgrammeDetail;
    ok(
      await admin.post(`/api/programmes/${saved.id}/approval`, {
        action: 'approve',
        comment: '',
        version: current.version,
      }),
      'approve',
    );
    return saved.id;
  }

  async function publish(admin: Client, programmeId: string) {
    const p = ok(await admin.get(`/api/programmes/${programmeId}`), 'programme') as ProgrammeDetail;
    ok(await admin.patch(`/api/programmes/${programmeId}`, { public: true, version: p.version }), 'publish');
  }

  async function rounds(admin: Client, programmeId: string) {
    const round = async (title: string, date: string) =>
      ok(await admin.post(`/api/programmes/${programmeId}/rounds`, { kind: 'execution', date, title }), 'round') as {
        id: string;
        version: number;
      };
    const frozen = await round('Мониторинг 1', '2022-06-30');
    ok(await admin.post(`/api/rounds/${frozen.id}/freeze`, { version: frozen.version }), 'freeze');
    const open = await round('Мониторинг 2', '2022-07-10');
    await round('Мониторинг 3', '2022-07-05');
    return { frozenRound: frozen.id, openRound: open.id };
  }

  /** Several times the small world: schools, staff, programmes, reports, events, pairs, groups, runs, lists. */
  async function grow(admin: Client): Promise<Subject> {
    const w = s.world;
    const schools: string[] = [];
    const people: string[] = [];
    for (let i = 0; i < 8; i++) {
      const municipalityId = i % 2 ? w.munA2 : w.munA1;
      const code = `G-${i + 1}`;
      schools.push(
        (
          ok(
            await admin.post('/api/organisations', {
              regionId: w.regionA,
              municipalityId,
              kind: 'school',
              type: 'СОШ',
              code,
              name: `Школа ${code}`,
              shortName: `Школа ${code}`,
            }),
            'school',
          ) as { id: string }
        ).id,
      );
    }
    // Staff: three at every new school and five more at A1-1, each with a course, a deficit and a plan.
    const staffAt = [...schools.flatMap((id) => [id, id, id]), ...Array(5).fill(w.schoolA1)] as string[];
    for (const [i, organisationId] of staffAt.entries()) {
      const person = ok(
        await admin.post('/api/people', {
          regionId: w.regionA,
          municipalityId: null,
          organisationId,
          fullName: `Учитель Номер ${i + 1}`,
          position: i % 2 ? 'Учитель математики' : 'Учитель русского языка',
          email: `teacher${i + 1}@example.ru`,
        }),
        'person',
      ) as { id: string };
      people.push(person.id);
      ok(
        await admin.post(`/api/people/${person.id}/courses`, {
          title: `Курс ${i + 1}`,
          provider: 'ИРО',
          completedOn: '2022-03-01',
        }),
        'course',
      );
      const deficit = ok(
        await admin.post(`/api/people/${person.id}/deficits`, { area: `Дефицит ${i + 1}` }),
        'deficit',
      );
      ok(
        await admin.post(`/api/people/${person.id}/plans`, {
          title: `ИОМ ${i + 1}`,
          items: [{ action: `Шаг ${i + 1}`, deficitId: (deficit as { id: string }).id }],
        }),
        'plan',
      );
    }
    const personOfA1 = people.at(-1)!;
    // More courses and deficits for the person whose development page is measured.
    for (let i = 0; i < 4; i++) {
      ok(
        await admin.post(`/api/people/${personOfA1}/courses`, {
          title: `Ещё курс ${i + 1}`,
          provider: 'ИРО',
          completedOn: '2022-04-01',
        }),
        'course',
      );
      ok(await admin.post(`/api/people/${personOfA1}/deficits`, { area: `Ещё дефицит ${i + 1}` }), 'deficit');
    }

    // Programmes: a big roadmap over every school of A, and school programmes of the new schools.
    const allSchools = [w.schoolA1, w.schoolA1b, w.schoolA2, r.places.schoolA2b.organisationId!, ...schools];
    const programme = await roadmap(admin, 'Большая дорожная карта', 4, 5, allSchools);
    for (const organisationId of schools.slice(0, 4))
      ok(
        await admin.post('/api/programmes', {
          draft: smallDraft('school', 'Программа школы'),
          owner: { regionId: w.regionA, municipalityId: null, organisationId },
        }),
        'school programme',
      );
    // Reports on the big roadmap: evidence and a comment on every unit of its first activities.
    const e = ok(await admin.get(`/api/programmes/${programme}/execution`), 'execution') as ProgrammeExecutionDto;
    for (const a of e.activities.slice(0, 4))
      for (const u of a.units) {
        ok(
          await admin.post(`/api/executions/${u.id}/evidence/link`, {
            kind: 'document',
            title: 'Приказ',
            documentNumber: '1',
            documentDate: '2022-05-10',
          }),
          'evidence',
        );
        ok(await admin.post(`/api/executions/${u.id}/comments`, { text: 'Замечание' }), 'comment');
      }
    const indicators = ok(await admin.get(`/api/programmes/${programme}/indicators`), 'indicators') as {
      key: string;
    }[];
    for (const { key } of indicators)
      ok(
        await admin.request('PUT', `/api/programmes/${programme}/indicators/${key}/values`, {
          period: '2022',
          value: 60,
          evidence: 'Отчёт',
        }),
        'indicator value',
      );
    const { frozenRound, openRound } = await rounds(admin, programme);
    await publish(admin, programme);

    // Events at the region and the new schools; the region's seminar gets every new teacher.
    for (const [i, organisationId] of [null, null, ...schools.slice(0, 4)].entries())
      ok(
        await admin.post('/api/events', {
          regionId: w.regionA,
          municipalityId: organisationId ? null : i % 2 ? w.munA1 : null,
          organisationId,
          kind: 'seminar',
          topic: `Семинар ${i + 1}`,
          windowStart: `2022-08-1${i}`,
          windowEnd: `2022-08-1${i}`,
          place: 'Аудитория',
          responsible: 'Методист',
          audience: noAudience,
        }),
        'event',
      );
    ok(await admin.post(`/api/events/${r.events.regionA}/registrations`, { personIds: people }), 'registrations');

    // Pairs: A1-1 tutors four new schools; the new schools' pairs with A2-2.
    for (const [i, schoolId] of schools.entries())
      ok(
        await admin.post('/api/partnerships', {
          kind: 'tutor',
          schoolId,
          supporterId: i < 4 ? w.schoolA1 : r.places.schoolA2b.organisationId,
          agreementNumber: `С-${i + 1}`,
          obligations: 'Обязательства',
          validFrom: '2022-01-01',
          validTo: '2022-12-31',
        }),
        'pair',
      );
    // School accounts of the new schools.
    for (const [i, organisationId] of schools.entries())
      ok(
        await admin.post('/api/users', {
          login: `school-g${i + 1}`,
          fullName: `Школа G-${i + 1}`,
          role: 'school',
          regionId: w.regionA,
          municipalityId: i % 2 ? w.munA2 : w.munA1,
          organisationId,
        }),
        'user',
      );
    // The curator is given every new school; groups get members.
    ok(
      await admin.post('/api/curator-assignments', {
        userId: w.actors.curator.userId,
        organisationIds: schools,
        orderNumber: '13',
        orderDate: '2022-02-10',
      }),
      'curator',
    );
    for (const organisationId of schools)
      ok(await admin.post(`/api/groups/${r.groups.regionA}/members`, { organisationId, role: 'Участник' }), 'member');
    for (const personId of people.slice(0, 6))
      ok(await admin.post(`/api/groups/${r.groups.regionA}/members`, { personId, role: 'Участник' }), 'member');
    for (let i = 0; i < 3; i++)
      ok(
        await admin.post('/api/groups', {
          regionId: w.regionA,
          municipalityId: null,
          kind: 'mobile-group',
          name: `Группа ${i + 1}`,
        }),
        'group',
      );

    // Results of every school of A, a second run and its list.
    const codes = ['A1-1', 'A1-2', 'A2-1', 'A2-2', ...schools.map((_, i) => `G-${i + 1}`)];
    const csv = [
      'year,school_code,exam,subject,participants,below_min',
      ...codes.flatMap((c) => [`2019,${c},ОГЭ,математика,10,5`, `2021,${c},ОГЭ,математика,10,5`]),
    ].join('\n');
    const f = multipart('gia.csv', csv);
    ok(
      await admin.request('POST', `/api/results/import/gia?commit=true&regionId=${w.regionA}`, f.body, f.headers),
      'results',
    );
    const vpr = multipart(
      'vpr.csv',
      [
        'year,school_code,subject,grade,participants,n2,n3,n4,n5',
        ...codes.map((c) => `2021,${c},математика,5,10,4,4,1,1`),
      ].join('\n'),
    );
    ok(
      await admin.request('POST', `/api/results/import/vpr?commit=true&regionId=${w.regionA}`, vpr.body, vpr.headers),
      'results',
    );
    const run = ok(
      await admin.post('/api/identification/runs', { methodology: 'kuzbass-2021', regionId: w.regionA }),
      'run',
    ) as { id: string };
    const list = ok(
      await admin.post(`/api/identification/runs/${run.id}/approve`, { title: 'Перечень 2' }),
      'approve run',
    ) as { id: string };

    // A campaign over every school of A with answers from each, besides the small one.
    const campaign = await campaignOf(admin, 'Большое анкетирование', allSchools, 3);

    // Reminders a month later: the roadmap's deadlines are overdue for many more units.
    await runReminders(s.database.db, { now: new Date('2022-09-15T05:00:00Z'), mailer: null });

    return {
      programme,
      frozenRound,
      openRound,
      campaign,
      run: run.id,
      list: list.id,
      event: r.events.regionA!,
      group: r.groups.regionA!,
      person: personOfA1,
    };
  }

  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => recordsNow });
    const admin = await s.as('admin');
    r = await buildTerritoryRecords(s, admin);
    for (const login of ['region-a', 'school-a1', 'curator-a', 'admin'] as const) clients[login] = await s.as(login);
    const open = ok(
      await admin.post(`/api/programmes/${r.programmes.regionA}/rounds`, {
        kind: 'execution',
        date: '2022-07-10',
        title: 'Мониторинг открытый',
      }),
      'round',
    ) as { id: string };
    await publish(admin, r.programmes.regionA!);
    const smallSubject: Subject = {
      programme: r.programmes.regionA!,
      frozenRound: r.rounds.regionA!,
      openRound: open.id,
      campaign: await campaignOf(admin, 'Анкетирование', [s.world.schoolA1, s.world.schoolA1b], 1),
      run: r.runs.regionA!,
      list: r.lists.regionA!,
      event: r.events.regionA!,
      group: r.groups.regionA!,
      person: r.people.schoolA1!,
    };
    for (const page of pages) small.set(page.name, await count(page, smallSubject));
    const largeSubject = await grow(admin);
    for (const page of pages) large.set(page.name, await count(page, largeSubject));
    const shown = (n: number | Error | undefined) => (typeof n === 'number' ? String(n) : 'error');
    console.log(
      `statements per request on ${engine.name} (small → large world):\n${pages
        .map((p) => `  ${p.name.padEnd(32)} ${shown(small.get(p.name)).padStart(5)} → ${shown(large.get(p.name))}`)
        .join('\n')}`,
    );
  }, 600_000);
  afterAll(() => s?.close());

  for (const page of pages)
    it(`${page.name}: as many statements on a grown world, at most ${ceiling}`, () => {
      const before = small.get(page.name);
      const after = large.get(page.name);
      if (before instanceof Error) throw before;
      if (after instanceof Error) throw after;
      expect(before, 'the observer sees the session lookup at least').toBeGreaterThan(0);
      expect(after, 'grows with the data').toBeLessThanOrEqual(before! + (page.slack ?? 0));
      expect(after).toBeLessThanOrEqual(ceiling);
    });
});
