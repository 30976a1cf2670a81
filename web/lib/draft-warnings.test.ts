import { describe, expect, it } from 'vitest';
import type { ImportPreview, ProgrammeDraftDto } from '../../contract/programmes.ts';
import { readDeadline } from '../../domain/deadline/read-deadline.ts';
import {
  activityKey,
  currentDraftWarnings,
  issuePath,
  messageInPlace,
  parseWarningPath,
  sortWarnings,
  warningKey,
  warningPlace,
  warningsByActivity,
  warningTargetId,
} from './draft-warnings.ts';

const activity = (number: string, deadlineText: string, responsible = 'ИРО') => ({
  number,
  text: `Мероприятие ${number}`,
  deadlineText,
  responsible,
  executors: '',
  plannedResult: '',
  indicator: '',
  informationSupport: '',
});

const draft: ProgrammeDraftDto = {
  level: 'region',
  kind: 'план-график',
  title: 'План-график на 2023 год',
  period: { start: '2023-01-01', end: '2023-12-31' },
  periodText: '2023 год',
  act: {
    authority: 'Министерство',
    kind: 'приказ',
    number: '28/1',
    date: '2023-01-13',
    place: '',
    title: '',
    signatory: '',
    signatoryPosition: '',
  },
  passport: {
    problem: '',
    goal: '',
    tasks: ['1. Первая', '3. Третья'],
    challenges: [],
    directions: [],
    expectedResults: [],
    customer: '',
    curator: '',
    developers: '',
    executors: '',
    targetAudience: '',
    stages: '',
    other: [],
  },
  workingGroup: [],
  sections: [
    { number: '1.', title: 'Организационные мероприятия', activities: [activity('1.', 'Январь 2023')] },
    {
      number: '2.',
      title: 'Информационное сопровождение',
      activities: [activity('30.', '01.03-30.12.2022', ''), activity('32.', 'Март 2023')],
    },
  ],
  indicators: [],
  consultations: [],
  tutorPairs: [],
  schools: [],
  monitoringRounds: [],
};

const outside =
  'Мероприятие 30.: Срок «01.03-30.12.2022» выходит за период программы (01.01.2023–31.12.2023). Проверьте год в сроке или период программы.';
const preview: ImportPreview = {
  fileName: 'plan.txt',
  format: 'txt',
  draft,
  summary: { activities: 3, sections: 2, indicators: 0, consultations: 0, tutorPairs: 0, workingGroup: 0, warnings: 5 },
  warnings: [
    { code: 'deadline.outside_period', path: 'sections[1].activities[0].deadline', message: outside },
    { code: 'activity.no_responsible', path: 'sections[1].activities[0].responsible', message: 'нет ответственного' },
    { code: 'numbering.gap', path: 'sections[1].activities[1].number', message: '32 после 30' },
    { code: 'act.number_mismatch', path: 'act.number', message: 'разные номера' },
    { code: 'numbering.gap', path: 'passport.tasks', message: 'задачи 1, 3' },
  ],
};

type Draft = ProgrammeDraftDto;
const withActivity = (
  d: Draft,
  si: number,
  ai: number,
  change: Partial<Draft['sections'][number]['activities'][number]>,
) => ({
  ...d,
  sections: d.sections.map((s, i) =>
    i !== si ? s : { ...s, activities: s.activities.map((a, j) => (j === ai ? { ...a, ...change } : a)) },
  ),
});
const codes = (d: Draft) => currentDraftWarnings(preview, d, readDeadline).map((w) => `${w.path} ${w.code}`);

describe('warning paths', () => {
  it.each([
    ['sections[4].activities[0].deadline', { kind: 'activity', section: 4, activity: 0, field: 'deadline' }],
    ['sections[0].activities[12].number', { kind: 'activity', section: 0, activity: 12, field: 'number' }],
    ['act.number', { kind: 'act', field: 'number' }],
    ['period', { kind: 'period' }],
    ['passport.tasks', { kind: 'passport', field: 'tasks' }],
    ['tables[3]', { kind: 'table', index: 3 }],
    ['sections', { kind: 'other', path: 'sections' }],
  ])('%s', (path, target) => {
    expect(parseWarningPath(path)).toEqual(target);
  });

  it('lead to the input to correct', () => {
    expect(warningTargetId(parseWarningPath('sections[4].activities[0].deadline'))).toBe('draft-a-4-0-deadlineText');
    expect(warningTargetId(parseWarningPath('sections[2].activities[3].responsible'))).toBe('draft-a-2-3-responsible');
    expect(warningTargetId(parseWarningPath('act.number'))).toBe('draft-act-number');
    expect(warningTargetId(parseWarningPath('period'))).toBe('draft-period-start');
    expect(warningTargetId(parseWarningPath('passport.tasks'))).toBe('draft-passport-tasks');
    expect(warningTargetId(parseWarningPath('tables[1]'))).toBe('draft-appendices');
  });

  it('say where in words', () => {
    expect(warningPlace(parseWarningPath('sections[1].activities[0].deadline'), draft)).toBe(
      'Раздел 2, мероприятие 30.',
    );
    expect(
      warningPlace(parseWarningPath('sections[0].activities[0].deadline'), { sections: [draft.sections[0]!] }),
    ).toBe('Мероприятие 1.');
    expect(warningPlace(parseWarningPath('passport.tasks'), draft)).toBe('Паспорт: задачи');
    expect(warningPlace(parseWarningPath('act.number'), draft)).toBe('Утверждающий акт');
  });
});

