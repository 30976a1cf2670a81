// Use cases of executing a programme: reading its activities with their units, reporting a status with
// evidence, the coaching thread, the history, and choosing who executes an activity (its owner, or each
// target school or municipality). Every change is authorised against the unit's place, versioned, audited.
import { createHash } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ActivityExecutionDto,
  EvidenceDto,
  ExecutionUnitDto,
  evidenceLinkBody,
  executionQuery,
  ProgrammeExecutionDto,
  reportBody,
  targetsBody,
} from '../contract/execution.ts';
import { DomainError, denied } from '../domain/errors.ts';
import { cascadeLevelOf } from '../domain/execution/cascade.ts';
import {
  closingProblems,
  type EvidenceRule,
  evidenceFileLimit,
  evidenceRuleOf,
  isEvidenceUrl,
} from '../domain/execution/evidence.ts';
import { activityStatus, figuresOf } from '../domain/execution/rollup.ts';
import { type ExecutionStatus, executionStatusLabels, localDate, timingOf } from '../domain/execution/status.ts';
import { groupBy } from '../domain/group-by.ts';
import { can, type Place, roleLabels, scopeContains } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import {
  commentCounts,
  type EvidenceRecord,
  listComments,
  loadEvidence,
  loadUnits,
  type UnitRecord,
  unitScope,
} from '../storage/execution-repo.ts';
import { getProgrammeRecord, type ProgrammeRecord } from '../storage/programmes-repo.ts';
import {
  activityComments,
  activityExecutions,
  auditLog,
  executionEvidence,
  municipalities,
  organisations,
  programmeActivities,
  regions,
  schoolListMembers,
  storedFiles,
  users,
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

export const executionLabels: Record<string, string> = {
  status: 'Статус исполнения',
  completedOn: 'Дата исполнения',
  cancelReason: 'Причина отмены',
  comment: 'Комментарий',
};

export const programmeNotFound = () => new DomainError('not_found', 'Программа не найдена: возможно, её удалили.');
const unitNotFound = () => new DomainError('not_found', 'Исполнение мероприятия не найдено: возможно, его удалили.');
const invalid = (field: string, message: string) =>
  new DomainError('validation.failed', message, { problems: [{ field, message }] });

export const programmePlace = (p: Pick<ProgrammeRecord, 'regionId' | 'municipalityId' | 'organisationId'>): Place => ({
  regionId: p.regionId,
  municipalityId: p.municipalityId,
  organisationId: p.organisationId,
});
const unitPlace = (u: Pick<UnitRecord, 'regionId' | 'municipalityId' | 'organisationId'>): Place => ({
  regionId: u.regionId,
  municipalityId: u.municipalityId,
  organisationId: u.organisationId,
});

/** «Today» of a programme: the date in its region's time zone, from the context's clock. */
export const todayOf = (ctx: Pick<ServiceContext, 'now'>, timezone: string): string =>
  localDate(ctx.now?.() ?? new Date(), timezone);

/** «Today» in a region's time zone, read from the region (agreements, campaigns, courses, anti-risk roadmaps). */
export async function regionToday(ex: Executor, ctx: Pick<ServiceContext, 'now'>, regionId: string): Promise<string> {
  const [r] = await ex.select({ timezone: regions.timezone }).from(regions).where(eq(regions.id, regionId));
  return todayOf(ctx, r?.timezone ?? 'Europe/Moscow');
}

/**
 * A programme may be read by those whose territory owns it, and by those it gives work to (a school reads
 * the regional roadmap that targets it; a curator the roadmaps of the schools assigned to them).
 */
export async function requireProgrammeRead(ex: Executor, ctx: ServiceContext, p: ProgrammeRecord): Promise<void> {
  requirePermission(ctx, 'programme.read');
  if (can(ctx.actor, 'programme.read', programmePlace(p))) return;
  const inside = unitScope(scope(ctx));
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(activityExecutions)
    .where(and(eq(activityExecutions.programmeId, p.id), inside));
  if (!row || Number(row.n) === 0) throw denied('Программа относится к другой территории: доступ запрещён.');
}

export async function programmeForRead(ex: Executor, ctx: ServiceContext, id: string): Promise<ProgrammeRecord> {
  const p = await getProgrammeRecord(ex, id);
  if (!p) throw programmeNotFound();
  await requireProgrammeRead(ex, ctx, p);
  return p;
}

/** Does the actor see every unit of the programme (its owner's territory), or only its own share? */
const seesAll = (ctx: ServiceContext, p: ProgrammeRecord) => can(ctx.actor, 'programme.read', programmePlace(p));

const evidenceDto = (e: EvidenceRecord): EvidenceDto => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  url: e.url,
  documentNumber: e.documentNumber,
  documentDate: e.documentDate,
  file: e.file ? { name: e.file.name, size: e.file.size, mediaType: e.file.mediaType } : null,
  createdByLogin: e.createdByLogin,
  createdAt: e.createdAt,
});

