// What the analytic report of a monitoring round («аналитическая справка») says, in one shape for both writers
// (DOCX for the справка an official signs, XLSX for those who sort and count), and the wording both need: the
// summary sentences, the dates, the headers of the unit tables, the order of municipalities and schools. Kept here
// so that the справка and the book never differ by a word or a figure.
//
// The figures come already counted (execution, the threshold and whether it is met belong to the domain); nothing
// here recounts them, it only words them.

// The one Russian plural rule of the project; it is pure and imports nothing, so the server may use it too.
import { plural } from '../domain/plural.ts';
import { ruDate } from './docx/write-programme.ts';
import { percentText } from './identification-report.ts';
import { ru } from './table/table.ts';

export interface RoundReportUnitRow {
  municipality: string;
  name: string;
  total: number;
  done: number;
  cancelled: number;
  overdue: number;
  executionPercent: number | null;
}

export interface RoundReport {
  regionName: string;
  programmeTitle: string;
  /** «приказ Министерства образования Калининградской области от 13.01.2023 № 28/1», or '' */
  programmeAct: string;
  round: {
    date: string /* ISO */;
    title: string;
    threshold: { min: number; max: number } | null;
    frozenAt: string | null /* ISO datetime; null = live figures */;
  };
  summary: {
    total: number;
    cancelled: number;
    done: number;
    inProgress: number;
    planned: number;
    overdue: number;
    executionPercent: number | null /* done ÷ (total − cancelled) × 100 */;
    dueByDate: number;
    doneOfDue: number;
    duePercent: number | null;
    meetsThreshold: boolean | null;
    thresholdText: string /* Russian, e.g. «не менее 30–40 %» */;
  };
  byMunicipality: Omit<RoundReportUnitRow, 'municipality'>[]; // name = municipality name
  bySchool: RoundReportUnitRow[];
  lagging: {
    number: string;
    text: string;
    deadlineText: string;
    responsible: string;
    unitsTotal: number;
    unitsDone: number;
    statusText: string;
    daysOverdue: number | null;
  }[];
  indicators: {
    number: string;
    name: string;
    unit: string;
    baseline: string;
    target: string;
    actual: string;
    statusText: string;
    rule: string;
  }[];
  trend: { date: string; executionPercent: number | null }[];
  /** The coordinator's targeted recommendations («адресные рекомендации»), paragraphs separated by blank lines. */
  recommendations: string;
  generatedAt: string; // ISO datetime
  /**
   * The region's time zone (IANA, e.g. Europe/Kaliningrad) in which the times of freezing and of generation are
   * printed: an official reads the clock of the region, and near midnight UTC even the date differs. Moscow time
   * when not given, and then the document says so.
   */
  timeZone?: string;
}

export type RoundReportMunicipality = RoundReport['byMunicipality'][number];
export type RoundReportLagging = RoundReport['lagging'][number];

/** Shown where a value is missing (no activity to execute, no overdue days), so an empty cell never reads as 0. */
export const none = '—';

/** A share as the book stores it: one decimal, as the справка prints it (the binary noise of 36.666… left out). */
export const percentNumber = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10;

/** «30.06.2023». */
export const roundDateText = (r: RoundReport): string => ruDate(r.round.date);

const moscow = 'Europe/Moscow';

