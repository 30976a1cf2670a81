// The database engines every storage-touching suite runs on: PGlite always, PostgreSQL when
// OPORA_TEST_DATABASE_URL points at a server (`.ci/run` gives it the machine's local PostgreSQL).
// Each test database is new and empty: a fresh in-memory PGlite, or a fresh PostgreSQL database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../storage/database.ts';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** Creates a new, migrated, empty database; `drop` removes it. */
  create(): Promise<Database & { drop(): Promise<void>; url?: string }>;
}

const pgUrl = process.env.OPORA_TEST_DATABASE_URL ?? '';

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export const pgliteEngine: Engine = {
  name: 'pglite',
  async create() {
    const d = await openDatabase({ kind: 'pglite', dataDir: null });
    await d.migrate();
    return { ...d, drop: () => d.close() };
  },
};

export const postgresEngine: Engine = {
  name: 'postgres',
  async create() {
    const name = `opora_test_${randomBytes(6).toString('hex')}`;
    await admin((c) => c.query(`create database ${name}`));
    const url = new URL(pgUrl);
    url.pathname = `/${name}`;
    const d = await openDatabase({ kind: 'postgres', url: url.toString() });
    await d.migrate();
    return {
      ...d,
      url: url.toString(),
      drop: async () => {
        await d.close();
        await admin((c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  },
};

export const engines: Engine[] = pgUrl ? [pgliteEngine, postgresEngine] : [pgliteEngine];
export const postgresConfigured = Boolean(pgUrl);
