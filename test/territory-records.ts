// Records of every kind placed at every territory of the two-region test world, for the access-relations
// matrix and the tenant isolation properties. Everything is made through the HTTP API by the administrator,
// and every text a record carries holds a marker naming its place — zp… for a person's data (name, e-mail,
// courses, certificates, deficits, plans), zu… for what an executor reports (evidence, its files, comments),
// zq… for everything else — so a response, an export or a calendar can be searched for anything from outside
// a user's scope.
import type { LightMyRequestResponse } from 'fastify';
import type { ProgrammeExecutionDto } from '../contract/execution.ts';
import type { ProgrammeDetail } from '../contract/programmes.ts';
import { runReminders } from '../services/reminders.ts';
import { smallDraft } from './programme-drafts.ts';
import { type Client, multipart, type TestServer } from './server.ts';

export const recordsNow = new Date('2022-07-15T05:00:00Z');

export type PlaceKey =
  | 'regionA'
  | 'munA1'
  | 'munA2'
  | 'schoolA1'
  | 'schoolA1b'
  | 'schoolA2'
  | 'schoolA2b'
  | 'iroA'
  | 'regionB'
  | 'munB1'
  | 'schoolB1'
  | 'schoolB1b';

/** The short code each place's markers carry: zq + code + x + number. */
export const placeCode: Record<PlaceKey, string> = {
  regionA: 'RA',
  munA1: 'MA1',
  munA2: 'MA2',
  schoolA1: 'SA1',
  schoolA1b: 'SA1b',
  schoolA2: 'SA2',
  schoolA2b: 'SA2b',
  iroA: 'IA',
  regionB: 'RB',
  munB1: 'MB1',
  schoolB1: 'SB1',
  schoolB1b: 'SB1b',
};
const placeByCode = new Map(Object.entries(placeCode).map(([p, c]) => [c, p as PlaceKey]));
export const markerPattern = /z([qpu])(RA|RB|MA1|MA2|MB1|SA1b|SA1|SA2b|SA2|SB1b|SB1|IA)x(\d+)/g;

export interface Marker {
  text: string;
  kind: 'record' | 'person' | 'unit';
  place: PlaceKey;
}

/** Every marker in a text, with the place it names. */
export function markersIn(text: string): Marker[] {
  return [...text.matchAll(markerPattern)].map((m) => ({
    text: m[0],
    kind: m[1] === 'p' ? 'person' : m[1] === 'u' ? 'unit' : 'record',
    place: placeByCode.get(m[2]!)!,
  }));
}

export const regionOfPlace = (p: PlaceKey): 'A' | 'B' => (placeCode[p].includes('B') ? 'B' : 'A');

/** Names and codes of the world's own territories (test/world.ts), which carry no markers. */
export const worldNames: Record<'A' | 'B', string[]> = {
  A: ['A1-1', 'A1-2', 'A2-1', 'A2-2', 'A-IRO', 'Область А', 'Город А1', 'Район А2'],
  B: ['B1-1', 'B1-2', 'Край Б', 'Округ Б1'],
};

export interface Place {
  regionId: string;
  municipalityId: string | null;
  organisationId: string | null;
}

type ByPlace = Partial<Record<PlaceKey, string>>;

export interface TerritoryRecords {
  places: Record<PlaceKey, Place>;
  people: ByPlace;
  courses: ByPlace;
  deficits: ByPlace;
  plans: ByPlace;
  /** Programmes by their owner's place; the regional roadmaps give work to schools and municipalities. */
  programmes: ByPlace;
  /** The first activity of each programme, by the programme's place. */
  activities: ByPlace;
  indicatorKeys: Record<string, string>;
  /** Execution units of the regional roadmaps, by the executor's place. */
  units: ByPlace;
  evidence: ByPlace;
  events: ByPlace;
  partnerships: ByPlace;
  groups: ByPlace;
  lists: ByPlace;
  runs: ByPlace;
  rounds: ByPlace;
  /** Every id made here (and the world's), with the place it belongs to. */
  placeOfId: Map<string, PlaceKey>;
}

let counter = 0;
/** A fresh marker of a place: «zqSA1x12» (a record), «zpSA1x13» (a person's data), «zuSA1x14» (a report). */
export const mark = (place: PlaceKey, kind: 'q' | 'p' | 'u' = 'q') => `z${kind}${placeCode[place]}x${++counter}`;

