import { z } from 'zod';
import { uuidField } from '../../../contract/fields.ts';
import {
  approveInput,
  exportQuery,
  methodology,
  methodologyCopyInput,
  methodologyDetail,
  methodologyPatch,
  regionQuery,
  resultKind,
  resultsImportQuery,
  resultsImportReport,
  resultsSummary,
  runDetail,
  runInput,
  runListItem,
  schoolListDetail,
  schoolListItem,
  verdictDetail,
} from '../../../contract/identification.ts';
import {
  approveRun,
  getRun,
  getSchoolList,
  getVerdict,
  listRuns,
  listSchoolLists,
  runIdentification,
} from '../../../services/identification.ts';
import { exportRun, exportSchoolList } from '../../../services/identification-export.ts';
import {
  copyMethodology,
  getMethodology,
  listMethodologies,
  updateMethodology,
} from '../../../services/methodologies.ts';
import { importResults, resultsSummaryFor, resultsTemplate } from '../../../services/results.ts';
import type { App, RouteDeps } from '../../app.ts';
import { sendFile } from '../../download.ts';
import { contextOf } from '../../session.ts';
import { uploadedFile } from '../../upload.ts';

const tags = ['выявление ШНОР'];
const idParams = z.object({ id: uuidField });
const templateNames = { vpr: 'шаблон-ВПР', gia: 'шаблон-ГИА', journal: 'шаблон-ВПР-и-журнал' } as const;

export async function identificationRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;

  app.get(
    '/results/summary',
    {
      schema: {
        tags,
        summary: 'Загруженные результаты региона по видам и годам',
        querystring: regionQuery,
        response: { 200: resultsSummary },
      },
    },
    (req) => resultsSummaryFor(contextOf(db, req), req.query.regionId),
  );
  app.get(
    '/results/template/:kind',
    {
      schema: {
        tags,
        summary: 'Шаблон файла результатов (vpr, gia, journal)',
        params: z.object({ kind: resultKind }),
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv') }),
      },
    },
    async (req, reply) => {
      contextOf(db, req);
      const bytes = await resultsTemplate(req.params.kind, req.query.format);
      return sendFile(reply, bytes, templateNames[req.params.kind], req.query.format);
    },
  );
  app.post(
    '/results/import/:kind',
    {
      schema: {
        tags,
        summary: 'Загрузка результатов из CSV или XLSX (проверка или загрузка с заменой годов файла)',
        consumes: ['multipart/form-data'],
        params: z.object({ kind: resultKind }),
        querystring: resultsImportQuery,
        response: { 200: resultsImportReport },
      },
    },
    async (req) => {
      const ctx = contextOf(db, req);
      const file = await uploadedFile(req, 'файл .csv или .xlsx', 'import.format');
      return importResults(
        ctx,
        req.params.kind,
        { name: file.name, bytes: file.bytes },
        {
          commit: req.query.commit === 'true',
          ...(req.query.year === undefined ? {} : { year: req.query.year }),
          ...(req.query.regionId === undefined ? {} : { regionId: req.query.regionId }),
        },
      );
    },
  );

  app.get(
    '/methodologies',
    {
      schema: {
        tags,
        summary: 'Методики: поставляемые и методики региона',
        querystring: regionQuery,
        response: { 200: z.array(methodology) },
      },
    },
    (req) => listMethodologies(contextOf(db, req), req.query.regionId),
  );
  app.get(
    '/methodologies/:ref',
    {
      schema: {
        tags,
        summary: 'Методика с историей версий (код поставляемой или идентификатор методики региона)',
        params: z.object({ ref: z.string().min(1).max(100) }),
        querystring: regionQuery,
        response: { 200: methodologyDetail },
      },
    },
    (req) => getMethodology(contextOf(db, req), req.params.ref, req.query.regionId),
  );
  app.post(
    '/methodologies',
    {
      schema: {
        tags,
        summary: 'Создать методику региона копированием',
        body: methodologyCopyInput,
        response: { 200: methodology },
      },
    },
    (req) => copyMethodology(contextOf(db, req), req.body),
  );
  app.patch(
    '/methodologies/:id',
    {
      schema: {
        tags,
        summary: 'Изменить методику региона (новая версия)',
        params: idParams,
        body: methodologyPatch,
        response: { 200: methodology },
      },
    },
    (req) => updateMethodology(contextOf(db, req), req.params.id, req.body),
  );

  app.post(
    '/identification/runs',
    { schema: { tags, summary: 'Выполнить расчёт по методике', body: runInput, response: { 200: runDetail } } },
    (req) => runIdentification(contextOf(db, req), req.body),
  );
  app.get(
    '/identification/runs',
    { schema: { tags, summary: 'Расчёты региона', querystring: regionQuery, response: { 200: z.array(runListItem) } } },
    (req) => listRuns(contextOf(db, req), req.query.regionId),
  );
  app.get(
    '/identification/runs/:id',
    { schema: { tags, summary: 'Расчёт: итоги, школы и основания', params: idParams, response: { 200: runDetail } } },
    (req) => getRun(contextOf(db, req), req.params.id),
  );
  app.get(
    '/identification/runs/:id/schools/:organisationId',
    {
      schema: {
        tags,
        summary: 'Объяснение решения по школе: основания и все числа',
        params: z.object({ id: uuidField, organisationId: uuidField }),
        response: { 200: verdictDetail },
      },
    },
    (req) => getVerdict(contextOf(db, req), req.params.id, req.params.organisationId),
  );
  app.get(
    '/identification/runs/:id/export',
    { schema: { tags, summary: 'Выгрузка расчёта в XLSX или DOCX', params: idParams, querystring: exportQuery } },
    async (req, reply) => {
      const file = await exportRun(contextOf(db, req), req.params.id, req.query.format);
      return sendFile(reply, file.bytes, file.name, req.query.format);
    },
  );
  app.post(
    '/identification/runs/:id/approve',
    {
      schema: {
        tags,
        summary: 'Утвердить расчёт как перечень школ',
        params: idParams,
        body: approveInput,
        response: { 200: schoolListDetail },
      },
    },
    (req) => approveRun(contextOf(db, req), req.params.id, req.body),
  );

  app.get(
    '/school-lists',
    {
      schema: {
        tags,
        summary: 'Утверждённые перечни школ',
        querystring: regionQuery,
        response: { 200: z.array(schoolListItem) },
      },
    },
    (req) => listSchoolLists(contextOf(db, req), req.query.regionId),
  );
  app.get(
    '/school-lists/:id',
    {
      schema: {
        tags,
        summary: 'Перечень школ (в пределах вашей территории)',
        params: idParams,
        response: { 200: schoolListDetail },
      },
    },
    (req) => getSchoolList(contextOf(db, req), req.params.id),
  );
  app.get(
    '/school-lists/:id/export',
    { schema: { tags, summary: 'Выгрузка перечня в XLSX или DOCX', params: idParams, querystring: exportQuery } },
    async (req, reply) => {
      const file = await exportSchoolList(contextOf(db, req), req.params.id, req.query.format);
      return sendFile(reply, file.bytes, file.name, req.query.format);
    },
  );
}
