// What the reminder planner reads and writes, set-based per region: the open units of approved programmes
// with the wording a reminder quotes, the accounts that may be told, notifications inserted once per account
// and key, and the outcome of e-mailing them. In-app notifications of one account.
import { and, desc, eq, inArray, isNotNull, isNull, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DeadlineReading } from '../domain/deadline/read-deadline.ts';
import type { ReminderAccount } from '../domain/execution/reminder-recipients.ts';
import type { ReminderKind } from '../domain/execution/reminders.ts';
import type { ExecutionStatus } from '../domain/execution/status.ts';
import { type Executor, pgArray } from './database.ts';
import {
  activityExecutions,
  eventParticipants,
  events,
  municipalities,
  notifications,
  organisations,
  programmeActivities,
  programmes,
  regions,
  users,
} from './schema.ts';

/** The regions that have at least one approved programme (all of them, or the one asked for). */
export async function regionsWithApprovedProgrammes(
  ex: Executor,
  regionId?: string,
): Promise<{ id: string; timezone: string }[]> {
  return ex
    .select({ id: regions.id, timezone: regions.timezone })
    .from(regions)
    .where(
      and(
        regionId ? eq(regions.id, regionId) : undefined,
        sql`exists (select 1 from ${programmes} where ${programmes.regionId} = ${regions.id} and ${programmes.approvedVersion} is not null)`,
      ),
    );
}

export interface OpenUnitRecord {
  executionId: string;
  programmeId: string;
  programmeTitle: string;
  /** The programme's settings as stored (defaults are applied by the caller). */
  settings: unknown;
  activityNumber: string;
  activityText: string;
  deadlineText: string;
  reading: DeadlineReading;
  status: ExecutionStatus;
  municipalityId: string | null;
  organisationId: string | null;
  executorName: string;
}

const m = alias(municipalities, 'm');
const o = alias(organisations, 'o');
const r = alias(regions, 'r');

/**
 * Units of a region's approved programmes that are neither done nor cancelled and whose deadline was read
 * into dates: the only ones a reminder can be about. One query for the whole region.
 */
export async function openUnitsOfApprovedProgrammes(ex: Executor, regionId: string): Promise<OpenUnitRecord[]> {
  const rows = await ex
    .select({
      executionId: activityExecutions.id,
      programmeId: activityExecutions.programmeId,
      programmeTitle: programmes.title,
      settings: programmes.settings,
      activityNumber: programmeActivities.number,
      activityText: programmeActivities.text,
      deadlineText: programmeActivities.deadlineText,
      reading: programmeActivities.deadlineReading,
      status: activityExecutions.status,
      municipalityId: activityExecutions.municipalityId,
      organisationId: activityExecutions.organisationId,
      executorName: sql<string>`coalesce(${o.shortName}, ${m.name}, ${r.shortName})`,
    })
    .from(activityExecutions)
    .innerJoin(programmes, eq(programmes.id, activityExecutions.programmeId))
    .innerJoin(programmeActivities, eq(programmeActivities.id, activityExecutions.activityId))
    .innerJoin(r, eq(r.id, activityExecutions.regionId))
    .leftJoin(m, eq(m.id, activityExecutions.municipalityId))
    .leftJoin(o, eq(o.id, activityExecutions.organisationId))
    .where(
      and(
        eq(activityExecutions.regionId, regionId),
        isNotNull(programmes.approvedVersion),
        notInArray(activityExecutions.status, ['done', 'cancelled']),
        sql`jsonb_array_length(coalesce(${programmeActivities.deadlineReading}->'windows', '[]'::jsonb)) > 0`,
      ),
    );
  return rows.map((x) => ({ ...x, reading: x.reading as DeadlineReading, status: x.status as ExecutionStatus }));
}

export interface AccountRecord extends ReminderAccount {
  email: string;
}

/** The active accounts of a region that reminders go to: schools and coordinators. */
export async function reminderAccounts(ex: Executor, regionId: string): Promise<AccountRecord[]> {
  return ex
    .select({
      userId: users.id,
      role: users.role,
      municipalityId: users.municipalityId,
      organisationId: users.organisationId,
      email: users.email,
    })
    .from(users)
    .where(
      and(
        eq(users.regionId, regionId),
        eq(users.status, 'active'),
        inArray(users.role, ['school', 'municipal_coordinator', 'regional_coordinator']),
      ),
    );
}

