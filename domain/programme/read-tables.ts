// Reading the tables of a programme document: activities with their sections, target indicators, the
// working group, consultation schedules and tutor pairs. Columns are found by header wording.

import { type Period, readDeadline } from '../deadline/read-deadline.ts';
import type { DocRow, SourcePlace } from '../document/source-document.ts';
import { type ActivityColumn, activityColumns, norm } from './columns.ts';
import type { Activity, Consultation, Section, TargetIndicator, TutorPair, WorkingGroupMember } from './programme.ts';

const text = (r: DocRow, i: number | undefined) => (i === undefined ? '' : (r.cells[i]?.text ?? '').trim());
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, ' ').trim();

/** «1.», «2.10.», «2.4», «1)» — an activity or section number as written. */
const NUMBER = /^(\d{1,3}(?:\.\d{1,3})*\.?|\d{1,3}\))$/;
/** «1. Организационно-управленческие мероприятия» — a number and a title in one cell (seed 001). */
const NUMBERED_TITLE = /^(\d{1,3}(?:\.\d{1,3})*\.?)\s+(\S.*)$/s;

/**
 * Reads one activity table into sections. A section row has a title and nothing in the working columns
 * (deadline, responsible …); its number may stand in the number cell or open the title.
 */
export function readActivityTable(rows: DocRow[], period: Period, into: Section[]): void {
  const header = rows[0];
  if (!header) return;
  const cols = activityColumns(header.cells.map((c) => c.text))!;
  const work: ActivityColumn[] = [
    'deadline',
    'responsible',
    'executors',
    'plannedResult',
    'indicator',
    'informationSupport',
  ];
  const current = () => {
    if (into.length === 0) into.push({ number: '', title: '', activities: [] });
    return into[into.length - 1]!;
  };
  // Sub-numbers («1.1.») below a plain «1.» mean the plain numbers head sections (seeds 001, 002).
  const subNumbered = rows.some((r) => /^\d+\.\d+/.test(text(r, cols.number)));
  for (const row of rows.slice(1)) {
    const num = text(row, cols.number);
    const body = text(row, cols.text);
    const hasWork = work.some((c) => text(row, cols[c]) !== '');
    const filled = row.cells.filter((c) => c.text.trim() !== '');
    if (filled.length === 0) continue;
    const numbered = NUMBER.test(num);
    const sectionNumber = numbered && /^\d+\.?$/.test(num) && subNumbered;
    const boldTitle = cols.text !== undefined && Boolean(row.cells[cols.text]?.bold);
    if (!hasWork && (!numbered || sectionNumber || boldTitle)) {
      // A section row: «<b>1.</b> | <b>Организационно-аналитические мероприятия</b>» (seed 002),
      // «1. Организационно-управленческие мероприятия» (seed 001), «Аналитическая деятельность» (seed 004).
      const whole = oneLine(filled.map((c) => c.text).join(' '));
      const m = numbered ? null : NUMBERED_TITLE.exec(whole);
      into.push({
        number: numbered ? num : (m?.[1] ?? ''),
        title: numbered ? oneLine(body || whole.slice(num.length)) : oneLine(m?.[2] ?? whole),
        activities: [],
      });
      continue;
    }
    const deadlineText = oneLine(text(row, cols.deadline));
    const activity: Activity = {
      number: num,
      text: oneLine(body),
      deadline: { text: deadlineText, reading: readDeadline(deadlineText, period) },
      responsible: oneLine(text(row, cols.responsible)),
      executors: oneLine(text(row, cols.executors)),
      plannedResult: text(row, cols.plannedResult),
      indicator: text(row, cols.indicator),
      informationSupport: text(row, cols.informationSupport),
      source: row.source,
    };
    current().activities.push(activity);
  }
}

/** Target indicators: «Наименование целевого показателя | Единица измерения | 2021/2022» (seed 000),
 * «№п/п | Индикаторы | Показатели (%)» (seed 001), «Направление | Тип показателя | Фактическое значение |
 * Плановое значение» (seed 003). Columns whose header names a period carry targets for that period. */
export function readIndicatorTable(rows: DocRow[], periodText: string): TargetIndicator[] {
  const header = (rows[0]?.cells ?? []).map((c) => norm(c.text));
  const find = (re: RegExp) => {
    const i = header.findIndex((h) => re.test(h));
    return i < 0 ? undefined : i;
  };
  const number = find(/^№|^n\s*п/);
  const direction = find(/^направлени/);
  const name =
    find(/наименование|^индикатор|^тип показател|^показател\S*$|^целев\S* показател/) ?? (number === undefined ? 0 : 1);
  const unit = find(/единиц/);
  const baseline = find(/базов|исходн|стартов/);
  const actual = find(/фактическ/);
  const used = new Set([number, direction, name, unit, baseline, actual].filter((i) => i !== undefined));
  const targetCols = header
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => !used.has(i) && h !== '' && /(\d{4}|план|целев|значени|показател)/.test(h));
  const unitFromHeader = /\((%|процент\S*)\)/.exec(header.join(' '))?.[1] ?? '';
  const out: TargetIndicator[] = [];
  for (const row of rows.slice(1)) {
    const n = text(row, name);
    if (!n) continue;
    out.push({
      number: text(row, number),
      direction: oneLine(text(row, direction)),
      name: oneLine(n),
      unit: text(row, unit) || (unitFromHeader === '%' ? '%' : ''),
      baseline: text(row, baseline),
      actual: text(row, actual),
      targets: targetCols
        .map(({ h, i }) => ({
          period: /\d{4}/.test(h) ? rows[0]!.cells[i]!.text.trim() : periodText,
          value: text(row, i),
        }))
        .filter((t) => t.value !== ''),
      source: row.source,
    });
  }
  return out;
}

