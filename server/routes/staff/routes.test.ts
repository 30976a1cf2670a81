import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../../contract/api.ts';
import type {
  CourseCompletion,
  DevelopmentPlan,
  OrganisationStaff,
  StaffDeficit,
  StaffDevelopment,
} from '../../../contract/staff.ts';
import { storedFiles } from '../../../storage/schema.ts';
import { engines } from '../../../test/engines.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../../../test/server.ts';

/** «Today» of the suite: 15.05.2026 in region A (Asia/Novokuznetsk). */
const now = () => new Date('2026-05-15T06:00:00Z');

function upload(c: Client, courseId: string, version: number, fileName: string, bytes: Uint8Array | string) {
  const { body, headers } = multipart(fileName, bytes);
  return c.request('POST', `/api/courses/${courseId}/certificate?version=${version}`, body, headers);
}

describe.each(engines)('staff development API on $name', (engine) => {
  let s: TestServer;
  let school: Client;
  let teacher: Person;
  let course: CourseCompletion;
  let deficit: StaffDeficit;
  let plan: DevelopmentPlan;

  beforeAll(async () => {
    s = await startTestServer(engine, { now });
    school = await s.as('school-a1');
  }, 60_000);
  afterAll(() => s?.close());

  it('adds a teacher of mathematics with the category and subjects read from the position', async () => {
    const res = await school.post('/api/people', {
      regionId: s.world.regionA,
      organisationId: s.world.schoolA1,
      fullName: 'Соколова Мария Андреевна',
      position: 'Учитель математики',
    });
    expect(res.statusCode).toBe(200);
    teacher = res.json();
    expect(teacher).toMatchObject({ category: 'teacher', subjects: ['математика'], municipalityId: s.world.munA1 });

    const given = await school.post('/api/people', {
      regionId: s.world.regionA,
      organisationId: s.world.schoolA1,
      fullName: 'Орлов Пётр Семёнович',
      position: 'Методист',
      category: 'specialist',
      subjects: ['Алгебра', ' ОБЖ '],
    });
    expect(given.json()).toMatchObject({ category: 'specialist', subjects: ['математика', 'обж'] });

    const teachers = (await school.get(`/api/people?organisationId=${s.world.schoolA1}&category=teacher`)).json();
    expect(teachers.items.map((p: Person) => p.fullName)).toEqual(['Соколова Мария Андреевна']);
  });

  it('re-reads the category when the position changes, unless the category is given', async () => {
    const orlov = (await school.get(`/api/people?organisationId=${s.world.schoolA1}&q=Орлов`)).json().items[0];
    const moved = await school.patch(`/api/people/${orlov.id}`, {
      position: 'Заместитель директора по УВР',
      version: orlov.version,
    });
    expect(moved.json()).toMatchObject({ category: 'deputy', subjects: ['математика', 'обж'] });
    const kept = await school.patch(`/api/people/${orlov.id}`, {
      position: 'Учитель информатики',
      category: 'other',
      version: moved.json().version,
    });
    expect(kept.json()).toMatchObject({ category: 'other', subjects: ['математика', 'обж'] });
  });

  it('records a course with its certificate file, and gives the file back', async () => {
    const res = await school.post(`/api/people/${teacher.id}/courses`, {
      title: 'Формирование функциональной грамотности на уроках математики',
      provider: 'КРИПКиПРО',
      hours: 36,
      completedOn: '2025-03-14',
      certificate: 'удостоверение № 4215 от 14.03.2025',
    });
    expect(res.statusCode).toBe(200);
    course = res.json();
    expect(course).toMatchObject({
      hours: 36,
      completedOn: '2025-03-14',
      file: null,
      organisationId: s.world.schoolA1,
    });

    const up = await upload(school, course.id, course.version, 'удостоверение.pdf', '%PDF-1.4 удостоверение');
    expect(up.statusCode).toBe(200);
    course = up.json();
    expect(course.file).toMatchObject({ name: 'удостоверение.pdf', mediaType: 'application/pdf' });
    expect(course.version).toBe(2);

    const file = await school.get(`/api/courses/${course.id}/certificate`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('удостоверение.pdf'));
    expect(file.body).toBe('%PDF-1.4 удостоверение');

    const replaced = await upload(
      school,
      course.id,
      course.version,
      'скан.png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 1]),
    );
    expect(replaced.statusCode).toBe(200);
    course = replaced.json();
    expect(course.file?.name).toBe('скан.png');
    const kept = await s.database.db.select({ id: storedFiles.id }).from(storedFiles);
    expect(kept).toHaveLength(1);
  });

  it('refuses a bad certificate file with a clear Russian message', async () => {
    const exe = await upload(school, course.id, course.version, 'удостоверение.pdf', 'MZ not a pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.message).toBe('Файл «удостоверение.pdf» повреждён или не является файлом .pdf.');
    const type = await upload(school, course.id, course.version, 'setup.exe', 'MZ');
    expect(type.statusCode).toBe(400);
    expect(type.json().error.message).toContain('не принят: удостоверением (сертификатом) может быть файл .pdf');
    const empty = await upload(school, course.id, course.version, 'пусто.pdf', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('Файл «пусто.pdf» пуст.');
    const big = await upload(school, course.id, course.version, 'большой.pdf', new Uint8Array(6 * 1024 * 1024));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('Файл больше допустимого размера');
    const none = await school.request('POST', `/api/courses/${course.id}/certificate?version=${course.version}`, {});
    expect(none.statusCode).toBeGreaterThanOrEqual(400);
    expect(none.statusCode).toBeLessThan(500);
    // Nothing of the refused files was kept, and the course still has its certificate.
    expect(await s.database.db.select({ id: storedFiles.id }).from(storedFiles)).toHaveLength(1);
    const dev = (await school.get(`/api/people/${teacher.id}/development`)).json() as StaffDevelopment;
    expect(dev.courses[0]?.file?.name).toBe('скан.png');
  });

  it('refuses a course completed after today', async () => {
    const res = await school.post(`/api/people/${teacher.id}/courses`, {
      title: 'Будущий курс',
      completedOn: '2026-05-16',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems[0]).toMatchObject({ field: 'completedOn' });
    const impossible = await school.post(`/api/people/${teacher.id}/courses`, {
      title: 'Курс',
      completedOn: '2025-02-30',
    });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().error.problems[0].message).toBe('дата окончания курса: такой даты нет.');
  });

  it('answers 409 to an edit of a stale version, naming what changed', async () => {
    const first = await school.patch(`/api/courses/${course.id}`, { hours: 72, version: course.version });
    expect(first.statusCode).toBe(200);
    const second = await school.patch(`/api/courses/${course.id}`, { provider: 'ИРО', version: course.version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('conflict.stale');
    expect(second.json().error.message).toContain('«Объём, часов»');
    const stale = await upload(school, course.id, course.version, 'скан.pdf', '%PDF-1.4');
    expect(stale.statusCode).toBe(409);
    const gone = await school.delete(`/api/courses/${course.id}?version=${course.version}`);
    expect(gone.statusCode).toBe(409);
    course = first.json();
  });

  it('keeps a deficit and a plan addressing it; the user marks the deficit addressed once the steps are done', async () => {
    const d = await school.post(`/api/people/${teacher.id}/deficits`, {
      area: 'Формирующее оценивание',
      description: 'Не использует критериальное оценивание на уроках',
      identifiedOn: '2026-02-10',
      source: 'Диагностика профессиональных дефицитов ИРО',
    });
    expect(d.statusCode).toBe(200);
    deficit = d.json();
    expect(deficit).toMatchObject({ status: 'open', steps: 0, canMarkAddressed: true });

    const p = await school.post(`/api/people/${teacher.id}/plans`, {
      title: 'ИОМ на 2026 год',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      items: [
        { action: 'Курс «Критериальное оценивание»', due: '2026-06-30', deficitId: deficit.id },
        { action: 'Открытый урок с самоанализом', due: '2026-10-15', deficitId: deficit.id },
        { action: 'Участие в методическом объединении' },
      ],
    });
    expect(p.statusCode).toBe(200);
    plan = p.json();
    expect(plan.items).toHaveLength(3);
    expect(new Set(plan.items.map((i) => i.key)).size).toBe(3);
    expect(plan.items.every((i) => !i.done)).toBe(true);

    let dev = (await school.get(`/api/people/${teacher.id}/development`)).json() as StaffDevelopment;
    expect(dev.deficits[0]).toMatchObject({ steps: 2, stepsDone: 0, canMarkAddressed: false });
    expect(dev.canWrite).toBe(true);

    const early = await school.patch(`/api/deficits/${deficit.id}`, { status: 'addressed', version: deficit.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('выполнено 0 из 2 пунктов ИОМ');

    for (const item of plan.items.slice(0, 2)) {
      const res = await school.patch(`/api/plans/${plan.id}`, {
        itemDone: { key: item.key, done: true },
        version: plan.version,
      });
      expect(res.statusCode).toBe(200);
      plan = res.json();
    }
    expect(plan.items.map((i) => i.done)).toEqual([true, true, false]);

    dev = (await school.get(`/api/people/${teacher.id}/development`)).json() as StaffDevelopment;
    // Not closed by itself: the user decides.
    expect(dev.deficits[0]).toMatchObject({ status: 'open', steps: 2, stepsDone: 2, canMarkAddressed: true });

    const closed = await school.patch(`/api/deficits/${deficit.id}`, { status: 'addressed', version: deficit.version });
    expect(closed.statusCode).toBe(200);
    deficit = closed.json();
    expect(deficit.status).toBe('addressed');

    const inUse = await school.delete(`/api/deficits/${deficit.id}?version=${deficit.version}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('conflict.in_use');
  });

  it('checks plan steps: a deficit of another person, dates, a stale plan', async () => {
    const director = await school.post(`/api/people/${s.world.personA1}/deficits`, { area: 'Управление качеством' });
    const foreign = await school.patch(`/api/plans/${plan.id}`, {
      items: [...plan.items, { action: 'Чужой дефицит', deficitId: director.json().id }],
      version: plan.version,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.problems[0]).toMatchObject({
      field: 'items',
      message: 'Пункт 4: выберите дефицит этого сотрудника.',
    });

    const period = await school.patch(`/api/plans/${plan.id}`, { periodEnd: '2025-12-31', version: plan.version });
    expect(period.statusCode).toBe(400);

    const renamed = await school.patch(`/api/plans/${plan.id}`, { title: 'ИОМ 2026', version: plan.version });
    expect(renamed.statusCode).toBe(200);
    const stale = await school.patch(`/api/plans/${plan.id}`, {
      itemDone: { key: plan.items[2]!.key, done: true },
      version: plan.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('«Название маршрута»');
    plan = renamed.json();
    // Keys survive a rewrite of the steps.
    const rewritten = await school.patch(`/api/plans/${plan.id}`, {
      items: [...plan.items.slice(1), { action: 'Новый пункт' }],
      version: plan.version,
    });
    expect(rewritten.statusCode).toBe(200);
    plan = rewritten.json();
    expect(plan.items.slice(0, 2).map((i) => i.key)).toEqual(
      renamed
        .json()
        .items.slice(1)
        .map((i: { key: string }) => i.key),
    );
  });

  it('shows the school its staff by category: trained in three years, open deficits, plans', async () => {
    await school.post(`/api/people/${s.world.personA1}/courses`, {
      title: 'Управление школой',
      completedOn: '2023-05-14',
    });
    const res = await school.get(`/api/organisations/${s.world.schoolA1}/staff`);
    expect(res.statusCode).toBe(200);
    const staff = res.json() as OrganisationStaff;
    expect(staff).toMatchObject({ today: '2026-05-15', trainedSince: '2023-05-15' });
    const byName = Object.fromEntries(staff.people.map((p) => [p.fullName, p]));
    expect(byName['Соколова Мария Андреевна']).toMatchObject({
      category: 'teacher',
      subjects: ['математика'],
      lastCourseOn: '2025-03-14',
      trained: true,
      openDeficits: 0,
      hasPlan: true,
    });
    // The director's course is a day older than three years.
    expect(byName['Иванова Анна Петровна']).toMatchObject({
      lastCourseOn: '2023-05-14',
      trained: false,
      openDeficits: 1,
    });
    expect(staff.categories).toContainEqual({ category: 'teacher', total: 1, trained: 1 });
  });

  it('refuses another region and another school (403), and unknown records (404)', async () => {
    const regionB = await s.as('region-b');
    for (const url of [
      `/api/people/${teacher.id}/development`,
      `/api/courses/${course.id}/certificate`,
      `/api/organisations/${s.world.schoolA1}/staff`,
    ]) {
      expect([url, (await regionB.get(url)).statusCode]).toEqual([url, 403]);
    }
    const writes = [
      await regionB.post(`/api/people/${teacher.id}/courses`, { title: 'Чужой', completedOn: '2025-01-01' }),
      await regionB.patch(`/api/courses/${course.id}`, { hours: 1, version: course.version }),
      await upload(regionB, course.id, course.version, 'чужое.pdf', '%PDF-1.4'),
      await regionB.post(`/api/people/${teacher.id}/deficits`, { area: 'Чужой' }),
      await regionB.patch(`/api/deficits/${deficit.id}`, { status: 'open', version: deficit.version }),
      await regionB.post(`/api/people/${teacher.id}/plans`, { title: 'Чужой' }),
      await regionB.delete(`/api/plans/${plan.id}?version=${plan.version}`),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual(writes.map(() => 403));

    const schoolA1 = school;
    expect((await schoolA1.get(`/api/people/${s.world.personB1}/development`)).statusCode).toBe(403);
    expect((await schoolA1.get(`/api/organisations/${s.world.schoolA1b}/staff`)).statusCode).toBe(403);
    const observer = await s.as('observer-a');
    expect((await observer.get(`/api/people/${teacher.id}/development`)).json().canWrite).toBe(false);
    expect((await observer.post(`/api/people/${teacher.id}/deficits`, { area: 'Проба' })).statusCode).toBe(403);

    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await school.get(`/api/people/${missing}/development`)).statusCode).toBe(404);
    expect((await school.patch(`/api/courses/${missing}`, { hours: 1, version: 1 })).statusCode).toBe(404);
  });

  it('removes a course with its file, and a person with the certificates of their courses', async () => {
    const removed = await school.delete(`/api/courses/${course.id}?version=${course.version}`);
    expect(removed.statusCode).toBe(204);
    expect(await s.database.db.select({ id: storedFiles.id }).from(storedFiles)).toHaveLength(0);

    const c = (
      await school.post(`/api/people/${teacher.id}/courses`, { title: 'Ещё курс', completedOn: '2026-01-20' })
    ).json() as CourseCompletion;
    expect((await upload(school, c.id, c.version, 'скан.pdf', '%PDF-1.4')).statusCode).toBe(200);
    const p = (await school.get(`/api/people/${teacher.id}`)).json() as Person;
    expect((await school.delete(`/api/people/${p.id}?version=${p.version}`)).statusCode).toBe(204);
    const left = await s.database.db
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(eq(storedFiles.regionId, s.world.regionA));
    expect(left).toHaveLength(0);
    expect((await school.get(`/api/people/${p.id}/development`)).statusCode).toBe(404);
  });
});
