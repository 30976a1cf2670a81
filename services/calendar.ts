// Calendars of activity deadlines: the events of the programmes an actor may read (status and timing as of
// today in the programme's region), a programme's calendar as an .ics file, and a personal feed a calendar
// application subscribes to by a secret link (only the SHA-256 of its token is kept). Both .ics outputs carry
// the support's events too (consultations, seminars, webinars …) that the actor sees.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type IcalEvent, writeIcal } from '../adapters/ical/write-ical.ts';
import type { calendarEvent } from '../contract/execution.ts';
import { ruDate } from '../domain/deadline/read-deadline.ts';
import { DomainError } from '../domain/errors.ts';
import { activityStatus } from '../domain/execution/rollup.ts';
import { addDays, daysBetween, executionStatusLabels, timingLabels, timingOf } from '../domain/execution/status.ts';
import { type EventKind, eventKindLabels } from '../domain/network/events.ts';
import { type Actor, hasPermission } from '../domain/roles.ts';
import { type CalendarActivityRecord, calendarActivities } from '../storage/calendar-repo.ts';
import type { Db } from '../storage/database.ts';
import { type EventRow, eventRows } from '../storage/events-repo.ts';
import { assignedSchools } from '../storage/execution-repo.ts';
import { defaultSettings, type ProgrammeSettings } from '../storage/programmes-repo.ts';
import { calendarFeeds, regions, users } from '../storage/schema.ts';
import { actorOf, newToken, tokenHash } from './auth.ts';
import { audit, inTransaction, requirePermission, type ServiceContext, scope } from './context.ts';
import { programmeForRead, todayOf } from './execution.ts';

type CalendarEventDto = z.infer<typeof calendarEvent>;

/** The widest range one request may ask for: a programme of several years fits. */
const maxRangeDays = 5 * 366;
/** The personal feed covers the last year and the next two: calendar applications re-read it often. */
const feedPastDays = 366;
const feedFutureDays = 2 * 366;
/** Where calendars of accounts without a region (the administrator) are shown. */
const defaultTimezone = 'Europe/Moscow';

interface ActivityEvent extends CalendarEventDto {
  record: CalendarActivityRecord;
}

/** One event per deadline window of each activity (inside the range, when one is given). */
function activityEvents(
  ctx: ServiceContext,
  records: readonly CalendarActivityRecord[],
  range?: { from: string; to: string },
): ActivityEvent[] {
  const events: ActivityEvent[] = [];
  for (const a of records) {
    const settings: ProgrammeSettings = { ...defaultSettings, ...(a.settings as Partial<ProgrammeSettings>) };
    const status = activityStatus(a.statuses);
    const { timing } = timingOf(status, a.reading, todayOf(ctx, a.timezone), settings.dueSoonDays);
    a.reading.windows.forEach((w, i) => {
      // A window «до 25.08.2020» has no start: the deadline day itself is the event.
      const start = w.start ?? w.end;
      if (range && (start > range.to || w.end < range.from)) return;
      events.push({
        id: `${a.activityId}:${i}`,
        programmeId: a.programmeId,
        programmeTitle: a.programmeTitle,
        activityId: a.activityId,
        number: a.number,
        title: a.text,
        start,
        end: w.end,
        status,
        timing,
        record: a,
      });
    });
  }
  return events;
}

const invalidRange = (message: string) =>
  new DomainError('validation.failed', message, { problems: [{ field: 'to', message }] });

/** The deadline windows between two dates of every programme the actor may read (or of one of them). */
export async function calendarEvents(
  ctx: ServiceContext,
  q: { from: string; to: string; programmeId?: string },
): Promise<CalendarEventDto[]> {
  requirePermission(ctx, 'programme.read');
  if (q.to < q.from) throw invalidRange('Дата окончания периода раньше даты начала.');
  if (daysBetween(q.from, q.to) > maxRangeDays) throw invalidRange('Выберите период не длиннее пяти лет.');
  if (q.programmeId) await programmeForRead(ctx.db, ctx, q.programmeId);
  const records = await calendarActivities(ctx.db, scope(ctx), q);
  return activityEvents(ctx, records, q).map(({ record: _record, ...event }) => event);
}

/** «№ 1.1. Создать рабочую группу»: what a calendar application shows as the event's title. */
const eventTitle = (number: string, text: string) => {
  const short = text.length > 200 ? `${text.slice(0, 199).trimEnd()}…` : text;
  const n = number.trim().replace(/\.$/, '');
  return n ? `№ ${n}. ${short}` : short;
};

function icalEvent(e: ActivityEvent, withProgramme: boolean): IcalEvent {
  const a = e.record;
  const lines = [
    a.text,
    `Срок: ${a.deadlineText || (e.start === e.end ? ruDate(e.end) : `${ruDate(e.start)}–${ruDate(e.end)}`)}`,
    a.responsible ? `Ответственные: ${a.responsible}` : '',
    withProgramme ? `Программа: ${a.programmeTitle}` : '',
    `Статус: ${executionStatusLabels[e.status]} (${timingLabels[e.timing].toLowerCase()})`,
  ];
  return {
    uid: `${e.id.replace(':', '-')}@opora`,
    title: eventTitle(a.number, a.text),
    description: lines.filter(Boolean).join('\n'),
    start: e.start,
    end: e.end,
    allDay: true,
  };
}

