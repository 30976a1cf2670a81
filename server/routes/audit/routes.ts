import { z } from 'zod';
import { auditEntry, auditQuery, page } from '../../../contract/api.ts';
import { exportAudit, listAuditFor } from '../../../services/audit.ts';
import type { App, RouteDeps } from '../../app.ts';
import { sendFile } from '../../download.ts';
import { contextOf } from '../../session.ts';

const tags = ['журнал изменений'];

export async function auditRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/audit',
    { schema: { tags, summary: 'Журнал изменений', querystring: auditQuery, response: { 200: page(auditEntry) } } },
    (req) => listAuditFor(contextOf(db, req), req.query),
  );
  app.get(
    '/audit/export',
    {
      schema: {
        tags,
        summary: 'Выгрузка журнала изменений',
        querystring: auditQuery
          .omit({ page: true, pageSize: true })
          .extend({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
      },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      return sendFile(reply, await exportAudit(contextOf(db, req), q, format), 'журнал-изменений', format);
    },
  );
}
