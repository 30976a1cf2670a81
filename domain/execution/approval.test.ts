// The approval workflow of roadmaps at each level and the comparison of versions. A school's roadmap is
// approved by its municipality, a municipality's by the region, the region's own by the region (seed 004
// item 6 and the order's items 4–5; seed 001 order item 4).
import { describe, expect, it } from 'vitest';
import type { ProgrammeLevel } from '../programme/programme.ts';
import { type Role, roles } from '../roles.ts';
import {
  type ApprovalAction,
  type ApprovalStatus,
  approvalActionLabels,
  approvalStatuses,
  approvalStatusLabels,
  approverRole,
  compareVersions,
  mayApprove,
  nextApprovalStatus,
  type VersionActivity,
} from './approval.ts';

// Refusals, word for word.
const SUBMIT_ONLY = 'Направить на согласование можно только проект или возвращённую программу.';
const RETURN_WHO = 'Вернуть программу может только тот, кто её утверждает.';
const RETURN_ONLY = 'Вернуть на доработку можно только программу на согласовании.';
const APPROVE_WHO = 'Утвердить программу может только тот, кто её утверждает.';
const APPROVE_ONLY = 'Утвердить можно только программу, направленную на согласование.';
const REOPEN_ONLY = 'Вносить изменения нужно в утверждённую программу; эта ещё не утверждена.';

describe('nextApprovalStatus: the whole transition table', () => {
  // For each action and status: the outcome for [region by its approver, region by another,
  // municipality by its approver, municipality by another, school by its approver, school by another].
  // A status is the next status; a sentence is the refusal shown to the user.
  type Outcomes = [string, string, string, string, string, string];
  const table: Record<ApprovalAction, Record<ApprovalStatus, Outcomes>> = {
    // The owner submits; whoever it is, only a draft or a returned roadmap goes to approval.
    submit: {
      draft: ['submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted'],
      returned: ['submitted', 'submitted', 'submitted', 'submitted', 'submitted', 'submitted'],
      submitted: [SUBMIT_ONLY, SUBMIT_ONLY, SUBMIT_ONLY, SUBMIT_ONLY, SUBMIT_ONLY, SUBMIT_ONLY],
      approved: [SUBMIT_ONLY, SUBMIT_ONLY, SUBMIT_ONLY, SUBMIT_ONLY, SUBMIT_ONLY, SUBMIT_ONLY],
    },
    // Only the approver returns, and only what was submitted.
    return: {
      draft: [RETURN_ONLY, RETURN_WHO, RETURN_ONLY, RETURN_WHO, RETURN_ONLY, RETURN_WHO],
      submitted: ['returned', RETURN_WHO, 'returned', RETURN_WHO, 'returned', RETURN_WHO],
      returned: [RETURN_ONLY, RETURN_WHO, RETURN_ONLY, RETURN_WHO, RETURN_ONLY, RETURN_WHO],
      approved: [RETURN_ONLY, RETURN_WHO, RETURN_ONLY, RETURN_WHO, RETURN_ONLY, RETURN_WHO],
    },
    // Only the approver approves what was submitted; the region approves its own roadmap straight from a
    // draft (or after a return), being its own approver.
    approve: {
      draft: ['approved', APPROVE_WHO, APPROVE_ONLY, APPROVE_WHO, APPROVE_ONLY, APPROVE_WHO],
      submitted: ['approved', APPROVE_WHO, 'approved', APPROVE_WHO, 'approved', APPROVE_WHO],
      returned: ['approved', APPROVE_WHO, APPROVE_ONLY, APPROVE_WHO, APPROVE_ONLY, APPROVE_WHO],
      approved: [APPROVE_ONLY, APPROVE_WHO, APPROVE_ONLY, APPROVE_WHO, APPROVE_ONLY, APPROVE_WHO],
    },
    // Changes to an approved roadmap start a new draft; nothing else can be reopened.
    reopen: {
      draft: [REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY],
      submitted: [REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY],
      returned: [REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY, REOPEN_ONLY],
      approved: ['draft', 'draft', 'draft', 'draft', 'draft', 'draft'],
    },
  };
  const columns: [ProgrammeLevel, boolean][] = [
    ['region', true],
    ['region', false],
    ['municipality', true],
    ['municipality', false],
    ['school', true],
    ['school', false],
  ];
  const cases = Object.entries(table).flatMap(([action, byStatus]) =>
    Object.entries(byStatus).flatMap(([from, outcomes]) =>
      columns.map(
        ([level, approverActs], i) =>
          [action as ApprovalAction, from as ApprovalStatus, level, approverActs, outcomes[i]!] as const,
      ),
    ),
  );

  it('covers every action × status × level × approver: 4 × 4 × 3 × 2 = 96 cases', () => {
    expect(cases).toHaveLength(96);
    expect(new Set(cases.map(([a, s, l, x]) => `${a} ${s} ${l} ${x}`)).size).toBe(96);
  });
  it.each(cases)('%s from %s, %s roadmap, approver acts: %s → %s', (action, from, level, approverActs, expected) => {
    expect(nextApprovalStatus(from, action, level, approverActs)).toBe(expected);
  });
  it('every refusal is a Russian sentence, never a status', () => {
    for (const [action, from, level, approverActs] of cases) {
      const r = nextApprovalStatus(from, action, level, approverActs);
      if (!(approvalStatuses as readonly string[]).includes(r)) expect(r).toMatch(/^[А-ЯЁ][^.]*\.$/);
    }
  });
});

