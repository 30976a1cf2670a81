// A programme (дорожная карта, программа, план-график, муниципальный проект) as Опора holds it: read from
// an order's appendix or written in the UI. Every text keeps the user's wording; readings sit beside it.

import type { DeadlineReading, Period } from '../deadline/read-deadline.ts';
import type { SourcePlace } from '../document/source-document.ts';
import type { CoverageSpec } from '../network/coverage.ts';

export type ProgrammeLevel = 'region' | 'municipality' | 'school';
export const programmeLevels: readonly ProgrammeLevel[] = ['region', 'municipality', 'school'];

export const programmeKinds = [
  'дорожная карта',
  'программа',
  'план-график',
  'муниципальный проект',
  'план мероприятий',
] as const;
export type ProgrammeKind = (typeof programmeKinds)[number];

/** The order (приказ, распоряжение …) that approves the programme. */
export interface ApprovingAct {
  authority: string;
  /** As written: «приказ», «распоряжение», «постановление». */
  kind: string;
  number: string;
  /** ISO date, null when the document gives none. */
  date: string | null;
  place: string;
  title: string;
  signatory: string;
  signatoryPosition: string;
}

export interface Passport {
  problem: string;
  goal: string;
  tasks: string[];
  challenges: string[];
  directions: string[];
  expectedResults: string[];
  customer: string;
  curator: string;
  developers: string;
  executors: string;
  targetAudience: string;
  stages: string;
  /** Other labelled passport rows, kept as written («Способ достижения цели» …). */
  other: { label: string; value: string }[];
}

export interface Deadline {
  text: string;
  reading: DeadlineReading;
}

export interface Activity {
  /** As written: «1.», «2.10.», «2.4». */
  number: string;
  text: string;
  deadline: Deadline;
  responsible: string;
  executors: string;
  plannedResult: string;
  indicator: string;
  informationSupport: string;
  source: SourcePlace;
}

export interface Section {
  number: string;
  title: string;
  activities: Activity[];
}

export interface TargetIndicator {
  number: string;
  /** A group the indicator belongs to (seed 003's «Направление»). */
  direction: string;
  name: string;
  unit: string;
  baseline: string;
  actual: string;
  targets: { period: string; value: string }[];
  source: SourcePlace;
  /** Stable key of a saved indicator; its actual values are kept under it. */
  key?: string;
  /** Computed from Опора's own data: the share of listed schools, of municipalities with them, of ВПР passed. */
  binding?: 'listed-share' | 'municipality-share' | 'vpr-passing' | 'coverage' | null;
  /** With the coverage binding: whose share is counted and how (domain/network/coverage.ts). */
  coverage?: CoverageSpec | null;
  /** Which way is better, when the wording does not say. */
  change?: 'increase' | 'decrease' | null;
}

export interface WorkingGroupMember {
  fullName: string;
  position: string;
  role: string;
}

export interface Consultation {
  topic: string;
  when: Deadline;
  responsible: string[];
  source: SourcePlace;
}

export interface TutorPair {
  school: string;
  tutor: string;
  source: SourcePlace;
}

export type SchoolRole = 'low-results' | 'red-zone' | 'high-performing' | 'tutor';
export const schoolRoleLabels: Record<SchoolRole, string> = {
  'low-results': 'низкие образовательные результаты',
  'red-zone': 'красная зона рейтинга',
  'high-performing': 'стабильно высокие результаты',
  tutor: 'школа-тьютор',
};

export interface ListedSchool {
  name: string;
  role: SchoolRole;
  source: SourcePlace;
}

/** A dated monitoring round with the share of executed activities expected by then (seed 004). */
export interface MonitoringRound {
  date: string;
  minPercent: number;
  maxPercent: number;
  text: string;
}

export type ProgrammeWarningCode =
  | 'act.number_mismatch'
  | 'numbering.gap'
  | 'activity.no_responsible'
  | 'deadline.unreadable'
  | 'deadline.outside_period'
  | 'deadline.year_assumed'
  | 'document.no_activities'
  | 'document.unrecognised_table'
  | 'period.unknown';

export interface ProgrammeWarning {
  code: ProgrammeWarningCode;
  /** Russian; says what is wrong and what to check. */
  message: string;
  /** Where in the programme: «activities[16].deadline», «act.number» … */
  path: string;
  source?: SourcePlace;
}

export interface ProgrammeDraft {
  level: ProgrammeLevel;
  kind: ProgrammeKind;
  title: string;
  period: Period;
  /** The wording the period was read from. */
  periodText: string;
  act: ApprovingAct;
  passport: Passport;
  workingGroup: WorkingGroupMember[];
  sections: Section[];
  indicators: TargetIndicator[];
  consultations: Consultation[];
  tutorPairs: TutorPair[];
  schools: ListedSchool[];
  monitoringRounds: MonitoringRound[];
  warnings: ProgrammeWarning[];
}

export const emptyAct = (): ApprovingAct => ({
  authority: '',
  kind: '',
  number: '',
  date: null,
  place: '',
  title: '',
  signatory: '',
  signatoryPosition: '',
});

export const emptyPassport = (): Passport => ({
  problem: '',
  goal: '',
  tasks: [],
  challenges: [],
  directions: [],
  expectedResults: [],
  customer: '',
  curator: '',
  developers: '',
  executors: '',
  targetAudience: '',
  stages: '',
  other: [],
});

export const allActivities = (p: Pick<ProgrammeDraft, 'sections'>): Activity[] =>
  p.sections.flatMap((s) => s.activities);
