// iCalendar (RFC 5545) feeds of programme activities and deadlines, written by ical-generator.
//
// Times are written in UTC (DTSTART:…Z). A TZID parameter would need a VTIMEZONE block to be valid RFC 5545, and
// ical-generator only writes one through an extra time-zone database; UTC instants are read identically by every
// client, which shows them in the user's own zone. The region's zone goes into X-WR-TIMEZONE as a display hint.
import { ICalCalendar, ICalEventTransparency } from 'ical-generator';

export interface IcalEvent {
  /** Globally unique and stable across exports, so a subscribed calendar updates the event instead of adding one. */
  uid: string;
  title: string;
  description?: string;
  url?: string;
  /**
   * All-day: 'YYYY-MM-DD'. Timed: an ISO date-time; with 'Z' or an offset it is an instant, without one it is the
   * wall-clock time in the calendar's time zone ('2023-02-15T10:00' in Europe/Kaliningrad is 08:00 UTC).
   */
  start: string;
  /** All-day: the last day of the event, inclusive ('2023-02-15'..'2023-02-15' is one day). Timed: as start. */
  end: string;
  allDay: boolean;
  location?: string;
}

export interface IcalCalendar {
  name: string;
  /** IANA zone of the region, e.g. 'Europe/Kaliningrad'. */
  timezone: string;
  events: IcalEvent[];
}

const prodId = '//Опора//Календарь//RU';
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const dayMs = 24 * 60 * 60 * 1000;

/** An .ics text (CRLF line ends, lines folded at 75 octets) with one VEVENT per event. */
export function writeIcal(calendar: IcalCalendar): string {
  checkTimeZone(calendar.timezone);
  const ical = new ICalCalendar({ prodId, name: escapeText(calendar.name) });
  // Not ical.timezone(): with a calendar zone set, ical-generator writes DTSTAMP in the server's local time
  // without 'Z', which RFC 5545 forbids (DTSTAMP is always UTC).
  ical.x('X-WR-TIMEZONE', calendar.timezone);

  for (const event of calendar.events) {
    const times = event.allDay ? allDayTimes(event) : timedTimes(event, calendar.timezone);
    ical.createEvent({
      id: event.uid,
      summary: event.title,
      description: event.description ?? null,
      url: event.url ?? null,
      location: event.location ?? null,
      allDay: event.allDay,
      start: times.start,
      end: times.end,
      // A deadline window of weeks or months must not show the user as busy for all of it.
      transparency: event.allDay ? ICalEventTransparency.TRANSPARENT : null,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last included; ical-generator stops after END:VCALENDAR.
  return `${ical.toString()}\r\n`;
}

/** DTEND of an all-day event is exclusive (RFC 5545 §3.6.1), so an inclusive last day becomes the day after. */
function allDayTimes(event: IcalEvent): { start: Date; end: Date } {
  const start = parseDate(event.start, event.uid);
  const last = parseDate(event.end, event.uid);
  if (last < start) throw new Error(`iCalendar event ${event.uid}: end ${event.end} is before start ${event.start}`);
  // UTC midnights: with no zone on the event, ical-generator formats dates from their UTC fields.
  return { start: new Date(start), end: new Date(last + dayMs) };
}

function timedTimes(event: IcalEvent, timeZone: string): { start: Date; end: Date } {
  const start = parseDateTime(event.start, timeZone, event.uid);
  const end = parseDateTime(event.end, timeZone, event.uid);
  if (end < start) throw new Error(`iCalendar event ${event.uid}: end ${event.end} is before start ${event.start}`);
  return { start: new Date(start), end: new Date(end) };
}

/** 'YYYY-MM-DD' as the UTC midnight of that day, in milliseconds; impossible dates (02-30) are refused. */
function parseDate(text: string, uid: string): number {
  const match = isoDate.exec(text);
  if (!match) throw new Error(`iCalendar event ${uid}: '${text}' is not a date YYYY-MM-DD`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    throw new Error(`iCalendar event ${uid}: '${text}' is not a calendar date`);
  }
  return time;
}

/** An ISO date-time as an instant in milliseconds; without an offset, a wall-clock time in timeZone. */
function parseDateTime(text: string, timeZone: string, uid: string): number {
  const match = isoDateTime.exec(text);
  if (!match) throw new Error(`iCalendar event ${uid}: '${text}' is not an ISO date-time`);
  const [hour, minute, second] = [Number(match[4]), Number(match[5]), Number(match[6] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) throw new Error(`iCalendar event ${uid}: '${text}' is not a time`);
  const wallClock = parseDate(text.slice(0, 10), uid) + ((hour * 60 + minute) * 60 + second) * 1000;
  const offset = match[7];
  if (offset === undefined) return zonedToInstant(wallClock, timeZone);
  if (offset === 'Z') return wallClock;
  const sign = offset.startsWith('-') ? -1 : 1;
  const minutes = Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6));
  return wallClock - sign * minutes * 60 * 1000;
}

/**
 * The instant at which clocks in timeZone show wallClock (given as if it were UTC). Two rounds settle the offset
 * across a change of offset; a wall-clock time skipped by a spring-forward lands after the gap.
 */
function zonedToInstant(wallClock: number, timeZone: string): number {
  const first = wallClock - zoneOffset(wallClock, timeZone);
  return wallClock - zoneOffset(first, timeZone);
}

/** How far timeZone's clocks are ahead of UTC at instant, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  const shown = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return shown - (instant - (((instant % 1000) + 1000) % 1000));
}

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new Error(`iCalendar: '${timeZone}' is not an IANA time zone`);
  }
}

/** TEXT escaping (RFC 5545 §3.3.11) for the calendar name, which ical-generator writes as given. */
function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (ch) => `\\${ch}`).replace(/\r\n|\r|\n/g, '\\n');
}
