// bench/deadline-day: the «deadline day» of issue 9 — school users report execution and read dashboards at
// the same time. A load generator on 127.0.0.1 (autocannon in a forked process, bench/load-worker.ts, so it
// never shares the server's event loop) drives the server in two phases: closed loop (a fixed number of
// connections, no pauses: the saturated throughput) and open model (a stated arrival rate: the latency).
// Both are compared with a bare Fastify app running the same SQL, on the same database, in the same run.
//
// Ours: the real server (`buildServer`, logging off) listening on 127.0.0.1. Schools of every region of the
// dataset, taken in turn (100 by default), log in before any timing (argon2 is slow on purpose); each request
// carries its school's session cookie and CSRF token. Requests alternate 1 : 1:
//   — POST /api/executions/:id/report — «in progress» with a comment, on a unit of the school's own roadmap,
//     with the unit's current version (ids and versions read from the database before the run). «Done» would
//     need evidence attached first (closingProblems), a request of its own; «in progress» runs the same
//     transaction: the unit loaded, the programme checked, the versioned update, the unit reloaded, the audit
//     record, the unit's evidence and comments for the answer.
//   — GET /api/programmes/<the school's roadmap>/dashboard.
// Every answer must be 2xx: a refusal or a 409 fails the benchmark.
//
// The baseline: a bare Fastify app — no session lookup, no CSRF, no zod, no permission checks, no helmet or rate
// limit, no DTOs — whose two routes call the storage functions our services call, in the same order and with the
// same parallelism: for the write loadUnits, getProgrammeRecord, updateVersioned, loadUnits, recordAudits,
// loadEvidence, commentCounts in one transaction; for the read getProgrammeRecord,
// programmeTree with listRounds, then activityStates, territoryCounts and the indicator values. Answers are the
// raw records as JSON. Before timing, one write and one read through each app are recorded with the database's
// query observer: ours must send exactly the baseline's statements plus the session lookup (checked, shown).
//
// Fresh units for both: the units of the chosen schools' roadmaps (open work first) are snapshotted and restored
// before every segment, so every segment writes the same units from the same versions. After a 3 s warm-up of
// each app, the measured time is split into 3 segments per app, baseline and ours alternating (B O, O B, B O):
// a neighbour's load on the machine or the database's drift then weighs on both alike. Should a segment write
// more reports than the pool holds units, the generator starts a second pass, each unit with its next version
// (safe while a pass holds far more units than there are connections; any 409 fails the run).
//
// The open-model phase follows, on the warm apps: requests arrive at a constant `rate` (60 requests/s by
// default, for both apps) whatever the answers' pace, the way users load the server on a deadline day. The
// whole country's deadline day is about 3,000 listed schools each sending about 30 requests (reports and
// dashboard reads) within the last two hours: 3,000 × 30 ÷ 7,200 s ≈ 12.5 requests/s; 60 requests/s is about
// 5× that peak. The generator uses autocannon's `overallRate` over 50 connections (one instance per connection,
// started 20 ms apart: one instance alone sends each second's requests as one burst, see bench/load-worker.ts),
// so the rate, not the connections, limits it. The same 1 : 1 mix, the same restored units before every
// segment, the same alternation; 9 s per app in 3 segments of 3 s (whole seconds: a connection sends at each
// second's tick).
//
// Reported: 2xx answers per second of the closed loop (ours ÷ baseline ≥ 0.70); p99 over both kinds of request
// at the stated rate (≤ 250 ms, and the rate achieved: at least 95 % of it, or the target is not met); and the
// peak RSS of this process — the server's, and PGlite's when it is the engine — sampled every 50 ms. The notes
// add p50/p99 per kind, the achieved rates, the closed loop's p50/p99 for transparency (with C connections and
// no pauses the mean latency is C ÷ throughput, so at 50 connections the closed loop's p99 says how saturated
// the machine is, not how fast a request is: the bare baseline's is over 250 ms on a 2-core machine too),
// statements per request and the server process's CPU per request (closed loop). The machine's cores are
// shared by the generator, the server and PostgreSQL.
//
//   npx tsx bench/deadline-day.ts [--regions 3] [--engine pglite|postgres | --url postgres://…] [--seconds 15]
//     [--connections 50] [--schools 100] [--rate 60] [--rate-seconds 9]   (progress on stderr, with each
//     segment's monotonic window in µs to cut a --cpu-prof profile into ours and the baseline)
//   (without --url: PGlite in memory, and PostgreSQL too when OPORA_BENCH_DATABASE_URL or the local server answers)

