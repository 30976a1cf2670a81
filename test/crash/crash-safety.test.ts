// Crash safety (issue 10, item 4): a real `opora serve` process is killed with SIGKILL — no shutdown hook
// runs, as with a power cut or the OOM killer — while a large organisations import is in flight and during
// a burst of status reports, then restarted on the same PGlite folder (and, when OPORA_TEST_DATABASE_URL is
// set, on the same PostgreSQL database). Every write the server acknowledged with 200 must be there after
// the restart, with its audit entry; an import is either entirely there or entirely absent, never partial.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, ImportReport } from '../../contract/api.ts';
import type { ExecutionUnitDto, ProgrammeExecutionDto } from '../../contract/execution.ts';
import { SESSION_COOKIE } from '../../server/session.ts';
import { DEMO_PASSWORD } from '../../services/demo.ts';
import { queryRows } from '../../storage/database.ts';
import { type RunningServer, startRealServer } from '../e2e/browser.ts';
import { type Engine, postgresConfigured, postgresEngine } from '../engines.ts';

/** Rows of each import: several thousand, as a region's whole register of schools. */
const IMPORT_ROWS = 6000;

interface Session {
  cookie: string;
  csrf: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One server process after another on the same data folder and database, each killed or stopped in turn. */
class Lifecycle {
  server: RunningServer | null = null;
  session: Session | null = null;
  readonly starts: number[] = [];
  constructor(
    private readonly dataDir: string,
    readonly env: Record<string, string>,
  ) {}

  async start(): Promise<RunningServer> {
    const t = Date.now();
    this.server = await startRealServer(this.env, { dataDir: this.dataDir });
    this.starts.push(Date.now() - t);
    return this.server;
  }

  /** SIGKILL, then a new process on the same data: healthy, and the session signed in before still valid. */
  async killAndRestart(): Promise<void> {
    await this.server?.kill();
    await this.start();
    expect(await this.get<{ status: string }>('/api/health')).toMatchObject({ status: 'ok' });
    expect(await this.get<{ login: string }>('/api/auth/me')).toMatchObject({ login: 'region' });
  }

