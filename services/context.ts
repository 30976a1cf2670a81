// What every use case receives: the database and the authenticated actor. The clock is a parameter so
// tests and the CLI can fix "now".
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { DomainError, denied } from '../domain/errors.ts';
import { type Actor, can, hasPermission, type Permission, type Place, scopeOf } from '../domain/roles.ts';
import { changedFields, staleWriteMessage } from '../domain/stale-write.ts';
import { type AuditRecord, recordAudits } from '../storage/audit-repo.ts';
import type { Db, Executor } from '../storage/database.ts';
import { auditLog } from '../storage/schema.ts';

export interface ServiceContext {
  db: Db;
  actor: Actor;
  now?: () => Date;
}

/** The actor used by CLI commands run by an operator on the server itself. */
export const systemActor: Actor = {
  userId: '00000000-0000-0000-0000-000000000000',
  login: 'system',
  role: 'admin',
  regionId: null,
  municipalityId: null,
  organisationId: null,
};

export function requirePermission(ctx: ServiceContext, permission: Permission, place?: Place): void {
  if (!hasPermission(ctx.actor, permission)) throw denied();
  if (place && !can(ctx.actor, permission, place))
    throw denied('Запись относится к другой территории: доступ запрещён.');
}

export const scope = (ctx: ServiceContext) => scopeOf(ctx.actor);

/**
 * For records of a whole region that readers below the region see too, filtered to their territory (an
 * approved list of schools, a methodology): the permission, and the record in the actor's region.
 */
export function requireInRegion(ctx: ServiceContext, permission: Permission, regionId: string): void {
  requirePermission(ctx, permission);
  const s = scopeOf(ctx.actor);
  if (s.kind === 'all') return;
  if (s.kind === 'none' || s.regionId !== regionId)
    throw denied('Запись относится к другому региону: доступ запрещён.');
}

/** The account behind a change, for «created by» columns: none for the CLI's system actor. */
export const accountOf = (ctx: ServiceContext): string | null =>
  ctx.actor.login === systemActor.login ? null : ctx.actor.userId;

/** Writes the audit record of a change made by the context's actor, inside the given transaction. */
export function audit(
  ex: Executor,
  ctx: ServiceContext,
  record: Omit<AuditRecord, 'actorId' | 'actorLogin'> | Omit<AuditRecord, 'actorId' | 'actorLogin'>[],
) {
  const actorId = accountOf(ctx);
  const list = Array.isArray(record) ? record : [record];
  return recordAudits(
    ex,
    list.map((r) => ({ ...r, actorId, actorLogin: ctx.actor.login })),
  );
}

/**
 * Builds the 409 for a stale write: reads from the audit log what was changed after the version the user
 * edited, so the message names the fields, the person and the moment.
 */
export async function staleWrite(
  ex: Executor,
  entity: string,
  id: string,
  seenVersion: number,
  labels: Record<string, string>,
): Promise<DomainError> {
  const later = await ex
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, entity),
        eq(auditLog.entityId, id),
        gt(sql`coalesce((${auditLog.after}->>'version')::int, 0)`, seenVersion),
      ),
    )
    .orderBy(asc(auditLog.id));
  const changed = new Set<string>();
  let currentVersion = seenVersion;
  for (const entry of later) {
    const after = (entry.after ?? {}) as Record<string, unknown>;
    // A record created since (a first value entered by someone else): every field it has is new.
    const before = (entry.before ?? Object.fromEntries(Object.keys(after).map((k) => [k, null]))) as Record<
      string,
      unknown
    >;
    for (const f of changedFields(before, after, labels)) changed.add(f);
    currentVersion = Math.max(currentVersion, Number(after.version ?? 0));
  }
  const last = later.at(-1);
  const who = last ? ` Последнее изменение: ${last.actorLogin}.` : '';
  if (later.length === 0 && (await recordGone(ex, entity, id)))
    return new DomainError('not_found', 'Запись удалена другим пользователем.');
  return new DomainError('conflict.stale', staleWriteMessage([...changed], currentVersion) + who, {
    changed: [...changed],
    currentVersion,
  });
}

async function recordGone(ex: Executor, entity: string, id: string): Promise<boolean> {
  const [row] = await ex
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id), eq(auditLog.action, 'delete')));
  return Boolean(row);
}

export function inTransaction<T>(ctx: ServiceContext, work: (tx: Executor) => Promise<T>): Promise<T> {
  return ctx.db.transaction((tx) => work(tx));
}
