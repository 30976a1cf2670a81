import { z } from 'zod';
import {
  activityExecution,
  approvalBody,
  approvalState,
  cascadeBody,
  cascadeResult,
  comment,
  commentBody,
  dashboardQuery,
  engagementBody,
  evidence,
  evidenceLinkBody,
  executionQuery,
  executionUnit,
  historyEntry,
  indicatorRow,
  indicatorSettingsBody,
  indicatorValueBody,
  programmeDashboard,
  programmeExecution,
  regionDashboardItem,
  reportBody,
  round,
  roundDetail,
  roundInput,
  roundPatch,
  targetsBody,
} from '../../../contract/execution.ts';
import { uuidField, versionField } from '../../../contract/fields.ts';
import { changeApproval, approvalState as getApprovalState } from '../../../services/approval.ts';
import { cascadeActivity } from '../../../services/cascade.ts';
import {
  addComment,
  addEvidence,
  evidenceFile,
  programmeExecution as getProgrammeExecution,
  getUnit,
  removeEvidence,
  reportExecution,
  setTargets,
  threadOf,
  unitHistory,
} from '../../../services/execution.ts';
import { listIndicators, setIndicatorSettings, setIndicatorValue } from '../../../services/indicators.ts';
import {
  createRound,
  deleteRound,
  freezeRound,
  programmeDashboard as getProgrammeDashboard,
  roundDetail as getRoundDetail,
  listProgrammeRounds,
  regionDashboard,
  roundReportFile,
  setEngagementScores,
  updateRound,
} from '../../../services/monitoring.ts';
import type { App, RouteDeps } from '../../app.ts';
import { sendAttachment, sendFile } from '../../download.ts';
import { contextOf } from '../../session.ts';
import { uploadedFile } from '../../upload.ts';

const tags = ['исполнение и мониторинг'];
const idParams = z.object({ id: uuidField });
const keyParams = z.object({ id: uuidField, key: z.string().min(1).max(100) });

