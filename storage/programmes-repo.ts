// Programmes with their sections and activities. Lists are filtered by the actor's scope in SQL; the
// programme's place is its owner's territory (region, municipality, school).
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type {
  ActivityDto,
  act,
  consultation,
  deadlineReading,
  indicator,
  listedSchool,
  monitoringRound,
  ProgrammeListItem,
  passport,
  programmeSettings,
  tutorPair,
  workingGroupMember,
} from '../contract/programmes.ts';
import type { SourcePlace } from '../domain/document/source-document.ts';
import { defaultDueSoonDays, defaultEscalationDays } from '../domain/execution/status.ts';
import type { Scope } from '../domain/roles.ts';
import { escapeLike } from './audit-repo.ts';
import { type Executor, pgArray } from './database.ts';
import { programmeReaches } from './execution-repo.ts';
import {
  municipalities,
  organisations,
  programmeActivities,
  programmeSections,
  programmes,
  regions,
  schoolLists,
} from './schema.ts';
import { scopeCondition } from './scope-filter.ts';

/** The appendices of a programme, kept together in one JSON column. */
export interface Appendices {
  workingGroup: z.infer<typeof workingGroupMember>[];
  indicators: z.infer<typeof indicator>[];
  consultations: z.infer<typeof consultation>[];
  tutorPairs: z.infer<typeof tutorPair>[];
  schools: z.infer<typeof listedSchool>[];
  monitoringRounds: z.infer<typeof monitoringRound>[];
}

/** A programme without its sections and activities. */
export interface ProgrammeRecord extends ProgrammeListItem {
  periodText: string;
  act: z.infer<typeof act>;
  passport: z.infer<typeof passport>;
  appendices: Appendices;
  sourceName: string;
  /** The approved list of schools that gives the programme its target schools. */
  schoolList: SchoolListRef | null;
  parentProgrammeId: string | null;
  parentActivityId: string | null;
  approvedVersion: number | null;
  approvedAt: string | null;
  public: boolean;
  settings: ProgrammeSettings;
  /** The region's time zone: «today» of the programme. */
  timezone: string;
}

export type ProgrammeSettings = z.infer<typeof programmeSettings>;
export const defaultSettings: ProgrammeSettings = {
  dueSoonDays: defaultDueSoonDays,
  escalationDays: defaultEscalationDays,
  commentRequired: false,
};

export interface SchoolListRef {
  id: string;
  regionId: string;
  number: number;
  title: string;
  year: number;
  schools: number;
}

export interface SectionRecord {
  id: string;
  regionId: string;
  programmeId: string;
  number: string;
  title: string;
  position: number;
  version: number;
}

export interface ActivityRecord extends ActivityDto {
  regionId: string;
  programmeId: string;
  source: SourcePlace | null;
}

const r = alias(regions, 'r');
const m = alias(municipalities, 'm');
const o = alias(organisations, 'o');

const listColumns = {
  id: programmes.id,
  title: programmes.title,
  kind: programmes.kind,
  level: programmes.level,
  regionId: programmes.regionId,
  municipalityId: programmes.municipalityId,
  organisationId: programmes.organisationId,
  // The owner as people name it: the school, else the municipality, else the region.
  territoryName: sql<string>`coalesce(${o.shortName}, ${m.name}, ${r.shortName})`,
  periodStart: programmes.periodStart,
  periodEnd: programmes.periodEnd,
  actNumber: sql<string>`coalesce(${programmes.act}->>'number', '')`,
  actDate: sql<string | null>`${programmes.act}->>'date'`,
  status: programmes.status,
  activities: sql<number>`(select count(*)::int from ${programmeActivities} where ${programmeActivities.programmeId} = ${programmes.id})`,
  updatedAt: programmes.updatedAt,
  version: programmes.version,
};
const recordColumns = {
  ...listColumns,
  periodText: programmes.periodText,
  act: programmes.act,
  passport: programmes.passport,
  appendices: programmes.appendices,
  sourceName: programmes.sourceName,
  schoolListId: programmes.schoolListId,
  parentProgrammeId: programmes.parentProgrammeId,
  parentActivityId: programmes.parentActivityId,
  approvedVersion: programmes.approvedVersion,
  approvedAt: programmes.approvedAt,
  public: programmes.public,
  settings: programmes.settings,
  timezone: r.timezone,
};

type ListRow = Omit<ProgrammeListItem, 'kind' | 'level' | 'period' | 'updatedAt' | 'activities'> & {
  kind: string;
  level: string;
  periodStart: string;
  periodEnd: string;
  activities: number;
  updatedAt: Date;
};