describe('warnings follow the corrections', () => {
  it('start as the server gave them, in document order', () => {
    expect(codes(draft)).toEqual([
      'act.number act.number_mismatch',
      'passport.tasks numbering.gap',
      'sections[1].activities[0].deadline deadline.outside_period',
      'sections[1].activities[0].responsible activity.no_responsible',
      'sections[1].activities[1].number numbering.gap',
    ]);
  });

  it('drop a deadline warning once the year is corrected, and add one for a wording that cannot be read', () => {
    const fixed = withActivity(draft, 1, 0, { deadlineText: '01.03-30.12.2023' });
    expect(codes(fixed)).not.toContain('sections[1].activities[0].deadline deadline.outside_period');
    const broken = withActivity(draft, 0, 0, { deadlineText: 'когда-нибудь' });
    const warnings = currentDraftWarnings(preview, broken, readDeadline);
    const unreadable = warnings.find((w) => w.path === 'sections[0].activities[0].deadline');
    expect(unreadable?.code).toBe('deadline.unreadable');
    expect(unreadable?.message).toMatch(/^Мероприятие 1\.: Срок «когда-нибудь» не прочитан/);
  });

  it('read every deadline again against a corrected period', () => {
    const d = { ...draft, period: { start: '2022-01-01', end: '2023-12-31' } };
    expect(codes(d).filter((c) => c.includes('deadline'))).toEqual([]);
    const narrow = { ...draft, period: { start: '2023-06-01', end: '2023-12-31' } };
    expect(codes(narrow)).toContain('sections[0].activities[0].deadline deadline.outside_period');
  });

  it('keep «no responsible» while both responsible and executors are empty', () => {
    expect(codes(withActivity(draft, 1, 0, { responsible: '  ' }))).toContain(
      'sections[1].activities[0].responsible activity.no_responsible',
    );
    expect(codes(withActivity(draft, 1, 0, { executors: 'Руководители школ' }))).not.toContain(
      'sections[1].activities[0].responsible activity.no_responsible',
    );
  });

  it('drop other warnings once their value is changed', () => {
    const d = {
      ...withActivity(draft, 1, 1, { number: '31.' }),
      act: { ...draft.act, number: '28' },
      passport: { ...draft.passport, tasks: ['1. Первая', '2. Вторая'] },
    };
    expect(codes(d)).toEqual([
      'sections[1].activities[0].deadline deadline.outside_period',
      'sections[1].activities[0].responsible activity.no_responsible',
    ]);
  });
});

describe('warnings by row', () => {
  it('groups activity warnings by their row key', () => {
    const rows = warningsByActivity(preview.warnings);
    expect([...rows.keys()]).toEqual([activityKey(1, 0), activityKey(1, 1)]);
    expect(rows.get('a-1-0')?.map((w) => w.code)).toEqual(['deadline.outside_period', 'activity.no_responsible']);
  });

  it('sorts stably within a place', () => {
    const a = { code: 'x', path: 'tables[0]', message: 'a' };
    const b = { code: 'y', path: 'tables[0]', message: 'b' };
    expect(sortWarnings([a, b]).map((w) => w.message)).toEqual(['a', 'b']);
  });
});

describe('problems found before saving', () => {
  it('name their place like warnings do', () => {
    const path = issuePath(['draft', 'sections', 1, 'activities', 0, 'text']);
    expect(path).toBe('sections[1].activities[0].text');
    expect(warningPlace(parseWarningPath(path), draft)).toBe('Раздел 2, мероприятие 30.');
    expect(issuePath(['owner', 'regionId'])).toBe('owner.regionId');
    expect(issuePath(['draft', 'title'])).toBe('title');
  });
});

describe('messages shown at their place', () => {
  it('leave out the activity the place already names', () => {
    expect(messageInPlace(preview.warnings[0]!)).toBe(
      'Срок «01.03-30.12.2022» выходит за период программы (01.01.2023–31.12.2023). Проверьте год в сроке или период программы.',
    );
    expect(
      messageInPlace({
        path: 'sections[0].activities[0].responsible',
        message: 'Мероприятие «Анализ: итоги…»: не указан ответственный.',
      }),
    ).toBe('Не указан ответственный.');
    expect(messageInPlace({ path: 'act.number', message: 'Мероприятие 1: не трогать' })).toBe(
      'Мероприятие 1: не трогать',
    );
    const gap = 'Мероприятие № 3. идёт после № 1: нумерация нарушена.';
    expect(messageInPlace({ path: 'sections[0].activities[1].number', message: gap })).toBe(gap);
  });
});

describe('a warning marked as checked', () => {
  it('is known again after the warnings are recomputed, and not after its message changed', () => {
    const before = currentDraftWarnings(preview, draft, readDeadline);
    const after = currentDraftWarnings(preview, { ...draft }, readDeadline);
    expect(after.map(warningKey)).toEqual(before.map(warningKey));
    const moved = withActivity(draft, 1, 0, { deadlineText: '01.03-30.12.2021' });
    const key = warningKey(before.find((w) => w.code === 'deadline.outside_period')!);
    expect(currentDraftWarnings(preview, moved, readDeadline).map(warningKey)).not.toContain(key);
  });
});
