import { z } from 'zod';
import { page, person, personInput, personListQuery, personPatch } from '../../../contract/api.ts';
import { uuidField } from '../../../contract/fields.ts';
import { createPerson, deletePerson, getPersonFor, listPeopleFor, updatePerson } from '../../../services/people.ts';
import type { App, RouteDeps } from '../../app.ts';
import { contextOf } from '../../session.ts';

const tags = ['сотрудники'];
const idParams = z.object({ id: uuidField });

export async function peopleRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/people',
    { schema: { tags, summary: 'Список сотрудников', querystring: personListQuery, response: { 200: page(person) } } },
    (req) => listPeopleFor(contextOf(db, req), req.query),
  );
  app.get(
    '/people/:id',
    { schema: { tags, summary: 'Карточка сотрудника', params: idParams, response: { 200: person } } },
    (req) => getPersonFor(contextOf(db, req), req.params.id),
  );
  app.post(
    '/people',
    { schema: { tags, summary: 'Добавить сотрудника', body: personInput, response: { 200: person } } },
    (req) => createPerson(contextOf(db, req), req.body),
  );
  app.patch(
    '/people/:id',
    {
      schema: { tags, summary: 'Изменить сотрудника', params: idParams, body: personPatch, response: { 200: person } },
    },
    (req) => updatePerson(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Удалить сотрудника',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (req, reply) => {
      await deletePerson(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
