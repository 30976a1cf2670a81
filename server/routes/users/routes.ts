import { z } from 'zod';
import { oneTimeLink, page, user, userInput, userListQuery, userPatch } from '../../../contract/api.ts';
import { uuidField } from '../../../contract/fields.ts';
import { createUser, issueResetLink, listUsersFor, updateUser } from '../../../services/users.ts';
import type { App, RouteDeps } from '../../app.ts';
import { contextOf } from '../../session.ts';

const tags = ['пользователи'];
const idParams = z.object({ id: uuidField });

export async function userRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/users',
    { schema: { tags, summary: 'Учётные записи', querystring: userListQuery, response: { 200: page(user) } } },
    (req) => listUsersFor(contextOf(db, req), req.query),
  );
  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Создать учётную запись (без пароля — приглашение по ссылке)',
        body: userInput,
        response: { 200: z.object({ user, link: oneTimeLink.optional() }) },
      },
    },
    (req) => createUser(contextOf(db, req), req.body),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Изменить или заблокировать',
        params: idParams,
        body: userPatch,
        response: { 200: user },
      },
    },
    (req) => updateUser(contextOf(db, req), req.params.id, req.body),
  );
  app.post(
    '/users/:id/reset-link',
    { schema: { tags, summary: 'Ссылка для сброса пароля', params: idParams, response: { 200: oneTimeLink } } },
    (req) => issueResetLink(contextOf(db, req), req.params.id),
  );
}
