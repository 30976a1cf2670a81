// Anti-risk programmes: the region's library of typical measures per risk factor (shipped ones until it
// curates its own), and the risks a school chooses to work on — each becomes a section of the school's
// roadmap with the chosen measures as activities, executed and monitored like any activity.
import { and, asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { AntiRiskProgrammeDto, antiRiskBody, riskMeasure, riskMeasureInput } from '../contract/diagnosis.ts';
import type { ProgrammeDraftDto } from '../contract/programmes.ts';
import { ruDate } from '../domain/deadline/read-deadline.ts';
import { typicalMeasures } from '../domain/diagnosis/measures.ts';
import { presetDefinitions } from '../domain/diagnosis/preset-500plus.ts';
import type { RiskFactor } from '../domain/diagnosis/risk-factors.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { addDays } from '../domain/execution/status.ts';
import { emptyAct, emptyPassport } from '../domain/programme/programme.ts';
import type { Db, Executor } from '../storage/database.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import { listActivities } from '../storage/programmes-repo.ts';
import { antiRiskChoices, campaignSchools, diagnosisCampaigns, programmes, riskMeasures } from '../storage/schema.ts';
import { deleteVersioned, updateVersioned } from '../storage/versioned.ts';
import {
  audit,
  inTransaction,
  requireInRegion,
  requirePermission,
  type ServiceContext,
  staleWrite,
} from './context.ts';
import { regionToday } from './execution.ts';
import { createActivity, createSection, saveProgramme } from './programmes.ts';

type MeasureDto = z.infer<typeof riskMeasure>;

/** The region's measures of a factor, or the shipped typical ones while the region has none of its own. */
export async function listRiskMeasures(
  ctx: ServiceContext,
  regionId: string,
  factorKey?: string,
): Promise<MeasureDto[]> {
  requireInRegion(ctx, 'diagnosis.read', regionId);
  const own = await ctx.db
    .select()
    .from(riskMeasures)
    .where(and(eq(riskMeasures.regionId, regionId), factorKey ? eq(riskMeasures.factorKey, factorKey) : undefined))
    .orderBy(asc(riskMeasures.factorKey), asc(riskMeasures.createdAt));
  const curated = new Set(own.map((m) => m.factorKey));
  const shipped = typicalMeasures
    .map((m, i) => ({ ...m, id: `preset:${i}`, version: null }))
    .filter((m) => (!factorKey || m.factorKey === factorKey) && !curated.has(m.factorKey));
  return [
    ...own.map((m) => ({
      id: m.id,
      factorKey: m.factorKey,
      text: m.text,
      indicator: m.indicator,
      deadlineText: m.deadlineText,
      responsible: m.responsible,
      version: m.version,
    })),
    ...shipped,
  ];
}

const measureLabels = { text: 'Мера', indicator: 'Показатель', deadlineText: 'Срок', responsible: 'Ответственные' };

export async function createRiskMeasure(
  ctx: ServiceContext,
  input: z.infer<typeof riskMeasureInput>,
): Promise<MeasureDto> {
  requireInRegion(ctx, 'diagnosis.write', input.regionId);
  return inTransaction(ctx, async (tx) => {
    const values = {
      regionId: input.regionId,
      factorKey: input.factorKey,
      text: input.text,
      indicator: input.indicator ?? '',
      deadlineText: input.deadlineText ?? '',
      responsible: input.responsible ?? '',
    };
    const [row] = await tx.insert(riskMeasures).values(values).returning();
    await audit(tx, ctx, {
      regionId: input.regionId,
      action: 'create',
      entity: 'risk_measure',
      entityId: row!.id,
      summary: `Библиотека мер: «${input.text.slice(0, 150)}» (${input.factorKey})`,
      after: { ...values, version: 1 },
    });
    return { ...values, id: row!.id, version: row!.version };
  });
}

export async function updateRiskMeasure(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Omit<z.infer<typeof riskMeasureInput>, 'regionId' | 'factorKey'>> & { version: number },
): Promise<MeasureDto> {
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(riskMeasures).where(eq(riskMeasures.id, id));
    if (!before) throw notFound('Мера');
    requireInRegion(ctx, 'diagnosis.write', before.regionId);
    const { version, ...fields } = patch;
    if (!(await updateVersioned(tx, riskMeasures, id, version, fields)))
      throw await staleWrite(tx, 'risk_measure', id, version, measureLabels);
    const [after] = await tx.select().from(riskMeasures).where(eq(riskMeasures.id, id));
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'update',
      entity: 'risk_measure',
      entityId: id,
      summary: `Библиотека мер: изменена «${after!.text.slice(0, 150)}»`,
      before: {
        text: before.text,
        indicator: before.indicator,
        deadlineText: before.deadlineText,
        version: before.version,
      },
      after: {
        text: after!.text,
        indicator: after!.indicator,
        deadlineText: after!.deadlineText,
        version: after!.version,
      },
    });
    const { regionId: _r, createdAt: _c, updatedAt: _u, ...rest } = after!;
    return rest;
  });
}

