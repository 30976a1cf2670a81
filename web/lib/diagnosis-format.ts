// How diagnosis is shown: risk levels with their colours, respondent groups, campaign states, the questionnaire's
// scale ends, the respondent's key and answers kept in the browser, periods of forms, the profile chart's data.
import type { RespondentGroup, RiskLevel } from '../../domain/diagnosis/scoring.ts';
import { riskLevelLabels, scoreText } from '../../domain/diagnosis/scoring.ts';
import { isoToRu } from './deadline-reading.ts';

export type { RespondentGroup, RiskLevel };
export { riskLevelLabels, scoreText };

export const riskLevels: RiskLevel[] = ['high', 'medium', 'low', 'no-data'];

/** Mantine colours of the levels: high red, medium yellow, low green, no data grey. */
export const riskLevelColours: Record<RiskLevel, string> = {
  high: 'red',
  medium: 'yellow',
  low: 'green',
  'no-data': 'gray',
};

/** Background and text of a heat-map cell, readable in both senses (text contrast ≥ 4.5 on the colour). */
export const heatCellStyle: Record<RiskLevel, { bg: string; fg: string; short: string }> = {
  high: { bg: 'var(--mantine-color-red-7)', fg: '#fff', short: 'В' },
  medium: { bg: 'var(--mantine-color-yellow-4)', fg: 'var(--mantine-color-dark-9)', short: 'С' },
  low: { bg: 'var(--mantine-color-green-7)', fg: '#fff', short: 'Н' },
  'no-data': { bg: 'var(--mantine-color-gray-2)', fg: 'var(--mantine-color-dark-6)', short: '—' },
};

/** «высокий риск», «нет данных». */
export const levelText = (level: RiskLevel): string =>
  level === 'no-data' ? riskLevelLabels[level] : `${riskLevelLabels[level]} риск`;

/** A factor's value for people: «62,5» or «—». */
export const valueText = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : scoreText(v));

export const respondentGroups: RespondentGroup[] = ['director', 'teacher', 'student', 'parent'];

/** Who answers, as a respondent chooses: «Руководитель школы». */
export const groupTitles: Record<RespondentGroup, string> = {
  director: 'Руководитель школы',
  teacher: 'Учитель',
  student: 'Обучающийся',
  parent: 'Родитель (законный представитель)',
};

/** Short column headings of the progress table. */
export const groupColumns: Record<RespondentGroup, string> = {
  director: 'Руководитель',
  teacher: 'Учителя',
  student: 'Обучающиеся',
  parent: 'Родители',
};

export type CampaignState = 'planned' | 'open' | 'closed';
export const campaignStateViews: Record<CampaignState, { label: string; color: string }> = {
  planned: { label: 'запланирована', color: 'gray' },
  open: { label: 'идёт', color: 'teal' },
  closed: { label: 'завершена', color: 'dark' },
};

/** «13.01.2023 — 28.02.2023». */
export const periodText = (from: string, to: string): string => `${isoToRu(from)} — ${isoToRu(to)}`;
export { isoToRu };

/** The local date as ISO, «2026-03-05». */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** An ISO date moved by whole days. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Why a questionnaire does not take answers, in Russian: not yet open or already closed, with its dates.
 * `today` is the respondent's date; the server decides by the region's date.
 */
export function closedSurveyText(opensOn: string, closesOn: string, today: string): string {
  if (today < opensOn)
    return `Анкетирование ещё не началось: оно пройдёт с ${isoToRu(opensOn)} по ${isoToRu(closesOn)}.`;
  return `Анкетирование завершено: ответы принимались с ${isoToRu(opensOn)} по ${isoToRu(closesOn)}.`;
}

/**
 * The words at the ends of a scale, as the question writes them: «от 1 (посильная) до 5 (чрезмерная)» gives
 * «посильная» and «чрезмерная»; without them, the numbers.
 */
export function scaleEnds(text: string, min: number, max: number): { min: string; max: string } {
  const m = /от\s*-?\d+\s*\(([^)]+)\)\s*до\s*-?\d+\s*\(([^)]+)\)/i.exec(text);
  if (m) return { min: `${min} — ${m[1]!.trim()}`, max: `${max} — ${m[2]!.trim()}` };
  return { min: String(min), max: String(max) };
}

/** The question's text without the scale's explanation already shown at its ends. */
export function scaleQuestionText(text: string): string {
  return text.replace(/[:,]?\s*от\s*-?\d+\s*\([^)]+\)\s*до\s*-?\d+\s*\([^)]+\)\s*$/i, '').trim() || text;
}

// ---- the respondent's key and answers in the browser

/** A random key (24 bytes → 32 characters of base64url): the server resumes and merges answers by it. */
export function newRespondentKey(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(24));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export type StoredAnswer = string | string[] | number;
export interface StoredSurvey {
  key: string;
  answers: Record<string, StoredAnswer>;
  submitted: boolean;
  /** When the server last confirmed the answers (ISO). */
  savedAt: string | null;
}

export const surveyStorageKey = (code: string, group: RespondentGroup) => `opora.survey.${code.toUpperCase()}.${group}`;

const isAnswer = (v: unknown): v is StoredAnswer =>
  typeof v === 'string' ||
  (typeof v === 'number' && Number.isFinite(v)) ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** What this browser kept for a questionnaire; anything unreadable is treated as nothing kept. */
