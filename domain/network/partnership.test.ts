import { describe, expect, it } from 'vitest';
import { organisationNamed, partnershipStatus } from './partnership.ts';

describe('partnershipStatus', () => {
  const ids = { supporterId: 's', schoolId: 'w' };
  it.each([
    [{ ...ids, validFrom: null, validTo: null }, 'active'],
    [{ ...ids, validFrom: '2026-09-01', validTo: '2027-05-31' }, 'active'],
    [{ ...ids, validFrom: '2026-11-24', validTo: '2026-11-24' }, 'active'],
    [{ ...ids, validFrom: '2026-11-25', validTo: null }, 'planned'],
    [{ ...ids, validFrom: null, validTo: '2026-11-23' }, 'ended'],
    [{ supporterId: null, schoolId: 'w', validFrom: null, validTo: null }, 'unmatched'],
  ] as const)('%o → %s', (p, status) => {
    expect(partnershipStatus(p, '2026-11-24')).toBe(status);
  });
});

describe('organisationNamed', () => {
  const known = {
    organisations: [
      { id: 'a', name: 'ГБОУ СОШ «ОЦ» с. Воротнее', shortName: 'ГБОУ СОШ «ОЦ» с. Воротнее', code: '1' },
      { id: 'b', name: 'ГБОУ СОШ №2 п.г.т. Суходол', shortName: 'ГБОУ СОШ №2 п.г.т. Суходол', code: '2' },
      { id: 'c', name: 'ГБОУ СОШ с. Черновка', shortName: 'ГБОУ СОШ с. Черновка', code: '3' },
    ],
    people: [],
  };
  it.each([
    ['ГБОУ СОШ «ОЦ» с. Воротнее', 'a'],
    ['ГБОУ СОШ № 2 п.г.т. Суходол', 'b'],
    ['ГБОУ СОШ с. Черновка.', 'c'],
    ['ГБОУ СОШ с. Черновка и ГБОУ СОШ «ОЦ» с. Воротнее', null],
    ['ГБОУ СОШ с. Шламка', null],
  ])('%s → %s', (name, id) => {
    expect(organisationNamed(name, known)).toBe(id);
  });
});
