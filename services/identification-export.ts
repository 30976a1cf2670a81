// Exported documents of identification: a run (draft, «Проект») or an approved list as XLSX or DOCX.
import { and, eq } from 'drizzle-orm';
import { writeIdentificationDocx } from '../adapters/docx/write-identification.ts';
import { type IdentificationReport, writeIdentificationXlsx } from '../adapters/xlsx/write-identification.ts';
import type { RunDetail } from '../contract/identification.ts';
import { presetByCode } from '../domain/identification/presets.ts';
import { methodologies, schoolLists } from '../storage/schema.ts';
import { type ServiceContext, scope } from './context.ts';
import { getRun, getSchoolList, regionName } from './identification.ts';

const defaultTitle = 'Перечень общеобразовательных организаций с низкими образовательными результатами обучающихся';

async function methodologySource(ctx: ServiceContext, run: RunDetail): Promise<string> {
  const preset = presetByCode(run.methodologyCode);
  if (preset) return preset.source;
  const [m] = await ctx.db
    .select({ source: methodologies.source })
    .from(methodologies)
    .where(and(eq(methodologies.regionId, run.regionId), eq(methodologies.code, run.methodologyCode)));
  return m?.source ?? '';
}

async function reportOf(
  ctx: ServiceContext,
  run: RunDetail,
  approved: IdentificationReport['approved'],
  title: string,
): Promise<IdentificationReport> {
  return {
    regionName: await regionName(ctx.db, run.regionId),
    title,
    methodologyTitle: run.methodologyTitle,
    methodologySource: await methodologySource(ctx, run),
    year: run.year,
    years: run.years,
    approved,
    totals: run.totals,
    schools: run.schools.map((s) => ({
      code: s.code,
      name: s.name,
      type: s.type,
      municipality: s.municipality,
      category: s.category,
      lowProcedures: s.lowProcedures,
      redZone: s.redZone,
      objectivityGap: s.objectivityGap,
      objectivityShare: s.objectivityShare,
      repeated: s.inPreviousList,
      reasons: s.reasons.map((r) => ({ kind: r.kind, text: r.text })),
    })),
    difference: run.difference,
  };
}

const write = (r: IdentificationReport, format: 'xlsx' | 'docx') =>
  format === 'xlsx' ? writeIdentificationXlsx(r) : writeIdentificationDocx(r);

export async function exportRun(ctx: ServiceContext, id: string, format: 'xlsx' | 'docx') {
  const run = await getRun(ctx, id);
  const approved = run.listId ? await ctx.db.select().from(schoolLists).where(eq(schoolLists.id, run.listId)) : [];
  const list = approved[0];
  const report = await reportOf(
    ctx,
    run,
    list ? { number: list.number, orderNumber: list.orderNumber, orderDate: list.orderDate } : null,
    list?.title ?? defaultTitle,
  );
  return { bytes: await write(report, format), name: `расчёт-${run.methodologyCode}-${run.year}` };
}

/**
 * An approved list as its run saw it. Readers below the region get only the schools of their territory:
 * the list is read through getSchoolList, which filters by scope, and the run's totals are not shown to them.
 */
export async function exportSchoolList(ctx: ServiceContext, id: string, format: 'xlsx' | 'docx') {
  const list = await getSchoolList(ctx, id);
  const approved = { number: list.number, orderNumber: list.orderNumber, orderDate: list.orderDate };
  const name = `перечень-${list.number}`;
  const regionWide = ['all', 'region'].includes(scope(ctx).kind);
  if (regionWide) {
    const run = await getRun(ctx, list.runId);
    return { bytes: await write(await reportOf(ctx, run, approved, list.title), format), name };
  }
  const members = list.members;
  const byCategory: Record<string, number> = {};
  for (const m of members) if (m.category !== null) byCategory[m.category] = (byCategory[m.category] ?? 0) + 1;
  const report: IdentificationReport = {
    regionName: await regionName(ctx.db, list.regionId),
    title: list.title,
    methodologyTitle: list.methodologyTitle,
    methodologySource: '',
    year: list.year,
    years: [list.year],
    approved,
    totals: {
      schools: members.length,
      listed: members.length,
      byCategory,
      share: 100,
      municipalities: new Set(members.map((m) => m.municipality)).size,
      municipalitiesWithListed: new Set(members.map((m) => m.municipality)).size,
      municipalitiesShare: 100,
      redZone: 0,
      objectivityGap: 0,
      byType: [],
      byMunicipality: [],
    },
    schools: members.map((m) => ({
      code: m.code,
      name: m.name,
      type: m.type,
      municipality: m.municipality,
      category: m.category,
      lowProcedures: 0,
      redZone: false,
      objectivityGap: false,
      objectivityShare: null,
      repeated: m.repeated,
      reasons: [],
    })),
    difference: null,
  };
  return { bytes: await write(report, format), name };
}
