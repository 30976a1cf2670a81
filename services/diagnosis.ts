// Diagnosis of schools: questionnaire campaigns of a region (a shipped model kept with the campaign as it
// was), the questionnaire respondents fill by their school's code — saved as they go, anonymous where the
// group requires —, filling progress per school and municipality, and risk profiles computed from the
// submitted answers with their explanations: one school, its history across campaigns, a heat map.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CampaignDto,
  campaignInput,
  diagnosisModelCopy,
  diagnosisModelPatch,
  diagnosisModelView,
  heatMap,
  profileHistory,
  RiskProfileDto,
  survey,
  surveyAnswerBody,
  surveySaved,
} from '../contract/diagnosis.ts';
import { type DiagnosisDefinition, presetDefinitions } from '../domain/diagnosis/preset-500plus.ts';
import {
  type Answers,
  checkModel,
  type RespondentGroup,
  respondentGroups,
  scoreSchool,
} from '../domain/diagnosis/scoring.ts';
import { DomainError, denied, notFound } from '../domain/errors.ts';
import type { Executor } from '../storage/database.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import {
  campaignSchools,
  diagnosisCampaigns,
  diagnosisModels,
  diagnosisModelVersions,
  municipalities,
  organisations,
  regions,
  surveyResponses,
} from '../storage/schema.ts';
import { scopeCondition } from '../storage/scope-filter.ts';
import { updateVersioned } from '../storage/versioned.ts';
import { tokenHash } from './auth.ts';
import {
  accountOf,
  audit,
  inTransaction,
  requireInRegion,
  requirePermission,
  type ServiceContext,
  scope,
  staleWrite,
} from './context.ts';
import { regionToday, todayOf } from './execution.ts';

const invalid = (field: string, message: string) =>
  new DomainError('validation.failed', message, { problems: [{ field, message }] });

type CampaignRow = typeof diagnosisCampaigns.$inferSelect;
interface CampaignDefinition extends DiagnosisDefinition {
  modelCode: string;
  modelVersion?: number;
}
const definitionOf = (c: CampaignRow) => c.definition as CampaignDefinition;

const stateOf = (c: Pick<CampaignRow, 'opensOn' | 'closesOn'>, today: string): 'planned' | 'open' | 'closed' =>
  today < c.opensOn ? 'planned' : today > c.closesOn ? 'closed' : 'open';

/** An access code a respondent types or follows: 10 characters without look-alikes (0/O, 1/l). */
function accessCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

export async function createCampaign(ctx: ServiceContext, input: z.infer<typeof campaignInput>): Promise<CampaignDto> {
  requireInRegion(ctx, 'diagnosis.write', input.regionId);
  if (input.closesOn < input.opensOn) throw invalid('closesOn', 'Дата окончания кампании раньше даты начала.');
  const preset = await resolveModel(ctx.db, input.regionId, input.model);
  const id = await inTransaction(ctx, async (tx) => {
    const schools = await tx
      .select({ id: organisations.id, regionId: organisations.regionId, kind: organisations.kind })
      .from(organisations)
      .where(inArray(organisations.id, [...new Set(input.organisationIds)]));
    const wrong = input.organisationIds.filter(
      (o) => !schools.some((s) => s.id === o && s.regionId === input.regionId && s.kind === 'school'),
    );
    if (wrong.length > 0)
      throw new DomainError(
        'validation.failed',
        'Среди выбранных есть организации, которые не являются школами региона.',
        {
          problems: wrong.map(() => ({ field: 'organisationIds', message: 'Выберите школы региона кампании.' })),
        },
      );
    const [row] = await tx
      .insert(diagnosisCampaigns)
      .values({
        regionId: input.regionId,
        title: input.title,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        definition: {
          modelCode: preset.code,
          modelVersion: preset.version,
          ...preset.definition,
        } satisfies CampaignDefinition,
        anonymousGroups: input.anonymousGroups ?? ['student', 'parent'],
        createdBy: accountOf(ctx),
      })
      .returning({ id: diagnosisCampaigns.id });
    await tx.insert(campaignSchools).values(
      schools.map((s) => ({
        regionId: input.regionId,
        campaignId: row!.id,
        organisationId: s.id,
        accessCode: accessCode(),
      })),
    );
    await audit(tx, ctx, {
      regionId: input.regionId,
      action: 'create',
      entity: 'diagnosis_campaign',
      entityId: row!.id,
      summary: `Кампания анкетирования «${input.title.slice(0, 150)}»: ${schools.length} школ, ${input.opensOn} — ${input.closesOn}`,
      after: {
        title: input.title,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        model: preset.code,
        schools: schools.length,
      },
    });
    return row!.id;
  });
  return getCampaign(ctx, id);
}

