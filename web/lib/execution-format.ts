// How the running of a programme is shown: statuses and timing as badges, roll-ups in words («исполнено 3 из
// 12 школ»), a round's figures with their parts («Исполнено 11 из 30 (без учёта 2 отменённых) — 36,7 %»), the
// changes of a unit's history, file sizes, the month grid of the calendar and the scale of the timeline.
// Labels come from domain/execution/, as the server and the reports word them.
import type { z } from 'zod';
import type {
  approvalStatus,
  executionStatus,
  indicatorStatus,
  notification,
  regionDashboardItem,
  roundFigures,
  targetKind,
  timing,
  versionChange,
} from '../../contract/execution.ts';
import { monthNames } from '../../domain/deadline/words.ts';
import { approvalActionLabels, approvalStatusLabels, changeFieldLabels } from '../../domain/execution/approval.ts';
import { criterionGroupLabels, engagementLevelLabels } from '../../domain/execution/engagement.ts';
import { evidenceFileLimit, evidenceKindLabels } from '../../domain/execution/evidence.ts';
import { formatIndicatorNumber } from '../../domain/execution/indicators.ts';
import { thresholdText } from '../../domain/execution/rollup.ts';
import { executionStatusLabels, timingLabels } from '../../domain/execution/status.ts';
import { isoToRu } from './deadline-reading.ts';
import { diffRecords, formatValue } from './diff.ts';
import { auditActionLabels, formatNumber, plural } from './format.ts';
import { formatShare, keepPercentSign } from './identification-format.ts';

export {
  approvalActionLabels,
  approvalStatusLabels,
  criterionGroupLabels,
  engagementLevelLabels,
  evidenceFileLimit,
  executionStatusLabels,
  formatIndicatorNumber,
  formatShare,
  timingLabels,
};

export type ExecutionStatus = z.infer<typeof executionStatus>;
export type Timing = z.infer<typeof timing>;
export type TargetKind = z.infer<typeof targetKind>;
export type ApprovalStatus = z.infer<typeof approvalStatus>;
export type IndicatorStatus = z.infer<typeof indicatorStatus>;
export type RoundFigures = z.infer<typeof roundFigures>;
export type VersionChange = z.infer<typeof versionChange>;
export type NotificationKind = z.infer<typeof notification>['kind'];
export type RegionDashboardItem = z.infer<typeof regionDashboardItem>;

/** A badge: its words, its Mantine colour and, when the words are short, the longer explanation. */
export interface BadgeView {
  label: string;
  colour: string;
  title?: string;
}

export const statusColours: Record<ExecutionStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'teal',
  cancelled: 'dark',
};

export const statusOptions = (Object.keys(executionStatusLabels) as ExecutionStatus[]).map((value) => ({
  value,
  label: executionStatusLabels[value],
}));

const days = (n: number) => plural(n, ['день', 'дня', 'дней']);

/**
 * The timing badge: «Просрочено 5 дн.» red, «Скоро срок» yellow, «В срок» green, «Без срока» grey. Closed work
 * has none: its status says it all.
 */
export function timingView(t: Timing, daysOverdue: number | null, daysLeft: number | null): BadgeView | null {
  switch (t) {
    case 'overdue': {
      const n = daysOverdue ?? 0;
      return { label: `Просрочено ${formatNumber(n)} дн.`, colour: 'red', title: `Срок истёк ${n} ${days(n)} назад` };
    }
    case 'due-soon':
      return {
        label: timingLabels['due-soon'],
        colour: 'yellow',
        title: daysLeft === 0 ? 'Срок — сегодня' : `До срока ${daysLeft ?? 0} ${days(daysLeft ?? 0)}`,
      };
    case 'on-time':
      return { label: timingLabels['on-time'], colour: 'green' };
    case 'no-deadline':
      return {
        label: timingLabels['no-deadline'],
        colour: 'gray',
        title: 'Срок не содержит дат: мероприятие не считается просроченным',
      };
    case 'closed':
      return null;
  }
}

/** An activity's days for its timing badge: the most overdue of its units, and the soonest deadline. */
export function activityDays(units: readonly { daysOverdue: number | null; daysLeft: number | null }[]): {
  daysOverdue: number | null;
  daysLeft: number | null;
} {
  let daysOverdue: number | null = null;
  let daysLeft: number | null = null;
  for (const u of units) {
    if (u.daysOverdue !== null && (daysOverdue === null || u.daysOverdue > daysOverdue)) daysOverdue = u.daysOverdue;
    if (u.daysLeft !== null && (daysLeft === null || u.daysLeft < daysLeft)) daysLeft = u.daysLeft;
  }
  return { daysOverdue, daysLeft };
}

