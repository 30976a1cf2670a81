// Turns an actor's scope into a SQL condition, so lists are filtered in the database, never in memory.
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../domain/roles.ts';

export interface ScopedColumns {
  region: PgColumn;
  municipality?: PgColumn;
  organisation?: PgColumn;
}

/** A condition true exactly for rows inside the scope. Columns a table lacks deny the narrower scopes. */
export function scopeCondition(scope: Scope, cols: ScopedColumns): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'none':
      return sql`false`;
    case 'region':
      return eq(cols.region, scope.regionId);
    case 'municipality':
      return cols.municipality
        ? and(eq(cols.region, scope.regionId), eq(cols.municipality, scope.municipalityId))
        : sql`false`;
    case 'organisation':
      return cols.organisation
        ? and(eq(cols.region, scope.regionId), eq(cols.organisation, scope.organisationId))
        : sql`false`;
    case 'organisations':
      return cols.organisation
        ? and(eq(cols.region, scope.regionId), inArray(cols.organisation, [...scope.organisationIds]))
        : sql`false`;
  }
}
