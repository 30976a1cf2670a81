// Reminders about deadlines: the planner that turns the open units of approved programmes into notifications
// (due soon, overdue, escalation up the hierarchy), once each, and e-mails the new ones; the schedule that runs
// it inside the server; and the in-app notifications an account reads. The clock is always a parameter.
import type { z } from 'zod';
import type { Mailer } from '../adapters/mail/mailer.ts';
import type { notification } from '../contract/execution.ts';
import { DomainError } from '../domain/errors.ts';
import { placeAccounts, recipientsOf } from '../domain/execution/reminder-recipients.ts';
import { type ReminderUnit, remindersDue } from '../domain/execution/reminders.ts';
import { addDays, localDate } from '../domain/execution/status.ts';
import { eventReminderDays, eventRemindersDue } from '../domain/network/event-reminders.ts';
import type { EventKind } from '../domain/network/events.ts';
import type { Db } from '../storage/database.ts';
import { defaultSettings, type ProgrammeSettings } from '../storage/programmes-repo.ts';
import {
  insertNewNotifications,
  listUserNotifications,
  markAllNotificationsRead,
  markEmailed,
  markEmailFailed,
  markNotificationRead,
  type NotificationRecord,
  type NotificationValues,
  openUnitsOfApprovedProgrammes,
  regionsWithApprovedProgrammes,
  regionsWithUpcomingEvents,
  reminderAccounts,
  upcomingEvents,
} from '../storage/reminders-repo.ts';
import type { ServiceContext } from './context.ts';
import { audienceResolver } from './events.ts';

/** «10:00» in the region's time zone. */
const localTime = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('ru-RU', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

/** Said under every reminder e-mail. */
const mailFooter =
  'Письмо отправлено автоматически информационной системой «Опора». Уведомления видны и в самой системе.';

export interface ReminderRun {
  /** Notifications created by this run (each reminder is created once per account, however often it runs). */
  created: number;
  /** Of those, e-mailed. */
  emailed: number;
  /** Of those, whose e-mail failed (the reason is kept on the notification). */
  failed: number;
}

/**
 * Creates the reminders due at `now` for every open unit of every approved programme (of one region, or all),
 * each day counted in the region's time zone, and e-mails the new ones to accounts with an e-mail. Regions are
 * handled one after another, each with a few set-based queries, so memory stays bounded by one region.
 */
export async function runReminders(
  db: Db,
  options: { now: Date; mailer: Mailer | null; regionId?: string },
): Promise<ReminderRun> {
  const total: ReminderRun = { created: 0, emailed: 0, failed: 0 };
  const add = (run: ReminderRun) => {
    total.created += run.created;
    total.emailed += run.emailed;
    total.failed += run.failed;
  };
  for (const region of await regionsWithApprovedProgrammes(db, options.regionId))
    add(await remindRegion(db, region, options));
  for (const region of await regionsWithUpcomingEvents(db, options.now, options.regionId))
    add(await remindEventParticipants(db, region, options));
  return total;
}

/**
 * Reminds the schools whose staff are registered for an event (or, while nobody is, the schools of its
 * audience) a few days before it, once per event and day.
 */
async function remindEventParticipants(
  db: Db,
  region: { id: string; timezone: string },
  options: { now: Date; mailer: Mailer | null },
): Promise<ReminderRun> {
  const today = localDate(options.now, region.timezone);
  const candidates = await upcomingEvents(db, region.id, addDays(today, -1), addDays(today, eventReminderDays + 1));
  const dated = candidates.flatMap((e) => {
    const day = e.startsAt
      ? localDate(e.startsAt, region.timezone)
      : e.windowStart === e.windowEnd
        ? e.windowStart
        : null;
    if (!day) return [];
    const time = e.startsAt ? localTime(e.startsAt, region.timezone) : null;
    return [{ ...e, kind: e.kind as EventKind, day, time }];
  });
  const reminders = eventRemindersDue(dated, today);
  if (reminders.length === 0) return { created: 0, emailed: 0, failed: 0 };
  const accounts = await reminderAccounts(db, region.id);
  const audience = audienceResolver(db);
  const values: NotificationValues[] = [];
  for (const r of reminders) {
    const e = dated.find((x) => x.id === r.eventId)!;
    const schools = new Set(
      e.registeredOrganisations.length > 0
        ? e.registeredOrganisations
        : (await audience(e)).map((p) => p.organisationId),
    );
    for (const a of accounts)
      if (a.role === 'school' && a.organisationId && schools.has(a.organisationId))
        values.push({
          regionId: region.id,
          userId: a.userId,
          kind: 'event',
          key: r.key,
          executionId: null,
          programmeId: e.programmeId,
          eventId: e.id,
          subject: r.subject,
          body: r.body,
          createdAt: options.now,
        });
  }
  return deliver(db, await insertNewNotifications(db, values), accounts, options);
}

async function remindRegion(
  db: Db,
  region: { id: string; timezone: string },
  options: { now: Date; mailer: Mailer | null },
): Promise<ReminderRun> {
  const today = localDate(options.now, region.timezone);
  const [units, accounts] = await Promise.all([
    openUnitsOfApprovedProgrammes(db, region.id),
    reminderAccounts(db, region.id),
  ]);
  const placeOf = new Map(units.map((u) => [u.executionId, u]));
  const reminders = remindersDue(
    units.map((u): ReminderUnit => {
      const settings: ProgrammeSettings = { ...defaultSettings, ...(u.settings as Partial<ProgrammeSettings>) };
      return { ...u, dueSoonDays: settings.dueSoonDays, escalationDays: settings.escalationDays };
    }),
    today,
  );
  const index = placeAccounts(accounts);
  const values: NotificationValues[] = reminders.flatMap((r) =>
    recipientsOf(r.kind, placeOf.get(r.executionId)!, index).map((userId) => ({
      regionId: region.id,
      userId,
      kind: r.kind,
      key: r.key,
      executionId: r.executionId,
      programmeId: r.programmeId,
      subject: r.subject,
      body: r.body,
      createdAt: options.now,
    })),
  );
  return deliver(db, await insertNewNotifications(db, values), accounts, options);
}

/** E-mails new notifications to the accounts that have an address, one message at a time, and records the outcome. */
async function deliver(
  db: Db,
  created: { id: string; userId: string; subject: string; body: string }[],
  accounts: readonly { userId: string; email: string }[],
  options: { now: Date; mailer: Mailer | null },
): Promise<ReminderRun> {
  const run: ReminderRun = { created: created.length, emailed: 0, failed: 0 };
  if (!options.mailer || created.length === 0) return run;

  const emailOf = new Map(accounts.map((a) => [a.userId, a.email.trim()]));
  const sent: string[] = [];
  const failures = new Map<string, string[]>();
  // One message at a time: a reminder run is small per day, and an SMTP server is not flooded.
  for (const n of created) {
    const to = emailOf.get(n.userId);
    if (!to) continue;
    try {
      await options.mailer.send({ to, subject: n.subject, text: `${n.body}\n\n${mailFooter}` });
      sent.push(n.id);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.set(reason, [...(failures.get(reason) ?? []), n.id]);
    }
  }
  await markEmailed(db, sent, options.now);
  for (const [reason, ids] of failures) await markEmailFailed(db, ids, reason);
  run.emailed = sent.length;
  run.failed = [...failures.values()].reduce((n, ids) => n + ids.length, 0);
  return run;
}

export interface ReminderSchedule {
  stop(): void;
}

/**
 * Runs the planner inside the server: first a minute after start (the server is up and answering by then),
 * then every `intervalMinutes`. A run never overlaps the previous one; its failure is reported and the next
 * run tries again. The timers do not keep the process alive.
 */
export function scheduleReminders(
  db: Db,
  o: {
    intervalMinutes: number;
    mailer: Mailer | null;
    onRun: (run: ReminderRun) => void;
    onError: (error: unknown) => void;
    firstDelayMs?: number;
    now?: () => Date;
  },
): ReminderSchedule {
  let running = false;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = true;
    runReminders(db, { now: o.now?.() ?? new Date(), mailer: o.mailer })
      .then(o.onRun, o.onError)
      .finally(() => {
        running = false;
      });
  };
  let interval: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    interval = setInterval(tick, o.intervalMinutes * 60_000);
    interval.unref();
  }, o.firstDelayMs ?? 60_000);
  first.unref();
  return {
    stop() {
      stopped = true;
      clearTimeout(first);
      if (interval) clearInterval(interval);
    },
  };
}