function presentItem({ periodStart, periodEnd, ...row }: ListRow): ProgrammeListItem {
  return {
    ...row,
    kind: row.kind as ProgrammeListItem['kind'],
    level: row.level as ProgrammeListItem['level'],
    period: { start: periodStart, end: periodEnd },
    activities: Number(row.activities),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const programmeScope = (scope: Scope) =>
  scopeCondition(scope, {
    region: programmes.regionId,
    municipality: programmes.municipalityId,
    organisation: programmes.organisationId,
  });

export interface ProgrammeFilter {
  regionId?: string;
  municipalityId?: string;
  level?: 'region' | 'municipality' | 'school';
  q?: string;
}

export async function listProgrammes(
  ex: Executor,
  scope: Scope,
  f: ProgrammeFilter,
  limit: number,
  offset: number,
): Promise<{ items: ProgrammeListItem[]; total: number }> {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  const where: SQL | undefined = and(
    // A programme is listed for those it belongs to and for those it gives work to.
    or(programmeScope(scope), programmeReaches(scope)),
    f.regionId ? eq(programmes.regionId, f.regionId) : undefined,
    f.municipalityId ? eq(programmes.municipalityId, f.municipalityId) : undefined,
    f.level ? eq(programmes.level, f.level) : undefined,
    q ? or(ilike(programmes.title, q), sql`${programmes.act}->>'number' ilike ${q}`) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    ex
      .select(listColumns)
      .from(programmes)
      .innerJoin(r, eq(r.id, programmes.regionId))
      .leftJoin(m, eq(m.id, programmes.municipalityId))
      .leftJoin(o, eq(o.id, programmes.organisationId))
      .where(where)
      .orderBy(desc(programmes.periodStart), asc(programmes.title), asc(programmes.id))
      .limit(limit)
      .offset(offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(programmes).where(where),
  ]);
  return { items: rows.map(presentItem), total: count?.n ?? 0 };
}

/** One programme; `lock` holds its row until the transaction ends, so edits of its parts queue up. */
export async function getProgrammeRecord(ex: Executor, id: string, lock = false): Promise<ProgrammeRecord | null> {
  if (lock) await ex.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id)).for('update');
  const [row] = await ex
    .select(recordColumns)
    .from(programmes)
    .innerJoin(r, eq(r.id, programmes.regionId))
    .leftJoin(m, eq(m.id, programmes.municipalityId))
    .leftJoin(o, eq(o.id, programmes.organisationId))
    .where(eq(programmes.id, id));
  if (!row) return null;
  const {
    periodText,
    act,
    passport,
    appendices,
    sourceName,
    schoolListId,
    parentProgrammeId,
    parentActivityId,
    approvedVersion,
    approvedAt,
    public: isPublic,
    settings,
    timezone,
    ...item
  } = row;
  return {
    ...presentItem(item),
    parentProgrammeId,
    parentActivityId,
    approvedVersion,
    approvedAt: approvedAt?.toISOString() ?? null,
    public: isPublic,
    settings: { ...defaultSettings, ...(settings as Partial<ProgrammeSettings>) },
    timezone,
    periodText,
    act: act as ProgrammeRecord['act'],
    passport: passport as ProgrammeRecord['passport'],
    appendices: appendices as Appendices,
    sourceName,
    schoolList: schoolListId ? await schoolListRef(ex, schoolListId) : null,
  };
}

export async function schoolListRef(ex: Executor, id: string): Promise<SchoolListRef | null> {
  const [list] = await ex
    .select({
      id: schoolLists.id,
      regionId: schoolLists.regionId,
      number: schoolLists.number,
      title: schoolLists.title,
      year: schoolLists.year,
      schools: sql<number>`(select count(*)::int from school_list_members x where x.list_id = ${schoolLists.id})`,
    })
    .from(schoolLists)
    .where(eq(schoolLists.id, id));
  return list ?? null;
}

export type ProgrammeValues = Omit<typeof programmes.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export async function insertProgramme(ex: Executor, v: ProgrammeValues): Promise<string> {
  const [row] = await ex.insert(programmes).values(v).returning({ id: programmes.id });
  return row!.id;
}

/** Marks the programme as changed when one of its parts changes; its version stays (it guards its own fields). */
export async function touchProgramme(ex: Executor, id: string): Promise<void> {
  await ex.update(programmes).set({ updatedAt: sql`now()` }).where(eq(programmes.id, id));
}

const sectionColumns = {
  id: programmeSections.id,
  regionId: programmeSections.regionId,
  programmeId: programmeSections.programmeId,
  number: programmeSections.number,
  title: programmeSections.title,
  position: programmeSections.position,
  version: programmeSections.version,
};

export async function listSections(ex: Executor, programmeId: string): Promise<SectionRecord[]> {
  return ex
    .select(sectionColumns)
    .from(programmeSections)
    .where(eq(programmeSections.programmeId, programmeId))
    .orderBy(asc(programmeSections.position), asc(programmeSections.createdAt), asc(programmeSections.id));
}