export const timingFilterOptions: { value: Timing; label: string }[] = [
  { value: 'overdue', label: timingLabels.overdue },
  { value: 'due-soon', label: timingLabels['due-soon'] },
  { value: 'on-time', label: timingLabels['on-time'] },
  { value: 'no-deadline', label: timingLabels['no-deadline'] },
  { value: 'closed', label: 'Завершено' },
];

export interface UnitFilter {
  status?: string | undefined;
  timing?: string | undefined;
  /** Only the user's own units: the work of the user's own territory. */
  mine?: boolean | undefined;
}

interface UnitPlace {
  municipalityId: string | null;
  organisationId: string | null;
}

/**
 * Is a unit the work of the user's own territory (not of a school or municipality below it)? A region's own
 * units have neither municipality nor school, a municipality's have no school, a school's are its own.
 */
export function isOwnUnit(u: UnitPlace, me: UnitPlace): boolean {
  if (me.organisationId !== null) return u.organisationId === me.organisationId;
  return u.organisationId === null && u.municipalityId === me.municipalityId;
}

/** The units of an activity a filter keeps. */
export function filterUnits<T extends UnitPlace & { status: string; timing: string }>(
  units: readonly T[],
  f: UnitFilter,
  me: UnitPlace,
): T[] {
  return units.filter(
    (u) =>
      (!f.status || u.status === f.status) && (!f.timing || u.timing === f.timing) && (!f.mine || isOwnUnit(u, me)),
  );
}

/** Counts of activities for the head of the execution screen. */
export function executionSummary(activities: readonly { status: ExecutionStatus; timing: Timing }[]) {
  const count = (p: (a: { status: ExecutionStatus; timing: Timing }) => boolean) => activities.filter(p).length;
  return {
    total: activities.length,
    done: count((a) => a.status === 'done'),
    inProgress: count((a) => a.status === 'in_progress'),
    overdue: count((a) => a.timing === 'overdue'),
    dueSoon: count((a) => a.timing === 'due-soon'),
  };
}

/** «из 1 школы», «из 12 школ»: after «из» a count takes the genitive, singular for 1, 21, 31 … */
function ofCount(n: number, forms: readonly [string, string]): string {
  return `${formatNumber(n)} ${n % 10 === 1 && n % 100 !== 11 ? forms[0] : forms[1]}`;
}

/** «без учёта 2 отменённых». */
export const cancelledNote = (n: number): string =>
  `без учёта ${formatNumber(n)} ${plural(n, ['отменённого', 'отменённых', 'отменённых'])}`;

const executorForms: Record<Exclude<TargetKind, 'owner'>, readonly [string, string]> = {
  schools: ['школы', 'школ'],
  municipalities: ['муниципалитета', 'муниципалитетов'],
};

/**
 * The roll-up of an activity over its executors: «исполнено 3 из 12 школ (без учёта 1 отменённого)». An
 * activity its owner executes alone has none.
 */
export function rollupText(f: { total: number; done: number; cancelled: number }, kind: TargetKind): string | null {
  if (kind === 'owner' && f.total <= 1) return null;
  const forms = kind === 'owner' ? (['исполнителя', 'исполнителей'] as const) : executorForms[kind];
  const base = `исполнено ${formatNumber(f.done)} из ${ofCount(f.total - f.cancelled, forms)}`;
  return f.cancelled > 0 ? `${base} (${cancelledNote(f.cancelled)})` : base;
}

/** «36,7 %», or «—» when there is nothing to count. */
export const percentText = (p: number | null | undefined): string =>
  p === null || p === undefined ? '—' : formatShare(p);

/** «Исполнено 11 из 30 (без учёта 2 отменённых) — 36,7 %». */
export function executionText(f: Pick<RoundFigures, 'total' | 'done' | 'cancelled' | 'executionPercent'>): string {
  const executable = f.total - f.cancelled;
  if (executable === 0)
    return f.total === 0 ? 'Мероприятий нет' : `Все мероприятия отменены (${formatNumber(f.total)})`;
  const cancelled = f.cancelled > 0 ? ` (${cancelledNote(f.cancelled)})` : '';
  return `Исполнено ${formatNumber(f.done)} из ${formatNumber(executable)}${cancelled} — ${percentText(f.executionPercent)}`;
}

