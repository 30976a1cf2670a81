// Browsing and exporting the audit log (administrators: everything; regional coordinators: their region).
import { writeCsv } from '../adapters/csv/write-csv.ts';
import { writeXlsx } from '../adapters/xlsx/write-xlsx.ts';
import type { AuditEntry } from '../contract/api.ts';
import { DomainError } from '../domain/errors.ts';
import { type AuditFilter, listAudit } from '../storage/audit-repo.ts';
import { requirePermission, type ServiceContext, scope } from './context.ts';

export interface AuditQuery {
  regionId?: string;
  entity?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** Reads ДД.ММ.ГГГГ (as users type it) or ISO; `to` includes the whole day. */
export function readAuditDate(raw: string | undefined, endOfDay: boolean): Date | undefined {
  if (!raw) return undefined;
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(raw.trim());
  const d = ru ? new Date(`${ru[3]}-${ru[2]}-${ru[1]}T00:00:00Z`) : new Date(raw);
  if (Number.isNaN(d.getTime()))
    throw new DomainError('validation.failed', `Дата «${raw}» не распознана: укажите ДД.ММ.ГГГГ.`);
  if (endOfDay && (ru || /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()))) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

function filterOf(q: AuditQuery): AuditFilter {
  return {
    regionId: q.regionId,
    entity: q.entity,
    actor: q.actor,
    from: readAuditDate(q.from, false),
    to: readAuditDate(q.to, true),
  };
}

export async function listAuditFor(ctx: ServiceContext, q: AuditQuery & { page: number; pageSize: number }) {
  requirePermission(ctx, 'audit.read');
  const { items, total } = await listAudit(ctx.db, scope(ctx), filterOf(q), q.pageSize, (q.page - 1) * q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export const EXPORT_LIMIT = 100_000;
const headers = [
  'Дата и время (UTC)',
  'Пользователь',
  'Действие',
  'Объект',
  'Идентификатор',
  'Описание',
  'До',
  'После',
];
const row = (e: AuditEntry) => [
  e.at,
  e.actorLogin,
  e.action,
  e.entity,
  e.entityId,
  e.summary,
  e.before == null ? '' : JSON.stringify(e.before),
  e.after == null ? '' : JSON.stringify(e.after),
];

export async function exportAudit(ctx: ServiceContext, q: AuditQuery, format: 'csv' | 'xlsx') {
  requirePermission(ctx, 'audit.read');
  const { items } = await listAudit(ctx.db, scope(ctx), filterOf(q), EXPORT_LIMIT, 0);
  const rows = items.map(row);
  return format === 'csv'
    ? writeCsv(headers, rows)
    : writeXlsx([{ name: 'Журнал изменений', headers, rows, widths: [22, 18, 12, 14, 38, 60, 40, 40] }]);
}
