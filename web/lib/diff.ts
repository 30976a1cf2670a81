// The before → after view of an audit record: which top-level fields were added, removed or changed.

export interface FieldChange {
  key: string;
  kind: 'added' | 'removed' | 'changed';
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change on every write and say nothing to the reader. */
export const defaultIgnoredKeys = ['version', 'updatedAt', 'createdAt', 'id'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const isEmpty = (v: unknown) => v === null || v === undefined || v === '';

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Field-by-field difference of two snapshots. A creation (no before) lists every filled field as added, a
 * deletion (no after) as removed; empty fields there say nothing and are left out. Keys keep the order in
 * which they first appear (after's order, then before's).
 */
export function diffRecords(
  before: unknown,
  after: unknown,
  ignored: readonly string[] = defaultIgnoredKeys,
): FieldChange[] {
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !ignored.includes(k));
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const inBefore = key in b && b[key] !== undefined;
    const inAfter = key in a && a[key] !== undefined;
    if (inBefore && inAfter) {
      if (!sameValue(b[key], a[key])) changes.push({ key, kind: 'changed', before: b[key], after: a[key] });
    } else if (inAfter) {
      if (!isEmpty(a[key])) changes.push({ key, kind: 'added', before: undefined, after: a[key] });
    } else if (inBefore && !isEmpty(b[key])) {
      changes.push({ key, kind: 'removed', before: b[key], after: undefined });
    }
  }
  return changes;
}

/** One line for a value in the diff: «—» for empty, «да»/«нет» for booleans, JSON for nested data. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}