async function campaignRow(ex: Executor, id: string): Promise<CampaignRow> {
  const [c] = await ex.select().from(diagnosisCampaigns).where(eq(diagnosisCampaigns.id, id));
  if (!c) throw notFound('Кампания анкетирования');
  return c;
}

/** The campaign's schools the actor sees (a school its own, a municipality its own …). */
async function schoolsInScope(ex: Executor, ctx: ServiceContext, campaignId: string) {
  return ex
    .select({
      organisationId: campaignSchools.organisationId,
      accessCode: campaignSchools.accessCode,
      name: organisations.shortName,
      code: organisations.code,
      municipalityId: organisations.municipalityId,
      municipalityName: sql<string>`coalesce(${municipalities.name}, '')`,
    })
    .from(campaignSchools)
    .innerJoin(organisations, eq(organisations.id, campaignSchools.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(
      and(
        eq(campaignSchools.campaignId, campaignId),
        scopeCondition(scope(ctx), {
          region: organisations.regionId,
          municipality: organisations.municipalityId,
          organisation: organisations.id,
        }),
      ),
    )
    .orderBy(asc(municipalities.name), asc(organisations.shortName));
}

export async function listCampaigns(ctx: ServiceContext) {
  requirePermission(ctx, 'diagnosis.read');
  const s = scope(ctx);
  if (s.kind === 'none') return [];
  // Each campaign's state is read at «today» in its region: the region's time zone comes with it.
  const rows = await ctx.db
    .select({ c: diagnosisCampaigns, timezone: regions.timezone })
    .from(diagnosisCampaigns)
    .leftJoin(regions, eq(regions.id, diagnosisCampaigns.regionId))
    .where(s.kind === 'all' ? undefined : eq(diagnosisCampaigns.regionId, s.regionId))
    .orderBy(desc(diagnosisCampaigns.opensOn));
  return rows.map(({ c, timezone }) => ({
    id: c.id,
    title: c.title,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    state: stateOf(c, todayOf(ctx, timezone ?? 'Europe/Moscow')),
    modelCode: definitionOf(c).modelCode,
    createdAt: c.createdAt.toISOString(),
  }));
}

/** A campaign with its filling progress per school and municipality, within the actor's scope. */
export async function getCampaign(ctx: ServiceContext, id: string): Promise<CampaignDto> {
  requirePermission(ctx, 'diagnosis.read');
  const c = await campaignRow(ctx.db, id);
  requireInRegion(ctx, 'diagnosis.read', c.regionId);
  const schools = await schoolsInScope(ctx.db, ctx, id);
  const counts = await ctx.db
    .select({
      organisationId: surveyResponses.organisationId,
      group: surveyResponses.respondentGroup,
      started: sql<number>`count(*)::int`,
      submitted: sql<number>`count(${surveyResponses.submittedAt})::int`,
    })
    .from(surveyResponses)
    .where(eq(surveyResponses.campaignId, id))
    .groupBy(surveyResponses.organisationId, surveyResponses.respondentGroup);
  const canSeeCodes = ctx.actor.role !== 'observer';
  const schoolRows = schools.map((s) => {
    const mine = counts.filter((x) => x.organisationId === s.organisationId);
    const groups = Object.fromEntries(
      respondentGroups.map((g) => {
        const x = mine.find((m) => m.group === g);
        return [g, { started: Number(x?.started ?? 0), submitted: Number(x?.submitted ?? 0) }];
      }),
    ) as CampaignDto['schools'][number]['groups'];
    return {
      organisationId: s.organisationId,
      name: s.name,
      municipalityId: s.municipalityId,
      municipalityName: s.municipalityName,
      accessCode: canSeeCodes ? s.accessCode : '',
      groups,
      submitted: mine.reduce((n, x) => n + Number(x.submitted), 0),
    };
  });
  const byMunicipality = new Map<string | null, CampaignDto['municipalities'][number]>();
  for (const s of schoolRows) {
    const m = byMunicipality.get(s.municipalityId) ?? {
      id: s.municipalityId,
      name: s.municipalityName,
      schools: 0,
      withAnswers: 0,
      submitted: 0,
    };
    m.schools++;
    if (s.submitted > 0) m.withAnswers++;
    m.submitted += s.submitted;
    byMunicipality.set(s.municipalityId, m);
  }
  const d = definitionOf(c);
  return {
    id: c.id,
    regionId: c.regionId,
    title: c.title,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    state: stateOf(c, await regionToday(ctx.db, ctx, c.regionId)),
    modelCode: d.modelCode,
    anonymousGroups: c.anonymousGroups as RespondentGroup[],
    factors: d.factors,
    schools: schoolRows,
    municipalities: [...byMunicipality.values()],
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  };
}

// ——— models: the shipped ones and a region's own copies, adjusted as new versions

type ModelRow = typeof diagnosisModels.$inferSelect;

/** A shipped model by code, or the region's own by code (its current version). */
async function resolveModel(ex: Executor, regionId: string, code: string) {
  const preset = presetDefinitions.find((p) => p.code === code);
  if (preset)
    return {
      code: preset.code,
      title: preset.title,
      version: 1,
      basedOn: '',
      preset: true,
      definition: preset.definition,
    };
  const [own] = await ex
    .select()
    .from(diagnosisModels)
    .where(and(eq(diagnosisModels.regionId, regionId), eq(diagnosisModels.code, code)));
  if (!own) throw invalid('model', `Модель диагностики «${code}» не найдена.`);
  return {
    code: own.code,
    title: own.title,
    version: own.version,
    basedOn: own.basedOn,
    preset: false,
    definition: own.definition as DiagnosisDefinition,
  };
}

function modelView(m: Awaited<ReturnType<typeof resolveModel>>): z.infer<typeof diagnosisModelView> {
  const d = m.definition;
  const text = new Map(d.questions.map((q) => [q.key, q.text]));
  return {
    code: m.code,
    title: m.title,
    preset: m.preset,
    basedOn: m.basedOn,
    version: m.version,
    factors: d.factors,
    indicators: d.model.indicators.map((i) => ({
      key: i.key,
      title: i.title,
      questions: i.questions.map((q) => ({ ...q, text: text.get(q.question) ?? q.question })),
    })),
    rules: d.model.factors,
    questions: d.questions.length,
  };
}

/** The shipped models and the region's own. */
export async function listDiagnosisModels(ctx: ServiceContext, regionId?: string) {
  requirePermission(ctx, 'diagnosis.read');
  const region = regionId ?? ctx.actor.regionId;
  if (region) requireInRegion(ctx, 'diagnosis.read', region);
  const own: ModelRow[] = region
    ? await ctx.db
        .select()
        .from(diagnosisModels)
        .where(eq(diagnosisModels.regionId, region))
        .orderBy(asc(diagnosisModels.code))
    : [];
  return [
    ...presetDefinitions.map((p) =>
      modelView({ code: p.code, title: p.title, version: 1, basedOn: '', preset: true, definition: p.definition }),
    ),
    ...own.map((r) =>
      modelView({
        code: r.code,
        title: r.title,
        version: r.version,
        basedOn: r.basedOn,
        preset: false,
        definition: r.definition as DiagnosisDefinition,
      }),
    ),
  ];
}

/** Copies a model (shipped or the region's) as the region's own, to adjust its thresholds and weights. */
export async function copyDiagnosisModel(ctx: ServiceContext, input: z.infer<typeof diagnosisModelCopy>) {
  requireInRegion(ctx, 'diagnosis.write', input.regionId);
  return inTransaction(ctx, async (tx) => {
    const from = await resolveModel(tx, input.regionId, input.from);
    if (presetDefinitions.some((p) => p.code === input.code))
      throw invalid('code', `Код «${input.code}» занят поставляемой моделью.`);
    const [taken] = await tx
      .select({ id: diagnosisModels.id })
      .from(diagnosisModels)
      .where(and(eq(diagnosisModels.regionId, input.regionId), eq(diagnosisModels.code, input.code)));
    if (taken) throw new DomainError('conflict.duplicate', `Модель с кодом «${input.code}» уже есть в регионе.`);
    const basedOn = `${from.code} (версия ${from.version})`;
    const [row] = await tx
      .insert(diagnosisModels)
      .values({ regionId: input.regionId, code: input.code, title: input.title, basedOn, definition: from.definition })
      .returning();
    await tx.insert(diagnosisModelVersions).values({
      regionId: input.regionId,
      modelId: row!.id,
      version: 1,
      title: input.title,
      definition: from.definition,
      createdBy: accountOf(ctx),
    });
    await audit(tx, ctx, {
      regionId: input.regionId,
      action: 'create',
      entity: 'diagnosis_model',
      entityId: row!.id,
      summary: `Модель диагностики «${input.title}» (${input.code}) создана на основе ${basedOn}`,
      after: { code: input.code, title: input.title, basedOn, version: 1 },
    });
    return modelView({ ...from, code: row!.code, title: row!.title, version: 1, basedOn, preset: false });
  });
}

/** Adjusts the thresholds and weights of the region's model: each change is a new version; campaigns keep theirs. */
export async function updateDiagnosisModel(
  ctx: ServiceContext,
  regionId: string,
  code: string,
  patch: z.infer<typeof diagnosisModelPatch>,
) {
  requireInRegion(ctx, 'diagnosis.write', regionId);
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(diagnosisModels)
      .where(and(eq(diagnosisModels.regionId, regionId), eq(diagnosisModels.code, code)));
    if (!row) throw notFound('Модель диагностики');
    const before = row.definition as DiagnosisDefinition;
    const definition: DiagnosisDefinition = { ...before, model: { ...before.model, factors: patch.rules } };
    const problems = checkModel(
      definition.model,
      definition.questions,
      definition.factors.map((f) => f.key),
    );
    if (problems.length > 0)
      throw new DomainError('validation.failed', 'Правила модели заполнены с ошибками.', {
        problems: problems.map((p) => ({ field: p.path, message: p.message })),
      });
    const title = patch.title ?? row.title;
    if (!(await updateVersioned(tx, diagnosisModels, row.id, patch.version, { title, definition })))
      throw await staleWrite(tx, 'diagnosis_model', row.id, patch.version, {
        definition: 'Правила модели',
        title: 'Название',
      });
    await tx.insert(diagnosisModelVersions).values({
      regionId,
      modelId: row.id,
      version: row.version + 1,
      title,
      definition,
      createdBy: accountOf(ctx),
    });
    await audit(tx, ctx, {
      regionId,
      action: 'update',
      entity: 'diagnosis_model',
      entityId: row.id,
      summary: `Модель диагностики «${title}»: новая версия ${row.version + 1}`,
      before: { rules: before.model.factors, version: row.version },
      after: { rules: patch.rules, version: row.version + 1 },
    });
    return modelView({ code, title, version: row.version + 1, basedOn: row.basedOn, preset: false, definition });
  });
}

