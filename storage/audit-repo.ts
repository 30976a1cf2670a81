import { and, desc, eq, gte, ilike, lte, type SQL, sql } from 'drizzle-orm';
import type { AuditEntry } from '../contract/api.ts';
import type { Scope } from '../domain/roles.ts';
import type { Executor } from './database.ts';
import { auditLog } from './schema.ts';
import { scopeCondition } from './scope-filter.ts';

export interface AuditRecord {
  regionId: string | null;
  actorId: string | null;
  actorLogin: string;
  action: string;
  entity: string;
  entityId: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** Written inside the transaction of the change it describes, so the log and the data never disagree. */
export async function recordAudit(ex: Executor, record: AuditRecord): Promise<void> {
  await recordAudits(ex, [record]);
}

/** Many records in batched inserts (an import of thousands of rows writes one record per row). */
export async function recordAudits(ex: Executor, records: AuditRecord[]): Promise<void> {
  const values = records.map((r) => ({ ...r, before: r.before ?? null, after: r.after ?? null }));
  for (let i = 0; i < values.length; i += 500) await ex.insert(auditLog).values(values.slice(i, i + 500));
}

export interface AuditFilter {
  regionId?: string;
  entity?: string;
  entityId?: string;
  actor?: string;
  from?: Date;
  to?: Date;
}

function conditions(scope: Scope, f: AuditFilter): SQL | undefined {
  return and(
    scopeCondition(scope, { region: auditLog.regionId }),
    f.regionId ? eq(auditLog.regionId, f.regionId) : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.actor ? ilike(auditLog.actorLogin, `%${escapeLike(f.actor)}%`) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lte(auditLog.at, f.to) : undefined,
  );
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAudit(
  ex: Executor,
  scope: Scope,
  f: AuditFilter,
  limit: number,
  offset: number,
): Promise<{ items: AuditEntry[]; total: number }> {
  const where = conditions(scope, f);
  const [rows, [count]] = await Promise.all([
    ex.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(limit).offset(offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorLogin: r.actorLogin,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      summary: r.summary,
      regionId: r.regionId,
      before: r.before,
      after: r.after,
    })),
    total: count?.n ?? 0,
  };
}