export function readWorkingGroupTable(rows: DocRow[], role: string): WorkingGroupMember[] {
  const header = (rows[0]?.cells ?? []).map((c) => norm(c.text));
  const nameCol = header.findIndex((h) => /фамилия|^фио|ф\.\s?и\.\s?о/.test(h));
  const positionCol = header.findIndex((h) => /должност/.test(h));
  const roleCol = header.findIndex((h) => /роль|функци|статус в групп/.test(h));
  return rows
    .slice(1)
    .map((r) => ({
      fullName: oneLine(text(r, nameCol)),
      position: oneLine(text(r, positionCol)),
      role: oneLine(text(r, roleCol < 0 ? undefined : roleCol)) || role,
    }))
    .filter((m) => m.fullName !== '');
}

export function readTutorPairTable(rows: DocRow[]): TutorPair[] {
  const header = (rows[0]?.cells ?? []).map((c) => norm(c.text));
  const tutorCol = header.findIndex((h) => /тьютор/.test(h));
  const schoolCol = header.findIndex((h, i) => i !== tutorCol && /низк|шнор|школа/.test(h));
  return rows
    .slice(1)
    .map((r) => ({ school: oneLine(text(r, schoolCol)), tutor: oneLine(text(r, tutorCol)), source: r.source }))
    .filter((p) => p.school !== '' && p.tutor !== '');
}

const PERSON = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\./;

/**
 * A consultation schedule (seed 000). In such tables the date cell is merged down over the following rows
 * and converters shift cells around it, so cells are read by what they contain, not where they stand: a
 * date wording sets the date for this row and the ones after it, a person «Фамилия И. О., должность» is a
 * responsible, the first cell is the topic. A row that starts in the middle of a sentence (lower case, or
 * an empty topic) continues the row above; «…» «…» in one cell are two topics.
 */
export function readConsultationTable(rows: DocRow[], period: Period): Consultation[] {
  const items: { topic: string; whenText: string; people: string[]; source: SourcePlace }[] = [];
  let when = '';
  for (const row of rows.slice(1)) {
    const cells = row.cells.map((c) => oneLine(c.text));
    const [first = '', ...rest] = cells;
    const dates = rest.filter((c) => c && isDateWording(c, period));
    const others = rest.filter((c) => c && !isDateWording(c, period));
    if (dates.length) when = dates[0]!;
    const last = items.at(-1);
    const continuing = last && (first === '' || /^[\p{Ll}]/u.test(first));
    let topics: string[] = [];
    if (continuing) {
      // The rest of the previous topic, up to its closing quote; further «…» groups are new topics.
      const close = first.indexOf('»');
      const tail = close >= 0 && /«/.test(first.slice(close + 1)) ? first.slice(0, close + 1) : first;
      if (tail) last.topic = `${last.topic} ${tail}`.trim();
      topics = splitTopics(first.slice(tail.length));
      if (topics.length === 0) {
        last.people.push(...others);
        if (dates.length && !last.whenText) last.whenText = when;
        continue;
      }
    } else topics = splitTopics(first);
    for (const [i, topic] of topics.entries())
      items.push({ topic, whenText: when, people: i === 0 ? others : [], source: row.source });
  }
  return items.map((it) => ({
    topic: it.topic,
    when: { text: it.whenText, reading: readDeadline(it.whenText, period) },
    responsible: joinPeople(it.people),
    source: it.source,
  }));
}

function isDateWording(s: string, period: Period): boolean {
  if (PERSON.test(s)) return false;
  const r = readDeadline(s, period);
  return r.kind !== 'unreadable' && r.windows.length > 0;
}

/** «…» «…» → two topics; text without quotes is one topic. */
function splitTopics(cell: string): string[] {
  const t = cell.trim();
  if (!t) return [];
  const groups = [...t.matchAll(/[^«»]*«[^«»]*(?:«[^«»]*»[^«»]*)*»/g)].map((m) => m[0].trim()).filter(Boolean);
  const joined = groups.join(' ');
  if (groups.length > 1 && norm(joined) === norm(t)) return groups;
  return [t];
}

/** Fragments of the responsible cells → one entry per person («Кукшеева О. Ю.,» + «директор …»). */
function joinPeople(fragments: string[]): string[] {
  const out: string[] = [];
  for (const f of fragments.flatMap((x) => x.split(/;\s*/)).map((x) => x.trim().replace(/;$/, ''))) {
    if (!f) continue;
    if (PERSON.test(f) || out.length === 0) out.push(f);
    else out[out.length - 1] = `${out[out.length - 1]} ${f}`.replace(/,\s*,/g, ',');
  }
  return out.map((p) => p.replace(/,$/, '').trim());
}
