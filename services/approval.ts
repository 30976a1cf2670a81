// The approval workflow of roadmaps: draft → submitted → returned with comments → approved, at each level;
// each approval freezes a version, later texts are compared with the last approved one; a cascaded roadmap's
// approval is reported to the activity that asked for it.
import { and, desc, eq, max } from 'drizzle-orm';
import type { z } from 'zod';
import type { ApprovalStateDto, approvalBody } from '../contract/execution.ts';
import { DomainError } from '../domain/errors.ts';
import {
  type ApprovalAction,
  type ApprovalStatus,
  approvalActionLabels,
  approvalStatusLabels,
  compareVersions,
  isApprovalStatus,
  mayApprove,
  nextApprovalStatus,
  type VersionActivity,
} from '../domain/execution/approval.ts';
import { can, scopeContains } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import { getProgrammeRecord, listActivities, listSections, type ProgrammeRecord } from '../storage/programmes-repo.ts';
import {
  activityExecutions,
  executionEvidence,
  programmeReviews,
  programmes,
  programmeVersions,
} from '../storage/schema.ts';
import { updateVersioned } from '../storage/versioned.ts';
import {
  accountOf,
  audit,
  inTransaction,
  requirePermission,
  type ServiceContext,
  scope,
  staleWrite,
} from './context.ts';
import { programmeForRead, programmeNotFound, programmePlace, todayOf } from './execution.ts';

/** The activities of a programme as a version keeps them. */
async function versionActivities(ex: Executor, programmeId: string): Promise<VersionActivity[]> {
  const [sections, activities] = [await listSections(ex, programmeId), await listActivities(ex, { programmeId })];
  const sectionOf = new Map(sections.map((s) => [s.id, `${s.number} ${s.title}`.trim()]));
  const order = new Map(sections.map((s) => [s.id, s.position]));
  return activities
    .sort((a, b) => (order.get(a.sectionId) ?? 0) - (order.get(b.sectionId) ?? 0) || a.position - b.position)
    .map((a) => ({
      id: a.id,
      section: sectionOf.get(a.sectionId) ?? '',
      number: a.number,
      text: a.text,
      deadlineText: a.deadlineText,
      responsible: a.responsible,
    }));
}

/** Is the actor the approver of this programme: above its level (or the region for its own), within scope? */
function approverActs(ctx: ServiceContext, p: ProgrammeRecord): boolean {
  if (!mayApprove(ctx.actor.role, p.level)) return false;
  return scopeContains(scope(ctx), programmePlace(p)) && can(ctx.actor, 'programme.write', programmePlace(p));
}

/** Which actions the actor may take now: submitting and reopening are the owner's, the rest the approver's. */
function allowedActions(ctx: ServiceContext, p: ProgrammeRecord): ApprovalAction[] {
  const owner = can(ctx.actor, 'programme.write', programmePlace(p));
  const approver = approverActs(ctx, p);
  return (['submit', 'return', 'approve', 'reopen'] as const).filter(
    (action) =>
      (owner || (action !== 'submit' && action !== 'reopen')) &&
      isApprovalStatus(nextApprovalStatus(p.status as ApprovalStatus, action, p.level, approver)),
  );
}

export async function approvalState(ctx: ServiceContext, programmeId: string): Promise<ApprovalStateDto> {
  const p = await programmeForRead(ctx.db, ctx, programmeId);
  const reviews = await ctx.db
    .select()
    .from(programmeReviews)
    .where(eq(programmeReviews.programmeId, p.id))
    .orderBy(desc(programmeReviews.at));
  const versions = await ctx.db
    .select()
    .from(programmeVersions)
    .where(eq(programmeVersions.programmeId, p.id))
    .orderBy(desc(programmeVersions.number));
  const last = versions[0];
  const changes = last
    ? compareVersions(
        (last.snapshot as { activities: VersionActivity[] }).activities,
        await versionActivities(ctx.db, p.id),
      )
    : [];
  const children = await ctx.db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.parentProgrammeId, p.id));
  const childRecords = (await Promise.all(children.map((c) => getProgrammeRecord(ctx.db, c.id)))).filter(
    (c): c is ProgrammeRecord => c !== null && scopeContains(scope(ctx), programmePlace(c)),
  );
  return {
    status: p.status as ApprovalStatus,
    approvedVersion: p.approvedVersion,
    approvedAt: p.approvedAt,
    actions: allowedActions(ctx, p),
    reviews: reviews.map((r) => ({
      fromStatus: r.fromStatus,
      toStatus: r.toStatus,
      comment: r.comment,
      actorLogin: r.actorLogin,
      at: r.at.toISOString(),
    })),
    versions: versions.map((v) => ({
      number: v.number,
      approvedAt: v.approvedAt.toISOString(),
      approvedByLogin: v.approvedByLogin,
    })),
    changes: changes.map((c) =>
      c.kind === 'added'
        ? { kind: 'added', after: c.after }
        : c.kind === 'removed'
          ? { kind: 'removed', before: c.before }
          : { kind: 'changed', before: c.before, after: c.after, fields: c.fields },
    ),
    children: childRecords.map((c) => ({
      id: c.id,
      title: c.title,
      territoryName: c.territoryName,
      level: c.level,
      status: c.status,
    })),
  };
}