function unitDto(
  ctx: ServiceContext,
  u: UnitRecord,
  evidence: EvidenceRecord[],
  comments: number,
  today: string,
  dueSoonDays: number,
): ExecutionUnitDto {
  const t = timingOf(u.status, u.reading, today, dueSoonDays);
  return {
    id: u.id,
    activityId: u.activityId,
    own: u.own,
    municipalityId: u.municipalityId,
    organisationId: u.organisationId,
    executorName: u.executorName,
    status: u.status,
    completedOn: u.completedOn,
    cancelReason: u.cancelReason,
    comment: u.comment,
    timing: t.timing,
    deadline: t.deadline,
    daysOverdue: t.daysOverdue,
    daysLeft: t.daysLeft,
    evidence: evidence.map(evidenceDto),
    comments,
    canReport: can(ctx.actor, 'execution.write', unitPlace(u)),
    version: u.version,
    updatedAt: u.updatedAt,
  };
}

/** The rule that closes an activity, from its own settings, its wording and the programme's. */
const ruleOf = (u: UnitRecord, p: ProgrammeRecord): EvidenceRule =>
  evidenceRuleOf(u.evidenceRule, u.informationSupport, p.settings.commentRequired);

/**
 * The programme's activities with their units and timing as of today. Those who own the programme see every
 * unit; a school or a municipality sees the activities that give it work, with its own units only.
 */
export async function programmeExecution(
  ctx: ServiceContext,
  programmeId: string,
  q: z.infer<typeof executionQuery> = {},
): Promise<ProgrammeExecutionDto> {
  requirePermission(ctx, 'execution.read');
  const p = await programmeForRead(ctx.db, ctx, programmeId);
  const all = seesAll(ctx, p);
  let units = await loadUnits(ctx.db, { programmeIds: [p.id] }, all ? undefined : scope(ctx));
  if (q.organisationId) units = units.filter((u) => u.organisationId === q.organisationId);
  if (q.municipalityId) units = units.filter((u) => u.municipalityId === q.municipalityId);
  const ids = units.map((u) => u.id);
  const [evidence, comments] = await Promise.all([loadEvidence(ctx.db, ids), commentCounts(ctx.db, ids)]);
  const byUnit = groupBy(evidence, (e) => e.executionId);
  const today = todayOf(ctx, p.timezone);
  const activities: ActivityExecutionDto[] = [];
  for (const group of groupBy(units, (u) => u.activityId).values()) {
    const first = group[0]!;
    const statuses = group.map((u) => u.status);
    const status = activityStatus(statuses);
    const t = timingOf(status, first.reading, today, p.settings.dueSoonDays);
    const f = figuresOf(statuses);
    activities.push({
      activityId: first.activityId,
      sectionId: first.sectionId,
      number: first.number,
      text: first.text,
      deadlineText: first.deadlineText,
      deadline: first.reading,
      responsible: first.responsible,
      informationSupport: first.informationSupport,
      targetKind: first.targetKind,
      evidenceRule: ruleOf(first, p),
      cascadeLevel: first.cascadeLevel,
      suggestedCascade: cascadeLevelOf(first.text),
      status,
      timing: t.timing,
      deadlineDate: t.deadline,
      units: group.map((u) =>
        unitDto(ctx, u, byUnit.get(u.id) ?? [], comments.get(u.id) ?? 0, today, p.settings.dueSoonDays),
      ),
      figures: { total: f.total, done: f.done, cancelled: f.cancelled, percent: f.percent },
    });
  }
  return { programmeId: p.id, today, timezone: p.timezone, approved: p.approvedVersion !== null, activities };
}

