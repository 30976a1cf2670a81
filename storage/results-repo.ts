// Assessment results of a region: bulk replacement of a kind's years, summaries, and loading for a run.
// Rows are written with COPY (copy-rows.ts) on both engines: one stream for all rows of an import.
import { sql } from 'drizzle-orm';
import type {
  GiaResult,
  JournalResult,
  ResultKind,
  ResultsByKind,
  VprResult,
} from '../domain/identification/results.ts';
import { copyRows, copyValue } from './copy-rows.ts';
import { type Executor, pgArray, queryRows } from './database.ts';
import { giaResults, journalResults, vprResults } from './schema.ts';

const tableOf: Record<ResultKind, string> = { vpr: 'vpr_results', gia: 'gia_results', journal: 'journal_results' };

/** Value columns per kind after the keys (region_id, import_id, organisation_id, year), as the lines below write them. */
const copyColumns: Record<ResultKind, readonly string[]> = {
  vpr: [
    vprResults.subject,
    vprResults.grade,
    vprResults.participants,
    vprResults.n2,
    vprResults.n3,
    vprResults.n4,
    vprResults.n5,
  ].map((c) => c.name),
  gia: [giaResults.exam, giaResults.subject, giaResults.participants, giaResults.belowMin].map((c) => c.name),
  journal: [
    journalResults.subject,
    journalResults.grade,
    journalResults.participants,
    journalResults.lowered,
    journalResults.confirmed,
    journalResults.raised,
  ].map((c) => c.name),
};

// One row's value columns in COPY text format. Subjects and exams come from the known lists (read-results.ts), but
// they are escaped anyway: the repository does not rely on what the reader accepts.
type Line = { [K in ResultKind]: (r: ResultsByKind[K][number]) => string };
const valuesLine: Line = {
  vpr: (r: VprResult) => `${copyValue(r.subject)}\t${r.grade}\t${r.participants}\t${r.n2}\t${r.n3}\t${r.n4}\t${r.n5}\n`,
  gia: (r: GiaResult) => `${copyValue(r.exam)}\t${copyValue(r.subject)}\t${r.participants}\t${r.belowMin}\n`,
  journal: (r: JournalResult) =>
    `${copyValue(r.subject)}\t${r.grade}\t${r.participants}\t${r.lowered}\t${r.confirmed}\t${r.raised}\n`,
};

/** Rows per piece of COPY input: pieces of a few hundred kilobytes stream without holding one huge string. */
const CHUNK = 5000;