import { fork } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { executionStatusLabels } from '../domain/execution/status.ts';
import { buildServer, type ServerOptions } from '../server/app.ts';
import { programmeTree } from '../services/monitoring.ts';
import { recordAudits } from '../storage/audit-repo.ts';
import { type Database, openDatabase, pgArray, queryRows } from '../storage/database.ts';
import { commentCounts, loadEvidence, loadUnits, type UnitRecord } from '../storage/execution-repo.ts';
import { listRounds } from '../storage/monitoring-repo.ts';
import { getProgrammeRecord } from '../storage/programmes-repo.ts';
import { activityStates, territoryCounts } from '../storage/rollup-repo.ts';
import { activityExecutions, indicatorValues } from '../storage/schema.ts';
import { updateVersioned } from '../storage/versioned.ts';
import type { LoadPlan, LoadResult, LoadSchool } from './load-worker.ts';
import { type BenchRow, table } from './measure.ts';
import { type Nation, seedNation } from './national.ts';
import { withPostgresDatabase } from './postgres.ts';

export interface DeadlineDayOptions {
  /** Measured seconds per app (after a warm-up). */
  seconds?: number;
  warmupSeconds?: number;
  connections?: number;
  /** School accounts logged in, taken from every region in turn. */
  schools?: number;
  /** Measured time is split into this many segments, baseline and ours alternating. */
  rounds?: number;
  /** Open model: whole requests per second across all connections, the same for both apps. */
  rate?: number;
  /** Open model: measured seconds per app, split into `rounds` segments of whole seconds. */
  rateSeconds?: number;
}

const defaults = {
  seconds: 15,
  warmupSeconds: 3,
  connections: 50,
  schools: 100,
  rounds: 3,
  rate: 60,
  rateSeconds: 9,
} as const;

const THROUGHPUT_SHARE = 0.7;
const P99_LIMIT_MS = 250;
/** The open model's achieved rate must be at least this share of the asked rate. */
const RATE_SHARE = 0.95;
/** The whole country's deadline day: listed schools × requests each ÷ the last two hours, in requests/s. */
const NATIONAL_PEAK = { schools: 3000, requestsEach: 30, seconds: 2 * 3600 };
const nationalPeakRate = (NATIONAL_PEAK.schools * NATIONAL_PEAK.requestsEach) / NATIONAL_PEAK.seconds;

interface PoolSchool {
  login: string;
  organisationId: string;
  userId: string;
  programmeId: string;
  units: { id: string; version: number }[];
}

