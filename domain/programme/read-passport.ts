// The passport of a programme: a two-column table («Цель | …», seeds 000, 001, 003) and/or labelled
// paragraphs («Описание проблемы:», «### 1. Цель и задачи», «Задачи:», «2. Направления:», seed 002).
import type { DocBlock, DocRow } from '../document/source-document.ts';
import { norm } from './columns.ts';
import type { Passport, ProgrammeWarning } from './programme.ts';

type Field = Exclude<keyof Passport, 'other'>;
const listFields = new Set<Field>(['tasks', 'challenges', 'directions', 'expectedResults']);

/** Label wording → passport field; checked in order. */
const labels: [Field, RegExp][] = [
  ['problem', /^(описание|характеристика)\s+проблем|^проблем/],
  ['expectedResults', /(ожидаем|планируем)\S*\s+(конечн\S*\s+)?результат/],
  ['goal', /^(\d+\.\s*)?цел[ьи](\s|$)/],
  ['tasks', /^(\d+\.\s*)?задач/],
  ['challenges', /^(\d+\.\s*)?вызов/],
  ['directions', /^(\d+\.\s*)?(основные\s+)?направлени/],
  ['customer', /^заказчик/],
  ['curator', /^куратор/],
  ['developers', /разработчик/],
  ['executors', /^(основные\s+)?исполнител/],
  ['targetAudience', /^целев\S*\s+аудитор/],
  ['stages', /^(этапы|сроки|срок)/],
];

export function passportFieldOf(label: string): Field | null {
  const l = norm(label)
    .replace(/[:*]+$/, '')
    .trim();
  for (const [f, re] of labels) if (re.test(l)) return f;
  return null;
}

const ITEM_NUMBER = /^(\d{1,2})[.)]\s+/;
/** Items of a list field: lines, and parts ended by «;» (seed 001 writes its tasks «a; b; c»). */
const listItems = (value: string) =>
  value
    .split(/\n|;\s+/)
    .map((l) => l.replace(/^[-–•]\s*/, '').trim())
    .filter(Boolean);

function put(p: Passport, field: Field, value: string, overwrite: boolean) {
  const v = value.trim();
  if (!v) return;
  if (listFields.has(field)) {
    const list = p[field as 'tasks'];
    if (list.length && !overwrite) return;
    (p[field as 'tasks'] as string[]) = [...(overwrite ? [] : list), ...listItems(v)];
    return;
  }
  const cur = p[field as 'goal'];
  if (cur && !overwrite) return;
  (p[field as 'goal'] as string) = v;
}

/** The passport table: each row «label | value». Unknown labels are kept in `other`. */
export function readPassportTable(rows: DocRow[], p: Passport): void {
  for (const r of rows) {
    const label = (r.cells[0]?.text ?? '').replace(/\n/g, ' ').trim();
    const value = r.cells
      .slice(1)
      .map((c) => c.text)
      .filter(Boolean)
      .join('\n');
    if (!label || !value) continue;
    const field = passportFieldOf(label);
    if (field) put(p, field, value, false);
    else p.other.push({ label, value });
  }
}

/**
 * Labelled paragraphs after the order: a label opens a field, the paragraphs after it fill it, until the
 * next label, a heading, or the caption of a table (the paragraph right before a table).
 */
export function readPassportParagraphs(blocks: DocBlock[], from: number, p: Passport): void {
  let field: Field | null = null;
  let buffer: string[] = [];
  const flush = () => {
    if (field && buffer.length) put(p, field, buffer.join('\n'), false);
    buffer = [];
  };
  for (let i = from; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'table') {
      flush();
      field = null;
      continue;
    }
    const next = blocks[i + 1];
    const t = b.text.replace(/\n/g, ' ').trim();
    const inline = /^([^:]{3,60}):\s*(\S.*)$/s.exec(t);
    // A label stands alone: marked (heading, bold, a colon) or a bare short label («Описание проблемы»).
    const labelOnly =
      t.length <= 80 &&
      (b.heading || b.bold || /:$/.test(t) || (t.length <= 60 && !/[.;,]$/.test(t) && passportFieldOf(t) !== null));
    const asLabel = labelOnly ? passportFieldOf(t) : inline ? passportFieldOf(inline[1]!) : null;
    if (asLabel) {
      flush();
      field = asLabel;
      // «1. Цель и задачи» heads the goal; «Задачи:» later switches to the tasks.
      if (inline && !labelOnly) buffer.push(inline[2]!);
      continue;
    }
    if (labelOnly || next?.kind === 'table') {
      flush();
      field = null;
      continue;
    }
    if (field) buffer.push(b.text);
  }
  flush();
}

/** Numbered list items («1. …», «3. …») whose numbers skip or repeat (seed 002 numbers its tasks 1, 3, 4, 5, 6). */
export function numberingWarnings(p: Passport): ProgrammeWarning[] {
  const names: Partial<Record<Field, string>> = {
    tasks: 'Задачи',
    directions: 'Направления',
    challenges: 'Вызовы',
    expectedResults: 'Ожидаемые результаты',
  };
  const out: ProgrammeWarning[] = [];
  for (const f of ['tasks', 'directions', 'challenges', 'expectedResults'] as const) {
    const nums = p[f]
      .map((x) => ITEM_NUMBER.exec(x)?.[1])
      .filter((x): x is string => Boolean(x))
      .map(Number);
    if (nums.length < 2 || nums.length !== p[f].length) continue;
    const expected = nums.map((_, i) => nums[0]! + i);
    if (nums.some((n, i) => n !== expected[i]))
      out.push({
        code: 'numbering.gap',
        path: `passport.${f}`,
        message: `${names[f]} пронумерованы ${nums.join(', ')}: нумерация нарушена. Проверьте, не пропущен ли пункт, и исправьте номера.`,
      });
  }
  return out;
}
