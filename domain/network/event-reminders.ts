// Reminders to an event's participants: a few days before an event that has a day (a time, or a one-day
// window), once per event and day — a rescheduled event is reminded of again. Month-long plan entries
// («Март 2022 года») are not reminded of until a day is set.
import { ruDate } from '../deadline/read-deadline.ts';
import { daysBetween } from '../execution/status.ts';
import { plural } from '../plural.ts';
import { type EventKind, eventKindLabels } from './events.ts';

/** How many days before an event its participants are reminded. */
export const eventReminderDays = 3;

export interface ReminderEvent {
  id: string;
  kind: EventKind;
  topic: string;
  /** The event's day in the region's calendar. */
  day: string;
  /** «10:00» when a time is set. */
  time: string | null;
  place: string;
  link: string;
  programmeTitle: string | null;
}

export interface EventReminder {
  eventId: string;
  key: string;
  subject: string;
  body: string;
}

export function eventRemindersDue(events: readonly ReminderEvent[], today: string): EventReminder[] {
  return events.flatMap((e) => {
    const left = daysBetween(today, e.day);
    if (left < 0 || left > eventReminderDays) return [];
    const when = `${ruDate(e.day)}${e.time ? `, ${e.time}` : ''}`;
    const soon =
      left === 0 ? 'сегодня' : left === 1 ? 'завтра' : `через ${left} ${plural(left, ['день', 'дня', 'дней'])}`;
    const lines = [
      `${eventKindLabels[e.kind][0]!.toUpperCase()}${eventKindLabels[e.kind].slice(1)} «${e.topic.slice(0, 300)}» — ${when} (${soon}).`,
      e.place ? `Место: ${e.place}.` : '',
      e.link ? `Ссылка для подключения: ${e.link}` : '',
      e.programmeTitle ? `Программа: «${e.programmeTitle.slice(0, 300)}».` : '',
      'Список участников и отметка о присутствии — в Опоре, раздел «Мероприятия».',
    ];
    return [
      {
        eventId: e.id,
        key: `event:${e.id}:${e.day}`,
        subject: `${eventKindLabels[e.kind][0]!.toUpperCase()}${eventKindLabels[e.kind].slice(1)} ${when}: ${e.topic.slice(0, 120)}`,
        body: lines.filter(Boolean).join('\n'),
      },
    ];
  });
}
