// Public pages of published programmes, read without a session: the JSON of a programme, its HTML page for parents
// and press, and a school's widget for an <iframe> on the school's website. An unpublished programme is answered
// exactly like a missing one. The widget alone may be framed by any site; every other page keeps the app's CSP.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  writeNotFoundPage,
  writePublicProgrammePage,
  writeSchoolWidget,
} from '../../../adapters/html/write-public-page.ts';
import { uuidField } from '../../../contract/fields.ts';
import { publicProgramme as publicProgrammeSchema } from '../../../contract/public.ts';
import { DomainError } from '../../../domain/errors.ts';
import { publicProgramme, publicSchoolWidget } from '../../../services/public-pages.ts';
import type { App, RouteDeps } from '../../app.ts';

const tags = ['публичные страницы'];
/** Anyone may read, so anyone may try to read a lot: a generous limit per address that still stops scraping loops. */
const config = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };
/** Published figures change a few times a day; five minutes of caching spares the database a popular page. */
const cacheControl = 'public, max-age=300';
const notPublished = 'Программа не найдена или не опубликована.';

const pagePath = (id: string) => `/public/programmes/${encodeURIComponent(id)}`;

function sendHtml(reply: FastifyReply, status: number, html: string) {
  if (status === 200) reply.header('cache-control', cacheControl);
  return reply.status(status).type('text/html; charset=utf-8').send(html);
}

/**
 * The widget is meant to be framed by schools' websites: the app's policy (helmet, `frame-ancestors 'none'` and
 * X-Frame-Options) is loosened for this response only, keeping every other directive as configured.
 */
function allowFraming(reply: FastifyReply): void {
  const csp = String(reply.getHeader('content-security-policy') ?? '');
  const loosened = /frame-ancestors[^;]*/i.test(csp)
    ? csp.replace(/frame-ancestors[^;]*/i, 'frame-ancestors *')
    : [csp, 'frame-ancestors *'].filter(Boolean).join(';');
  reply.header('content-security-policy', loosened);
  reply.removeHeader('x-frame-options');
  // A school's site may isolate itself (COEP); the widget must still load there.
  reply.header('cross-origin-resource-policy', 'cross-origin');
}

export async function publicRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;

  app.get(
    '/api/public/programmes/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Опубликованная программа: ход исполнения, мероприятия, показатели (без персональных данных)',
        params: z.object({ id: uuidField }),
        response: { 200: publicProgrammeSchema },
      },
    },
    async (req, reply) => {
      const p = await publicProgramme(db, req.params.id, req.server.clock());
      if (!p) throw new DomainError('not_found', notPublished);
      reply.header('cache-control', cacheControl);
      return p;
    },
  );

  app.get(
    '/public/programmes/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Публичная страница программы (HTML)',
        params: z.object({ id: z.string().max(100) }),
      },
    },
    async (req, reply) => {
      const p = await publicProgramme(db, req.params.id, req.server.clock());
      if (!p) return sendHtml(reply, 404, writeNotFoundPage(notPublished));
      return sendHtml(reply, 200, writePublicProgrammePage(p));
    },
  );

  app.get(
    '/public/programmes/:id/widget',
    {
      config,
      schema: {
        tags,
        summary: 'Виджет школы для её сайта (HTML для <iframe>): исполнение школой её мероприятий',
        params: z.object({ id: z.string().max(100) }),
        querystring: z.object({ school: z.string().max(50).optional() }),
      },
    },
    async (req, reply) => {
      // Framing is allowed for the «not found» answer too, so a school that mistyped its code sees why.
      allowFraming(reply);
      const school = req.query.school ?? '';
      if (!school.trim())
        return sendHtml(reply, 404, writeNotFoundPage('Укажите код школы в адресе виджета: …/widget?school=КОД.'));
      const w = await publicSchoolWidget(db, req.params.id, school, req.server.clock());
      if (!w)
        return sendHtml(
          reply,
          404,
          writeNotFoundPage(
            `Сведения не найдены: программа не опубликована, или школа с кодом «${school.trim()}» не участвует в ней.`,
          ),
        );
      return sendHtml(reply, 200, writeSchoolWidget(w, { pageUrl: pagePath(w.programmeId) }));
    },
  );
}