/** One unit with its programme, checked for reading. */
async function unitForRead(ex: Executor, ctx: ServiceContext, id: string) {
  const [u] = await loadUnits(ex, { ids: [id] });
  if (!u) throw unitNotFound();
  const p = (await getProgrammeRecord(ex, u.programmeId))!;
  if (!seesAll(ctx, p) && !scopeContains(scope(ctx), unitPlace(u)))
    throw denied('Мероприятие относится к другой территории: доступ запрещён.');
  return { u, p };
}

export async function getUnit(ctx: ServiceContext, id: string): Promise<ExecutionUnitDto> {
  requirePermission(ctx, 'execution.read');
  const { u, p } = await unitForRead(ctx.db, ctx, id);
  const [evidence, comments] = await Promise.all([loadEvidence(ctx.db, [id]), commentCounts(ctx.db, [id])]);
  return unitDto(ctx, u, evidence, comments.get(id) ?? 0, todayOf(ctx, p.timezone), p.settings.dueSoonDays);
}

const unitSnapshot = (u: UnitRecord) => ({
  status: u.status,
  completedOn: u.completedOn,
  cancelReason: u.cancelReason,
  comment: u.comment,
  version: u.version,
});

/** Where a unit may be written: the actor reports its own territory's work of an approved programme. */
async function unitForWrite(tx: Executor, ctx: ServiceContext, id: string) {
  requirePermission(ctx, 'execution.write');
  const [u] = await loadUnits(tx, { ids: [id] });
  if (!u) throw unitNotFound();
  requirePermission(ctx, 'execution.write', unitPlace(u));
  const p = (await getProgrammeRecord(tx, u.programmeId))!;
  if (p.approvedVersion === null)
    throw new DomainError(
      'conflict.state',
      'Программа ещё не утверждена: исполнение отмечается по утверждённой программе.',
    );
  return { u, p };
}

/**
 * Reports a unit's status. Done needs the date of execution (not later than today in the region) and the
 * evidence the activity asks for; cancelled needs a reason; going back clears the date.
 */
export async function reportExecution(
  ctx: ServiceContext,
  id: string,
  body: z.infer<typeof reportBody>,
): Promise<ExecutionUnitDto> {
  return inTransaction(ctx, async (tx) => {
    const { u, p } = await unitForWrite(tx, ctx, id);
    const today = todayOf(ctx, p.timezone);
    const comment = body.comment ?? u.comment;
    let completedOn: string | null = null;
    let cancelReason = '';
    if (body.status === 'done') {
      completedOn = body.completedOn ?? u.completedOn ?? today;
      if (completedOn > today) throw invalid('completedOn', 'Дата исполнения не может быть позже сегодняшнего дня.');
      const evidence = await loadEvidence(tx, [id]);
      const problems = closingProblems(ruleOf(u, p), evidence, comment);
      if (problems.length > 0)
        throw new DomainError('validation.failed', problems.join(' '), {
          problems: problems.map((message) => ({ field: 'evidence', message })),
        });
    }
    if (body.status === 'cancelled') {
      cancelReason = (body.cancelReason ?? '').trim();
      if (!cancelReason) throw invalid('cancelReason', 'Укажите причину отмены мероприятия.');
    }
    const values = { status: body.status, completedOn, cancelReason, comment, updatedBy: accountOf(ctx) };
    if (!(await updateVersioned(tx, activityExecutions, id, body.version, values)))
      throw await staleWrite(tx, 'activity_execution', id, body.version, executionLabels);
    const [after] = await loadUnits(tx, { ids: [id] });
    await audit(tx, ctx, {
      regionId: u.regionId,
      action: 'update',
      entity: 'activity_execution',
      entityId: id,
      summary: `${u.executorName}: мероприятие ${u.number} «${u.text.slice(0, 120)}» — ${executionStatusLabels[body.status as ExecutionStatus].toLowerCase()}`,
      before: unitSnapshot(u),
      after: unitSnapshot(after!),
    });
    // The answer from what the transaction already holds, not a second reading of the unit and its programme.
    const evidence = await loadEvidence(tx, [id]);
    const comments = await commentCounts(tx, [id]);
    return unitDto(ctx, after!, evidence, comments.get(id) ?? 0, today, p.settings.dueSoonDays);
  });
}