/** Deletes the region's rows of the kind for the years; returns how many were there. */
export async function deleteResultYears(ex: Executor, regionId: string, kind: ResultKind, years: number[]) {
  if (years.length === 0) return 0;
  const rows = await queryRows<{ n: number }>(
    ex,
    sql`with gone as (delete from ${sql.identifier(tableOf[kind])} where region_id = ${regionId} and year = any(${pgArray(years)}::int[]) returning 1) select count(*)::int as n from gone`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Writes the records of one import with COPY (copy-rows.ts), on the executor's connection. */
export async function insertResults<K extends ResultKind>(
  ex: Executor,
  kind: K,
  regionId: string,
  importId: string,
  records: readonly ResultsByKind[K][number][],
  organisationIdOf: (code: string) => string,
): Promise<void> {
  const toLine = valuesLine[kind] as (r: ResultsByKind[K][number]) => string;
  const keys = `${copyValue(regionId)}\t${copyValue(importId)}\t`;
  const chunks: string[] = [];
  for (let start = 0; start < records.length; start += CHUNK) {
    let text = '';
    const end = Math.min(records.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const r = records[i]!;
      text += `${keys}${copyValue(organisationIdOf(r.schoolCode))}\t${r.year}\t${toLine(r)}`;
    }
    chunks.push(text);
  }
  const columns = ['region_id', 'import_id', 'organisation_id', 'year', ...copyColumns[kind]];
  await copyRows(ex, tableOf[kind], columns, chunks);
}

export interface ResultsYearSummary {
  kind: ResultKind;
  year: number;
  rows: number;
  schools: number;
  participants: number;
}

export async function summariseResults(ex: Executor, regionId: string): Promise<ResultsYearSummary[]> {
  const parts = (Object.keys(tableOf) as ResultKind[]).map(
    (kind) =>
      sql`select ${kind}::text as kind, year::int as year, count(*)::int as rows, count(distinct organisation_id)::int as schools, coalesce(sum(participants), 0)::bigint as participants from ${sql.identifier(tableOf[kind])} where region_id = ${regionId} group by year`,
  );
  const rows = await queryRows<ResultsYearSummary>(ex, sql`${sql.join(parts, sql` union all `)} order by kind, year`);
  return rows.map((r) => ({ ...r, participants: Number(r.participants) }));
}

/**
 * Loads the region's results of the given years with school codes, as identification takes them. Journal
 * comparisons are pooled per school and year in SQL, as the rule pools them (one row per school-year).
 */
export async function loadResults(ex: Executor, regionId: string, years: number[] | null): Promise<ResultsByKind> {
  const yearFilter = (alias: string) =>
    years ? sql`and ${sql.raw(alias)}.year = any(${pgArray(years)}::int[])` : sql``;
  // One query after another: inside a transaction both drivers run them on one connection anyway.
  const vpr = await queryRows<VprResult>(
    ex,
    sql`select r.year::int as "year", o.code as "schoolCode", r.subject, r.grade::int as grade, r.participants, r.n2, r.n3, r.n4, r.n5
          from vpr_results r join organisations o on o.id = r.organisation_id where r.region_id = ${regionId} ${yearFilter('r')}`,
  );
  const gia = await queryRows<GiaResult>(
    ex,
    sql`select r.year::int as "year", o.code as "schoolCode", r.exam, r.subject, r.participants, r.below_min as "belowMin"
          from gia_results r join organisations o on o.id = r.organisation_id where r.region_id = ${regionId} ${yearFilter('r')}`,
  );
  const journal = await queryRows<JournalResult>(
    ex,
    sql`select r.year::int as "year", o.code as "schoolCode", 'все предметы' as subject, 0 as grade,
            sum(r.participants)::int as participants, sum(r.lowered)::int as lowered, sum(r.confirmed)::int as confirmed, sum(r.raised)::int as raised
          from journal_results r join organisations o on o.id = r.organisation_id where r.region_id = ${regionId} ${yearFilter('r')}
          group by r.year, o.code`,
  );
  return { vpr, gia, journal };
}

/**
 * The distinct years of a region's rows in one results table, found by skipping through the primary key
 * (region_id, year, …) one year at a time instead of reading every row of the region.
 */
const yearsIn = (table: string, regionId: string) =>
  sql`(with recursive y(year) as (
        select min(year) from ${sql.identifier(table)} where region_id = ${regionId}
        union all
        select (select min(t.year) from ${sql.identifier(table)} t where t.region_id = ${regionId} and t.year > y.year)
          from y where y.year is not null
      ) select year::int as year from y where year is not null)`;

/** The years for which the region has any results. */
export async function resultYearsOf(ex: Executor, regionId: string): Promise<number[]> {
  const parts = (Object.values(tableOf) as string[]).map((table) => yearsIn(table, regionId));
  const rows = await queryRows<{ year: number }>(ex, sql`${sql.join(parts, sql` union `)} order by 1`);
  return rows.map((r) => r.year);
}

/** Takes the region's lock for a kind of results until the transaction ends: parallel imports queue up. */
export async function lockResults(ex: Executor, regionId: string, kind: ResultKind): Promise<void> {
  await ex.execute(sql`select pg_advisory_xact_lock(hashtext(${`results:${regionId}:${kind}`}))`);
}