function ok(res: LightMyRequestResponse, what: string) {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json();
}

const noAudience = { categories: [], subjects: [], schools: 'territory', organisationIds: [] };

export async function buildTerritoryRecords(s: TestServer, admin: Client): Promise<TerritoryRecords> {
  const w = s.world;
  const placeOfId = new Map<string, PlaceKey>();
  const own = (place: PlaceKey, id: string) => {
    placeOfId.set(id, place);
    return id;
  };
  const at = (regionId: string, municipalityId: string | null, organisationId: string | null): Place => ({
    regionId,
    municipalityId,
    organisationId,
  });

  // Two more schools: the tutors of the pairs (A2-2 in A2, B1-2 in B1).
  const school = async (place: PlaceKey, regionId: string, municipalityId: string, code: string) =>
    own(
      place,
      ok(
        await admin.post('/api/organisations', {
          regionId,
          municipalityId,
          kind: 'school',
          type: 'СОШ',
          code,
          name: `Школа ${code} ${mark(place)}`,
          shortName: `Школа ${code} ${mark(place)}`,
        }),
        `school ${code}`,
      ).id,
    );
  const schoolA2b = await school('schoolA2b', w.regionA, w.munA2, 'A2-2');
  const schoolB1b = await school('schoolB1b', w.regionB, w.munB1, 'B1-2');
  const places: Record<PlaceKey, Place> = {
    regionA: at(w.regionA, null, null),
    munA1: at(w.regionA, w.munA1, null),
    munA2: at(w.regionA, w.munA2, null),
    schoolA1: at(w.regionA, w.munA1, w.schoolA1),
    schoolA1b: at(w.regionA, w.munA1, w.schoolA1b),
    schoolA2: at(w.regionA, w.munA2, w.schoolA2),
    schoolA2b: at(w.regionA, w.munA2, schoolA2b),
    iroA: at(w.regionA, null, w.iroA),
    regionB: at(w.regionB, null, null),
    munB1: at(w.regionB, w.munB1, null),
    schoolB1: at(w.regionB, w.munB1, w.schoolB1),
    schoolB1b: at(w.regionB, w.munB1, schoolB1b),
  };
  own('regionA', w.regionA);
  own('munA1', w.munA1);
  own('munA2', w.munA2);
  own('schoolA1', w.schoolA1);
  own('schoolA1b', w.schoolA1b);
  own('schoolA2', w.schoolA2);
  own('iroA', w.iroA);
  own('regionB', w.regionB);
  own('munB1', w.munB1);
  own('schoolB1', w.schoolB1);
  own('schoolA1', w.personA1);
  own('schoolB1', w.personB1);
  own('regionB', w.actors.regional_coordinator_b.userId);
  for (const a of [
    w.actors.regional_coordinator,
    w.actors.municipal_coordinator,
    w.actors.school,
    w.actors.curator,
    w.actors.observer,
  ])
    own('regionA', a.userId);
  const allPlaces = Object.keys(places) as PlaceKey[];
  const placesOf = (region: 'A' | 'B') => allPlaces.filter((p) => regionOfPlace(p) === region);

  // The curator of region A is assigned school A1-1 by order.
  ok(
    await admin.post('/api/curator-assignments', {
      userId: w.actors.curator.userId,
      organisationIds: [w.schoolA1],
      orderNumber: `12 ${mark('schoolA1')}`,
      orderDate: '2022-01-10',
    }),
    'curator',
  );

  // ——— people with courses (and certificates), deficits and plans
  const r: TerritoryRecords = {
    places,
    people: {},
    courses: {},
    deficits: {},
    plans: {},
    programmes: {},
    activities: {},
    indicatorKeys: {},
    units: {},
    evidence: {},
    events: {},
    partnerships: {},
    groups: {},
    lists: {},
    runs: {},
    rounds: {},
    placeOfId,
  };
  for (const place of allPlaces) {
    const p = places[place];
    const person = ok(
      await admin.post('/api/people', {
        regionId: p.regionId,
        municipalityId: p.municipalityId,
        organisationId: p.organisationId,
        fullName: `Учитель ${mark(place, 'p')}`,
        position: 'Учитель математики',
        email: `${mark(place, 'p')}@example.ru`,
      }),
      `person at ${place}`,
    );
    r.people[place] = own(place, person.id);
    const course = ok(
      await admin.post(`/api/people/${person.id}/courses`, {
        title: `Курс ${mark(place, 'p')}`,
        provider: `ИРО ${mark(place, 'p')}`,
        completedOn: '2022-03-01',
      }),
      `course at ${place}`,
    );
    r.courses[place] = own(place, course.id);
    const cert = multipart(`удостоверение-${mark(place, 'p')}.pdf`, `%PDF-1.4 ${mark(place, 'p')}`);
    ok(
      await admin.request(
        'POST',
        `/api/courses/${course.id}/certificate?version=${course.version}`,
        cert.body,
        cert.headers,
      ),
      `certificate at ${place}`,
    );
    const deficit = ok(
      await admin.post(`/api/people/${person.id}/deficits`, { area: `Дефицит ${mark(place, 'p')}` }),
      `deficit at ${place}`,
    );
    r.deficits[place] = own(place, deficit.id);
    const plan = ok(
      await admin.post(`/api/people/${person.id}/plans`, {
        title: `ИОМ ${mark(place, 'p')}`,
        items: [{ action: `Шаг ${mark(place, 'p')}`, deficitId: deficit.id }],
      }),
      `plan at ${place}`,
    );
    r.plans[place] = own(place, plan.id);
  }

  // ——— programmes: a regional roadmap per region giving work to schools and municipalities, and smaller ones
  const draftAt = (place: PlaceKey, level: 'region' | 'municipality' | 'school') => {
    const d = smallDraft(level, `Дорожная карта ${mark(place)}`);
    d.workingGroup = [{ fullName: `Член группы ${mark(place)}`, position: 'методист', role: 'член рабочей группы' }];
    for (const section of d.sections) {
      section.title = `${section.title} ${mark(place)}`;
      for (const a of section.activities) {
        a.text = `${a.text} ${mark(place)}`;
        a.responsible = `Ответственный ${mark(place)}`;
        a.deadlineText = 'Май 2022 года';
      }
    }
    d.indicators = [
      {
        number: '1',
        direction: '',
        name: `Доля школ ${mark(place)}`,
        unit: '%',
        baseline: '40 %',
        actual: '',
        targets: [{ period: '2022', value: 'не менее 90 %' }],
      },
    ];
    d.consultations = [{ topic: `Консультация ${mark(place)}`, whenText: 'Апрель', responsible: ['ИРО'] }];
    if (level === 'region') d.tutorPairs = [{ school: `Школа ${mark(place)}`, tutor: `Тьютор ${mark(place)}` }];
    return d;
  };
  const saveProgramme = async (place: PlaceKey, level: 'region' | 'municipality' | 'school') => {
    const p = places[place];
    const owner = { regionId: p.regionId, municipalityId: p.municipalityId, organisationId: p.organisationId };
    const saved = ok(
      await admin.post('/api/programmes', { draft: draftAt(place, level), owner }),
      `programme ${place}`,
    );
    r.programmes[place] = own(place, saved.id);
    const detail = saved as ProgrammeDetail;
    r.activities[place] = detail.sections[0]!.activities[0]!.id;
    for (const sec of detail.sections) {
      own(place, sec.id);
      for (const a of sec.activities) own(place, a.id);
    }
    return detail;
  };
  for (const [place, level] of [
    ['munA1', 'municipality'],
    ['munA2', 'municipality'],
    ['schoolA1', 'school'],
    ['schoolA1b', 'school'],
    ['munB1', 'municipality'],
    ['schoolB1', 'school'],
  ] as const)
    await saveProgramme(place, level);

  const roadmap = async (
    region: 'regionA' | 'regionB',
    schools: PlaceKey[],
    municipalities: PlaceKey[],
  ): Promise<ProgrammeDetail> => {
    const detail = await saveProgramme(region, 'region');
    const [ownActivity, bySchools, byMunicipalities] = detail.sections.flatMap((x) => x.activities);
    ok(
      await admin.request('PUT', `/api/activities/${bySchools!.id}/targets`, {
        targetKind: 'schools',
        territoryIds: schools.map((x) => places[x].organisationId),
        version: bySchools!.version,
      }),
      'targets: schools',
    );
    ok(
      await admin.request('PUT', `/api/activities/${byMunicipalities!.id}/targets`, {
        targetKind: 'municipalities',
        territoryIds: municipalities.map((x) => places[x].municipalityId),
        version: byMunicipalities!.version,
      }),
      'targets: municipalities',
    );
    void ownActivity;
    const current = ok(await admin.get(`/api/programmes/${detail.id}`), 'programme') as ProgrammeDetail;
    ok(
      await admin.post(`/api/programmes/${detail.id}/approval`, {
        action: 'approve',
        comment: '',
        version: current.version,
      }),
      'approve',
    );
    // Units by their executor's place.
    const e = ok(await admin.get(`/api/programmes/${detail.id}/execution`), 'execution') as ProgrammeExecutionDto;
    for (const a of e.activities)
      for (const u of a.units) {
        const place = allPlaces.find(
          (x) =>
            places[x].regionId === (region === 'regionA' ? w.regionA : w.regionB) &&
            places[x].organisationId === u.organisationId &&
            (u.organisationId !== null || places[x].municipalityId === u.municipalityId),
        )!;
        r.units[place] = own(place, u.id);
      }
    return detail;
  };
  await roadmap('regionA', ['schoolA1', 'schoolA1b', 'schoolA2'], ['munA1', 'munA2']);
  await roadmap('regionB', ['schoolB1', 'schoolB1b'], ['munB1']);

  // Evidence (a file and a document), a comment on every unit; an indicator value on every programme.
  for (const [place, unitId] of Object.entries(r.units) as [PlaceKey, string][]) {
    const file = multipart(`отчёт-${mark(place, 'u')}.pdf`, `%PDF-1.4 ${mark(place, 'u')}`);
    const e = ok(
      await admin.request('POST', `/api/executions/${unitId}/evidence`, file.body, file.headers),
      `evidence ${place}`,
    );
    r.evidence[place] = own(place, e.id);
    own(
      place,
      ok(
        await admin.post(`/api/executions/${unitId}/evidence/link`, {
          kind: 'document',
          title: `Приказ ${mark(place, 'u')}`,
          documentNumber: mark(place, 'u'),
          documentDate: '2022-05-10',
        }),
        `document ${place}`,
      ).id,
    );
    ok(await admin.post(`/api/executions/${unitId}/comments`, { text: `Замечание ${mark(place, 'u')}` }), 'comment');
  }
  for (const [place, programmeId] of Object.entries(r.programmes) as [PlaceKey, string][]) {
    const rows = ok(await admin.get(`/api/programmes/${programmeId}/indicators`), 'indicators') as { key: string }[];
    const key = rows[0]!.key;
    r.indicatorKeys[programmeId] = key;
    ok(
      await admin.request('PUT', `/api/programmes/${programmeId}/indicators/${key}/values`, {
        period: '2022',
        value: 50,
        evidence: `Отчёт ${mark(place)}`,
      }),
      `indicator value ${place}`,
    );
  }

  // ——— events at every place; staff of two schools registered for the region's seminar
  for (const place of allPlaces) {
    const p = places[place];
    const ev = ok(
      await admin.post('/api/events', {
        regionId: p.regionId,
        municipalityId: p.municipalityId,
        organisationId: p.organisationId,
        kind: 'seminar',
        topic: `Семинар ${mark(place)}`,
        windowStart: '2022-08-10',
        windowEnd: '2022-08-10',
        place: `Аудитория ${mark(place)}`,
        responsible: `Методист ${mark(place)}`,
        audience: noAudience,
      }),
      `event at ${place}`,
    );
    r.events[place] = own(place, ev.id);
  }
  for (const region of ['regionA', 'regionB'] as const) {
    const staff = placesOf(region === 'regionA' ? 'A' : 'B')
      .filter((x) => places[x].organisationId && x !== 'iroA')
      .map((x) => r.people[x]!);
    ok(await admin.post(`/api/events/${r.events[region]}/registrations`, { personIds: staff }), 'registrations');
  }

  // ——— tutor pairs with their signed agreements; the pairs the roadmaps name stay unmatched, at the region
  const pair = async (place: PlaceKey, supporter: PlaceKey) => {
    const made = ok(
      await admin.post('/api/partnerships', {
        kind: 'tutor',
        schoolId: places[place].organisationId,
        supporterId: places[supporter].organisationId,
        agreementNumber: mark(place),
        obligations: `Обязательства ${mark(place)}`,
        validFrom: '2022-01-01',
        validTo: '2022-12-31',
      }),
      `pair ${place}`,
    );
    r.partnerships[place] = own(place, made.id);
  };
  await pair('schoolA1', 'schoolA2b');
  await pair('schoolA1b', 'schoolA2b');
  await pair('schoolA2', 'schoolA2b');
  await pair('schoolB1', 'schoolB1b');
  for (const region of ['regionA', 'regionB'] as const) {
    const list = ok(await admin.get(`/api/partnerships?programmeId=${r.programmes[region]}`), 'pairs') as {
      items: { id: string }[];
    };
    r.partnerships[region] = own(region, list.items[0]!.id);
  }
  for (const [place, id] of Object.entries(r.partnerships) as [PlaceKey, string][]) {
    const file = multipart(`соглашение-${mark(place)}.pdf`, `%PDF-1.4 ${mark(place)}`);
    const current = (
      ok(await admin.get(`/api/partnerships?pageSize=500`), 'pairs') as { items: { id: string; version: number }[] }
    ).items.find((x) => x.id === id)!;
    ok(
      await admin.request('POST', `/api/partnerships/${id}/file?version=${current.version}`, file.body, file.headers),
      `agreement ${place}`,
    );
  }

  // ——— groups: the region's mobile group with a school and a teacher of A2-1, a municipal network of A2, one in B
  const group = async (place: PlaceKey, members: { organisationId?: string; personId?: string }[]) => {
    const p = places[place];
    const g = ok(
      await admin.post('/api/groups', {
        regionId: p.regionId,
        municipalityId: p.municipalityId,
        kind: 'mobile-group',
        name: `Группа ${mark(place)}`,
      }),
      `group ${place}`,
    );
    for (const m of members)
      ok(await admin.post(`/api/groups/${g.id}/members`, { ...m, role: `Роль ${mark(place)}` }), 'member');
    r.groups[place] = own(place, g.id);
  };
  await group('regionA', [{ organisationId: w.schoolA1 }]);
  await group('munA2', [{ personId: r.people.schoolA2! }]);
  await group('regionB', [{ personId: r.people.schoolB1! }, { organisationId: w.schoolB1 }]);

  // ——— results, runs and approved lists of schools in both regions
  const results = {
    vpr: (codes: string[]) =>
      [
        'year,school_code,subject,grade,participants,n2,n3,n4,n5',
        ...codes.map((c) => `2021,${c},математика,5,10,4,4,1,1`),
      ].join('\n'),
    gia: (codes: string[]) =>
      [
        'year,school_code,exam,subject,participants,below_min',
        ...codes.flatMap((c) => [`2019,${c},ОГЭ,математика,10,5`, `2021,${c},ОГЭ,математика,10,5`]),
      ].join('\n'),
  };
  for (const [region, codes] of [
    ['regionA', ['A1-1', 'A1-2', 'A2-1']],
    ['regionB', ['B1-1', 'B1-2']],
  ] as const) {
    const regionId = places[region].regionId;
    for (const kind of ['vpr', 'gia'] as const) {
      const f = multipart(`${kind}.csv`, results[kind]([...codes]));
      ok(
        await admin.request('POST', `/api/results/import/${kind}?commit=true&regionId=${regionId}`, f.body, f.headers),
        `results ${kind} ${region}`,
      );
    }
    const run = ok(await admin.post('/api/identification/runs', { methodology: 'kuzbass-2021', regionId }), 'run');
    r.runs[region] = own(region, run.id);
    const list = ok(
      await admin.post(`/api/identification/runs/${run.id}/approve`, { title: `Перечень ${mark(region)}` }),
      'approve run',
    );
    r.lists[region] = own(region, list.id);
  }

  // ——— an execution round of each roadmap; region A's is frozen (its figures kept as the region saw them)
  for (const region of ['regionA', 'regionB'] as const) {
    const round = ok(
      await admin.post(`/api/programmes/${r.programmes[region]}/rounds`, {
        kind: 'execution',
        date: '2022-06-30',
        title: `Мониторинг ${mark(region)}`,
      }),
      'round',
    );
    r.rounds[region] = own(region, round.id);
    if (region === 'regionA')
      ok(await admin.post(`/api/rounds/${round.id}/freeze`, { version: round.version }), 'freeze');
  }

  // ——— reminders: the May deadlines are overdue on 15 July, the August seminars are coming
  await runReminders(s.database.db, { now: recordsNow, mailer: null });
  return r;
}
