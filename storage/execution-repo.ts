// Execution units of activities with what the roll-ups need in one query: the activity's wording and deadline
// reading, the unit's place and the names people know it by. Evidence, threads and curator assignments.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DeadlineReading } from '../domain/deadline/read-deadline.ts';
import type { EvidenceKind, EvidenceRule } from '../domain/execution/evidence.ts';
import type { ExecutionStatus } from '../domain/execution/status.ts';
import type { Scope } from '../domain/roles.ts';
import type { Executor } from './database.ts';
import {
  activityComments,
  activityExecutions,
  curatorAssignments,
  executionEvidence,
  municipalities,
  organisations,
  programmeActivities,
  programmeSections,
  programmes,
  regions,
  storedFiles,
} from './schema.ts';
import { scopeCondition } from './scope-filter.ts';

export interface UnitRecord {
  id: string;
  regionId: string;
  programmeId: string;
  activityId: string;
  sectionId: string;
  sectionPosition: number;
  activityPosition: number;
  number: string;
  text: string;
  deadlineText: string;
  reading: DeadlineReading;
  responsible: string;
  informationSupport: string;
  targetKind: 'owner' | 'schools' | 'municipalities';
  evidenceRule: Partial<EvidenceRule>;
  cascadeLevel: 'municipality' | 'school' | null;
  municipalityId: string | null;
  organisationId: string | null;
  own: boolean;
  status: ExecutionStatus;
  completedOn: string | null;
  cancelReason: string;
  comment: string;
  version: number;
  updatedAt: string;
  /** The school, municipality or region whose work it is. */
  executorName: string;
  /** The municipality of the unit (a school's own), '' for a regional unit. */
  municipalityName: string;
  organisationCode: string | null;
}

const m = alias(municipalities, 'm');
const o = alias(organisations, 'o');
const om = alias(municipalities, 'om');
const r = alias(regions, 'r');

export const unitScope = (scope: Scope): SQL | undefined =>
  scopeCondition(scope, {
    region: activityExecutions.regionId,
    municipality: activityExecutions.municipalityId,
    organisation: activityExecutions.organisationId,
  });

/** Units of the given programmes (and, optionally, only those inside a scope or one place). */
export async function loadUnits(
  ex: Executor,
  where: { programmeIds?: readonly string[]; ids?: readonly string[]; activityId?: string },
  scope?: Scope,
): Promise<UnitRecord[]> {
  const conditions = [
    where.programmeIds ? inArray(activityExecutions.programmeId, [...where.programmeIds]) : undefined,
    where.ids ? inArray(activityExecutions.id, [...where.ids]) : undefined,
    where.activityId ? eq(activityExecutions.activityId, where.activityId) : undefined,
    scope ? unitScope(scope) : undefined,
  ];
  if ((where.programmeIds && where.programmeIds.length === 0) || (where.ids && where.ids.length === 0)) return [];
  const rows = await ex
    .select({
      id: activityExecutions.id,
      regionId: activityExecutions.regionId,
      programmeId: activityExecutions.programmeId,
      activityId: activityExecutions.activityId,
      sectionId: programmeActivities.sectionId,
      sectionPosition: programmeSections.position,
      activityPosition: programmeActivities.position,
      number: programmeActivities.number,
      text: programmeActivities.text,
      deadlineText: programmeActivities.deadlineText,
      reading: programmeActivities.deadlineReading,
      responsible: programmeActivities.responsible,
      informationSupport: programmeActivities.informationSupport,
      targetKind: programmeActivities.targetKind,
      evidenceRule: programmeActivities.evidenceRule,
      cascadeLevel: programmeActivities.cascadeLevel,
      municipalityId: activityExecutions.municipalityId,
      organisationId: activityExecutions.organisationId,
      own: activityExecutions.own,
      status: activityExecutions.status,
      completedOn: activityExecutions.completedOn,
      cancelReason: activityExecutions.cancelReason,
      comment: activityExecutions.comment,
      version: activityExecutions.version,
      updatedAt: activityExecutions.updatedAt,
      executorName: sql<string>`coalesce(${o.shortName}, ${m.name}, ${r.shortName})`,
      municipalityName: sql<string>`coalesce(${om.name}, ${m.name}, '')`,
      organisationCode: o.code,
    })
    .from(activityExecutions)
    .innerJoin(programmeActivities, eq(programmeActivities.id, activityExecutions.activityId))
    .innerJoin(programmeSections, eq(programmeSections.id, programmeActivities.sectionId))
    .innerJoin(r, eq(r.id, activityExecutions.regionId))
    .leftJoin(m, eq(m.id, activityExecutions.municipalityId))
    .leftJoin(o, eq(o.id, activityExecutions.organisationId))
    .leftJoin(om, eq(om.id, o.municipalityId))
    .where(and(...conditions))
    .orderBy(
      asc(activityExecutions.programmeId),
      asc(programmeSections.position),
      asc(programmeActivities.position),
      asc(activityExecutions.own),
      asc(sql`coalesce(${om.name}, ${m.name}, '')`),
      asc(sql`coalesce(${o.shortName}, ${m.name}, ${r.shortName})`),
    );
  return rows.map((x) => ({
    ...x,
    reading: x.reading as DeadlineReading,
    targetKind: x.targetKind as UnitRecord['targetKind'],
    evidenceRule: (x.evidenceRule ?? {}) as Partial<EvidenceRule>,
    cascadeLevel: x.cascadeLevel as UnitRecord['cascadeLevel'],
    status: x.status as ExecutionStatus,
    updatedAt: x.updatedAt.toISOString(),
  }));
}