export async function deleteRiskMeasure(ctx: ServiceContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(riskMeasures).where(eq(riskMeasures.id, id));
    if (!before) throw notFound('Мера');
    requireInRegion(ctx, 'diagnosis.write', before.regionId);
    if (!(await deleteVersioned(tx, riskMeasures, id, version)))
      throw await staleWrite(tx, 'risk_measure', id, version, measureLabels);
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'delete',
      entity: 'risk_measure',
      entityId: id,
      summary: `Библиотека мер: удалена «${before.text.slice(0, 150)}»`,
      before: { text: before.text, factorKey: before.factorKey },
    });
  });
}

async function schoolFor(
  ex: Executor,
  ctx: ServiceContext,
  organisationId: string,
  permission: 'diagnosis.read' | 'diagnosis.school',
) {
  requirePermission(ctx, permission);
  const o = await getOrganisation(ex, organisationId);
  if (o?.kind !== 'school') throw notFound('Школа');
  requirePermission(ctx, permission, { regionId: o.regionId, municipalityId: o.municipalityId, organisationId: o.id });
  return o;
}

/** The school's anti-risk programme: its chosen risks with the activities made of their measures. */
export async function antiRiskOf(ctx: ServiceContext, organisationId: string): Promise<AntiRiskProgrammeDto> {
  const o = await schoolFor(ctx.db, ctx, organisationId, 'diagnosis.read');
  const choices = await ctx.db
    .select({ c: antiRiskChoices, title: programmes.title })
    .from(antiRiskChoices)
    .innerJoin(programmes, eq(programmes.id, antiRiskChoices.programmeId))
    .where(eq(antiRiskChoices.organisationId, o.id))
    .orderBy(desc(antiRiskChoices.createdAt));
  const programmeId = choices[0]?.c.programmeId ?? null;
  const activities = programmeId ? await listActivities(ctx.db, { programmeId }) : [];
  return {
    organisationId: o.id,
    programmeId,
    programmeTitle: choices[0]?.title ?? '',
    risks: choices
      .filter((x) => x.c.programmeId === programmeId)
      .reverse()
      .map(({ c }) => ({
        factorKey: c.factorKey,
        factorTitle: c.factorTitle,
        sectionId: c.sectionId,
        activities: activities
          .filter((a) => a.sectionId === c.sectionId)
          .map((a) => ({
            id: a.id,
            number: a.number,
            text: a.text,
            indicator: a.indicator,
            deadlineText: a.deadlineText,
          })),
      })),
  };
}

/** The factors a school may choose from: its latest campaign's catalogue, or the shipped one. */
async function factorsFor(ex: Executor, organisationId: string, campaignId?: string): Promise<RiskFactor[]> {
  const [c] = await ex
    .select({ definition: diagnosisCampaigns.definition })
    .from(diagnosisCampaigns)
    .innerJoin(campaignSchools, eq(campaignSchools.campaignId, diagnosisCampaigns.id))
    .where(
      and(
        eq(campaignSchools.organisationId, organisationId),
        campaignId ? eq(diagnosisCampaigns.id, campaignId) : undefined,
      ),
    )
    .orderBy(desc(diagnosisCampaigns.closesOn))
    .limit(1);
  return (c?.definition as { factors?: RiskFactor[] } | undefined)?.factors ?? presetDefinitions[0]!.definition.factors;
}

/**
 * The school works on the risks it chose: each becomes a section «Антирисковая программа: <фактор>» of its
 * roadmap for the current year (made when it has none), with the chosen measures as activities. All or
 * nothing; a roadmap that is approved or under approval is not changed («Внести изменения» first).
 */