// ——— the questionnaire by a school's code (no account)

async function byCode(ex: Executor, code: string) {
  const [row] = await ex
    .select({
      campaignId: campaignSchools.campaignId,
      organisationId: campaignSchools.organisationId,
      name: organisations.shortName,
    })
    .from(campaignSchools)
    .innerJoin(organisations, eq(organisations.id, campaignSchools.organisationId))
    .where(eq(campaignSchools.accessCode, code.trim().toUpperCase()));
  if (!row) throw new DomainError('not_found', 'Анкета не найдена: проверьте код школы.');
  return { ...row, campaign: await campaignRow(ex, row.campaignId) };
}

export async function surveyByCode(
  ex: Executor,
  ctx: Pick<ServiceContext, 'now'>,
  code: string,
): Promise<z.infer<typeof survey>> {
  const { campaign: c, name } = await byCode(ex, code);
  const d = definitionOf(c);
  const anonymous = c.anonymousGroups as string[];
  return {
    campaignTitle: c.title,
    schoolName: name,
    opensOn: c.opensOn,
    closesOn: c.closesOn,
    open: stateOf(c, await regionToday(ex, ctx, c.regionId)) === 'open',
    groups: respondentGroups.map((group) => ({
      group,
      anonymous: anonymous.includes(group),
      questions: d.questions.filter((q) => q.group === group),
    })),
  };
}