/** «из мероприятий со сроком до 30.06.2023 исполнено 11 из 14 — 78,6 %». */
export function dueText(f: Pick<RoundFigures, 'date' | 'dueByDate' | 'doneOfDue' | 'duePercent'>): string {
  if (f.dueByDate === 0) return `мероприятий со сроком до ${isoToRu(f.date)} нет`;
  return `из мероприятий со сроком до ${isoToRu(f.date)} исполнено ${formatNumber(f.doneOfDue)} из ${formatNumber(f.dueByDate)} — ${percentText(f.duePercent)}`;
}

/** «не менее 30–40 %», with the sign kept on the number's line. */
export const thresholdWords = (t: { min: number; max: number } | null | undefined): string =>
  t ? keepPercentSign(thresholdText(t)) : 'порог не установлен';

/** Whether a round meets its threshold: green when the upper bound is reached, lime at the lower, red below. */
export function thresholdView(f: Pick<RoundFigures, 'level' | 'meetsThreshold' | 'threshold'>): BadgeView | null {
  if (f.level === null || f.threshold === null) return null;
  const words = thresholdWords(f.threshold);
  if (f.level === 'max') return { label: 'Порог выполнен', colour: 'teal', title: `Порог ${words}: достигнут` };
  if (f.level === 'min')
    return {
      label: 'Порог выполнен по нижней границе',
      colour: 'lime',
      title: `Порог ${words}: достигнута нижняя граница`,
    };
  return { label: 'Порог не выполнен', colour: 'red', title: `Порог ${words}: не достигнут` };
}

/** A percentage bar's colour against a threshold: red below the lower bound, yellow between, green above. */
export function percentColour(percent: number | null, threshold: { min: number; max: number } | null): string {
  if (percent === null) return 'gray';
  const t = threshold ?? { min: 50, max: 80 };
  if (percent >= t.max) return 'teal';
  return percent >= t.min ? 'yellow' : 'red';
}

// ---- indicators

export const indicatorStatusViews: Record<IndicatorStatus, BadgeView> = {
  'on-track': { label: 'В графике', colour: 'teal' },
  'at-risk': { label: 'Есть риск', colour: 'yellow' },
  'off-track': { label: 'Отстаёт', colour: 'red' },
  'no-data': { label: 'Нет данных', colour: 'gray' },
};

export const indicatorSourceLabels = { entered: 'введено', computed: 'рассчитано', none: '' } as const;

export const bindingOptions = [
  { value: 'listed-share', label: 'Доля ШНОР среди школ региона (утверждённый перечень)' },
  { value: 'municipality-share', label: 'Доля муниципалитетов, в которых есть ШНОР' },
  { value: 'vpr-passing', label: 'Доля участников ВПР целевых школ без «2»' },
  { value: 'coverage', label: 'Охват сотрудников (посещаемость, курсы)' },
] as const;

/** An indicator's value with its unit: «12,5 %», «3 шт.». */
export function indicatorValueText(value: number | null, unit: string): string {
  if (value === null) return '—';
  const percent = unit.trim() === '%' || /процент/i.test(unit);
  const text = formatIndicatorNumber(value, percent);
  return percent || !unit.trim() ? keepPercentSign(text) : `${text} ${unit.trim()}`;
}

/** «12,5» or «12.5» → 12.5; null when it is not a number. */
export function parseDecimal(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.').replace('−', '-');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

// ---- approval

export const approvalStatusColours: Record<ApprovalStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  approved: 'teal',
};

/** A status as the server sends it (a child programme's, a review's): its label, or the text as it is. */
export const approvalStatusLabel = (s: string): string =>
  s in approvalStatusLabels ? approvalStatusLabels[s as ApprovalStatus] : s;
export const approvalStatusColour = (s: string): string =>
  s in approvalStatusColours ? approvalStatusColours[s as ApprovalStatus] : 'gray';

export const changeKindViews: Record<VersionChange['kind'], BadgeView> = {
  added: { label: 'Добавлено', colour: 'teal' },
  removed: { label: 'Исключено', colour: 'red' },
  changed: { label: 'Изменено', colour: 'blue' },
};

/** «срок, формулировка». */
export const changedFieldsText = (fields: readonly string[] | undefined): string =>
  (fields ?? []).map((f) => (changeFieldLabels as Record<string, string>)[f] ?? f).join(', ');

// ---- executors and evidence

interface Place {
  regionId: string | null;
  municipalityId: string | null;
  organisationId: string | null;
}

/**
 * May the user manage a programme (executors, cascading, rounds)? Its territory must lie inside the user's:
 * the region writes every programme of the region, a municipality its own and its schools', a school its own.
 * The server checks again; this only hides what would be refused.
 */
