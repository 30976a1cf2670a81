// Events through the HTTP API on both engines: seed 000's consultation schedule as 44 events with their
// responsible persons; a coverage indicator counted from attendance at a webinar (0 % → 50 % on the programme
// dashboard as one of two directors is marked present, a stale mark refused); who sees, registers for and marks
// which events; an event with attendance is not deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../contract/api.ts';
import type { IndicatorRowDto, ProgrammeDashboardDto } from '../../../contract/execution.ts';
import type { EventDto, ParticipantDto } from '../../../contract/network.ts';
import type { ImportPreview, ProgrammeDetail } from '../../../contract/programmes.ts';
import { engines } from '../../../test/engines.ts';
import { smallDraft } from '../../../test/programme-drafts.ts';
import { seedFile, seedsPresent } from '../../../test/seeds/seed-files.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../../../test/server.ts';

// 15 October 2022 in Kuzbass (region A, UTC+7): the webinar of 5 October is held, the year's target is current.
const fixedNow = new Date('2022-10-15T05:00:00Z');

// Results that make Школа A1-1 and Школа A1-2 low-results by kuzbass-2021 (as in the identification tests):
// the approved list gives the programme these two target schools.
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

const noAudience = { categories: [], subjects: [], schools: 'programme', organisationIds: [] };