describe('approverRole and mayApprove', () => {
  it('the approver of each level', () => {
    expect(approverRole('region')).toBe('regional_coordinator');
    expect(approverRole('municipality')).toBe('regional_coordinator');
    expect(approverRole('school')).toBe('municipal_coordinator');
  });

  // [role, region, municipality, school]
  const table: [Role, boolean, boolean, boolean][] = [
    ['admin', true, true, true],
    ['regional_coordinator', true, true, true], // the region stands above every level
    ['municipal_coordinator', false, false, true], // its schools only, never its own roadmap
    ['school', false, false, false],
    ['curator', false, false, false],
    ['observer', false, false, false],
  ];
  it('the table has every role', () => {
    expect(table.map(([r]) => r)).toEqual([...roles]);
  });
  it.each(table)('%s may approve region %s, municipality %s, school %s', (role, region, municipality, school) => {
    expect([mayApprove(role, 'region'), mayApprove(role, 'municipality'), mayApprove(role, 'school')]).toEqual([
      region,
      municipality,
      school,
    ]);
  });
});

describe('labels', () => {
  it('statuses and actions in Russian', () => {
    expect(approvalStatuses.map((s) => approvalStatusLabels[s])).toEqual([
      'Проект',
      'На согласовании',
      'Возвращена на доработку',
      'Утверждена',
    ]);
    expect(approvalActionLabels).toEqual({
      submit: 'Направить на согласование',
      return: 'Вернуть на доработку',
      approve: 'Утвердить',
      reopen: 'Внести изменения',
    });
  });
});

describe('compareVersions: a later version against the approved one', () => {
  // Seed 004 items 1–3 as approved.
  const v = (id: string, over: Partial<VersionActivity> = {}): VersionActivity => ({
    id,
    section: 'Организационные мероприятия',
    number: `${id}.`,
    text: `Мероприятие ${id}`,
    deadlineText: 'До 15.02.2023',
    responsible: 'КОИРО',
    ...over,
  });
  const approved = [
    v('1', { text: 'Назначение ответственных лиц', deadlineText: 'До 15.02.2023', responsible: 'МО, МОУО, ОО' }),
    v('2', { text: 'Входной мониторинг текущего состояния в школах', deadlineText: '01.02-15.05.2023' }),
    v('3', { text: 'Проведение установочных мероприятий', deadlineText: '01.02-20.02.2023' }),
  ];

  it('the same version: no changes', () => {
    expect(compareVersions(approved, approved)).toEqual([]);
    expect(
      compareVersions(
        approved,
        approved.map((a) => ({ ...a })),
      ),
    ).toEqual([]);
  });
  it('an order change alone is no change (activities are matched by id)', () => {
    expect(compareVersions(approved, [...approved].reverse())).toEqual([]);
  });
  it('empty against empty', () => {
    expect(compareVersions([], [])).toEqual([]);
  });

  it('an added activity', () => {
    const added = v('4', { text: 'Анкетирование для формирования рисков профилей' });
    expect(compareVersions(approved, [...approved, added])).toEqual([{ kind: 'added', after: added }]);
  });
  it('a removed activity', () => {
    expect(compareVersions(approved, [approved[0]!, approved[2]!])).toEqual([{ kind: 'removed', before: approved[1] }]);
  });
  it('everything new: all removed and all added', () => {
    const fresh = [v('a'), v('b')];
    expect(compareVersions(approved, fresh)).toEqual([
      { kind: 'added', after: fresh[0] },
      { kind: 'added', after: fresh[1] },
      { kind: 'removed', before: approved[0] },
      { kind: 'removed', before: approved[1] },
      { kind: 'removed', before: approved[2] },
    ]);
  });

  // [what changed, the change, the fields reported]
  type Field = 'text' | 'deadline' | 'responsible' | 'number' | 'section';
  const changes: [string, Partial<VersionActivity>, Field[]][] = [
    ['the wording', { text: 'Входной мониторинг состояния школ' }, ['text']],
    ['the deadline', { deadlineText: '01.02-31.05.2023' }, ['deadline']],
    ['the responsible', { responsible: 'КОИРО, МОУО' }, ['responsible']],
    ['the number', { number: '2.1.' }, ['number']],
    ['the section', { section: 'Мониторинг' }, ['section']],
    ['a space in the wording counts', { text: 'Входной мониторинг текущего состояния в школах ' }, ['text']],
    [
      'everything, in a fixed order',
      { section: 'Мониторинг', number: '5.', responsible: 'МОУО', deadlineText: 'Май 2023', text: 'Новый текст' },
      ['text', 'deadline', 'responsible', 'number', 'section'],
    ],
    ['deadline and section', { deadlineText: 'Июнь', section: 'Другой' }, ['deadline', 'section']],
  ];
  it.each(changes)('changed: %s', (_what, change, fields) => {
    const after = { ...approved[1]!, ...change };
    expect(compareVersions(approved, [approved[0]!, after, approved[2]!])).toEqual([
      { kind: 'changed', before: approved[1], after, fields },
    ]);
  });

  it('added, changed and removed together: current order first, then the removed in approved order', () => {
    const changed = { ...approved[2]!, deadlineText: '01.02-28.02.2023' };
    const added = v('9');
    expect(compareVersions(approved, [added, changed])).toEqual([
      { kind: 'added', after: added },
      { kind: 'changed', before: approved[2], after: changed, fields: ['deadline'] },
      { kind: 'removed', before: approved[0] },
      { kind: 'removed', before: approved[1] },
    ]);
  });
});