export function managesProgramme(me: Place & { role: string }, p: Place): boolean {
  if (me.role === 'admin') return true;
  if (me.regionId === null || me.regionId !== p.regionId) return false;
  if (me.municipalityId !== null && me.municipalityId !== p.municipalityId) return false;
  return me.organisationId === null || me.organisationId === p.organisationId;
}

export const targetKindLabels: Record<TargetKind, string> = {
  owner: 'Исполняет владелец программы',
  schools: 'Каждая целевая школа',
  municipalities: 'Муниципалитеты целевых школ',
};

export const evidenceKindTitles = {
  file: 'Файл',
  link: 'Ссылка',
  document: 'Приказ, протокол, письмо',
} as const;

/** «файл или ссылка», for the hint of what closes an activity. */
export const evidenceKindsText = (kinds: readonly (keyof typeof evidenceKindLabels)[]): string =>
  kinds.map((k) => evidenceKindLabels[k]).join(' или ');

/** «512 Б», «12,4 КБ», «3,2 МБ». */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} Б`;
  const kb = bytes / 1024;
  const one = (x: number) => (Math.round(x * 10) / 10).toLocaleString('ru-RU');
  if (kb < 1024) return `${one(kb)} КБ`;
  return `${one(kb / 1024)} МБ`;
}

export const evidenceLimitText = formatFileSize(evidenceFileLimit);

/** The file types the server accepts as evidence (services/execution.ts checks their first bytes). */
export const evidenceAccept = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls,.png,.jpg,.jpeg,.txt';
export const evidenceTypesText = 'PDF, DOC(X), XLS(X), PPTX, ODT, ODS, PNG, JPG, TXT';

/** «№ 12-о от 05.03.2023». */
export function documentReference(e: { documentNumber: string; documentDate: string | null }): string {
  return [e.documentNumber.trim() && `№ ${e.documentNumber.trim()}`, e.documentDate && `от ${isoToRu(e.documentDate)}`]
    .filter(Boolean)
    .join(' ');
}

// ---- history

const historyFieldLabels: Record<string, string> = {
  status: 'Статус',
  completedOn: 'Дата исполнения',
  cancelReason: 'Причина отмены',
  comment: 'Комментарий',
  title: 'Наименование',
  kind: 'Вид',
  url: 'Ссылка',
  documentNumber: 'Номер документа',
  documentDate: 'Дата документа',
  name: 'Файл',
  text: 'Текст',
};

export interface HistoryChange {
  kind: 'added' | 'removed' | 'changed';
  label: string;
  before: string;
  after: string;
}

function historyValue(key: string, value: unknown): string {
  if (key === 'status' && typeof value === 'string' && value in executionStatusLabels)
    return executionStatusLabels[value as ExecutionStatus];
  if (key === 'kind' && typeof value === 'string' && value in evidenceKindTitles)
    return evidenceKindTitles[value as keyof typeof evidenceKindTitles];
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return isoToRu(value);
  return formatValue(value);
}

/** The fields a history entry changed, in Russian, before → after; ids and bookkeeping left out. */
export function historyChanges(entry: { before: unknown; after: unknown }): HistoryChange[] {
  return diffRecords(entry.before, entry.after, ['version', 'updatedAt', 'createdAt', 'id', 'executionId'])
    .filter((c) => c.key in historyFieldLabels)
    .map((c) => ({
      kind: c.kind,
      label: historyFieldLabels[c.key] ?? c.key,
      before: historyValue(c.key, c.before),
      after: historyValue(c.key, c.after),
    }));
}

export const historyActionLabel = (action: string): string => auditActionLabels[action] ?? action;

// ---- notifications, rounds, dashboards

export const notificationKindViews: Record<NotificationKind, BadgeView> = {
  'due-soon': { label: 'Скоро срок', colour: 'yellow' },
  overdue: { label: 'Просрочено', colour: 'red' },
  escalation: { label: 'Эскалация', colour: 'grape' },
  event: { label: 'Мероприятие', colour: 'blue' },
};

export const roundKindLabels = { execution: 'Мониторинг исполнения', engagement: 'Мониторинг вовлечённости' } as const;

/** A round's name: its own title, else «Мониторинг исполнения на 30.06.2023». */
export const roundTitle = (r: { title: string; kind: keyof typeof roundKindLabels; date: string }): string =>
  r.title.trim() || `${roundKindLabels[r.kind]} на ${isoToRu(r.date)}`;

export const engagementLevelColours = { high: 'teal', medium: 'yellow', low: 'red' } as const;

interface Lagging {
  percent: number | null;
  overdue: number;
}
const nameOf = (x: Lagging & { title?: string; name?: string }) => x.title ?? x.name ?? '';

/** Lagging first: lowest execution (none counted last), then the most overdue, then by name. */
export function compareLagging<T extends Lagging & ({ title: string } | { name: string })>(a: T, b: T): number {
  return (a.percent ?? 101) - (b.percent ?? 101) || b.overdue - a.overdue || nameOf(a).localeCompare(nameOf(b), 'ru');
}

// ---- calendar

const monthShort = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'] as const;
export const weekdayShort = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'] as const;

export interface Month {
  year: number;
  /** 1–12. */
  month: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** «Март 2023». */
export const monthTitle = (m: Month): string => `${monthNames[m.month - 1]} ${m.year}`;

/** The month of an ISO date. */
export const monthOfDate = (iso: string): Month => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)) });

/** The month `delta` months away. */
export function shiftMonth(m: Month, delta: number): Month {
  const index = m.year * 12 + (m.month - 1) + delta;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** «2023-03» for the URL; null when it is not a month. */
export const monthKey = (m: Month): string => `${m.year}-${pad(m.month)}`;
export function parseMonthKey(key: string | null | undefined): Month | null {
  const match = /^(\d{4})-(\d{2})$/.exec(key ?? '');
  if (!match) return null;
  const month = Number(match[2]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : null;
}

/** The weeks of a month's page, Monday first, with the days of the neighbouring months that fill them. */
export function monthGrid(m: Month): string[][] {
  const first = new Date(Date.UTC(m.year, m.month - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7; // Monday = 0
  const start = Date.UTC(m.year, m.month - 1, 1 - offset);
  const daysInMonth = new Date(Date.UTC(m.year, m.month, 0)).getUTCDate();
  const weeks = Math.ceil((offset + daysInMonth) / 7);
  return Array.from({ length: weeks }, (_, w) =>
    Array.from({ length: 7 }, (_, d) => isoOf(new Date(start + (w * 7 + d) * 86_400_000))),
  );
}

/** The first and last day a month's page shows: what to ask the server for. */
export function gridRange(m: Month): { from: string; to: string } {
  const weeks = monthGrid(m);
  return { from: weeks[0]![0]!, to: weeks[weeks.length - 1]![6]! };
}

/** The events that cover a day (their window includes it). */
export const eventsOn = <T extends { start: string; end: string }>(events: readonly T[], day: string): T[] =>
  events.filter((e) => e.start <= day && day <= e.end);

// ---- timeline

export interface TimelineMonth {
  key: string;
  /** «янв», with the year on January and on the first month shown: «янв 2023». */
  label: string;
  left: number;
  width: number;
}

export interface TimelineScale {
  start: string;
  end: string;
  months: TimelineMonth[];
  /** Where a date falls, in per cent of the width, clamped to the scale. */
  at: (iso: string) => number;
}

const dayIndex = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** A scale of whole months covering start…end (the programme's period), for the Gantt-like timeline. */
export function timelineScale(start: string, end: string): TimelineScale {
  const first = monthOfDate(start);
  const lastMonth = monthOfDate(end < start ? start : end);
  const scaleStart = `${first.year}-${pad(first.month)}-01`;
  const after = shiftMonth(lastMonth, 1);
  const scaleEnd = `${after.year}-${pad(after.month)}-01`; // exclusive
  const total = dayIndex(scaleEnd) - dayIndex(scaleStart);
  const at = (iso: string) => Math.min(100, Math.max(0, ((dayIndex(iso) - dayIndex(scaleStart)) * 100) / total));
  const months: TimelineMonth[] = [];
  for (
    let m = first, i = 0;
    m.year * 12 + m.month <= lastMonth.year * 12 + lastMonth.month;
    m = shiftMonth(m, 1), i++
  ) {
    const next = shiftMonth(m, 1);
    const from = `${m.year}-${pad(m.month)}-01`;
    const to = `${next.year}-${pad(next.month)}-01`;
    const name = monthShort[m.month - 1]!;
    months.push({
      key: monthKey(m),
      label: i === 0 || m.month === 1 ? `${name} ${m.year}` : name,
      left: at(from),
      width: at(to) - at(from),
    });
  }
  return { start: scaleStart, end: scaleEnd, months, at };
}

export const timingColours: Record<Timing, string> = {
  overdue: 'red',
  'due-soon': 'yellow',
  'on-time': 'blue',
  closed: 'teal',
  'no-deadline': 'gray',
};
