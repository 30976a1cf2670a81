// Kinds of organisations the seeds name: schools by type (СОШ, ООШ, НОШ, гимназия, лицей) and support
// organisations (ИРО, ресурсный центр, ЦППМС, методический центр, «Кванториум», МОУО).

export const schoolTypes = ['СОШ', 'ООШ', 'НОШ', 'гимназия', 'лицей', 'другое'] as const;
export type SchoolType = (typeof schoolTypes)[number];

export const supportTypes = [
  'ИРО',
  'ресурсный центр',
  'ЦППМС',
  'методический центр',
  'МОУО',
  'центр оценки качества',
  'Кванториум',
  'другое',
] as const;
export type SupportType = (typeof supportTypes)[number];

export type OrganisationKind = 'school' | 'support';

const normalise = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/[«»"]/g, '').replace(/\s+/g, ' ');

const schoolSynonyms: Record<string, SchoolType> = {
  сош: 'СОШ',
  'средняя общеобразовательная школа': 'СОШ',
  'средняя школа': 'СОШ',
  оош: 'ООШ',
  'основная общеобразовательная школа': 'ООШ',
  'основная школа': 'ООШ',
  нош: 'НОШ',
  'начальная общеобразовательная школа': 'НОШ',
  'начальная школа': 'НОШ',
  гимназия: 'гимназия',
  лицей: 'лицей',
  другое: 'другое',
  другая: 'другое',
  иное: 'другое',
  'школа-интернат': 'другое',
  'образовательный центр': 'другое',
};

const supportSynonyms: Record<string, SupportType> = {
  иро: 'ИРО',
  'институт развития образования': 'ИРО',
  'ресурсный центр': 'ресурсный центр',
  цппмс: 'ЦППМС',
  'центр психолого-педагогической, медицинской и социальной помощи': 'ЦППМС',
  'методический центр': 'методический центр',
  'муниципальный методический центр': 'методический центр',
  моуо: 'МОУО',
  'орган управления образованием': 'МОУО',
  'центр оценки качества': 'центр оценки качества',
  'центр оценки качества образования': 'центр оценки качества',
  кванториум: 'Кванториум',
  'детский технопарк кванториум': 'Кванториум',
};

/** Reads an organisation type as users write it; returns null when the wording is not recognised. */
export function readOrganisationType(raw: string): { kind: OrganisationKind; type: SchoolType | SupportType } | null {
  const key = normalise(raw);
  const school = schoolSynonyms[key];
  if (school) return { kind: 'school', type: school };
  const support = supportSynonyms[key];
  if (support) return { kind: 'support', type: support };
  return null;
}

export const regionTimezones = [
  { zone: 'Europe/Kaliningrad', label: 'Калининградское время (UTC+2)' },
  { zone: 'Europe/Moscow', label: 'Московское время (UTC+3)' },
  { zone: 'Europe/Samara', label: 'Самарское время (UTC+4)' },
  { zone: 'Asia/Yekaterinburg', label: 'Екатеринбургское время (UTC+5)' },
  { zone: 'Asia/Omsk', label: 'Омское время (UTC+6)' },
  { zone: 'Asia/Novokuznetsk', label: 'Кузбасс (UTC+7)' },
  { zone: 'Asia/Krasnoyarsk', label: 'Красноярское время (UTC+7)' },
  { zone: 'Asia/Irkutsk', label: 'Иркутское время (UTC+8)' },
  { zone: 'Asia/Yakutsk', label: 'Якутское время (UTC+9)' },
  { zone: 'Asia/Vladivostok', label: 'Владивостокское время (UTC+10)' },
  { zone: 'Asia/Magadan', label: 'Магаданское время (UTC+11)' },
  { zone: 'Asia/Kamchatka', label: 'Камчатское время (UTC+12)' },
] as const;
