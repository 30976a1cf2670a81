// The forms a school fills besides questionnaires: a SWOT analysis (seeds 001 and 003) and the entry
// monitoring of its state (seed 004, item 2: equipment, staff, management, students), reviewed by the curator.

export const formKinds = ['swot', 'entry-monitoring'] as const;
export type FormKind = (typeof formKinds)[number];
export const formKindLabels: Record<FormKind, string> = {
  swot: 'SWOT-анализ',
  'entry-monitoring': 'Входной мониторинг',
};

export const formStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type FormStatus = (typeof formStatuses)[number];
export const formStatusLabels: Record<FormStatus, string> = {
  draft: 'черновик',
  submitted: 'на проверке',
  returned: 'возвращена на доработку',
  accepted: 'принята',
};

export interface SwotContent {
  strengths: string[];
  weaknesses: string[];
  opportunities: string[];
  threats: string[];
}
export const swotQuadrants: { key: keyof SwotContent; title: string }[] = [
  { key: 'strengths', title: 'Сильные стороны' },
  { key: 'weaknesses', title: 'Слабые стороны' },
  { key: 'opportunities', title: 'Возможности' },
  { key: 'threats', title: 'Угрозы' },
];

export interface EntryField {
  key: string;
  label: string;
  type: 'number' | 'percent' | 'yes-no' | 'text';
}
/** Seed 004 item 2: «материально-техническая оснащенность, педагогические кадры, управление, контингент». */
export const entryMonitoringSections: { key: string; title: string; fields: EntryField[] }[] = [
  {
    key: 'equipment',
    title: 'Материально-техническая оснащённость',
    fields: [
      { key: 'computers-per-100', label: 'Компьютеров для обучающихся на 100 обучающихся', type: 'number' },
      { key: 'internet-all-rooms', label: 'Доступ к сети Интернет во всех учебных кабинетах', type: 'yes-no' },
      { key: 'science-labs', label: 'Оборудование для лабораторных работ по естественным наукам', type: 'yes-no' },
      { key: 'equipment-notes', label: 'Чего не хватает в первую очередь', type: 'text' },
    ],
  },
  {
    key: 'staff',
    title: 'Педагогические кадры',
    fields: [
      { key: 'teachers', label: 'Педагогических работников', type: 'number' },
      { key: 'vacancies', label: 'Вакансий учителей', type: 'number' },
      { key: 'under-35', label: 'Доля учителей моложе 35 лет', type: 'percent' },
      { key: 'trained-3y', label: 'Доля прошедших повышение квалификации за 3 года', type: 'percent' },
    ],
  },
  {
    key: 'management',
    title: 'Управление',
    fields: [
      { key: 'development-programme', label: 'Действующая программа развития школы', type: 'yes-no' },
      { key: 'internal-assessment', label: 'Внутренняя система оценки качества образования', type: 'yes-no' },
      { key: 'director-years', label: 'Стаж директора в должности, лет', type: 'number' },
    ],
  },
  {
    key: 'students',
    title: 'Контингент обучающихся',
    fields: [
      { key: 'students', label: 'Обучающихся', type: 'number' },
      { key: 'disabilities', label: 'Доля обучающихся с ОВЗ', type: 'percent' },
      { key: 'non-native', label: 'Доля обучающихся, для которых русский язык не родной', type: 'percent' },
      { key: 'low-income', label: 'Доля обучающихся из малообеспеченных семей', type: 'percent' },
    ],
  },
];

/** Problems of a form's content in Russian with their place; empty when it may be submitted. */
export function checkForm(kind: FormKind, content: unknown, submitting: boolean): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const c = (content ?? {}) as Record<string, unknown>;
  if (kind === 'swot') {
    for (const q of swotQuadrants) {
      const list = c[q.key];
      if (list !== undefined && (!Array.isArray(list) || list.some((x) => typeof x !== 'string' || x.length > 2000)))
        problems.push({ path: q.key, message: `«${q.title}»: список строк не длиннее 2000 символов.` });
      else if (submitting && (!Array.isArray(list) || list.filter((x) => String(x).trim()).length === 0))
        problems.push({ path: q.key, message: `«${q.title}»: укажите хотя бы один пункт.` });
    }
    return problems;
  }
  for (const s of entryMonitoringSections)
    for (const f of s.fields) {
      const v = (c[s.key] as Record<string, unknown> | undefined)?.[f.key];
      const path = `${s.key}.${f.key}`;
      if (v === undefined || v === null || v === '') {
        if (submitting && f.type !== 'text') problems.push({ path, message: `«${f.label}»: заполните.` });
        continue;
      }
      const ok =
        f.type === 'number'
          ? typeof v === 'number' && Number.isFinite(v) && v >= 0
          : f.type === 'percent'
            ? typeof v === 'number' && v >= 0 && v <= 100
            : f.type === 'yes-no'
              ? typeof v === 'boolean'
              : typeof v === 'string' && v.length <= 5000;
      if (!ok)
        problems.push({
          path,
          message:
            f.type === 'percent'
              ? `«${f.label}»: число от 0 до 100.`
              : f.type === 'number'
                ? `«${f.label}»: неотрицательное число.`
                : f.type === 'yes-no'
                  ? `«${f.label}»: да или нет.`
                  : `«${f.label}»: не длиннее 5000 символов.`,
        });
    }
  return problems;
}
