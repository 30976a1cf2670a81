import { and, asc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Person } from '../contract/api.ts';
import type { StaffCategory } from '../domain/network/staff.ts';
import type { KnownEntities } from '../domain/programme/link-responsible.ts';
import type { Scope } from '../domain/roles.ts';
import { escapeLike } from './audit-repo.ts';
import type { Executor } from './database.ts';
import { organisationNames } from './organisations-repo.ts';
import { organisations, people } from './schema.ts';
import { scopeCondition } from './scope-filter.ts';

const columns = {
  id: people.id,
  regionId: people.regionId,
  municipalityId: people.municipalityId,
  organisationId: people.organisationId,
  organisationName: organisations.shortName,
  fullName: people.fullName,
  position: people.position,
  email: people.email,
  phone: people.phone,
  category: sql<StaffCategory>`${people.category}`,
  subjects: people.subjects,
  version: people.version,
};

export interface PersonFilter {
  regionId?: string;
  municipalityId?: string;
  organisationId?: string;
  category?: StaffCategory;
  q?: string;
}

export async function listPeople(
  ex: Executor,
  scope: Scope,
  f: PersonFilter,
  limit: number,
  offset: number,
): Promise<{ items: Person[]; total: number }> {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  const where: SQL | undefined = and(
    scopeCondition(scope, {
      region: people.regionId,
      municipality: people.municipalityId,
      organisation: people.organisationId,
    }),
    f.regionId ? eq(people.regionId, f.regionId) : undefined,
    f.municipalityId ? eq(people.municipalityId, f.municipalityId) : undefined,
    f.organisationId ? eq(people.organisationId, f.organisationId) : undefined,
    f.category ? eq(people.category, f.category) : undefined,
    q ? or(ilike(people.fullName, q), ilike(people.position, q)) : undefined,
  );
  const [items, [count]] = await Promise.all([
    ex
      .select(columns)
      .from(people)
      .leftJoin(organisations, eq(organisations.id, people.organisationId))
      .where(where)
      .orderBy(asc(people.fullName), asc(people.id))
      .limit(limit)
      .offset(offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(people).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export async function getPerson(ex: Executor, id: string): Promise<Person | null> {
  const [row] = await ex
    .select(columns)
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(eq(people.id, id));
  return row ?? null;
}

export async function insertPerson(ex: Executor, v: typeof people.$inferInsert): Promise<string> {
  const [row] = await ex.insert(people).values(v).returning({ id: people.id });
  return row!.id;
}

/** Every person of a region with the full name and organisation (for linking). */
export async function peopleNames(ex: Executor, regionId: string) {
  return ex
    .select({ id: people.id, fullName: people.fullName, organisationId: people.organisationId })
    .from(people)
    .where(eq(people.regionId, regionId));
}

/** The organisations and people of a region, for linking the names a text gives (responsible, schedules). */
export async function knownEntitiesIn(ex: Executor, regionId: string): Promise<KnownEntities> {
  const [organisations, people] = await Promise.all([organisationNames(ex, regionId), peopleNames(ex, regionId)]);
  return { organisations, people };
}
