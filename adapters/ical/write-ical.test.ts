import { afterEach, describe, expect, it } from 'vitest';
import { type IcalCalendar, type IcalEvent, writeIcal } from './write-ical.ts';

// Read back by eye, as RFC 5545 §3.1 says: a line starting with a space continues the previous one.
interface Property {
  name: string;
  params: string[];
  value: string;
}

function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .slice(0, -1);
}

function parseProperty(line: string): Property {
  const colon = line.indexOf(':');
  const [name = '', ...params] = line.slice(0, colon).split(';');
  return { name, params, value: line.slice(colon + 1) };
}

/** The calendar's own properties and each VEVENT's, in order. */
function parseIcal(ics: string): { calendar: Property[]; events: Property[][] } {
  const calendar: Property[] = [];
  const events: Property[][] = [];
  let event: Property[] | null = null;
  for (const line of unfold(ics)) {
    const property = parseProperty(line);
    if (property.name === 'BEGIN' && property.value === 'VEVENT') {
      event = [];
      events.push(event);
    } else if (property.name === 'END' && property.value === 'VEVENT') {
      event = null;
    } else {
      (event ?? calendar).push(property);
    }
  }
  return { calendar, events };
}

function property(properties: Property[], name: string): Property {
  const found = properties.find((p) => p.name === name);
  if (!found) throw new Error(`no ${name} in ${JSON.stringify(properties)}`);
  return found;
}

