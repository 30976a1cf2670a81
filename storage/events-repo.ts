// Events with what lists and calendars show (programme, activity, organiser, registration and attendance
// counts) in one query, and the visibility rule: an event is seen inside its place and below it — a regional
// seminar by every school of the region, a municipal one by that municipality's schools.
import { and, asc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Scope } from '../domain/roles.ts';
import type { Executor } from './database.ts';
import {
  eventParticipants,
  events,
  municipalities,
  organisations,
  programmeActivities,
  programmes,
  regions,
} from './schema.ts';

/** Events an actor sees: inside its scope, or placed above it (its region's or municipality's events). */
export function eventScope(scope: Scope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'none':
      return sql`false`;
    case 'region':
      return eq(events.regionId, scope.regionId);
    case 'municipality':
      return and(
        eq(events.regionId, scope.regionId),
        or(isNull(events.municipalityId), eq(events.municipalityId, scope.municipalityId)),
      );
    case 'organisation':
    case 'organisations': {
      const ids = scope.kind === 'organisation' ? [scope.organisationId] : [...scope.organisationIds];
      const theirMunicipalities = sql`(select ${organisations.municipalityId} from ${organisations} where ${inArray(organisations.id, ids)})`;
      return and(
        eq(events.regionId, scope.regionId),
        or(
          isNull(events.municipalityId),
          and(
            sql`${events.municipalityId} in ${theirMunicipalities}`,
            or(isNull(events.organisationId), inArray(events.organisationId, ids)),
          ),
        ),
      );
    }
  }
}

export interface EventFilter {
  id?: string;
  ids?: string[];
  from?: string;
  to?: string;
  programmeId?: string;
  organisationId?: string;
  kind?: string;
  q?: string;
}

export async function eventRows(ex: Executor, scope: Scope, f: EventFilter, limit = 1000, offset = 0) {
  const where = and(
    eventScope(scope),
    f.id ? eq(events.id, f.id) : undefined,
    f.ids ? inArray(events.id, f.ids) : undefined,
    f.from ? gte(events.windowEnd, f.from) : undefined,
    f.to ? lte(events.windowStart, f.to) : undefined,
    f.programmeId ? eq(events.programmeId, f.programmeId) : undefined,
    f.kind ? eq(events.kind, f.kind) : undefined,
    f.organisationId
      ? or(
          eq(events.organisationId, f.organisationId),
          sql`exists (select 1 from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.organisationId} = ${f.organisationId})`,
        )
      : undefined,
    f.q ? or(ilike(events.topic, `%${f.q}%`), ilike(events.responsible, `%${f.q}%`)) : undefined,
  );
  const rows = await ex
    .select({
      id: events.id,
      regionId: events.regionId,
      municipalityId: events.municipalityId,
      organisationId: events.organisationId,
      programmeId: events.programmeId,
      programmeTitle: programmes.title,
      activityId: events.activityId,
      activityNumber: programmeActivities.number,
      kind: events.kind,
      topic: events.topic,
      dateText: events.dateText,
      windowStart: events.windowStart,
      windowEnd: events.windowEnd,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      place: events.place,
      link: events.link,
      responsible: events.responsible,
      links: events.links,
      audience: events.audience,
      status: events.status,
      source: events.source,
      version: events.version,
      timezone: regions.timezone,
      organiserName: sql<string>`coalesce(${organisations.shortName}, ${municipalities.name}, ${regions.name})`,
      registered: sql<number>`(select count(*)::int from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.registered})`,
      attended: sql<number>`(select count(*)::int from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.attended})`,
    })
    .from(events)
    .innerJoin(regions, eq(regions.id, events.regionId))
    .leftJoin(municipalities, eq(municipalities.id, events.municipalityId))
    .leftJoin(organisations, eq(organisations.id, events.organisationId))
    .leftJoin(programmes, eq(programmes.id, events.programmeId))
    .leftJoin(programmeActivities, eq(programmeActivities.id, events.activityId))
    .where(where)
    // A programme's schedule keeps its order within a month (its rows share the month and the moment saved).
    .orderBy(
      asc(events.windowStart),
      asc(sql`coalesce(${events.startsAt}, ${events.createdAt})`),
      asc(sql`(${events.source}->>'consultation')::int`),
      asc(events.id),
    )
    .limit(limit)
    .offset(offset);
  const [count] = await ex.select({ n: sql<number>`count(*)::int` }).from(events).where(where);
  return { rows, total: Number(count?.n ?? 0) };
}
export type EventRow = Awaited<ReturnType<typeof eventRows>>['rows'][number];
