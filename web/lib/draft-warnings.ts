// Warnings of an import preview, kept in step with the user's corrections: each warning points at a place of
// the draft («sections[4].activities[0].deadline»); a deadline is read again as it is typed, and a warning
// about any other value goes away once the user has changed that value.
import type { ImportPreview, ProgrammeDraftDto } from '../../contract/programmes.ts';
import type { DeadlineReadingDto } from './deadline-reading.ts';

export type DraftWarning = ImportPreview['warnings'][number];
type Period = ProgrammeDraftDto['period'];
export type ReadDeadline = (text: string, period: Period) => DeadlineReadingDto;

export type WarningTarget =
  | { kind: 'activity'; section: number; activity: number; field: string }
  | { kind: 'section'; section: number; field: string }
  | { kind: 'act'; field: string }
  | { kind: 'passport'; field: string }
  | { kind: 'period' }
  | { kind: 'title' }
  | { kind: 'table'; index: number }
  | { kind: 'other'; path: string };

/** «sections[2].activities[3].deadline» → where in the draft the warning applies. */
export function parseWarningPath(path: string): WarningTarget {
  const activity = /^sections\[(\d+)\]\.activities\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (activity) {
    return { kind: 'activity', section: +activity[1]!, activity: +activity[2]!, field: activity[3] ?? '' };
  }
  const section = /^sections\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (section) return { kind: 'section', section: +section[1]!, field: section[2] ?? '' };
  const act = /^act(?:\.(\w+))?$/.exec(path);
  if (act) return { kind: 'act', field: act[1] ?? '' };
  const passport = /^passport(?:\.(\w+))?/.exec(path);
  if (passport) return { kind: 'passport', field: passport[1] ?? '' };
  if (/^period(Text)?(\.|$)/.test(path)) return { kind: 'period' };
  if (path === 'title') return { kind: 'title' };
  const table = /^tables\[(\d+)\]/.exec(path);
  if (table) return { kind: 'table', index: +table[1]! };
  return { kind: 'other', path };
}

/** The key of an activity row of the preview; warnings are grouped by it. */
export const activityKey = (section: number, activity: number) => `a-${section}-${activity}`;

const activityFieldNames = new Set([
  'number',
  'text',
  'responsible',
  'executors',
  'plannedResult',
  'indicator',
  'informationSupport',
]);

/**
 * The id of the element a warning leads to (the input to correct, or the block that holds the place).
 * Ids are built the same way by the preview, so a warning link is `#${warningTargetId(...)}`.
 */
export function warningTargetId(target: WarningTarget): string {
  switch (target.kind) {
    case 'activity': {
      const field =
        target.field === 'deadline' ? 'deadlineText' : activityFieldNames.has(target.field) ? target.field : 'text';
      return `draft-${activityKey(target.section, target.activity)}-${field}`;
    }
    case 'section':
      return `draft-section-${target.section}`;
    case 'act':
      return ['number', 'date', 'authority', 'kind'].includes(target.field) ? `draft-act-${target.field}` : 'draft-act';
    case 'passport':
      return target.field ? `draft-passport-${target.field}` : 'draft-passport';
    case 'period':
      return 'draft-period-start';
    case 'title':
      return 'draft-title';
    case 'table':
      return 'draft-appendices';
    case 'other':
      return 'draft-top';
  }
}

const activityLabel = (a: { number: string; text: string }) => `Мероприятие ${a.number || `«${a.text.slice(0, 40)}…»`}`;

/** The message the server gives a deadline warning, so recomputed warnings read the same. */
function deadlineWarnings(draft: ProgrammeDraftDto, read: ReadDeadline, keep: (path: string) => boolean) {
  const out: DraftWarning[] = [];
  for (const [si, s] of draft.sections.entries()) {
    for (const [ai, a] of s.activities.entries()) {
      const path = `sections[${si}].activities[${ai}].deadline`;
      if (keep(path)) continue;
      for (const w of read(a.deadlineText, draft.period).warnings) {
        out.push({ code: w.code, path, message: `${activityLabel(a)}: ${w.message}` });
      }
    }
  }
  return out;
}

