// The HTTP contract of programmes (дорожные карты, программы, планы-графики): import preview, saving,
// reading, editing sections and activities, export. Shapes follow domain/programme/programme.ts.
import { z } from 'zod';
import { isoDateTime, optionalText, pageQuery, requiredText, uuidField, versionField } from './fields.ts';

const place = z.object({
  line: z.number().optional(),
  table: z.number().optional(),
  row: z.number().optional(),
  paragraph: z.number().optional(),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Дата в формате ГГГГ-ММ-ДД.' });
export const deadlineKind = z.enum([
  'date',
  'range',
  'multiple',
  'recurring',
  'whole-period',
  'external',
  'on-demand',
  'unreadable',
]);
export const deadlineReading = z.object({
  text: z.string(),
  kind: deadlineKind,
  windows: z.array(z.object({ start: isoDate.nullable(), end: isoDate })),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export const period = z.object({ start: isoDate, end: isoDate });
export const programmeLevel = z.enum(['region', 'municipality', 'school']);
export const programmeKind = z.enum([
  'дорожная карта',
  'программа',
  'план-график',
  'муниципальный проект',
  'план мероприятий',
]);

export const act = z.object({
  authority: z.string().max(1000),
  kind: z.string().max(100),
  number: z.string().max(100),
  date: isoDate.nullable(),
  place: z.string().max(300),
  title: z.string().max(3000),
  signatory: z.string().max(300),
  signatoryPosition: z.string().max(1000),
});
export const passport = z.object({
  problem: z.string().max(50_000),
  goal: z.string().max(10_000),
  tasks: z.array(z.string().max(5000)).max(200),
  challenges: z.array(z.string().max(5000)).max(200),
  directions: z.array(z.string().max(5000)).max(200),
  expectedResults: z.array(z.string().max(5000)).max(200),
  customer: z.string().max(2000),
  curator: z.string().max(2000),
  developers: z.string().max(2000),
  executors: z.string().max(5000),
  targetAudience: z.string().max(10_000),
  stages: z.string().max(2000),
  other: z.array(z.object({ label: z.string().max(500), value: z.string().max(20_000) })).max(100),
});

/** Activity fields a user writes; the deadline reading is always computed by the server. */
export const activityFields = z.object({
  number: z.string().max(50),
  text: requiredText('мероприятие', 10_000),
  deadlineText: optionalText('срок', 1000),
  responsible: optionalText('ответственные', 5000),
  executors: optionalText('исполнители', 5000),
  plannedResult: optionalText('планируемый результат', 10_000),
  indicator: optionalText('показатель реализации', 10_000),
  informationSupport: optionalText('информационное сопровождение', 10_000),
});
export const activity = activityFields.extend({
  id: uuidField,
  sectionId: uuidField,
  position: z.number(),
  deadline: deadlineReading,
  links: z.array(z.object({ kind: z.enum(['organisation', 'person']), id: uuidField, label: z.string() })),
  version: z.number(),
});
export type ActivityDto = z.infer<typeof activity>;
export const section = z.object({
  id: uuidField,
  number: z.string(),
  title: z.string(),
  position: z.number(),
  version: z.number(),
  activities: z.array(activity),
});
/** Computed indicators: shares from identification lists and ВПР, and coverage counted from attendance and courses. */
export const indicatorBinding = z.enum(['listed-share', 'municipality-share', 'vpr-passing', 'coverage']);
export const staffCategory = z.enum(['director', 'deputy', 'teacher', 'specialist', 'other']);
export const eventKind = z.enum([
  'consultation',
  'seminar',
  'webinar',
  'course',
  'council',
  'visit',
  'meeting',
  'other',
]);
export const coverageSpec = z.object({
  categories: z.array(staffCategory).min(1, { error: 'Выберите, чей охват считать.' }).max(5),
  subjects: z.array(z.string().trim().min(1).max(100)).max(30),
  measure: z.enum(['attended', 'trained']),
  eventKinds: z.array(eventKind).max(8),
});
export const indicator = z.object({
  number: z.string().max(50),
  direction: z.string().max(2000),
  name: z.string().max(5000),
  unit: z.string().max(100),
  baseline: z.string().max(1000),
  actual: z.string().max(5000),
  targets: z.array(z.object({ period: z.string().max(200), value: z.string().max(5000) })).max(50),
  /** Stable key of a saved indicator (its actual values are kept under it); the server assigns it. */
  key: z.string().max(100).optional(),
  /** Computed from Опора's own data instead of typed. */
  binding: indicatorBinding.nullable().optional(),
  /** For a coverage binding: whose share is counted and how. */
  coverage: coverageSpec.nullable().optional(),
  /** Which way is better, when the wording does not say. */
  change: z.enum(['increase', 'decrease']).nullable().optional(),
});
export const workingGroupMember = z.object({
  fullName: z.string().max(300),
  position: z.string().max(2000),
  role: z.string().max(300),
});
export const consultation = z.object({
  topic: z.string().max(5000),
  whenText: z.string().max(500),
  when: deadlineReading,
  responsible: z.array(z.string().max(1000)).max(20),
});
export const tutorPair = z.object({ school: z.string().max(1000), tutor: z.string().max(1000) });
export const listedSchool = z.object({
  name: z.string().max(1000),
  role: z.enum(['low-results', 'red-zone', 'high-performing', 'tutor']),
});
export const monitoringRound = z.object({
  date: isoDate,
  minPercent: z.number().min(0).max(100),
  maxPercent: z.number().min(0).max(100),
  text: z.string().max(500),
});
export const programmeWarning = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string(),
  source: place.optional(),
});

/** A programme read from a document (or edited in the preview) before it is saved. */
export const draftActivity = activityFields.extend({ deadline: deadlineReading.optional(), source: place.optional() });
export const programmeDraft = z.object({
  level: programmeLevel,
  kind: programmeKind,
  title: requiredText('наименование программы', 3000),
  period,
  periodText: z.string().max(500),
  act,
  passport,
  workingGroup: z.array(workingGroupMember).max(500),
  sections: z
    .array(
      z.object({
        number: z.string().max(50),
        title: z.string().max(3000),
        activities: z.array(draftActivity).max(5000),
      }),
    )
    .max(500),
  indicators: z.array(indicator).max(500),
  consultations: z.array(consultation.extend({ when: deadlineReading.optional() })).max(2000),
  tutorPairs: z.array(tutorPair).max(2000),
  schools: z.array(listedSchool).max(20_000),
  monitoringRounds: z.array(monitoringRound).max(50),
});
export type ProgrammeDraftDto = z.infer<typeof programmeDraft>;

export const programmeSummary = z.object({
  activities: z.number(),
  sections: z.number(),
  indicators: z.number(),
  consultations: z.number(),
  tutorPairs: z.number(),
  workingGroup: z.number(),
  warnings: z.number(),
});
export const importPreview = z.object({
  fileName: z.string(),
  format: z.enum(['txt', 'html', 'docx']),
  // A document may name no title; the preview shows it empty so the user can type one before saving.
  draft: programmeDraft.extend({ title: z.string().max(3000) }),
  summary: programmeSummary,
  warnings: z.array(programmeWarning),
});
export type ImportPreview = z.infer<typeof importPreview>;

/** Where a saved programme lives: the territory that owns it. */
export const programmeOwner = z.object({
  regionId: uuidField,
  municipalityId: uuidField.nullable().default(null),
  organisationId: uuidField.nullable().default(null),
});
export const saveProgrammeBody = z.object({
  draft: programmeDraft,
  owner: programmeOwner,
  sourceName: z.string().max(500).default(''),
});

export const programmeListItem = z.object({
  id: uuidField,
  title: z.string(),
  kind: programmeKind,
  level: programmeLevel,
  regionId: uuidField,
  municipalityId: z.string().nullable(),
  organisationId: z.string().nullable(),
  territoryName: z.string(),
  period,
  actNumber: z.string(),
  actDate: isoDate.nullable(),
  status: z.string(),
  activities: z.number(),
  updatedAt: isoDateTime,
  version: z.number(),
});
export type ProgrammeListItem = z.infer<typeof programmeListItem>;
export const programmeListQuery = pageQuery.extend({
  regionId: uuidField.optional(),
  municipalityId: uuidField.optional(),
  level: programmeLevel.optional(),
});

/** How execution is chased: days ahead for «скоро срок», days overdue before the level above is told. */
export const programmeSettings = z.object({
  dueSoonDays: z.number().int().min(0).max(120),
  escalationDays: z.number().int().min(1).max(365),
  commentRequired: z.boolean(),
});

export const programmeDetail = programmeListItem.extend({
  periodText: z.string(),
  act,
  passport,
  workingGroup: z.array(workingGroupMember),
  sections: z.array(section),
  indicators: z.array(indicator),
  consultations: z.array(consultation),
  tutorPairs: z.array(tutorPair),
  schools: z.array(listedSchool),
  monitoringRounds: z.array(monitoringRound),
  warnings: z.array(programmeWarning),
  sourceName: z.string(),
  /** The approved list of schools whose schools are the programme's target schools. */
  schoolList: z
    .object({ id: uuidField, number: z.number(), title: z.string(), year: z.number(), schools: z.number() })
    .nullable(),
  parentProgrammeId: z.string().nullable(),
  parentActivityId: z.string().nullable(),
  approvedVersion: z.number().nullable(),
  approvedAt: isoDateTime.nullable(),
  public: z.boolean(),
  settings: programmeSettings,
});
export type ProgrammeDetail = z.infer<typeof programmeDetail>;

export const programmePatch = z
  .object({
    title: requiredText('наименование программы', 3000),
    kind: programmeKind,
    period,
    periodText: z.string().max(500),
    act,
    passport,
    workingGroup: z.array(workingGroupMember).max(500),
    indicators: z.array(indicator).max(500),
    tutorPairs: z.array(tutorPair).max(2000),
    schools: z.array(listedSchool).max(20_000),
    monitoringRounds: z.array(monitoringRound).max(50),
    schoolListId: uuidField.nullable(),
    public: z.boolean(),
    settings: programmeSettings,
  })
  .partial()
  .extend({ version: versionField });

export const sectionInput = z.object({
  number: z.string().max(50).default(''),
  title: requiredText('наименование раздела', 3000),
  position: z.number().int().min(0).optional(),
});
export const sectionPatch = z
  .object({
    number: z.string().max(50),
    title: requiredText('наименование раздела', 3000),
    position: z.number().int().min(0),
  })
  .partial()
  .extend({ version: versionField });
export const activityInput = activityFields.extend({
  sectionId: uuidField,
  position: z.number().int().min(0).optional(),
});
/** Moving between sections and reordering are patches of sectionId and position. */
export const activityPatch = activityFields
  .partial()
  .extend({ sectionId: uuidField.optional(), position: z.number().int().min(0).optional(), version: versionField });
