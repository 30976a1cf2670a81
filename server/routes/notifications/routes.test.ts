import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from '../../../services/reminders.ts';
import { regionalRoadmap } from '../../../test/approved-programme.ts';
import { engines } from '../../../test/engines.ts';
import { type Client, startTestServer, type TestServer } from '../../../test/server.ts';

interface Notification {
  id: string;
  kind: string;
  subject: string;
  readAt: string | null;
}

describe.each(engines)('notifications API on $name', (engine) => {
  let s: TestServer;
  let school: Client;
  let municipality: Client;
  let region: Client;

  beforeAll(async () => {
    s = await startTestServer(engine);
    await regionalRoadmap(s.database.db, s.world, [
      { text: 'Разработать антирисковую программу', deadlineText: 'до 15.03.2022', schools: [s.world.schoolA1] },
    ]);
    // Eight days overdue in the region: the school is told it is overdue, its municipality gets the escalation.
    await runReminders(s.database.db, { now: new Date('2022-03-23T09:00:00+07:00'), mailer: null });
    [school, municipality, region] = await Promise.all([s.as('school-a1'), s.as('mun-a1'), s.as('region-a')]);
  }, 60_000);
  afterAll(() => s?.close());

  const list = async (c: Client, query = ''): Promise<Notification[]> => {
    const res = await c.get(`/api/notifications${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('shows each account only its own notifications', async () => {
    expect(await list(school)).toMatchObject([
      { kind: 'overdue', subject: 'Просрочено мероприятие: срок истёк 15.03.2022', readAt: null },
    ]);
    expect(await list(municipality)).toMatchObject([{ kind: 'escalation', subject: 'Просрочка 8 дней: Школа A1-1' }]);
    expect(await list(region)).toEqual([]);
  });

  it("refuses to mark another account's notification read, as if it did not exist", async () => {
    const [own] = await list(school);
    const res = await municipality.post(`/api/notifications/${own!.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain('Уведомление не найдено');
    expect((await list(school))[0]!.readAt).toBeNull();
    expect((await municipality.post('/api/notifications/not-an-id/read')).statusCode).toBe(400);
  });

  it('marks one read, filters unread, and marks all read', async () => {
    const [own] = await list(school);
    const res = await school.post(`/api/notifications/${own!.id}/read`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: own!.id, readAt: expect.any(String) });
    expect(await list(school, '?unread=true')).toEqual([]);
    expect(await list(school, '?unread=false')).toHaveLength(1);

    expect((await municipality.post('/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await municipality.post('/api/notifications/read-all')).json()).toEqual({ updated: 0 });
    expect(await list(municipality, '?unread=true')).toEqual([]);
    // The school's own notification stays as the school left it.
    expect((await list(school))[0]!.readAt).toBe(res.json().readAt);
  });
});
