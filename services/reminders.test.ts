// Reminders and escalations, proven by moving the clock (a parameter of the planner, never read by the domain)
// and reading what the SMTP sink received. Region A lives in Asia/Novokuznetsk (UTC+7): its days start at
// 17:00 UTC of the day before.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer, type Mailer } from '../adapters/mail/mailer.ts';
import type { Db } from '../storage/database.ts';
import { activityExecutions, eventParticipants, events, notifications, people, users } from '../storage/schema.ts';
import { regionalRoadmap } from '../test/approved-programme.ts';
import { engines } from '../test/engines.ts';
import { type SmtpSink, startSmtpSink } from '../test/smtp-sink.ts';
import { seedWorld, type World } from '../test/world.ts';
import { addEvidence, reportExecution } from './execution.ts';
import { listNotifications, reminderFailure, runReminders, scheduleReminders } from './reminders.ts';

/** A moment by the wall clock of region A. */
const inRegionA = (local: string) => new Date(`${local}+07:00`);
const ruDatePattern = /\b\d{2}\.\d{2}\.\d{4}\b/;

describe.each(engines)('reminders on $name', (engine) => {
  let database: Awaited<ReturnType<typeof engine.create>>;
  let db: Db;
  let world: World;
  let sink: SmtpSink;
  let mailer: Mailer;
  let programmeId: string;
  let draftId: string;
  let activityIds: string[];
  const run = (local: string, m: Mailer | null = mailer) => runReminders(db, { now: inRegionA(local), mailer: m });
  const userId = async (login: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.login, login)))[0]!.id;
  const unitOf = async (activityId: string) =>
    (await db.select().from(activityExecutions).where(eq(activityExecutions.activityId, activityId)))[0]!;

  beforeAll(async () => {
    database = await engine.create();
    db = database.db;
    world = await seedWorld(db);
    sink = await startSmtpSink();
    mailer = createMailer({ smtpUrl: sink.url, from: 'Опора <opora@localhost>' })!;
    const email = (login: string, address: string) =>
      db.update(users).set({ email: address }).where(eq(users.login, login));
    await email('school-a1', 'director@school-a1.example.ru');
    await email('mun-a1', 'moou@a1.example.ru');
    await email('region-a', 'ministry@a.example.ru');
    // A second account of the school without an e-mail is told in the application only; a blocked one never.
    const school = {
      role: 'school',
      regionId: world.regionA,
      municipalityId: world.munA1,
      organisationId: world.schoolA1,
    };
    await db.insert(users).values([
      { ...school, login: 'school-a1-deputy', fullName: 'Заместитель директора' },
      {
        ...school,
        login: 'school-a1-former',
        fullName: 'Бывший директор',
        email: 'former@example.ru',
        status: 'blocked',
      },
    ]);
    const roadmap = await regionalRoadmap(db, world, [
      {
        text: 'Разработать программу перехода школы в эффективный режим работы',
        deadlineText: 'до 15.03.2022',
        schools: [world.schoolA1],
      },
      { text: 'Провести педагогический совет по итогам ВПР', deadlineText: 'до 15.04.2022', schools: [world.schoolA1] },
    ]);
    programmeId = roadmap.programme.id;
    activityIds = roadmap.activityIds;
    // A roadmap that is not approved reminds nobody, whatever its deadlines.
    const draft = await regionalRoadmap(
      db,
      world,
      [{ text: 'Черновое мероприятие', deadlineText: 'до 15.03.2022', schools: [world.schoolA1] }],
      { title: 'Черновик дорожной карты', approve: false },
    );
    draftId = draft.programme.id;
  }, 60_000);
  afterAll(async () => {
    await sink?.close();
    await database?.drop();
  });

  it('says nothing 15 days before the deadline, up to the last minute of that day in the region', async () => {
    // 16:59 UTC on 28.02 is 23:59 on 28.02 in Novokuznetsk: 15 days before 15.03.
    expect(await runReminders(db, { now: new Date('2022-02-28T16:59:00Z'), mailer })).toEqual({
      created: 0,
      emailed: 0,
      failed: 0,
    });
    expect(sink.messages).toEqual([]);
  });

  it('14 days before: one due-soon e-mail to the school, in Russian with dates as ДД.ММ.ГГГГ', async () => {
    // 17:00 UTC on 28.02 is already 01.03 in the region.
    const result = await runReminders(db, { now: new Date('2022-02-28T17:00:00Z'), mailer });
    // The director and the deputy are told; only the director has an e-mail.
    expect(result).toEqual({ created: 2, emailed: 1, failed: 0 });
    const [mail] = await sink.waitFor(1);
    expect(sink.messages).toHaveLength(1);
    expect(mail).toMatchObject({
      from: 'opora@localhost',
      to: ['director@school-a1.example.ru'],
      subject: 'Срок исполнения мероприятия — 15.03.2022',
    });
    expect(mail!.text).toContain(
      'Мероприятие № 1.1: «Разработать программу перехода школы в эффективный режим работы».',
    );
    expect(mail!.text).toContain('Срок по программе: до 15.03.2022. До срока 14 дней.');
    expect(mail!.text).toContain('Программа: «Дорожная карта поддержки школ». Исполнитель: Школа A1-1.');
    expect(mail!.text).toMatch(ruDatePattern);
    expect(mail!.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    const director = await listNotifications({ db, actor: world.actors.school });
    expect(director).toMatchObject([
      { kind: 'due-soon', subject: 'Срок исполнения мероприятия — 15.03.2022', programmeId, readAt: null },
    ]);
    const [row] = await db.select().from(notifications).where(eq(notifications.id, director[0]!.id));
    expect(row).toMatchObject({ emailedAt: new Date('2022-02-28T17:00:00Z'), emailError: null });
    const deputy = await db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, await userId('school-a1-deputy')));
    expect(deputy).toMatchObject([{ kind: 'due-soon', emailedAt: null, emailError: null }]);
    expect(
      await db
        .select()
        .from(notifications)
        .where(eq(notifications.userId, await userId('school-a1-former'))),
    ).toEqual([]);
  });

  it('runs again the same day, and on the deadline day itself, without a duplicate', async () => {
    expect(await run('2022-03-01T18:00:00')).toEqual({ created: 0, emailed: 0, failed: 0 });
    expect(await run('2022-03-15T23:00:00')).toEqual({ created: 0, emailed: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
  });

  it('the day after the deadline: an overdue e-mail to the school', async () => {
    expect(await run('2022-03-16T08:00:00')).toEqual({ created: 2, emailed: 1, failed: 0 });
    const messages = await sink.waitFor(2);
    expect(messages[1]).toMatchObject({
      to: ['director@school-a1.example.ru'],
      subject: 'Просрочено мероприятие: срок истёк 15.03.2022',
    });
    expect(messages[1]!.text).toContain('Срок по программе: до 15.03.2022 — истёк 15.03.2022.');
    expect(await run('2022-03-17T08:00:00')).toEqual({ created: 0, emailed: 0, failed: 0 });
  });

  it('escalation days later: the municipal coordinator above the school is told, not before', async () => {
    // The programme's escalation days: 7 by default.
    expect(await run('2022-03-21T08:00:00')).toEqual({ created: 0, emailed: 0, failed: 0 });
    expect(await run('2022-03-22T08:00:00')).toEqual({ created: 1, emailed: 1, failed: 0 });
    const messages = await sink.waitFor(3);
    expect(messages[2]).toMatchObject({ to: ['moou@a1.example.ru'], subject: 'Просрочка 7 дней: Школа A1-1' });
    expect(messages[2]!.text).toContain('Срок истёк 15.03.2022, просрочка 7 дней.');
    expect(messages[2]!.text).toContain('Сообщение направлено вышестоящему уровню для принятия мер.');
    // The region is above the municipality, not told while the municipality has a coordinator.
    expect(messages.flatMap((m) => m.to)).not.toContain('ministry@a.example.ru');
    const municipal = await listNotifications({ db, actor: world.actors.municipal_coordinator });
    expect(municipal.map((n) => n.kind)).toEqual(['escalation']);
  });

  it('a unit reported done gets nothing more: no due-soon, overdue or escalation', async () => {
    const unit = await unitOf(activityIds[1]!);
    const school = { db, actor: world.actors.school, now: () => inRegionA('2022-03-25T10:00:00') };
    await addEvidence(school, unit.id, {
      kind: 'link',
      url: 'https://school-a1.example.ru/pedsovet',
      title: 'Протокол',
    });
    await reportExecution(school, unit.id, { status: 'done', completedOn: '2022-03-25', version: unit.version });
    for (const day of ['2022-04-01T08:00:00', '2022-04-16T08:00:00', '2022-04-30T08:00:00'])
      expect([day, await run(day)]).toEqual([day, { created: 0, emailed: 0, failed: 0 }]);
    expect(sink.messages).toHaveLength(3);
    const ofDraft = await db.select().from(notifications).where(eq(notifications.programmeId, draftId));
    expect(ofDraft).toEqual([]);
  });

  it('keeps why an e-mail failed on the notification, and counts it', async () => {
    // The region's own activity: its reminders go to the regional coordinator.
    const regional = await regionalRoadmap(
      db,
      world,
      [{ text: 'Подвести итоги года', deadlineText: 'до 10.06.2022' }],
      {
        title: 'Региональная дорожная карта',
      },
    );
    const failing: Mailer = { send: () => Promise.reject(new Error('Sending e-mail failed: mailbox unavailable')) };
    expect(await run('2022-05-27T09:00:00', failing)).toEqual({ created: 1, emailed: 0, failed: 1 });
    const [row] = await db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.programmeId, regional.programme.id), eq(notifications.userId, await userId('region-a'))),
      );
    expect(row).toMatchObject({
      kind: 'due-soon',
      emailedAt: null,
      emailError: 'Sending e-mail failed: mailbox unavailable',
    });
    // Each reminder is created once; a later run does not send it again.
    expect(await run('2022-05-27T12:00:00')).toEqual({ created: 0, emailed: 0, failed: 0 });
  });

  it('limits a run to one region when asked', async () => {
    const before = await db.$count(notifications);
    const other = await runReminders(db, {
      now: inRegionA('2022-06-20T09:00:00'),
      mailer: null,
      regionId: world.regionB,
    });
    expect(other).toEqual({ created: 0, emailed: 0, failed: 0 });
    expect(await db.$count(notifications)).toBe(before);
  });

  it('runs on a schedule inside the server, reporting each run and surviving errors', async () => {
    const runs: unknown[] = [];
    const schedule = await new Promise<{ stop(): void }>((resolve) => {
      const s = scheduleReminders(db, {
        intervalMinutes: 60,
        mailer: null,
        firstDelayMs: 0,
        now: () => inRegionA('2022-06-11T09:00:00'),
        onRun: (r) => {
          runs.push(r);
          resolve(s);
        },
        onError: (e) => {
          runs.push(e);
          resolve(s);
        },
      });
    });
    schedule.stop();
    // 11.06: the regional activity due 10.06 is overdue; the regional coordinator is told in the application.
    expect(runs).toEqual([{ created: 1, emailed: 0, failed: 0 }]);

    const broken = {
      select: () => {
        throw new Error('connection to ministry@a.example.ru refused');
      },
    };
    const failure = await new Promise<unknown>((resolve) => {
      const s = scheduleReminders(broken as unknown as Db, {
        intervalMinutes: 60,
        mailer: null,
        firstDelayMs: 0,
        onRun: resolve,
        onError: (e) => {
          s.stop();
          resolve(e);
        },
      });
    });
    // What reaches the server log carries no e-mail address.
    expect(reminderFailure(failure)).toBe('Error: connection to [адрес скрыт] refused');
  });
  it('reminds the schools whose staff registered for a webinar three days before it, once, with its time and link', async () => {
    const [person] = await db
      .insert(people)
      .values({
        regionId: world.regionA,
        municipalityId: world.munA1,
        organisationId: world.schoolA1,
        fullName: 'Иванова Анна Петровна',
        position: 'Директор',
        category: 'director',
      })
      .returning({ id: people.id });
    const [webinar] = await db
      .insert(events)
      .values({
        regionId: world.regionA,
        programmeId,
        kind: 'webinar',
        topic: 'Анализ причин низких результатов',
        windowStart: '2023-02-10',
        windowEnd: '2023-02-10',
        startsAt: inRegionA('2023-02-10T10:00:00'),
        link: 'https://vebinar.example.ru/1',
      })
      .returning({ id: events.id });
    await db
      .insert(eventParticipants)
      .values({ regionId: world.regionA, eventId: webinar!.id, personId: person!.id, organisationId: world.schoolA1 });
    const eventNotes = () => db.select().from(notifications).where(eq(notifications.eventId, webinar!.id));

    await run('2023-02-06T23:59:00');
    expect(await eventNotes()).toEqual([]);
    sink.messages.length = 0;
    await run('2023-02-07T08:00:00');
    const notes = await eventNotes();
    // Both active accounts of the school, not the blocked one; the e-mail to the one with an address.
    expect(notes.map((n) => n.userId).sort()).toEqual(
      [await userId('school-a1'), await userId('school-a1-deputy')].sort(),
    );
    expect(notes[0]!.subject).toBe('Вебинар 10.02.2023, 10:00: Анализ причин низких результатов');
    expect(notes[0]!.body).toContain('(через 3 дня)');
    expect(sink.messages.filter((m) => m.subject.startsWith('Вебинар')).flatMap((m) => m.to)).toEqual([
      'director@school-a1.example.ru',
    ]);
    await run('2023-02-10T09:00:00');
    expect(await eventNotes()).toHaveLength(2);
  });
});