/**
 * Does the programme give work to anyone inside the scope? (A school sees a regional roadmap that targets it.)
 * A region's units are all its own programmes', so for a region or the country there is nothing to add — and
 * no subquery to confuse the planner's row estimates (bench/plans/).
 */
export function programmeReaches(scope: Scope): SQL | undefined {
  if (scope.kind === 'region' || scope.kind === 'all') return undefined;
  const inside = unitScope(scope);
  if (!inside) return undefined;
  return sql`exists (select 1 from ${activityExecutions} where ${activityExecutions.programmeId} = ${programmes.id} and ${inside})`;
}

export interface EvidenceRecord {
  id: string;
  executionId: string;
  kind: EvidenceKind;
  title: string;
  url: string;
  documentNumber: string;
  documentDate: string | null;
  file: { id: string; name: string; size: number; mediaType: string } | null;
  createdByLogin: string;
  createdAt: string;
}

export async function loadEvidence(ex: Executor, executionIds: readonly string[]): Promise<EvidenceRecord[]> {
  if (executionIds.length === 0) return [];
  const rows = await ex
    .select({
      id: executionEvidence.id,
      executionId: executionEvidence.executionId,
      kind: executionEvidence.kind,
      title: executionEvidence.title,
      url: executionEvidence.url,
      documentNumber: executionEvidence.documentNumber,
      documentDate: executionEvidence.documentDate,
      fileId: storedFiles.id,
      fileName: storedFiles.name,
      fileSize: storedFiles.size,
      mediaType: storedFiles.mediaType,
      createdByLogin: executionEvidence.createdByLogin,
      createdAt: executionEvidence.createdAt,
    })
    .from(executionEvidence)
    .leftJoin(storedFiles, eq(storedFiles.id, executionEvidence.fileId))
    .where(inArray(executionEvidence.executionId, [...executionIds]))
    .orderBy(asc(executionEvidence.createdAt));
  return rows.map((e) => ({
    id: e.id,
    executionId: e.executionId,
    kind: e.kind as EvidenceKind,
    title: e.title,
    url: e.url,
    documentNumber: e.documentNumber,
    documentDate: e.documentDate,
    file:
      e.fileId && e.fileName !== null
        ? { id: e.fileId, name: e.fileName, size: e.fileSize ?? 0, mediaType: e.mediaType ?? '' }
        : null,
    createdByLogin: e.createdByLogin,
    createdAt: e.createdAt.toISOString(),
  }));
}

export async function commentCounts(ex: Executor, executionIds: readonly string[]): Promise<Map<string, number>> {
  if (executionIds.length === 0) return new Map();
  const rows = await ex
    .select({ id: activityComments.executionId, n: sql<number>`count(*)::int` })
    .from(activityComments)
    .where(inArray(activityComments.executionId, [...executionIds]))
    .groupBy(activityComments.executionId);
  return new Map(rows.map((x) => [x.id, Number(x.n)]));
}

export async function listComments(ex: Executor, executionId: string) {
  return ex
    .select()
    .from(activityComments)
    .where(eq(activityComments.executionId, executionId))
    .orderBy(asc(activityComments.createdAt), asc(activityComments.id));
}

/** The schools assigned to a curator. */
export async function assignedSchools(ex: Executor, userId: string): Promise<string[]> {
  const rows = await ex
    .select({ id: curatorAssignments.organisationId })
    .from(curatorAssignments)
    .where(eq(curatorAssignments.userId, userId));
  return rows.map((x) => x.id);
}
