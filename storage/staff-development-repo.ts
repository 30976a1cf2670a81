// Courses, deficits and development plans of school staff, and a school's staff with their latest course.
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { PlanStep } from '../domain/network/development.ts';
import type { StaffCategory } from '../domain/network/staff.ts';
import type { Executor } from './database.ts';
import { courseCompletions, developmentPlans, people, staffDeficits, storedFiles } from './schema.ts';

const courseColumns = {
  id: courseCompletions.id,
  regionId: courseCompletions.regionId,
  personId: courseCompletions.personId,
  organisationId: courseCompletions.organisationId,
  title: courseCompletions.title,
  provider: courseCompletions.provider,
  hours: courseCompletions.hours,
  completedOn: courseCompletions.completedOn,
  certificate: courseCompletions.certificate,
  fileId: courseCompletions.fileId,
  fileName: storedFiles.name,
  fileMediaType: storedFiles.mediaType,
  fileSize: storedFiles.size,
  eventId: courseCompletions.eventId,
  version: courseCompletions.version,
};

export interface CourseRecord {
  id: string;
  regionId: string;
  personId: string;
  organisationId: string | null;
  title: string;
  provider: string;
  hours: number | null;
  completedOn: string;
  certificate: string;
  fileId: string | null;
  fileName: string | null;
  fileMediaType: string | null;
  fileSize: number | null;
  eventId: string | null;
  version: number;
}

function courseQuery(ex: Executor) {
  return ex
    .select(courseColumns)
    .from(courseCompletions)
    .leftJoin(storedFiles, eq(storedFiles.id, courseCompletions.fileId));
}

/** A person's courses, the latest first. */
export function listCourses(ex: Executor, personId: string): Promise<CourseRecord[]> {
  return courseQuery(ex)
    .where(eq(courseCompletions.personId, personId))
    .orderBy(desc(courseCompletions.completedOn), asc(courseCompletions.title), asc(courseCompletions.id));
}

export async function getCourse(ex: Executor, id: string): Promise<CourseRecord | null> {
  const [row] = await courseQuery(ex).where(eq(courseCompletions.id, id));
  return row ?? null;
}

export async function insertCourse(ex: Executor, v: typeof courseCompletions.$inferInsert): Promise<string> {
  const [row] = await ex.insert(courseCompletions).values(v).returning({ id: courseCompletions.id });
  return row!.id;
}

/** The certificate files of a person's courses (removed with the person). */
export async function personCertificateFiles(ex: Executor, personId: string): Promise<string[]> {
  const rows = await ex
    .select({ fileId: courseCompletions.fileId })
    .from(courseCompletions)
    .where(eq(courseCompletions.personId, personId));
  return rows.flatMap((r) => (r.fileId ? [r.fileId] : []));
}

// ---- deficits

const deficitColumns = {
  id: staffDeficits.id,
  regionId: staffDeficits.regionId,
  personId: staffDeficits.personId,
  organisationId: staffDeficits.organisationId,
  area: staffDeficits.area,
  description: staffDeficits.description,
  identifiedOn: staffDeficits.identifiedOn,
  source: staffDeficits.source,
  status: sql<'open' | 'addressed'>`${staffDeficits.status}`,
  version: staffDeficits.version,
};
export type DeficitRecord = {
  id: string;
  regionId: string;
  personId: string;
  organisationId: string | null;
  area: string;
  description: string;
  identifiedOn: string | null;
  source: string;
  status: 'open' | 'addressed';
  version: number;
};

/** A person's deficits: open ones first, then by the date found. */
export function listDeficits(ex: Executor, personId: string): Promise<DeficitRecord[]> {
  return ex
    .select(deficitColumns)
    .from(staffDeficits)
    .where(eq(staffDeficits.personId, personId))
    .orderBy(
      desc(sql`${staffDeficits.status} = 'open'`),
      asc(staffDeficits.identifiedOn),
      asc(staffDeficits.createdAt),
      asc(staffDeficits.id),
    );
}

export async function getDeficit(ex: Executor, id: string): Promise<DeficitRecord | null> {
  const [row] = await ex.select(deficitColumns).from(staffDeficits).where(eq(staffDeficits.id, id));
  return row ?? null;
}

export async function insertDeficit(ex: Executor, v: typeof staffDeficits.$inferInsert): Promise<string> {
  const [row] = await ex.insert(staffDeficits).values(v).returning({ id: staffDeficits.id });
  return row!.id;
}

// ---- development plans

const planColumns = {
  id: developmentPlans.id,
  regionId: developmentPlans.regionId,
  personId: developmentPlans.personId,
  organisationId: developmentPlans.organisationId,
  title: developmentPlans.title,
  periodStart: developmentPlans.periodStart,
  periodEnd: developmentPlans.periodEnd,
  items: sql<PlanStep[]>`${developmentPlans.items}`,
  version: developmentPlans.version,
};
export type PlanRecord = {
  id: string;
  regionId: string;
  personId: string;
  organisationId: string | null;
  title: string;
  periodStart: string | null;
  periodEnd: string | null;
  items: PlanStep[];
  version: number;
};

export function listPlans(ex: Executor, personId: string): Promise<PlanRecord[]> {
  return ex
    .select(planColumns)
    .from(developmentPlans)
    .where(eq(developmentPlans.personId, personId))
    .orderBy(desc(developmentPlans.periodStart), asc(developmentPlans.createdAt), asc(developmentPlans.id));
}

export async function getPlan(ex: Executor, id: string): Promise<PlanRecord | null> {
  const [row] = await ex.select(planColumns).from(developmentPlans).where(eq(developmentPlans.id, id));
  return row ?? null;
}

export async function insertPlan(ex: Executor, v: typeof developmentPlans.$inferInsert): Promise<string> {
  const [row] = await ex.insert(developmentPlans).values(v).returning({ id: developmentPlans.id });
  return row!.id;
}

// ---- a school's staff

export interface StaffRow {
  id: string;
  fullName: string;
  position: string;
  category: StaffCategory;
  subjects: string[];
  lastCourseOn: string | null;
  openDeficits: number;
  hasPlan: boolean;
}

/**
 * The people of an organisation with their latest course (up to a date), open deficits and whether they have
 * a plan. Drizzle leaves columns unqualified in a one-table query, so the correlated subqueries name the
 * outer person's id explicitly.
 */
export function organisationStaffRows(ex: Executor, organisationId: string, upTo: string): Promise<StaffRow[]> {
  const personId = sql`${people}.${sql.identifier(people.id.name)}`;
  return ex
    .select({
      id: people.id,
      fullName: people.fullName,
      position: people.position,
      category: sql<StaffCategory>`${people.category}`,
      subjects: people.subjects,
      lastCourseOn: sql<string | null>`(select max(c.completed_on)::text from ${courseCompletions} c
        where c.person_id = ${personId} and c.completed_on <= ${upTo})`,
      openDeficits: sql<number>`(select count(*)::int from ${staffDeficits} d
        where d.person_id = ${personId} and d.status = 'open')`,
      hasPlan: sql<boolean>`exists (select 1 from ${developmentPlans} p where p.person_id = ${personId})`,
    })
    .from(people)
    .where(eq(people.organisationId, organisationId))
    .orderBy(asc(people.fullName), asc(people.id));
}