// ——— evidence

/** File types accepted as evidence, with the bytes each must start with (a renamed executable is refused). */
const evidenceTypes: Record<string, { mediaType: string; magic: number[][] }> = {
  pdf: { mediaType: 'application/pdf', magic: [[0x25, 0x50, 0x44, 0x46]] },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  pptx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', magic: [[0x50, 0x4b, 0x03, 0x04]] },
  doc: { mediaType: 'application/msword', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  xls: { mediaType: 'application/vnd.ms-excel', magic: [[0xd0, 0xcf, 0x11, 0xe0]] },
  png: { mediaType: 'image/png', magic: [[0x89, 0x50, 0x4e, 0x47]] },
  jpg: { mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { mediaType: 'image/jpeg', magic: [[0xff, 0xd8, 0xff]] },
  txt: { mediaType: 'text/plain; charset=utf-8', magic: [] },
};
export const evidenceExtensions = Object.keys(evidenceTypes);

/** The name kept for a file: its last path part, without control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(-200);
  return clean === '' || clean === '.' || clean === '..' ? 'файл' : clean;
}

export interface EvidenceFileInput {
  name: string;
  bytes: Uint8Array;
}

/** How a refusal names the file's purpose («подтверждением», «удостоверением») and what to do when it is too big. */
export interface UploadWording {
  role: string;
  tooLarge: string;
}
const evidenceWording: UploadWording = { role: 'подтверждением', tooLarge: 'уменьшите его или дайте ссылку' };

function checkEvidenceFile(
  file: EvidenceFileInput,
  wording: UploadWording = evidenceWording,
): { name: string; mediaType: string } {
  const name = safeFileName(file.name);
  const ext = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  const type = evidenceTypes[ext];
  if (!type)
    throw invalid(
      'file',
      `Файл «${name}» не принят: ${wording.role} может быть файл ${evidenceExtensions.map((e) => `.${e}`).join(', ')}.`,
    );
  if (file.bytes.length === 0) throw invalid('file', `Файл «${name}» пуст.`);
  if (file.bytes.length > evidenceFileLimit)
    throw invalid('file', `Файл «${name}» больше ${evidenceFileLimit / 1024 / 1024} МБ: ${wording.tooLarge}.`);
  if (type.magic.length > 0 && !type.magic.some((m) => m.every((b, i) => file.bytes[i] === b)))
    throw invalid('file', `Файл «${name}» повреждён или не является файлом .${ext}.`);
  return { name, mediaType: type.mediaType };
}

/**
 * Checks an uploaded file as evidence files are checked (type by extension and first bytes, not empty, at
 * most 20 MB) and keeps it in the database; other uploads (course certificates) reuse it with their wording.
 */
export async function storeCheckedFile(
  ex: Executor,
  ctx: ServiceContext,
  regionId: string,
  file: EvidenceFileInput,
  wording: UploadWording = evidenceWording,
): Promise<{ id: string; name: string; mediaType: string; size: number }> {
  const { name, mediaType } = checkEvidenceFile(file, wording);
  const [f] = await ex
    .insert(storedFiles)
    .values({
      regionId,
      name,
      mediaType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      createdBy: accountOf(ctx),
    })
    .returning({ id: storedFiles.id });
  return { id: f!.id, name, mediaType, size: file.bytes.length };
}

/** Attaches evidence to a unit: a file (kept in the database), a link, or an order's or protocol's details. */
export async function addEvidence(
  ctx: ServiceContext,
  executionId: string,
  input: { kind: 'file'; file: EvidenceFileInput; title?: string } | z.infer<typeof evidenceLinkBody>,
): Promise<EvidenceDto> {
  const id = await inTransaction(ctx, async (tx) => {
    const { u } = await unitForWrite(tx, ctx, executionId);
    let fileId: string | null = null;
    let values: { title: string; url: string; documentNumber: string; documentDate: string | null };
    if (input.kind === 'file') {
      const { id: storedId, name } = await storeCheckedFile(tx, ctx, u.regionId, input.file);
      fileId = storedId;
      values = { title: (input.title ?? '').trim() || name, url: '', documentNumber: '', documentDate: null };
    } else if (input.kind === 'link') {
      const url = (input.url ?? '').trim();
      if (!isEvidenceUrl(url)) throw invalid('url', 'Укажите ссылку, начинающуюся с https:// или http://.');
      values = { title: (input.title ?? '').trim() || url, url, documentNumber: '', documentDate: null };
    } else {
      const title = (input.title ?? '').trim();
      const documentNumber = (input.documentNumber ?? '').trim();
      if (!title) throw invalid('title', 'Укажите вид и наименование документа (приказ, протокол, письмо).');
      if (!documentNumber && !input.documentDate) throw invalid('documentNumber', 'Укажите номер или дату документа.');
      values = { title, url: '', documentNumber, documentDate: input.documentDate ?? null };
    }
    const [e] = await tx
      .insert(executionEvidence)
      .values({
        regionId: u.regionId,
        executionId,
        kind: input.kind,
        fileId,
        ...values,
        createdBy: accountOf(ctx),
        createdByLogin: ctx.actor.login,
      })
      .returning({ id: executionEvidence.id });
    await audit(tx, ctx, {
      regionId: u.regionId,
      action: 'create',
      entity: 'execution_evidence',
      entityId: e!.id,
      summary: `${u.executorName}: к мероприятию ${u.number} приложено подтверждение «${values.title.slice(0, 120)}»`,
      after: { executionId, kind: input.kind, ...values, fileId },
    });
    return e!.id;
  });
  const [e] = (await loadEvidence(ctx.db, [executionId])).filter((x) => x.id === id);
  return evidenceDto(e!);
}

async function evidenceRecord(ex: Executor, id: string) {
  const [row] = await ex
    .select({ executionId: executionEvidence.executionId })
    .from(executionEvidence)
    .where(eq(executionEvidence.id, id));
  if (!row) throw new DomainError('not_found', 'Подтверждение не найдено: возможно, его удалили.');
  const [e] = (await loadEvidence(ex, [row.executionId])).filter((x) => x.id === id);
  return e!;
}

/** Removes evidence from a unit that is not closed as done (closed work keeps what proved it). */
export async function removeEvidence(ctx: ServiceContext, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const e = await evidenceRecord(tx, id);
    const { u } = await unitForWrite(tx, ctx, e.executionId);
    if (u.status === 'done')
      throw new DomainError(
        'conflict.state',
        'Мероприятие отмечено выполненным: чтобы убрать подтверждение, сначала измените статус.',
      );
    await tx.delete(executionEvidence).where(eq(executionEvidence.id, id));
    if (e.file) await tx.delete(storedFiles).where(eq(storedFiles.id, e.file.id));
    await audit(tx, ctx, {
      regionId: u.regionId,
      action: 'delete',
      entity: 'execution_evidence',
      entityId: id,
      summary: `${u.executorName}: у мероприятия ${u.number} удалено подтверждение «${e.title.slice(0, 120)}»`,
      before: { executionId: e.executionId, kind: e.kind, title: e.title, url: e.url },
    });
  });
}

