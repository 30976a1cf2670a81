// `opora reminders`: one run of the planner from the command line, with the clock given by --now, e-mail
// through OPORA_SMTP_URL, and counts printed in Russian or as JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../storage/database.ts';
import { users } from '../storage/schema.ts';
import { regionalRoadmap } from '../test/approved-programme.ts';
import { type SmtpSink, startSmtpSink } from '../test/smtp-sink.ts';
import { seedWorld } from '../test/world.ts';
import { type Io, run } from './main.ts';

function io(env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const value: Io = { out: (s) => out.push(s), err: (s) => err.push(s), env };
  return { io: value, text: () => out.join('\n'), errors: () => err.join('\n') };
}

describe('opora reminders', () => {
  let dir: string;
  let sink: SmtpSink;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'opora-reminders-'));
    sink = await startSmtpSink();
    const d = await openDatabase({ kind: 'pglite', dataDir: path.join(dir, 'pglite') });
    await d.migrate();
    const world = await seedWorld(d.db);
    await d.db.update(users).set({ email: 'director@school-a1.example.ru' }).where(eq(users.login, 'school-a1'));
    await regionalRoadmap(d.db, world, [
      { text: 'Разработать антирисковую программу', deadlineText: 'до 15.03.2022', schools: [world.schoolA1] },
    ]);
    await d.close();
  }, 60_000);
  afterAll(async () => {
    await sink?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs once at the moment given, e-mails the new reminders and prints the counts', async () => {
    const t = io({ OPORA_DATA_DIR: dir, OPORA_SMTP_URL: sink.url });
    expect(await run(['reminders', '--now', '2022-03-01T09:00:00+07:00', '--json'], t.io)).toBe(0);
    expect(JSON.parse(t.text())).toEqual({
      now: '2022-03-01T02:00:00.000Z',
      email: true,
      created: 1,
      emailed: 1,
      failed: 0,
    });
    const [mail] = await sink.waitFor(1);
    expect(mail).toMatchObject({ to: ['director@school-a1.example.ru'], from: 'opora@localhost' });

    const again = io({ OPORA_DATA_DIR: dir });
    expect(await run(['reminders', '--now', '2022-03-02T09:00:00+07:00'], again.io)).toBe(0);
    expect(again.text()).toBe(
      'Напоминания на 2022-03-02T02:00:00.000Z: создано 0, отправлено писем 0, не отправлено 0.\n' +
        'Почта не настроена (OPORA_SMTP_URL): напоминания видны только в Опоре.',
    );
  });

  it('refuses a moment that is not ISO, and a mail URL that is not SMTP', async () => {
    const t = io({ OPORA_DATA_DIR: dir });
    expect(await run(['reminders', '--now', 'завтра'], t.io)).toBe(2);
    expect(t.errors()).toContain('«завтра» — не момент времени');
    const bad = io({ OPORA_DATA_DIR: dir, OPORA_SMTP_URL: 'mail.example.ru', OPORA_REMINDERS_INTERVAL_MIN: '-5' });
    expect(await run(['reminders'], bad.io)).toBe(78);
    expect(bad.errors()).toContain('OPORA_SMTP_URL');
    expect(bad.errors()).toContain('OPORA_REMINDERS_INTERVAL_MIN');
  });

  it('has Russian help', async () => {
    const t = io({ OPORA_DATA_DIR: dir });
    expect(await run(['reminders', '--help'], t.io)).toBe(0);
    expect(t.text()).toContain('разослать напоминания');
  });
});
