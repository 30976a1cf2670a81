import { z } from 'zod';
import { page } from '../../../contract/api.ts';
import { uuidField } from '../../../contract/fields.ts';
import {
  attendanceBody,
  event,
  eventInput,
  eventListQuery,
  eventPatch,
  participantsView,
  registrationBody,
} from '../../../contract/network.ts';
import {
  createEvent,
  deleteEvent,
  eventParticipantsView,
  getEvent,
  listEvents,
  markAttendance,
  planActivityEvents,
  registerStaff,
  updateEvent,
} from '../../../services/events.ts';
import type { App, RouteDeps } from '../../app.ts';
import { contextOf } from '../../session.ts';

const tags = ['мероприятия'];
const idParams = z.object({ id: uuidField });

export async function eventRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'Консультации, семинары, вебинары, курсы, заседания и выезды (региональный календарь)',
        querystring: eventListQuery,
        response: { 200: page(event) },
      },
    },
    (req) => listEvents(contextOf(db, req), req.query),
  );
  app.get(
    '/events/:id',
    { schema: { tags, summary: 'Мероприятие', params: idParams, response: { 200: event } } },
    (req) => getEvent(contextOf(db, req), req.params.id),
  );
  app.post(
    '/events',
    { schema: { tags, summary: 'Запланировать мероприятие', body: eventInput, response: { 200: event } } },
    (req) => createEvent(contextOf(db, req), req.body),
  );
  app.patch(
    '/events/:id',
    { schema: { tags, summary: 'Изменить мероприятие', params: idParams, body: eventPatch, response: { 200: event } } },
    (req) => updateEvent(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Удалить мероприятие (без отмеченной посещаемости)',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (req, reply) => {
      await deleteEvent(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    '/activities/:id/events',
    {
      schema: {
        tags,
        summary: 'Запланировать события мероприятия дорожной карты (по одному на каждый срок из формулировки)',
        params: idParams,
        response: { 200: z.array(event) },
      },
    },
    (req) => planActivityEvents(contextOf(db, req), req.params.id),
  );
  app.get(
    '/events/:id/participants',
    {
      schema: {
        tags,
        summary: 'Участники: приглашённые сотрудники, регистрация и посещаемость',
        params: idParams,
        response: { 200: participantsView },
      },
    },
    (req) => eventParticipantsView(contextOf(db, req), req.params.id),
  );
  app.put(
    '/events/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Отметить посещаемость',
        params: idParams,
        body: attendanceBody,
        response: { 200: participantsView },
      },
    },
    (req) => markAttendance(contextOf(db, req), req.params.id, req.body),
  );
  app.post(
    '/events/:id/registrations',
    {
      schema: {
        tags,
        summary: 'Зарегистрировать сотрудников',
        params: idParams,
        body: registrationBody,
        response: { 200: participantsView },
      },
    },
    (req) => registerStaff(contextOf(db, req), req.params.id, req.body.personIds),
  );
}
