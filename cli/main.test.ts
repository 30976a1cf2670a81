import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoRegionIfEmpty } from '../services/demo.ts';
import { openDatabase } from '../storage/database.ts';
import { postgresConfigured, postgresEngine } from '../test/engines.ts';
import { type Io, run } from './main.ts';

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env };
  return { io: value, out, err, text: () => out.join('\n'), errors: () => err.join('\n') };
}

describe('opora CLI', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opora-cli-'));
    env = { OPORA_DATA_DIR: dir };
    const d = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    await d.migrate();
    await createDemoRegionIfEmpty(d.db);
    await d.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has --help for every command, in Russian', async () => {
    for (const cmd of [
      [],
      ['serve'],
      ['migrate'],
      ['user', 'create'],
      ['user', 'reset'],
      ['import-organisations'],
      ['backup'],
      ['restore'],
    ]) {
      const t = io(env);
      expect(await run([...cmd, '--help'], t.io)).toBe(0);
      expect(t.text()).toMatch(/Usage|Использование|справка/);
    }
  });

  it('lists every bad environment variable at once and exits 78', async () => {
    const t = io({ PORT: 'abc', OPORA_DEMO: 'maybe', DATABASE_URL: 'mysql://x' });
    expect(await run(['migrate'], t.io)).toBe(78);
    expect(t.errors()).toContain('PORT');
    expect(t.errors()).toContain('OPORA_DEMO');
    expect(t.errors()).toContain('DATABASE_URL');
  });

  it('migrates and answers in JSON', async () => {
    const t = io(env);
    expect(await run(['migrate', '--json'], t.io)).toBe(0);
    expect(JSON.parse(t.text())).toMatchObject({ ok: true });
  });

  it('creates a user with a password, refuses a duplicate with exit code 5', async () => {
    const t = io(env);
    const args = [
      'user',
      'create',
      '--login',
      'ivanova',
      '--name',
      'Иванова И. И.',
      '--role',
      'regional_coordinator',
      '--region',
      'ДЕМО',
      '--password',
      'long-enough-1',
      '--json',
    ];
    expect(await run(args, t.io)).toBe(0);
    expect(JSON.parse(t.text()).user).toMatchObject({
      login: 'ivanova',
      role: 'regional_coordinator',
      status: 'active',
    });
    const again = io(env);
    expect(await run(args, again.io)).toBe(5);
  });

  it('creates an invitation when no password is given, and resets by link or by password', async () => {
    const t = io(env);
    expect(
      await run(
        [
          'user',
          'create',
          '--login',
          'director1',
          '--name',
          'Директор',
          '--role',
          'school',
          '--region',
          'ДЕМО',
          '--organisation',
          'ДМ-01-001',
        ],
        t.io,
      ),
    ).toBe(0);
    expect(t.text()).toContain('/welcome?token=');
    const link = io(env);
    expect(await run(['user', 'reset', 'director1', '--json'], link.io)).toBe(0);
    expect(JSON.parse(link.text()).path).toMatch(/token=/);
    const set = io(env);
    expect(await run(['user', 'reset', 'director1', '--password', 'another-long-1'], set.io)).toBe(0);
    const missing = io(env);
    expect(await run(['user', 'reset', 'nobody', '--password', 'another-long-1'], missing.io)).toBe(4);
    const badRole = io(env);
    expect(await run(['user', 'create', '--login', 'x1', '--name', 'X', '--role', 'king'], badRole.io)).toBe(2);
  });

  it('imports organisations: dry run by default, --commit saves, a bad row exits 6 with its place', async () => {
    const file = path.join(dir, 'orgs.csv');
    writeFileSync(
      file,
      'code,name,short_name,type,municipality,region,urban\nCLI-1,Школа CLI,Школа CLI,СОШ,ДМ-02,ДЕМО,0\n',
    );
    const dry = io(env);
    expect(await run(['import-organisations', file, '--json'], dry.io)).toBe(0);
    expect(JSON.parse(dry.text())).toMatchObject({ committed: false, created: 1 });
    const commit = io(env);
    expect(await run(['import-organisations', file, '--commit'], commit.io)).toBe(0);
    expect(commit.text()).toContain('Загружено');
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'code,name,short_name,type,municipality,region,urban\nCLI-2,Школа,Школа,СОШ,Нет такого,ДЕМО,1\n',
    );
    const failed = io(env);
    expect(await run(['import-organisations', bad, '--commit'], failed.io)).toBe(6);
    expect(failed.errors()).toContain('строка 2, столбец municipality');
    const missing = io(env);
    expect(await run(['import-organisations', path.join(dir, 'nope.csv')], missing.io)).toBe(4);
  });

  it.runIf(postgresConfigured)('backs up PGlite, restores onto PostgreSQL, and back onto a new PGlite', async () => {
    const file = path.join(dir, 'backup.json.gz');
    const b = io(env);
    expect(await run(['backup', file, '--json'], b.io)).toBe(0);
    const rows = JSON.parse(b.text()).rows;
    expect(rows.organisations).toBeGreaterThanOrEqual(41);
    const pg = await postgresEngine.create();
    try {
      const pgEnv = { DATABASE_URL: pg.url! };
      const r = io(pgEnv);
      expect(await run(['restore', file, '--json'], r.io)).toBe(0);
      expect(JSON.parse(r.text()).rows).toEqual(rows);
      const back = path.join(dir, 'from-pg.json.gz');
      expect(await run(['backup', back], io(pgEnv).io)).toBe(0);
      const fresh = mkdtempSync(path.join(tmpdir(), 'opora-cli-fresh-'));
      try {
        const freshEnv = { OPORA_DATA_DIR: fresh };
        const restored = io(freshEnv);
        expect(await run(['restore', back, '--json'], restored.io)).toBe(0);
        expect(JSON.parse(restored.text()).rows.organisations).toBe(rows.organisations);
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    } finally {
      await pg.drop();
    }
  });

  it('refuses a file that is not a backup with exit code 7', async () => {
    const file = path.join(dir, 'not-a-backup.json.gz');
    writeFileSync(file, 'hello');
    const t = io(env);
    expect(await run(['restore', file], t.io)).toBe(7);
    expect(t.errors()).toContain('резервной копией');
  });

  it('runs as the `opora` executable', () => {
    const out = execFileSync(process.execPath, [path.resolve(import.meta.dirname, '..', 'bin', 'opora.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(out).toContain('import-organisations');
  });
});
