import { z } from 'zod';
import { page } from '../../../contract/api.ts';
import { uuidField } from '../../../contract/fields.ts';
import {
  activity,
  activityInput,
  activityPatch,
  importPreview,
  programmeDetail,
  programmeLevel,
  programmeListItem,
  programmeListQuery,
  programmePatch,
  saveProgrammeBody,
  section,
  sectionInput,
  sectionPatch,
} from '../../../contract/programmes.ts';
import {
  createActivity,
  createSection,
  deleteActivity,
  deleteProgramme,
  deleteSection,
  exportProgramme,
  getProgramme,
  listProgrammesFor,
  previewProgrammeImport,
  saveProgramme,
  updateActivity,
  updateProgramme,
  updateSection,
} from '../../../services/programmes.ts';
import type { App, RouteDeps } from '../../app.ts';
import { sendFile } from '../../download.ts';
import { contextOf } from '../../session.ts';
import { uploadedFile } from '../../upload.ts';

const tags = ['программы'];
const idParams = z.object({ id: uuidField });
const versionQuery = z.object({ version: z.coerce.number().int().min(1) });
/** A saved draft holds the whole document (a roadmap of thousands of rows, lists of schools). */
const draftBodyLimit = 20 * 1024 * 1024;

export async function programmeRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.post(
    '/programmes/import/preview',
    {
      schema: {
        tags,
        summary: 'Прочитать документ программы (TXT, HTML, DOCX) без сохранения: черновик, сводка, предупреждения',
        consumes: ['multipart/form-data'],
        querystring: z.object({ level: programmeLevel.optional() }),
        response: { 200: importPreview },
      },
    },
    async (req) => {
      const ctx = contextOf(db, req);
      const file = await uploadedFile(req, 'документ .docx, .html или .txt', 'import.format');
      return previewProgrammeImport(ctx, { name: file.name, bytes: file.bytes }, { level: req.query.level });
    },
  );
  app.post(
    '/programmes',
    {
      bodyLimit: draftBodyLimit,
      schema: { tags, summary: 'Сохранить программу', body: saveProgrammeBody, response: { 200: programmeDetail } },
    },
    (req) => saveProgramme(contextOf(db, req), req.body),
  );
  app.get(
    '/programmes',
    {
      schema: {
        tags,
        summary: 'Список программ',
        querystring: programmeListQuery,
        response: { 200: page(programmeListItem) },
      },
    },
    (req) => listProgrammesFor(contextOf(db, req), req.query),
  );
  app.get(
    '/programmes/:id',
    {
      schema: {
        tags,
        summary: 'Программа: паспорт, разделы, мероприятия, приложения',
        params: idParams,
        response: { 200: programmeDetail },
      },
    },
    (req) => getProgramme(contextOf(db, req), req.params.id),
  );
  app.patch(
    '/programmes/:id',
    {
      bodyLimit: draftBodyLimit,
      schema: {
        tags,
        summary: 'Изменить программу (паспорт, период, приложения)',
        params: idParams,
        body: programmePatch,
        response: { 200: programmeDetail },
      },
    },
    (req) => updateProgramme(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/programmes/:id',
    { schema: { tags, summary: 'Удалить программу', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await deleteProgramme(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.get(
    '/programmes/:id/export',
    {
      schema: {
        tags,
        summary: 'Выгрузить программу в DOCX (приложение к приказу) или XLSX',
        params: idParams,
        querystring: z.object({ format: z.enum(['docx', 'xlsx']).default('docx') }),
      },
    },
    async (req, reply) => {
      const { bytes, baseName } = await exportProgramme(contextOf(db, req), req.params.id, req.query.format);
      return sendFile(reply, bytes, baseName, req.query.format);
    },
  );

  app.post(
    '/programmes/:id/sections',
    {
      schema: { tags, summary: 'Добавить раздел', params: idParams, body: sectionInput, response: { 200: section } },
    },
    (req) => createSection(contextOf(db, req), req.params.id, req.body),
  );
  app.patch(
    '/sections/:id',
    {
      schema: {
        tags,
        summary: 'Изменить раздел (номер, наименование, порядок)',
        params: idParams,
        body: sectionPatch,
        response: { 200: section },
      },
    },
    (req) => updateSection(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/sections/:id',
    { schema: { tags, summary: 'Удалить пустой раздел', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await deleteSection(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/programmes/:id/activities',
    {
      schema: {
        tags,
        summary: 'Добавить мероприятие',
        params: idParams,
        body: activityInput,
        response: { 200: activity },
      },
    },
    (req) => createActivity(contextOf(db, req), req.params.id, req.body),
  );
  app.patch(
    '/activities/:id',
    {
      schema: {
        tags,
        summary: 'Изменить мероприятие; перенос в другой раздел и порядок — поля sectionId и position',
        params: idParams,
        body: activityPatch,
        response: { 200: activity },
      },
    },
    (req) => updateActivity(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/activities/:id',
    { schema: { tags, summary: 'Удалить мероприятие', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await deleteActivity(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
