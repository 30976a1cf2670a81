// How the support network and its events are shown: kinds and statuses as badges, the date of an event as the
// plan words it («Март 2022 года») or as a day and time, attendance in words («присутствовали 12 из 40
// (зарегистрировано 15)»), an audience and a coverage indicator's spec in plain Russian, and where an event
// falls on the calendar. Labels come from domain/network/, as the server and the reports word them.
import type { z } from 'zod';
import type {
  AudienceDto,
  eventStatus,
  groupKind,
  partnershipKind,
  partnershipStatus,
} from '../../contract/network.ts';
import type { coverageSpec, eventKind, staffCategory } from '../../contract/programmes.ts';
import { eventKindLabels, eventKinds, eventStatusLabels } from '../../domain/network/events.ts';
import { partnershipKindLabels, partnershipStatusLabels } from '../../domain/network/partnership.ts';
import {
  commonSubjects,
  staffCategories,
  staffCategoryGenitive,
  staffCategoryLabels,
} from '../../domain/network/staff.ts';
import { isoToRu } from './deadline-reading.ts';
import type { BadgeView } from './execution-format.ts';
import { formatNumber } from './format.ts';

export type EventKind = z.infer<typeof eventKind>;
export type EventStatus = z.infer<typeof eventStatus>;
export type StaffCategory = z.infer<typeof staffCategory>;
export type PartnershipKind = z.infer<typeof partnershipKind>;
export type PartnershipStatus = z.infer<typeof partnershipStatus>;
export type GroupKind = z.infer<typeof groupKind>;
export type CoverageSpec = z.infer<typeof coverageSpec>;

export { groupBy } from '../../domain/group-by.ts';
export { eventKindLabels, staffCategoryLabels };

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// ---- events

/** A colour per kind, the same in the list, on the event's page and in the calendar. */
export const eventKindColours: Record<EventKind, string> = {
  consultation: 'violet',
  seminar: 'indigo',
  webinar: 'cyan',
  course: 'grape',
  council: 'orange',
  visit: 'lime',
  meeting: 'pink',
  other: 'gray',
};

export const eventKindOptions = eventKinds.map((k) => ({ value: k, label: capitalise(eventKindLabels[k]) }));

export const eventStatusViews: Record<EventStatus, BadgeView> = {
  planned: { label: capitalise(eventStatusLabels.planned), colour: 'blue' },
  held: { label: capitalise(eventStatusLabels.held), colour: 'teal' },
  cancelled: { label: capitalise(eventStatusLabels.cancelled), colour: 'gray' },
};

export const eventStatusOptions = (Object.keys(eventStatusViews) as EventStatus[]).map((s) => ({
  value: s,
  label: eventStatusViews[s].label,
}));

/** A moment's wall clock in a time zone (the event's region): «2022-03-15» and «10:00». */
function wallClock(iso: string, timeZone: string | undefined): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The date of a moment in the region's zone: «2022-03-15». */
export const localDateOf = (iso: string, timeZone?: string): string => wallClock(iso, timeZone).date;

/** The time of a moment in the region's zone: «10:00»; empty without a moment. */
export const localTimeOf = (iso: string | null, timeZone?: string): string =>
  iso ? wallClock(iso, timeZone).time : '';

/**
 * A day and «ЧЧ:ММ» on the region's clocks as an ISO moment; null without a time, undefined when the time is
 * unreadable. The zone's offset is found for that very day (and checked once more across a clock change).
 */
export function momentOf(date: string | null, time: string, timeZone?: string): string | null | undefined {
  const t = time.trim();
  if (!t) return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (!m || !date || Number(m[1]) > 23 || Number(m[2]) > 59) return undefined;
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, mo - 1, d, Number(m[1]), Number(m[2]));
  const offsetAt = (utc: number) => {
    const w = wallClock(new Date(utc).toISOString(), timeZone);
    const [wy, wmo, wd] = w.date.split('-').map(Number) as [number, number, number];
    const [wh, wmi] = w.time.split(':').map(Number) as [number, number];
    return Date.UTC(wy, wmo - 1, wd, wh, wmi) - utc;
  };
  let utc = wall - offsetAt(wall);
  utc = wall - offsetAt(utc);
  return new Date(utc).toISOString();
}

