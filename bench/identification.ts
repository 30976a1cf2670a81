// bench/identification: import and identification of the whole synthetic country, region by region, as the
// regions' coordinators would do it (three uploads, then a run of kuzbass-2021), against a baseline on the
// same engine in the same run: COPY of the same CSV rows into bare tables plus one GROUP BY query computing
// the same shares and categories. PGlite always; PostgreSQL when a server answers.

import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type ResultKind, type ResultsByKind, resultColumns } from '../domain/identification/results.ts';
import { syntheticRegions, syntheticResults } from '../domain/identification/synthetic-results.ts';
import { systemActor } from '../services/context.ts';
import { runIdentification } from '../services/identification.ts';
import { importResults } from '../services/results.ts';
import { type Database, openDatabase } from '../storage/database.ts';
import type { BenchRow } from './measure.ts';
import { insertTerritory } from './national.ts';
import { withPostgresDatabase } from './postgres.ts';

const years = [2019, 2020, 2021];
const kinds: ResultKind[] = ['vpr', 'gia', 'journal'];

interface RegionFiles {
  code: string;
  csv: Record<ResultKind, string>;
  rows: number;
}

const quote = (v: string | number) =>
  typeof v === 'number' || !/[",\n]/.test(v) ? String(v) : `"${v.replace(/"/g, '""')}"`;

function csvOf(kind: ResultKind, results: ResultsByKind): string {
  const cols = resultColumns[kind];
  const key: Record<string, string> = {
    school_code: 'schoolCode',
    below_min: 'belowMin',
  };
  const lines = [cols.join(',')];
  for (const r of results[kind] as unknown as Record<string, string | number>[])
    lines.push(cols.map((c) => quote(r[key[c] ?? c] as string | number)).join(','));
  return `${lines.join('\n')}\n`;
}

/** The synthetic country: territory for the database and one set of upload files per region. */
export function nationalDataset(regionCount?: number) {
  const territory = syntheticRegions(regionCount ? { regions: regionCount } : {});
  const files: RegionFiles[] = territory.map((r) => {
    const results = syntheticResults(r.schools, { seed: 1, years });
    const csv = { vpr: csvOf('vpr', results), gia: csvOf('gia', results), journal: csvOf('journal', results) };
    return { code: r.code, csv, rows: results.vpr.length + results.gia.length + results.journal.length };
  });
  return { territory, files };
}
type Dataset = ReturnType<typeof nationalDataset>;

/** Territory and schools, inserted directly: setting up the country is not what is measured. */
async function loadTerritory(d: Database, data: Dataset): Promise<Map<string, string>> {
  const regionIds = new Map<string, string>();
  for (const r of data.territory) regionIds.set(r.code, (await insertTerritory(d.db, r, randomUUID)).regionId);
  return regionIds;
}

/** Ours: every region uploads its three files and runs kuzbass-2021. */
async function ours(
  d: Database,
  data: Dataset,
  regionIds: Map<string, string>,
): Promise<{ ms: number; listed: number }> {
  const ctx = { db: d.db, actor: systemActor };
  let listed = 0;
  const t0 = performance.now();
  for (const f of data.files) {
    const regionId = regionIds.get(f.code)!;
    for (const kind of kinds) {
      const bytes = new TextEncoder().encode(f.csv[kind]);
      await importResults(ctx, kind, { name: `${kind}.csv`, bytes }, { commit: true, regionId });
    }
    const run = await runIdentification(ctx, { methodology: 'kuzbass-2021', regionId });
    listed += run.totals.listed;
  }
  return { ms: performance.now() - t0, listed };
}

const bareTables = `
  create table bare_vpr (year int, school_code text, subject text, grade int, participants int, n2 int, n3 int, n4 int, n5 int);
  create table bare_gia (year int, school_code text, exam text, subject text, participants int, below_min int);
  create table bare_journal (year int, school_code text, subject text, grade int, participants int, lowered int, confirmed int, raised int);`;

/** kuzbass-2021 in one statement: procedures low in both 2019 and 2021, counted per school. */
const groupBy = `
  with low as (
    select school_code, 'ВПР|' || subject || '|' || grade as p, year, n2 * 100 >= 30 * participants and participants > 0 as low
      from bare_vpr where subject in ('русский язык', 'математика') and grade in (5, 6) and year in (2019, 2021)
    union all
    select school_code, exam || '|' || subject, year, below_min * 100 >= 30 * participants and participants > 0
      from bare_gia where year in (2019, 2021)
  ), per_procedure as (
    select school_code, p from low group by school_code, p having count(*) filter (where low) = 2
  ), per_school as (
    select school_code, count(*) as n from per_procedure group by school_code
  )
  select count(*) filter (where n >= 2) as c1, count(*) filter (where n = 1) as c2 from per_school`;

async function baselinePglite(data: Dataset): Promise<{ ms: number; listed: number }> {
  const db = new PGlite();
  await db.exec(bareTables);
  const t0 = performance.now();
  for (const f of data.files)
    for (const kind of kinds)
      await db.query(`copy bare_${kind} from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([f.csv[kind]]),
      });
  const res = await db.query<{ c1: number; c2: number }>(groupBy);
  const ms = performance.now() - t0;
  await db.close();
  const r = res.rows[0]!;
  return { ms, listed: Number(r.c1) + Number(r.c2) };
}

