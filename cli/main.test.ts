import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoRegionIfEmpty } from '../services/demo.ts';
import { openDatabase } from '../storage/database.ts';
import { postgresConfigured, postgresEngine } from '../test/engines.ts';
import { seedFile, seedsDir, seedsPresent } from '../test/seeds/seed-files.ts';
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
      ['import-programme'],
      ['read-deadline'],
      ['export-programme'],
      ['identify'],
      ['import-results'],
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

  let programmeId = '';

  it.runIf(seedsPresent)('reads a programme as a dry run, with a JSON summary of integers', async () => {
    const file = path.join(seedsDir, seedFile('000').name);
    const t = io(env);
    expect(await run(['import-programme', file, '--json'], t.io)).toBe(0);
    const out = JSON.parse(t.text());
    expect(out.summary).toEqual({
      activities: 21,
      sections: 0,
      indicators: 2,
      consultations: 44,
      tutorPairs: 0,
      workingGroup: 6,
      warnings: 2,
    });
    expect(Object.values(out.summary).every(Number.isInteger)).toBe(true);
    expect(out.warnings.map((w: { code: string }) => w.code)).toEqual([
      'act.number_mismatch',
      'deadline.outside_period',
    ]);
    expect(out.draft.act.number).toBe('3872');
    expect(out.id).toBeUndefined();
    const text = io(env);
    expect(await run(['import-programme', file], text.io)).toBe(0);
    expect(text.text()).toContain('ничего не сохранено');
  });

  it.runIf(seedsPresent)('saves a programme under a territory found by code, and prints its id', async () => {
    const file = path.join(seedsDir, seedFile('000').name);
    const noTerritory = io(env);
    expect(await run(['import-programme', file, '--commit'], noTerritory.io)).toBe(2);
    const unknown = io(env);
    expect(await run(['import-programme', file, '--commit', '--territory', 'НЕТ-ТАКОГО'], unknown.io)).toBe(4);
    const t = io(env);
    expect(await run(['import-programme', file, '--json', '--commit', '--territory', 'ДЕМО'], t.io)).toBe(0);
    const out = JSON.parse(t.text());
    expect(out.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.summary.activities).toBe(21);
    programmeId = out.id;
    // A municipality code files the programme under that municipality.
    const m = io(env);
    const seed002 = path.join(seedsDir, seedFile('002').name);
    expect(await run(['import-programme', seed002, '--commit', '--territory', 'ДМ-01'], m.io)).toBe(0);
    expect(m.text()).toMatch(/Идентификатор программы: [0-9a-f-]{36}/);
    // A school programme cannot be filed under a municipality.
    const wrong = io(env);
    expect(
      await run(['import-programme', seed002, '--commit', '--territory', 'ДМ-01', '--level', 'school'], wrong.io),
    ).toBe(2);
  });

  it('reads a deadline wording into windows as JSON', async () => {
    const t = io(env);
    expect(await run(['read-deadline', 'Февраль 2022 года', '--period', '2022-01-01..2022-12-31'], t.io)).toBe(0);
    expect(JSON.parse(t.text())).toEqual({
      text: 'Февраль 2022 года',
      kind: 'range',
      windows: [{ start: '2022-02-01', end: '2022-02-28' }],
      warnings: [],
    });
    const before = io(env);
    expect(await run(['read-deadline', 'до 25.08.2022', '--period', '2022-01-01..2022-12-31'], before.io)).toBe(0);
    expect(JSON.parse(before.text()).windows).toEqual([{ start: null, end: '2022-08-25' }]);
    const bad = io(env);
    expect(await run(['read-deadline', 'Февраль', '--period', '2022-12-31..2022-01-01'], bad.io)).toBe(2);
  });

  it.runIf(seedsPresent)('exports a saved programme to DOCX and XLSX files', async () => {
    for (const format of ['docx', 'xlsx']) {
      const out = path.join(dir, `programme.${format}`);
      const t = io(env);
      expect(await run(['export-programme', programmeId, '--format', format, '--out', out], t.io)).toBe(0);
      expect(t.text()).toContain(out);
      const bytes = readFileSync(out);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    }
    const missing = io(env);
    expect(
      await run(
        ['export-programme', '00000000-0000-4000-8000-000000000000', '--out', path.join(dir, 'x.docx')],
        missing.io,
      ),
    ).toBe(4);
    const notId = io(env);
    expect(await run(['export-programme', 'abc', '--out', path.join(dir, 'x.docx')], notId.io)).toBe(2);
  });

  it.runIf(postgresConfigured)(
    'backs up PGlite, restores onto PostgreSQL, and back onto a new PGlite',
    async () => {
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
      // Three engines opened one after another: slow when the whole suite runs on two busy cores.
    },
    120_000,
  );

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