describe.each(engines)('events API on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  let school: Client;
  let regionB: Client;
  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => fixedNow });
    region = await s.as('region-a');
    school = await s.as('school-a1');
    regionB = await s.as('region-b');
  }, 60_000);
  afterAll(() => s?.close());

  const eventsOf = async (c: Client, query: string) => {
    const res = await c.get(`/api/events?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: EventDto[]; total: number };
  };
  const person = async (organisationId: string, fullName: string, position: string) => {
    const res = await region.post('/api/people', { regionId: s.world.regionA, organisationId, fullName, position });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Person;
  };

  describe.runIf(seedsPresent)('seed 000: the consultation schedule', () => {
    it('becomes 44 consultations in the calendar, each month as its window, with the responsible persons', async () => {
      const f = seedFile('000');
      const { body, headers } = multipart(f.name, f.bytes);
      const preview = await region.request('POST', '/api/programmes/import/preview', body, headers);
      expect(preview.statusCode).toBe(200);
      const saved = await region.post('/api/programmes', {
        draft: (preview.json() as ImportPreview).draft,
        owner: { regionId: s.world.regionA },
        sourceName: f.name,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const programme = saved.json() as ProgrammeDetail;

      const { items, total } = await eventsOf(region, `programmeId=${programme.id}&pageSize=100`);
      expect(total).toBe(44);
      expect(items).toHaveLength(44);
      expect(new Set(items.map((e) => e.kind))).toEqual(new Set(['consultation']));
      expect(items[0]).toMatchObject({
        topic: '«Рисковый профиль для формирования направлений, призванных вывести школу из зоны риска»',
        dateText: 'Март 2022 года',
        windowStart: '2022-03-01',
        windowEnd: '2022-03-31',
        status: 'planned',
        programme: { id: programme.id },
        regionId: s.world.regionA,
        municipalityId: null,
        organisationId: null,
        organiserName: 'Область А',
      });
      expect(items[0]!.responsible).toContain('Неверова Н. С.');
      expect(items.at(-1)).toMatchObject({
        dateText: 'Декабрь 2022 года',
        windowStart: '2022-12-01',
        windowEnd: '2022-12-31',
      });
      expect(items.filter((e) => e.responsible !== '')).toHaveLength(39);
      // The one topic shared by two people keeps both.
      const shared = items.find((e) => e.topic.startsWith('«Эффективное использование'))!;
      expect(shared.responsible).toBe(
        'Бикбаева Л. А., директор «СОШ № 22», г. Анжеро-Судженск; Кукшеева О. Ю., директор «Гимназия №2», г. Мариинск',
      );
      // The regional calendar: a school of the region sees them, month by month; region B does not.
      const march = await eventsOf(school, `programmeId=${programme.id}&from=2022-03-01&to=2022-03-31`);
      expect(march.total).toBe(items.filter((e) => e.windowStart.startsWith('2022-03')).length);
      expect(march.total).toBeGreaterThan(0);
      expect((await eventsOf(regionB, `programmeId=${programme.id}`)).total).toBe(0);
    });
  });

  describe.runIf(seedsPresent)('seed 002: the events a roadmap activity holds', () => {
    it('«Проведение заседаний Координационного совета» gives four council meetings, once; a plain activity none', async () => {
      const f = seedFile('002');
      const { body, headers } = multipart(f.name, f.bytes);
      const preview = await region.request('POST', '/api/programmes/import/preview', body, headers);
      expect(preview.statusCode).toBe(200);
      const saved = await region.post('/api/programmes', {
        draft: (preview.json() as ImportPreview).draft,
        owner: { regionId: s.world.regionA, municipalityId: s.world.munA1 },
        sourceName: f.name,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const activities = (saved.json() as ProgrammeDetail).sections.flatMap((x) => x.activities);
      const council = activities.find((a) => a.number === '1.3.')!;
      const res = await region.post(`/api/activities/${council.id}/events`);
      expect(res.statusCode, res.body).toBe(200);
      const planned = res.json() as EventDto[];
      expect(planned.map((e) => [e.kind, e.windowStart, e.windowEnd, e.activity?.number])).toEqual([
        ['council', '2020-08-01', '2020-08-31', '1.3.'],
        ['council', '2020-11-01', '2020-11-30', '1.3.'],
        ['council', '2021-02-01', '2021-02-28', '1.3.'],
        ['council', '2021-06-01', '2021-06-30', '1.3.'],
      ]);
      expect(planned[0]!.responsible).toBe('Прядущенко А.В., Симоненко Л.И.');
      const again = await region.post(`/api/activities/${council.id}/events`);
      expect(again.json()).toEqual([]);
      // Only the programme's owner plans them; an activity that names no event is refused with the reason.
      expect((await school.post(`/api/activities/${council.id}/events`)).statusCode).toBe(403);
      // «Создание Рабочей группы (Координационного совета)» founds the council; it is not a meeting.
      const plain = activities.find((a) => a.number === '1.1.')!;
      const refused = await region.post(`/api/activities/${plain.id}/events`);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toContain('не названо событие');
    });
  });

  describe('coverage counted from attendance, not typed', () => {
    let programme: ProgrammeDetail;
    let key: string;
    let webinar: EventDto;
    const directors: Person[] = [];

    const indicatorOf = async (): Promise<IndicatorRowDto> => {
      const res = await region.get(`/api/programmes/${programme.id}/dashboard`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as ProgrammeDashboardDto).indicators.find((i) => i.key === key)!;
    };

    beforeAll(async () => {
      // Two target schools from an approved list of kuzbass-2021.
      for (const [kind, text] of [
        ['vpr', vpr],
        ['gia', gia],
      ] as const) {
        const { body, headers } = multipart(`${kind}.csv`, text);
        const res = await region.request('POST', `/api/results/import/${kind}?commit=true`, body, headers);
        expect(res.statusCode, res.body).toBe(200);
      }
      const run = await region.post('/api/identification/runs', { methodology: 'kuzbass-2021' });
      expect(run.statusCode, run.body).toBe(200);
      const list = await region.post(`/api/identification/runs/${run.json().id}/approve`, {
        title: 'Перечень ШНОР 2022',
        orderNumber: '3872',
        orderDate: '2021-12-30',
      });
      expect(list.json()).toMatchObject({ schools: 2 });
      const draft = smallDraft('region', 'Дорожная карта поддержки ШНОР');
      draft.indicators = [
        {
          number: '1',
          direction: 'Управленческие компетенции',
          name: 'Доля директоров целевых школ, принявших участие в вебинарах',
          unit: '%',
          baseline: '0 %',
          actual: '',
          targets: [{ period: '2022', value: '100 %' }],
        },
      ];
      const saved = await region.post('/api/programmes', { draft, owner: { regionId: s.world.regionA } });
      expect(saved.statusCode, saved.body).toBe(200);
      const bound = await region.patch(`/api/programmes/${saved.json().id}`, {
        schoolListId: list.json().id,
        version: saved.json().version,
      });
      expect(bound.statusCode, bound.body).toBe(200);
      programme = bound.json();
      key = programme.indicators[0]!.key!;
      // Staff of the two target schools; one director and one deputy of A2-1, not a target school.
      directors.push(await person(s.world.schoolA1, 'Сидорова Мария Ивановна', 'Директор'));
      await person(s.world.schoolA1, 'Козлов Игорь Петрович', 'Заместитель директора по УВР');
      await person(s.world.schoolA1, 'Орлова Нина Сергеевна', 'Учитель математики');
      directors.push(await person(s.world.schoolA1b, 'Белов Сергей Андреевич', 'Директор'));
      await person(s.world.schoolA1b, 'Зуева Ольга Викторовна', 'Заместитель директора по УВР');
      await person(s.world.schoolA1b, 'Титова Анна Олеговна', 'Учитель математики');
      await person(s.world.schoolA2, 'Громов Павел Ильич', 'Директор');
    }, 60_000);

    it('reads the staff categories from the positions', () => {
      expect(directors.map((d) => d.category)).toEqual(['director', 'director']);
    });

    it('the indicator bound to coverage shows 0 % of 2 directors before anyone attends', async () => {
      const set = await region.request('PUT', `/api/programmes/${programme.id}/indicators/${key}/settings`, {
        binding: 'coverage',
        coverage: { categories: ['director'], subjects: [], measure: 'attended', eventKinds: ['webinar'] },
        change: 'increase',
        version: programme.version,
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({
        binding: 'coverage',
        coverage: { categories: ['director'], measure: 'attended', eventKinds: ['webinar'] },
      });
      const row = await indicatorOf();
      expect(row.computed).toEqual({
        value: 0,
        explanation: 'Участвовали в мероприятиях программы (вебинар): 0 из 2 директоров целевых школ (2).',
      });
      expect(row.targets[0]).toMatchObject({ period: '2022', actual: 0, source: 'computed' });
    });

    it('a webinar for the programme invites the two directors; marking one present makes it 50 %', async () => {
      const created = await region.post('/api/events', {
        regionId: s.world.regionA,
        programmeId: programme.id,
        kind: 'webinar',
        topic: 'Управление школой в эффективном режиме',
        windowStart: '2022-10-05',
        windowEnd: '2022-10-05',
        startsAt: '2022-10-05T03:00:00.000Z',
        endsAt: '2022-10-05T05:00:00.000Z',
        link: 'https://webinar.example.ru/opora-5',
        responsible: 'ИРО',
        audience: { ...noAudience, categories: ['director'] },
      });
      expect(created.statusCode, created.body).toBe(200);
      webinar = created.json();
      expect(webinar).toMatchObject({
        kind: 'webinar',
        status: 'planned',
        counts: { audience: 2, registered: 0, attended: 0 },
        version: 1,
      });
      const view = (await region.get(`/api/events/${webinar.id}/participants`)).json();
      expect((view.participants as ParticipantDto[]).map((p) => [p.fullName, p.category, p.inAudience]).sort()).toEqual(
        [
          ['Белов Сергей Андреевич', 'director', true],
          ['Сидорова Мария Ивановна', 'director', true],
        ],
      );

      const marked = await region.request('PUT', `/api/events/${webinar.id}/attendance`, {
        version: 1,
        marks: [{ personId: directors[0]!.id, attended: true }],
      });
      expect(marked.statusCode, marked.body).toBe(200);
      expect(marked.json()).toMatchObject({ version: 2, counts: { audience: 2, registered: 1, attended: 1 } });
      expect((await region.get(`/api/events/${webinar.id}`)).json()).toMatchObject({ status: 'held', version: 2 });
      const row = await indicatorOf();
      expect(row.computed).toEqual({
        value: 50,
        explanation: 'Участвовали в мероприятиях программы (вебинар): 1 из 2 директоров целевых школ (2).',
      });
      expect(row.targets[0]).toMatchObject({ actual: 50, source: 'computed' });
    });

    it('a second mark with the old version is refused and changes nothing', async () => {
      const stale = await region.request('PUT', `/api/events/${webinar.id}/attendance`, {
        version: 1,
        marks: [{ personId: directors[1]!.id, attended: true }],
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe('conflict.stale');
      expect(stale.json().error.message).toMatch(/Запись уже изменил другой пользователь \(версия 2\)/);
      const view = (await region.get(`/api/events/${webinar.id}/participants`)).json();
      expect(view).toMatchObject({ version: 2, counts: { attended: 1 } });
      const белов = (view.participants as ParticipantDto[]).find((p) => p.personId === directors[1]!.id)!;
      expect(белов).toMatchObject({ registered: false, attended: null });
      expect((await indicatorOf()).computed?.value).toBe(50);
    });

    it('attendance at another kind of event does not count; presence at a webinar not yet held is refused', async () => {
      const seminar = (
        await region.post('/api/events', {
          regionId: s.world.regionA,
          programmeId: programme.id,
          kind: 'seminar',
          topic: 'Семинар для директоров',
          windowStart: '2022-10-06',
          windowEnd: '2022-10-06',
        })
      ).json() as EventDto;
      const later = (
        await region.post('/api/events', {
          regionId: s.world.regionA,
          programmeId: programme.id,
          kind: 'webinar',
          topic: 'Вебинар в ноябре',
          windowStart: '2022-11-10',
          windowEnd: '2022-11-10',
        })
      ).json() as EventDto;
      const held = await region.request('PUT', `/api/events/${seminar.id}/attendance`, {
        version: seminar.version,
        marks: [{ personId: directors[1]!.id, attended: true }],
      });
      expect(held.statusCode, held.body).toBe(200);
      expect(held.json().counts.attended).toBe(1);
      // Presence at the November webinar cannot be marked in October; registering for it can.
      const early = await region.request('PUT', `/api/events/${later.id}/attendance`, {
        version: later.version,
        marks: [{ personId: directors[1]!.id, attended: true }],
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().error.message).toContain('Мероприятие ещё не началось (10.11.2022)');
      const registered = await region.request('PUT', `/api/events/${later.id}/attendance`, {
        version: later.version,
        marks: [{ personId: directors[1]!.id, attended: null, registered: true }],
      });
      expect(registered.statusCode, registered.body).toBe(200);
      expect(registered.json().counts).toMatchObject({ registered: 1, attended: 0 });
      expect((await region.get(`/api/events/${later.id}`)).json().status).toBe('planned');
      expect((await indicatorOf()).computed).toMatchObject({ value: 50 });
    });

    it('an event with attendance marked is not deleted; one without is', async () => {
      const refused = await region.delete(`/api/events/${webinar.id}?version=2`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('conflict.state');
      expect((await region.get(`/api/events/${webinar.id}`)).statusCode).toBe(200);
      const empty = (
        await region.post('/api/events', {
          regionId: s.world.regionA,
          kind: 'meeting',
          topic: 'Совещание, которое не состоится',
          windowStart: '2022-10-20',
          windowEnd: '2022-10-20',
        })
      ).json() as EventDto;
      expect((await region.delete(`/api/events/${empty.id}?version=1`)).statusCode).toBe(204);
      expect((await region.get(`/api/events/${empty.id}`)).statusCode).toBe(404);
    });
  });

  describe('who sees, registers for and marks which events', () => {
    let regional: EventDto;
    let ownEvent: EventDto;
    let staffA1: Person;
    let staffA1b: Person;

    beforeAll(async () => {
      staffA1 = await person(s.world.schoolA1, 'Лебедева Ирина Юрьевна', 'Учитель русского языка');
      staffA1b = await person(s.world.schoolA1b, 'Фомин Олег Денисович', 'Учитель русского языка');
      const r = await region.post('/api/events', {
        regionId: s.world.regionA,
        kind: 'seminar',
        topic: 'Региональный семинар учителей русского языка',
        windowStart: '2022-11-15',
        windowEnd: '2022-11-15',
        place: 'КРИПКиПРО, ауд. 12',
        audience: { categories: ['teacher'], subjects: ['русский язык'], schools: 'territory', organisationIds: [] },
      });
      expect(r.statusCode, r.body).toBe(200);
      regional = r.json();
      const o = await school.post('/api/events', {
        regionId: s.world.regionA,
        organisationId: s.world.schoolA1,
        kind: 'meeting',
        topic: 'Педсовет школы A1-1',
        windowStart: '2022-10-10',
        windowEnd: '2022-10-10',
      });
      expect(o.statusCode, o.body).toBe(200);
      ownEvent = o.json();
    });

    it('a regional event is seen by a school of the region; a school event is not seen by region B', async () => {
      expect(regional.counts.audience).toBe(2);
      // Another school's event of region A (in municipality A2) is not school-a1's.
      const elsewhere = await region.post('/api/events', {
        regionId: s.world.regionA,
        organisationId: s.world.schoolA2,
        kind: 'visit',
        topic: 'Выезд в Школу A2-1',
        windowStart: '2022-11-15',
        windowEnd: '2022-11-15',
      });
      expect(elsewhere.statusCode, elsewhere.body).toBe(200);
      const seen = (await eventsOf(school, 'from=2022-11-15&to=2022-11-15&pageSize=1000')).items.map((e) => e.id);
      expect(seen).toContain(regional.id);
      expect(seen).not.toContain(elsewhere.json().id);
      expect((await eventsOf(school, 'kind=meeting&from=2022-10-10&to=2022-10-10')).items.map((e) => e.id)).toEqual([
        ownEvent.id,
      ]);
      expect((await school.get(`/api/events/${elsewhere.json().id}`)).statusCode).toBe(403);
      expect((await school.get(`/api/events/${regional.id}`)).json()).toMatchObject({
        organiserName: 'Область А',
        place: 'КРИПКиПРО, ауд. 12',
      });
      expect(ownEvent).toMatchObject({ organisationId: s.world.schoolA1, municipalityId: s.world.munA1 });
      expect((await region.get(`/api/events/${ownEvent.id}`)).statusCode).toBe(200);
      const b = await regionB.get(`/api/events/${ownEvent.id}`);
      expect(b.statusCode).toBe(403);
      expect((await eventsOf(regionB, 'from=2022-01-01&to=2022-12-31')).total).toBe(0);
    });

    it('a school registers its own staff, not another school’s, and sees only its own in the list', async () => {
      const own = await school.post(`/api/events/${regional.id}/registrations`, { personIds: [staffA1.id] });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json().counts).toEqual({ audience: 2, registered: 1, attended: 0 });
      expect((own.json().participants as ParticipantDto[]).map((p) => [p.fullName, p.registered])).toEqual([
        ['Лебедева Ирина Юрьевна', true],
      ]);
      const foreign = await school.post(`/api/events/${regional.id}/registrations`, { personIds: [staffA1b.id] });
      expect(foreign.statusCode).toBe(403);
      const all = (await region.get(`/api/events/${regional.id}/participants`)).json();
      expect((all.participants as ParticipantDto[]).map((p) => [p.fullName, p.registered]).sort()).toEqual([
        ['Лебедева Ирина Юрьевна', true],
        ['Фомин Олег Денисович', false],
      ]);
      expect(
        (await regionB.post(`/api/events/${regional.id}/registrations`, { personIds: [staffA1.id] })).statusCode,
      ).toBe(403);
    });

    it('attendance is marked by the organiser only', async () => {
      const bySchool = await school.request('PUT', `/api/events/${regional.id}/attendance`, {
        version: regional.version,
        marks: [{ personId: staffA1.id, attended: true }],
      });
      expect(bySchool.statusCode).toBe(403);
      const byMunicipality = await (await s.as('mun-a1')).request('PUT', `/api/events/${regional.id}/attendance`, {
        version: regional.version,
        marks: [{ personId: staffA1.id, attended: true }],
      });
      expect(byMunicipality.statusCode).toBe(403);
      expect((await region.get(`/api/events/${regional.id}`)).json()).toMatchObject({
        status: 'planned',
        counts: { attended: 0, registered: 1 },
      });
      // The school marks its own event.
      const own = await school.request('PUT', `/api/events/${ownEvent.id}/attendance`, {
        version: ownEvent.version,
        marks: [{ personId: staffA1.id, attended: true }],
      });
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json().counts.attended).toBe(1);
      // Its own event is no way to look up another school's staff: marking them is refused, nothing shown.
      const foreign = await school.request('PUT', `/api/events/${ownEvent.id}/attendance`, {
        version: own.json().version,
        marks: [{ personId: staffA1b.id, attended: true }],
      });
      expect(foreign.statusCode).toBe(403);
      const seen = (await school.get(`/api/events/${ownEvent.id}/participants`)).json();
      expect(seen.participants.map((p: { personId: string }) => p.personId)).not.toContain(staffA1b.id);
    });
  });
});