export async function evidenceFile(
  ctx: ServiceContext,
  id: string,
): Promise<{ name: string; mediaType: string; bytes: Uint8Array }> {
  requirePermission(ctx, 'execution.read');
  const e = await evidenceRecord(ctx.db, id);
  await unitForRead(ctx.db, ctx, e.executionId);
  if (!e.file) throw new DomainError('not_found', 'У этого подтверждения нет файла.');
  const [f] = await ctx.db
    .select({ content: storedFiles.content })
    .from(storedFiles)
    .where(eq(storedFiles.id, e.file.id));
  return { name: e.file.name, mediaType: e.file.mediaType, bytes: f!.content };
}

// ——— coaching thread and history

export async function threadOf(ctx: ServiceContext, executionId: string) {
  requirePermission(ctx, 'execution.read');
  await unitForRead(ctx.db, ctx, executionId);
  const rows = await listComments(ctx.db, executionId);
  return rows.map((c) => ({
    id: c.id,
    authorLogin: c.authorLogin,
    authorName: c.authorName,
    authorRole: c.authorRole,
    text: c.text,
    createdAt: c.createdAt.toISOString(),
  }));
}

/** A message in a unit's coaching thread: the school, its curator, the coordinators above. */
export async function addComment(ctx: ServiceContext, executionId: string, text: string) {
  requirePermission(ctx, 'execution.comment');
  await inTransaction(ctx, async (tx) => {
    const { u } = await unitForRead(tx, ctx, executionId);
    const [me] = await tx.select({ fullName: users.fullName }).from(users).where(eq(users.id, ctx.actor.userId));
    const [c] = await tx
      .insert(activityComments)
      .values({
        regionId: u.regionId,
        executionId,
        authorId: accountOf(ctx),
        authorLogin: ctx.actor.login,
        authorName: me?.fullName ?? ctx.actor.login,
        authorRole: roleLabels[ctx.actor.role],
        text: text.trim(),
      })
      .returning({ id: activityComments.id });
    await audit(tx, ctx, {
      regionId: u.regionId,
      action: 'create',
      entity: 'activity_comment',
      entityId: c!.id,
      summary: `${u.executorName}: комментарий к мероприятию ${u.number}`,
      after: { executionId, text: text.trim().slice(0, 2000) },
    });
  });
  return threadOf(ctx, executionId);
}

