// SWOT analyses and entry monitoring of a school: filled by the school as drafts, submitted for review,
// accepted or returned with a comment by the curator or a coordinator. Every save is a version (audited
// before → after); a stale save gets a 409.
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { formReviewBody, SchoolFormDto, schoolFormBody } from '../contract/diagnosis.ts';
import { checkForm, type FormKind, formKindLabels, formStatusLabels } from '../domain/diagnosis/forms.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import type { Place } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import { organisations, schoolForms } from '../storage/schema.ts';
import { updateVersioned } from '../storage/versioned.ts';
import { accountOf, audit, inTransaction, requirePermission, type ServiceContext, staleWrite } from './context.ts';

type FormRow = typeof schoolForms.$inferSelect;
const labels = { content: 'Содержание', status: 'Состояние', reviewComment: 'Комментарий проверяющего' };

const dto = (f: FormRow, schoolName: string): SchoolFormDto => ({
  id: f.id,
  organisationId: f.organisationId,
  schoolName,
  kind: f.kind as SchoolFormDto['kind'],
  period: f.period,
  content: f.content as Record<string, unknown>,
  status: f.status as SchoolFormDto['status'],
  reviewComment: f.reviewComment,
  reviewedBy: f.reviewedBy,
  version: f.version,
  updatedAt: f.updatedAt.toISOString(),
});

async function school(ex: Executor, id: string) {
  const o = await getOrganisation(ex, id);
  if (o?.kind !== 'school') throw notFound('Школа');
  const place: Place = { regionId: o.regionId, municipalityId: o.municipalityId, organisationId: o.id };
  return { o, place };
}

export async function listSchoolForms(ctx: ServiceContext, organisationId: string): Promise<SchoolFormDto[]> {
  requirePermission(ctx, 'diagnosis.read');
  const { o, place } = await school(ctx.db, organisationId);
  requirePermission(ctx, 'diagnosis.read', place);
  const rows = await ctx.db
    .select()
    .from(schoolForms)
    .where(eq(schoolForms.organisationId, o.id))
    .orderBy(asc(schoolForms.kind), asc(schoolForms.period));
  return rows.map((r) => dto(r, o.shortName));
}

const invalidContent = (problems: { path: string; message: string }[]) =>
  new DomainError('validation.failed', 'Форма заполнена с ошибками: исправьте отмеченные поля.', {
    problems: problems.map((p) => ({ field: p.path, message: p.message })),
  });

/** Saves a draft (first save creates the form); a submitted or accepted form is not edited. */
export async function saveSchoolForm(
  ctx: ServiceContext,
  organisationId: string,
  kind: FormKind,
  period: string,
  body: z.infer<typeof schoolFormBody>,
): Promise<SchoolFormDto> {
  requirePermission(ctx, 'diagnosis.school');
  return inTransaction(ctx, async (tx) => {
    const { o, place } = await school(tx, organisationId);
    requirePermission(ctx, 'diagnosis.school', place);
    const problems = checkForm(kind, body.content, false);
    if (problems.length > 0) throw invalidContent(problems);
    const [before] = await tx
      .select()
      .from(schoolForms)
      .where(and(eq(schoolForms.organisationId, o.id), eq(schoolForms.kind, kind), eq(schoolForms.period, period)));
    if (before && (before.status === 'submitted' || before.status === 'accepted'))
      throw new DomainError(
        'conflict.state',
        `${formKindLabels[kind]} за ${period} ${formStatusLabels[before.status as 'submitted' | 'accepted']}: изменить её можно после возврата на доработку.`,
      );
    if (before) {
      if (
        body.version === undefined ||
        !(await updateVersioned(tx, schoolForms, before.id, body.version, {
          content: body.content,
          updatedBy: accountOf(ctx),
        }))
      )
        throw await staleWrite(tx, 'school_form', before.id, body.version ?? 0, labels);
    } else
      await tx.insert(schoolForms).values({
        regionId: o.regionId,
        municipalityId: o.municipalityId,
        organisationId: o.id,
        kind,
        period,
        content: body.content,
        updatedBy: accountOf(ctx),
      });
    const [after] = await tx
      .select()
      .from(schoolForms)
      .where(and(eq(schoolForms.organisationId, o.id), eq(schoolForms.kind, kind), eq(schoolForms.period, period)));
    await audit(tx, ctx, {
      regionId: o.regionId,
      action: before ? 'update' : 'create',
      entity: 'school_form',
      entityId: after!.id,
      summary: `${o.shortName}: ${formKindLabels[kind]} за ${period} — сохранён черновик`,
      before: before ? { content: before.content, status: before.status, version: before.version } : null,
      after: { content: after!.content, status: after!.status, version: after!.version },
    });
    return dto(after!, o.shortName);
  });
}

/** Submits (the school), accepts or returns with a comment (curator or coordinator) against the version. */
export async function reviewSchoolForm(
  ctx: ServiceContext,
  formId: string,
  body: z.infer<typeof formReviewBody>,
): Promise<SchoolFormDto> {
  return inTransaction(ctx, async (tx) => {
    const [f] = await tx.select().from(schoolForms).where(eq(schoolForms.id, formId));
    if (!f) throw notFound('Форма');
    const [o] = await tx.select().from(organisations).where(eq(organisations.id, f.organisationId));
    const place: Place = { regionId: f.regionId, municipalityId: f.municipalityId, organisationId: f.organisationId };
    const kind = f.kind as FormKind;
    let next: { status: string; reviewComment?: string; reviewedBy?: string | null };
    if (body.decision === 'submit') {
      requirePermission(ctx, 'diagnosis.school', place);
      if (f.status !== 'draft' && f.status !== 'returned')
        throw new DomainError(
          'conflict.state',
          `Форма ${formStatusLabels[f.status as 'submitted']}: отправлять нечего.`,
        );
      const problems = checkForm(kind, f.content, true);
      if (problems.length > 0) throw invalidContent(problems);
      next = { status: 'submitted' };
    } else {
      requirePermission(ctx, 'diagnosis.review', place);
      if (f.status !== 'submitted')
        throw new DomainError('conflict.state', 'Проверить можно только отправленную форму.');
      const comment = (body.comment ?? '').trim();
      if (body.decision === 'return' && !comment)
        throw new DomainError('validation.failed', 'Укажите, что доработать.', {
          problems: [{ field: 'comment', message: 'Укажите, что доработать.' }],
        });
      next = {
        status: body.decision === 'accept' ? 'accepted' : 'returned',
        reviewComment: comment,
        reviewedBy: ctx.actor.login,
      };
    }
    if (!(await updateVersioned(tx, schoolForms, f.id, body.version, next)))
      throw await staleWrite(tx, 'school_form', f.id, body.version, labels);
    const [after] = await tx.select().from(schoolForms).where(eq(schoolForms.id, f.id));
    await audit(tx, ctx, {
      regionId: f.regionId,
      action: 'update',
      entity: 'school_form',
      entityId: f.id,
      summary: `${o?.shortName ?? ''}: ${formKindLabels[kind]} за ${f.period} — ${formStatusLabels[after!.status as 'draft']}`,
      before: { status: f.status, reviewComment: f.reviewComment, version: f.version },
      after: { status: after!.status, reviewComment: after!.reviewComment, version: after!.version },
    });
    return dto(after!, o?.shortName ?? '');
  });
}