export interface NotificationValues {
  regionId: string;
  userId: string;
  kind: ReminderKind | 'event';
  key: string;
  executionId: string | null;
  programmeId: string | null;
  eventId?: string;
  subject: string;
  body: string;
  createdAt: Date;
}

/** Inserts notifications, skipping those an account already has (same key); returns only the new ones. */
export async function insertNewNotifications(
  ex: Executor,
  values: readonly NotificationValues[],
): Promise<{ id: string; userId: string; subject: string; body: string }[]> {
  const created: { id: string; userId: string; subject: string; body: string }[] = [];
  for (let i = 0; i < values.length; i += 1000) {
    const rows = await ex
      .insert(notifications)
      .values(values.slice(i, i + 1000))
      .onConflictDoNothing({ target: [notifications.userId, notifications.key] })
      .returning({
        id: notifications.id,
        userId: notifications.userId,
        subject: notifications.subject,
        body: notifications.body,
      });
    created.push(...rows);
  }
  return created;
}

/** Records that notifications were e-mailed at a moment. */
export async function markEmailed(ex: Executor, ids: readonly string[], at: Date): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000)
    await ex
      .update(notifications)
      .set({ emailedAt: at, emailError: null })
      .where(sql`${notifications.id} = any(${pgArray(ids.slice(i, i + 5000))}::uuid[])`);
}

/** Records why e-mailing notifications failed. */
export async function markEmailFailed(ex: Executor, ids: readonly string[], error: string): Promise<void> {
  for (let i = 0; i < ids.length; i += 5000)
    await ex
      .update(notifications)
      .set({ emailError: error.slice(0, 1000) })
      .where(sql`${notifications.id} = any(${pgArray(ids.slice(i, i + 5000))}::uuid[])`);
}

export type NotificationRecord = typeof notifications.$inferSelect;

/** An account's notifications, newest first. */
export async function listUserNotifications(
  ex: Executor,
  userId: string,
  o: { unreadOnly: boolean; limit: number },
): Promise<NotificationRecord[]> {
  return ex
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), o.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(o.limit);
}

/** Marks an account's notification read (the first reading is kept); null when the account has no such one. */
export async function markNotificationRead(
  ex: Executor,
  userId: string,
  id: string,
  at: Date,
): Promise<NotificationRecord | null> {
  const [row] = await ex
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ?? null;
}

/** Marks every unread notification of an account read; returns how many there were. */
export async function markAllNotificationsRead(ex: Executor, userId: string, at: Date): Promise<number> {
  const rows = await ex
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Regions with a planned event starting between yesterday and a few days ahead (a day either side for zones). */
export async function regionsWithUpcomingEvents(
  ex: Executor,
  now: Date,
  regionId?: string,
): Promise<{ id: string; timezone: string }[]> {
  const from = new Date(now.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
  const to = new Date(now.getTime() + 6 * 86_400_000).toISOString().slice(0, 10);
  return ex
    .select({ id: regions.id, timezone: regions.timezone })
    .from(regions)
    .where(
      and(
        regionId ? eq(regions.id, regionId) : undefined,
        sql`exists (select 1 from ${events} where ${events.regionId} = ${regions.id} and ${events.status} = 'planned' and ${events.windowStart} between ${from} and ${to})`,
      ),
    );
}

/** A region's planned events starting between two days, with the schools whose staff registered. */
export async function upcomingEvents(ex: Executor, regionId: string, from: string, to: string) {
  const rows = await ex
    .select({
      id: events.id,
      regionId: events.regionId,
      municipalityId: events.municipalityId,
      organisationId: events.organisationId,
      programmeId: events.programmeId,
      programmeTitle: programmes.title,
      kind: events.kind,
      topic: events.topic,
      windowStart: events.windowStart,
      windowEnd: events.windowEnd,
      startsAt: events.startsAt,
      place: events.place,
      link: events.link,
      audience: events.audience,
      registeredOrganisations: sql<
        string[]
      >`coalesce((select array_agg(distinct ${eventParticipants.organisationId}) from ${eventParticipants} where ${eventParticipants.eventId} = ${events.id} and ${eventParticipants.registered} and ${eventParticipants.organisationId} is not null), '{}')`,
    })
    .from(events)
    .leftJoin(programmes, eq(programmes.id, events.programmeId))
    .where(
      and(
        eq(events.regionId, regionId),
        eq(events.status, 'planned'),
        sql`${events.windowStart} between ${from} and ${to}`,
      ),
    );
  return rows.map((r) => ({ ...r, registeredOrganisations: r.registeredOrganisations ?? [] }));
}