  async logIn(login = 'region'): Promise<Session> {
    const res = await fetch(`${this.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: DEMO_PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`Вход ${login}: ${res.status} ${await res.text()}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    this.session = { cookie: cookie!, csrf: csrfToken };
    return this.session;
  }

  get url(): string {
    return this.server!.url;
  }

  headers(): Record<string, string> {
    return { cookie: this.session!.cookie, 'x-csrf-token': this.session!.csrf };
  }

  async get<T>(url: string): Promise<T> {
    const res = await fetch(`${this.url}${url}`, { headers: this.headers() });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** Starts a request without waiting; the caller decides what a failure means. */
  post(url: string, body: FormData | object): Promise<Response> {
    const form = body instanceof FormData;
    return fetch(`${this.url}${url}`, {
      method: 'POST',
      headers: { ...this.headers(), ...(form ? {} : { 'content-type': 'application/json' }) },
      body: form ? body : JSON.stringify(body),
    });
  }
}

// ——— the import

function organisationsCsv(prefix: string, rows: number): string {
  const lines = ['code,name,short_name,type,municipality,region,urban,address'];
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(
      `${prefix}${n},"Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ${n}»",МБОУ СОШ № ${n},СОШ,Городской округ Светлогорск-на-Ладе,ДЕМО,${i % 2},"ул. Школьная, д. ${i}"`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Starts the import of a file of `IMPORT_ROWS` organisations whose codes all begin with `prefix`. */
function startImport(life: Lifecycle, prefix: string): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([organisationsCsv(prefix, IMPORT_ROWS)]), `организации-${prefix}.csv`);
  return life.post('/api/organisations/import?commit=true', form);
}

/** What the database holds of one import: organisations with the file's codes, and their audit entries. */
async function imported(life: Lifecycle, prefix: string, auditBefore: number) {
  const orgs = await life.get<{ total: number }>(`/api/organisations?q=${encodeURIComponent(prefix)}&pageSize=1`);
  const audit = await life.get<{ total: number }>('/api/audit?entity=organisation&pageSize=1');
  return { organisations: orgs.total, auditEntries: audit.total - auditBefore, auditTotal: audit.total };
}

// ——— the burst of status reports

type Status = 'planned' | 'in_progress' | 'cancelled';
interface Write {
  status: Status;
  comment: string;
  version: number;
}
interface Chain {
  id: string;
  /** The unit as the burst found it. */
  initial: Write;
  /** The last write answered with 200: it must survive. */
  acked: Write;
  /** A request sent and not answered (the kill came first): it may or may not have been committed. */
  inFlight: Write | null;
  sent: number;
}

const cycle: Status[] = ['in_progress', 'cancelled', 'planned'];

/** One unit's reports, one after another (each needs the version the previous one returned), until the kill. */
async function reportUntilKilled(
  life: Lifecycle,
  chain: Chain,
  tag: string,
  failures: string[],
  onAck: () => void,
): Promise<void> {
  for (;;) {
    const status = cycle[chain.sent % cycle.length]!;
    chain.sent++;
    const write: Write = {
      status,
      comment: `${tag} ${chain.id.slice(0, 8)} №${chain.sent}`,
      version: chain.acked.version + 1,
    };
    chain.inFlight = write;
    let res: Response;
    let dto: ExecutionUnitDto;
    try {
      res = await life.post(`/api/executions/${chain.id}/report`, {
        status,
        comment: write.comment,
        ...(status === 'cancelled' ? { cancelReason: 'Проверка устойчивости к сбоям' } : {}),
        version: chain.acked.version,
      });
      if (res.status !== 200) {
        failures.push(`${chain.id}: ${res.status} ${await res.text()}`);
        return;
      }
      dto = (await res.json()) as ExecutionUnitDto;
    } catch {
      return; // the server is gone: this write was not acknowledged
    }
    if (dto.version !== write.version || dto.status !== status || dto.comment !== write.comment)
      failures.push(`${chain.id}: ответ ${JSON.stringify(dto)} не совпадает с отправленным ${JSON.stringify(write)}`);
    chain.acked = write;
    chain.inFlight = null;
    onAck();
  }
}

async function demoUnits(life: Lifecycle): Promise<ExecutionUnitDto[]> {
  const programmes = await life.get<{ items: { id: string; status: string }[] }>('/api/programmes');
  const programme = programmes.items.find((p) => p.status === 'approved');
  expect(programme, 'утверждённая демонстрационная программа').toBeDefined();
  const execution = await life.get<ProgrammeExecutionDto>(`/api/programmes/${programme!.id}/execution`);
  return execution.activities.flatMap((a) => a.units).filter((u) => u.canReport);
}

async function auditOfUnits(life: Lifecycle): Promise<AuditEntry[]> {
  const all: AuditEntry[] = [];
  for (let page = 1; ; page++) {
    const p = await life.get<{ items: AuditEntry[]; total: number }>(
      `/api/audit?entity=activity_execution&pageSize=500&page=${page}`,
    );
    all.push(...p.items);
    if (all.length >= p.total || p.items.length === 0) return all;
  }
}

// ——— the suites

/** When a round's server is killed. */
type KillPoint = { kind: 'after-answers' } | { kind: 'share-of-import'; share: number } | { kind: 'import-writing' };

interface Variant {
  name: string;
  /** A fresh database of this engine for a server on `dataDir`: its environment, clean-up, and import watch. */
  prepare(dataDir: string): Promise<{
    env: Record<string, string>;
    drop(): Promise<void>;
    /**
     * Called just before an import is sent; resolves once the server's import transaction is writing rows that
     * are not committed yet.
     */
    watchImportWriting(): Promise<void>;
    /** Resolves while the very first start is creating the demo region, for the kill (or once `over`). */
    watchFirstStart(over: () => boolean): Promise<void>;
  }>;
  rounds: KillPoint[];
}

const rounds: KillPoint[] = [
  { kind: 'after-answers' },
  { kind: 'import-writing' },
  { kind: 'share-of-import', share: 0.6 },
];

/**
 * Polls `seen` (a failing look counts as not yet) every 10 ms for up to 60 s; returns quietly once `over` says
 * the wait no longer matters (the other side of a race won).
 */
async function pollUntil(what: string, seen: () => Promise<boolean> | boolean, over = () => false): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!over()) {
    if (Date.now() > deadline) throw new Error(`Не дождались: ${what}.`);
    const yes = await Promise.resolve()
      .then(seen)
      .catch(() => false);
    if (yes) return;
    await sleep(10);
  }
}

const pgliteVariant: Variant = {
  name: 'PGlite (та же папка данных)',
  async prepare(dataDir) {
    // PGlite runs inside the server process, so the only outside sign of a transaction writing is its write-ahead
    // log: nothing else writes while the import holds PGlite (it serialises transactions), and the log is
    // written when its buffers fill with the import's inserts, well before the commit.
    const wal = path.join(dataDir, 'pglite', 'pg_wal');
    const initialised = () => existsSync(path.join(dataDir, 'pglite', 'PG_VERSION'));
    const lastWrite = () =>
      existsSync(wal)
        ? Math.max(
            0,
            ...readdirSync(wal, { withFileTypes: true })
              .filter((f) => f.isFile())
              .map((f) => statSync(path.join(wal, f.name)).mtimeMs),
          )
        : 0;
    return {
      env: {},
      drop: async () => {},
      watchImportWriting() {
        // Several writes, not one: a lone write could be something else; the inserts write the log continually.
        let last = lastWrite();
        let writes = 0;
        return pollUntil('импорт начнёт запись в журнал PGlite', () => {
          const now = lastWrite();
          if (now !== last) writes++;
          last = now;
          return writes >= 3;
        });
      },
      async watchFirstStart(over) {
        // Once the new folder is initialised, the first write to its log: the migrations or the demo region.
        await pollUntil('PGlite создаст папку данных', initialised, over);
        const before = lastWrite();
        await pollUntil('первая запись в журнал PGlite', () => lastWrite() > before, over);
      },
    };
  },
  rounds,
};

const postgresVariant = (engine: Engine): Variant => ({
  name: 'PostgreSQL (та же база)',
  async prepare() {
    const db = await engine.create();
    return {
      env: { DATABASE_URL: db.url! },
      drop: () => db.drop(),
      watchImportWriting: () =>
        pollUntil('импорт начнёт вставлять организации', async () => {
          const [row] = await queryRows<{ n: number }>(
            db.db,
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null
                  and query like 'insert into "organisations"%'`,
          );
          return (row?.n ?? 0) > 0;
        }),
      // The demo region is made by then; its programme and network are being written.
      watchFirstStart: (over) =>
        pollUntil(
          'создание демонстрационной программы',
          async () => {
            const [row] = await queryRows<{ n: number }>(
              db.db,
              sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid()
                  and query ~ '^insert into "(programmes|programme_sections|programme_activities|activity_executions)"'`,
            );
            return (row?.n ?? 0) > 0;
          },
          over,
        ),
    };
  },
  rounds,
});

const variants: Variant[] = postgresConfigured ? [pgliteVariant, postgresVariant(postgresEngine)] : [pgliteVariant];

const describeKill = (k: KillPoint) =>
  k.kind === 'after-answers'
    ? 'right after the import and reports were answered'
    : k.kind === 'import-writing'
      ? 'while the import transaction is inserting'
      : `at ${k.share} of an import's time`;

describe.each(variants)('SIGKILL и перезапуск: $name', (variant) => {
  let dataDir: string;
  let life: Lifecycle;
  let prepared: Awaited<ReturnType<Variant['prepare']>> | null = null;
  let chains: Chain[] = [];
  /** How long one whole import took, measured in the first round. */
  let importMs = 0;
  const wholeImports: string[] = [];
  const summary: string[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'opora-crash-'));
    prepared = await variant.prepare(dataDir);
    life = new Lifecycle(dataDir, { ...prepared.env, OPORA_REMINDERS_INTERVAL_MIN: '0' });
    // The very first start is killed while it creates the demo region; the next one must have it whole.
    const first = await startRealServer(life.env, { dataDir, waitUntilReady: false });
    let over = false;
    try {
      await Promise.race([
        prepared.watchFirstStart(() => over),
        pollUntil(
          'первый запуск',
          () => first.output().includes('Пароль'),
          () => over,
        ),
      ]);
    } finally {
      over = true;
      await first.kill();
    }
    await life.start();
    await life.logIn();
    const units = await demoUnits(life);
    expect(units.length, 'демонстрационная программа целиком').toBeGreaterThanOrEqual(10);
    expect(units.filter((u) => u.comments > 0).length, 'последний шаг демонстрации: вопрос куратора').toBeGreaterThan(
      0,
    );
    summary.push(`первый запуск убит ${first.output().includes('Пароль') ? 'после' : 'до'} создания демонстрации`);
    chains = units.map((u) => {
      const w: Write = { status: u.status as Status, comment: u.comment, version: u.version };
      return { id: u.id, initial: w, acked: w, inFlight: null, sent: 0 };
    });
  }, 120_000);

  afterAll(async () => {
    await life?.server?.kill();
    await prepared?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    console.info(`[${variant.name}] ${summary.join('; ')}; запуски, мс: ${life?.starts.join(', ')}`);
  }, 60_000);

  it.each(variant.rounds.map((k, i) => ({ k, i, when: describeKill(k) })))(
    'an import and a burst of status reports, killed $when: acknowledged writes survive, the import is whole or absent',
    async ({ k, i }) => {
      const prefix = `CRASH${i}-`;
      const tag = `сбой${i}`;
      const auditBefore = (await imported(life, prefix, 0)).auditTotal;
      const startedFrom = new Map(chains.map((c) => [c.id, c.acked.version]));
      const failures: string[] = [];
      let acks = 0;
      let enough: () => void = () => {};
      const reached = new Promise<void>((r) => {
        enough = r;
      });
      const burst = () =>
        Promise.all(
          chains.map((c) =>
            reportUntilKilled(life, c, tag, failures, () => {
              if (++acks >= 2 * chains.length) enough();
            }),
          ),
        );

      let importStatus = 0;
      let killedAfterMs = 0;
      let reports: Promise<unknown>;
      if (k.kind === 'after-answers') {
        // An import answered with 200, then a burst of reports; SIGKILL once enough of them were answered.
        const t = Date.now();
        const res = await startImport(life, prefix);
        importMs = Date.now() - t;
        importStatus = res.status;
        expect(importStatus).toBe(200);
        expect(await res.json()).toMatchObject({
          committed: true,
          created: IMPORT_ROWS,
        } satisfies Partial<ImportReport>);
        reports = burst();
        await Promise.race([reached, reports, sleep(30_000)]);
      } else {
        // SIGKILL part-way through the import: with a burst of reports started alongside it, after a share of
        // the time a whole import takes; or as soon as its transaction is seen writing, with reports sent then.
        const writing = k.kind === 'import-writing' ? prepared!.watchImportWriting() : null;
        const sent = Date.now();
        const request = startImport(life, prefix).then(
          (r) => {
            importStatus = r.status;
          },
          () => {},
        );
        if (k.kind === 'share-of-import') {
          reports = burst();
          await sleep(Math.round(importMs * k.share));
        } else {
          await writing;
          reports = burst();
          await sleep(30);
        }
        await life.server!.kill();
        killedAfterMs = Date.now() - sent;
        await request;
      }
      await life.server!.kill();
      await reports;
      expect(failures).toEqual([]);
      const answered = chains.reduce((n, c) => n + c.acked.version - startedFrom.get(c.id)!, 0);
      const unanswered = chains.filter((c) => c.inFlight).length;
      await life.killAndRestart();

      // The import: all of it with all its audit entries, or nothing of it; all of it when it was answered.
      const after = await imported(life, prefix, auditBefore);
      expect([0, IMPORT_ROWS], `импорт ${prefix}: ни одной или все организации`).toContain(after.organisations);
      expect(after.auditEntries).toBe(after.organisations === 0 ? 0 : IMPORT_ROWS + 1);
      if (importStatus === 200) expect(after.organisations).toBe(IMPORT_ROWS);
      if (after.organisations) wholeImports.push(prefix);
      for (const p of wholeImports) expect((await imported(life, p, 0)).organisations).toBe(IMPORT_ROWS);

      // The reports: each unit at its last answered write, or one step further when its unanswered one committed.
      let committedUnanswered = 0;
      for (const c of chains) {
        const u = await life.get<ExecutionUnitDto>(`/api/executions/${c.id}`);
        const seen = { status: u.status, comment: u.comment, version: u.version };
        if (u.version === c.acked.version) expect(seen).toEqual(c.acked);
        else {
          expect(c.inFlight, `единица ${c.id}: версия ${u.version} без отправленной записи`).not.toBeNull();
          expect(seen).toEqual(c.inFlight);
          committedUnanswered++;
          c.acked = c.inFlight!; // the next round goes on from what the database holds
        }
        c.inFlight = null;
      }
      if (k.kind === 'after-answers') expect(answered).toBeGreaterThanOrEqual(2 * chains.length);
      summary.push(
        `${describeKill(k)}${killedAfterMs ? ` (${killedAfterMs} мс из ~${importMs})` : ''}: ` +
          `импорт ${IMPORT_ROWS} строк — ответ ${importStatus || 'нет'}, записано ${after.organisations}; ` +
          `отметок подтверждено ${answered}, без ответа ${unanswered}, из них записано ${committedUnanswered}`,
      );
    },
    120_000,
  );

  it('every committed status report has exactly one audit entry with the state it wrote', async () => {
    const entries = (await auditOfUnits(life)).filter((e) =>
      /^сбой\d /.test(String((e.after as Partial<Write> | null)?.comment)),
    );
    for (const c of chains) {
      const mine = entries
        .filter((e) => e.entityId === c.id)
        .map((e) => e.after as Write)
        .sort((a, b) => a.version - b.version);
      expect(mine.map((w) => w.version)).toEqual(
        Array.from({ length: c.acked.version - c.initial.version }, (_, j) => c.initial.version + j + 1),
      );
      expect(mine.at(-1) ?? c.initial).toMatchObject(c.acked);
    }
    expect(entries.length).toBeGreaterThan(chains.length);
  });
});
