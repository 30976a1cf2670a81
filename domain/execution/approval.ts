// The approval workflow of a roadmap at each level, and the comparison of a later version with the approved
// one. A regional roadmap is approved by the region itself (its order is the ministry's); a municipal one by
// the region; a school's by its municipality (seed 004 item 6 and the order's items 4–5; seed 001 order item 4).
import type { ProgrammeLevel } from '../programme/programme.ts';
import type { Role } from '../roles.ts';

export const approvalStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export type ApprovalStatus = (typeof approvalStatuses)[number];
export const approvalStatusLabels: Record<ApprovalStatus, string> = {
  draft: 'Проект',
  submitted: 'На согласовании',
  returned: 'Возвращена на доработку',
  approved: 'Утверждена',
};

/** Tells a next status from a refusal (both are strings). */
export const isApprovalStatus = (x: string): x is ApprovalStatus => (approvalStatuses as readonly string[]).includes(x);

export type ApprovalAction = 'submit' | 'return' | 'approve' | 'reopen';
export const approvalActionLabels: Record<ApprovalAction, string> = {
  submit: 'Направить на согласование',
  return: 'Вернуть на доработку',
  approve: 'Утвердить',
  reopen: 'Внести изменения',
};

/** The role that approves a roadmap of a level (within its territory). */
export function approverRole(level: ProgrammeLevel): Role {
  return level === 'school' ? 'municipal_coordinator' : 'regional_coordinator';
}

/** Can an actor of this role act as the approver of this level? Administrators always can. */
export function mayApprove(role: Role, level: ProgrammeLevel): boolean {
  if (role === 'admin') return true;
  if (role === 'regional_coordinator') return true; // the region stands above every level
  return role === approverRole(level);
}

/**
 * The next status, or a Russian refusal. `approverActs` says whether the actor is the approver of this level;
 * a regional roadmap's owner is its approver, so it may be approved straight from a draft.
 */
export function nextApprovalStatus(
  from: ApprovalStatus,
  action: ApprovalAction,
  level: ProgrammeLevel,
  approverActs: boolean,
): ApprovalStatus | string {
  switch (action) {
    case 'submit':
      return from === 'draft' || from === 'returned'
        ? 'submitted'
        : 'Направить на согласование можно только проект или возвращённую программу.';
    case 'return':
      if (!approverActs) return 'Вернуть программу может только тот, кто её утверждает.';
      return from === 'submitted' ? 'returned' : 'Вернуть на доработку можно только программу на согласовании.';
    case 'approve':
      if (!approverActs) return 'Утвердить программу может только тот, кто её утверждает.';
      if (from === 'submitted') return 'approved';
      if (level === 'region' && (from === 'draft' || from === 'returned')) return 'approved';
      return 'Утвердить можно только программу, направленную на согласование.';
    case 'reopen':
      return from === 'approved' ? 'draft' : 'Вносить изменения нужно в утверждённую программу; эта ещё не утверждена.';
  }
}

/** What a frozen version holds of each activity, for comparison. */
export interface VersionActivity {
  /** Stable id of the activity across versions. */
  id: string;
  section: string;
  number: string;
  text: string;
  deadlineText: string;
  responsible: string;
}

export type VersionChange =
  | { kind: 'added'; after: VersionActivity }
  | { kind: 'removed'; before: VersionActivity }
  | {
      kind: 'changed';
      before: VersionActivity;
      after: VersionActivity;
      fields: ('text' | 'deadline' | 'responsible' | 'number' | 'section')[];
    };

export const changeFieldLabels = {
  text: 'формулировка',
  deadline: 'срок',
  responsible: 'ответственные',
  number: 'номер',
  section: 'раздел',
} as const;

/** The changes of a later version against the approved one: added, removed, and changed activities. */
export function compareVersions(
  approved: readonly VersionActivity[],
  current: readonly VersionActivity[],
): VersionChange[] {
  const before = new Map(approved.map((a) => [a.id, a]));
  const changes: VersionChange[] = [];
  const seen = new Set<string>();
  for (const a of current) {
    const b = before.get(a.id);
    if (!b) {
      changes.push({ kind: 'added', after: a });
      continue;
    }
    seen.add(a.id);
    const fields: ('text' | 'deadline' | 'responsible' | 'number' | 'section')[] = [];
    if (b.text !== a.text) fields.push('text');
    if (b.deadlineText !== a.deadlineText) fields.push('deadline');
    if (b.responsible !== a.responsible) fields.push('responsible');
    if (b.number !== a.number) fields.push('number');
    if (b.section !== a.section) fields.push('section');
    if (fields.length > 0) changes.push({ kind: 'changed', before: b, after: a, fields });
  }
  for (const b of approved) if (!seen.has(b.id)) changes.push({ kind: 'removed', before: b });
  return changes;
}
