import { describe, expect, it } from 'vitest';
import {
  activityDays,
  changedFieldsText,
  compareLagging,
  documentReference,
  dueText,
  eventsOn,
  executionSummary,
  executionText,
  filterUnits,
  formatFileSize,
  gridRange,
  historyChanges,
  indicatorValueText,
  managesProgramme,
  monthGrid,
  monthTitle,
  parseDecimal,
  parseMonthKey,
  percentColour,
  rollupText,
  roundTitle,
  shiftMonth,
  thresholdView,
  thresholdWords,
  timelineScale,
  timingView,
} from './execution-format.ts';

const nbsp = '\u00a0';

describe('timingView', () => {
  it.each([
    ['overdue', 5, null, 'Просрочено 5 дн.', 'red'],
    ['due-soon', null, 3, 'Скоро срок', 'yellow'],
    ['on-time', null, 40, 'В срок', 'green'],
    ['no-deadline', null, null, 'Без срока', 'gray'],
  ] as const)('%s', (t, overdue, left, label, colour) => {
    expect(timingView(t, overdue, left)).toMatchObject({ label, colour });
  });

  it('says how many days are left or overdue in the title', () => {
    expect(timingView('due-soon', null, 0)?.title).toBe('Срок — сегодня');
    expect(timingView('due-soon', null, 2)?.title).toBe('До срока 2 дня');
    expect(timingView('overdue', 21, null)?.title).toBe('Срок истёк 21 день назад');
  });

  it('shows nothing for closed work', () => {
    expect(timingView('closed', null, null)).toBeNull();
  });
});

describe('activityDays', () => {
  it('takes the most overdue unit and the soonest deadline', () => {
    expect(
      activityDays([
        { daysOverdue: 3, daysLeft: null },
        { daysOverdue: 10, daysLeft: null },
        { daysOverdue: null, daysLeft: 4 },
        { daysOverdue: null, daysLeft: 2 },
      ]),
    ).toEqual({ daysOverdue: 10, daysLeft: 2 });
    expect(activityDays([])).toEqual({ daysOverdue: null, daysLeft: null });
  });
});

describe('rollupText', () => {
  it.each([
    [{ total: 12, done: 3, cancelled: 0 }, 'schools', 'исполнено 3 из 12 школ'],
    [{ total: 1, done: 0, cancelled: 0 }, 'schools', 'исполнено 0 из 1 школы'],
    [{ total: 21, done: 20, cancelled: 0 }, 'schools', 'исполнено 20 из 21 школы'],
    [{ total: 11, done: 2, cancelled: 0 }, 'schools', 'исполнено 2 из 11 школ'],
    [{ total: 14, done: 4, cancelled: 1 }, 'schools', 'исполнено 4 из 13 школ (без учёта 1 отменённого)'],
    [
      { total: 5, done: 1, cancelled: 2 },
      'municipalities',
      'исполнено 1 из 3 муниципалитетов (без учёта 2 отменённых)',
    ],
  ] as const)('%o %s → %s', (f, kind, text) => {
    expect(rollupText(f, kind)).toBe(text);
  });

  it('has none for an activity its owner executes alone', () => {
    expect(rollupText({ total: 1, done: 1, cancelled: 0 }, 'owner')).toBeNull();
  });
});

describe('round figures in words', () => {
  const f = {
    date: '2023-06-30',
    total: 32,
    cancelled: 2,
    done: 11,
    executionPercent: (11 * 100) / 30,
    dueByDate: 14,
    doneOfDue: 11,
    duePercent: (11 * 100) / 14,
  };

  it('names the parts of the execution percentage (seed 004: monitoring on 30.06.2023)', () => {
    expect(executionText(f)).toBe(`Исполнено 11 из 30 (без учёта 2 отменённых) — 36,7${nbsp}%`);
    expect(executionText({ ...f, cancelled: 0, total: 30 })).toBe(`Исполнено 11 из 30 — 36,7${nbsp}%`);
    expect(dueText(f)).toBe(`из мероприятий со сроком до 30.06.2023 исполнено 11 из 14 — 78,6${nbsp}%`);
  });

  it('says when there is nothing to count', () => {
    expect(executionText({ total: 0, cancelled: 0, done: 0, executionPercent: null })).toBe('Мероприятий нет');
    expect(executionText({ total: 3, cancelled: 3, done: 0, executionPercent: null })).toBe(
      'Все мероприятия отменены (3)',
    );
    expect(dueText({ ...f, dueByDate: 0, doneOfDue: 0, duePercent: null })).toBe(
      'мероприятий со сроком до 30.06.2023 нет',
    );
  });

  it('words thresholds and whether they are met', () => {
    expect(thresholdWords({ min: 30, max: 40 })).toBe(`не менее 30–40${nbsp}%`);
    expect(thresholdWords({ min: 80, max: 80 })).toBe(`не менее 80${nbsp}%`);
    expect(thresholdWords(null)).toBe('порог не установлен');
    const threshold = { min: 30, max: 40 };
    expect(thresholdView({ level: 'max', meetsThreshold: true, threshold })?.colour).toBe('teal');
    expect(thresholdView({ level: 'min', meetsThreshold: true, threshold })?.label).toBe(
      'Порог выполнен по нижней границе',
    );
    expect(thresholdView({ level: 'below', meetsThreshold: false, threshold })).toMatchObject({
      label: 'Порог не выполнен',
      colour: 'red',
    });
    expect(thresholdView({ level: null, meetsThreshold: null, threshold: null })).toBeNull();
  });

  it('colours a percentage against the threshold: 29,9 red, 30 yellow, 40 green', () => {
    const t = { min: 30, max: 40 };
    expect(percentColour(29.9, t)).toBe('red');
    expect(percentColour(30, t)).toBe('yellow');
    expect(percentColour(40, t)).toBe('teal');
    expect(percentColour(null, t)).toBe('gray');
  });
});