/**
 * Saves a respondent's answers as they go (every change, by the key the browser keeps) and, when asked,
 * submits them. Answers the questionnaire does not accept are reported, not saved; the rest is kept.
 */
export async function saveSurveyAnswers(
  ex: Executor,
  ctx: Pick<ServiceContext, 'now'>,
  code: string,
  body: z.infer<typeof surveyAnswerBody>,
): Promise<z.infer<typeof surveySaved>> {
  const { campaign: c, organisationId } = await byCode(ex, code);
  if (stateOf(c, await regionToday(ex, ctx, c.regionId)) !== 'open')
    throw new DomainError(
      'conflict.state',
      `Анкетирование открыто с ${c.opensOn.split('-').reverse().join('.')} по ${c.closesOn.split('-').reverse().join('.')}.`,
    );
  const questions = new Map(
    definitionOf(c)
      .questions.filter((q) => q.group === body.group)
      .map((q) => [q.key, q]),
  );
  const problems: { question: string; message: string }[] = [];
  const answers: Answers = {};
  const cleared: string[] = [];
  for (const [key, value] of Object.entries(body.answers)) {
    const q = questions.get(key);
    if (!q) {
      problems.push({ question: key, message: 'Такого вопроса нет в анкете этой группы.' });
      continue;
    }
    if (value === null) {
      cleared.push(key);
      continue;
    }
    const ok =
      (q.type === 'single' && typeof value === 'string' && (q.options ?? []).some((o) => o.key === value)) ||
      (q.type === 'multiple' &&
        Array.isArray(value) &&
        value.every((v) => (q.options ?? []).some((o) => o.key === v))) ||
      (q.type === 'scale' && typeof value === 'number' && !!q.scale && value >= q.scale.min && value <= q.scale.max) ||
      (q.type === 'number' && typeof value === 'number' && Number.isFinite(value) && value >= 0) ||
      (q.type === 'text' && typeof value === 'string');
    if (ok) answers[key] = value;
    else problems.push({ question: key, message: `Ответ не подходит к вопросу «${q.text.slice(0, 80)}».` });
  }
  const now = ctx.now?.() ?? new Date();
  const hash = tokenHash(body.respondentKey);
  const [existing] = await ex.select().from(surveyResponses).where(eq(surveyResponses.respondentKeyHash, hash));
  if (
    existing &&
    (existing.campaignId !== c.id ||
      existing.organisationId !== organisationId ||
      existing.respondentGroup !== body.group)
  )
    throw new DomainError('conflict.state', 'Этот ключ анкеты уже использован для другой анкеты: обновите страницу.');
  if (existing?.submittedAt) throw new DomainError('conflict.state', 'Анкета уже отправлена: изменить ответы нельзя.');
  const merged: Answers = { ...((existing?.answers as Answers) ?? {}), ...answers };
  for (const key of cleared) delete merged[key];
  const submittedAt = body.submit ? now : null;
  if (existing)
    await ex
      .update(surveyResponses)
      .set({ answers: merged, submittedAt, updatedAt: now })
      .where(eq(surveyResponses.id, existing.id));
  else
    await ex.insert(surveyResponses).values({
      regionId: c.regionId,
      campaignId: c.id,
      organisationId,
      respondentGroup: body.group,
      respondentKeyHash: hash,
      answers: merged,
      submittedAt,
      createdAt: now,
      updatedAt: now,
    });
  return { saved: Object.keys(merged).length, submitted: Boolean(submittedAt), savedAt: now.toISOString(), problems };
}