/** Every change of a unit and its evidence, from the audit log. */
export async function unitHistory(ctx: ServiceContext, executionId: string) {
  requirePermission(ctx, 'execution.read');
  await unitForRead(ctx.db, ctx, executionId);
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(
      sql`(${auditLog.entity} = 'activity_execution' and ${auditLog.entityId} = ${executionId})
        or (${auditLog.entity} in ('execution_evidence', 'activity_comment') and ${auditLog.after}->>'executionId' = ${executionId})
        or (${auditLog.entity} = 'execution_evidence' and ${auditLog.before}->>'executionId' = ${executionId})`,
    )
    .orderBy(auditLog.id);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    actorLogin: r.actorLogin,
    action: r.action,
    summary: r.summary,
    before: r.before ?? null,
    after: r.after ?? null,
  }));
}

// ——— who executes an activity

/** The programme's target schools: the members of its approved list. */
export async function programmeTargetSchools(
  ex: Executor,
  p: ProgrammeRecord,
): Promise<{ id: string; municipalityId: string | null }[]> {
  if (!p.schoolList) return [];
  return ex
    .select({ id: schoolListMembers.organisationId, municipalityId: schoolListMembers.municipalityId })
    .from(schoolListMembers)
    .where(eq(schoolListMembers.listId, p.schoolList.id));
}

/** Units wanted for targets: each school (with its municipality) or each municipality. */
export async function targetUnits(
  ex: Executor,
  p: ProgrammeRecord,
  kind: 'schools' | 'municipalities',
  territoryIds: readonly string[] | undefined,
): Promise<{ municipalityId: string | null; organisationId: string | null }[]> {
  let schools: { id: string; municipalityId: string | null }[];
  if (territoryIds && kind === 'schools') {
    schools = await ex
      .select({ id: organisations.id, municipalityId: organisations.municipalityId })
      .from(organisations)
      .where(
        and(
          inArray(organisations.id, [...territoryIds]),
          eq(organisations.regionId, p.regionId),
          eq(organisations.kind, 'school'),
        ),
      );
    if (schools.length !== new Set(territoryIds).size)
      throw invalid('territoryIds', 'Некоторые из выбранных школ не найдены среди школ региона программы.');
  } else if (territoryIds) {
    const found = await ex
      .select({ id: municipalities.id })
      .from(municipalities)
      .where(and(inArray(municipalities.id, [...territoryIds]), eq(municipalities.regionId, p.regionId)));
    if (found.length !== new Set(territoryIds).size)
      throw invalid('territoryIds', 'Некоторые из выбранных муниципалитетов не найдены в регионе программы.');
    return found.map((m) => ({ municipalityId: m.id, organisationId: null }));
  } else {
    schools = await programmeTargetSchools(ex, p);
    if (schools.length === 0)
      throw invalid(
        'territoryIds',
        'У программы нет перечня целевых школ: выберите школы или муниципалитеты вручную либо укажите перечень в карточке программы.',
      );
  }
  // A municipal programme's targets are inside its municipality, a school's programme has none.
  if (p.municipalityId) schools = schools.filter((s) => s.municipalityId === p.municipalityId);
  if (kind === 'schools') return schools.map((s) => ({ municipalityId: s.municipalityId, organisationId: s.id }));
  const ms = [...new Set(schools.map((s) => s.municipalityId).filter((x): x is string => x !== null))];
  return ms.map((m) => ({ municipalityId: m, organisationId: null }));
}