export function readStoredSurvey(storage: Pick<Storage, 'getItem'> | null, code: string, group: RespondentGroup) {
  try {
    const raw = storage?.getItem(surveyStorageKey(code, group));
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<StoredSurvey>;
    if (typeof v.key !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(v.key)) return null;
    const answers: Record<string, StoredAnswer> = {};
    for (const [k, a] of Object.entries(v.answers ?? {})) if (isAnswer(a)) answers[k] = a;
    return {
      key: v.key,
      answers,
      submitted: v.submitted === true,
      savedAt: typeof v.savedAt === 'string' ? v.savedAt : null,
    } satisfies StoredSurvey;
  } catch {
    return null;
  }
}

export function writeStoredSurvey(
  storage: Pick<Storage, 'setItem'> | null,
  code: string,
  group: RespondentGroup,
  value: StoredSurvey,
): void {
  try {
    storage?.setItem(surveyStorageKey(code, group), JSON.stringify(value));
  } catch {
    /* private mode or a full storage: the server still keeps what was saved */
  }
}

export function forgetStoredSurvey(storage: Pick<Storage, 'removeItem'> | null, code: string, group: RespondentGroup) {
  try {
    storage?.removeItem(surveyStorageKey(code, group));
  } catch {
    /* nothing to forget */
  }
}

/** The browser's storage, or null where it is unavailable (private mode, blocked cookies). */
export function browserStorage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

/** An answer given: a chosen option, a typed text, a number; an empty list of options counts as none. */
export const isAnswered = (a: StoredAnswer | undefined): boolean =>
  a !== undefined && a !== '' && !(Array.isArray(a) && a.length === 0);

/** «10:42». */
export function timeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

// ---- forms

/** The periods a form may be filled for: the years around now and the periods already used, newest first. */
export function periodOptions(used: readonly string[], year = new Date().getFullYear()): string[] {
  const all = new Set([
    ...used,
    String(year + 1),
    String(year),
    String(year - 1),
    `${year}/${year + 1}`,
    `${year - 1}/${year}`,
  ]);
  return [...all].sort((a, b) => b.localeCompare(a));
}

// ---- the profile chart

export interface ProfileChartData {
  /** Factor titles, top to bottom. */
  factors: string[];
  values: (number | null)[];
  levels: RiskLevel[];
  /** The thresholds of the first factor (all factors share them in the shipped model) … */
  high: number;
  medium: number;
  /** … and of each factor, where a region set them apart. */
  highs: number[];
  mediums: number[];
  /** What the chart shows, for its accessible name. */
  description: string;
}

export function profileChartData(
  factors: { title: string; value: number | null; level: RiskLevel; high: number; medium: number }[],
): ProfileChartData {
  const high = factors[0]?.high ?? 60;
  const medium = factors[0]?.medium ?? 35;
  const count = (l: RiskLevel) => factors.filter((f) => f.level === l).length;
  return {
    factors: factors.map((f) => f.title),
    values: factors.map((f) => f.value),
    levels: factors.map((f) => f.level),
    high,
    medium,
    highs: factors.map((f) => f.high),
    mediums: factors.map((f) => f.medium),
    description: `высокий риск — ${count('high')}, средний — ${count('medium')}, низкий — ${count('low')}, нет данных — ${count('no-data')} из ${factors.length} факторов`,
  };
}

// ---- factors in narrow places (the heat map's columns)

const shortFactorNames: Record<string, string> = {
  equipment: 'Оснащение',
  'staff-shortage': 'Дефицит кадров',
  // Soft hyphens (\u00ad) let the long words break in a narrow column with a hyphen.
  competence: 'Компетент\u00adность учителей',
  adaptivity: 'Адаптив\u00adность обучения',
  'professional-development': 'Внутри\u00adшкольное ПК',
  'failure-risk': 'Учебная неуспеш\u00adность',
  'language-barriers': 'Языковые барьеры',
  environment: 'Школьная среда',
  parents: 'Вовлечён\u00adность родителей',
  motivation: 'Учебная мотивация',
};

/** A factor's name for a narrow column: a known short name, or the title's first three words. */
export function shortFactorName(key: string, title: string): string {
  const known = shortFactorNames[key];
  if (known) return known;
  const words = title.split(/\s+/);
  return words.length <= 3 ? title : `${words.slice(0, 3).join(' ')}…`;
}

/** How many of a row's factors are at each level. */
export function levelCounts(levels: Record<string, RiskLevel>): Record<RiskLevel, number> {
  const out: Record<RiskLevel, number> = { high: 0, medium: 0, low: 0, 'no-data': 0 };
  for (const l of Object.values(levels)) out[l]++;
  return out;
}

/**
 * The campaign a school's profile opens on: the newest one with any level computed (answers submitted), else
 * the newest. History comes oldest first.
 */
export function defaultCampaignId(
  history: readonly { campaign: { id: string }; levels: Record<string, RiskLevel> }[],
): string | null {
  const newestFirst = [...history].reverse();
  const withData = newestFirst.find((h) => Object.values(h.levels).some((l) => l !== 'no-data'));
  return (withData ?? newestFirst[0])?.campaign.id ?? null;
}
