import { z } from 'zod';
import {
  importReport,
  organisation,
  organisationInput,
  organisationListQuery,
  organisationPatch,
  page,
} from '../../../contract/api.ts';
import { uuidField } from '../../../contract/fields.ts';
import { importOrganisations } from '../../../services/import-organisations.ts';
import { organisationTemplate } from '../../../services/organisation-template.ts';
import {
  createOrganisation,
  deleteOrganisation,
  getOrganisationFor,
  listOrganisationsFor,
  updateOrganisation,
} from '../../../services/organisations.ts';
import type { App, RouteDeps } from '../../app.ts';
import { sendFile } from '../../download.ts';
import { contextOf } from '../../session.ts';
import { uploadedFile } from '../../upload.ts';

const tags = ['организации'];
const idParams = z.object({ id: uuidField });
const formatQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') });

export async function organisationRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Список организаций',
        querystring: organisationListQuery,
        response: { 200: page(organisation) },
      },
    },
    (req) => listOrganisationsFor(contextOf(db, req), req.query),
  );
  app.get(
    '/organisations/import-template',
    { schema: { tags, summary: 'Шаблон файла импорта организаций', querystring: formatQuery } },
    async (req, reply) => {
      contextOf(db, req);
      return sendFile(reply, await organisationTemplate(req.query.format), 'шаблон-организации', req.query.format);
    },
  );
  app.post(
    '/organisations/import',
    {
      schema: {
        tags,
        summary: 'Импорт организаций из CSV или XLSX (проверка или загрузка)',
        consumes: ['multipart/form-data'],
        querystring: z.object({ commit: z.enum(['true', 'false']).default('false') }),
        response: { 200: importReport },
      },
    },
    async (req) => {
      const ctx = contextOf(db, req);
      const file = await uploadedFile(req, 'файл .csv или .xlsx', 'import.format');
      return importOrganisations(ctx, { name: file.name, bytes: file.bytes }, { commit: req.query.commit === 'true' });
    },
  );
  app.get(
    '/organisations/:id',
    { schema: { tags, summary: 'Карточка организации', params: idParams, response: { 200: organisation } } },
    (req) => getOrganisationFor(contextOf(db, req), req.params.id),
  );
  app.post(
    '/organisations',
    { schema: { tags, summary: 'Создать организацию', body: organisationInput, response: { 200: organisation } } },
    (req) => createOrganisation(contextOf(db, req), req.body),
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Изменить организацию',
        params: idParams,
        body: organisationPatch,
        response: { 200: organisation },
      },
    },
    (req) => updateOrganisation(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Удалить организацию',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (req, reply) => {
      await deleteOrganisation(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