// ——— risk profiles

async function schoolForProfile(ctx: ServiceContext, organisationId: string) {
  requirePermission(ctx, 'diagnosis.read');
  const o = await getOrganisation(ctx.db, organisationId);
  if (!o) throw notFound('Школа');
  requirePermission(ctx, 'diagnosis.read', {
    regionId: o.regionId,
    municipalityId: o.municipalityId,
    organisationId: o.id,
  });
  return o;
}

interface SubmittedResponse {
  group: string;
  answers: unknown;
}

/** The submitted answers of the given schools in the given campaigns, in one query, by campaign and school. */
async function submittedResponses(
  ex: Executor,
  campaignIds: readonly string[],
  organisationIds: readonly string[],
): Promise<(campaignId: string, organisationId: string) => SubmittedResponse[]> {
  const rows =
    campaignIds.length === 0 || organisationIds.length === 0
      ? []
      : await ex
          .select({
            campaignId: surveyResponses.campaignId,
            organisationId: surveyResponses.organisationId,
            group: surveyResponses.respondentGroup,
            answers: surveyResponses.answers,
          })
          .from(surveyResponses)
          .where(
            and(
              inArray(surveyResponses.campaignId, [...campaignIds]),
              inArray(surveyResponses.organisationId, [...organisationIds]),
              isNotNull(surveyResponses.submittedAt),
            ),
          );
  const byKey = new Map<string, SubmittedResponse[]>();
  for (const r of rows) {
    const key = `${r.campaignId} ${r.organisationId}`;
    byKey.set(key, [...(byKey.get(key) ?? []), { group: r.group, answers: r.answers }]);
  }
  return (campaignId, organisationId) => byKey.get(`${campaignId} ${organisationId}`) ?? [];
}

