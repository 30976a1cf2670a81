import { describe, expect, it } from 'vitest';
import { diffRecords, formatValue } from './diff.ts';

describe('diffRecords', () => {
  it('lists only the fields that changed, ignoring version and timestamps', () => {
    const before = { id: '1', name: 'МБОУ СОШ № 1', urban: true, address: '', version: 1, updatedAt: 'a' };
    const after = {
      id: '1',
      name: 'МБОУ «СОШ № 1»',
      urban: true,
      address: 'ул. Ленина, 1',
      version: 2,
      updatedAt: 'b',
    };
    expect(diffRecords(before, after)).toEqual([
      { key: 'name', kind: 'changed', before: 'МБОУ СОШ № 1', after: 'МБОУ «СОШ № 1»' },
      { key: 'address', kind: 'changed', before: '', after: 'ул. Ленина, 1' },
    ]);
  });

  it('shows a creation as every filled field added', () => {
    expect(diffRecords(null, { code: '42', urban: false, email: '', lastLoginAt: null })).toEqual([
      { key: 'code', kind: 'added', before: undefined, after: '42' },
      { key: 'urban', kind: 'added', before: undefined, after: false },
    ]);
  });

  it('shows a deletion as every field removed', () => {
    expect(diffRecords({ code: '42', phone: '' }, undefined)).toEqual([
      { key: 'code', kind: 'removed', before: '42', after: undefined },
    ]);
  });

  it('treats null → value as a change, and equal nested values as no change', () => {
    expect(diffRecords({ m: null, tags: ['a'] }, { m: 'x', tags: ['a'] })).toEqual([
      { key: 'm', kind: 'changed', before: null, after: 'x' },
    ]);
  });

  it('returns nothing for non-object snapshots', () => {
    expect(diffRecords('text', 42)).toEqual([]);
  });
});

describe('formatValue', () => {
  it.each([
    [null, '—'],
    [undefined, '—'],
    ['', '—'],
    [true, 'да'],
    [false, 'нет'],
    [7, '7'],
    ['СОШ', 'СОШ'],
    [{ a: 1 }, '{"a":1}'],
  ])('%j → %s', (value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });
});
