// bench/dashboard: what the regional coordinator of the largest region opens every day, on the national
// dataset — the «Мониторинг» list of every programme of the region (execution, overdue, due soon, next round)
// and the dashboard of the regional roadmap (execution %, overdue, municipalities rolled up over the cascaded
// roadmaps, indicators, rounds) — and the analytic report of a monitoring round as DOCX.
//
// The baseline is the bare SQL the operation needs: the very statements our service sends (recorded once
// through the database's query observer, with their parameters) replayed back to back through the driver's
// client, with no session, permission checks, Drizzle mapping, domain roll-up or JSON shaping. p50 and p95 are
// over repeated runs after a warm-up; the ratio is ours ÷ baseline at the same percentile.
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../services/auth.ts';
import type { ServiceContext } from '../services/context.ts';
import { programmeDashboard, regionDashboard, roundDetail, roundReportFile } from '../services/monitoring.ts';
import type { Database } from '../storage/database.ts';
import { listRounds } from '../storage/monitoring-repo.ts';
import { users } from '../storage/schema.ts';
import type { BenchRow } from './measure.ts';
import type { Nation } from './national.ts';

const RUNS = 100;

function percentiles(times: number[]): { p50: number; p95: number } {
  const s = [...times].sort((a, b) => a - b);
  return { p50: s[Math.floor(s.length * 0.5)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! };
}

async function timesOf(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work(); // warm-up: JIT, plans, caches
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    times.push(performance.now() - t0);
  }
  return times;
}

async function alternating(
  runs: number,
  first: () => Promise<unknown>,
  second: () => Promise<unknown>,
): Promise<{ first: number[]; second: number[] }> {
  const out = { first: [] as number[], second: [] as number[] };
  for (let i = 0; i < 3; i++) {
    await first();
    await second();
  }
  for (let i = 0; i < runs; i++)
    for (const [work, times] of (i % 2 === 0
      ? [
          [first, out.first],
          [second, out.second],
        ]
      : [
          [second, out.second],
          [first, out.first],
        ]) as [() => Promise<unknown>, number[]][]) {
      const t0 = performance.now();
      await work();
      times.push(performance.now() - t0);
    }
  return out;
}

interface Statement {
  text: string;
  params: unknown[];
}

/** The statements one call of `work` sends, in order. */
async function recorded(d: Database, work: () => Promise<unknown>): Promise<Statement[]> {
  const statements: Statement[] = [];
  d.observeQueries((text, params) => statements.push({ text, params: [...(params ?? [])] }));
  try {
    await work();
  } finally {
    d.observeQueries(null);
  }
  return statements;
}

/** The driver's own client: PGlite, or the node-postgres pool. */
const clientOf = (d: Database) =>
  (d.db as unknown as { $client: { query(text: string, params: unknown[]): Promise<unknown> } }).$client;

async function replay(d: Database, statements: Statement[]): Promise<void> {
  const client = clientOf(d);
  for (const s of statements) await client.query(s.text, s.params);
}

