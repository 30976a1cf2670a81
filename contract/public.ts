// What anyone may read of a programme its owners chose to publish: its progress for parents and press (seed 003,
// passport item 13 «информирование о ходе реализации проекта»; seed 004 items 30–32, «информационное
// сопровождение»). Only what an approving order makes public already, and figures counted from execution: no
// responsible or executors, no comments, no evidence, no names of people, no accounts. The HTML pages render
// exactly these shapes, so a page can never show a field the JSON does not.
import { z } from 'zod';
import { executionStatus, indicatorStatus } from './execution.ts';
import { uuidField } from './fields.ts';
import { period, programmeKind, programmeLevel } from './programmes.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Execution today: done ÷ (all − cancelled), with the parts beside the percentage. */
export const publicFigures = z.object({
  total: z.number(),
  done: z.number(),
  cancelled: z.number(),
  inProgress: z.number(),
  planned: z.number(),
  /** Not done, not cancelled, final deadline passed. */
  overdue: z.number(),
  percent: z.number().nullable(),
});
export type PublicFiguresDto = z.infer<typeof publicFigures>;

export const publicActivity = z.object({
  number: z.string(),
  text: z.string(),
  /** The deadline as the order writes it. */
  deadlineText: z.string(),
  status: executionStatus,
  statusText: z.string(),
  overdue: z.boolean(),
  /** An activity each target school (or municipality) executes: how many of them have done it. */
  executors: z.object({ kind: z.enum(['schools', 'municipalities']), done: z.number(), total: z.number() }).nullable(),
});
export type PublicActivityDto = z.infer<typeof publicActivity>;

export const publicIndicator = z.object({
  number: z.string(),
  name: z.string(),
  unit: z.string(),
  baseline: z.string(),
  targets: z.array(
    z.object({
      period: z.string(),
      value: z.string(),
      actual: z.number().nullable(),
      status: indicatorStatus,
      statusText: z.string(),
    }),
  ),
});

export const publicRound = z.object({
  date: isoDate,
  title: z.string(),
  /** «не менее 30–40 %», '' without a threshold. */
  thresholdText: z.string(),
  /** Null for a round still ahead. */
  executionPercent: z.number().nullable(),
  done: z.number().nullable(),
  /** All − cancelled: what the percentage is of. */
  executable: z.number().nullable(),
  meetsThreshold: z.boolean().nullable(),
  /** The figures were fixed on the round's results and later reports do not change them. */
  frozen: z.boolean(),
  upcoming: z.boolean(),
});

export const publicProgramme = z.object({
  id: uuidField,
  title: z.string(),
  kind: programmeKind,
  level: programmeLevel,
  territoryName: z.string(),
  period,
  periodText: z.string(),
  /** The approving order: kind, authority, number and date (an order is a public document). */
  act: z.object({ kind: z.string(), authority: z.string(), number: z.string(), date: isoDate.nullable() }).nullable(),
  statusText: z.string(),
  /** «Today» in the programme's region: the date the figures are for. */
  today: isoDate,
  figures: publicFigures,
  sections: z.array(z.object({ number: z.string(), title: z.string(), activities: z.array(publicActivity) })),
  indicators: z.array(publicIndicator),
  rounds: z.array(publicRound),
});
export type PublicProgrammeDto = z.infer<typeof publicProgramme>;

/** A school's share of a published programme, for a widget on the school's own website. */
export const publicSchoolWidget = z.object({
  programmeId: uuidField,
  programmeTitle: z.string(),
  territoryName: z.string(),
  today: isoDate,
  school: z.object({ code: z.string(), name: z.string() }),
  figures: publicFigures,
  activities: z.array(publicActivity),
});
export type PublicSchoolWidgetDto = z.infer<typeof publicSchoolWidget>;