/** TEXT values (§3.3.11): \\ \; \, and \n. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, ch: string) => (ch.toLowerCase() === 'n' ? '\n' : ch));
}

const seminar: IcalEvent = {
  uid: 'activity-17@opora',
  title: 'Семинар «Анализ ВПР, ОГЭ»; итоги',
  description:
    'Провести методический семинар для учителей школ с низкими образовательными результатами.\n' +
    'Ответственный: муниципальный методический центр, г. Калининград',
  url: 'https://opora.example.ru/programmes/3#activity-17',
  start: '2023-02-01',
  end: '2023-02-15',
  allDay: true,
  location: 'г. Калининград, ул. Чернышевского, д. 56а',
};

const calendar: IcalCalendar = {
  name: 'Опора: мероприятия программы, Калининградская область; 2023',
  timezone: 'Europe/Kaliningrad',
  events: [seminar],
};

describe('writeIcal: the file', () => {
  const ics = writeIcal(calendar);

  it('ends every line with CRLF, the last one included', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('folds lines at 75 octets, Cyrillic counted in UTF-8 bytes', () => {
    const lines = ics.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('names the product, the calendar and the region time zone', () => {
    const { calendar: props } = parseIcal(ics);
    expect(props[0]).toEqual({ name: 'BEGIN', params: [], value: 'VCALENDAR' });
    expect(property(props, 'VERSION').value).toBe('2.0');
    expect(property(props, 'PRODID').value).toBe('-//Опора//Календарь//RU');
    expect(property(props, 'X-WR-CALNAME').value).toBe(
      'Опора: мероприятия программы\\, Калининградская область\\; 2023',
    );
    expect(unescapeText(property(props, 'X-WR-CALNAME').value)).toBe(calendar.name);
    expect(property(props, 'X-WR-TIMEZONE').value).toBe('Europe/Kaliningrad');
    expect(props.at(-1)).toEqual({ name: 'END', params: [], value: 'VCALENDAR' });
  });

  it('writes the event with its text escaped', () => {
    const { events } = parseIcal(ics);
    expect(events).toHaveLength(1);
    const event = events[0]!;
    expect(property(event, 'UID').value).toBe('activity-17@opora');
    expect(property(event, 'SUMMARY').value).toBe('Семинар «Анализ ВПР\\, ОГЭ»\\; итоги');
    expect(unescapeText(property(event, 'SUMMARY').value)).toBe(seminar.title);
    expect(property(event, 'DESCRIPTION').value).toContain('результатами.\\nОтветственный');
    expect(unescapeText(property(event, 'DESCRIPTION').value)).toBe(seminar.description);
    expect(unescapeText(property(event, 'LOCATION').value)).toBe(seminar.location);
    expect(property(event, 'URL').value).toBe(seminar.url);
    expect(property(event, 'DTSTAMP').value).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('leaves out what an event does not have', () => {
    const { events } = parseIcal(
      writeIcal({
        ...calendar,
        events: [{ uid: 'x@opora', title: 'Срок', start: '2023-03-01', end: '2023-03-01', allDay: true }],
      }),
    );
    const names = events[0]!.map((p) => p.name);
    expect(names).not.toContain('DESCRIPTION');
    expect(names).not.toContain('URL');
    expect(names).not.toContain('LOCATION');
  });

  it('writes an empty calendar', () => {
    const { calendar: props, events } = parseIcal(writeIcal({ ...calendar, events: [] }));
    expect(events).toEqual([]);
    expect(property(props, 'PRODID').value).toBe('-//Опора//Календарь//RU');
  });
});

describe('writeIcal: all-day events span start..end inclusive', () => {
  it.each([
    ['one day', '2023-02-15', '2023-02-15', '20230215', '20230216'],
    ['a window within a month', '2023-02-01', '2023-02-15', '20230201', '20230216'],
    ['to the end of February', '2023-02-01', '2023-02-28', '20230201', '20230301'],
    ['to the end of a leap February', '2024-02-01', '2024-02-29', '20240201', '20240301'],
    ['to 28 February of a leap year', '2024-02-28', '2024-02-28', '20240228', '20240229'],
    ['to the end of the year', '2023-09-01', '2023-12-31', '20230901', '20240101'],
  ])('%s: %s..%s', (_, start, end, dtstart, dtend) => {
    const { events } = parseIcal(writeIcal({ ...calendar, events: [{ ...seminar, start, end }] }));
    const event = events[0]!;
    expect(property(event, 'DTSTART')).toEqual({ name: 'DTSTART', params: ['VALUE=DATE'], value: dtstart });
    expect(property(event, 'DTEND')).toEqual({ name: 'DTEND', params: ['VALUE=DATE'], value: dtend });
    // A deadline window does not make anyone busy.
    expect(property(event, 'TRANSP').value).toBe('TRANSPARENT');
  });
});

describe('writeIcal: timed events are written in UTC', () => {
  it.each([
    ['wall clock in Kaliningrad (UTC+2)', 'Europe/Kaliningrad', '2023-02-15T10:00', '20230215T080000Z'],
    ['wall clock with seconds', 'Europe/Kaliningrad', '2023-02-15T10:00:30', '20230215T080030Z'],
    ['wall clock in Moscow (UTC+3)', 'Europe/Moscow', '2023-02-15T10:00:00', '20230215T070000Z'],
    [
      'wall clock in Kamchatka (UTC+12), the day before in UTC',
      'Asia/Kamchatka',
      '2023-02-15T09:00',
      '20230214T210000Z',
    ],
    ['an instant in UTC', 'Europe/Kaliningrad', '2023-02-15T10:00:00Z', '20230215T100000Z'],
    ['an instant with an offset', 'Europe/Kaliningrad', '2023-02-15T10:00:00+03:00', '20230215T070000Z'],
    ['an instant with milliseconds', 'Europe/Moscow', '2023-02-15T10:00:00.000Z', '20230215T100000Z'],
  ])('%s', (_, timezone, start, dtstart) => {
    const { events } = parseIcal(
      writeIcal({ ...calendar, timezone, events: [{ ...seminar, allDay: false, start, end: start }] }),
    );
    expect(property(events[0]!, 'DTSTART')).toEqual({ name: 'DTSTART', params: [], value: dtstart });
    expect(property(events[0]!, 'DTEND')).toEqual({ name: 'DTEND', params: [], value: dtstart });
    expect(events[0]!.map((p) => p.name)).not.toContain('TRANSP');
  });

  it('writes the end of a meeting', () => {
    const meeting = { ...seminar, allDay: false, start: '2023-02-15T10:00', end: '2023-02-15T11:30' };
    const { events } = parseIcal(writeIcal({ ...calendar, events: [meeting] }));
    expect(property(events[0]!, 'DTEND').value).toBe('20230215T093000Z');
  });
});

describe('writeIcal: the server time zone does not matter', () => {
  const serverZone = process.env.TZ;
  afterEach(() => {
    if (serverZone === undefined) delete process.env.TZ;
    else process.env.TZ = serverZone;
  });

  it('writes the same dates in Los Angeles and in Kamchatka', () => {
    const events: IcalEvent[] = [
      { ...seminar, uid: 'a@opora', start: '2023-02-01', end: '2023-02-15', allDay: true },
      { ...seminar, uid: 'b@opora', start: '2023-02-15T00:30', end: '2023-02-15T23:30', allDay: false },
    ];
    const write = (zone: string) => {
      process.env.TZ = zone;
      return unfold(writeIcal({ ...calendar, events })).filter((line) => !line.startsWith('DTSTAMP'));
    };
    const inLosAngeles = write('America/Los_Angeles');
    expect(write('Asia/Kamchatka')).toEqual(inLosAngeles);
    expect(inLosAngeles).toContain('DTSTART;VALUE=DATE:20230201');
    expect(inLosAngeles).toContain('DTSTART:20230214T223000Z');
  });
});

describe('writeIcal: refuses what it cannot write', () => {
  it.each<[string, Partial<IcalEvent>, RegExp]>([
    ['an all-day end before the start', { start: '2023-02-15', end: '2023-02-14' }, /end 2023-02-14 is before start/],
    ['a date that does not exist', { start: '2023-02-30', end: '2023-03-01' }, /'2023-02-30' is not a calendar date/],
    ['a Russian date', { start: '15.02.2023', end: '2023-02-15' }, /'15\.02\.2023' is not a date YYYY-MM-DD/],
    ['a date for a timed event', { allDay: false, start: '2023-02-15', end: '2023-02-15' }, /is not an ISO date-time/],
    [
      'a time that does not exist',
      { allDay: false, start: '2023-02-15T24:00', end: '2023-02-15T24:00' },
      /is not a time/,
    ],
    [
      'a timed end before the start',
      { allDay: false, start: '2023-02-15T10:00', end: '2023-02-15T09:00' },
      /end 2023-02-15T09:00 is before start/,
    ],
  ])('%s', (_, change, message) => {
    expect(() => writeIcal({ ...calendar, events: [{ ...seminar, ...change }] })).toThrow(message);
  });

  it('a time zone that is not IANA', () => {
    expect(() => writeIcal({ ...calendar, timezone: 'МСК+1' })).toThrow(/'МСК\+1' is not an IANA time zone/);
  });
});