interface Snapshot {
  id: string;
  status: string;
  completed_on: string | null;
  cancel_reason: string;
  comment: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

/** Accounts of every region in turn: the first school of each region, then the second… */
function chooseAccounts(nation: Nation, count: number) {
  const out: { login: string; organisationId: string }[] = [];
  for (let i = 0; out.length < count; i++) {
    let any = false;
    for (const r of nation.regions) {
      const a = r.schoolAccounts[i];
      if (!a) continue;
      any = true;
      out.push(a);
      if (out.length === count) break;
    }
    if (!any) break;
  }
  return out;
}

/** The schools' roadmaps and their units (not cancelled; open work first), with current versions. */
async function loadPool(d: Database, accounts: { login: string; organisationId: string }[]): Promise<PoolSchool[]> {
  const orgs = accounts.map((a) => a.organisationId);
  const rows = await queryRows<{
    organisation_id: string;
    programme_id: string;
    user_id: string;
    login: string;
    id: string;
    version: number;
  }>(
    d.db,
    sql`select p.organisation_id, p.id as programme_id, us.id as user_id, us.login, e.id, e.version
          from programmes p
          join users us on us.organisation_id = p.organisation_id and us.role = 'school'
          join activity_executions e on e.programme_id = p.id and e.organisation_id = p.organisation_id
         where p.level = 'school' and p.organisation_id = any(${pgArray(orgs)}::uuid[]) and e.status <> 'cancelled'
         order by p.organisation_id, (e.status = 'done'), e.id`,
  );
  const byOrg = new Map<string, PoolSchool>();
  for (const r of rows) {
    let s = byOrg.get(r.organisation_id);
    if (!s) {
      s = {
        login: r.login,
        organisationId: r.organisation_id,
        userId: r.user_id,
        programmeId: r.programme_id,
        units: [],
      };
      byOrg.set(r.organisation_id, s);
    }
    s.units.push({ id: r.id, version: Number(r.version) });
  }
  return accounts.map((a) => byOrg.get(a.organisationId)).filter((s): s is PoolSchool => Boolean(s?.units.length));
}

const snapshotColumns = sql`id, status, completed_on::text as completed_on, cancel_reason, comment, version,
  updated_at::text as updated_at, updated_by`;

async function takeSnapshot(d: Database, ids: string[]): Promise<Snapshot[]> {
  return queryRows<Snapshot>(
    d.db,
    sql`select ${snapshotColumns} from activity_executions where id = any(${pgArray(ids)}::uuid[])`,
  );
}

/** Puts the units back as they were before the phase, so every phase writes the same units from the same versions. */
async function restore(d: Database, snapshot: Snapshot[]): Promise<void> {
  for (let i = 0; i < snapshot.length; i += 2000) {
    const part = JSON.stringify(snapshot.slice(i, i + 2000));
    await d.db.execute(sql`update activity_executions e
         set status = s.status, completed_on = s.completed_on::date, cancel_reason = s.cancel_reason,
             comment = s.comment, version = s.version, updated_at = s.updated_at::timestamptz, updated_by = s.updated_by
        from jsonb_to_recordset(${part}::jsonb) as s(id uuid, status text, completed_on text, cancel_reason text,
             comment text, version int, updated_at text, updated_by uuid)
       where e.id = s.id`);
  }
}

/** Waits until writes abandoned by the generator at the end of a run have landed (the versions stop moving). */
async function quiesce(d: Database, ids: string[]): Promise<void> {
  const sum = async () =>
    (
      await queryRows<{ v: string }>(
        d.db,
        sql`select coalesce(sum(version), 0)::text as v from activity_executions where id = any(${pgArray(ids)}::uuid[])`,
      )
    )[0]!.v;
  let last = await sum();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 300));
    const now = await sum();
    if (now === last) return;
    last = now;
  }
}

// ——— the baseline: the same statements with nothing around them

function baselineApp(d: Database, actors: Map<string, { userId: string; login: string }>): FastifyInstance {
  const db = d.db;
  const app = Fastify({ logger: false });
  app.post<{ Params: { id: string }; Body: { status: string; comment?: string; version: number } }>(
    '/api/executions/:id/report',
    async (req) => {
      const id = req.params.id;
      const body = req.body;
      return db.transaction(async (tx) => {
        const [u] = await loadUnits(tx, { ids: [id] });
        if (!u) throw new Error('no unit');
        await getProgrammeRecord(tx, u.programmeId);
        const actor = actors.get(u.organisationId ?? '')!;
        const values = {
          status: body.status,
          completedOn: null,
          cancelReason: '',
          comment: body.comment ?? u.comment,
          updatedBy: actor.userId,
        };
        if (!(await updateVersioned(tx, activityExecutions, id, body.version, values))) throw new Error('stale');
        const [after] = await loadUnits(tx, { ids: [id] });
        await recordAudits(tx, [
          {
            regionId: u.regionId,
            actorId: actor.userId,
            actorLogin: actor.login,
            action: 'update',
            entity: 'activity_execution',
            entityId: id,
            summary: `${u.executorName}: мероприятие ${u.number} «${u.text.slice(0, 120)}» — ${executionStatusLabels.in_progress.toLowerCase()}`,
            before: snapshotOf(u),
            after: snapshotOf(after!),
          },
        ]);
        const evidence = await loadEvidence(tx, [id]);
        const comments = await commentCounts(tx, [id]);
        return { ...after, evidence, comments: comments.get(id) ?? 0 };
      });
    },
  );
  app.get<{ Params: { id: string } }>('/api/programmes/:id/dashboard', async (req) => {
    const p = (await getProgrammeRecord(db, req.params.id))!;
    const [tree, rounds] = await Promise.all([programmeTree(db, p.id), listRounds(db, [p.id])]);
    const today = todayOfNation;
    const [activities, territories, values] = await Promise.all([
      activityStates(db, { programmeIds: [p.id] }, [today]),
      territoryCounts(db, { programmeIds: tree }, today, 'municipality'),
      db.select().from(indicatorValues).where(sql`${indicatorValues.programmeId} = ${p.id}`),
    ]);
    return { programme: { id: p.id, title: p.title }, rounds, activities, territories, values };
  });
  return app;
}