/** «01.03.2022–31.03.2022», or one day. */
export const windowText = (start: string, end: string): string =>
  start === end ? isoToRu(start) : `${isoToRu(start)}–${isoToRu(end)}`;

/** Does the window cover exactly one calendar month? («Март 2022 года»). */
export function isWholeMonth(start: string, end: string): boolean {
  if (start.slice(0, 7) !== end.slice(0, 7) || start.slice(8) !== '01') return false;
  const [y, m] = start.split('-').map(Number) as [number, number];
  return Number(end.slice(8)) === new Date(Date.UTC(y, m, 0)).getUTCDate();
}

interface EventWhen {
  timezone?: string;
  dateText: string;
  windowStart: string;
  windowEnd: string;
  startsAt: string | null;
  endsAt: string | null;
}

/**
 * When an event takes place, in two lines: the main one as exact as known («15.03.2022, 10:00–12:00», or the
 * plan's wording «Март 2022 года»), and the dates it stands for when they add something.
 */
export function eventWhen(e: EventWhen): { main: string; detail: string } {
  const window = windowText(e.windowStart, e.windowEnd);
  if (e.startsAt) {
    const tz = e.timezone;
    const day = localDateOf(e.startsAt, tz);
    const endDay = e.endsAt ? localDateOf(e.endsAt, tz) : day;
    const time = `${localTimeOf(e.startsAt, tz)}${e.endsAt ? `–${localTimeOf(e.endsAt, tz)}` : ''}`;
    const main =
      endDay === day
        ? `${isoToRu(day)}, ${time}`
        : `${isoToRu(day)} ${localTimeOf(e.startsAt, tz)} – ${isoToRu(endDay)} ${localTimeOf(e.endsAt, tz)}`;
    return { main, detail: e.dateText && e.dateText !== isoToRu(day) ? `в плане: ${e.dateText}` : '' };
  }
  if (e.dateText) return { main: e.dateText, detail: e.dateText === window ? '' : window };
  return { main: window, detail: '' };
}

/** «присутствовали 12 из 40 (зарегистрировано 15)»; «приглашённых нет» when nobody is in the audience yet. */
export function countsText(c: { audience: number; registered: number; attended: number }): string {
  if (c.audience === 0 && c.registered === 0 && c.attended === 0) return 'приглашённых сотрудников нет';
  return `присутствовали ${formatNumber(c.attended)} из ${formatNumber(c.audience)} (зарегистрировано ${formatNumber(c.registered)})`;
}

export const audienceSchoolsLabels: Record<AudienceDto['schools'], string> = {
  programme: 'Целевые школы программы',
  chosen: 'Выбранные школы',
  territory: 'Все школы территории организатора',
};

export const categoryOptions = staffCategories.map((c) => ({
  value: c,
  label: c === 'specialist' ? 'Специалист (психолог, логопед, соц. педагог)' : capitalise(staffCategoryLabels[c]),
}));

/** Subjects offered in forms; users may type others. */
export const subjectOptions = [...commonSubjects];

const categoriesText = (categories: readonly StaffCategory[]): string =>
  categories.map((c) => staffCategoryGenitive[c]).join(', ');

/** Who is invited, in the nominative: «директора», «учителя». */
const categoryPlural: Record<StaffCategory, string> = {
  director: 'директора',
  deputy: 'заместители директоров',
  teacher: 'учителя',
  specialist: 'специалисты',
  other: 'прочие сотрудники',
};