async function baselinePostgres(url: string, data: Dataset): Promise<{ ms: number; listed: number }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(bareTables);
  const t0 = performance.now();
  for (const f of data.files)
    for (const kind of kinds)
      await pipeline(
        Readable.from([f.csv[kind]]),
        c.query(copyFrom(`copy bare_${kind} from stdin with (format csv, header true)`)),
      );
  const res = await c.query<{ c1: string; c2: string }>(groupBy);
  const ms = performance.now() - t0;
  await c.end();
  const r = res.rows[0]!;
  return { ms, listed: Number(r.c1) + Number(r.c2) };
}

function row(
  engine: string,
  data: Dataset,
  o: { ms: number; listed: number },
  b: { ms: number; listed: number },
  target: number | null,
  peakMb: number,
): BenchRow {
  const rows = data.files.reduce((n, f) => n + f.rows, 0);
  const schools = data.territory.reduce((n, r) => n + r.schools.length, 0);
  if (o.listed !== b.listed) throw new Error(`${engine}: ours listed ${o.listed}, baseline ${b.listed}`);
  return {
    operation: `Импорт и выявление (kuzbass-2021), ${engine}: ${data.files.length} регионов, ${schools.toLocaleString('ru-RU')} школ, ${rows.toLocaleString('ru-RU')} строк результатов; в перечнях ${o.listed.toLocaleString('ru-RU')}`,
    ours: o.ms,
    baselineName: 'COPY тех же строк в простые таблицы + один GROUP BY',
    baseline: b.ms,
    target: target === null ? '—' : `≤ ${target}×`,
    met: target === null ? null : o.ms / b.ms <= target,
    note: `(пик памяти процесса ${peakMb} МБ)`,
  };
}

/** Runs the benchmark on both engines; `regions` limits the country for a quick look. */
export async function benchIdentification(regionCount?: number): Promise<BenchRow[]> {
  const data = nationalDataset(regionCount);
  const rows: BenchRow[] = [];
  const peak = { value: 0 };
  const sampler = setInterval(() => {
    peak.value = Math.max(peak.value, process.memoryUsage().rss);
  }, 50);
  const mb = () => Math.round(peak.value / 1024 / 1024);

  {
    peak.value = 0;
    const d = await openDatabase({ kind: 'pglite', dataDir: null });
    await d.migrate();
    const ids = await loadTerritory(d, data);
    const o = await ours(d, data, ids);
    await d.close();
    const b = await baselinePglite(data);
    rows.push(row('PGlite', data, o, b, 1.5, mb()));
  }
  const pgRow = await withPostgresDatabase(async (url) => {
    peak.value = 0;
    const d = await openDatabase({ kind: 'postgres', url });
    await d.migrate();
    const ids = await loadTerritory(d, data);
    const o = await ours(d, data, ids);
    await d.close();
    return withPostgresDatabase(async (bareUrl) => {
      const b = await baselinePostgres(bareUrl, data);
      return row('PostgreSQL', data, o, b, 1.5, mb());
    });
  });
  clearInterval(sampler);
  if (pgRow) rows.push(pgRow);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const n = process.argv[2] ? Number(process.argv[2]) : undefined;
  const { table } = await import('./measure.ts');
  console.log(table(await benchIdentification(n)));
}