let todayOfNation = '';

const snapshotOf = (u: UnitRecord) => ({
  status: u.status,
  completedOn: u.completedOn,
  cancelReason: u.cancelReason,
  comment: u.comment,
  version: u.version,
});

// ——— the run

async function listen(app: FastifyInstance): Promise<string> {
  return app.listen({ host: '127.0.0.1', port: 0 });
}

async function logIn(url: string, login: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('opora_session='));
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  if (!cookie) throw new Error(`login ${login}: no session cookie`);
  return { cookie, csrf: csrfToken };
}

/** The statements one request sends, counted by the database's observer (transaction control included on pg). */
async function statementsOf(d: Database, work: () => Promise<Response>): Promise<string[]> {
  const seen: string[] = [];
  d.observeQueries((q) => seen.push(q));
  try {
    const res = await work();
    // The body read in full, so no connection is left busy (closing the app would wait for it).
    const text = await res.text();
    if (!res.ok) throw new Error(`${res.status} ${text}`);
  } finally {
    d.observeQueries(null);
  }
  return seen;
}

class Generator {
  private child = fork(path.join(import.meta.dirname, 'load-worker.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  run(plan: LoadPlan): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`load generator exited (${code})`));
      this.child.once('exit', onExit);
      this.child.once('message', (m: { ok: true; result: LoadResult } | { ok: false; error: string }) => {
        this.child.off('exit', onExit);
        if (m.ok) resolve(m.result);
        else reject(new Error(m.error));
      });
      this.child.send(plan);
    });
  }

  close() {
    this.child.disconnect();
  }
}

function assertAllOk(name: string, r: LoadResult): void {
  if (r.non2xx > 0 || r.errors > 0 || r.timeouts > 0)
    throw new Error(
      `deadline-day, ${name}: ${r.non2xx} answers not 2xx, ${r.errors} errors, ${r.timeouts} timeouts of ${r.requests}\n${r.failures.join('\n')}`,
    );
}