/** «Директора, учителя (предметы: русский язык, математика); целевые школы программы». */
export function audienceText(a: AudienceDto): string {
  const who = a.categories.length === 0 ? 'все сотрудники' : a.categories.map((c) => categoryPlural[c]).join(', ');
  const subjects = a.subjects.length > 0 ? ` (предметы: ${a.subjects.join(', ')})` : '';
  const schools =
    a.schools === 'chosen'
      ? `выбранные школы: ${formatNumber(a.organisationIds.length)}`
      : audienceSchoolsLabels[a.schools].toLowerCase();
  return `${capitalise(who)}${subjects}; ${schools}`;
}

export const measureLabels: Record<CoverageSpec['measure'], string> = {
  attended: 'Участие в мероприятиях программы (отметки посещаемости)',
  trained: 'Пройденные курсы повышения квалификации (записи о курсах)',
};

/**
 * A coverage spec in words: «доля директоров, учителей (русский язык) целевых школ, принявших участие в
 * вебинарах, семинарах программы».
 */
export function coverageText(spec: CoverageSpec): string {
  const who = spec.categories.length > 0 ? categoriesText(spec.categories) : 'сотрудников';
  const onlyTeachers = spec.categories.length === 1 && spec.categories[0] === 'teacher';
  const subjects = spec.subjects.length > 0 ? ` (${onlyTeachers ? '' : 'учителя: '}${spec.subjects.join(', ')})` : '';
  const how =
    spec.measure === 'trained'
      ? 'прошедших курсы повышения квалификации'
      : spec.eventKinds.length > 0
        ? `принявших участие в мероприятиях программы (${spec.eventKinds.map((k) => eventKindLabels[k]).join(', ')})`
        : 'принявших участие в мероприятиях программы';
  return `доля ${who}${subjects} целевых школ, ${how}`;
}

// ---- where an event falls on the calendar

/** Windows longer than this are «в течение месяца», not a day's item. */
const dayItemMaxDays = 7;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The day an event shows on in the month grid, or null when it spans a month or a long period. */
export function eventDay(e: EventWhen): string | null {
  if (e.startsAt) return localDateOf(e.startsAt, e.timezone);
  return dayNumber(e.windowEnd) - dayNumber(e.windowStart) < dayItemMaxDays ? e.windowStart : null;
}

// ---- the network

export const partnershipKindViews: Record<PartnershipKind, string> = {
  tutor: capitalise(partnershipKindLabels.tutor),
  partnership: capitalise(partnershipKindLabels.partnership),
};

export const partnershipStatusViews: Record<PartnershipStatus, BadgeView> = {
  active: { label: capitalise(partnershipStatusLabels.active), colour: 'teal' },
  planned: { label: capitalise(partnershipStatusLabels.planned), colour: 'blue' },
  ended: { label: capitalise(partnershipStatusLabels.ended), colour: 'gray' },
  unmatched: {
    label: capitalise(partnershipStatusLabels.unmatched),
    colour: 'orange',
    title: 'Название из документа программы не сопоставлено с организацией справочника',
  },
};

/** «№ 12 от 01.02.2022», «№ 12», «от 01.02.2022» or empty. */
export function documentText(number: string, date: string | null): string {
  return [number ? `№ ${number}` : '', date ? `от ${isoToRu(date)}` : ''].filter(Boolean).join(' ');
}

/** «01.09.2022 – 31.05.2023», «с 01.09.2022», «по 31.05.2023» or empty. */
export function validityText(from: string | null, to: string | null): string {
  if (from && to) return `${isoToRu(from)} – ${isoToRu(to)}`;
  if (from) return `с ${isoToRu(from)}`;
  if (to) return `по ${isoToRu(to)}`;
  return '';
}

export const groupKindLabels: Record<GroupKind, string> = {
  'mobile-group': 'Мобильная группа',
  network: 'Сеть школ',
  platform: 'Методическая площадка',
};

export const groupKindOptions = (Object.keys(groupKindLabels) as GroupKind[]).map((k) => ({
  value: k,
  label: groupKindLabels[k],
}));