/** The account's context with «today» at the dataset's date. */
export async function accountContext(d: Database, nation: Nation, login: string): Promise<ServiceContext> {
  const [account] = await d.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.login})`, login.toLowerCase()));
  return { db: d.db, actor: actorOf(account!), now: () => new Date(`${nation.today}T09:00:00Z`) };
}

export const coordinatorContext = (d: Database, nation: Nation) =>
  accountContext(d, nation, nation.largest.coordinator);

/** p50 and p95 of ours against the replayed statements, with the targets of issue 9. */
async function latencyRows(
  d: Database,
  engine: string,
  label: string,
  work: () => Promise<unknown>,
  absoluteP95: number | null,
): Promise<BenchRow[]> {
  const statements = await recorded(d, work);
  // Ours and the baseline alternate run by run, so a pause of the machine or the collector weighs on both.
  const times = await alternating(RUNS, work, () => replay(d, statements));
  const ours = percentiles(times.first);
  const bare = percentiles(times.second);
  const note = `(${engine}; запросов к базе: ${statements.length})`;
  return [
    {
      operation: `${label}, p50`,
      ours: ours.p50,
      baselineName: 'те же SQL-запросы напрямую через драйвер',
      baseline: bare.p50,
      target: '≤ 1.3×',
      met: ours.p50 / bare.p50 <= 1.3,
      note,
    },
    {
      operation: `${label}, p95`,
      ours: ours.p95,
      baselineName: 'те же SQL-запросы напрямую через драйвер',
      baseline: bare.p95,
      target: absoluteP95 === null ? '≤ 1.3×' : `≤ 1.3× и ≤ ${absoluteP95} мс`,
      met: ours.p95 / bare.p95 <= 1.3 && (absoluteP95 === null || ours.p95 <= absoluteP95),
      note,
    },
  ];
}

export async function benchDashboards(
  d: Database,
  nation: Nation,
  engine: 'PGlite' | 'PostgreSQL',
): Promise<BenchRow[]> {
  const ctx = await coordinatorContext(d, nation);
  const region = nation.largest;
  const where = `${region.code}: ${region.schools.toLocaleString('ru-RU')} школ, ${region.municipalities} муниципалитетов, ${region.listed} школ в перечне`;
  const p95 = engine === 'PostgreSQL' ? 100 : null;
  const rows: BenchRow[] = [];
  const list = await regionDashboard(ctx);
  rows.push(
    ...(await latencyRows(
      d,
      engine,
      `«Мониторинг»: все программы крупнейшего региона (${where}; программ: ${list.length})`,
      () => regionDashboard(ctx),
      p95,
    )),
  );
  rows.push(
    ...(await latencyRows(
      d,
      engine,
      `Панель региональной дорожной карты: исполнение, просрочки, муниципалитеты, показатели (${where})`,
      () => programmeDashboard(ctx, region.programmeId, {}),
      p95,
    )),
  );

  // The analytic report: the latest frozen round, and the open one counted live.
  const rounds = (await listRounds(d.db, [region.programmeId])).filter((r) => r.kind === 'execution');
  for (const r of [rounds.filter((x) => x.frozenAt).at(-1), rounds.find((x) => !x.frozenAt)]) {
    if (!r) continue;
    const kind = r.frozenAt ? 'зафиксированный мониторинг' : 'открытый мониторинг, расчёт на дату';
    const docx = percentiles(await timesOf(10, () => roundReportFile(ctx, r.id, 'docx')));
    const figures = percentiles(await timesOf(10, () => roundDetail(ctx, r.id)));
    const bytes = (await roundReportFile(ctx, r.id, 'docx')).bytes.length;
    rows.push({
      operation: `Аналитическая справка DOCX крупнейшего региона (${kind}, ${(bytes / 1024).toFixed(0)} КБ), p50`,
      ours: docx.p50,
      baselineName: 'те же итоги мониторинга в JSON (без документа)',
      baseline: figures.p50,
      target: '≤ 3 000 мс',
      met: docx.p95 <= 3000,
      note: `(${engine}; p95 ${docx.p95.toFixed(0)} мс)`,
    });
  }
  return rows;
}

/** EXPLAIN ANALYZE of every statement an operation sends, slowest first: what the indexes are chosen from. */
export async function explainOperation(d: Database, work: () => Promise<unknown>): Promise<string> {
  const statements = await recorded(d, work);
  const client = clientOf(d) as unknown as {
    query(text: string, params: unknown[]): Promise<{ rows: Record<string, string>[] }>;
  };
  const plans: { ms: number; text: string }[] = [];
  for (const s of statements) {
    if (!/^\s*(select|with)/i.test(s.text)) continue;
    const res = await client.query(`explain (analyze, buffers, format text) ${s.text}`, s.params);
    const lines = res.rows.map((r) => Object.values(r)[0]!);
    const ms = Number(/Execution Time: ([\d.]+)/.exec(lines.join('\n'))?.[1] ?? 0);
    plans.push({ ms, text: `${s.text}\n\n${lines.join('\n')}` });
  }
  return plans
    .sort((a, b) => b.ms - a.ms)
    .map((p) => `-- ${p.ms.toFixed(1)} ms\n${p.text}`)
    .join('\n\n');
}