const unitKey = (u: { municipalityId: string | null; organisationId: string | null }) =>
  `${u.municipalityId ?? ''}/${u.organisationId ?? ''}`;

/**
 * Sets who executes an activity. Units that are no longer wanted are removed only while nothing was reported
 * on them; reported work is never dropped silently.
 */
export async function setTargets(
  ctx: ServiceContext,
  activityId: string,
  body: z.infer<typeof targetsBody>,
): Promise<ActivityExecutionDto> {
  requirePermission(ctx, 'programme.write');
  const programmeId = await inTransaction(ctx, async (tx) => {
    const [a] = await tx.select().from(programmeActivities).where(eq(programmeActivities.id, activityId));
    if (!a) throw new DomainError('not_found', 'Мероприятие не найдено: возможно, его удалили.');
    const p = (await getProgrammeRecord(tx, a.programmeId, true))!;
    requirePermission(ctx, 'programme.write', programmePlace(p));
    if (p.level === 'school' && body.targetKind !== 'owner')
      throw invalid('targetKind', 'Мероприятие школьной программы исполняет сама школа.');
    const wanted =
      body.targetKind === 'owner'
        ? [{ municipalityId: p.municipalityId, organisationId: p.organisationId, own: true }]
        : (await targetUnits(tx, p, body.targetKind, body.territoryIds)).map((u) => ({ ...u, own: false }));
    const existing = await loadUnits(tx, { activityId });
    const wantedKeys = new Set(wanted.map(unitKey));
    const existingKeys = new Set(existing.map(unitKey));
    const dropping = existing.filter((u) => !wantedKeys.has(unitKey(u)));
    const evidenced = new Set(
      (
        await loadEvidence(
          tx,
          dropping.map((u) => u.id),
        )
      ).map((e) => e.executionId),
    );
    const blocked = dropping.filter((u) => u.status !== 'planned' || evidenced.has(u.id)).map((u) => u.executorName);
    if (blocked.length > 0)
      throw new DomainError(
        'conflict.state',
        `Нельзя исключить исполнителей, по которым уже отмечено исполнение: ${blocked.slice(0, 10).join(', ')}${blocked.length > 10 ? ` и ещё ${blocked.length - 10}` : ''}.`,
      );
    if (dropping.length > 0)
      await tx.delete(activityExecutions).where(
        inArray(
          activityExecutions.id,
          dropping.map((u) => u.id),
        ),
      );
    const adding = wanted.filter((u) => !existingKeys.has(unitKey(u)));
    for (let i = 0; i < adding.length; i += 1000)
      await tx
        .insert(activityExecutions)
        .values(adding.slice(i, i + 1000).map((u) => ({ regionId: p.regionId, programmeId: p.id, activityId, ...u })));
    const values = { targetKind: body.targetKind, ...(body.evidenceRule && { evidenceRule: body.evidenceRule }) };
    if (!(await updateVersioned(tx, programmeActivities, activityId, body.version, values)))
      throw await staleWrite(tx, 'programme_activity', activityId, body.version, {
        targetKind: 'Исполнители',
        evidenceRule: 'Подтверждение исполнения',
      });
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'update',
      entity: 'programme_activity',
      entityId: activityId,
      summary: `Мероприятие ${a.number} «${a.text.slice(0, 120)}»: исполнителей ${wanted.length} (добавлено ${adding.length}, исключено ${dropping.length})`,
      before: { targetKind: a.targetKind, evidenceRule: a.evidenceRule, units: existing.length, version: a.version },
      after: {
        targetKind: body.targetKind,
        evidenceRule: body.evidenceRule ?? a.evidenceRule,
        units: wanted.length,
        version: a.version + 1,
      },
    });
    return p.id;
  });
  const all = await programmeExecution(ctx, programmeId);
  return all.activities.find((x) => x.activityId === activityId)!;
}
