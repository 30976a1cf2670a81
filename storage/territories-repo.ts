import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Municipality, Region } from '../contract/api.ts';
import type { Scope } from '../domain/roles.ts';
import type { Executor } from './database.ts';
import { organisationScope } from './organisations-repo.ts';
import { municipalities, organisations, regions } from './schema.ts';

const regionColumns = {
  id: regions.id,
  code: regions.code,
  name: regions.name,
  shortName: regions.shortName,
  timezone: regions.timezone,
  isDemo: regions.isDemo,
  version: regions.version,
};
const municipalityColumns = {
  id: municipalities.id,
  regionId: municipalities.regionId,
  code: municipalities.code,
  name: municipalities.name,
  version: municipalities.version,
};

export async function listRegions(ex: Executor, ids?: string[]): Promise<Region[]> {
  return ex
    .select(regionColumns)
    .from(regions)
    .where(ids ? inArray(regions.id, ids) : undefined)
    .orderBy(asc(regions.name));
}

export async function getRegion(ex: Executor, id: string): Promise<Region | null> {
  const [r] = await ex.select(regionColumns).from(regions).where(eq(regions.id, id));
  return r ?? null;
}

export async function findRegionByCode(ex: Executor, code: string) {
  const [r] = await ex.select(regionColumns).from(regions).where(eq(regions.code, code));
  return r ?? null;
}

export async function insertRegion(ex: Executor, v: typeof regions.$inferInsert): Promise<string> {
  const [r] = await ex.insert(regions).values(v).returning({ id: regions.id });
  return r!.id;
}

export async function listMunicipalities(ex: Executor, regionIds: string[] | null): Promise<Municipality[]> {
  return ex
    .select(municipalityColumns)
    .from(municipalities)
    .where(regionIds ? inArray(municipalities.regionId, regionIds) : undefined)
    .orderBy(asc(municipalities.name));
}

export async function getMunicipality(ex: Executor, id: string): Promise<Municipality | null> {
  const [m] = await ex.select(municipalityColumns).from(municipalities).where(eq(municipalities.id, id));
  return m ?? null;
}

export async function findMunicipality(ex: Executor, regionId: string, code: string) {
  const [m] = await ex
    .select(municipalityColumns)
    .from(municipalities)
    .where(and(eq(municipalities.regionId, regionId), eq(municipalities.code, code)));
  return m ?? null;
}

/** Municipalities with this code in any region (codes are unique only within a region). */
export async function findMunicipalitiesWithCode(ex: Executor, code: string): Promise<Municipality[]> {
  return ex.select(municipalityColumns).from(municipalities).where(eq(municipalities.code, code));
}

export async function insertMunicipality(ex: Executor, v: typeof municipalities.$inferInsert): Promise<string> {
  const [m] = await ex.insert(municipalities).values(v).returning({ id: municipalities.id });
  return m!.id;
}

/** Schools and other organisations the scope can see, per region and municipality (null = regional level). */
export async function countOrganisations(ex: Executor, scope: Scope) {
  return ex
    .select({
      regionId: organisations.regionId,
      municipalityId: organisations.municipalityId,
      schools: sql<number>`count(*) filter (where ${organisations.kind} = 'school')::int`,
      others: sql<number>`count(*) filter (where ${organisations.kind} <> 'school')::int`,
    })
    .from(organisations)
    .where(organisationScope(scope))
    .groupBy(organisations.regionId, organisations.municipalityId);
}