export async function executionRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;

  // ——— execution
  app.get(
    '/programmes/:id/execution',
    {
      schema: {
        tags,
        summary: 'Исполнение мероприятий программы: статусы, сроки, исполнители, подтверждения',
        params: idParams,
        querystring: executionQuery,
        response: { 200: programmeExecution },
      },
    },
    (req) => getProgrammeExecution(contextOf(db, req), req.params.id, req.query),
  );
  app.get(
    '/executions/:id',
    {
      schema: {
        tags,
        summary: 'Исполнение мероприятия одним исполнителем',
        params: idParams,
        response: { 200: executionUnit },
      },
    },
    (req) => getUnit(contextOf(db, req), req.params.id),
  );
  app.post(
    '/executions/:id/report',
    {
      schema: {
        tags,
        summary: 'Отметить исполнение: статус, дата, причина отмены, комментарий',
        params: idParams,
        body: reportBody,
        response: { 200: executionUnit },
      },
    },
    (req) => reportExecution(contextOf(db, req), req.params.id, req.body),
  );
  app.post(
    '/executions/:id/evidence',
    {
      schema: {
        tags,
        summary: 'Приложить файл-подтверждение (до 20 МБ)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 200: evidence },
      },
    },
    async (req) => {
      const ctx = contextOf(db, req);
      const file = await uploadedFile(req, 'файл подтверждения');
      return addEvidence(ctx, req.params.id, {
        kind: 'file',
        file: { name: file.name, bytes: file.bytes },
        title: file.field('title')?.slice(0, 1000),
      });
    },
  );
  app.post(
    '/executions/:id/evidence/link',
    {
      schema: {
        tags,
        summary: 'Приложить ссылку или реквизиты приказа, протокола, письма',
        params: idParams,
        body: evidenceLinkBody,
        response: { 200: evidence },
      },
    },
    (req) => addEvidence(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/evidence/:id',
    { schema: { tags, summary: 'Удалить подтверждение', params: idParams } },
    async (req, reply) => {
      await removeEvidence(contextOf(db, req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.get(
    '/evidence/:id/file',
    { schema: { tags, summary: 'Скачать файл-подтверждение', params: idParams } },
    async (req, reply) => {
      const f = await evidenceFile(contextOf(db, req), req.params.id);
      return sendAttachment(reply, f.bytes, f.name, f.mediaType);
    },
  );
  app.get(
    '/executions/:id/comments',
    {
      schema: {
        tags,
        summary: 'Обсуждение мероприятия (куратор ↔ школа)',
        params: idParams,
        response: { 200: z.array(comment) },
      },
    },
    (req) => threadOf(contextOf(db, req), req.params.id),
  );
  app.post(
    '/executions/:id/comments',
    {
      schema: {
        tags,
        summary: 'Написать в обсуждение',
        params: idParams,
        body: commentBody,
        response: { 200: z.array(comment) },
      },
    },
    (req) => addComment(contextOf(db, req), req.params.id, req.body.text),
  );
  app.get(
    '/executions/:id/history',
    { schema: { tags, summary: 'История исполнения', params: idParams, response: { 200: z.array(historyEntry) } } },
    (req) => unitHistory(contextOf(db, req), req.params.id),
  );
  app.put(
    '/activities/:id/targets',
    {
      schema: {
        tags,
        summary: 'Исполнители мероприятия: сам владелец программы, каждая целевая школа или муниципалитет',
        params: idParams,
        body: targetsBody,
        response: { 200: activityExecution },
      },
    },
    (req) => setTargets(contextOf(db, req), req.params.id, req.body),
  );
  app.post(
    '/activities/:id/cascade',
    {
      schema: {
        tags,
        summary: 'Создать проекты дорожных карт муниципалитетов или школ по мероприятию',
        params: idParams,
        body: cascadeBody,
        response: { 200: cascadeResult },
      },
    },
    (req) => cascadeActivity(contextOf(db, req), req.params.id, req.body),
  );

  // ——— approval
  app.get(
    '/programmes/:id/approval',
    {
      schema: {
        tags,
        summary: 'Согласование программы, версии и изменения',
        params: idParams,
        response: { 200: approvalState },
      },
    },
    (req) => getApprovalState(contextOf(db, req), req.params.id),
  );
  app.post(
    '/programmes/:id/approval',
    {
      schema: {
        tags,
        summary: 'Направить на согласование, вернуть на доработку, утвердить, внести изменения',
        params: idParams,
        body: approvalBody,
        response: { 200: approvalState },
      },
    },
    (req) => changeApproval(contextOf(db, req), req.params.id, req.body),
  );

  // ——— indicators
  app.get(
    '/programmes/:id/indicators',
    {
      schema: {
        tags,
        summary: 'Целевые показатели: план и факт',
        params: idParams,
        response: { 200: z.array(indicatorRow) },
      },
    },
    (req) => listIndicators(contextOf(db, req), req.params.id),
  );
  app.put(
    '/programmes/:id/indicators/:key/values',
    {
      schema: {
        tags,
        summary: 'Внести фактическое значение показателя за период',
        params: keyParams,
        body: indicatorValueBody,
        response: { 200: indicatorRow },
      },
    },
    (req) => setIndicatorValue(contextOf(db, req), req.params.id, req.params.key, req.body),
  );
  app.put(
    '/programmes/:id/indicators/:key/settings',
    {
      schema: {
        tags,
        summary: 'Расчёт показателя по данным Опоры и направление изменения',
        params: keyParams,
        body: indicatorSettingsBody,
        response: { 200: indicatorRow },
      },
    },
    (req) => setIndicatorSettings(contextOf(db, req), req.params.id, req.params.key, req.body),
  );

  // ——— monitoring rounds
  app.get(
    '/programmes/:id/rounds',
    { schema: { tags, summary: 'Мониторинги программы', params: idParams, response: { 200: z.array(round) } } },
    (req) => listProgrammeRounds(contextOf(db, req), req.params.id),
  );
  app.post(
    '/programmes/:id/rounds',
    { schema: { tags, summary: 'Назначить мониторинг', params: idParams, body: roundInput, response: { 200: round } } },
    (req) => createRound(contextOf(db, req), req.params.id, req.body),
  );
  app.get(
    '/rounds/:id',
    { schema: { tags, summary: 'Итоги мониторинга', params: idParams, response: { 200: roundDetail } } },
    (req) => getRoundDetail(contextOf(db, req), req.params.id),
  );
  app.patch(
    '/rounds/:id',
    {
      schema: {
        tags,
        summary: 'Изменить мониторинг: порог, критерии, адресные рекомендации',
        params: idParams,
        body: roundPatch,
        response: { 200: roundDetail },
      },
    },
    (req) => updateRound(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/rounds/:id',
    {
      schema: {
        tags,
        summary: 'Удалить мониторинг',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (req, reply) => {
      await deleteRound(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.post(
    '/rounds/:id/freeze',
    {
      schema: {
        tags,
        summary: 'Зафиксировать итоги мониторинга',
        params: idParams,
        body: z.object({ version: versionField }),
        response: { 200: roundDetail },
      },
    },
    (req) => freezeRound(contextOf(db, req), req.params.id, req.body.version),
  );
  app.put(
    '/rounds/:id/engagement',
    {
      schema: {
        tags,
        summary: 'Баллы вовлечённости муниципалитета или школы',
        params: idParams,
        body: engagementBody,
        response: { 200: roundDetail },
      },
    },
    (req) => setEngagementScores(contextOf(db, req), req.params.id, req.body),
  );
  for (const format of ['docx', 'xlsx'] as const)
    app.get(
      `/rounds/:id/report.${format}`,
      {
        schema: {
          tags,
          summary: `Аналитическая справка по итогам мониторинга (${format.toUpperCase()})`,
          params: idParams,
        },
      },
      async (req, reply) => {
        const { bytes, baseName } = await roundReportFile(contextOf(db, req), req.params.id, format);
        return sendFile(reply, bytes, baseName, format);
      },
    );

  // ——— dashboards
  app.get(
    '/programmes/:id/dashboard',
    {
      schema: {
        tags,
        summary: 'Дашборд программы: регион → муниципалитет → школа',
        params: idParams,
        querystring: dashboardQuery,
        response: { 200: programmeDashboard },
      },
    },
    (req) => getProgrammeDashboard(contextOf(db, req), req.params.id, req.query),
  );
  app.get(
    '/dashboard',
    {
      schema: {
        tags,
        summary: 'Программы в работе: исполнение, просрочки, ближайший мониторинг',
        response: { 200: z.array(regionDashboardItem) },
      },
    },
    (req) => regionDashboard(contextOf(db, req)),
  );
}