/** «03.07.2023 11:00» in the region's time zone; « (время московское)» added when the region's is not known. */
export function dateTimeText(iso: string, timeZone: string | undefined): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('ru-RU', {
      timeZone: timeZone ?? moscow,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const text = `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}`;
  return timeZone ? text : `${text} (время московское)`;
}

/**
 * Whether the figures can still change: a frozen round is the record the справка is signed on, live figures are
 * a preview. «Сведения зафиксированы 03.07.2023 11:00 и после фиксации не изменяются.» / «Сведения приведены на
 * 05.07.2023 10:30 и до фиксации итогов мониторинга могут измениться.»
 */
export function figuresSentence(r: RoundReport): string {
  return r.round.frozenAt
    ? `Сведения зафиксированы ${dateTimeText(r.round.frozenAt, r.timeZone)} и после фиксации не изменяются.`
    : `Сведения приведены на ${dateTimeText(r.generatedAt, r.timeZone)} и до фиксации итогов мониторинга могут измениться.`;
}

/** Wraps a title in «» unless it is already quoted as a whole. */
export const quoted = (title: string): string => {
  const t = title.replace(/\s+/g, ' ').trim();
  return /^«.*»$/.test(t) ? t : `«${t}»`;
};

// The act is given in the nominative («приказ Министерства …»); «утверждён» needs the instrumental of its kind.
const instrumentalKind: Record<string, string> = {
  приказ: 'приказом',
  распоряжение: 'распоряжением',
  постановление: 'постановлением',
  решение: 'решением',
};

/** «утверждён приказом Министерства … от 13.01.2023 № 28/1»; the act as written after «утверждён:» otherwise. */
export function approvedByText(act: string): string {
  const a = act.replace(/\s+/g, ' ').trim();
  const m = /^(\p{L}+)(\s.*)?$/u.exec(a);
  const kind = m ? instrumentalKind[m[1]!.toLowerCase()] : undefined;
  return kind ? `утверждён ${kind}${m![2] ?? ''}` : `утверждён: ${a}`;
}

/**
 * «Первый мониторинг …» reads «(этап мониторинга — первый мониторинг …)» inside a sentence; an abbreviation
 * («ВПР») or a numeral («I полугодие») keeps its capitals.
 */
const lowerFirstWord = (text: string): string =>
  /^\p{Lu}\p{Ll}/u.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;

/**
 * «Мониторинг исполнения мероприятий «План-график …» (документ утверждён приказом … от 13.01.2023 № 28/1)
 * проведён по состоянию на 30.06.2023 (этап мониторинга — I полугодие 2023 года).»
 */
export function openingSentence(r: RoundReport): string {
  const act = r.programmeAct.trim() === '' ? '' : ` (документ ${approvedByText(r.programmeAct)})`;
  const title = r.round.title.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  const stage = title === '' ? '' : ` (этап мониторинга — ${lowerFirstWord(title)})`;
  return `Мониторинг исполнения мероприятий ${quoted(r.programmeTitle)}${act} проведён по состоянию на ${roundDateText(r)}${stage}.`;
}

const activitiesAfterOf = (n: number) => plural(n, ['мероприятия', 'мероприятий', 'мероприятий']);

/** «не менее 30–40 %; порог достигнут», or that no threshold was set for the date. */
function thresholdClause(r: RoundReport): string {
  const s = r.summary;
  const text = s.thresholdText.trim();
  if (text === '') return 'пороговое значение на дату мониторинга не установлено';
  const met = s.meetsThreshold === null ? '' : s.meetsThreshold ? '; порог достигнут' : '; порог не достигнут';
  return `пороговое значение на дату мониторинга — ${text}${met}`;
}

/**
 * «Исполнено 11 из 30 мероприятий (без учёта 2 отменённых) — 36,7 %; пороговое значение на дату мониторинга —
 * не менее 30–40 %; порог достигнут.» Cancelled activities are out of the count, as the share is computed.
 */
export function executionSentence(r: RoundReport): string {
  const s = r.summary;
  const due = s.total - s.cancelled;
  const cancelled =
    s.cancelled > 0
      ? ` (без учёта ${ru(s.cancelled)} ${plural(s.cancelled, ['отменённого', 'отменённых', 'отменённых'])})`
      : '';
  const executed =
    due > 0 && s.executionPercent !== null
      ? `Исполнено ${ru(s.done)} из ${ru(due)} ${activitiesAfterOf(due)}${cancelled} — ${percentText(s.executionPercent)}`
      : `Мероприятий, подлежащих исполнению, нет${s.cancelled > 0 ? ` (отменено: ${ru(s.cancelled)})` : ''}`;
  return `${executed}; ${thresholdClause(r)}.`;
}

/** «Из 14 мероприятий со сроком исполнения до 30.06.2023 включительно исполнено 11 — 78,6 %.» */
export function dueSentence(r: RoundReport): string {
  const s = r.summary;
  const date = roundDateText(r);
  if (s.dueByDate <= 0) return `Мероприятий со сроком исполнения до ${date} включительно нет.`;
  return (
    `Из ${ru(s.dueByDate)} ${activitiesAfterOf(s.dueByDate)} со сроком исполнения до ${date} включительно ` +
    `исполнено ${ru(s.doneOfDue)}${s.duePercent === null ? '' : ` — ${percentText(s.duePercent)}`}.`
  );
}

/** «Всего мероприятий: 32; исполнено: 11; выполняется: 14; запланировано: 5; отменено: 2; просрочено: 3.» */
export function statusSentence(r: RoundReport): string {
  const s = r.summary;
  return (
    `Всего мероприятий: ${ru(s.total)}; исполнено: ${ru(s.done)}; выполняется: ${ru(s.inProgress)}; ` +
    `запланировано: ${ru(s.planned)}; отменено: ${ru(s.cancelled)}; просрочено: ${ru(s.overdue)}.`
  );
}

/** Headers of the unit tables, the same in the справка and the book. */
export const unitHeaders = {
  municipality: 'Муниципальное образование',
  school: 'Наименование ОО',
  total: 'Мероприятий, всего',
  done: 'Исполнено',
  cancelled: 'Отменено',
  overdue: 'Просрочено',
  executionPercent: 'Исполнение, %',
} as const;

export const laggingHeaders = {
  number: '№ п/п',
  text: 'Мероприятие',
  deadline: 'Срок',
  responsible: 'Ответственные',
  units: 'Исполнено в ОО',
  status: 'Статус',
  daysOverdue: 'Просрочено, дней',
} as const;

export const indicatorHeaders = {
  number: '№ п/п',
  name: 'Наименование показателя',
  unit: 'Ед. изм.',
  baseline: 'Базовое значение',
  target: 'Целевое значение',
  actual: 'Фактическое значение',
  status: 'Статус',
  rule: 'Правило оценки',
} as const;

/** «просрочено на 73 дня»; '' when the activity is not overdue. */
export const overdueText = (days: number | null): string =>
  days === null || days <= 0 ? '' : `просрочено на ${ru(days)} ${plural(days, ['день', 'дня', 'дней'])}`;

/** «4 из 6»; «—» for an activity not carried out school by school. */
export const unitsText = (l: RoundReportLagging): string =>
  l.unitsTotal > 0 ? `${ru(l.unitsDone)} из ${ru(l.unitsTotal)}` : none;

const ruOrder = (a: string, b: string) => a.localeCompare(b, 'ru');

/** Municipalities by name: a municipality looks itself up by name, not by rank. */
export const municipalitiesByName = (r: RoundReport): RoundReportMunicipality[] =>
  [...r.byMunicipality].sort((a, b) => ruOrder(a.name, b.name));

/** Schools under their municipalities, each group by name, as the identification lists are read. */
export const schoolsByMunicipality = (r: RoundReport): RoundReportUnitRow[] =>
  [...r.bySchool].sort((a, b) => ruOrder(a.municipality, b.municipality) || ruOrder(a.name, b.name));

/** Rounds in date order, the one of the report included. */
export const trendByDate = (r: RoundReport): RoundReport['trend'] =>
  [...r.trend].sort((a, b) => a.date.localeCompare(b.date));

/** The recommendations as paragraphs (split on blank lines), each with its own line breaks kept. */
export const recommendationParagraphs = (r: RoundReport): string[] =>
  r.recommendations
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join('\n'),
    )
    .filter((p) => p !== '');

export const noRecommendations = 'Адресные рекомендации по итогам мониторинга не сформулированы.';

/** «Аналитическая справка по итогам мониторинга исполнения мероприятий на 30.06.2023»: the book's and the file's title. */
export const reportTitle = (r: RoundReport): string =>
  `Аналитическая справка по итогам мониторинга исполнения мероприятий на ${roundDateText(r)}`;
