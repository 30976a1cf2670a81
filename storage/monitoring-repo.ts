// Monitoring rounds of programmes and engagement scores.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { EngagementCriterion } from '../domain/execution/engagement.ts';
import type { Executor } from './database.ts';
import { engagementScores, monitoringRounds } from './schema.ts';

export type RoundValues = typeof monitoringRounds.$inferInsert;

export interface RoundRecord {
  id: string;
  regionId: string;
  programmeId: string;
  kind: 'execution' | 'engagement';
  date: string;
  title: string;
  threshold: { min: number; max: number } | null;
  criteria: EngagementCriterion[];
  recommendations: string;
  snapshot: unknown;
  frozenAt: string | null;
  frozenBy: string | null;
  version: number;
}

type RoundRow = typeof monitoringRounds.$inferSelect;
const present = (r: RoundRow): RoundRecord => ({
  id: r.id,
  regionId: r.regionId,
  programmeId: r.programmeId,
  kind: r.kind as RoundRecord['kind'],
  date: r.date,
  title: r.title,
  threshold: r.minPercent !== null ? { min: r.minPercent, max: r.maxPercent ?? r.minPercent } : null,
  criteria: r.criteria as EngagementCriterion[],
  recommendations: r.recommendations,
  snapshot: r.snapshot,
  frozenAt: r.frozenAt?.toISOString() ?? null,
  frozenBy: r.frozenBy,
  version: r.version,
});

/** Rounds read from a document or added by a coordinator; a date already taken is skipped. */
export async function insertRounds(ex: Executor, values: RoundValues[]): Promise<string[]> {
  if (values.length === 0) return [];
  const rows = await ex
    .insert(monitoringRounds)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: monitoringRounds.id });
  return rows.map((r) => r.id);
}

export async function listRounds(ex: Executor, programmeIds: readonly string[]): Promise<RoundRecord[]> {
  if (programmeIds.length === 0) return [];
  const rows = await ex
    .select()
    .from(monitoringRounds)
    .where(inArray(monitoringRounds.programmeId, [...programmeIds]))
    .orderBy(asc(monitoringRounds.date), asc(monitoringRounds.kind));
  return rows.map(present);
}

export async function getRound(ex: Executor, id: string): Promise<RoundRecord | null> {
  const [row] = await ex.select().from(monitoringRounds).where(eq(monitoringRounds.id, id));
  return row ? present(row) : null;
}

export async function findRoundByDate(
  ex: Executor,
  programmeId: string,
  date: string,
  kind: RoundRecord['kind'] = 'execution',
): Promise<RoundRecord | null> {
  const [row] = await ex
    .select()
    .from(monitoringRounds)
    .where(
      and(
        eq(monitoringRounds.programmeId, programmeId),
        eq(monitoringRounds.date, date),
        eq(monitoringRounds.kind, kind),
      ),
    );
  return row ? present(row) : null;
}

export interface ScoreRecord {
  id: string;
  municipalityId: string | null;
  organisationId: string | null;
  scores: Record<string, number>;
  version: number;
}

export async function listScores(ex: Executor, roundId: string): Promise<ScoreRecord[]> {
  const rows = await ex.select().from(engagementScores).where(eq(engagementScores.roundId, roundId));
  return rows.map((r) => ({
    id: r.id,
    municipalityId: r.municipalityId,
    organisationId: r.organisationId,
    scores: r.scores as Record<string, number>,
    version: r.version,
  }));
}