export async function getSection(ex: Executor, id: string): Promise<SectionRecord | null> {
  const [row] = await ex.select(sectionColumns).from(programmeSections).where(eq(programmeSections.id, id));
  return row ?? null;
}

export type SectionValues = Omit<typeof programmeSections.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

/** Inserts sections and returns their ids in the input order. */
export async function insertSections(ex: Executor, values: SectionValues[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await ex
      .insert(programmeSections)
      .values(values.slice(i, i + 500))
      .returning({ id: programmeSections.id });
    ids.push(...rows.map((x) => x.id));
  }
  return ids;
}

const activityColumns = {
  id: programmeActivities.id,
  regionId: programmeActivities.regionId,
  programmeId: programmeActivities.programmeId,
  sectionId: programmeActivities.sectionId,
  position: programmeActivities.position,
  number: programmeActivities.number,
  text: programmeActivities.text,
  deadlineText: programmeActivities.deadlineText,
  deadline: programmeActivities.deadlineReading,
  responsible: programmeActivities.responsible,
  executors: programmeActivities.executors,
  plannedResult: programmeActivities.plannedResult,
  indicator: programmeActivities.indicator,
  informationSupport: programmeActivities.informationSupport,
  links: programmeActivities.links,
  source: programmeActivities.source,
  version: programmeActivities.version,
};

type ActivityRow = Omit<ActivityRecord, 'deadline' | 'links' | 'source'> & {
  deadline: unknown;
  links: unknown;
  source: unknown;
};
const presentActivity = (a: ActivityRow): ActivityRecord => ({
  ...a,
  deadline: a.deadline as z.infer<typeof deadlineReading>,
  links: (a.links ?? []) as ActivityRecord['links'],
  source: (a.source ?? null) as SourcePlace | null,
});

/** Activities of a programme (or of one section), in section order then position. */
export async function listActivities(
  ex: Executor,
  where: { programmeId: string } | { sectionId: string },
): Promise<ActivityRecord[]> {
  const rows = await ex
    .select(activityColumns)
    .from(programmeActivities)
    .where(
      'programmeId' in where
        ? eq(programmeActivities.programmeId, where.programmeId)
        : eq(programmeActivities.sectionId, where.sectionId),
    )
    .orderBy(asc(programmeActivities.position), asc(programmeActivities.createdAt), asc(programmeActivities.id));
  return rows.map(presentActivity);
}

export async function getActivity(ex: Executor, id: string): Promise<ActivityRecord | null> {
  const [row] = await ex.select(activityColumns).from(programmeActivities).where(eq(programmeActivities.id, id));
  return row ? presentActivity(row) : null;
}

export async function countActivities(ex: Executor, sectionId: string): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(programmeActivities)
    .where(eq(programmeActivities.sectionId, sectionId));
  return Number(row?.n ?? 0);
}

export type ActivityValues = Omit<
  typeof programmeActivities.$inferInsert,
  'id' | 'version' | 'createdAt' | 'updatedAt'
>;

export async function insertActivities(ex: Executor, values: ActivityValues[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await ex
      .insert(programmeActivities)
      .values(values.slice(i, i + 500))
      .returning({ id: programmeActivities.id });
    ids.push(...rows.map((x) => x.id));
  }
  // Every activity starts executed by its programme's owner, until targets are set.
  for (let i = 0; i < ids.length; i += 5000)
    await ex.execute(sql`
      insert into activity_executions (region_id, programme_id, activity_id, municipality_id, organisation_id, own)
      select a.region_id, a.programme_id, a.id, p.municipality_id, p.organisation_id, true
      from programme_activities a join programmes p on p.id = a.programme_id
      where a.id = any(${pgArray(ids.slice(i, i + 5000))}::uuid[])`);
  return ids;
}

/** Stores re-read deadlines (after a period change). The reading is derived, so versions stay. */
export async function setDeadlineReadings(ex: Executor, readings: { id: string; reading: unknown }[]): Promise<void> {
  for (const { id, reading } of readings)
    await ex.update(programmeActivities).set({ deadlineReading: reading }).where(eq(programmeActivities.id, id));
}

/**
 * Writes positions 0, 1, 2 … in the given order. Only rows whose position moves are touched, and their
 * versions stay: the order is the parent's, not a field a user edited on them.
 */
export async function setPositions(
  ex: Executor,
  table: typeof programmeSections | typeof programmeActivities,
  ordered: { id: string; position: number }[],
): Promise<void> {
  const moved = ordered.flatMap((x, i) => (x.position === i ? [] : [{ id: x.id, position: i }]));
  if (moved.length === 0) return;
  const cases = sql.join(
    moved.map((x) => sql`when ${x.id}::uuid then ${x.position}::int`),
    sql` `,
  );
  await ex
    .update(table)
    .set({ position: sql`case ${table.id} ${cases} end` })
    .where(
      inArray(
        table.id,
        moved.map((x) => x.id),
      ),
    );
}
