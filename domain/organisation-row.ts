// Validation of one row of an organisations file (canonical columns: code,name,short_name,type,
// municipality,region,urban). Pure: the known regions and municipalities are passed in.
import type { Problem } from './errors.ts';
import { type OrganisationKind, readOrganisationType } from './organisation-types.ts';

export const organisationColumns = ['code', 'name', 'short_name', 'type', 'municipality', 'region', 'urban'] as const;
export type OrganisationColumn = (typeof organisationColumns)[number];
export type OrganisationRowInput = Partial<Record<OrganisationColumn | 'address', string>>;

/** Russian headers accepted in place of the canonical ones (the template writes the canonical ones). */
export const organisationHeaderSynonyms: Record<string, OrganisationColumn | 'address'> = {
  код: 'code',
  'код оо': 'code',
  наименование: 'name',
  'полное наименование': 'name',
  'краткое наименование': 'short_name',
  'сокращенное наименование': 'short_name',
  тип: 'type',
  'тип оо': 'type',
  муниципалитет: 'municipality',
  'муниципальное образование': 'municipality',
  регион: 'region',
  'субъект рф': 'region',
  городская: 'urban',
  'городская (1) / сельская (0)': 'urban',
  адрес: 'address',
};

export interface KnownTerritories {
  /** Region by its code or name (lower case). */
  region(key: string): { id: string; name: string } | undefined;
  /** Municipality of a region by its name or code (lower case). */
  municipality(regionId: string, key: string): { id: string } | undefined;
}

export interface OrganisationRow {
  row: number;
  regionId: string;
  municipalityId: string | null;
  kind: OrganisationKind;
  type: string;
  code: string;
  name: string;
  shortName: string;
  urban: boolean | null;
  address: string;
}

const MAX_CELL = 1000;

/** Reads `urban`: 1/0 as the template says, and the words people type instead. */
export function readUrban(raw: string): boolean | null | 'bad' {
  const v = raw.trim().toLowerCase();
  if (v === '') return null;
  if (['1', 'да', 'городская', 'город', 'true'].includes(v)) return true;
  if (['0', 'нет', 'сельская', 'село', 'false'].includes(v)) return false;
  return 'bad';
}

/**
 * Checks one row and returns either the organisation or every problem found in it, each with its row and
 * column. `row` is the row number as the user sees it in the file (the header is row 1).
 */
export function validateOrganisationRow(
  input: OrganisationRowInput,
  row: number,
  known: KnownTerritories,
): { ok: true; value: OrganisationRow } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const cell = (c: OrganisationColumn | 'address') => (input[c] ?? '').trim();
  const fail = (column: string, message: string) => problems.push({ row, column, message });

  for (const c of [...organisationColumns, 'address'] as const) {
    if (cell(c).length > MAX_CELL) fail(c, `Значение длиннее ${MAX_CELL} символов.`);
  }
  const code = cell('code');
  if (!code) fail('code', 'Не указан код организации.');
  else if (!/^[\p{L}\p{N}._/-]{1,64}$/u.test(code))
    fail('code', `Код «${code}» содержит недопустимые символы: допустимы буквы, цифры, «.», «_», «-», «/».`);
  const name = cell('name');
  if (!name) fail('name', 'Не указано полное наименование.');
  if (/^[=+\-@]/.test(name)) fail('name', 'Наименование не может начинаться с «=», «+», «-» или «@» (формула).');
  const shortName = cell('short_name') || name;

  const typeRaw = cell('type');
  const type = typeRaw ? readOrganisationType(typeRaw) : null;
  if (!typeRaw)
    fail('type', 'Не указан тип организации (СОШ, ООШ, НОШ, гимназия, лицей, другое или тип организации поддержки).');
  else if (!type)
    fail(
      'type',
      `Тип «${typeRaw}» не распознан. Допустимы: СОШ, ООШ, НОШ, гимназия, лицей, другое, ИРО, ресурсный центр, ЦППМС, методический центр.`,
    );

  const urbanRaw = cell('urban');
  const urban = readUrban(urbanRaw);
  if (urban === 'bad') fail('urban', `Значение «${urbanRaw}» не распознано: укажите 1 (городская) или 0 (сельская).`);
  else if (urban === null && type?.kind === 'school')
    fail('urban', 'Для школы укажите 1 (городская) или 0 (сельская).');

  const regionRaw = cell('region');
  const region = regionRaw ? known.region(regionRaw.toLowerCase()) : undefined;
  if (!regionRaw) fail('region', 'Не указан регион.');
  else if (!region) fail('region', `Регион «${regionRaw}» не найден в справочнике.`);

  const municipalityRaw = cell('municipality');
  let municipalityId: string | null = null;
  if (region && municipalityRaw) {
    const m = known.municipality(region.id, municipalityRaw.toLowerCase());
    if (!m) fail('municipality', `Муниципалитет «${municipalityRaw}» не найден в регионе «${region.name}».`);
    else municipalityId = m.id;
  } else if (!municipalityRaw && type?.kind === 'school') {
    fail('municipality', 'Для школы укажите муниципалитет.');
  }

  if (problems.length > 0 || !region || !type) return { ok: false, problems };
  return {
    ok: true,
    value: {
      row,
      regionId: region.id,
      municipalityId,
      kind: type.kind,
      type: type.type,
      code,
      name,
      shortName,
      urban: urban === 'bad' ? null : urban,
      address: cell('address'),
    },
  };
}
