// How staff and their professional development are shown: categories, subjects, hours, plan progress.
import type { StaffCategoryName } from '../../contract/api.ts';
import { commonSubjects, staffCategories, staffCategoryLabels } from '../../domain/network/staff.ts';
import { isoToRu } from './deadline-reading.ts';
import { plural } from './format.ts';

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** «Учитель», «Заместитель директора». */
export const categoryLabel = (c: StaffCategoryName): string => capitalised(staffCategoryLabels[c]);

/** Short labels for tables, where the specialist's long explanation does not fit. */
export const categoryShortLabel = (c: StaffCategoryName): string =>
  c === 'specialist' ? 'Специалист' : categoryLabel(c);

export const categoryOptions = staffCategories.map((c) => ({ value: c, label: categoryLabel(c) }));

/** Subjects offered in forms; the user may type others. */
export const subjectOptions = [...commonSubjects];

export const subjectsText = (subjects: readonly string[]): string => subjects.join(', ');

/** «36 ч.», or empty when the hours are not known. */
export const hoursText = (hours: number | null): string => (hours === null ? '' : `${hours} ч.`);

/** «01.09.2025 – 31.05.2026», «с 01.09.2025», «по 31.05.2026», or empty. */
export function periodText(start: string | null, end: string | null): string {
  if (start && end) return `${isoToRu(start)} – ${isoToRu(end)}`;
  if (start) return `с ${isoToRu(start)}`;
  if (end) return `по ${isoToRu(end)}`;
  return '';
}

/** «выполнено 2 из 3 пунктов». */
export function stepsText(done: number, total: number): string {
  return `выполнено ${done} из ${total} ${plural(total, ['пункта', 'пунктов', 'пунктов'])}`;
}
