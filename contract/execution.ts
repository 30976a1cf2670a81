// The HTTP contract of running a programme: execution of activities with evidence and coaching threads,
// targets, approval of roadmaps and their versions, cascading, indicators plan vs actual, monitoring rounds,
// dashboards, notifications and calendars. Shapes follow domain/execution/.
import { z } from 'zod';
import { isoDateTime, optionalText, requiredText, uuidField, versionField } from './fields.ts';
import { coverageSpec, deadlineReading, indicatorBinding } from './programmes.ts';

export { indicatorBinding };

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Дата в формате ГГГГ-ММ-ДД.' });
export const executionStatus = z.enum(['planned', 'in_progress', 'done', 'cancelled']);
export const timing = z.enum(['overdue', 'due-soon', 'on-time', 'closed', 'no-deadline']);
export const evidenceKind = z.enum(['file', 'link', 'document']);
export const targetKind = z.enum(['owner', 'schools', 'municipalities']);

export const evidence = z.object({
  id: uuidField,
  kind: evidenceKind,
  title: z.string(),
  url: z.string(),
  documentNumber: z.string(),
  documentDate: isoDate.nullable(),
  file: z.object({ name: z.string(), size: z.number(), mediaType: z.string() }).nullable(),
  createdByLogin: z.string(),
  createdAt: isoDateTime,
});
export type EvidenceDto = z.infer<typeof evidence>;

/** One executing unit: the owner, or one target school or municipality. */
export const executionUnit = z.object({
  id: uuidField,
  activityId: uuidField,
  own: z.boolean(),
  municipalityId: z.string().nullable(),
  organisationId: z.string().nullable(),
  /** Whose work it is: the school, municipality or region name. */
  executorName: z.string(),
  status: executionStatus,
  completedOn: isoDate.nullable(),
  cancelReason: z.string(),
  comment: z.string(),
  timing,
  deadline: isoDate.nullable(),
  daysOverdue: z.number().nullable(),
  daysLeft: z.number().nullable(),
  evidence: z.array(evidence),
  comments: z.number(),
  /** May the current user report on this unit? */
  canReport: z.boolean(),
  version: z.number(),
  updatedAt: isoDateTime,
});
export type ExecutionUnitDto = z.infer<typeof executionUnit>;

export const evidenceRule = z.object({
  kinds: z.array(evidenceKind).min(1, { error: 'Укажите хотя бы один вид подтверждения.' }),
  commentRequired: z.boolean(),
});

export const activityExecution = z.object({
  activityId: uuidField,
  sectionId: uuidField,
  number: z.string(),
  text: z.string(),
  deadlineText: z.string(),
  deadline: deadlineReading,
  responsible: z.string(),
  informationSupport: z.string(),
  targetKind,
  evidenceRule,
  cascadeLevel: z.enum(['municipality', 'school']).nullable(),
  /** The reading of the wording: which roadmaps the activity seems to ask for. */
  suggestedCascade: z.enum(['municipality', 'school']).nullable(),
  status: executionStatus,
  timing,
  deadlineDate: isoDate.nullable(),
  units: z.array(executionUnit),
  figures: z.object({ total: z.number(), done: z.number(), cancelled: z.number(), percent: z.number().nullable() }),
});
export type ActivityExecutionDto = z.infer<typeof activityExecution>;

export const programmeExecution = z.object({
  programmeId: uuidField,
  today: isoDate,
  timezone: z.string(),
  approved: z.boolean(),
  activities: z.array(activityExecution),
});
export type ProgrammeExecutionDto = z.infer<typeof programmeExecution>;

export const executionQuery = z.object({ organisationId: uuidField.optional(), municipalityId: uuidField.optional() });

export const reportBody = z.object({
  status: executionStatus,
  completedOn: isoDate.nullable().optional(),
  cancelReason: optionalText('причина отмены', 2000).optional(),
  comment: optionalText('комментарий', 5000).optional(),
  version: versionField,
});

export const evidenceLinkBody = z.object({
  kind: z.enum(['link', 'document']),
  title: optionalText('наименование', 1000).optional(),
  url: optionalText('ссылка', 2000).optional(),
  documentNumber: optionalText('номер документа', 100).optional(),
  documentDate: isoDate.nullable().optional(),
});

export const targetsBody = z.object({
  targetKind,
  /** Chosen schools or municipalities; omitted: the programme's target schools (or their municipalities). */
  territoryIds: z.array(uuidField).max(20_000).optional(),
  evidenceRule: evidenceRule.optional(),
  version: versionField,
});

export const comment = z.object({
  id: uuidField,
  authorLogin: z.string(),
  authorName: z.string(),
  authorRole: z.string(),
  text: z.string(),
  createdAt: isoDateTime,
});
export const commentBody = z.object({ text: requiredText('комментарий', 5000) });

