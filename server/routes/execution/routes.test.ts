// Running a programme through the HTTP API on both engines: a school reports its share of a regional roadmap
// with evidence, a curator coaches it, a round at a date shows execution against its threshold, the DOCX
// report carries the same numbers, roadmaps cascade and go through approval, indicators are entered with a
// justification on change, and nothing crosses territories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../adapters/document/read-document.ts';
import type { ApprovalStateDto, ProgrammeExecutionDto, RoundDetailDto, RoundDto } from '../../../contract/execution.ts';
import type { ProgrammeDetail } from '../../../contract/programmes.ts';
import { curatorAssignments } from '../../../storage/schema.ts';
import { regionalRoadmap } from '../../../test/approved-programme.ts';
import { engines } from '../../../test/engines.ts';
import { type Client, multipart, startTestServer, type TestServer } from '../../../test/server.ts';

const fixedNow = new Date('2022-07-15T05:00:00Z');

describe.each(engines)('running a programme on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  let school: Client;
  let programme: ProgrammeDetail;
  let activityIds: string[];
  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => fixedNow });
    const w = s.world;
    ({ programme, activityIds } = await regionalRoadmap(s.database.db, w, [
      {
        text: 'Назначение ответственных лиц в школах',
        deadlineText: 'До 15.02.2022',
        schools: [w.schoolA1, w.schoolA1b, w.schoolA2],
      },
      { text: 'Установочный семинар для руководителей школ', deadlineText: '01.02-20.02.2022' },
      { text: 'Анализ результатов ВПР', deadlineText: 'До 01.08.2022' },
      {
        text: 'Участие школьных команд в обучающих мероприятиях',
        deadlineText: '01.03-01.12.2022',
        schools: [w.schoolA1],
      },
    ]));
    await s.database.db.insert(curatorAssignments).values({
      regionId: w.regionA,
      userId: w.actors.curator.userId,
      organisationId: w.schoolA1,
      basis: 'приказ № 1',
    });
    region = await s.as('region-a');
    school = await s.as('school-a1');
  }, 60_000);
  afterAll(() => s?.close());

  const executionOf = async (c: Client) =>
    (await c.get(`/api/programmes/${programme.id}/execution`)).json() as ProgrammeExecutionDto;
  const unitOf = (e: ProgrammeExecutionDto, activity: number, organisationId: string | null) =>
    e.activities
      .find((a) => a.activityId === activityIds[activity])!
      .units.find((u) => u.organisationId === organisationId)!;

  it('a school reads the regional roadmap that gives it work, and sees only its own units', async () => {
    expect((await school.get(`/api/programmes/${programme.id}`)).statusCode).toBe(200);
    const e = await executionOf(school);
    expect(e.today).toBe('2022-07-15'); // Кузбасс, UTC+7
    expect(e.activities.map((a) => a.activityId)).toEqual([activityIds[0], activityIds[3]]);
    expect(e.activities.flatMap((a) => a.units.map((u) => u.organisationId))).toEqual([
      s.world.schoolA1,
      s.world.schoolA1,
    ]);
    const whole = await executionOf(region);
    expect(whole.activities).toHaveLength(4);
    expect(whole.activities[0]!.units).toHaveLength(3);
    expect(whole.activities[0]!.timing).toBe('overdue');
  });

  it('closing needs the evidence the activity asks for; a link closes it; the history keeps every step', async () => {
    const unit = unitOf(await executionOf(school), 0, s.world.schoolA1);
    const refused = await school.post(`/api/executions/${unit.id}/report`, { status: 'done', version: unit.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/приложите подтверждение/);
    const link = await school.post(`/api/executions/${unit.id}/evidence/link`, {
      kind: 'document',
      title: 'Приказ о назначении ответственных',
      documentNumber: '12-од',
      documentDate: '2022-02-10',
    });
    expect(link.statusCode).toBe(200);
    const future = await school.post(`/api/executions/${unit.id}/report`, {
      status: 'done',
      completedOn: '2022-07-16',
      version: unit.version,
    });
    expect(future.statusCode).toBe(400);
    const done = await school.post(`/api/executions/${unit.id}/report`, {
      status: 'done',
      completedOn: '2022-02-12',
      version: unit.version,
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().status).toBe('done');
    const stale = await school.post(`/api/executions/${unit.id}/report`, {
      status: 'in_progress',
      version: unit.version,
    });
    expect(stale.statusCode).toBe(409);
    const history = (await school.get(`/api/executions/${unit.id}/history`)).json() as { summary: string }[];
    expect(history.map((h) => h.summary).join('\n')).toMatch(/приложено подтверждение[\s\S]*выполнено/);
  });

  it('evidence files are checked by their bytes and come back as uploaded', async () => {
    const unit = unitOf(await executionOf(school), 3, s.world.schoolA1);
    const exe = multipart('..\\..\\отчёт.pdf', 'MZ not a pdf');
    const bad = await school.request('POST', `/api/executions/${unit.id}/evidence`, exe.body, exe.headers);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/повреждён или не является файлом \.pdf/);
    const pdf = multipart('../../отчёт.pdf', '%PDF-1.4 справка');
    const ok = await school.request('POST', `/api/executions/${unit.id}/evidence`, pdf.body, pdf.headers);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().file.name).toBe('отчёт.pdf');
    const back = await school.get(`/api/evidence/${ok.json().id}/file`);
    expect(back.body).toBe('%PDF-1.4 справка');
    const other = await s.as('region-b');
    expect((await other.get(`/api/evidence/${ok.json().id}/file`)).statusCode).toBe(403);
  });

  it('the assigned curator coaches the school in the thread; an unassigned school is closed to the curator', async () => {
    const curator = await s.as('curator-a');
    const mine = unitOf(await executionOf(region), 0, s.world.schoolA1);
    const posted = await curator.post(`/api/executions/${mine.id}/comments`, {
      text: 'Приложите, пожалуйста, скан приказа.',
    });
    expect(posted.statusCode).toBe(200);
    const thread = (await school.get(`/api/executions/${mine.id}/comments`)).json() as {
      authorRole: string;
      text: string;
    }[];
    expect(thread).toEqual([
      expect.objectContaining({ authorRole: 'Куратор', text: 'Приложите, пожалуйста, скан приказа.' }),
    ]);
    const notMine = unitOf(await executionOf(region), 0, s.world.schoolA2);
    expect((await curator.post(`/api/executions/${notMine.id}/comments`, { text: 'x' })).statusCode).toBe(403);
    expect((await curator.post(`/api/executions/${mine.id}/report`, { status: 'done', version: 1 })).statusCode).toBe(
      403,
    );
  });

  it('another region reads and changes nothing', async () => {
    const other = await s.as('region-b');
    expect((await other.get(`/api/programmes/${programme.id}/execution`)).statusCode).toBe(403);
    const unit = unitOf(await executionOf(region), 0, s.world.schoolA2);
    expect((await other.get(`/api/executions/${unit.id}`)).statusCode).toBe(403);
    expect(
      (await other.post(`/api/executions/${unit.id}/report`, { status: 'cancelled', version: unit.version }))
        .statusCode,
    ).toBe(403);
    expect((await other.get(`/api/programmes/${programme.id}/dashboard`)).statusCode).toBe(403);
  });

  it('a round at a date counts done ÷ (all − cancelled) against its threshold, and the DOCX says the same', async () => {
    // Cancel the seminar (region's own), complete the analysis on 20.06: at 30.06 — activity 1 is done by
    // one of three schools (in progress), seminar cancelled, analysis done, training in progress → 1 of 3.
    const e = await executionOf(region);
    const seminar = unitOf(e, 1, null);
    expect(
      (await region.post(`/api/executions/${seminar.id}/report`, { status: 'cancelled', version: seminar.version }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await region.post(`/api/executions/${seminar.id}/report`, {
          status: 'cancelled',
          cancelReason: 'Проведён в составе совещания',
          version: seminar.version,
        })
      ).statusCode,
    ).toBe(200);
    const analysis = unitOf(e, 2, null);
    await region.post(`/api/executions/${analysis.id}/evidence/link`, {
      kind: 'link',
      title: 'Справка',
      url: 'https://example.org/spravka',
    });
    expect(
      (
        await region.post(`/api/executions/${analysis.id}/report`, {
          status: 'done',
          completedOn: '2022-06-20',
          version: analysis.version,
        })
      ).statusCode,
    ).toBe(200);
    const created = await region.post(`/api/programmes/${programme.id}/rounds`, {
      kind: 'execution',
      date: '2022-06-30',
      title: 'Первый мониторинг',
      threshold: { min: 30, max: 40 },
    });
    expect(created.statusCode).toBe(200);
    const round = created.json() as RoundDto;
    expect(round.figures).toMatchObject({
      total: 4,
      cancelled: 1,
      done: 1,
      dueByDate: 1,
      doneOfDue: 0,
      meetsThreshold: true,
      level: 'min',
    });
    expect(round.figures!.executionPercent).toBeCloseTo(33.33, 2);
    const detail = (await region.get(`/api/rounds/${round.id}`)).json() as RoundDetailDto;
    expect(detail.lagging.map((l) => l.activityId)).toEqual([activityIds[0]]);
    expect(
      detail.bySchool.find((x) => x.id === s.world.schoolA1),
      JSON.stringify(detail.bySchool),
    ).toMatchObject({ total: 2, done: 1 });
    const docx = await region.get(`/api/rounds/${round.id}/report.docx`);
    expect(docx.statusCode).toBe(200);
    const text = (await readDocument('справка.docx', docx.rawPayload)).blocks
      .map((b) => (b.kind === 'paragraph' ? b.text : JSON.stringify(b)))
      .join('\n');
    expect(text).toMatch(/33,3 %/);
    expect(text).toMatch(/не менее 30–40 %/);
    const frozen = await region.post(`/api/rounds/${round.id}/freeze`, { version: round.version });
    expect(frozen.statusCode).toBe(200);
    // Later work does not change a frozen round.
    const training = unitOf(await executionOf(school), 3, s.world.schoolA1);
    await school.post(`/api/executions/${training.id}/report`, {
      status: 'done',
      completedOn: '2022-06-01',
      version: training.version,
    });
    const after = (await region.get(`/api/rounds/${round.id}`)).json() as RoundDetailDto;
    expect(after.figures!.done).toBe(1);
    const live = (await region.get(`/api/programmes/${programme.id}/dashboard`)).json();
    expect(live.figures.done).toBe(2);
    expect((await school.post(`/api/rounds/${round.id}/freeze`, { version: 2 })).statusCode).toBe(403);
  });

  it('an approved roadmap is frozen: changes need «Внести изменения», and are compared with the approved version', async () => {
    const edit = await region.patch(`/api/activities/${activityIds[2]}`, { deadlineText: 'До 01.09.2022', version: 1 });
    expect(edit.statusCode).toBe(409);
    const p = (await region.get(`/api/programmes/${programme.id}`)).json() as ProgrammeDetail;
    const reopened = await region.post(`/api/programmes/${programme.id}/approval`, {
      action: 'reopen',
      version: p.version,
    });
    expect(reopened.statusCode).toBe(200);
    const a = p.sections[0]!.activities[2]!;
    expect(
      (await region.patch(`/api/activities/${a.id}`, { deadlineText: 'До 01.09.2022', version: a.version })).statusCode,
    ).toBe(200);
    const state = (await region.get(`/api/programmes/${programme.id}/approval`)).json() as ApprovalStateDto;
    expect(state.changes).toEqual([expect.objectContaining({ kind: 'changed', fields: ['deadline'] })]);
    expect(state.versions).toHaveLength(1);
  });

  it('a cascading activity creates municipal drafts that go through approval and close its units', async () => {
    const p = (await region.get(`/api/programmes/${programme.id}`)).json() as ProgrammeDetail;
    const section = p.sections[0]!;
    const created = await region.post(`/api/programmes/${programme.id}/activities`, {
      sectionId: section.id,
      number: '1.5.',
      text: 'Разработка муниципальных программ по работе со школами с низкими образовательными результатами',
      deadlineText: 'До 01.10.2022',
      responsible: 'Региональный координатор',
      executors: 'Муниципальные координаторы',
      plannedResult: '',
      indicator: '100 % муниципалитетов',
      informationSupport: 'Муниципальные программы',
    });
    expect(created.statusCode).toBe(200);
    const cascade = await region.post(`/api/activities/${created.json().id}/cascade`, {
      level: 'municipality',
      territoryIds: [s.world.munA1, s.world.munA2],
    });
    expect(cascade.statusCode).toBe(200);
    expect(cascade.json()).toMatchObject({ created: 2, existing: 0 });
    const child = cascade.json().programmeIds[0] as string;
    const mun = await s.as('mun-a1');
    let c = (await mun.get(`/api/programmes/${child}`)).json() as ProgrammeDetail;
    if (c.municipalityId !== s.world.munA1)
      c = (await region.get(`/api/programmes/${cascade.json().programmeIds[1]}`)).json();
    const submitted = await mun.post(`/api/programmes/${c.id}/approval`, { action: 'submit', version: c.version });
    expect(submitted.statusCode).toBe(200);
    expect(
      (await mun.post(`/api/programmes/${c.id}/approval`, { action: 'approve', version: c.version + 1 })).statusCode,
    ).toBe(409);
    const noComment = await region.post(`/api/programmes/${c.id}/approval`, {
      action: 'return',
      version: c.version + 1,
    });
    expect(noComment.statusCode).toBe(400);
    const returned = await region.post(`/api/programmes/${c.id}/approval`, {
      action: 'return',
      comment: 'Добавьте мероприятия по работе с родителями',
      version: c.version + 1,
    });
    expect((returned.json() as ApprovalStateDto).status).toBe('returned');
    await mun.post(`/api/programmes/${c.id}/approval`, { action: 'submit', version: c.version + 2 });
    const approved = await region.post(`/api/programmes/${c.id}/approval`, {
      action: 'approve',
      version: c.version + 3,
    });
    expect((approved.json() as ApprovalStateDto).status).toBe('approved');
    const e = await executionOf(region);
    const units = e.activities.find((a) => a.activityId === created.json().id)!.units;
    expect(units.map((u) => [u.municipalityId, u.status]).sort()).toEqual(
      [
        [s.world.munA1, 'done'],
        [s.world.munA2, 'planned'],
      ].sort(),
    );
  });

  it('indicator values: entered with evidence, changed only with a justification, status with its rule', async () => {
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
    const first = await region.request('PUT', `/api/programmes/${programme.id}/indicators/${key}/values`, {
      period: '2022',
      value: 95,
      evidence: 'Отчёт ИРО',
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().targets[0]).toMatchObject({ actual: 95, status: 'on-track', source: 'entered' });
    const noReason = await region.request('PUT', `/api/programmes/${programme.id}/indicators/${key}/values`, {
      period: '2022',
      value: 60,
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    const changed = await region.request('PUT', `/api/programmes/${programme.id}/indicators/${key}/values`, {
      period: '2022',
      value: 60,
      justification: 'Уточнены данные ИРО',
      version: 1,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().targets[0].status).not.toBe('on-track');
    expect(changed.json().targets[0].rule).toMatch(/90/);
  });
});
