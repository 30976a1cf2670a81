// `npm run bench`: runs every benchmark, prints the table and writes bench/results.md (and the query plans of
// the heaviest operations to bench/plans/). PGlite always; PostgreSQL when a server answers at
// OPORA_BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres).
//
// OPORA_BENCH_REGIONS=N limits the country to its first N regions for a quick look; the published table is
// for all 85. OPORA_BENCH_ONLY=read,identification,national picks sections.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { programmeExecution } from '../services/execution.ts';
import { programmeDashboard, regionDashboard } from '../services/monitoring.ts';
import { openDatabase, queryRows } from '../storage/database.ts';
import { accountContext, benchDashboards, coordinatorContext, explainOperation } from './dashboard.ts';
import { benchDeadlineDay } from './deadline-day.ts';
import { benchIdentification } from './identification.ts';
import { type BenchRow, table } from './measure.ts';
import { seedNation } from './national.ts';
import { withPostgresDatabase } from './postgres.ts';
import { benchReadProgrammes } from './read-programmes.ts';
import { benchWeb } from './web.ts';

const regions = process.env.OPORA_BENCH_REGIONS ? Number(process.env.OPORA_BENCH_REGIONS) : undefined;
const only = process.env.OPORA_BENCH_ONLY?.split(',') ?? ['read', 'identification', 'national'];
const plansDir = path.join(import.meta.dirname, 'plans');

/** Peak resident memory of this process while `work` runs (the server and the database run in it). */
async function withPeak<T>(work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  try {
    const value = await work();
    return { value, peakMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
}

interface Section {
  title: string;
  rows: BenchRow[];
  note?: string;
}

/** The national dataset on one engine: dashboards, the deadline day, the web UI, and the plans behind them. */
async function national(engine: 'PGlite' | 'PostgreSQL', url: string | null): Promise<Section> {
  const d = await openDatabase(url ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: null });
  try {
    await d.migrate();
    const t0 = performance.now();
    const seeded = await withPeak(() => seedNation(d, { regions }));
    const nation = seeded.value;
    const seconds = ((performance.now() - t0) / 1000).toFixed(0);
    const rows: BenchRow[] = [];
    const dashboards = await withPeak(() => benchDashboards(d, nation, engine));
    rows.push(...dashboards.value);
    const day = await withPeak(() => benchDeadlineDay(d, nation, engine));
    rows.push(...day.value);
    const web = await withPeak(() => benchWeb(d, nation, engine));
    rows.push(...web.value);

    const ctx = await coordinatorContext(d, nation);
    mkdirSync(plansDir, { recursive: true });
    const name = engine === 'PGlite' ? 'pglite' : 'postgres';
    writeFileSync(path.join(plansDir, `${name}-monitoring.txt`), await explainOperation(d, () => regionDashboard(ctx)));
    writeFileSync(
      path.join(plansDir, `${name}-programme-dashboard.txt`),
      await explainOperation(d, () => programmeDashboard(ctx, nation.largest.programmeId, {})),
    );
    // What a school reads on a deadline day: its roadmap's dashboard and execution page.
    const school = nation.largest.schoolAccounts[0]!;
    const schoolCtx = await accountContext(d, nation, school.login);
    const [roadmap] = await queryRows<{ id: string }>(
      d.db,
      sql`select id from programmes where organisation_id = ${school.organisationId} and level = 'school'`,
    );
    writeFileSync(
      path.join(plansDir, `${name}-school-roadmap.txt`),
      await explainOperation(d, async () => {
        await programmeDashboard(schoolCtx, roadmap!.id, {});
        await programmeExecution(schoolCtx, roadmap!.id);
      }),
    );
    const c = nation.counts;
    const n = (x: number | undefined) => (x ?? 0).toLocaleString('ru-RU');
    return {
      title: `Страна целиком, ${engine}`,
      rows,
      note: [
        `Данные (bench/national.ts, ${seconds} с, пик памяти ${seeded.peakMb} МБ): регионов ${n(c.regions)}, муниципалитетов ${n(c.municipalities)}, школ ${n(c.schools)}, в перечнях ${n(c.listed)}; программ ${n(c.programmes)} (региональных ${n(c.regions)}, муниципальных ${n(c.municipalities)}, школьных ${n(c.listed)}), мероприятий ${n(c.activities)}, единиц исполнения ${n(c.units)}, учётных записей ${n(c.users)}, мониторингов ${n(c.rounds)}. Крупнейший регион — ${nation.largest.code}: ${n(nation.largest.schools)} школ, ${nation.largest.municipalities} муниципалитетов, ${nation.largest.listed} школ в перечне.`,
        `Пик памяти процесса (сервер и база в нём): панели ${dashboards.peakMb} МБ, день сдачи отчётов ${day.peakMb} МБ, веб-интерфейс ${web.peakMb} МБ. Планы запросов: bench/plans/${name}-*.txt.`,
      ].join('\n\n'),
    };
  } finally {
    await d.close();
  }
}

const sections: Section[] = [];
if (only.includes('read')) sections.push({ title: 'Чтение документов программ', rows: await benchReadProgrammes() });
if (only.includes('identification'))
  sections.push({
    title: 'Выявление ШНОР по всей стране (bench/identification)',
    rows: await benchIdentification(regions),
  });
if (only.includes('national')) {
  sections.push(await national('PGlite', null));
  const pg = await withPostgresDatabase((url) => national('PostgreSQL', url));
  if (pg) sections.push(pg);
}

const md = [
  '# Результаты измерений',
  '',
  `Запуск: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; Node ${process.version}; ${os.cpus().length} ядра; ${(os.totalmem() / 1024 ** 3).toFixed(0)} ГБ памяти${regions ? `; только первые ${regions} регионов` : ''}.`,
  'Время — медиана (или указанный процентиль) повторных запусков после прогрева. Отношение к базовой линии, измеренной в том же запуске, важнее абсолютного времени.',
  '',
  ...sections.flatMap((s) => [`## ${s.title}`, '', table(s.rows), '', ...(s.note ? [s.note, ''] : [])]),
].join('\n');
writeFileSync(path.join(import.meta.dirname, 'results.md'), md);
console.log(md);
