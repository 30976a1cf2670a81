// How a deadline reading is shown under its wording: the kind in Russian and the windows as ДД.ММ.ГГГГ.
// The reading itself comes from domain/deadline/read-deadline.ts (live in the browser, again on the server).
import type { z } from 'zod';
import type { deadlineKind, deadlineReading } from '../../contract/programmes.ts';

export type DeadlineKind = z.infer<typeof deadlineKind>;
export type DeadlineReadingDto = z.infer<typeof deadlineReading>;
export type DeadlineWindow = DeadlineReadingDto['windows'][number];

export const deadlineKindLabels: Record<DeadlineKind, string> = {
  date: 'дата',
  range: 'период',
  multiple: 'несколько периодов',
  recurring: 'регулярно',
  'whole-period': 'весь период',
  external: 'по плану другой организации',
  'on-demand': 'по необходимости',
  unreadable: 'не распознан',
};

/** «2023-01-13» → «13.01.2023»; anything that is not an ISO date is returned as it is. */
export function isoToRu(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** «13.01.2023» (or «2023-01-13») → «2023-01-13»; null for anything else, impossible dates included. */
export function ruToIso(text: string): string | null {
  const t = text.trim();
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const [y, m, d] = ru ? [+ru[3]!, +ru[2]!, +ru[1]!] : iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : [0, 0, 0];
  if (!y || m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** «01.03.2023–30.12.2023», «до 25.08.2023» when the start is unknown, «15.03.2023» for one day. */
export function formatWindow(w: DeadlineWindow): string {
  if (w.start === null) return `до ${isoToRu(w.end)}`;
  if (w.start === w.end) return isoToRu(w.end);
  return `${isoToRu(w.start)}–${isoToRu(w.end)}`;
}

export type ReadingTone = 'ok' | 'warning' | 'unreadable';

export interface ReadingView {
  kind: string;
  /** The windows, at most `maxWindows` of them, «; »-separated; empty when there are none. */
  windows: string;
  /** How many windows were left out. */
  more: number;
  tone: ReadingTone;
  warnings: string[];
}

/** What to show for a reading: «период · 01.03.2023–30.12.2023», orange when warned, red when unreadable. */
export function describeReading(reading: DeadlineReadingDto, maxWindows = 3): ReadingView {
  const shown = reading.windows.slice(0, maxWindows).map(formatWindow);
  return {
    kind: deadlineKindLabels[reading.kind],
    windows: shown.join('; '),
    more: Math.max(0, reading.windows.length - shown.length),
    tone: reading.kind === 'unreadable' ? 'unreadable' : reading.warnings.length > 0 ? 'warning' : 'ok',
    warnings: reading.warnings.map((w) => w.message),
  };
}

/** One line for tables and screen readers: «Прочитано: период, 01.03.2023–30.12.2023». */
export function readingSummary(reading: DeadlineReadingDto, maxWindows = 3): string {
  const view = describeReading(reading, maxWindows);
  if (reading.kind === 'unreadable') return 'Срок не распознан';
  const windows = view.windows ? `, ${view.windows}${view.more ? ` и ещё ${view.more}` : ''}` : '';
  return `Прочитано: ${view.kind}${windows}`;
}
