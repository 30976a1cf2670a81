// The HTTP contract of diagnosis: questionnaire campaigns and their progress, the questionnaire a respondent
// fills by a school's code (saved as they go), risk profiles with explanations, heat maps. Shapes follow
// domain/diagnosis/.
import { z } from 'zod';
import { isoDateTime, optionalText, requiredText, uuidField } from './fields.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Дата в формате ГГГГ-ММ-ДД.' });
export const respondentGroup = z.enum(['director', 'teacher', 'student', 'parent']);
export const riskLevel = z.enum(['high', 'medium', 'low', 'no-data']);

export const question = z.object({
  key: z.string(),
  group: respondentGroup,
  type: z.enum(['single', 'multiple', 'scale', 'number', 'text']),
  text: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string(), score: z.number() })).optional(),
  scale: z.object({ min: z.number(), max: z.number(), riskAt: z.enum(['min', 'max']) }).optional(),
  steps: z.array(z.object({ upTo: z.number(), score: z.number() })).optional(),
});

export const campaignInput = z.object({
  regionId: uuidField,
  title: requiredText('название кампании', 300),
  opensOn: isoDate,
  closesOn: isoDate,
  /** A shipped model's code ('500plus'). */
  model: requiredText('модель диагностики', 100),
  organisationIds: z.array(uuidField).min(1, { error: 'Выберите школы.' }).max(5000),
  anonymousGroups: z.array(respondentGroup).optional(),
});

export const groupProgress = z.object({ started: z.number(), submitted: z.number() });
export const schoolProgress = z.object({
  organisationId: uuidField,
  name: z.string(),
  municipalityId: z.string().nullable(),
  municipalityName: z.string(),
  accessCode: z.string(),
  groups: z.record(respondentGroup, groupProgress),
  submitted: z.number(),
});
export const campaign = z.object({
  id: uuidField,
  regionId: uuidField,
  title: z.string(),
  opensOn: isoDate,
  closesOn: isoDate,
  state: z.enum(['planned', 'open', 'closed']),
  modelCode: z.string(),
  anonymousGroups: z.array(respondentGroup),
  factors: z.array(z.object({ key: z.string(), title: z.string(), description: z.string() })),
  schools: z.array(schoolProgress),
  municipalities: z.array(
    z.object({
      id: z.string().nullable(),
      name: z.string(),
      schools: z.number(),
      withAnswers: z.number(),
      submitted: z.number(),
    }),
  ),
  version: z.number(),
  createdAt: isoDateTime,
});
export type CampaignDto = z.infer<typeof campaign>;
export const campaignListItem = campaign.pick({
  id: true,
  title: true,
  opensOn: true,
  closesOn: true,
  state: true,
  modelCode: true,
  createdAt: true,
});

/** What a respondent sees by a school's code: the questions of each group and whether answers are anonymous. */
export const survey = z.object({
  campaignTitle: z.string(),
  schoolName: z.string(),
  opensOn: isoDate,
  closesOn: isoDate,
  open: z.boolean(),
  groups: z.array(z.object({ group: respondentGroup, anonymous: z.boolean(), questions: z.array(question) })),
});
/** null clears an answer the respondent took back. */
export const answerValue = z.union([z.string().max(5000), z.array(z.string().max(200)).max(50), z.number(), z.null()]);
export const surveyAnswerBody = z.object({
  /** A random key the respondent's browser keeps, so answers are saved as they go and resumed. */
  respondentKey: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'Неверный ключ анкеты.' }),
  group: respondentGroup,
  answers: z.record(z.string().max(100), answerValue),
  submit: z.boolean().optional(),
});
export const surveySaved = z.object({
  saved: z.number(),
  submitted: z.boolean(),
  savedAt: isoDateTime,
  /** Answers the questionnaire does not accept, with why. */
  problems: z.array(z.object({ question: z.string(), message: z.string() })),
});

export const questionPart = z.object({
  question: z.string(),
  text: z.string(),
  weight: z.number(),
  score: z.number().nullable(),
  answered: z.number(),
});
export const factorResult = z.object({
  factor: z.string(),
  title: z.string(),
  value: z.number().nullable(),
  level: riskLevel,
  high: z.number(),
  medium: z.number(),
  explanation: z.string(),
  indicators: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      weight: z.number(),
      value: z.number().nullable(),
      questions: z.array(questionPart),
    }),
  ),
});
export const riskProfile = z.object({
  organisationId: uuidField,
  schoolName: z.string(),
  schoolCode: z.string(),
  campaign: z.object({ id: uuidField, title: z.string(), closesOn: isoDate }),
  respondents: z.record(respondentGroup, z.number()),
  factors: z.array(factorResult),
});
export type RiskProfileDto = z.infer<typeof riskProfile>;
export const profileHistory = z.array(
  z.object({
    campaign: z.object({ id: uuidField, title: z.string(), closesOn: isoDate }),
    levels: z.record(z.string(), riskLevel),
    values: z.record(z.string(), z.number().nullable()),
  }),
);
export const heatMap = z.object({
  campaign: z.object({ id: uuidField, title: z.string() }),
  factors: z.array(z.object({ key: z.string(), title: z.string() })),
  rows: z.array(
    z.object({
      organisationId: uuidField,
      name: z.string(),
      municipalityName: z.string(),
      levels: z.record(z.string(), riskLevel),
      values: z.record(z.string(), z.number().nullable()),
    }),
  ),
  /** Schools grouped by their set of high risks, largest group first: for targeted help. */
  groups: z.array(z.object({ factors: z.array(z.string()), schools: z.array(uuidField) })),
});

