// Bulk writing with COPY on the connection of an Executor, for both engines: PostgreSQL streams the rows through
// `COPY … FROM STDIN` (pg-copy-streams), PGlite reads them from a blob (`COPY … FROM '/dev/blob'`). Inside a
// transaction the rows go through the transaction's own connection, so they commit or roll back with it.
// COPY skips parsing and planning a statement per batch of rows: at national scale it writes results several
// times faster than INSERT … SELECT FROM unnest.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Executor } from './database.ts';

/**
 * The driver's client behind an Executor. Drizzle exposes the session of a database or transaction as `_.session`;
 * the client is a private field of both drivers' sessions: the pool or the transaction's pooled connection
 * (node-postgres), PGlite or the transaction object it hands out (pglite).
 */
function clientOf(ex: Executor): unknown {
  return (ex._.session as unknown as { client: unknown }).client;
}

/** A client that takes COPY input as a blob: PGlite itself or the transaction object it hands out. */
interface BlobQueryClient {
  query(query: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/** A value for COPY's text format: backslash, tab and line breaks escaped; null as \N. */
export function copyValue(value: string | number | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : value;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Copies rows into a table. `chunks` is COPY text format (tab-separated values escaped with `copyValue`, each row
 * ending in a newline), split anywhere between rows; `columns` are the table's columns in the order of the values.
 */
export async function copyRows(
  ex: Executor,
  table: string,
  columns: readonly string[],
  chunks: readonly string[],
): Promise<void> {
  if (chunks.length === 0) return;
  const target = `${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')})`;
  const client = clientOf(ex);
  if (client instanceof pg.Pool) {
    // Outside a transaction on PostgreSQL: one connection of the pool for the copy.
    const own = await client.connect();
    try {
      await copyThrough(own, target, chunks);
    } finally {
      own.release();
    }
    return;
  }
  if (client instanceof pg.Client) return copyThrough(client, target, chunks);
  await (client as BlobQueryClient).query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([...chunks]) });
}

async function copyThrough(client: pg.Client | pg.PoolClient, target: string, chunks: readonly string[]) {
  await pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${target} from stdin`)));
}
