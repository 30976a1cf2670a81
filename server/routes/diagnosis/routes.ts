import { z } from 'zod';
import {
  antiRiskBody,
  antiRiskProgramme,
  campaign,
  campaignInput,
  campaignListItem,
  diagnosisModelCopy,
  diagnosisModelPatch,
  diagnosisModelView,
  formPeriodParams,
  formReviewBody,
  heatMap,
  profileHistory,
  riskMeasure,
  riskMeasureInput,
  riskProfile,
  schoolForm,
  schoolFormBody,
  survey,
  surveyAnswerBody,
  surveySaved,
} from '../../../contract/diagnosis.ts';
import { uuidField } from '../../../contract/fields.ts';
import {
  antiRiskOf,
  chooseRisks,
  createRiskMeasure,
  deleteRiskMeasure,
  listRiskMeasures,
  updateRiskMeasure,
} from '../../../services/anti-risk.ts';
import {
  campaignHeatMap,
  copyDiagnosisModel,
  createCampaign,
  getCampaign,
  listCampaigns,
  listDiagnosisModels,
  riskProfile as profileOf,
  riskProfileHistory,
  saveSurveyAnswers,
  surveyByCode,
  updateDiagnosisModel,
} from '../../../services/diagnosis.ts';
import { listSchoolForms, reviewSchoolForm, saveSchoolForm } from '../../../services/diagnosis-forms.ts';
import type { App, RouteDeps } from '../../app.ts';
import { contextOf } from '../../session.ts';

const tags = ['диагностика'];
const idParams = z.object({ id: uuidField });
const codeParams = z.object({ code: z.string().trim().min(4).max(40) });