function valueAt(draft: ProgrammeDraftDto, target: WarningTarget): unknown {
  switch (target.kind) {
    case 'activity': {
      const a = draft.sections[target.section]?.activities[target.activity];
      if (!a) return undefined;
      if (target.field === 'responsible') return [a.responsible, a.executors];
      if (target.field === 'deadline') return a.deadlineText;
      return (a as Record<string, unknown>)[target.field];
    }
    case 'section':
      return (draft.sections[target.section] as Record<string, unknown> | undefined)?.[target.field];
    case 'act':
      return target.field ? (draft.act as Record<string, unknown>)[target.field] : draft.act;
    case 'passport':
      return target.field ? (draft.passport as Record<string, unknown>)[target.field] : draft.passport;
    case 'period':
      return draft.period;
    case 'title':
      return draft.title;
    default:
      return undefined;
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The warnings that still apply to the draft as the user has corrected it. Deadlines are read again when
 * their wording or the programme's period changed (new problems appear, fixed ones go); a warning about an
 * activity with no responsible stays while both «Ответственные» and «Исполнители» are empty; any other
 * warning stays until its value is changed. Warnings about unrecognised tables stay: they cannot be fixed here.
 */
export function currentDraftWarnings(preview: ImportPreview, draft: ProgrammeDraftDto, read: ReadDeadline) {
  const original = preview.draft;
  const periodSame = same(original.period, draft.period);
  const deadlineSame = (path: string) => {
    const t = parseWarningPath(path);
    return periodSame && t.kind === 'activity' && same(valueAt(original, t), valueAt(draft, t));
  };
  const kept = preview.warnings.filter((w) => {
    const t = parseWarningPath(w.path);
    if (t.kind === 'activity' && t.field === 'deadline') return deadlineSame(w.path);
    if (t.kind === 'activity' && t.field === 'responsible') {
      const a = draft.sections[t.section]?.activities[t.activity];
      return a !== undefined && a.responsible.trim() === '' && a.executors.trim() === '';
    }
    if (t.kind === 'table' || t.kind === 'other') return true;
    if (t.kind === 'section' && t.field === '') return true;
    return same(valueAt(original, t), valueAt(draft, t));
  });
  const fresh = deadlineWarnings(draft, read, deadlineSame);
  return sortWarnings([...kept, ...fresh]);
}

const order = (w: DraftWarning): [number, number, number] => {
  const t = parseWarningPath(w.path);
  if (t.kind === 'activity') return [2, t.section, t.activity];
  if (t.kind === 'section') return [2, t.section, -1];
  if (t.kind === 'table') return [3, t.index, 0];
  return [t.kind === 'act' || t.kind === 'title' || t.kind === 'period' ? 0 : 1, 0, 0];
};

/** In the order of the document: act and period, passport, activities, appendices. */
export function sortWarnings(warnings: DraftWarning[]): DraftWarning[] {
  return warnings
    .map((w, i) => ({ w, i, k: order(w) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.w);
}

/** Activity warnings by row key (see activityKey), for showing them inside their rows. */
export function warningsByActivity(warnings: DraftWarning[]): Map<string, DraftWarning[]> {
  const rows = new Map<string, DraftWarning[]>();
  for (const w of warnings) {
    const t = parseWarningPath(w.path);
    if (t.kind !== 'activity') continue;
    const key = activityKey(t.section, t.activity);
    rows.set(key, [...(rows.get(key) ?? []), w]);
  }
  return rows;
}

/** Where a warning applies, in words: «Раздел 5, мероприятие 30.», «Утверждающий акт», «Паспорт: задачи». */
export function warningPlace(target: WarningTarget, draft: Pick<ProgrammeDraftDto, 'sections'>): string {
  switch (target.kind) {
    case 'activity': {
      const s = draft.sections[target.section];
      const a = s?.activities[target.activity];
      const section = s?.number ? `Раздел ${s.number.replace(/\.$/, '')}` : `Раздел ${target.section + 1}`;
      const activity = a?.number ? `мероприятие ${a.number}` : `мероприятие ${target.activity + 1}-е`;
      return draft.sections.length > 1 ? `${section}, ${activity}` : activity[0]!.toUpperCase() + activity.slice(1);
    }
    case 'section':
      return `Раздел ${target.section + 1}`;
    case 'act':
      return 'Утверждающий акт';
    case 'passport':
      return target.field ? `Паспорт: ${passportFieldLabels[target.field] ?? target.field}` : 'Паспорт';
    case 'period':
      return 'Период программы';
    case 'title':
      return 'Наименование';
    case 'table':
      return `Таблица ${target.index + 1} документа`;
    case 'other':
      return 'Документ';
  }
}

export const passportFieldLabels: Record<string, string> = {
  problem: 'проблема',
  goal: 'цель',
  tasks: 'задачи',
  challenges: 'вызовы',
  directions: 'направления',
  expectedResults: 'ожидаемые результаты',
  customer: 'заказчик',
  curator: 'куратор',
  developers: 'разработчики',
  executors: 'исполнители',
  targetAudience: 'целевая аудитория',
  stages: 'этапы',
};

/** A zod issue path of the save body (['draft', 'sections', 1, 'activities', 0, 'text']) as a warning path. */
export function issuePath(path: readonly PropertyKey[]): string {
  const parts = path[0] === 'draft' ? path.slice(1) : path;
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out;
}

/**
 * A warning's message where its place is already shown (next to the link to it, inside its row): without the
 * «Мероприятие 30.: » the server puts in front of activity warnings.
 */
export function messageInPlace(w: Pick<DraftWarning, 'path' | 'message'>): string {
  if (parseWarningPath(w.path).kind !== 'activity') return w.message;
  // Only the label «Мероприятие 30.: » or «Мероприятие «Текст…»: », not a sentence that starts the same way
  // («Мероприятие № 3. идёт после № 1: …»).
  const rest = w.message.replace(/^Мероприятие (?:«[^»]*»|[^\s:«]+): /, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** Identifies a warning across recomputations (for marking it as checked). */
export const warningKey = (w: Pick<DraftWarning, 'path' | 'code' | 'message'>) => `${w.path}|${w.code}|${w.message}`;
