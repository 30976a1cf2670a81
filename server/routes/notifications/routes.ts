import { z } from 'zod';
import { notification } from '../../../contract/execution.ts';
import { uuidField } from '../../../contract/fields.ts';
import { listNotifications, markAllRead, markRead } from '../../../services/reminders.ts';
import type { App, RouteDeps } from '../../app.ts';
import { contextOf } from '../../session.ts';

const tags = ['уведомления'];
const idParams = z.object({ id: uuidField });

/** Every signed-in account reads and marks its own notifications only. */
export async function notificationRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Мои уведомления о сроках, просрочках и эскалациях (новые первыми)',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional() }),
        response: { 200: z.array(notification) },
      },
    },
    (req) => listNotifications(contextOf(db, req), { unreadOnly: req.query.unread === 'true' }),
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: { tags, summary: 'Отметить уведомление прочитанным', params: idParams, response: { 200: notification } },
    },
    (req) => markRead(contextOf(db, req), req.params.id),
  );
  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: 'Отметить все мои уведомления прочитанными',
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    (req) => markAllRead(contextOf(db, req)),
  );
}