export async function diagnosisRoutes(app: App, { database }: RouteDeps) {
  const db = database.db;
  app.get(
    '/diagnosis/models',
    {
      schema: {
        tags,
        summary: 'Модели диагностики: поставляемые и модели региона',
        response: {
          200: z.array(z.object({ code: z.string(), title: z.string(), factors: z.number(), questions: z.number() })),
        },
      },
    },
    async (req) =>
      (await listDiagnosisModels(contextOf(db, req))).map((m) => ({
        code: m.code,
        title: m.version > 1 ? `${m.title} (версия ${m.version})` : m.title,
        factors: m.factors.length,
        questions: m.questions,
      })),
  );
  app.get(
    '/regions/:id/diagnosis-models',
    {
      schema: {
        tags,
        summary: 'Модели диагностики региона с факторами, показателями, весами и порогами',
        params: idParams,
        response: { 200: z.array(diagnosisModelView) },
      },
    },
    (req) => listDiagnosisModels(contextOf(db, req), req.params.id),
  );
  app.post(
    '/diagnosis-models',
    {
      schema: {
        tags,
        summary: 'Скопировать модель как модель региона, чтобы настроить пороги и веса',
        body: diagnosisModelCopy,
        response: { 200: diagnosisModelView },
      },
    },
    (req) => copyDiagnosisModel(contextOf(db, req), req.body),
  );
  app.patch(
    '/regions/:id/diagnosis-models/:code',
    {
      schema: {
        tags,
        summary: 'Изменить пороги и веса модели региона (новая версия; кампании сохраняют свою)',
        params: z.object({ id: uuidField, code: z.string().max(40) }),
        body: diagnosisModelPatch,
        response: { 200: diagnosisModelView },
      },
    },
    (req) => updateDiagnosisModel(contextOf(db, req), req.params.id, req.params.code, req.body),
  );
  app.get(
    '/diagnosis/campaigns',
    { schema: { tags, summary: 'Кампании анкетирования', response: { 200: z.array(campaignListItem) } } },
    (req) => listCampaigns(contextOf(db, req)),
  );
  app.post(
    '/diagnosis/campaigns',
    { schema: { tags, summary: 'Открыть кампанию анкетирования', body: campaignInput, response: { 200: campaign } } },
    (req) => createCampaign(contextOf(db, req), req.body),
  );
  app.get(
    '/diagnosis/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Кампания: коды школ и ход заполнения по школам и муниципалитетам',
        params: idParams,
        response: { 200: campaign },
      },
    },
    (req) => getCampaign(contextOf(db, req), req.params.id),
  );
  app.get(
    '/diagnosis/campaigns/:id/heat-map',
    {
      schema: {
        tags,
        summary: 'Тепловая карта факторов риска по школам и группы школ по профилю',
        params: idParams,
        response: { 200: heatMap },
      },
    },
    (req) => campaignHeatMap(contextOf(db, req), req.params.id),
  );
  app.get(
    '/organisations/:id/risk-profile',
    {
      schema: {
        tags,
        summary: 'Рисковый профиль школы с объяснением каждого уровня',
        params: idParams,
        querystring: z.object({ campaignId: uuidField.optional() }),
        response: { 200: riskProfile },
      },
    },
    (req) => profileOf(contextOf(db, req), req.params.id, req.query.campaignId),
  );
  app.get(
    '/organisations/:id/risk-history',
    {
      schema: {
        tags,
        summary: 'Уровни рисков школы по кампаниям',
        params: idParams,
        response: { 200: profileHistory },
      },
    },
    (req) => riskProfileHistory(contextOf(db, req), req.params.id),
  );
  app.get(
    '/organisations/:id/forms',
    {
      schema: {
        tags,
        summary: 'SWOT-анализ и входной мониторинг школы',
        params: idParams,
        response: { 200: z.array(schoolForm) },
      },
    },
    (req) => listSchoolForms(contextOf(db, req), req.params.id),
  );
  app.put(
    '/organisations/:id/forms/:kind/:period',
    {
      schema: {
        tags,
        summary: 'Сохранить черновик SWOT-анализа или входного мониторинга',
        params: formPeriodParams,
        body: schoolFormBody,
        response: { 200: schoolForm },
      },
    },
    (req) => saveSchoolForm(contextOf(db, req), req.params.id, req.params.kind, req.params.period, req.body),
  );
  app.post(
    '/forms/:id/review',
    {
      schema: {
        tags,
        summary: 'Отправить форму на проверку, принять или вернуть на доработку',
        params: idParams,
        body: formReviewBody,
        response: { 200: schoolForm },
      },
    },
    (req) => reviewSchoolForm(contextOf(db, req), req.params.id, req.body),
  );
  app.get(
    '/regions/:id/risk-measures',
    {
      schema: {
        tags,
        summary: 'Библиотека типовых мер по факторам риска',
        params: idParams,
        querystring: z.object({ factorKey: z.string().max(100).optional() }),
        response: { 200: z.array(riskMeasure) },
      },
    },
    (req) => listRiskMeasures(contextOf(db, req), req.params.id, req.query.factorKey),
  );
  app.post(
    '/risk-measures',
    { schema: { tags, summary: 'Добавить меру в библиотеку', body: riskMeasureInput, response: { 200: riskMeasure } } },
    (req) => createRiskMeasure(contextOf(db, req), req.body),
  );
  app.patch(
    '/risk-measures/:id',
    {
      schema: {
        tags,
        summary: 'Изменить меру библиотеки',
        params: idParams,
        body: riskMeasureInput
          .omit({ regionId: true, factorKey: true })
          .partial()
          .extend({ version: z.number().int().min(1) }),
        response: { 200: riskMeasure },
      },
    },
    (req) => updateRiskMeasure(contextOf(db, req), req.params.id, req.body),
  );
  app.delete(
    '/risk-measures/:id',
    {
      schema: {
        tags,
        summary: 'Удалить меру библиотеки',
        params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (req, reply) => {
      await deleteRiskMeasure(contextOf(db, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  app.get(
    '/organisations/:id/anti-risk',
    {
      schema: {
        tags,
        summary: 'Антирисковая программа школы: выбранные риски и меры в дорожной карте',
        params: idParams,
        response: { 200: antiRiskProgramme },
      },
    },
    (req) => antiRiskOf(contextOf(db, req), req.params.id),
  );
  app.post(
    '/organisations/:id/anti-risk',
    {
      schema: {
        tags,
        summary: 'Выбрать риски и меры: они становятся мероприятиями дорожной карты школы',
        params: idParams,
        body: antiRiskBody,
        response: { 200: antiRiskProgramme },
      },
    },
    (req) => chooseRisks(contextOf(db, req), req.params.id, req.body),
  );
  // Respondents answer without an account, by their school's code; answers are saved as they go.
  app.get(
    '/survey/:code',
    {
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Анкета по коду школы', params: codeParams, response: { 200: survey } },
    },
    (req) => surveyByCode(db, { now: req.server.clock }, req.params.code),
  );
  app.put(
    '/survey/:code/answers',
    {
      config: { public: true, sessionless: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Сохранить ответы (по мере заполнения) или отправить анкету',
        params: codeParams,
        body: surveyAnswerBody,
        response: { 200: surveySaved },
      },
    },
    (req) => saveSurveyAnswers(db, { now: req.server.clock }, req.params.code, req.body),
  );
}