/** Runs the benchmark on one engine over a seeded national dataset. */
export async function benchDeadlineDay(
  d: Database,
  nation: Nation,
  engine: 'PGlite' | 'PostgreSQL',
  options: DeadlineDayOptions = {},
): Promise<BenchRow[]> {
  const o = { ...defaults, ...options };
  todayOfNation = nation.today;
  const pool = await loadPool(d, chooseAccounts(nation, o.schools));
  const ids = pool.flatMap((s) => s.units.map((u) => u.id));
  const snapshot = await takeSnapshot(d, ids);
  const actors = new Map(pool.map((s) => [s.organisationId, { userId: s.userId, login: s.login }]));

  const serverOptions: ServerOptions = {
    secure: false,
    sessionHours: 12,
    uploadLimitMb: 20,
    trustProxy: false,
    webDir: null,
    logLevel: 'silent',
    version: 'bench',
    loginRateLimit: 1_000_000,
    now: () => new Date(`${nation.today}T09:00:00Z`),
  };
  const ours = await buildServer(d, serverOptions);
  const oursUrl = await listen(ours);
  const bare = baselineApp(d, actors);
  const bareUrl = await listen(bare);

  // Sessions before any timing: a few logins at a time (argon2 runs on the thread pool).
  const sessions: { cookie: string; csrf: string }[] = new Array(pool.length);
  for (let i = 0; i < pool.length; i += 4)
    await Promise.all(
      pool.slice(i, i + 4).map(async (s, j) => {
        sessions[i + j] = await logIn(oursUrl, s.login, nation.password);
      }),
    );
  progress(`${engine}: ${pool.length} школ вошли`);
  const schools: LoadSchool[] = pool.map((s, i) => ({ ...sessions[i]!, programmeId: s.programmeId, units: s.units }));

  // The same SQL: one write and one read through each app, their statements counted.
  const first = pool[0]!;
  const send = (url: string, kind: 'write' | 'read') => () =>
    kind === 'read'
      ? fetch(`${url}/api/programmes/${first.programmeId}/dashboard`, {
          headers: { cookie: schools[0]!.cookie },
        })
      : fetch(`${url}/api/executions/${first.units[0]!.id}/report`, {
          method: 'POST',
          headers: { cookie: schools[0]!.cookie, 'x-csrf-token': schools[0]!.csrf, 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'in_progress', comment: 'проверка', version: first.units[0]!.version }),
        });
  const statements = {
    oursWrite: (await statementsOf(d, send(oursUrl, 'write'))).length,
    oursRead: (await statementsOf(d, send(oursUrl, 'read'))).length,
    bareWrite: 0,
    bareRead: 0,
  };
  await restore(d, snapshot);
  statements.bareWrite = (await statementsOf(d, send(bareUrl, 'write'))).length;
  statements.bareRead = (await statementsOf(d, send(bareUrl, 'read'))).length;
  await restore(d, snapshot);
  if (statements.oursWrite !== statements.bareWrite + 1 || statements.oursRead !== statements.bareRead + 1)
    throw new Error(
      `deadline-day: ours and the baseline do not send the same statements (${JSON.stringify(statements)})`,
    );

  const generator = new Generator();
  const apps = { base: bareUrl, ours: oursUrl };
  const tally = () => ({
    ok: 0,
    seconds: 0,
    write: [] as number[],
    read: [] as number[],
    peak: 0,
    passes: 1,
    cpuMs: 0,
  });
  const totals = { base: tally(), ours: tally() };
  /** The open-model phase, at `o.rate` requests/s. */
  const atRate = { base: tally(), ours: tally() };
  const segment = async (which: 'base' | 'ours', seconds: number, measured: boolean, rate?: number) => {
    await restore(d, snapshot);
    const label = `${which === 'ours' ? 'Опора' : 'базовая линия'}${rate === undefined ? '' : `, ${rate} запр/с`}${measured ? '' : ', прогрев'}`;
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    let load: LoadResult;
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    try {
      load = await generator.run({
        url: apps[which],
        seconds,
        connections: o.connections,
        ...(rate === undefined ? {} : { rate }),
        schools,
        label,
      });
    } finally {
      clearInterval(sampler);
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const window = `${t0 / 1000n}..${process.hrtime.bigint() / 1000n}`;
    assertAllOk(label, load);
    await quiesce(d, ids);
    progress(
      `${engine}, ${label}: ${load.perSecond.toFixed(rate === undefined ? 0 : 1)} запр/с, p50 ${load.p50.toFixed(0)} мс, p99 ${load.p99.toFixed(0)} мс, ЦП сервера ${(cpuMs / load.requests).toFixed(2)} мс на запрос [${window} мкс]`,
    );
    if (!measured) return;
    const t = (rate === undefined ? totals : atRate)[which];
    t.ok += load.ok;
    t.seconds += load.seconds;
    t.write.push(...load.write);
    t.read.push(...load.read);
    t.peak = Math.max(t.peak, peak);
    t.passes = Math.max(t.passes, load.passes);
    t.cpuMs += cpuMs;
  };
  try {
    await segment('base', o.warmupSeconds, false);
    await segment('ours', o.warmupSeconds, false);
    // Alternating segments, so a neighbour's load on the machine or the database's drift weighs on both alike.
    const part = Math.max(1, Math.round(o.seconds / o.rounds));
    for (let r = 0; r < o.rounds; r++)
      for (const which of r % 2 === 0 ? (['base', 'ours'] as const) : (['ours', 'base'] as const))
        await segment(which, part, true);
    // The open model on the warm apps: the same alternation, segments of whole seconds.
    const ratePart = Math.max(1, Math.round(o.rateSeconds / o.rounds));
    for (let r = 0; r < o.rounds; r++)
      for (const which of r % 2 === 0 ? (['base', 'ours'] as const) : (['ours', 'base'] as const))
        await segment(which, ratePart, true, o.rate);
  } finally {
    generator.close();
    await restore(d, snapshot);
    await ours.close();
    await bare.close();
  }

  const figures = (t: ReturnType<typeof tally>) => {
    const all = [...t.write, ...t.read].sort((a, b) => a - b);
    const w = [...t.write].sort((a, b) => a - b);
    const r = [...t.read].sort((a, b) => a - b);
    return {
      perSecond: t.ok / t.seconds,
      p99: percentile(all, 0.99),
      write: { p50: percentile(w, 0.5), p99: percentile(w, 0.99) },
      read: { p50: percentile(r, 0.5), p99: percentile(r, 0.99) },
      peakMb: Math.round(t.peak / 1024 / 1024),
      seconds: t.seconds,
      cpuPerRequest: t.cpuMs / t.ok,
    };
  };
  const our = figures(totals.ours);
  const base = figures(totals.base);
  const ourRate = figures(atRate.ours);
  const baseRate = figures(atRate.base);
  const f0 = (x: number) => x.toFixed(0);
  const f1 = (x: number) => x.toLocaleString('ru-RU', { maximumFractionDigits: 1 });
  const rateConnections = Math.max(1, Math.min(o.connections, Math.floor(o.rate)));
  const kept = (x: number) => x >= RATE_SHARE * o.rate;
  const sustained = kept(ourRate.perSecond)
    ? ''
    : `; НАШЕ ПРИЛОЖЕНИЕ НЕ ДЕРЖИТ ${o.rate} запр/с: ${f1(ourRate.perSecond)} запр/с, цель не выполнена`;
  const baseSustained = kept(baseRate.perSecond) ? '' : `; базовая линия не держит ${o.rate} запр/с`;
  const what = `${engine}: ${pool.length} школ из ${nation.regions.length} регионов, ${o.connections} соединений, запись : чтение = 1 : 1, ${f0(our.seconds)} с на приложение (${o.rounds} чередующихся отрезка после ${o.warmupSeconds} с прогрева)`;
  const share = our.perSecond / base.perSecond;
  const rows: (BenchRow & { unit?: string })[] = [
    {
      operation: `День сдачи отчётов — пропускная способность, ${what}`,
      ours: our.perSecond,
      unit: 'запр/с',
      baselineName: 'голый Fastify с теми же SQL-запросами',
      baseline: base.perSecond,
      target: `≥ ${THROUGHPUT_SHARE.toFixed(2)}× базовой`,
      met: share >= THROUGHPUT_SHARE,
      note: `(запросов к БД на отчёт ${statements.oursWrite} против ${statements.bareWrite}, на дашборд ${statements.oursRead} против ${statements.bareRead}: у нас ещё поиск сессии; ЦП процесса сервера на запрос ${our.cpuPerRequest.toFixed(1)} мс против ${base.cpuPerRequest.toFixed(1)} мс; ${ids.length.toLocaleString('ru-RU')} исполнений в пуле, проходов по пулу до ${Math.max(totals.ours.passes, totals.base.passes, atRate.ours.passes, atRate.base.passes)})`,
    },
    {
      operation: `День сдачи отчётов — задержка p99 при постоянном потоке ${o.rate} запр/с, ${engine}: ${pool.length} школ из ${nation.regions.length} регионов, запись : чтение = 1 : 1, ${f0(ourRate.seconds)} с на приложение (${o.rounds} чередующихся отрезка после фазы насыщения)`,
      ours: ourRate.p99,
      baselineName: 'голый Fastify с теми же SQL-запросами при том же потоке, p99',
      baseline: baseRate.p99,
      target: `≤ ${P99_LIMIT_MS} мс при ${o.rate} запр/с`,
      met: ourRate.p99 <= P99_LIMIT_MS && kept(ourRate.perSecond),
      note: `(поток ${o.rate} запр/с ≈ ${f1(o.rate / nationalPeakRate)}× пика всей страны: около ${NATIONAL_PEAK.schools.toLocaleString('ru-RU')} школ из списков, по ~${NATIONAL_PEAK.requestsEach} запросов (отчёты и дашборды) за последние два часа ≈ ${f1(nationalPeakRate)} запр/с; ${rateConnections} соединений autocannon с overallRate, старты вразброс; достигнуто ${f1(ourRate.perSecond)} запр/с у нас и ${f1(baseRate.perSecond)} у базовой${sustained}${baseSustained}; наше: отчёт p50 ${f0(ourRate.write.p50)} / p99 ${f0(ourRate.write.p99)} мс, дашборд p50 ${f0(ourRate.read.p50)} / p99 ${f0(ourRate.read.p99)} мс; базовая: отчёт ${f0(baseRate.write.p50)} / ${f0(baseRate.write.p99)} мс, дашборд ${f0(baseRate.read.p50)} / ${f0(baseRate.read.p99)} мс; при насыщении (${o.connections} соединений без пауз, средняя задержка ≈ ${o.connections} ÷ запросов/с) p99 ${f0(our.p99)} мс у нас и ${f0(base.p99)} мс у базовой: наше отчёт p50 ${f0(our.write.p50)} / p99 ${f0(our.write.p99)} мс, дашборд p50 ${f0(our.read.p50)} / p99 ${f0(our.read.p99)} мс; базовая отчёт ${f0(base.write.p50)} / ${f0(base.write.p99)} мс, дашборд ${f0(base.read.p50)} / ${f0(base.read.p99)} мс)`,
    },
    {
      operation: `День сдачи отчётов — пик памяти процесса сервера, ${engine}`,
      ours: Math.max(our.peakMb, ourRate.peakMb),
      unit: 'МБ',
      baselineName: 'тот же процесс под голым Fastify',
      baseline: Math.max(base.peakMb, baseRate.peakMb),
      target: '—',
      met: null,
      note: engine === 'PGlite' ? '(PGlite работает в том же процессе)' : '(без памяти сервера PostgreSQL)',
    },
  ];
  return rows;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * p) - 1)]!;
}

