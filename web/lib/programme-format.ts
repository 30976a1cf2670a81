// How programmes are shown: level, period, approving act, numbers as labels, lists as lines of a textarea.
import type { z } from 'zod';
import type { listedSchool, programmeLevel } from '../../contract/programmes.ts';
import { isoToRu } from './deadline-reading.ts';

export type ProgrammeLevel = z.infer<typeof programmeLevel>;
export type SchoolRole = z.infer<typeof listedSchool>['role'];

export const levelLabels: Record<ProgrammeLevel, string> = {
  region: 'Регион',
  municipality: 'Муниципалитет',
  school: 'Школа',
};

export const schoolRoleLabels: Record<SchoolRole, string> = {
  'low-results': 'Низкие образовательные результаты',
  'red-zone': 'Красная зона рейтинга',
  'high-performing': 'Стабильно высокие результаты',
  tutor: 'Школа-тьютор',
};

/** «01.01.2023–31.12.2023». */
export function formatPeriod(period: { start: string; end: string } | null | undefined): string {
  if (!period) return '—';
  return `${isoToRu(period.start)}–${isoToRu(period.end)}`;
}

/** «№ 28/1 от 13.01.2023»; «№ 28/1» without a date, «от 13.01.2023» without a number, «—» with neither. */
export function formatAct(act: { number: string; date: string | null }): string {
  const number = act.number.trim() ? `№ ${act.number.trim()}` : '';
  const date = act.date ? `от ${isoToRu(act.date)}` : '';
  return [number, date].filter(Boolean).join(' ') || '—';
}

/** «приказ Министерства … от 13.01.2023 № 28/1», for a card header. */
export function describeAct(act: { kind: string; authority: string; number: string; date: string | null }): string {
  const parts = [act.kind.trim(), formatAct(act) === '—' ? '' : formatAct(act)].filter(Boolean);
  return parts.join(' ') || '—';
}

/**
 * An activity number as people say it, for button names: «30.» → «30», «2.10.» → «2.10», «1)» → «1»;
 * an activity with no number is called by its place in the section.
 */
export function activityNumberLabel(number: string, place: number): string {
  const n = number.trim().replace(/[.)]+$/, '');
  return n || String(place);
}

/** A textarea with one item per line → the list, blank lines left out. */
export function linesToList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export const listToLines = (list: readonly string[]): string => list.join('\n');

type ActivityText = {
  responsible: string;
  executors: string;
  plannedResult: string;
  indicator: string;
  informationSupport: string;
};

/**
 * Which of the optional columns a programme's table has: those its document (or its activities) fill in.
 * Seed 004 has executors, an implementation indicator and information support but neither responsible
 * nor planned result; seed 000 has responsible only. «Срок» is always shown.
 */
export function activityColumns(activities: readonly ActivityText[]) {
  const any = (key: keyof ActivityText) => activities.some((a) => a[key].trim() !== '');
  const executors = any('executors');
  return {
    // Seed 004 names only executors; a table with neither still gets «Ответственные».
    responsible: any('responsible') || !executors,
    executors,
    plannedResult: any('plannedResult'),
    indicator: any('indicator'),
    informationSupport: any('informationSupport'),
  };
}
export type ActivityColumns = ReturnType<typeof activityColumns>;
