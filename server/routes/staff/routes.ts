// Professional development of school staff: courses with certificates, deficits, development plans (ИОМ),
// and a school's staff at a glance.
import { z } from 'zod';
import { uuidField } from '../../../contract/fields.ts';
import {
  courseCompletion,
  courseInput,
  coursePatch,
  deficitInput,
  deficitPatch,
  developmentPlan,
  organisationStaff,
  planInput,
  planPatch,
  staffDeficit,
  staffDevelopment,
} from '../../../contract/staff.ts';
import {
  addCourse,
  addDeficit,
  addPlan,
  courseCertificate,
  deleteCourse,
  deleteDeficit,
  deletePlan,
  organisationStaffOf,
  setCourseCertificate,
  staffDevelopmentOf,
  updateCourse,
  updateDeficit,
  updatePlan,
} from '../../../services/staff-development.ts';
import type { App, RouteDeps } from '../../app.ts';
import { sendAttachment } from '../../download.ts';
import { contextOf } from '../../session.ts';
import { uploadedFile } from '../../upload.ts';

const tags = ['повышение квалификации'];
const idParams = z.object({ id: uuidField });
const versionQuery = z.object({ version: z.coerce.number({ error: 'Не передана версия записи.' }).int().min(1) });

export async function staffRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;

  app.get(
    '/people/:id/development',
    {
      schema: {
        tags,
        summary: 'Курсы, профессиональные дефициты и ИОМ сотрудника',
        params: idParams,
        response: { 200: staffDevelopment },
      },
    },
    (req) => staffDevelopmentOf(contextOf(db, req), req.params.id),
  );
  app.get(
    '/organisations/:id/staff',
    {
      schema: {
        tags,
        summary: 'Сотрудники организации: категории, предметы, последний курс, дефициты, ИОМ',
        params: idParams,
        response: { 200: organisationStaff },
      },
    },
    (req) => organisationStaffOf(contextOf(db, req), req.params.id),
  );

  // ---- courses
  app.post(
    '/people/:id/courses',
    {
      schema: {
        tags,
        summary: 'Добавить пройденный курс повышения квалификации',
        params: idParams,
        body: courseInput,
        response: { 200: courseCompletion },
      },
    },
    (req) => addCourse(contextOf(db, req), req.params.id, req.body),
  );
  app.patch(
    '/courses/:id',
    {
      schema: {
        tags,
        summary: 'Изменить сведения о курсе',
        params: idParams,
        body: coursePatch,
        response: { 200: courseCompletion },
      },
    },
    (req) => updateCourse(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/courses/:id',
    { schema: { tags, summary: 'Удалить курс', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await deleteCourse(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    '/courses/:id/certificate',
    {
      schema: {
        tags,
        summary: 'Приложить файл удостоверения (до 20 МБ), заменив прежний',
        consumes: ['multipart/form-data'],
        params: idParams,
        querystring: versionQuery,
        response: { 200: courseCompletion },
      },
    },
    async (req) => {
      const ctx = contextOf(db, req);
      const file = await uploadedFile(req, 'файл удостоверения');
      return setCourseCertificate(ctx, req.params.id, req.query.version, file);
    },
  );
  app.delete(
    '/courses/:id/certificate',
    {
      schema: {
        tags,
        summary: 'Удалить файл удостоверения',
        params: idParams,
        querystring: versionQuery,
        response: { 200: courseCompletion },
      },
    },
    (req) => setCourseCertificate(contextOf(db, req), req.params.id, req.query.version, null),
  );
  app.get(
    '/courses/:id/certificate',
    { schema: { tags, summary: 'Скачать файл удостоверения', params: idParams } },
    async (req, reply) => {
      const f = await courseCertificate(contextOf(db, req), req.params.id);
      return sendAttachment(reply, f.bytes, f.name, f.mediaType);
    },
  );

  // ---- deficits
  app.post(
    '/people/:id/deficits',
    {
      schema: {
        tags,
        summary: 'Добавить профессиональный дефицит',
        params: idParams,
        body: deficitInput,
        response: { 200: staffDeficit },
      },
    },
    (req) => addDeficit(contextOf(db, req), req.params.id, req.body),
  );
  app.patch(
    '/deficits/:id',
    {
      schema: {
        tags,
        summary: 'Изменить дефицит или отметить его устранённым',
        params: idParams,
        body: deficitPatch,
        response: { 200: staffDeficit },
      },
    },
    (req) => updateDeficit(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/deficits/:id',
    { schema: { tags, summary: 'Удалить дефицит', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await deleteDeficit(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );

  // ---- development plans
  app.post(
    '/people/:id/plans',
    {
      schema: {
        tags,
        summary: 'Составить индивидуальный образовательный маршрут',
        params: idParams,
        body: planInput,
        response: { 200: developmentPlan },
      },
    },
    (req) => addPlan(contextOf(db, req), req.params.id, req.body),
  );
  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Изменить маршрут или отметить пункт выполненным',
        params: idParams,
        body: planPatch,
        response: { 200: developmentPlan },
      },
    },
    (req) => updatePlan(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/plans/:id',
    { schema: { tags, summary: 'Удалить маршрут', params: idParams, querystring: versionQuery } },
    async (req, reply) => {
      await deletePlan(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
