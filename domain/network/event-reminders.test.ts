import { describe, expect, it } from 'vitest';
import { eventRemindersDue, type ReminderEvent } from './event-reminders.ts';

const webinar: ReminderEvent = {
  id: 'e1',
  kind: 'webinar',
  topic: 'Анализ причин низких результатов',
  day: '2026-12-10',
  time: '10:00',
  place: '',
  link: 'https://example.org/webinar',
  programmeTitle: 'Дорожная карта',
};

describe('eventRemindersDue', () => {
  it.each([
    ['2026-12-06', null],
    ['2026-12-07', 'через 3 дня'],
    ['2026-12-09', 'завтра'],
    ['2026-12-10', 'сегодня'],
    ['2026-12-11', null],
  ])('on %s: %s', (today, soon) => {
    const r = eventRemindersDue([webinar], today);
    if (soon === null) expect(r).toEqual([]);
    else {
      expect(r).toHaveLength(1);
      expect(r[0]!.key).toBe('event:e1:2026-12-10');
      expect(r[0]!.subject).toBe('Вебинар 10.12.2026, 10:00: Анализ причин низких результатов');
      expect(r[0]!.body).toContain(`(${soon})`);
      expect(r[0]!.body).toContain('https://example.org/webinar');
    }
  });
});
