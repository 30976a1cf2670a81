// Cascading: a regional (or municipal) activity that asks the levels below for their roadmaps creates a draft
// for each target territory from a template, linked to the activity; the activity is then executed per
// territory, and each unit is closed when that territory's roadmap is approved (services/approval.ts).
import { eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { cascadeBody } from '../contract/execution.ts';
import { readDeadline } from '../domain/deadline/read-deadline.ts';
import { DomainError } from '../domain/errors.ts';
import { cascadeTitle, mayCascade, roadmapTemplate } from '../domain/execution/cascade.ts';
import { emptyAct, emptyPassport } from '../domain/programme/programme.ts';
import type { Executor } from '../storage/database.ts';
import { getProgrammeRecord, insertActivities, insertProgramme, insertSections } from '../storage/programmes-repo.ts';
import {
  activityExecutions,
  municipalities,
  organisations,
  programmeActivities,
  programmes,
} from '../storage/schema.ts';
import { accountOf, audit, inTransaction, requirePermission, type ServiceContext } from './context.ts';
import { programmePlace, setTargets } from './execution.ts';

/** Creates the drafts of the roadmaps a cascading activity asks for; territories that have one are skipped. */
export async function cascadeActivity(ctx: ServiceContext, activityId: string, body: z.infer<typeof cascadeBody>) {
  requirePermission(ctx, 'programme.write');
  const [a] = await ctx.db.select().from(programmeActivities).where(eq(programmeActivities.id, activityId));
  if (!a) throw new DomainError('not_found', 'Мероприятие не найдено: возможно, его удалили.');
  const parent = await getProgrammeRecord(ctx.db, a.programmeId);
  if (!parent) throw new DomainError('not_found', 'Программа не найдена.');
  requirePermission(ctx, 'programme.write', programmePlace(parent));
  if (!mayCascade(parent.level, body.level))
    throw new DomainError(
      'validation.failed',
      'Дорожные карты создаются для уровней ниже программы: регион — для муниципалитетов и школ, муниципалитет — для школ.',
    );
  // The activity is executed by each territory that develops its roadmap.
  await setTargets(ctx, activityId, {
    targetKind: body.level === 'school' ? 'schools' : 'municipalities',
    territoryIds: body.territoryIds,
    version: a.version,
  });
  return inTransaction(ctx, async (tx) => {
    await tx
      .update(programmeActivities)
      .set({ cascadeLevel: body.level })
      .where(eq(programmeActivities.id, activityId));
    const targets = await targetsOf(tx, activityId, body.level);
    const existing = await tx
      .select({
        id: programmes.id,
        municipalityId: programmes.municipalityId,
        organisationId: programmes.organisationId,
      })
      .from(programmes)
      .where(eq(programmes.parentActivityId, activityId));
    const has = new Set(existing.map((e) => (body.level === 'school' ? e.organisationId : e.municipalityId)));
    const created: string[] = [];
    const template = roadmapTemplate(body.level);
    for (const t of targets) {
      if (has.has(t.id)) continue;
      const id = await insertProgramme(tx, {
        regionId: parent.regionId,
        municipalityId: t.municipalityId,
        organisationId: body.level === 'school' ? t.id : null,
        level: body.level,
        kind: 'дорожная карта',
        title: cascadeTitle(body.level, t.name, parent.title),
        periodStart: parent.period.start,
        periodEnd: parent.period.end,
        periodText: parent.periodText,
        act: emptyAct(),
        passport: { ...emptyPassport(), goal: parent.passport.goal },
        appendices: {
          workingGroup: [],
          indicators: [],
          consultations: [],
          tutorPairs: [],
          schools: [],
          monitoringRounds: [],
        },
        sourceName: '',
        createdBy: accountOf(ctx),
        parentProgrammeId: parent.id,
        parentActivityId: activityId,
      });
      const sectionIds = await insertSections(
        tx,
        template.map((s, position) => ({
          regionId: parent.regionId,
          programmeId: id,
          position,
          number: String(position + 1),
          title: s.title,
        })),
      );
      await insertActivities(
        tx,
        template.flatMap((s, si) =>
          s.activities.map((x, position) => ({
            regionId: parent.regionId,
            programmeId: id,
            sectionId: sectionIds[si]!,
            position,
            number: `${si + 1}.${position + 1}`,
            text: x.text,
            deadlineText: x.deadlineText,
            deadlineReading: readDeadline(x.deadlineText, parent.period),
            responsible: x.responsible,
            informationSupport: x.informationSupport,
            source: null,
          })),
        ),
      );
      created.push(id);
    }
    await audit(tx, ctx, {
      regionId: parent.regionId,
      action: 'create',
      entity: 'programme',
      entityId: parent.id,
      summary: `Мероприятие ${a.number} «${a.text.slice(0, 120)}»: созданы проекты дорожных карт — ${created.length} (уже были — ${has.size})`,
      after: { activityId, level: body.level, created },
    });
    return { created: created.length, existing: targets.length - created.length, programmeIds: created };
  });
}

/** The territories whose units the activity has now: schools or municipalities, with their names. */
async function targetsOf(tx: Executor, activityId: string, level: 'municipality' | 'school') {
  const units = await tx
    .select({ municipalityId: activityExecutions.municipalityId, organisationId: activityExecutions.organisationId })
    .from(activityExecutions)
    .where(eq(activityExecutions.activityId, activityId));
  if (level === 'school') {
    const ids = units.map((u) => u.organisationId).filter((x): x is string => x !== null);
    if (ids.length === 0) return [];
    return tx
      .select({ id: organisations.id, name: organisations.shortName, municipalityId: organisations.municipalityId })
      .from(organisations)
      .where(inArray(organisations.id, ids));
  }
  const ids = units.map((u) => u.municipalityId).filter((x): x is string => x !== null);
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: municipalities.id, name: municipalities.name })
    .from(municipalities)
    .where(inArray(municipalities.id, ids));
  return rows.map((m) => ({ ...m, municipalityId: m.id }));
}