describe('names and values', () => {
  it('names a round by its title, else by kind and date', () => {
    expect(roundTitle({ title: '', kind: 'execution', date: '2023-11-30' })).toBe(
      'Мониторинг исполнения на 30.11.2023',
    );
    expect(roundTitle({ title: 'Первый этап', kind: 'engagement', date: '2023-06-30' })).toBe('Первый этап');
  });

  it('lists changed fields of a version in Russian', () => {
    expect(changedFieldsText(['deadline', 'text'])).toBe('срок, формулировка');
    expect(changedFieldsText(undefined)).toBe('');
  });

  it('shows file sizes', () => {
    expect(formatFileSize(512)).toBe('512 Б');
    expect(formatFileSize(12_700)).toBe('12,4 КБ');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20 МБ');
  });

  it('writes an order reference', () => {
    expect(documentReference({ documentNumber: '12-о', documentDate: '2023-03-05' })).toBe('№ 12-о от 05.03.2023');
    expect(documentReference({ documentNumber: '', documentDate: null })).toBe('');
  });

  it('reads decimals as users type them', () => {
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal(' 90 ')).toBe(90);
    expect(parseDecimal('−3')).toBe(-3);
    expect(parseDecimal('около 5')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('shows indicator values with their unit', () => {
    expect(indicatorValueText(12.5, '%')).toBe(`12,5${nbsp}%`);
    expect(indicatorValueText(3, 'чел.')).toBe('3 чел.');
    expect(indicatorValueText(null, '%')).toBe('—');
  });

  it('puts lagging programmes first', () => {
    const rows = [
      { title: 'Б', percent: 80, overdue: 0 },
      { title: 'А', percent: null, overdue: 0 },
      { title: 'В', percent: 20, overdue: 1 },
      { title: 'Г', percent: 20, overdue: 5 },
    ];
    expect([...rows].sort(compareLagging).map((r) => r.title)).toEqual(['Г', 'В', 'Б', 'А']);
    const territories = [
      { name: 'Светловский', percent: 50, overdue: 0 },
      { name: 'Балтийский', percent: 50, overdue: 0 },
    ];
    expect([...territories].sort(compareLagging).map((r) => r.name)).toEqual(['Балтийский', 'Светловский']);
  });
});

describe('historyChanges', () => {
  it('shows status and dates in Russian, without bookkeeping', () => {
    const changes = historyChanges({
      before: { status: 'planned', completedOn: null, cancelReason: '', comment: '', version: 1 },
      after: { status: 'done', completedOn: '2023-06-15', cancelReason: '', comment: 'Проведено', version: 2 },
    });
    expect(changes).toEqual([
      { kind: 'changed', label: 'Статус', before: 'Запланировано', after: 'Выполнено' },
      { kind: 'changed', label: 'Дата исполнения', before: '—', after: '15.06.2023' },
      { kind: 'changed', label: 'Комментарий', before: '—', after: 'Проведено' },
    ]);
  });

  it('lists what a new piece of evidence holds', () => {
    const changes = historyChanges({
      before: null,
      after: { executionId: 'x', kind: 'link', title: 'Публикация', url: 'https://example.ru' },
    });
    expect(changes.map((c) => `${c.label}: ${c.after}`)).toEqual([
      'Вид: Ссылка',
      'Наименование: Публикация',
      'Ссылка: https://example.ru',
    ]);
    expect(changes.every((c) => c.kind === 'added')).toBe(true);
  });
});

describe('calendar', () => {
  it('lays a month out in weeks from Monday', () => {
    const weeks = monthGrid({ year: 2023, month: 6 }); // 1 June 2023 is a Thursday
    expect(weeks[0]).toEqual([
      '2023-05-29',
      '2023-05-30',
      '2023-05-31',
      '2023-06-01',
      '2023-06-02',
      '2023-06-03',
      '2023-06-04',
    ]);
    expect(weeks).toHaveLength(5);
    expect(weeks[4]![4]).toBe('2023-06-30');
    expect(gridRange({ year: 2023, month: 6 })).toEqual({ from: '2023-05-29', to: '2023-07-02' });
  });

  it('handles a February starting on Monday', () => {
    const weeks = monthGrid({ year: 2021, month: 2 });
    expect(weeks).toHaveLength(4);
    expect(weeks[0]![0]).toBe('2021-02-01');
  });

  it('moves between months and years', () => {
    expect(shiftMonth({ year: 2023, month: 12 }, 1)).toEqual({ year: 2024, month: 1 });
    expect(shiftMonth({ year: 2023, month: 1 }, -1)).toEqual({ year: 2022, month: 12 });
    expect(monthTitle({ year: 2023, month: 3 })).toBe('Март 2023');
    expect(parseMonthKey('2023-03')).toEqual({ year: 2023, month: 3 });
    expect(parseMonthKey('2023-13')).toBeNull();
    expect(parseMonthKey(null)).toBeNull();
  });

  it('finds the events covering a day', () => {
    const events = [
      { id: 'a', start: '2023-06-01', end: '2023-06-30' },
      { id: 'b', start: '2023-06-15', end: '2023-06-15' },
    ];
    expect(eventsOn(events, '2023-06-15').map((e) => e.id)).toEqual(['a', 'b']);
    expect(eventsOn(events, '2023-07-01')).toEqual([]);
  });
});

describe('timelineScale', () => {
  it('covers whole months of the period, with the year on the first month and on January', () => {
    const s = timelineScale('2022-09-01', '2023-02-15');
    expect(s.months.map((m) => m.label)).toEqual(['сен 2022', 'окт', 'ноя', 'дек', 'янв 2023', 'фев']);
    expect(s.at('2022-09-01')).toBe(0);
    expect(s.at('2023-03-01')).toBe(100);
    expect(s.at('2030-01-01')).toBe(100);
    expect(s.at('2000-01-01')).toBe(0);
    const widths = s.months.reduce((sum, m) => sum + m.width, 0);
    expect(widths).toBeCloseTo(100, 6);
  });
});

describe('managesProgramme', () => {
  const region = { regionId: 'r', municipalityId: null, organisationId: null };
  const municipal = { regionId: 'r', municipalityId: 'm', organisationId: null };
  const school = { regionId: 'r', municipalityId: 'm', organisationId: 's' };
  it.each([
    ['a regional coordinator, a municipal programme', { ...region, role: 'regional_coordinator' }, municipal, true],
    ['a municipal coordinator, the regional programme', { ...municipal, role: 'municipal_coordinator' }, region, false],
    ['a municipal coordinator, its school', { ...municipal, role: 'municipal_coordinator' }, school, true],
    ['a school, its own programme', { ...school, role: 'school' }, school, true],
    ['a school, the municipal programme', { ...school, role: 'school' }, municipal, false],
    ['another region', { ...region, regionId: 'x', role: 'regional_coordinator' }, region, false],
    ['the administrator', { regionId: null, municipalityId: null, organisationId: null, role: 'admin' }, school, true],
  ])('%s', (_name, me, p, expected) => {
    expect(managesProgramme(me, p)).toBe(expected);
  });
});

describe('filters of the execution screen', () => {
  const region = { municipalityId: null, organisationId: null };
  const units = [
    { id: 'a', status: 'planned', timing: 'overdue', ...region },
    { id: 'b', status: 'done', timing: 'closed', municipalityId: 'm', organisationId: 's' },
    { id: 'c', status: 'planned', timing: 'due-soon', municipalityId: 'm', organisationId: null },
  ];
  it.each([
    [{}, ['a', 'b', 'c']],
    [{ status: 'planned' }, ['a', 'c']],
    [{ timing: 'overdue' }, ['a']],
    [{ mine: true }, ['a']],
    [{ status: 'planned', mine: true }, ['a']],
    [{ status: 'done', timing: 'overdue' }, []],
  ])('%o', (f, ids) => {
    expect(filterUnits(units, f, region).map((u) => u.id)).toEqual(ids);
  });

  it("takes as own the work of the user's own territory, not of those below it", () => {
    expect(filterUnits(units, { mine: true }, { municipalityId: 'm', organisationId: null }).map((u) => u.id)).toEqual([
      'c',
    ]);
    expect(filterUnits(units, { mine: true }, { municipalityId: 'm', organisationId: 's' }).map((u) => u.id)).toEqual([
      'b',
    ]);
  });

  it('counts activities by status and timing', () => {
    expect(
      executionSummary([
        { status: 'done', timing: 'closed' },
        { status: 'planned', timing: 'overdue' },
        { status: 'in_progress', timing: 'due-soon' },
      ]),
    ).toEqual({ total: 3, done: 1, inProgress: 1, overdue: 1, dueSoon: 1 });
  });
});
