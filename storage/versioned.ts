// Optimistic concurrency for every editable table: a write names the version it was based on and touches
// the row only when that version is still current. The caller turns `false` into a 409 conflict.
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Executor } from './database.ts';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

export async function updateVersioned<T extends VersionedTable>(
  ex: Executor,
  table: T,
  id: string,
  expectedVersion: number,
  values: PgUpdateSetSource<T>,
): Promise<boolean> {
  const set = { ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as PgUpdateSetSource<T>;
  const rows = await ex
    .update(table)
    .set(set)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning({ id: table.id });
  return rows.length === 1;
}

export async function deleteVersioned(
  ex: Executor,
  table: VersionedTable,
  id: string,
  expectedVersion: number,
): Promise<boolean> {
  const rows = await ex
    .delete(table)
    .where(and(eq(table.id, id), eq(table.version, expectedVersion)))
    .returning({ id: table.id });
  return rows.length === 1;
}