/** The profile of one school in one campaign: every factor with its level, value and how it was reached. */
async function profileOf(
  ex: Executor,
  c: CampaignRow,
  o: { id: string; shortName: string; code: string },
): Promise<RiskProfileDto> {
  return profileFrom(c, o, (await submittedResponses(ex, [c.id], [o.id]))(c.id, o.id));
}

/** The same profile from the school's submitted answers in the campaign, already loaded. */
function profileFrom(
  c: CampaignRow,
  o: { id: string; shortName: string; code: string },
  responses: SubmittedResponse[],
): RiskProfileDto {
  const d = definitionOf(c);
  const titles = Object.fromEntries(d.factors.map((f) => [f.key, f.title]));
  const factors = scoreSchool(
    d.model,
    d.questions,
    responses.map((r) => r.answers as Answers),
    titles,
  ).map((f) => ({
    ...f,
    title: titles[f.factor] ?? f.factor,
  }));
  const respondents = Object.fromEntries(
    respondentGroups.map((g) => [g, responses.filter((r) => r.group === g).length]),
  ) as RiskProfileDto['respondents'];
  return {
    organisationId: o.id,
    schoolName: o.shortName,
    schoolCode: o.code,
    campaign: { id: c.id, title: c.title, closesOn: c.closesOn },
    respondents,
    factors,
  };
}

/** The campaigns a school took part in, newest first. */
async function campaignsOfSchool(ex: Executor, organisationId: string): Promise<CampaignRow[]> {
  return (
    await ex
      .select({ c: diagnosisCampaigns })
      .from(diagnosisCampaigns)
      .innerJoin(campaignSchools, eq(campaignSchools.campaignId, diagnosisCampaigns.id))
      .where(eq(campaignSchools.organisationId, organisationId))
      .orderBy(desc(diagnosisCampaigns.closesOn), desc(diagnosisCampaigns.createdAt))
  ).map((r) => r.c);
}

