// Columns of programme tables are recognised by the wording of their headers, never by position: the
// seeds alone say «Мероприятия», «Описание действия», «Сроки», «Сроки реализации», «Дата реализации»,
// «Ответственные», «Исполнители», «Планируемый результат», «Показатель реализации», «Региональный
// показатель реализации», «Информационное сопровождение проекта».

export const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();

export type ActivityColumn =
  | 'number'
  | 'text'
  | 'deadline'
  | 'responsible'
  | 'executors'
  | 'plannedResult'
  | 'indicator'
  | 'informationSupport';

/** Checked in order: the more specific wording first («показатель реализации» before «реализации»). */
const activityWords: [ActivityColumn, RegExp][] = [
  ['number', /^(№|n|номер)\s*(п\s*\/?\s*п|пп)?\.?$|^№/],
  ['informationSupport', /информационн\S*\s+сопровожд/],
  ['indicator', /показател\S*\s+(реализаци|исполнени|результативност)|индикатор/],
  ['plannedResult', /(планируем|ожидаем)\S*\s+результат|^результат/],
  ['deadline', /срок|дата|период\S*\s+(реализаци|проведени|исполнени)/],
  ['responsible', /ответствен/], // «Ответственный исполнитель» is the responsible one
  ['executors', /исполнител/],
  ['text', /мероприят|описание\s+действ|^действ|содержание\s+(работ|деятельност)|наименование/],
];

export function activityColumnOf(header: string): ActivityColumn | null {
  const h = norm(header);
  if (!h) return null;
  for (const [col, re] of activityWords) if (re.test(h)) return col;
  return null;
}

/** Column index by role for an activity table header, or null when the header is not one. */
export function activityColumns(headers: string[]): Partial<Record<ActivityColumn, number>> | null {
  const map: Partial<Record<ActivityColumn, number>> = {};
  headers.forEach((h, i) => {
    const col = activityColumnOf(h);
    if (col && map[col] === undefined) map[col] = i;
  });
  const hasWork = map.deadline !== undefined || map.responsible !== undefined || map.executors !== undefined;
  if (map.text === undefined || !hasWork) return null;
  if (headers.some((h) => /тема\s+консультац/.test(norm(h)))) return null;
  return map;
}

export type TableKind =
  | 'activities'
  | 'consultations'
  | 'working-group'
  | 'tutor-pairs'
  | 'indicators'
  | 'passport'
  | 'unknown';

const passportLabel =
  /^(наименование|цел[ьи]|задач|вызов|направлени|ожидаем|планируем|заказчик|куратор|разработчик|основные разработчик|ответственный разработчик|исполнител|целев\S* аудитор|этап|срок|состав рабочей|формальные основания|способ достижения|основные показатели|описание проблемы|проблем)/;

export const isPassportLabel = (s: string) => passportLabel.test(norm(s));

/** What a table is, from its first row (the header) and, for headerless passports, its first column. */
export function tableKindOf(rows: string[][]): TableKind {
  const header = (rows[0] ?? []).map(norm);
  const has = (re: RegExp) => header.some((h) => re.test(h));
  if (has(/тема\s+консультац|тема\s+(семинар|вебинар|мероприят)/) && has(/дата|срок|месяц/)) return 'consultations';
  if (has(/фамилия|^фио|ф\.\s?и\.\s?о/) && has(/должност/)) return 'working-group';
  if (has(/тьютор/) && has(/низк|шнор|школа/)) return 'tutor-pairs';
  if (activityColumns(rows[0] ?? [])) return 'activities';
  if (has(/показател|индикатор/) && (has(/значени|единиц|%|\d{4}/) || header.length >= 3)) return 'indicators';
  const labelled = rows.filter((r) => r.length >= 2 && isPassportLabel(r[0] ?? '')).length;
  if (labelled >= 2 && labelled >= rows.length / 3) return 'passport';
  return 'unknown';
}