// ——— SWOT and entry monitoring

export const formKind = z.enum(['swot', 'entry-monitoring']);
export const formStatus = z.enum(['draft', 'submitted', 'returned', 'accepted']);
export const schoolForm = z.object({
  id: uuidField,
  organisationId: uuidField,
  schoolName: z.string(),
  kind: formKind,
  period: z.string(),
  content: z.record(z.string(), z.unknown()),
  status: formStatus,
  reviewComment: z.string(),
  reviewedBy: z.string().nullable(),
  version: z.number(),
  updatedAt: isoDateTime,
});
export type SchoolFormDto = z.infer<typeof schoolForm>;
export const schoolFormBody = z.object({
  content: z.record(z.string(), z.unknown()),
  /** The version being changed; omitted when the form is first saved. */
  version: z.number().int().min(1).optional(),
});
export const formReviewBody = z.object({
  decision: z.enum(['submit', 'accept', 'return']),
  comment: optionalText('комментарий', 5000).optional(),
  version: z.number().int().min(1),
});
export const formPeriodParams = z.object({
  id: uuidField,
  kind: formKind,
  period: z.string().regex(/^\d{4}(\/\d{4})?$/, { error: 'Период: год (2023) или учебный год (2022/2023).' }),
});

// ——— library of measures and anti-risk programmes

export const riskMeasure = z.object({
  id: z.string(),
  factorKey: z.string(),
  text: z.string(),
  indicator: z.string(),
  deadlineText: z.string(),
  responsible: z.string(),
  /** A shipped typical measure (not yet curated by the region) has no version. */
  version: z.number().nullable(),
});
export const riskMeasureInput = z.object({
  regionId: uuidField,
  factorKey: requiredText('фактор риска', 100),
  text: requiredText('мера', 2000),
  indicator: optionalText('показатель', 1000).optional(),
  deadlineText: optionalText('срок', 200).optional(),
  responsible: optionalText('ответственные', 500).optional(),
});
export const antiRiskBody = z.object({
  campaignId: uuidField.optional(),
  risks: z
    .array(
      z.object({
        factorKey: requiredText('фактор риска', 100),
        /** Measures of the library (ids of the region's, or `preset:N` of the shipped list). */
        measureIds: z.array(z.string().max(100)).min(1, { error: 'Выберите хотя бы одну меру.' }).max(30),
      }),
    )
    .min(1, { error: 'Выберите риски, с которыми школа будет работать.' })
    .max(10),
});
export const antiRiskProgramme = z.object({
  organisationId: uuidField,
  programmeId: z.string().nullable(),
  programmeTitle: z.string(),
  risks: z.array(
    z.object({
      factorKey: z.string(),
      factorTitle: z.string(),
      sectionId: z.string().nullable(),
      activities: z.array(
        z.object({
          id: uuidField,
          number: z.string(),
          text: z.string(),
          indicator: z.string(),
          deadlineText: z.string(),
        }),
      ),
    }),
  ),
});
export type AntiRiskProgrammeDto = z.infer<typeof antiRiskProgramme>;

// ——— the region's own models (adjusted thresholds and weights), versioned

export const factorThresholds = z.object({
  factor: z.string().max(100),
  high: z.number().min(0).max(100),
  medium: z.number().min(0).max(100),
  indicators: z.array(z.object({ indicator: z.string().max(100), weight: z.number().positive().max(1000) })).max(50),
});
export const diagnosisModelView = z.object({
  code: z.string(),
  title: z.string(),
  preset: z.boolean(),
  basedOn: z.string(),
  version: z.number(),
  factors: z.array(z.object({ key: z.string(), title: z.string(), description: z.string() })),
  indicators: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      questions: z.array(z.object({ question: z.string(), text: z.string(), weight: z.number() })),
    }),
  ),
  rules: z.array(factorThresholds),
  questions: z.number(),
});
export const diagnosisModelCopy = z.object({
  regionId: uuidField,
  from: requiredText('исходная модель', 100),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{3,40}$/, { error: 'Код модели: 3–40 латинских строчных букв, цифр и дефисов.' }),
  title: requiredText('название модели', 300),
});
export const diagnosisModelPatch = z.object({
  title: optionalText('название модели', 300).optional(),
  rules: z.array(factorThresholds).max(50),
  version: z.number().int().min(1),
});