/**
 * What the server log says about a failed run: the error's kind and message, with e-mail addresses masked, so
 * that no personal data reaches the log.
 */
export function reminderFailure(error: unknown): string {
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  const message = e.message.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '[адрес скрыт]').slice(0, 500);
  return `${e.name}${typeof code === 'string' ? ` (${code})` : ''}: ${message}`;
}

// ——— in-app notifications: an account sees only its own

type NotificationDto = z.infer<typeof notification>;

const notificationDto = (n: NotificationRecord): NotificationDto => ({
  id: n.id,
  kind: n.kind as NotificationDto['kind'],
  subject: n.subject,
  body: n.body,
  programmeId: n.programmeId,
  executionId: n.executionId,
  eventId: n.eventId,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt?.toISOString() ?? null,
});

const nowOf = (ctx: ServiceContext) => ctx.now?.() ?? new Date();

/** The latest notifications of the signed-in account (200 at most), newest first. */
export async function listNotifications(
  ctx: ServiceContext,
  o: { unreadOnly?: boolean } = {},
): Promise<NotificationDto[]> {
  const rows = await listUserNotifications(ctx.db, ctx.actor.userId, { unreadOnly: Boolean(o.unreadOnly), limit: 200 });
  return rows.map(notificationDto);
}

/** Marks one of the account's own notifications read; another account's is not found. */
export async function markRead(ctx: ServiceContext, id: string): Promise<NotificationDto> {
  const row = await markNotificationRead(ctx.db, ctx.actor.userId, id, nowOf(ctx));
  if (!row) throw new DomainError('not_found', 'Уведомление не найдено: возможно, оно удалено вместе с мероприятием.');
  return notificationDto(row);
}

/** Marks every unread notification of the account read. */
export async function markAllRead(ctx: ServiceContext): Promise<{ updated: number }> {
  return { updated: await markAllNotificationsRead(ctx.db, ctx.actor.userId, nowOf(ctx)) };
}
