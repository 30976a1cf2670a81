// Diagnosis through the HTTP API on both engines: a campaign of region A over two schools, the director and
// teachers answering by the school's code without an account (saved as they go, resumed, submitted), the risk
// profile with its explanations, history and heat map — each kept inside its territory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignDto, RiskProfileDto } from '../../../contract/diagnosis.ts';
import { engines } from '../../../test/engines.ts';
import { type Client, startTestServer, type TestServer } from '../../../test/server.ts';

// «Today»: 10 April 2023 in region A, inside the campaign of seed 004 item 4 (28.03–18.04.2023).
const fixedNow = new Date('2023-04-10T05:00:00Z');
const key = (n: number) => `respondent-key-${String(n).padStart(8, '0')}-abcdef`;

describe.each(engines)('diagnosis API on $name', (engine) => {
  let s: TestServer;
  let region: Client;
  let school: Client;
  let campaign: CampaignDto;
  let codeA1: string;
  beforeAll(async () => {
    s = await startTestServer(engine, { now: () => fixedNow });
    region = await s.as('region-a');
    school = await s.as('school-a1');
  }, 60_000);
  afterAll(() => s?.close());

  const answer = (code: string, body: object) => s.anonymous.request('PUT', `/api/survey/${code}/answers`, body);

  it('the region opens a campaign for two schools; each school gets its own code', async () => {
    const res = await region.post('/api/diagnosis/campaigns', {
      regionId: s.world.regionA,
      title: 'Анкетирование для формирования рисковых профилей',
      opensOn: '2023-03-28',
      closesOn: '2023-04-18',
      model: '500plus',
      organisationIds: [s.world.schoolA1, s.world.schoolA1b],
    });
    expect(res.statusCode, res.body).toBe(200);
    campaign = res.json();
    expect(campaign).toMatchObject({ state: 'open', modelCode: '500plus', anonymousGroups: ['student', 'parent'] });
    expect(campaign.factors).toHaveLength(10);
    expect(campaign.schools.map((x) => x.accessCode)).toEqual([
      expect.stringMatching(/^[A-Z2-9]{10}$/),
      expect.stringMatching(/^[A-Z2-9]{10}$/),
    ]);
    codeA1 = campaign.schools.find((x) => x.organisationId === s.world.schoolA1)!.accessCode;
    const own = {
      regionId: s.world.regionA,
      title: 'Своя',
      opensOn: '2023-04-01',
      closesOn: '2023-04-30',
      model: '500plus',
    };
    expect(
      (await school.post('/api/diagnosis/campaigns', { ...own, organisationIds: [s.world.schoolA1] })).statusCode,
    ).toBe(403);
    const b = await s.as('region-b');
    expect((await b.get(`/api/diagnosis/campaigns/${campaign.id}`)).statusCode).toBe(403);
  });

  it('a respondent opens the questionnaire by the code without an account', async () => {
    const res = await s.anonymous.get(`/api/survey/${codeA1.toLowerCase()}`);
    expect(res.statusCode, res.body).toBe(200);
    const q = res.json();
    expect(q).toMatchObject({ schoolName: 'Школа A1-1', open: true });
    expect(q.groups.map((g: { group: string; anonymous: boolean }) => [g.group, g.anonymous])).toEqual([
      ['director', false],
      ['teacher', false],
      ['student', true],
      ['parent', true],
    ]);
    expect((await s.anonymous.get('/api/survey/NOSUCHCODE1')).statusCode).toBe(404);
  });

  it('answers are saved as the respondent goes, resumed by the key, reported when wrong, and submitted', async () => {
    const first = await answer(codeA1, {
      respondentKey: key(1),
      group: 'director',
      answers: { 'd-internet': 'no', 'd-vacancies': 2 },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ saved: 2, submitted: false, problems: [] });
    // A dropped connection loses nothing: the next save adds to what is kept.
    const second = await answer(codeA1, {
      respondentKey: key(1),
      group: 'director',
      answers: {
        'd-computers': 'partly',
        'd-lab': 'no',
        'd-non-specialist': 20,
        'd-mentoring': 'maybe',
        'x-unknown': 'yes',
      },
    });
    expect(second.json()).toMatchObject({ saved: 5, submitted: false });
    expect(second.json().problems.map((p: { question: string }) => p.question)).toEqual(['d-mentoring', 'x-unknown']);
    // Not submitted yet: the profile does not count it.
    const before = (await region.get(`/api/organisations/${s.world.schoolA1}/risk-profile`)).json() as RiskProfileDto;
    expect(before.respondents.director).toBe(0);
    const done = await answer(codeA1, {
      respondentKey: key(1),
      group: 'director',
      answers: { 'd-mentoring': 'no' },
      submit: true,
    });
    expect(done.json()).toMatchObject({ saved: 6, submitted: true });
    const again = await answer(codeA1, { respondentKey: key(1), group: 'director', answers: { 'd-mentoring': 'yes' } });
    expect(again.statusCode).toBe(409);
    // Two teachers.
    for (const [n, answers] of [
      [2, { 't-overload': 5, 't-equipment': ['internet', 'books'], 't-courses': 'yes', 't-colleagues': 'no' }],
      [3, { 't-overload': 4, 't-equipment': ['internet'], 't-courses': 'no', 't-colleagues': 'partly' }],
    ] as const) {
      const r = await answer(codeA1, { respondentKey: key(n), group: 'teacher', answers, submit: true });
      expect(r.statusCode, r.body).toBe(200);
    }
  });

  it('the profile shows each factor with its level and the numbers behind it', async () => {
    const res = await school.get(`/api/organisations/${s.world.schoolA1}/risk-profile`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as RiskProfileDto;
    expect(p.respondents).toEqual({ director: 1, teacher: 2, student: 0, parent: 0 });
    const f = (k: string) => p.factors.find((x) => x.factor === k)!;
    // Staff: vacancies 2 → 80 (weight 2), non-specialist 20 % → 70: 76,7; overload mean(100, 75) = 87,5; (76,7 × 2 + 87,5) / 3 = 80,3.
    expect(f('staff-shortage')).toMatchObject({ level: 'high', title: 'Дефицит педагогических кадров' });
    expect(f('staff-shortage').explanation).toBe(
      '«Дефицит педагогических кадров»: 80,3 из 100 — высокий риск (высокий — от 60, средний — от 35). Показатели: «Вакансии и преподавание не по специальности» — 76,7 (вес 2); «Нагрузка учителей» — 87,5 (вес 1).',
    );
    expect(f('parents').level).toBe('no-data');
    const campaignView = (await region.get(`/api/diagnosis/campaigns/${campaign.id}`)).json() as CampaignDto;
    expect(campaignView.schools.find((x) => x.organisationId === s.world.schoolA1)!.groups).toMatchObject({
      director: { started: 1, submitted: 1 },
      teacher: { started: 2, submitted: 2 },
    });
    expect(campaignView.municipalities).toEqual([
      { id: s.world.munA1, name: 'Город А1', schools: 2, withAnswers: 1, submitted: 3 },
    ]);
  });

  it('the heat map groups schools by their high risks; history lists the campaign', async () => {
    const map = (await region.get(`/api/diagnosis/campaigns/${campaign.id}/heat-map`)).json();
    expect(map.rows).toHaveLength(2);
    const a1 = map.rows.find((r: { organisationId: string }) => r.organisationId === s.world.schoolA1);
    expect(a1.levels['staff-shortage']).toBe('high');
    expect(map.groups[0].schools).toEqual([s.world.schoolA1]);
    expect(map.groups[0].factors).toContain('staff-shortage');
    const history = (await region.get(`/api/organisations/${s.world.schoolA1}/risk-history`)).json();
    expect(history.map((h: { campaign: { id: string } }) => h.campaign.id)).toEqual([campaign.id]);
  });

  it('a school reads only its own profile; the other school and region B are refused', async () => {
    expect((await school.get(`/api/organisations/${s.world.schoolA1b}/risk-profile`)).statusCode).toBe(403);
    const b = await s.as('region-b');
    expect((await b.get(`/api/organisations/${s.world.schoolA1}/risk-profile`)).statusCode).toBe(403);
    // The school sees its own row of the heat map only.
    const own = (await school.get(`/api/diagnosis/campaigns/${campaign.id}/heat-map`)).json();
    expect(own.rows.map((r: { organisationId: string }) => r.organisationId)).toEqual([s.world.schoolA1]);
  });

  it('answers outside the campaign dates are refused with the dates', async () => {
    const later = await region.post('/api/diagnosis/campaigns', {
      regionId: s.world.regionA,
      title: 'Осенняя кампания',
      opensOn: '2023-10-01',
      closesOn: '2023-10-20',
      model: '500plus',
      organisationIds: [s.world.schoolA1],
    });
    const code = (later.json() as CampaignDto).schools[0]!.accessCode;
    const res = await answer(code, { respondentKey: key(9), group: 'teacher', answers: { 't-overload': 3 } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Анкетирование открыто с 01.10.2023 по 20.10.2023.');
  });

  it('SWOT: the school saves drafts, submits a complete one; the municipality returns it with a comment, then accepts', async () => {
    const url = `/api/organisations/${s.world.schoolA1}/forms/swot/2023`;
    const draft = await school.request('PUT', url, {
      content: { strengths: ['Сплочённый коллектив'], weaknesses: [] },
    });
    expect(draft.statusCode, draft.body).toBe(200);
    const form = draft.json();
    expect(form).toMatchObject({ kind: 'swot', period: '2023', status: 'draft', version: 1 });
    const incomplete = await school.post(`/api/forms/${form.id}/review`, { decision: 'submit', version: 1 });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.problems.map((p: { field: string }) => p.field)).toEqual([
      'weaknesses',
      'opportunities',
      'threats',
    ]);
    const full = {
      strengths: ['Сплочённый коллектив'],
      weaknesses: ['Вакансии учителей математики'],
      opportunities: ['Сетевое взаимодействие со школой-тьютором'],
      threats: ['Отток обучающихся в городские школы'],
    };
    const stale = await school.request('PUT', url, { content: full });
    expect(stale.statusCode).toBe(409);
    const saved = await school.request('PUT', url, { content: full, version: 1 });
    expect(saved.json()).toMatchObject({ version: 2 });
    const submitted = await school.post(`/api/forms/${form.id}/review`, { decision: 'submit', version: 2 });
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 3 });
    expect((await school.request('PUT', url, { content: full, version: 3 })).statusCode).toBe(409);
    const mun = await s.as('mun-a1');
    expect((await school.post(`/api/forms/${form.id}/review`, { decision: 'accept', version: 3 })).statusCode).toBe(
      403,
    );
    const noComment = await mun.post(`/api/forms/${form.id}/review`, { decision: 'return', version: 3 });
    expect(noComment.statusCode).toBe(400);
    const returned = await mun.post(`/api/forms/${form.id}/review`, {
      decision: 'return',
      comment: 'Добавьте угрозы, связанные с кадрами.',
      version: 3,
    });
    expect(returned.json()).toMatchObject({
      status: 'returned',
      reviewComment: 'Добавьте угрозы, связанные с кадрами.',
      reviewedBy: 'mun-a1',
    });
    await school.request('PUT', url, {
      content: { ...full, threats: [...full.threats, 'Уход учителей на пенсию'] },
      version: 4,
    });
    await school.post(`/api/forms/${form.id}/review`, { decision: 'submit', version: 5 });
    const accepted = await mun.post(`/api/forms/${form.id}/review`, { decision: 'accept', version: 6 });
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 7 });
    const b = await s.as('region-b');
    expect((await b.get(`/api/organisations/${s.world.schoolA1}/forms`)).statusCode).toBe(403);
  });

  it('entry monitoring checks its fields with their place', async () => {
    const res = await school.request('PUT', `/api/organisations/${s.world.schoolA1}/forms/entry-monitoring/2023`, {
      content: { staff: { vacancies: 2, 'under-35': 140 }, management: { 'development-programme': 'да' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.problems).toEqual([
      { field: 'staff.under-35', message: '«Доля учителей моложе 35 лет»: число от 0 до 100.' },
      { field: 'management.development-programme', message: '«Действующая программа развития школы»: да или нет.' },
    ]);
  });

  it('the school picks two risks with measures of the library: they become its roadmap, once', async () => {
    const library = (await school.get(`/api/regions/${s.world.regionA}/risk-measures?factorKey=staff-shortage`)).json();
    expect(library.map((m: { id: string }) => m.id)).toEqual(['preset:2', 'preset:3']);
    const pd = (
      await school.get(`/api/regions/${s.world.regionA}/risk-measures?factorKey=professional-development`)
    ).json();
    const res = await school.post(`/api/organisations/${s.world.schoolA1}/anti-risk`, {
      campaignId: campaign.id,
      risks: [
        { factorKey: 'staff-shortage', measureIds: ['preset:2', 'preset:3'] },
        { factorKey: 'professional-development', measureIds: [pd[0].id] },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const programme = res.json();
    expect(programme.programmeTitle).toBe('Антирисковая программа Школа A1-1 на 10.04.2023–09.04.2024');
    expect(
      programme.risks.map((r: { factorTitle: string; activities: { text: string }[] }) => [
        r.factorTitle,
        r.activities.length,
      ]),
    ).toEqual([
      ['Дефицит педагогических кадров', 2],
      ['Несформированность внутришкольной системы повышения квалификации', 1],
    ]);
    expect(programme.risks[1].activities[0]).toMatchObject({
      text: 'Система наставничества: пары «наставник — молодой учитель»',
      indicator: 'Число наставнических пар',
    });
    // Executed and monitored like any activity: the programme's execution lists the measures.
    const execution = (await school.get(`/api/programmes/${programme.programmeId}/execution`)).json();
    expect(execution.activities).toHaveLength(3);
    const again = await school.post(`/api/organisations/${s.world.schoolA1}/anti-risk`, {
      risks: [{ factorKey: 'staff-shortage', measureIds: ['preset:2'] }],
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe('Риск «Дефицит педагогических кадров» уже в антирисковой программе школы.');
    // A third risk goes into the same roadmap as a new section.
    const third = await school.post(`/api/organisations/${s.world.schoolA1}/anti-risk`, {
      risks: [{ factorKey: 'equipment', measureIds: ['preset:0'] }],
    });
    expect(third.statusCode, third.body).toBe(200);
    expect(third.json().programmeId).toBe(programme.programmeId);
    expect(third.json().risks).toHaveLength(3);
    const b = await s.as('region-b');
    expect(
      (
        await b.post(`/api/organisations/${s.world.schoolA1}/anti-risk`, {
          risks: [{ factorKey: 'parents', measureIds: ['preset:16'] }],
        })
      ).statusCode,
    ).toBe(403);
    const wrong = await school.post(`/api/organisations/${s.world.schoolA1}/anti-risk`, {
      risks: [{ factorKey: 'parents', measureIds: ['preset:0'] }],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.problems[0].field).toBe('risks[0].measureIds[0]');
  });

  it('the region curates its own measures for a factor: they replace the shipped ones there', async () => {
    const created = await region.post('/api/risk-measures', {
      regionId: s.world.regionA,
      factorKey: 'motivation',
      text: 'Региональный конкурс ученических проектов',
      indicator: 'Число участников',
    });
    expect(created.statusCode, created.body).toBe(200);
    const list = (await school.get(`/api/regions/${s.world.regionA}/risk-measures?factorKey=motivation`)).json();
    expect(list.map((m: { text: string }) => m.text)).toEqual(['Региональный конкурс ученических проектов']);
    expect(
      (await school.post('/api/risk-measures', { regionId: s.world.regionA, factorKey: 'motivation', text: 'x' }))
        .statusCode,
    ).toBe(403);
    const stale = await region.patch(`/api/risk-measures/${created.json().id}`, { text: 'Новое', version: 2 });
    expect(stale.statusCode).toBe(409);
  });

  it("a signed-in browser answers too (the questionnaire acts on nobody's authority); null takes an answer back", async () => {
    const put = (answers: object) =>
      s.app.inject({
        method: 'PUT',
        url: `/api/survey/${codeA1}/answers`,
        headers: { cookie: school.cookie },
        payload: { respondentKey: key(20), group: 'teacher', answers },
      });
    const first = await put({ 't-overload': 3, 't-courses': 'no' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().saved).toBe(2);
    const cleared = await put({ 't-overload': null });
    expect(cleared.json()).toMatchObject({ saved: 1, problems: [] });
  });

  it('the region adjusts a copy of the model: thresholds as versions, a campaign scores with its version', async () => {
    const copy = await region.post('/api/diagnosis-models', {
      regionId: s.world.regionA,
      from: '500plus',
      code: 'oblast-a',
      title: 'Модель области А',
    });
    expect(copy.statusCode, copy.body).toBe(200);
    const model = copy.json();
    expect(model).toMatchObject({ code: 'oblast-a', preset: false, basedOn: '500plus (версия 1)', version: 1 });
    // «Дефицит кадров» is high only from 85 in this region.
    const rules = model.rules.map((r: { factor: string; high: number }) =>
      r.factor === 'staff-shortage' ? { ...r, high: 85 } : r,
    );
    const bad = await region.patch(`/api/regions/${s.world.regionA}/diagnosis-models/oblast-a`, {
      rules: rules.map((r: { factor: string; medium: number }) =>
        r.factor === 'equipment' ? { ...r, medium: 90 } : r,
      ),
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.problems[0]).toEqual({
      field: 'factors[0]',
      message: 'Пороги: 0 ≤ средний ≤ высокий ≤ 100.',
    });
    const saved = await region.patch(`/api/regions/${s.world.regionA}/diagnosis-models/oblast-a`, {
      rules,
      version: 1,
    });
    expect(saved.json()).toMatchObject({ version: 2 });
    expect(
      (await region.patch(`/api/regions/${s.world.regionA}/diagnosis-models/oblast-a`, { rules, version: 1 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await school.patch(`/api/regions/${s.world.regionA}/diagnosis-models/oblast-a`, { rules, version: 2 }))
        .statusCode,
    ).toBe(403);
    const c = await region.post('/api/diagnosis/campaigns', {
      regionId: s.world.regionA,
      title: 'По модели области',
      opensOn: '2023-04-01',
      closesOn: '2023-04-30',
      model: 'oblast-a',
      organisationIds: [s.world.schoolA1b],
    });
    expect(c.statusCode, c.body).toBe(200);
    const code = (c.json() as CampaignDto).schools[0]!.accessCode;
    await answer(code, {
      respondentKey: key(30),
      group: 'director',
      answers: { 'd-vacancies': 2, 'd-non-specialist': 20 },
      submit: true,
    });
    await answer(code, { respondentKey: key(31), group: 'teacher', answers: { 't-overload': 5 }, submit: true });
    // (76,7 × 2 + 100) / 3 = 84,4: high by the shipped 60, medium by the region's 85.
    const p = (
      await region.get(`/api/organisations/${s.world.schoolA1b}/risk-profile?campaignId=${c.json().id}`)
    ).json() as RiskProfileDto;
    const staff = p.factors.find((f) => f.factor === 'staff-shortage')!;
    expect([staff.level, staff.high]).toEqual(['medium', 85]);
    expect(staff.explanation).toContain('84,4 из 100 — средний риск (высокий — от 85, средний — от 35)');
    const models = (await region.get('/api/diagnosis/models')).json();
    expect(models.map((m: { code: string }) => m.code)).toEqual(['500plus', 'oblast-a']);
  });
});
