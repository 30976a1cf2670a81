// COPY through an Executor on every engine: values come back exactly as written, and rows copied inside a
// transaction go away with it when the transaction fails.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/engines.ts';
import { copyRows, copyValue } from './copy-rows.ts';
import { type Database, queryRows } from './database.ts';

// Texts that COPY's text format must escape, and ones it must leave alone.
const texts = [
  'таб\tуляция',
  'обратная \\ черта',
  'перевод\nстроки',
  'возврат\rкаретки',
  '\\N',
  'ё «кавычки» "и" \'так\'',
];

describe.each(engines)('COPY on $name', (engine) => {
  let d: Database & { drop(): Promise<void> };

  beforeAll(async () => {
    d = await engine.create();
    await d.db.execute(sql`create table copy_probe (n int primary key, t text, x double precision)`);
  });
  afterAll(async () => {
    await d?.drop();
  });

  it('writes every value as it was, null as null', async () => {
    const lines = texts.map((t, i) => `${i}\t${copyValue(t)}\t${copyValue(i / 3)}\n`);
    // Pieces split between rows anywhere; outside a transaction the copy takes a connection of its own.
    await copyRows(d.db, 'copy_probe', ['n', 't', 'x'], [lines.slice(0, 2).join(''), lines.slice(2).join('')]);
    await copyRows(d.db, 'copy_probe', ['n', 't', 'x'], [`99\t${copyValue(null)}\t${copyValue(null)}\n`]);
    const rows = await queryRows<{ n: number; t: string | null; x: number | null }>(
      d.db,
      sql`select n, t, x from copy_probe order by n`,
    );
    expect(rows).toEqual([...texts.map((t, i) => ({ n: i, t, x: i / 3 })), { n: 99, t: null, x: null }]);
  });

  it('copies on the transaction’s connection: a failure leaves nothing', async () => {
    const failing = d.db.transaction(async (tx) => {
      await tx.execute(sql`insert into copy_probe (n, t) values (100, 'до копирования')`);
      await copyRows(tx, 'copy_probe', ['n', 't'], ['101\tпервая\n', '101\tповтор ключа\n']);
    });
    await expect(failing).rejects.toThrow(/duplicate key|повторяющееся значение/);
    const rows = await queryRows<{ n: number }>(d.db, sql`select n from copy_probe where n >= 100`);
    expect(rows).toEqual([]);
    // The connection is usable again after the failed copy.
    await d.db.transaction(async (tx) => {
      await copyRows(tx, 'copy_probe', ['n', 't'], ['102\tпосле ошибки\n']);
    });
    const after = await queryRows<{ t: string }>(d.db, sql`select t from copy_probe where n >= 100`);
    expect(after).toEqual([{ t: 'после ошибки' }]);
  });
});
