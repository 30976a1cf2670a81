import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../storage/schema.ts';
import { regionalRoadmap } from '../../../test/approved-programme.ts';
import { engines } from '../../../test/engines.ts';
import { type Client, startTestServer, type TestServer } from '../../../test/server.ts';

interface CalendarEvent {
  id: string;
  programmeId: string;
  activityId: string;
  number: string;
  title: string;
  start: string;
  end: string;
  status: string;
  timing: string;
}

/** The VEVENTs of an .ics text with their properties, lines unfolded (RFC 5545 §3.1) and TEXT unescaped. */
function icalEvents(ics: string): Record<string, string>[] {
  const events: Record<string, string>[] = [];
  let event: Record<string, string> | null = null;
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') {
      event = {};
      events.push(event);
    } else if (line === 'END:VEVENT') event = null;
    else if (event) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0]!;
      event[name] = line
        .slice(colon + 1)
        .replace(/\\([\\;,nN])/g, (_, ch: string) => (ch.toLowerCase() === 'n' ? '\n' : ch));
    }
  }
  return events;
}

describe.each(engines)('calendar API on $name', (engine) => {
  let s: TestServer;
  let school: Client;
  let region: Client;
  let regionB: Client;
  let programmeId: string;
  let targeted: string;
  let regional: string;

  beforeAll(async () => {
    // «Today» of the server: 05.03.2022 in region A, ten days before the targeted activity's deadline.
    s = await startTestServer(engine, { now: () => new Date('2022-03-05T03:00:00Z') });
    const roadmap = await regionalRoadmap(s.database.db, s.world, [
      {
        text: 'Разработать программу перехода школы в эффективный режим работы',
        deadlineText: 'до 15.03.2022',
        responsible: 'Руководители школ',
        schools: [s.world.schoolA1],
      },
      { text: 'Провести региональные семинары', deadlineText: 'Март, Ноябрь 2022', responsible: 'ИРО' },
    ]);
    programmeId = roadmap.programme.id;
    [targeted, regional] = roadmap.activityIds as [string, string];
    [school, region, regionB] = await Promise.all([s.as('school-a1'), s.as('region-a'), s.as('region-b')]);
  }, 60_000);
  afterAll(() => s?.close());

  const events = async (c: Client, query: string): Promise<CalendarEvent[]> => {
    const res = await c.get(`/api/calendar?${query}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('shows a school the activity of the regional roadmap that targets it, as of today', async () => {
    expect(await events(school, 'from=2022-01-01&to=2022-12-31')).toEqual([
      {
        id: `${targeted}:0`,
        programmeId,
        programmeTitle: 'Дорожная карта поддержки школ',
        activityId: targeted,
        number: '1.1.',
        title: 'Разработать программу перехода школы в эффективный режим работы',
        // «до 15.03.2022» is a deadline day, not a span.
        start: '2022-03-15',
        end: '2022-03-15',
        status: 'planned',
        timing: 'due-soon',
      },
    ]);
  });

  it('shows the region every window of its roadmap inside the period asked for', async () => {
    const year = await events(region, `from=2022-01-01&to=2022-12-31&programmeId=${programmeId}`);
    expect(year.map((e) => [e.activityId, e.start, e.end])).toEqual([
      [targeted, '2022-03-15', '2022-03-15'],
      [regional, '2022-03-01', '2022-03-31'],
      [regional, '2022-11-01', '2022-11-30'],
    ]);
    const autumn = await events(region, 'from=2022-10-01&to=2022-12-31');
    expect(autumn.map((e) => e.id)).toEqual([`${regional}:1`]);
  });

  it('shows another region nothing of region A', async () => {
    expect(await events(regionB, 'from=2022-01-01&to=2022-12-31')).toEqual([]);
    expect(
      (await regionB.get(`/api/calendar?from=2022-01-01&to=2022-12-31&programmeId=${programmeId}`)).statusCode,
    ).toBe(403);
    expect((await regionB.get(`/api/programmes/${programmeId}/calendar.ics`)).statusCode).toBe(403);
  });

  it('refuses a period that ends before it starts, in Russian', async () => {
    const res = await region.get('/api/calendar?from=2022-12-31&to=2022-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Дата окончания периода раньше даты начала.');
  });

  it("downloads a programme's calendar as .ics with a Cyrillic file name", async () => {
    const res = await region.get(`/api/programmes/${programmeId}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+\.ics"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Календарь дорожная карта № 1.ics');
    expect(res.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const vevents = icalEvents(res.body);
    expect(vevents.map((e) => [e.SUMMARY, e.DTSTART, e.DTEND])).toEqual([
      ['№ 1.1. Разработать программу перехода школы в эффективный режим работы', '20220315', '20220316'],
      ['№ 1.2. Провести региональные семинары', '20220301', '20220401'],
      ['№ 1.2. Провести региональные семинары', '20221101', '20221201'],
      // The programme's consultation schedule («Апрель») is an event of the regional calendar.
      ['Консультация', '20220401', '20220501'],
    ]);
    expect(vevents[3]!.DESCRIPTION).toContain(
      'консультация: Консультация\nСрок по плану: Апрель\nОтветственные: Петров П. П.',
    );
    expect(vevents[0]!.DESCRIPTION).toContain('Срок: до 15.03.2022\nОтветственные: Руководители школ');
    expect(vevents[1]!.DESCRIPTION).toContain('Срок: Март, Ноябрь 2022\nОтветственные: ИРО');
    expect(vevents[0]!.UID).toBe(`${targeted}-0@opora`);

    // The school's copy holds only the activity that gives it work, and the region's consultation.
    const own = await school.get(`/api/programmes/${programmeId}/calendar.ics`);
    expect(icalEvents(own.body).map((e) => e.SUMMARY)).toEqual([
      '№ 1.1. Разработать программу перехода школы в эффективный режим работы',
      'Консультация',
    ]);
  });

  it('serves the personal feed by its link without a session; a new link replaces the old one', async () => {
    const created = await school.post('/api/calendar/feed');
    expect(created.statusCode).toBe(200);
    const { url } = created.json() as { url: string };
    expect(url).toMatch(/^\/api\/calendar\/feed\/[A-Za-z0-9_-]{43}\.ics$/);

    const feed = await s.anonymous.get(url);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const [event, ...rest] = icalEvents(feed.body);
    // Besides its activity, the school's feed carries the region's consultation of April 2022.
    expect(rest.map((e) => [e.SUMMARY, e.DTSTART])).toEqual([['Консультация', '20220401']]);
    expect(event).toMatchObject({
      SUMMARY: '№ 1.1. Разработать программу перехода школы в эффективный режим работы',
      DTSTART: '20220315',
      UID: `${targeted}-0@opora`,
    });
    expect(event!.DESCRIPTION).toContain('Программа: Дорожная карта поддержки школ');
    expect(event!.DESCRIPTION).toContain('Статус: Запланировано (скоро срок)');

    const again = (await school.post('/api/calendar/feed')).json() as { url: string };
    expect(again.url).not.toBe(url);
    const old = await s.anonymous.get(url);
    expect(old.statusCode).toBe(404);
    expect(old.json().error.message).toContain('Календарь не найден');
    expect((await s.anonymous.get(again.url)).statusCode).toBe(200);

    // A blocked account's feed stops, as its sessions do.
    await s.database.db.update(users).set({ status: 'blocked' }).where(eq(users.login, 'school-a1'));
    expect((await s.anonymous.get(again.url)).statusCode).toBe(404);
    await s.database.db.update(users).set({ status: 'active' }).where(eq(users.login, 'school-a1'));
  });

  it('answers 404 in Russian for an unknown token or a link without .ics', async () => {
    for (const path of [`/api/calendar/feed/${'x'.repeat(43)}.ics`, `/api/calendar/feed/${'x'.repeat(43)}`]) {
      const res = await s.anonymous.get(path);
      expect([path, res.statusCode]).toEqual([path, 404]);
      expect(res.json().error.message).toMatch(/^Календарь не найден/);
    }
  });
});
