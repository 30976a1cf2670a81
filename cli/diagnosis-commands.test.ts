// `opora risk-profile` in the demo region: a campaign over the demo school, its director and a teacher
// answer by the school's code, and the command prints each factor with its level and explanation.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../domain/execution/status.ts';
import { systemActor } from '../services/context.ts';
import { createDemoRegionIfEmpty, demoRegionCode } from '../services/demo.ts';
import { createCampaign, saveSurveyAnswers } from '../services/diagnosis.ts';
import { openDatabase } from '../storage/database.ts';
import { organisations, regions } from '../storage/schema.ts';
import { exitCodeOf } from './exit-codes.ts';
import { type Io, run } from './main.ts';

function io(env: Record<string, string>) {
  const out: string[] = [];
  const value: Io = { out: (s) => out.push(s), err: () => {}, env };
  return { io: value, text: () => out.join('\n') };
}

describe('opora risk-profile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'opora-risk-cli-'));
  const env = { OPORA_DATA_DIR: dir };
  let campaignId = '';
  beforeAll(async () => {
    const d = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    await d.migrate();
    await createDemoRegionIfEmpty(d.db);
    const [region] = await d.db.select().from(regions).where(eq(regions.code, demoRegionCode));
    const [school] = await d.db.select().from(organisations).where(eq(organisations.code, 'ДМ-01-001'));
    const today = localDate(new Date(), region!.timezone);
    const ctx = { db: d.db, actor: systemActor };
    const c = await createCampaign(ctx, {
      regionId: region!.id,
      title: 'Анкетирование для формирования рисковых профилей',
      opensOn: addDays(today, -7),
      closesOn: addDays(today, 7),
      model: '500plus',
      organisationIds: [school!.id],
    });
    campaignId = c.id;
    const code = c.schools[0]!.accessCode;
    await saveSurveyAnswers(d.db, {}, code, {
      respondentKey: 'director-key-0000000000001',
      group: 'director',
      answers: { 'd-internet': 'no', 'd-computers': 'no', 'd-lab': 'partly', 'd-vacancies': 0, 'd-non-specialist': 3 },
      submit: true,
    });
    await saveSurveyAnswers(d.db, {}, code, {
      respondentKey: 'teacher-key-00000000000001',
      group: 'teacher',
      answers: { 't-equipment': ['internet', 'projector'], 't-overload': 2 },
      submit: true,
    });
    await d.close();
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints each factor with its level and the explanation (JSON)', async () => {
    const t = io(env);
    expect(await run(['risk-profile', 'ДМ-01-001', '--json'], t.io)).toBe(0);
    const out = JSON.parse(t.text());
    expect(out.school.code).toBe('ДМ-01-001');
    expect(out.campaign.id).toBe(campaignId);
    expect(out.respondents).toMatchObject({ director: 1, teacher: 1 });
    const f = (k: string) => out.factors.find((x: { factor: string }) => x.factor === k);
    // Director: (100 + 100 + 40) / 3 = 80 (weight 2); teachers: 70 (weight 1): (160 + 70) / 3 = 76,7.
    expect(f('equipment')).toMatchObject({ level: 'high', title: 'Низкий уровень оснащения школы' });
    expect(f('equipment').explanation).toBe(
      '«Низкий уровень оснащения школы»: 76,7 из 100 — высокий риск (высокий — от 60, средний — от 35). Показатели: «Оснащённость по оценке руководителя» — 80 (вес 2); «Нехватка оборудования по оценке учителей» — 70 (вес 1).',
    );
    // No vacancies, 3 % non-specialist: 0; overload 2 of 5: 25 → (0 × 2 + 25) / 3 = 8,3 — low.
    expect(f('staff-shortage')).toMatchObject({ level: 'low' });
    expect(f('parents')).toMatchObject({ level: 'no-data', value: null });
    expect(out.factors).toHaveLength(10);
  });

  it('prints a table without --json, and refuses an unknown school or campaign', async () => {
    const t = io(env);
    expect(await run(['risk-profile', 'ДМ-01-001', '--campaign', campaignId], t.io)).toBe(0);
    expect(t.text()).toMatch(/^высокий\s+«Низкий уровень оснащения школы»: 76,7 из 100/m);
    expect(await run(['risk-profile', 'НЕТ-ТАКОЙ', '--json'], io(env).io)).toBe(exitCodeOf.not_found);
    expect(await run(['risk-profile', 'ДМ-01-001', '--campaign', 'x'], io(env).io)).toBe(
      exitCodeOf['validation.failed'],
    );
  });
});
