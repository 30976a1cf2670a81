import { z } from 'zod';
import { calendarEvent, calendarQuery } from '../../../contract/execution.ts';
import { uuidField } from '../../../contract/fields.ts';
import { DomainError } from '../../../domain/errors.ts';
import { calendarEvents, createCalendarFeed, feedIcal, programmeIcal } from '../../../services/calendar.ts';
import type { App, RouteDeps } from '../../app.ts';
import { sendFile } from '../../download.ts';
import { contextOf } from '../../session.ts';

const tags = ['календарь'];
const idParams = z.object({ id: uuidField });
/** A feed link: the random token newToken() makes (base64url), then «.ics». */
const feedFile = /^([A-Za-z0-9_-]{20,100})\.ics$/;

export async function calendarRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/calendar',
    {
      schema: {
        tags,
        summary: 'Сроки мероприятий доступных программ за период',
        querystring: calendarQuery,
        response: { 200: z.array(calendarEvent) },
      },
    },
    (req) => calendarEvents(contextOf(db, req), req.query),
  );
  app.get(
    '/programmes/:id/calendar.ics',
    { schema: { tags, summary: 'Календарь мероприятий программы (iCalendar, .ics)', params: idParams } },
    async (req, reply) => {
      const { ics, baseName } = await programmeIcal(contextOf(db, req), req.params.id);
      return sendFile(reply, Buffer.from(ics, 'utf8'), baseName, 'ics');
    },
  );
  app.post(
    '/calendar/feed',
    {
      schema: {
        tags,
        summary: 'Создать ссылку на личный календарь (прежняя ссылка перестаёт работать)',
        response: { 200: z.object({ url: z.string() }) },
      },
    },
    (req) => createCalendarFeed(contextOf(db, req)),
  );
  // Calendar applications subscribe without a session: the secret token in the link is the credential.
  app.get(
    '/calendar/feed/:token',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Личный календарь по ссылке (iCalendar, для подписки)',
        params: z.object({ token: z.string().max(200) }),
      },
    },
    async (req, reply) => {
      const token = feedFile.exec(req.params.token)?.[1];
      if (!token)
        throw new DomainError('not_found', 'Календарь не найден: проверьте ссылку, она должна оканчиваться на .ics.');
      const ics = await feedIcal(db, token, req.server.clock());
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, no-cache')
        .send(ics);
    },
  );
}
