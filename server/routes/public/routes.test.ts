// Public pages through the HTTP API on both engines: nothing is shown until the owners publish an approved
// programme; then anyone reads its progress as JSON and as an HTML page, and a school's widget may be framed by any
// site. No personal data reaches any of them: responsible, comments, evidence and names stay inside.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeExecutionDto, RoundDto } from '../../../contract/execution.ts';
import type { ProgrammeDetail } from '../../../contract/programmes.ts';
import type { PublicProgrammeDto } from '../../../contract/public.ts';
import { regionalRoadmap } from '../../../test/approved-programme.ts';
import { engines } from '../../../test/engines.ts';
import { type Client, startTestServer, type TestServer } from '../../../test/server.ts';

// «Today» in region A (Кузбасс, UTC+7): 15.07.2022.
const fixedNow = new Date('2022-07-15T05:00:00Z');
const responsibleName = 'Иванова И.И.';
const schoolComment = 'Ждём приказ директора Смирновой';
const evidenceTitle = 'Приказ Сидорова С.С. о назначении ответственных';
const indicatorEvidence = 'Отчёт методиста Кузнецовой';

describe.each(engines)('public pages on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  let school: Client;
  let programme: ProgrammeDetail;
  let draftId: string;
  const urls = (id: string) => [
    `/api/public/programmes/${id}`,
    `/public/programmes/${id}`,
    `/public/programmes/${id}/widget?school=A1-1`,
  ];

  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => fixedNow });
    const w = s.world;
    ({ programme } = await regionalRoadmap(s.database.db, w, [
      {
        text: 'Назначение ответственных лиц в школах',
        deadlineText: 'До 15.02.2022',
        responsible: responsibleName,
        schools: [w.schoolA1, w.schoolA1b, w.schoolA2],
      },
      {
        text: 'Установочный семинар <script>alert(1)</script>',
        deadlineText: '01.02-20.02.2022',
        responsible: 'Петров П.П., заместитель министра',
      },
      { text: 'Анализ результатов ВПР', deadlineText: 'До 01.08.2022', responsible: responsibleName },
      {
        text: 'Участие школьных команд в обучающих мероприятиях',
        deadlineText: '01.03-01.12.2022',
        schools: [w.schoolA1],
      },
    ]));
    draftId = (
      await regionalRoadmap(s.database.db, w, [{ text: 'Черновое мероприятие', deadlineText: 'Май 2022' }], {
        title: 'Проект дорожной карты',
        approve: false,
      })
    ).programme.id;
    region = await s.as('region-a');
    school = await s.as('school-a1');

    // The school reports its work with a comment and evidence naming people; none of it may become public.
    const execution = (await school.get(`/api/programmes/${programme.id}/execution`)).json() as ProgrammeExecutionDto;
    const [appoint, training] = execution.activities.map((a) => a.units[0]!);
    const evidence = await school.post(`/api/executions/${appoint!.id}/evidence/link`, {
      kind: 'document',
      title: evidenceTitle,
      documentNumber: '12-од',
      documentDate: '2022-02-10',
    });
    expect(evidence.statusCode).toBe(200);
    const done = await school.post(`/api/executions/${appoint!.id}/report`, {
      status: 'done',
      completedOn: '2022-02-12',
      comment: schoolComment,
      version: appoint!.version,
    });
    expect(done.statusCode).toBe(200);
    const started = await school.post(`/api/executions/${training!.id}/report`, {
      status: 'in_progress',
      comment: schoolComment,
      version: training!.version,
    });
    expect(started.statusCode).toBe(200);
    const thread = await school.post(`/api/executions/${training!.id}/comments`, { text: `Вопрос: ${schoolComment}` });
    expect(thread.statusCode).toBe(200);

    // An indicator with an entered value and its evidence; a frozen round and one still ahead.
    const p = (await region.get(`/api/programmes/${programme.id}`)).json() as ProgrammeDetail;
    const patched = await region.patch(`/api/programmes/${programme.id}`, {
      indicators: [
        {
          number: '1',
          direction: '',
          name: 'Доля педагогов, прошедших курсы повышения квалификации',
          unit: '%',
          baseline: '40 %',
          actual: '',
          targets: [{ period: '2022', value: 'не менее 90 %' }],
        },
      ],
      version: p.version,
    });
    expect(patched.statusCode).toBe(200);
    const key = (patched.json() as ProgrammeDetail).indicators[0]!.key!;
    const value = await region.request('PUT', `/api/programmes/${programme.id}/indicators/${key}/values`, {
      period: '2022',
      value: 95,
      evidence: indicatorEvidence,
    });
    expect(value.statusCode).toBe(200);
    const first = await region.post(`/api/programmes/${programme.id}/rounds`, {
      kind: 'execution',
      date: '2022-06-30',
      title: 'Первый мониторинг',
      threshold: { min: 30, max: 40 },
    });
    expect(first.statusCode).toBe(200);
    const frozen = await region.post(`/api/rounds/${(first.json() as RoundDto).id}/freeze`, {
      version: (first.json() as RoundDto).version,
    });
    expect(frozen.statusCode).toBe(200);
    const second = await region.post(`/api/programmes/${programme.id}/rounds`, {
      kind: 'execution',
      date: '2022-11-30',
      title: 'Итоговый мониторинг',
      threshold: { min: 80, max: 90 },
    });
    expect(second.statusCode).toBe(200);
  }, 120_000);
  afterAll(() => s?.close());

  const setPublic = async (id: string, value: boolean) => {
    const p = (await region.get(`/api/programmes/${id}`)).json() as ProgrammeDetail;
    const res = await region.patch(`/api/programmes/${id}`, { public: value, version: p.version });
    expect(res.statusCode).toBe(200);
  };
  const expectNotFound = async (url: string) => {
    const res = await s.anonymous.get(url);
    expect([url, res.statusCode]).toEqual([url, 404]);
    if (url.startsWith('/api/')) expect(res.json().error.code).toBe('not_found');
    else {
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body).toContain('Страница не найдена');
    }
  };
  /** Nothing a person could be identified by: responsible, comments, evidence, the working group, accounts. */
  const expectNoPersonalData = (res: LightMyRequestResponse) => {
    for (const secret of [
      responsibleName,
      'Петров П.П.',
      schoolComment,
      evidenceTitle,
      '12-од',
      indicatorEvidence,
      'Иванова Анна Петровна', // the working group of the test draft
      'school-a1',
      'region-a',
      'responsible',
    ])
      expect(res.body).not.toContain(secret);
  };

  it('shows nothing of a programme that is not published, or not found, on all three addresses', async () => {
    for (const url of urls(programme.id)) await expectNotFound(url);
    for (const url of urls('00000000-0000-4000-8000-000000000000')) await expectNotFound(url);
    await expectNotFound('/public/programmes/not-a-uuid');
  });

  it('shows nothing of a draft even when it is marked public', async () => {
    await setPublic(draftId, true);
    for (const url of urls(draftId)) await expectNotFound(url);
  });

  it('once published, gives anyone the programme as JSON: figures, activities, indicators, rounds', async () => {
    await setPublic(programme.id, true);
    const res = await s.anonymous.get(`/api/public/programmes/${programme.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expectNoPersonalData(res);
    const p = res.json() as PublicProgrammeDto;
    expect(p).toMatchObject({
      title: 'Дорожная карта поддержки школ',
      kind: 'дорожная карта',
      territoryName: 'Область А',
      act: { kind: 'приказ', number: '1', date: '2021-12-30' },
      statusText: 'Утверждена',
      today: '2022-07-15',
      // Activity 1 is done by one of its three schools only; 4 is in progress: nothing is done as a whole yet.
      figures: { total: 4, done: 0, cancelled: 0, inProgress: 2, planned: 2, percent: 0 },
    });
    const activities = p.sections.flatMap((x) => x.activities);
    expect(activities.map((a) => [a.number, a.deadlineText, a.statusText, a.executors])).toEqual([
      ['1.1.', 'До 15.02.2022', 'Выполняется', { kind: 'schools', done: 1, total: 3 }],
      ['1.2.', '01.02-20.02.2022', 'Запланировано', null],
      ['1.3.', 'До 01.08.2022', 'Запланировано', null],
      ['1.4.', '01.03-01.12.2022', 'Выполняется', { kind: 'schools', done: 0, total: 1 }],
    ]);
    expect(activities.map((a) => a.overdue)).toEqual([true, true, false, false]);
    expect(p.indicators[0]!.targets[0]).toMatchObject({ value: 'не менее 90 %', actual: 95, statusText: 'в плане' });
    expect(p.rounds).toEqual([
      expect.objectContaining({ date: '2022-06-30', thresholdText: 'не менее 30–40 %', frozen: true, upcoming: false }),
      expect.objectContaining({ date: '2022-11-30', executionPercent: null, frozen: false, upcoming: true }),
    ]);
  });

  it('and as an HTML page with the date of the data, everything escaped, in the app’s own CSP', async () => {
    const res = await s.anonymous.get(`/public/programmes/${programme.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.body).toContain('Данные на 15.07.2022');
    expect(res.body).toContain('Назначение ответственных лиц в школах');
    expect(res.body).toContain('исполнено 1 из 3 школ');
    expect(res.body).toContain('Установочный семинар &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body).not.toMatch(/<script/i);
    expect(res.body).toContain('Доля педагогов, прошедших курсы повышения квалификации');
    expect(res.body).toContain('Итоговый мониторинг');
    expectNoPersonalData(res);
  });

  it("gives a school's widget only its own activities, framable by any site", async () => {
    const res = await s.anonymous.get(`/public/programmes/${programme.id}/widget?school=A1-1`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain('frame-ancestors *');
    expect(csp).not.toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'"); // the rest of the policy stays
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.body).toContain('Школа A1-1');
    expect(res.body).toContain('Дорожная карта поддержки школ');
    expect(res.body).toContain('Назначение ответственных лиц в школах');
    expect(res.body).toContain('Участие школьных команд в обучающих мероприятиях');
    expect(res.body).not.toContain('Установочный семинар');
    expect(res.body).not.toContain('Анализ результатов ВПР');
    // One of its two activities done: 50 %.
    expect(res.body).toContain('50\u00a0%');
    expect(res.body).toContain('Выполнено 1 из 2 мероприятий');
    expect(res.body).toContain(`href="/public/programmes/${programme.id}"`);
    expectNoPersonalData(res);
    const other = await s.anonymous.get(`/public/programmes/${programme.id}/widget?school=A2-1`);
    expect(other.body).not.toContain('Участие школьных команд');
  });

  it('answers an unknown school, a school without work in it, or no code at all with 404 in Russian', async () => {
    for (const code of ['ZZ-404', 'A-IRO', 'B1-1', '']) {
      const res = await s.anonymous.get(`/public/programmes/${programme.id}/widget?school=${encodeURIComponent(code)}`);
      expect([code, res.statusCode]).toEqual([code, 404]);
      expect(res.body).toContain('Страница не найдена');
      expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
    }
    const hostile = await s.anonymous.get(
      `/public/programmes/${programme.id}/widget?school=${encodeURIComponent('<img src=x>')}`,
    );
    expect(hostile.statusCode).toBe(404);
    expect(hostile.body).toContain('«&lt;img src=x&gt;»');
  });

  it('hides the programme again once its owners withdraw it', async () => {
    await setPublic(programme.id, false);
    for (const url of urls(programme.id)) await expectNotFound(url);
    await setPublic(programme.id, true);
  });

  it('limits how often one address may ask, in Russian', async () => {
    let last: LightMyRequestResponse | null = null;
    for (let i = 0; i < 130 && last?.statusCode !== 429; i++)
      last = await s.anonymous.get('/api/public/programmes/00000000-0000-4000-8000-000000000000');
    expect(last?.statusCode).toBe(429);
    expect(last?.json().error.message).toMatch(/Слишком много запросов/);
  });
});