/** Progress on stderr: a run takes minutes. */
const progress = (line: string) => process.stderr.write(`deadline-day: ${line}\n`);

// ——— standalone: seed a small country and measure it

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      regions: { type: 'string', default: '3' },
      url: { type: 'string' },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      schools: { type: 'string' },
      rate: { type: 'string' },
      'rate-seconds': { type: 'string' },
      engine: { type: 'string' },
    },
  });
  const regions = Number(values.regions);
  const options: DeadlineDayOptions = {
    ...(values.seconds ? { seconds: Number(values.seconds) } : {}),
    ...(values.connections ? { connections: Number(values.connections) } : {}),
    ...(values.schools ? { schools: Number(values.schools) } : {}),
    ...(values.rate ? { rate: Math.max(1, Math.round(Number(values.rate))) } : {}),
    ...(values['rate-seconds'] ? { rateSeconds: Number(values['rate-seconds']) } : {}),
  };
  const on = async (target: Parameters<typeof openDatabase>[0], engine: 'PGlite' | 'PostgreSQL') => {
    const d = await openDatabase(target);
    try {
      await d.migrate();
      const nation = await seedNation(d, { regions });
      return await benchDeadlineDay(d, nation, engine, options);
    } finally {
      await d.close();
    }
  };
  const rows: BenchRow[] = [];
  if (values.url) rows.push(...(await on({ kind: 'postgres', url: values.url }, 'PostgreSQL')));
  else {
    if (values.engine !== 'postgres') rows.push(...(await on({ kind: 'pglite', dataDir: null }, 'PGlite')));
    if (values.engine !== 'pglite') {
      const pgRows = await withPostgresDatabase((url) => on({ kind: 'postgres', url }, 'PostgreSQL'));
      if (pgRows) rows.push(...pgRows);
    }
  }
  console.log(table(rows));
}