/** An event of the support as a calendar entry: timed when a time is set, otherwise its days (a month «Март 2022»). */
function eventIcal(e: EventRow): IcalEvent {
  const timed = e.startsAt !== null;
  const lines = [
    `${eventKindLabels[e.kind as EventKind] ?? 'мероприятие'}: ${e.topic}`,
    e.dateText ? `Срок по плану: ${e.dateText}` : '',
    e.responsible ? `Ответственные: ${e.responsible}` : '',
    e.programmeTitle ? `Программа: ${e.programmeTitle}` : '',
    e.link ? `Ссылка: ${e.link}` : '',
    e.status === 'cancelled' ? 'Мероприятие отменено.' : '',
  ];
  return {
    uid: `event-${e.id}@opora`,
    title: `${e.status === 'cancelled' ? 'Отменено: ' : ''}${e.topic.length > 200 ? `${e.topic.slice(0, 199).trimEnd()}…` : e.topic}`,
    description: lines.filter(Boolean).join('\n'),
    start: timed ? e.startsAt!.toISOString() : e.windowStart,
    end: timed ? (e.endsAt ?? e.startsAt)!.toISOString() : e.windowEnd,
    allDay: !timed,
    ...(e.place && { location: e.place }),
    ...(e.link && { url: e.link }),
  };
}

/** A programme's activities as an .ics file, and the file's name. */
export async function programmeIcal(
  ctx: ServiceContext,
  programmeId: string,
): Promise<{ ics: string; baseName: string }> {
  requirePermission(ctx, 'programme.read');
  const p = await programmeForRead(ctx.db, ctx, programmeId);
  const events = activityEvents(ctx, await calendarActivities(ctx.db, scope(ctx), { programmeId }));
  const { rows: support } = await eventRows(ctx.db, scope(ctx), { programmeId });
  const ics = writeIcal({
    name: p.title.slice(0, 200),
    timezone: p.timezone,
    events: [...events.map((e) => icalEvent(e, false)), ...support.map(eventIcal)],
  });
  const baseName = `Календарь ${p.kind}${p.actNumber ? ` № ${p.actNumber}` : ''}`
    .replace(/[\\/:*?"<>|\r\n\t]+/g, '-')
    .trim();
  return { ics, baseName };
}

// ——— the personal feed

const feedPath = (token: string) => `/api/calendar/feed/${token}.ics`;
const feedNotFound = () =>
  new DomainError(
    'not_found',
    'Календарь не найден: ссылка устарела или заменена новой. Получите новую ссылку в Опоре (раздел «Календарь»).',
  );

/**
 * Creates the account's personal calendar link; the previous one stops working. The token is shown once:
 * only its SHA-256 is stored.
 */
export async function createCalendarFeed(ctx: ServiceContext): Promise<{ url: string }> {
  requirePermission(ctx, 'programme.read');
  const token = newToken();
  await inTransaction(ctx, async (tx) => {
    const replaced = await tx
      .delete(calendarFeeds)
      .where(eq(calendarFeeds.userId, ctx.actor.userId))
      .returning({ userId: calendarFeeds.userId });
    await tx
      .insert(calendarFeeds)
      .values({ tokenHash: tokenHash(token), userId: ctx.actor.userId, regionId: ctx.actor.regionId });
    await audit(tx, ctx, {
      regionId: ctx.actor.regionId,
      action: 'create',
      entity: 'calendar_feed',
      entityId: ctx.actor.userId,
      summary:
        replaced.length > 0
          ? 'Создана новая ссылка на личный календарь; прежняя отключена'
          : 'Создана ссылка на личный календарь',
    });
  });
  return { url: feedPath(token) };
}

/** The account behind a feed token, resolved as a session is: active accounts only, curators with their schools. */
async function feedOwner(db: Db, token: string): Promise<{ actor: Actor; timezone: string } | null> {
  const [row] = await db
    .select({
      id: users.id,
      login: users.login,
      role: users.role,
      regionId: users.regionId,
      municipalityId: users.municipalityId,
      organisationId: users.organisationId,
      status: users.status,
      timezone: regions.timezone,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(eq(calendarFeeds.tokenHash, tokenHash(token)));
  if (row?.status !== 'active') return null;
  const actor = actorOf(row);
  if (actor.role === 'curator') actor.assignedOrganisationIds = await assignedSchools(db, actor.userId);
  return { actor, timezone: row.timezone ?? defaultTimezone };
}

/** The personal calendar behind a feed token, as of `now`; an unknown or replaced token is not found. */
export async function feedIcal(db: Db, token: string, now: Date): Promise<string> {
  const owner = await feedOwner(db, token);
  if (!owner) throw feedNotFound();
  const ctx: ServiceContext = { db, actor: owner.actor, now: () => now };
  requirePermission(ctx, 'programme.read');
  const today = todayOf(ctx, owner.timezone);
  const range = { from: addDays(today, -feedPastDays), to: addDays(today, feedFutureDays) };
  const events = activityEvents(ctx, await calendarActivities(db, scope(ctx), range), range);
  const support = hasPermission(owner.actor, 'event.read') ? (await eventRows(db, scope(ctx), range)).rows : [];
  return writeIcal({
    name: 'Опора: сроки мероприятий',
    timezone: owner.timezone,
    events: [...events.map((e) => icalEvent(e, true)), ...support.map(eventIcal)],
  });
}
