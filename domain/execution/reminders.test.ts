// Reminders due on a day, with «today» moved around one deadline (seed 004 item 10, «30.06.2023»): due soon
// from 14 days before, overdue from the day after, escalation after 7 days overdue; each sent once (its key).
import { describe, expect, it } from 'vitest';
import type { Window } from '../deadline/read-deadline.ts';
import { plural } from '../plural.ts';
import { type Reminder, type ReminderKind, type ReminderUnit, remindersDue } from './reminders.ts';
import { addDays, type ExecutionStatus } from './status.ts';

const DEADLINE = '2023-06-30';
const unit = (over: Partial<ReminderUnit> = {}): ReminderUnit => ({
  executionId: 'e1',
  programmeId: 'p1',
  programmeTitle: 'Дорожная карта регионального проекта «500+»',
  activityNumber: '10.',
  activityText: 'Первый мониторинг исполнения мероприятий дорожной карты',
  deadlineText: '30.06.2023',
  reading: { windows: [{ start: DEADLINE, end: DEADLINE }] },
  status: 'in_progress',
  executorName: 'МБОУ «СОШ № 12»',
  dueSoonDays: 14,
  escalationDays: 7,
  ...over,
});
const kinds = (rs: Reminder[]) => rs.map((r) => r.kind);
const on = (offset: number, over: Partial<ReminderUnit> = {}) => remindersDue([unit(over)], addDays(DEADLINE, offset));

describe('which reminders are due, day by day around 30.06.2023', () => {
  // [today relative to the deadline, what is sent]
  const rows: [number, string, ReminderKind[]][] = [
    [-30, '31.05', []],
    [-15, '15.06: 15 days left, more than the default 14', []],
    [-14, '16.06: exactly 14 days left', ['due-soon']],
    [-1, '29.06', ['due-soon']],
    [0, '30.06: the deadline day, 0 days left', ['due-soon']],
    [1, '01.07: the day after', ['overdue']],
    [6, '06.07: 6 days overdue', ['overdue']],
    [7, '07.07: escalationDays later', ['overdue', 'escalation']],
    [30, '30.07', ['overdue', 'escalation']],
  ];
  it.each(rows)('%i days from the deadline (%s) → %o', (offset, _when, expected) => {
    expect(kinds(on(offset))).toEqual(expected);
  });

  const closed: ExecutionStatus[] = ['done', 'cancelled'];
  it.each(closed)('%s: nothing, on any day', (status) => {
    for (const offset of [-30, -14, 0, 1, 7, 30]) expect(on(offset, { status })).toEqual([]);
  });
  it('planned work is reminded like work in progress', () => {
    expect(kinds(on(0, { status: 'planned' }))).toEqual(['due-soon']);
    expect(kinds(on(7, { status: 'planned' }))).toEqual(['overdue', 'escalation']);
  });
  it('no windows («по запросу»): nothing, ever', () => {
    for (const offset of [-14, 0, 1, 365]) expect(on(offset, { reading: { windows: [] } })).toEqual([]);
  });
  it('a programme’s own days: due soon 3 days ahead, escalation after 1 day', () => {
    const own = { dueSoonDays: 3, escalationDays: 1 };
    expect(kinds(on(-4, own))).toEqual([]);
    expect(kinds(on(-3, own))).toEqual(['due-soon']);
    expect(kinds(on(1, own))).toEqual(['overdue', 'escalation']);
  });
  it('dueSoonDays 0: only on the deadline day; escalationDays 0: escalated from the first day overdue', () => {
    const own = { dueSoonDays: 0, escalationDays: 0 };
    expect(kinds(on(-1, own))).toEqual([]);
    expect(kinds(on(0, own))).toEqual(['due-soon']);
    expect(kinds(on(1, own))).toEqual(['overdue', 'escalation']);
  });
  it('several units: each its own reminders, in order', () => {
    const rs = remindersDue(
      [
        unit({ executionId: 'a' }),
        unit({ executionId: 'b', status: 'done' }),
        unit({ executionId: 'c', reading: { windows: [{ start: null, end: '2023-06-20' }] } }),
      ],
      '2023-06-30',
    );
    expect(rs.map((r) => [r.executionId, r.kind, r.deadline])).toEqual([
      ['a', 'due-soon', '2023-06-30'],
      ['c', 'overdue', '2023-06-20'],
      ['c', 'escalation', '2023-06-20'],
    ]);
  });
});

