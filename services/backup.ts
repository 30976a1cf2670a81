// Logical backup and restore: every table as JSON rows in a gzip file. Engine-neutral by design, so a
// backup taken on PGlite restores onto PostgreSQL and back. Restore replaces all data in one transaction.
import { gunzipSync, gzipSync } from 'node:zlib';
import { getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { DomainError } from '../domain/errors.ts';
import { recordAudit } from '../storage/audit-repo.ts';
import { type Db, queryRows } from '../storage/database.ts';
import { auditLog, loginFailures, schema, sessions } from '../storage/schema.ts';

/** Sessions and login failures are transient and not kept. */
const transient = new Set<string>([getTableName(sessions), getTableName(loginFailures)]);

/**
 * Every table of the schema but the transient ones, parents before children (by their foreign keys; a
 * table's references to itself are checked at the end of each insert statement). A new table is backed up
 * without anyone having to remember it.
 */
export const backupTables: PgTable[] = (() => {
  const all = (Object.values(schema) as PgTable[]).filter((t) => !transient.has(getTableName(t)));
  const parents = new Map(
    all.map((t) => [
      t,
      getTableConfig(t)
        .foreignKeys.map((fk) => fk.reference().foreignTable)
        .filter((p) => p !== t && !transient.has(getTableName(p))),
    ]),
  );
  const ordered: PgTable[] = [];
  const visiting = new Set<PgTable>();
  const visit = (t: PgTable) => {
    if (ordered.includes(t)) return;
    if (visiting.has(t)) throw new Error(`backup: a cycle of foreign keys through ${getTableName(t)}`);
    visiting.add(t);
    for (const p of parents.get(t) ?? []) visit(p);
    visiting.delete(t);
    ordered.push(t);
  };
  for (const t of all) visit(t);
  return ordered;
})();
const tables = backupTables;
/** Paging needs a stable order: each table's primary key, one column or several. */
function primaryKeyOf(table: PgTable): string[] {
  const config = getTableConfig(table);
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  return single.length > 0 ? single : (config.primaryKeys[0]?.columns.map((c) => c.name) ?? []);
}
const serialTables = new Set<string>([getTableName(auditLog)]);
const FORMAT = 'opora-backup';
const FORMAT_VERSION = 1;
const CHUNK = 1000;

interface Header {
  format: string;
  formatVersion: number;
  createdAt: string;
  engine: string;
  migrations: number;
}

async function migrationCount(db: Db): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return Number(rows[0]?.n ?? 0);
}

export async function createBackup(
  db: Db,
  engine: string,
  now = new Date(),
): Promise<{ bytes: Uint8Array; rows: Record<string, number> }> {
  const header: Header = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    createdAt: now.toISOString(),
    engine,
    migrations: await migrationCount(db),
  };
  const lines = [JSON.stringify(header)];
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    // One snapshot for all tables: a backup never mixes two moments.
    await tx.execute(sql`set transaction isolation level repeatable read`);
    for (const t of tables) {
      const name = getTableName(t);
      counts[name] = 0;
      for (let offset = 0; ; offset += CHUNK) {
        const rows = await queryRows<{ r: unknown }>(
          tx,
          sql`select row_to_json(t) as r from ${sql.identifier(name)} t order by ${sql.join(
            primaryKeyOf(t).map((c) => sql.identifier(c)),
            sql`, `,
          )} limit ${CHUNK} offset ${offset}`,
        );
        if (rows.length === 0) break;
        lines.push(JSON.stringify({ table: name, rows: rows.map((x) => x.r) }));
        counts[name] = (counts[name] ?? 0) + rows.length;
        if (rows.length < CHUNK) break;
      }
    }
  });
  return { bytes: gzipSync(`${lines.join('\n')}\n`), rows: counts };
}

function parse(bytes: Uint8Array): { header: Header; chunks: { table: string; rows: unknown[] }[] } {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch {
    throw new DomainError(
      'backup.invalid',
      'Файл не является резервной копией Опоры (ожидается сжатый файл .json.gz).',
    );
  }
  const lines = text.split('\n').filter((l) => l.length > 0);
  try {
    const header = JSON.parse(lines[0] ?? '') as Header;
    if (header.format !== FORMAT || header.formatVersion !== FORMAT_VERSION) throw new Error('format');
    const known = new Set<string>(tables.map(getTableName));
    const chunks = lines.slice(1).map((l) => JSON.parse(l) as { table: string; rows: unknown[] });
    for (const c of chunks) if (!known.has(c.table) || !Array.isArray(c.rows)) throw new Error('table');
    return { header, chunks };
  } catch {
    throw new DomainError('backup.invalid', 'Резервная копия повреждена или создана несовместимой версией Опоры.');
  }
}

export async function restoreBackup(db: Db, bytes: Uint8Array, actorLogin = 'system'): Promise<Record<string, number>> {
  const { header, chunks } = parse(bytes);
  const have = await migrationCount(db);
  if (header.migrations !== have)
    throw new DomainError(
      'backup.invalid',
      `Резервная копия создана при схеме базы версии ${header.migrations}, а текущая база имеет версию ${have}. Восстановите копию той же версией Опоры.`,
    );
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    const names = tables.map(getTableName);
    await tx.execute(
      sql.raw(`truncate ${[...names, 'sessions', 'login_failures'].map((n) => `"${n}"`).join(', ')} cascade`),
    );
    for (const name of names) {
      counts[name] = 0;
      for (const c of chunks.filter((x) => x.table === name)) {
        await tx.execute(
          sql`insert into ${sql.identifier(name)} select * from json_populate_recordset(null::${sql.identifier(name)}, ${JSON.stringify(c.rows)}::json)`,
        );
        counts[name] = (counts[name] ?? 0) + c.rows.length;
      }
      if (serialTables.has(name))
        await tx.execute(
          sql`select setval(pg_get_serial_sequence(${name}, 'id'), coalesce((select max(id) from ${sql.identifier(name)}), 0) + 1, false)`,
        );
    }
    await recordAudit(tx, {
      regionId: null,
      actorId: null,
      actorLogin,
      action: 'restore',
      entity: 'database',
      entityId: null,
      summary: `Данные восстановлены из резервной копии от ${header.createdAt} (${header.engine})`,
    });
  });
  return counts;
}