/** Moves a programme along the workflow; approval freezes a version and closes the cascading unit above. */
export async function changeApproval(
  ctx: ServiceContext,
  programmeId: string,
  body: z.infer<typeof approvalBody>,
): Promise<ApprovalStateDto> {
  requirePermission(ctx, 'programme.read');
  await inTransaction(ctx, async (tx) => {
    const p = await getProgrammeRecord(tx, programmeId, true);
    if (!p) throw programmeNotFound();
    const owner = can(ctx.actor, 'programme.write', programmePlace(p));
    const approver = approverActs(ctx, p);
    if (!owner && !approver) requirePermission(ctx, 'programme.write', programmePlace(p));
    if ((body.action === 'submit' || body.action === 'reopen') && !owner)
      requirePermission(ctx, 'programme.write', programmePlace(p));
    const next = nextApprovalStatus(p.status as ApprovalStatus, body.action, p.level, approver);
    if (!isApprovalStatus(next)) throw new DomainError('conflict.state', next);
    const comment = (body.comment ?? '').trim();
    if (body.action === 'return' && !comment)
      throw new DomainError('validation.failed', 'Укажите, что нужно доработать: комментарий обязателен.', {
        problems: [{ field: 'comment', message: 'Укажите, что нужно доработать.' }],
      });
    const to = next;
    const approving = to === 'approved';
    const values = {
      status: to,
      ...(approving && { approvedVersion: (p.approvedVersion ?? 0) + 1, approvedAt: ctx.now?.() ?? new Date() }),
    };
    if (!(await updateVersioned(tx, programmes, p.id, body.version, values)))
      throw await staleWrite(tx, 'programme', p.id, body.version, { status: 'Статус' });
    if (approving) {
      const [last] = await tx
        .select({ n: max(programmeVersions.number) })
        .from(programmeVersions)
        .where(eq(programmeVersions.programmeId, p.id));
      await tx.insert(programmeVersions).values({
        regionId: p.regionId,
        programmeId: p.id,
        number: (last?.n ?? 0) + 1,
        snapshot: { title: p.title, period: p.period, activities: await versionActivities(tx, p.id) },
        approvedBy: accountOf(ctx),
        approvedByLogin: ctx.actor.login,
      });
      if (p.parentActivityId) await closeCascadeUnit(tx, ctx, p);
    }
    await tx.insert(programmeReviews).values({
      regionId: p.regionId,
      programmeId: p.id,
      fromStatus: p.status,
      toStatus: to,
      comment,
      actorId: accountOf(ctx),
      actorLogin: ctx.actor.login,
    });
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'update',
      entity: 'programme',
      entityId: p.id,
      summary: `${approvalActionLabels[body.action]}: «${p.title.slice(0, 150)}» — ${approvalStatusLabels[to].toLowerCase()}${comment ? ` (${comment.slice(0, 200)})` : ''}`,
      before: { status: p.status, version: p.version },
      after: { status: to, version: p.version + 1, ...(approving && { approvedVersion: values.approvedVersion }) },
    });
  });
  return approvalState(ctx, programmeId);
}

/**
 * The unit of the cascading activity that belongs to this roadmap's owner is done once the roadmap is
 * approved, with the roadmap itself as its evidence (seed 004 items 5–6: «100 % от числа школ участниц»).
 */
async function closeCascadeUnit(tx: Executor, ctx: ServiceContext, p: ProgrammeRecord): Promise<void> {
  const place = p.organisationId
    ? eq(activityExecutions.organisationId, p.organisationId)
    : and(eq(activityExecutions.municipalityId, p.municipalityId!), eq(activityExecutions.own, false));
  const [unit] = await tx
    .select()
    .from(activityExecutions)
    .where(and(eq(activityExecutions.activityId, p.parentActivityId!), place));
  if (!unit || unit.status === 'done') return;
  const today = todayOf(ctx, p.timezone);
  await tx.insert(executionEvidence).values({
    regionId: p.regionId,
    executionId: unit.id,
    kind: 'document',
    title: `Утверждена дорожная карта «${p.title.slice(0, 300)}»`,
    documentNumber: `версия ${(p.approvedVersion ?? 0) + 1}`,
    documentDate: today,
    createdBy: accountOf(ctx),
    createdByLogin: ctx.actor.login,
  });
  await updateVersioned(tx, activityExecutions, unit.id, unit.version, {
    status: 'done',
    completedOn: today,
    updatedBy: accountOf(ctx),
  });
  await audit(tx, ctx, {
    regionId: p.regionId,
    action: 'update',
    entity: 'activity_execution',
    entityId: unit.id,
    summary: `Мероприятие выполнено: утверждена дорожная карта «${p.title.slice(0, 150)}»`,
    before: { status: unit.status, completedOn: unit.completedOn, version: unit.version },
    after: { status: 'done', completedOn: today, version: unit.version + 1 },
  });
}
