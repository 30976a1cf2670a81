// Activities for calendars, in one query: those of the programmes an actor may read, with the statuses of the
// units the actor sees (all of them for the programme's own territory, its own share for a territory the
// programme gives work to), optionally only those with a deadline window inside a range of dates.
import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { DeadlineReading } from '../domain/deadline/read-deadline.ts';
import type { ExecutionStatus } from '../domain/execution/status.ts';
import type { Scope } from '../domain/roles.ts';
import type { Executor } from './database.ts';
import { programmeReaches, unitScope } from './execution-repo.ts';
import { programmeScope } from './programmes-repo.ts';
import { activityExecutions, programmeActivities, programmeSections, programmes, regions } from './schema.ts';

export interface CalendarActivityRecord {
  activityId: string;
  programmeId: string;
  programmeTitle: string;
  /** The programme's settings as stored (defaults are applied by the caller). */
  settings: unknown;
  timezone: string;
  number: string;
  text: string;
  deadlineText: string;
  reading: DeadlineReading;
  responsible: string;
  /** Statuses of the units the actor sees. */
  statuses: ExecutionStatus[];
}

export async function calendarActivities(
  ex: Executor,
  scope: Scope,
  f: { programmeId?: string; from?: string; to?: string },
): Promise<CalendarActivityRecord[]> {
  const owns = programmeScope(scope);
  const inside = unitScope(scope);
  // Without a condition (the administrator) everything is visible.
  const always = sql`true`;
  const unitVisible = owns && inside ? or(owns, inside)! : always;
  const windows = sql`coalesce(${programmeActivities.deadlineReading}->'windows', '[]'::jsonb)`;
  const inRange: SQL | undefined =
    f.from && f.to
      ? sql`exists (select 1 from jsonb_array_elements(${windows}) w where coalesce(w->>'start', w->>'end') <= ${f.to} and w->>'end' >= ${f.from})`
      : sql`jsonb_array_length(${windows}) > 0`;
  const rows = await ex
    .select({
      activityId: programmeActivities.id,
      programmeId: programmes.id,
      programmeTitle: programmes.title,
      settings: programmes.settings,
      timezone: regions.timezone,
      number: programmeActivities.number,
      text: programmeActivities.text,
      deadlineText: programmeActivities.deadlineText,
      reading: programmeActivities.deadlineReading,
      responsible: programmeActivities.responsible,
      statuses: sql<
        string[] | null
      >`array_agg(${activityExecutions.status} order by ${activityExecutions.id}) filter (where ${activityExecutions.id} is not null and ${unitVisible})`,
    })
    .from(programmeActivities)
    .innerJoin(programmes, eq(programmes.id, programmeActivities.programmeId))
    .innerJoin(programmeSections, eq(programmeSections.id, programmeActivities.sectionId))
    .innerJoin(regions, eq(regions.id, programmes.regionId))
    .leftJoin(activityExecutions, eq(activityExecutions.activityId, programmeActivities.id))
    .where(
      and(
        // A programme is in the calendar of those it belongs to and of those it gives work to.
        owns ? or(owns, programmeReaches(scope)) : undefined,
        f.programmeId ? eq(programmes.id, f.programmeId) : undefined,
        inRange,
      ),
    )
    .groupBy(programmeActivities.id, programmes.id, programmeSections.id, regions.id)
    // Of a programme the actor only works for, just the activities that give the actor work.
    .having(
      owns && inside
        ? sql`${owns} or count(*) filter (where ${activityExecutions.id} is not null and ${inside}) > 0`
        : undefined,
    )
    .orderBy(
      asc(programmes.periodStart),
      asc(programmes.title),
      asc(programmes.id),
      asc(programmeSections.position),
      asc(programmeActivities.position),
    );
  return rows.map((x) => ({
    ...x,
    reading: x.reading as DeadlineReading,
    statuses: (x.statuses ?? []) as ExecutionStatus[],
  }));
}