/** The newest campaign in which the school has submitted answers, else its newest campaign. */
async function newestAnswered(ex: Executor, organisationId: string, campaigns: CampaignRow[]) {
  if (campaigns.length === 0) return undefined;
  const answered = await ex
    .selectDistinct({ id: surveyResponses.campaignId })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organisationId, organisationId), isNotNull(surveyResponses.submittedAt)));
  const ids = new Set(answered.map((a) => a.id));
  return campaigns.find((c) => ids.has(c.id)) ?? campaigns[0];
}

/** A school's risk profile in a campaign (by default its latest one with answers). */
export async function riskProfile(
  ctx: ServiceContext,
  organisationId: string,
  campaignId?: string,
): Promise<RiskProfileDto> {
  const o = await schoolForProfile(ctx, organisationId);
  const campaigns = await campaignsOfSchool(ctx.db, o.id);
  const c = campaignId ? campaigns.find((x) => x.id === campaignId) : await newestAnswered(ctx.db, o.id, campaigns);
  if (!c)
    throw new DomainError(
      'not_found',
      campaignId ? 'Школа не участвовала в этой кампании анкетирования.' : 'Школа ещё не участвовала в анкетировании.',
    );
  return profileOf(ctx.db, c, o);
}

/** A school's levels across the campaigns it took part in, oldest first. */
export async function riskProfileHistory(
  ctx: ServiceContext,
  organisationId: string,
): Promise<z.infer<typeof profileHistory>> {
  const o = await schoolForProfile(ctx, organisationId);
  const out: z.infer<typeof profileHistory> = [];
  const campaigns = (await campaignsOfSchool(ctx.db, o.id)).reverse();
  const responses = await submittedResponses(
    ctx.db,
    campaigns.map((c) => c.id),
    [o.id],
  );
  for (const c of campaigns) {
    const p = profileFrom(c, o, responses(c.id, o.id));
    out.push({
      campaign: p.campaign,
      levels: Object.fromEntries(p.factors.map((f) => [f.factor, f.level])),
      values: Object.fromEntries(p.factors.map((f) => [f.factor, f.value])),
    });
  }
  return out;
}

/** Factors across the campaign's schools the actor sees, and schools grouped by their high risks. */
export async function campaignHeatMap(ctx: ServiceContext, campaignId: string): Promise<z.infer<typeof heatMap>> {
  requirePermission(ctx, 'diagnosis.read');
  const c = await campaignRow(ctx.db, campaignId);
  requireInRegion(ctx, 'diagnosis.read', c.regionId);
  const schools = await schoolsInScope(ctx.db, ctx, c.id);
  if (schools.length === 0 && scope(ctx).kind !== 'region' && scope(ctx).kind !== 'all')
    throw denied('В этой кампании нет школ вашей территории.');
  const responses = await submittedResponses(
    ctx.db,
    [c.id],
    schools.map((s) => s.organisationId),
  );
  const rows = [];
  for (const s of schools) {
    const p = profileFrom(
      c,
      { id: s.organisationId, shortName: s.name, code: s.code },
      responses(c.id, s.organisationId),
    );
    rows.push({
      organisationId: s.organisationId,
      name: s.name,
      municipalityName: s.municipalityName,
      levels: Object.fromEntries(p.factors.map((f) => [f.factor, f.level])),
      values: Object.fromEntries(p.factors.map((f) => [f.factor, f.value])),
    });
  }
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const high = Object.entries(r.levels)
      .filter(([, l]) => l === 'high')
      .map(([k]) => k)
      .sort();
    if (high.length === 0) continue;
    const key = high.join('|');
    groups.set(key, [...(groups.get(key) ?? []), r.organisationId]);
  }
  return {
    campaign: { id: c.id, title: c.title },
    factors: definitionOf(c).factors.map((f) => ({ key: f.key, title: f.title })),
    rows,
    groups: [...groups.entries()]
      .map(([k, ids]) => ({ factors: k.split('|'), schools: ids }))
      .sort((a, b) => b.schools.length - a.schools.length || a.factors.length - b.factors.length),
  };
}
