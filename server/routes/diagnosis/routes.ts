import { z } from 'zod';
import {
  campaign,
  campaignInput,
  campaignListItem,
  heatMap,
  profileHistory,
  riskProfile,
  survey,
  surveyAnswerBody,
  surveySaved,
} from '../../../contract/diagnosis.ts';
import { uuidField } from '../../../contract/fields.ts';
import { presetDefinitions } from '../../../domain/diagnosis/preset-500plus.ts';
import {
  campaignHeatMap,
  createCampaign,
  getCampaign,
  listCampaigns,
  riskProfile as profileOf,
  riskProfileHistory,
  saveSurveyAnswers,
  surveyByCode,
} from '../../../services/diagnosis.ts';
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
        summary: 'Поставляемые модели диагностики: факторы риска, анкеты и правила расчёта',
        response: {
          200: z.array(z.object({ code: z.string(), title: z.string(), factors: z.number(), questions: z.number() })),
        },
      },
    },
    (req) => {
      contextOf(db, req);
      return presetDefinitions.map((p) => ({
        code: p.code,
        title: p.title,
        factors: p.definition.factors.length,
        questions: p.definition.questions.length,
      }));
    },
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
      config: { public: true, rateLimit: { max: 600, timeWindow: '1 minute' } },
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