export const historyEntry = z.object({
  at: isoDateTime,
  actorLogin: z.string(),
  action: z.string(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});

// ——— approval and versions

export const approvalStatus = z.enum(['draft', 'submitted', 'returned', 'approved']);
export const approvalBody = z.object({
  action: z.enum(['submit', 'return', 'approve', 'reopen']),
  comment: optionalText('комментарий', 5000).optional(),
  version: versionField,
});
export const review = z.object({
  fromStatus: z.string(),
  toStatus: z.string(),
  comment: z.string(),
  actorLogin: z.string(),
  at: isoDateTime,
});
export const versionActivity = z.object({
  id: z.string(),
  section: z.string(),
  number: z.string(),
  text: z.string(),
  deadlineText: z.string(),
  responsible: z.string(),
});
export const versionChange = z.object({
  kind: z.enum(['added', 'removed', 'changed']),
  before: versionActivity.optional(),
  after: versionActivity.optional(),
  fields: z.array(z.string()).optional(),
});
export const approvalState = z.object({
  status: approvalStatus,
  approvedVersion: z.number().nullable(),
  approvedAt: isoDateTime.nullable(),
  /** Which actions the current user may take now. */
  actions: z.array(z.enum(['submit', 'return', 'approve', 'reopen'])),
  reviews: z.array(review),
  versions: z.array(z.object({ number: z.number(), approvedAt: isoDateTime, approvedByLogin: z.string() })),
  /** The changes of the current text against the last approved version. */
  changes: z.array(versionChange),
  children: z.array(
    z.object({ id: uuidField, title: z.string(), territoryName: z.string(), level: z.string(), status: z.string() }),
  ),
});
export type ApprovalStateDto = z.infer<typeof approvalState>;

export const cascadeBody = z.object({
  level: z.enum(['municipality', 'school']),
  /** Omitted: every target school of the programme (or the municipalities they are in). */
  territoryIds: z.array(uuidField).max(20_000).optional(),
});
export const cascadeResult = z.object({ created: z.number(), existing: z.number(), programmeIds: z.array(uuidField) });

// ——— indicators

export const indicatorStatus = z.enum(['on-track', 'at-risk', 'off-track', 'no-data']);
export const indicatorValue = z.object({
  period: z.string(),
  value: z.number(),
  evidence: z.string(),
  justification: z.string(),
  version: z.number(),
  updatedAt: isoDateTime,
});
export const indicatorRow = z.object({
  key: z.string(),
  number: z.string(),
  direction: z.string(),
  name: z.string(),
  unit: z.string(),
  baselineText: z.string(),
  baseline: z.number().nullable(),
  binding: indicatorBinding.nullable(),
  coverage: coverageSpec.nullable(),
  change: z.enum(['increase', 'decrease']).nullable(),
  targets: z.array(
    z.object({
      period: z.string(),
      valueText: z.string(),
      /** The target resolved to a number (a relative one against the baseline), null when unreadable. */
      value: z.number().nullable(),
      comparison: z.string().nullable(),
      start: isoDate.nullable(),
      end: isoDate.nullable(),
      actual: z.number().nullable(),
      /** entered | computed | none */
      source: z.enum(['entered', 'computed', 'none']),
      status: indicatorStatus,
      rule: z.string(),
    }),
  ),
  values: z.array(indicatorValue),
  /** The value computed from Опора's data now, with how it was counted. */
  computed: z.object({ value: z.number().nullable(), explanation: z.string() }).nullable(),
});
export type IndicatorRowDto = z.infer<typeof indicatorRow>;
export const indicatorValueBody = z.object({
  period: requiredText('период', 200),
  value: z.number({ error: 'Укажите значение числом.' }),
  evidence: optionalText('подтверждение', 2000).optional(),
  justification: optionalText('обоснование изменения', 5000).optional(),
  /** The version of the value being changed; omitted for a first value. */
  version: versionField.optional(),
});
export const indicatorSettingsBody = z.object({
  binding: indicatorBinding.nullable(),
  /** Required with the coverage binding; when omitted, read from the indicator's wording. */
  coverage: coverageSpec.nullable().optional(),
  change: z.enum(['increase', 'decrease']).nullable(),
  version: versionField,
});

// ——— monitoring rounds

export const threshold = z.object({ min: z.number(), max: z.number() });
export const territoryFigures = z.object({
  id: z.string(),
  name: z.string(),
  municipalityName: z.string(),
  total: z.number(),
  done: z.number(),
  cancelled: z.number(),
  inProgress: z.number(),
  planned: z.number(),
  overdue: z.number(),
  percent: z.number().nullable(),
});
export type TerritoryFiguresDto = z.infer<typeof territoryFigures>;
export const roundFigures = z.object({
  date: isoDate,
  total: z.number(),
  cancelled: z.number(),
  done: z.number(),
  inProgress: z.number(),
  planned: z.number(),
  executionPercent: z.number().nullable(),
  dueByDate: z.number(),
  doneOfDue: z.number(),
  duePercent: z.number().nullable(),
  overdue: z.number(),
  threshold: threshold.nullable(),
  thresholdText: z.string(),
  level: z.enum(['below', 'min', 'max']).nullable(),
  meetsThreshold: z.boolean().nullable(),
});
export type RoundFiguresDto = z.infer<typeof roundFigures>;
export const laggingActivity = z.object({
  activityId: uuidField,
  number: z.string(),
  text: z.string(),
  deadlineText: z.string(),
  responsible: z.string(),
  unitsTotal: z.number(),
  unitsDone: z.number(),
  status: executionStatus,
  daysOverdue: z.number().nullable(),
});
export const engagementCriterion = z.object({
  key: z.string().min(1).max(100),
  group: z.enum(['organisational', 'content']),
  text: requiredText('критерий', 1000),
  max: z.number().int().min(1).max(100),
});
export const engagementRow = z.object({
  id: z.string(),
  kind: z.enum(['municipality', 'school']),
  name: z.string(),
  municipalityName: z.string(),
  scores: z.record(z.string(), z.number()),
  version: z.number().nullable(),
  organisational: z.number(),
  content: z.number(),
  total: z.number(),
  max: z.number(),
  percent: z.number(),
  level: z.enum(['high', 'medium', 'low']),
});
export const round = z.object({
  id: uuidField,
  programmeId: uuidField,
  kind: z.enum(['execution', 'engagement']),
  date: isoDate,
  title: z.string(),
  threshold: threshold.nullable(),
  criteria: z.array(engagementCriterion),
  recommendations: z.string(),
  frozenAt: isoDateTime.nullable(),
  frozenBy: z.string().nullable(),
  version: z.number(),
  /** Execution rounds: the figures (frozen, or live while open). */
  figures: roundFigures.nullable(),
});
export type RoundDto = z.infer<typeof round>;
export const roundDetail = round.extend({
  byMunicipality: z.array(territoryFigures),
  bySchool: z.array(territoryFigures),
  lagging: z.array(laggingActivity),
  indicators: z.array(indicatorRow),
  trend: z.array(z.object({ date: isoDate, executionPercent: z.number().nullable(), frozen: z.boolean() })),
  engagement: z.array(engagementRow),
});
export type RoundDetailDto = z.infer<typeof roundDetail>;
export const roundInput = z.object({
  kind: z.enum(['execution', 'engagement']),
  date: isoDate,
  title: optionalText('наименование', 500).optional(),
  threshold: threshold.nullable().optional(),
  criteria: z.array(engagementCriterion).max(100).optional(),
});
export const roundPatch = z
  .object({
    title: z.string().max(500),
    date: isoDate,
    threshold: threshold.nullable(),
    criteria: z.array(engagementCriterion).max(100),
    recommendations: z.string().max(50_000),
  })
  .partial()
  .extend({ version: versionField });
export const engagementBody = z.object({
  kind: z.enum(['municipality', 'school']),
  territoryId: uuidField,
  scores: z.record(z.string(), z.number()),
  version: versionField.optional(),
});

// ——— dashboards

export const dashboardQuery = z.object({ municipalityId: uuidField.optional(), organisationId: uuidField.optional() });
export const programmeDashboard = z.object({
  programmeId: uuidField,
  title: z.string(),
  today: isoDate,
  /** Where the drill-down stands: the whole programme, a municipality, or a school. */
  level: z.enum(['programme', 'municipality', 'school']),
  territoryName: z.string(),
  figures: roundFigures,
  dueSoon: z.number(),
  /** Children of the current level, lagging first: municipalities, or schools of a municipality. */
  territories: z.array(territoryFigures),
  activities: z.array(
    z.object({
      activityId: uuidField,
      number: z.string(),
      text: z.string(),
      deadlineText: z.string(),
      windows: z.array(z.object({ start: isoDate.nullable(), end: isoDate })),
      status: executionStatus,
      timing,
      unitsTotal: z.number(),
      unitsDone: z.number(),
    }),
  ),
  indicators: z.array(indicatorRow),
  rounds: z.array(round),
});
export type ProgrammeDashboardDto = z.infer<typeof programmeDashboard>;
export const regionDashboardItem = z.object({
  programmeId: uuidField,
  title: z.string(),
  level: z.string(),
  territoryName: z.string(),
  status: z.string(),
  total: z.number(),
  done: z.number(),
  cancelled: z.number(),
  percent: z.number().nullable(),
  overdue: z.number(),
  dueSoon: z.number(),
  nextRound: z.object({ date: isoDate, threshold: threshold.nullable() }).nullable(),
});

// ——— notifications and calendars

export const notification = z.object({
  id: uuidField,
  kind: z.enum(['due-soon', 'overdue', 'escalation', 'event']),
  subject: z.string(),
  body: z.string(),
  programmeId: z.string().nullable(),
  executionId: z.string().nullable(),
  eventId: z.string().nullable(),
  createdAt: isoDateTime,
  readAt: isoDateTime.nullable(),
});
export const calendarEvent = z.object({
  id: z.string(),
  programmeId: uuidField,
  programmeTitle: z.string(),
  activityId: uuidField,
  number: z.string(),
  title: z.string(),
  start: isoDate,
  end: isoDate,
  status: executionStatus,
  timing,
});
export const calendarQuery = z.object({ from: isoDate, to: isoDate, programmeId: uuidField.optional() });
