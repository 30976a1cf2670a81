// Opens the database Опора runs on: PGlite in a data folder by default, PostgreSQL when a URL is given.
// Both are driven through the same Drizzle API, so every repository and service runs unchanged on either.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { schema } from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Human description for logs: the folder or the host/database, never the password. */
  where: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** Tells `observer` of every statement run through `db` from now on; null stops it. Tests count queries. */
  observeQueries(observer: QueryObserver | null): void;
}

/** Told each SQL statement as Drizzle sends it, with its parameters (transaction control included on node-postgres). */
export type QueryObserver = (query: string, params: unknown[]) => void;

/**
 * A Drizzle logger forwarding to the current observer, if any. Drizzle calls its logger (a no-op by default)
 * for every statement anyway, so with no observer this costs one call and a null check per statement.
 */
function queryObservation() {
  let observer: QueryObserver | null = null;
  return {
    logger: { logQuery: (query: string, params: unknown[]) => observer?.(query, params) },
    observeQueries: (next: QueryObserver | null) => {
      observer = next;
    },
  };
}

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
    await client.waitReady;
    const observation = queryObservation();
    const db = drizzlePglite(client, { schema, logger: observation.logger }) as unknown as Db;
    return {
      db,
      engine: 'pglite',
      where: target.dataDir ? `PGlite, папка ${target.dataDir}` : 'PGlite в памяти',
      migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
      close: () => client.close(),
      observeQueries: observation.observeQueries,
    };
  }
  // JIT compilation pays off for long analytic scans, not for Опора's short statements: with it, a 20 ms
  // dashboard query whose cost estimate crosses jit_above_cost spent 240 ms compiling (bench/plans/).
  const pool = new pg.Pool({ connectionString: target.url, max: 10, options: '-c jit=off' });
  // An idle connection the server drops (a restart, a failover, an administrator's terminate) is discarded by
  // the pool and the next query opens a new one; without a listener that event would crash the process.
  // Errors of queries in flight still reach their callers.
  pool.on('error', () => {});
  // Fail fast with a clear message when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const observation = queryObservation();
  const db = drizzlePg(pool, { schema, logger: observation.logger }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    where: `PostgreSQL ${describeUrl(target.url)}`,
    migrate: () => migratePg(drizzlePg(pool, { schema }), { migrationsFolder }),
    close: () => pool.end(),
    observeQueries: observation.observeQueries,
  };
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(адрес не разобран)';
  }
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const res = (await ex.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

/**
 * A PostgreSQL array literal. Both drivers take it as text and the cast in the statement types it; building
 * it here keeps the two engines on one path (their own array serialisers differ).
 */
export function pgArray(values: readonly (string | number)[]): string {
  const items = values.map((v) =>
    typeof v === 'number' ? String(v) : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
  );
  return `{${items.join(',')}}`;
}