export async function chooseRisks(
  ctx: ServiceContext,
  organisationId: string,
  body: z.infer<typeof antiRiskBody>,
): Promise<AntiRiskProgrammeDto> {
  requirePermission(ctx, 'diagnosis.school');
  await inTransaction(ctx, async (tx) => {
    const o = await schoolFor(tx, ctx, organisationId, 'diagnosis.school');
    const factors = await factorsFor(tx, o.id, body.campaignId);
    const library = await listRiskMeasures({ ...ctx, db: tx as unknown as Db }, o.regionId);
    const chosen = body.risks.map((r, i) => {
      const factor = factors.find((f) => f.key === r.factorKey);
      if (!factor) throw invalid(`risks[${i}].factorKey`, `Фактора риска «${r.factorKey}» нет в каталоге.`);
      const measures = r.measureIds.map((id, j) => {
        const m = library.find((x) => x.id === id && x.factorKey === r.factorKey);
        if (!m) throw invalid(`risks[${i}].measureIds[${j}]`, 'Мера не найдена в библиотеке мер этого фактора.');
        return m;
      });
      return { factor, measures };
    });
    const today = await regionToday(tx, ctx, o.regionId);
    const inner: ServiceContext = { ...ctx, db: tx as unknown as Db };
    const existing = await tx
      .select({ choice: antiRiskChoices })
      .from(antiRiskChoices)
      .where(eq(antiRiskChoices.organisationId, o.id))
      .orderBy(desc(antiRiskChoices.createdAt))
      .limit(1);
    let programmeId = existing[0]?.choice.programmeId;
    if (!programmeId) {
      const [current] = await tx
        .select({ id: programmes.id })
        .from(programmes)
        .where(
          and(
            eq(programmes.organisationId, o.id),
            eq(programmes.level, 'school'),
            lte(programmes.periodStart, today),
            gte(programmes.periodEnd, today),
          ),
        )
        .orderBy(desc(programmes.periodEnd))
        .limit(1);
      programmeId = current?.id;
    }
    const taken = new Set(
      programmeId
        ? (
            await tx
              .select({ f: antiRiskChoices.factorKey })
              .from(antiRiskChoices)
              .where(eq(antiRiskChoices.programmeId, programmeId))
          ).map((x) => x.f)
        : [],
    );
    const again = chosen.find((c) => taken.has(c.factor.key));
    if (again) throw invalid('risks', `Риск «${again.factor.title}» уже в антирисковой программе школы.`);
    const activity = (m: (typeof chosen)[number]['measures'][number], n: string) => ({
      number: n,
      text: m.text,
      deadlineText: m.deadlineText,
      responsible: m.responsible,
      executors: '',
      plannedResult: '',
      indicator: m.indicator,
      informationSupport: '',
    });
    let sections: { factor: RiskFactor; sectionId: string }[];
    if (!programmeId) {
      // Twelve months from today: measures «в течение первого квартала» are not overdue on the day they are chosen.
      const end = addDays(`${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, -1);
      const draft: ProgrammeDraftDto = {
        level: 'school',
        kind: 'программа',
        title: `Антирисковая программа ${o.shortName} на ${ruDate(today)}–${ruDate(end)}`,
        period: { start: today, end },
        periodText: `с ${ruDate(today)} по ${ruDate(end)}`,
        act: emptyAct(),
        passport: {
          ...emptyPassport(),
          goal: 'Снижение рисков низких образовательных результатов по итогам диагностики',
        },
        workingGroup: [],
        sections: chosen.map((c, i) => ({
          number: `${i + 1}.`,
          title: `Антирисковая программа: ${c.factor.title}`,
          activities: c.measures.map((m, j) => activity(m, `${i + 1}.${j + 1}.`)),
        })),
        indicators: [],
        consultations: [],
        tutorPairs: [],
        schools: [],
        monitoringRounds: [],
      };
      const p = await saveProgramme(inner, {
        draft,
        owner: { regionId: o.regionId, municipalityId: o.municipalityId, organisationId: o.id },
        sourceName: '',
      });
      programmeId = p.id;
      sections = chosen.map((c, i) => ({ factor: c.factor, sectionId: p.sections[i]!.id }));
    } else {
      sections = [];
      for (const c of chosen) {
        const s = await createSection(inner, programmeId, {
          number: '',
          title: `Антирисковая программа: ${c.factor.title}`,
        });
        for (const m of c.measures) await createActivity(inner, programmeId, { ...activity(m, ''), sectionId: s.id });
        sections.push({ factor: c.factor, sectionId: s.id });
      }
    }
    await tx.insert(antiRiskChoices).values(
      sections.map((s) => ({
        regionId: o.regionId,
        organisationId: o.id,
        campaignId: body.campaignId ?? null,
        factorKey: s.factor.key,
        factorTitle: s.factor.title,
        programmeId: programmeId!,
        sectionId: s.sectionId,
      })),
    );
    await audit(tx, ctx, {
      regionId: o.regionId,
      action: 'create',
      entity: 'anti_risk_choice',
      entityId: programmeId!,
      summary: `${o.shortName}: в антирисковую программу включены риски — ${chosen.map((c) => `«${c.factor.title}» (мер: ${c.measures.length})`).join('; ')}`,
      after: {
        programmeId,
        risks: chosen.map((c) => ({ factor: c.factor.key, measures: c.measures.map((m) => m.id) })),
      },
    });
  });
  return antiRiskOf(ctx, organisationId);
}

const invalid = (field: string, message: string) =>
  new DomainError('validation.failed', message, { problems: [{ field, message }] });