describe('keys: one reminder per kind, unit and deadline, however often the planner runs', () => {
  const keysOn = (offset: number, over: Partial<ReminderUnit> = {}) => on(offset, over).map((r) => r.key);
  it('due soon: the same key from the 14th day before to the deadline day', () => {
    for (let d = -14; d <= 0; d++) expect(keysOn(d)).toEqual(['due-soon:e1:2023-06-30']);
  });
  it('overdue and escalation: the same keys every day after', () => {
    expect(keysOn(1)).toEqual(['overdue:e1:2023-06-30']);
    for (const d of [7, 8, 30, 365]) expect(keysOn(d)).toEqual(['overdue:e1:2023-06-30', 'escalation:e1:2023-06-30']);
  });
  it('a repeated activity: a new due-soon key for each window', () => {
    const quarterly: { windows: Window[] } = {
      windows: [
        { start: '2023-01-01', end: '2023-03-31' },
        { start: '2023-04-01', end: '2023-06-30' },
      ],
    };
    expect(remindersDue([unit({ reading: quarterly })], '2023-03-20').map((r) => r.key)).toEqual([
      'due-soon:e1:2023-03-31',
    ]);
    expect(remindersDue([unit({ reading: quarterly })], '2023-04-01')).toEqual([]); // 90 days to 30.06
    expect(remindersDue([unit({ reading: quarterly })], '2023-06-20').map((r) => r.key)).toEqual([
      'due-soon:e1:2023-06-30',
    ]);
  });
  it('each unit has its own keys', () => {
    const rs = remindersDue([unit({ executionId: 'a' }), unit({ executionId: 'b' })], '2023-07-07');
    expect(new Set(rs.map((r) => r.key)).size).toBe(4);
  });
  it('a reminder carries its unit, programme and deadline', () => {
    expect(on(0)[0]).toMatchObject({ executionId: 'e1', programmeId: 'p1', deadline: '2023-06-30' });
  });
});

