// How values are shown: dates as ДД.ММ.ГГГГ ЧЧ:ММ in the browser's time zone, numbers and words in Russian.

const pad = (n: number) => String(n).padStart(2, '0');

/** «05.03.2024 09:07»; an empty or unreadable value becomes «—». */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** «05.03.2024». */
export function formatDate(value: string | Date | null | undefined): string {
  const full = formatDateTime(value);
  return full === '—' ? full : full.slice(0, 10);
}

export { plural } from '../../domain/plural.ts';

export const formatNumber = (n: number) => n.toLocaleString('ru-RU');

export function urbanLabel(urban: boolean | null | undefined): string {
  if (urban === true) return 'городская';
  if (urban === false) return 'сельская';
  return '—';
}

export const kindLabels = { school: 'Школа', support: 'Организация поддержки' } as const;

export const userStatusLabels = { active: 'Активен', invited: 'Приглашён', blocked: 'Заблокирован' } as const;

export const auditActionLabels: Record<string, string> = {
  create: 'Создание',
  update: 'Изменение',
  delete: 'Удаление',
  import: 'Импорт',
  login: 'Вход',
  logout: 'Выход',
  block: 'Блокировка',
  unblock: 'Разблокировка',
  invite: 'Приглашение',
  'reset-link': 'Ссылка для сброса пароля',
  'password-change': 'Смена пароля',
  'password-reset': 'Сброс пароля',
};

export const auditEntityLabels: Record<string, string> = {
  region: 'Регион',
  municipality: 'Муниципалитет',
  organisation: 'Организация',
  person: 'Сотрудник',
  user: 'Пользователь',
  session: 'Сеанс',
};

/** Russian names of record fields, for the before → after view of the journal. */
export const fieldLabels: Record<string, string> = {
  code: 'Код',
  name: 'Наименование',
  shortName: 'Краткое наименование',
  fullName: 'ФИО',
  type: 'Тип',
  kind: 'Вид',
  urban: 'Местность',
  address: 'Адрес',
  position: 'Должность',
  email: 'Эл. почта',
  phone: 'Телефон',
  login: 'Логин',
  role: 'Роль',
  status: 'Статус',
  timezone: 'Часовой пояс',
  regionId: 'Регион',
  municipalityId: 'Муниципалитет',
  municipalityName: 'Муниципалитет (наименование)',
  organisationId: 'Организация',
  organisationName: 'Организация (наименование)',
  territoryName: 'Территория',
  lastLoginAt: 'Последний вход',
};

/**
 * A day typed in a date filter as users write it (ДД.ММ.ГГГГ; YYYY-MM-DD also accepted) as the instant it
 * starts or ends in the user's calendar. Anything else, including impossible dates, gives undefined.
 */
export function dayBoundary(day: string | undefined, edge: 'start' | 'end'): string | undefined {
  const text = day?.trim() ?? '';
  const ru = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = ru ? [ru[3], ru[2], ru[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return undefined;
  const date = edge === 'start' ? new Date(+y, +m - 1, +d, 0, 0, 0, 0) : new Date(+y, +m - 1, +d, 23, 59, 59, 999);
  if (date.getFullYear() !== +y || date.getMonth() !== +m - 1 || date.getDate() !== +d) return undefined;
  return date.toISOString();
}
