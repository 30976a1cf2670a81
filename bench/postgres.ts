// PostgreSQL for the benchmarks: a fresh database on the server at OPORA_BENCH_DATABASE_URL (default: the local
// server, trust authentication), dropped afterwards. Null when no server answers: the PostgreSQL rows are then
// left out of the table.
import pg from 'pg';

const adminUrl = process.env.OPORA_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function withPostgresDatabase<T>(work: (url: string) => Promise<T>): Promise<T | null> {
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `opora_bench_${process.pid}_${Math.floor(performance.now())}`;
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