describe('the wording, in Russian with ДД.ММ.ГГГГ dates', () => {
  const activity = 'Мероприятие № 10: «Первый мониторинг исполнения мероприятий дорожной карты».';
  const where = 'Программа: «Дорожная карта регионального проекта «500+»». Исполнитель: МБОУ «СОШ № 12».';

  it('due soon, 14 days before', () => {
    expect(on(-14)[0]).toMatchObject({
      subject: 'Срок исполнения мероприятия — 30.06.2023',
      body: [
        activity,
        'Срок по программе: 30.06.2023. До срока 14 дней.',
        where,
        'Отметьте исполнение и приложите подтверждающие документы в Опоре.',
      ].join('\n'),
    });
  });
  it('due soon on the deadline day: 0 days left', () => {
    expect(on(0)[0]!.body).toContain('До срока 0 дней.');
  });
  it('overdue, the day after', () => {
    expect(on(1)[0]).toMatchObject({
      subject: 'Просрочено мероприятие: срок истёк 30.06.2023',
      body: [
        activity,
        'Срок по программе: 30.06.2023 — истёк 30.06.2023.',
        where,
        'Отметьте исполнение с подтверждающими документами или укажите причину отмены.',
      ].join('\n'),
    });
  });
  it('escalation, 10 days after', () => {
    expect(on(10)[1]).toMatchObject({
      subject: 'Просрочка 10 дней: МБОУ «СОШ № 12»',
      body: [
        activity,
        'Срок истёк 30.06.2023, просрочка 10 дней.',
        where,
        'Сообщение направлено вышестоящему уровню для принятия мер.',
      ].join('\n'),
    });
  });
  it('the programme’s own wording of the deadline is quoted; without one, the date', () => {
    expect(on(0, { deadlineText: 'Ежеквартально, до 30 числа' })[0]!.body).toContain(
      'Срок по программе: Ежеквартально, до 30 числа. До срока 0 дней.',
    );
    expect(on(0, { deadlineText: '' })[0]!.body).toContain('Срок по программе: 30.06.2023. До срока 0 дней.');
  });
  it.each([
    ['10.', 'Мероприятие № 10: «'],
    ['2.4', 'Мероприятие № 2.4: «'],
    ['2.10.', 'Мероприятие № 2.10: «'],
    ['', 'Мероприятие: «'],
  ])('activity number «%s» → «%s…»', (activityNumber, start) => {
    expect(on(0, { activityNumber })[0]!.body.startsWith(start)).toBe(true);
  });
  it('long texts and titles are cut at 300 characters', () => {
    const body = on(0, { activityText: 'а'.repeat(500), programmeTitle: 'б'.repeat(500) })[0]!.body;
    expect(body).toContain(`«${'а'.repeat(300)}»`);
    expect(body).toContain(`«${'б'.repeat(300)}»`);
    expect(body).not.toContain('а'.repeat(301));
  });
  it('every date shown is ДД.ММ.ГГГГ, never ISO', () => {
    for (const offset of [-14, 0, 1, 7, 40])
      for (const r of on(offset, { deadlineText: '' })) {
        expect(`${r.subject}\n${r.body}`).not.toMatch(/\d{4}-\d{2}-\d{2}/);
        expect(`${r.subject}\n${r.body}`).toMatch(/\b30\.06\.2023\b/);
      }
  });

  // Days left and days overdue, in the counting form after a number.
  const counted: [number, string][] = [
    [1, '1 день'],
    [2, '2 дня'],
    [4, '4 дня'],
    [5, '5 дней'],
    [11, '11 дней'],
    [12, '12 дней'],
    [14, '14 дней'],
    [21, '21 день'],
    [22, '22 дня'],
    [25, '25 дней'],
  ];
  it.each(counted)('%i days left: «До срока %s.»', (n, words) => {
    expect(on(-n, { dueSoonDays: 30 })[0]!.body).toContain(`До срока ${words}.`);
  });
  it.each(counted)('%i days overdue: «просрочка %s.»', (n, words) => {
    const escalation = on(n, { escalationDays: 1 }).find((r) => r.kind === 'escalation')!;
    expect(escalation.body).toContain(`просрочка ${words}.`);
  });

  // The escalation subject «Не исполнено в срок более N …»: after «более» the noun is genitive («более 1 дня»,
  // «более 21 дня», «более 2 дней»), not the counting form the module uses («более 1 день», «более 2 дня»).
  const agrees = (subject: string, n: number): boolean => {
    const after = (w: string) => new RegExp(`(?:более|менее|свыше) ${n} ${w}(?![а-яё])`).test(subject);
    const bare = new RegExp(` ${n} ${plural(n, ['день', 'дня', 'дней'])}(?![а-яё])`).test(subject);
    return after(plural(n, ['дня', 'дней', 'дней'])) || (bare && !/(?:более|менее|свыше) \d/.test(subject));
  };
  it('the agreement check itself: accepts «более 1 дня», «более 21 дня», «Просрочка 21 день»', () => {
    expect(agrees('Не исполнено в срок более 1 дня: Школа', 1)).toBe(true);
    expect(agrees('Не исполнено в срок более 21 дня: Школа', 21)).toBe(true);
    expect(agrees('Не исполнено в срок не менее 2 дней: Школа', 2)).toBe(true);
    expect(agrees('Просрочка 21 день: Школа', 21)).toBe(true);
    expect(agrees('Не исполнено в срок более 21 день: Школа', 21)).toBe(false);
    expect(agrees('Не исполнено в срок более 2 дня: Школа', 2)).toBe(false);
  });
  // The subject names the delay itself (escalationDays + 3 days overdue here), in the right plural form.
  const escalationDays: [number, string][] = [
    [1, 'Просрочка 4 дня'],
    [2, 'Просрочка 5 дней'],
    [3, 'Просрочка 6 дней'],
    [5, 'Просрочка 8 дней'],
    [7, 'Просрочка 10 дней'],
    [11, 'Просрочка 14 дней'],
    [14, 'Просрочка 17 дней'],
    [18, 'Просрочка 21 день'],
  ];
  for (const [n, words] of escalationDays)
    it(`escalationDays ${n}: the subject names the delay («${words}»)`, () => {
      const subject = on(n + 3, { escalationDays: n }).find((r) => r.kind === 'escalation')!.subject;
      expect(subject.startsWith(`${words}:`)).toBe(true);
    });

  // On the day escalation starts the delay is exactly escalationDays, so «более 7 дней» overstates it and
  // contradicts the body («просрочка 7 дней»).
  it('on the first day of escalation the subject does not say «более» the number of days overdue', () => {
    const r = on(7).find((x) => x.kind === 'escalation')!;
    expect(r.body).toContain('просрочка 7 дней.');
    expect(r.subject).not.toMatch(/более 7 /);
  });
});
