// Events of the support (consultations, seminars, webinars, courses, council meetings, school visits): their
// kinds as plans name them, the audience as data, and events made from a programme's consultation schedule.
import type { Period, Window } from '../deadline/read-deadline.ts';
import type { StaffCategory } from './staff.ts';

export const eventKinds = [
  'consultation',
  'seminar',
  'webinar',
  'course',
  'council',
  'visit',
  'meeting',
  'other',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventKindLabels: Record<EventKind, string> = {
  consultation: 'консультация',
  seminar: 'семинар',
  webinar: 'вебинар',
  course: 'курсы повышения квалификации',
  council: 'заседание координационного совета',
  visit: 'выезд в школу',
  meeting: 'совещание',
  other: 'мероприятие',
};

export const eventStatuses = ['planned', 'held', 'cancelled'] as const;
export type EventStatus = (typeof eventStatuses)[number];
export const eventStatusLabels: Record<EventStatus, string> = {
  planned: 'запланировано',
  held: 'проведено',
  cancelled: 'отменено',
};

/** Which schools an event is for: the programme's target schools, chosen schools, or every school in its place. */
export type AudienceSchools = 'programme' | 'chosen' | 'territory';

export interface Audience {
  /** Staff categories invited; empty means all staff. */
  categories: StaffCategory[];
  /** Subjects that restrict the teachers invited (management is invited regardless); empty means any. */
  subjects: string[];
  schools: AudienceSchools;
  /** The chosen schools when `schools` is 'chosen'. */
  organisationIds: string[];
}

export const emptyAudience = (): Audience => ({
  categories: [],
  subjects: [],
  schools: 'programme',
  organisationIds: [],
});

/** The kind an activity's or topic's wording names, most specific first («вебинар» before «семинар»). */
export function eventKindOf(text: string): EventKind {
  const t = text.toLowerCase().replace(/ё/g, 'е');
  if (/вебинар|on-?line\s*-?\s*семинар|онлайн-?\s*семинар/.test(t)) return 'webinar';
  if (/заседани/.test(t) && /совет|рабоч\S* групп|комисси/.test(t)) return 'council';
  if (/курс\S* повышени|\bкпк\b|курсов\S* подготовк|повышени\S* квалификац/.test(t)) return 'course';
  if (/семинар|практикум|мастер-класс/.test(t)) return 'seminar';
  if (/консультац/.test(t)) return 'consultation';
  if (/выезд|посещени\S* (школ|оо|уроков)|визит/.test(t)) return 'visit';
  if (/совещани|конференц|форум|круглый стол|педсовет/.test(t)) return 'meeting';
  return 'other';
}

/** True when the person is in the audience by category and subject (the school is checked by the caller). */
export function inAudience(
  a: Pick<Audience, 'categories' | 'subjects'>,
  p: { category: StaffCategory; subjects: readonly string[] },
): boolean {
  if (a.categories.length > 0 && !a.categories.includes(p.category)) return false;
  if (a.subjects.length > 0 && p.category === 'teacher') return p.subjects.some((s) => a.subjects.includes(s));
  return true;
}

/** A row of a consultation schedule as a programme keeps it: the date as written and its reading. */
export interface ScheduledConsultation {
  topic: string;
  dateText: string;
  windows: readonly Window[];
  responsible: readonly string[];
}

export interface EventDraft<S = { consultation: number } | { activity: string; window: number }> {
  kind: EventKind;
  topic: string;
  dateText: string;
  windowStart: string;
  windowEnd: string;
  responsible: string;
  source: S;
}

/**
 * The events an activity of a roadmap holds: one per window of its deadline — «Проведение заседаний
 * Координационного совета», «Август, Ноябрь 2020 Февраль, Июнь 2021» (seed 002, item 1.3) gives four
 * council meetings. The kind is read from the wording; an activity that names no event gives none.
 */
export function eventsFromActivity(a: {
  id: string;
  text: string;
  deadlineText: string;
  windows: readonly Window[];
  responsible: string;
}): EventDraft<{ activity: string; window: number }>[] {
  const kind = eventKindOf(a.text);
  if (kind === 'other') return [];
  return a.windows.map((w, i) => ({
    kind,
    topic: a.text,
    dateText: a.windows.length === 1 ? a.deadlineText : '',
    windowStart: w.start ?? w.end,
    windowEnd: w.end,
    responsible: a.responsible,
    source: { activity: a.id, window: i },
  }));
}

/**
 * The events a consultation schedule gives (seed 000's 44): the month the plan names as the event's window,
 * the programme's period when the date could not be read (the wording is kept either way).
 */
export function eventsFromConsultations(
  consultations: readonly ScheduledConsultation[],
  period: Period,
): EventDraft<{ consultation: number }>[] {
  return consultations.map((c, i) => {
    const w = c.windows[0];
    return {
      kind: 'consultation',
      topic: c.topic,
      dateText: c.dateText,
      windowStart: w ? (w.start ?? w.end) : period.start,
      windowEnd: w ? w.end : period.end,
      responsible: c.responsible.join('; '),
      source: { consultation: i },
    };
  });
}
