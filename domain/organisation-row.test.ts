import { describe, expect, it } from 'vitest';
import {
  type KnownTerritories,
  type OrganisationRowInput,
  readUrban,
  validateOrganisationRow,
} from './organisation-row.ts';
import { readOrganisationType } from './organisation-types.ts';

const known: KnownTerritories = {
  region: (k) =>
    k === 'демо' || k === 'демонстрационная область' ? { id: 'r1', name: 'Демонстрационная область' } : undefined,
  municipality: (regionId, k) => (regionId === 'r1' && k === 'город а' ? { id: 'm1' } : undefined),
};
const good: OrganisationRowInput = {
  code: 'A-001',
  name: 'МБОУ «Средняя общеобразовательная школа № 1»',
  short_name: 'МБОУ СОШ № 1',
  type: 'СОШ',
  municipality: 'Город А',
  region: 'ДЕМО',
  urban: '1',
};

describe('organisation row', () => {
  it('accepts a complete school row', () => {
    const r = validateOrganisationRow(good, 2, known);
    expect(r).toEqual({
      ok: true,
      value: {
        row: 2,
        regionId: 'r1',
        municipalityId: 'm1',
        kind: 'school',
        type: 'СОШ',
        code: 'A-001',
        name: good.name,
        shortName: 'МБОУ СОШ № 1',
        urban: true,
        address: '',
      },
    });
  });

  it.each([
    ['code', { code: '' }, 'Не указан код'],
    ['code', { code: 'A 001' }, 'недопустимые символы'],
    ['name', { name: '' }, 'Не указано полное наименование'],
    ['name', { name: '=HYPERLINK("x")' }, 'формула'],
    ['type', { type: 'колледж' }, 'не распознан'],
    ['urban', { urban: '2' }, 'укажите 1'],
    ['urban', { urban: '' }, 'Для школы укажите 1'],
    ['region', { region: 'Марс' }, 'не найден'],
    ['municipality', { municipality: 'Город Б' }, 'не найден в регионе'],
    ['municipality', { municipality: '' }, 'Для школы укажите муниципалитет'],
    ['name', { name: 'x'.repeat(1001) }, 'длиннее 1000'],
  ] as const)('reports %s: %j', (column, patch, fragment) => {
    const r = validateOrganisationRow({ ...good, ...patch }, 7, known);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems.find((x) => x.column === column);
    expect(p?.row).toBe(7);
    expect(p?.message).toContain(fragment);
  });

  it('reports every problem of a row, not just the first', () => {
    const r = validateOrganisationRow({ code: '', name: '', type: '', region: '', urban: 'x' }, 3, known);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.column).sort()).toEqual(['code', 'name', 'region', 'type', 'urban']);
  });

  it('lets a regional support organisation have no municipality and no urban flag', () => {
    const r = validateOrganisationRow(
      { code: 'IRO', name: 'Институт развития образования', type: 'ИРО', region: 'Демо' },
      4,
      known,
    );
    expect(r.ok && r.value.municipalityId === null && r.value.kind === 'support' && r.value.urban === null).toBe(true);
  });

  it('takes the full name as the short name when the short name is empty', () => {
    const r = validateOrganisationRow({ ...good, short_name: '' }, 2, known);
    expect(r.ok && r.value.shortName).toBe(good.name);
  });
});

describe('organisation types as users write them', () => {
  it.each([
    ['СОШ', 'school', 'СОШ'],
    ['сош', 'school', 'СОШ'],
    ['Средняя общеобразовательная школа', 'school', 'СОШ'],
    ['основная общеобразовательная школа', 'school', 'ООШ'],
    ['НОШ', 'school', 'НОШ'],
    ['Гимназия', 'school', 'гимназия'],
    ['лицей', 'school', 'лицей'],
    ['школа-интернат', 'school', 'другое'],
    ['ИРО', 'support', 'ИРО'],
    ['Ресурсный центр', 'support', 'ресурсный центр'],
    ['ЦППМС', 'support', 'ЦППМС'],
    ['методический центр', 'support', 'методический центр'],
    ['«Кванториум»', 'support', 'Кванториум'],
  ])('%s → %s %s', (raw, kind, type) => {
    expect(readOrganisationType(raw)).toEqual({ kind, type });
  });
  it('returns null for an unknown type', () => expect(readOrganisationType('колледж')).toBeNull());
  it.each([
    ['1', true],
    ['0', false],
    ['да', true],
    ['Сельская', false],
    ['', null],
    ['2', 'bad'],
  ] as const)('urban %s → %s', (raw, v) => expect(readUrban(raw)).toBe(v));
});
