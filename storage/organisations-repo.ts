import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Organisation } from '../contract/api.ts';
import type { Scope } from '../domain/roles.ts';
import { escapeLike } from './audit-repo.ts';
import type { Executor } from './database.ts';
import { municipalities, organisations } from './schema.ts';
import { scopeCondition } from './scope-filter.ts';

const columns = {
  id: organisations.id,
  regionId: organisations.regionId,
  municipalityId: organisations.municipalityId,
  municipalityName: municipalities.name,
  kind: organisations.kind,
  type: organisations.type,
  code: organisations.code,
  name: organisations.name,
  shortName: organisations.shortName,
  urban: organisations.urban,
  address: organisations.address,
  version: organisations.version,
  updatedAt: organisations.updatedAt,
};

function present(r: Omit<Organisation, 'kind' | 'updatedAt'> & { kind: string; updatedAt: Date }): Organisation {
  return { ...r, kind: r.kind as Organisation['kind'], updatedAt: r.updatedAt.toISOString() };
}

export const organisationScope = (scope: Scope) =>
  scopeCondition(scope, {
    region: organisations.regionId,
    municipality: organisations.municipalityId,
    organisation: organisations.id,
  });

export interface OrganisationFilter {
  regionId?: string;
  municipalityId?: string;
  kind?: 'school' | 'support';
  q?: string;
}

export async function listOrganisations(
  ex: Executor,
  scope: Scope,
  f: OrganisationFilter,
  limit: number,
  offset: number,
): Promise<{ items: Organisation[]; total: number }> {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  const where: SQL | undefined = and(
    organisationScope(scope),
    f.regionId ? eq(organisations.regionId, f.regionId) : undefined,
    f.municipalityId ? eq(organisations.municipalityId, f.municipalityId) : undefined,
    f.kind ? eq(organisations.kind, f.kind) : undefined,
    q ? or(ilike(organisations.name, q), ilike(organisations.shortName, q), ilike(organisations.code, q)) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    ex
      .select(columns)
      .from(organisations)
      .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
      .where(where)
      .orderBy(asc(organisations.shortName), asc(organisations.id))
      .limit(limit)
      .offset(offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(organisations).where(where),
  ]);
  return { items: rows.map(present), total: count?.n ?? 0 };
}

export async function getOrganisation(ex: Executor, id: string): Promise<Organisation | null> {
  const [row] = await ex
    .select(columns)
    .from(organisations)
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.id, id));
  return row ? present(row) : null;
}

export async function findOrganisationByCode(ex: Executor, regionId: string, code: string) {
  const [row] = await ex
    .select({ id: organisations.id, version: organisations.version })
    .from(organisations)
    .where(and(eq(organisations.regionId, regionId), eq(organisations.code, code)));
  return row ?? null;
}

/** Organisations with this code in any region (codes are unique only within a region). */
export async function findOrganisationsWithCode(ex: Executor, code: string): Promise<Organisation[]> {
  const rows = await ex
    .select(columns)
    .from(organisations)
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .where(eq(organisations.code, code));
  return rows.map(present);
}

export type OrganisationValues = Omit<typeof organisations.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export async function insertOrganisation(ex: Executor, v: OrganisationValues): Promise<string> {
  const [row] = await ex.insert(organisations).values(v).returning({ id: organisations.id });
  return row!.id;
}

/** Inserts many organisations in batches and returns their ids in the input order. */
export async function insertOrganisations(ex: Executor, values: OrganisationValues[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < values.length; i += 500) {
    const rows = await ex
      .insert(organisations)
      .values(values.slice(i, i + 500))
      .returning({ id: organisations.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

/** Existing organisations by (region, code), keyed `regionId\0code`. */
export async function organisationsByCodes(ex: Executor, keys: { regionId: string; code: string }[]) {
  const out = new Map<string, typeof organisations.$inferSelect>();
  const regionIds = [...new Set(keys.map((k) => k.regionId))];
  for (const regionId of regionIds) {
    const codes = keys.filter((k) => k.regionId === regionId).map((k) => k.code);
    for (let i = 0; i < codes.length; i += 1000) {
      const rows = await ex
        .select()
        .from(organisations)
        .where(and(eq(organisations.regionId, regionId), inArray(organisations.code, codes.slice(i, i + 1000))));
      for (const r of rows) out.set(`${r.regionId}\u0000${r.code}`, r);
    }
  }
  return out;
}

/** Every organisation of a region with the names a programme may write it by (for linking). */
export async function organisationNames(ex: Executor, regionId: string) {
  return ex
    .select({
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
      code: organisations.code,
    })
    .from(organisations)
    .where(eq(organisations.regionId, regionId));
}
