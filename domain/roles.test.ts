import { describe, expect, it } from 'vitest';
import { type Actor, can, type Place, type Role, scopeContains, scopeOf } from './roles.ts';

const R = 'region-1';
const R2 = 'region-2';
const M = 'mun-1';
const M2 = 'mun-2';
const S = 'school-1';
const S2 = 'school-2';

const actor = (role: Role, b: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  login: 'u',
  role,
  regionId: null,
  municipalityId: null,
  organisationId: null,
  ...b,
});

const actors = {
  admin: actor('admin'),
  regional: actor('regional_coordinator', { regionId: R }),
  municipal: actor('municipal_coordinator', { regionId: R, municipalityId: M }),
  school: actor('school', { regionId: R, municipalityId: M, organisationId: S }),
  curator: actor('curator', { regionId: R, organisationId: 'iro' }),
  observerRegion: actor('observer', { regionId: R }),
  observerMunicipality: actor('observer', { regionId: R, municipalityId: M }),
};

// The places a record can be in, relative to the actors above.
const places: Record<string, Place> = {
  ownSchool: { regionId: R, municipalityId: M, organisationId: S },
  siblingSchool: { regionId: R, municipalityId: M, organisationId: S2 },
  otherMunicipalitySchool: { regionId: R, municipalityId: M2, organisationId: 'school-3' },
  regionalOrganisation: { regionId: R, municipalityId: null, organisationId: 'iro' },
  otherRegionSchool: { regionId: R2, municipalityId: 'mun-9', organisationId: 'school-9' },
};

describe('access: read of organisations by role and relation', () => {
  // role → places it may read; every other place is denied.
  const table: [keyof typeof actors, string[]][] = [
    ['admin', Object.keys(places)],
    ['regional', ['ownSchool', 'siblingSchool', 'otherMunicipalitySchool', 'regionalOrganisation']],
    ['municipal', ['ownSchool', 'siblingSchool']],
    ['school', ['ownSchool']],
    ['curator', ['regionalOrganisation']],
    ['observerRegion', ['ownSchool', 'siblingSchool', 'otherMunicipalitySchool', 'regionalOrganisation']],
    ['observerMunicipality', ['ownSchool', 'siblingSchool']],
  ];
  for (const [who, allowed] of table) {
    for (const [name, place] of Object.entries(places)) {
      const expected = allowed.includes(name);
      it(`${who} ${expected ? 'reads' : 'does not read'} ${name}`, () => {
        expect(can(actors[who], 'organisation.read', place)).toBe(expected);
      });
    }
  }
});

describe('access: writes', () => {
  it.each([
    ['admin', 'organisation.write', 'otherRegionSchool', true],
    ['regional', 'organisation.write', 'otherMunicipalitySchool', true],
    ['regional', 'organisation.write', 'otherRegionSchool', false],
    ['municipal', 'organisation.write', 'siblingSchool', true],
    ['municipal', 'organisation.write', 'otherMunicipalitySchool', false],
    ['school', 'organisation.write', 'ownSchool', false],
    ['school', 'person.write', 'ownSchool', true],
    ['school', 'person.write', 'siblingSchool', false],
    ['observerRegion', 'organisation.write', 'ownSchool', false],
    ['observerRegion', 'person.write', 'ownSchool', false],
    ['regional', 'user.write', 'ownSchool', false],
    ['regional', 'audit.read', 'ownSchool', true],
    ['municipal', 'audit.read', 'ownSchool', false],
  ] as const)('%s %s on %s → %s', (who, permission, place, expected) => {
    expect(can(actors[who], permission, places[place])).toBe(expected);
  });
});

// Programmes: the place of a programme is its owner's territory (region; region + municipality; region +
// municipality + school).
const programmePlaces: Record<string, Place> = {
  ownRegion: { regionId: R, municipalityId: null, organisationId: null },
  otherRegion: { regionId: R2, municipalityId: null, organisationId: null },
  ownMunicipality: { regionId: R, municipalityId: M, organisationId: null },
  siblingMunicipality: { regionId: R, municipalityId: M2, organisationId: null },
  ownSchool: { regionId: R, municipalityId: M, organisationId: S },
  otherSchool: { regionId: R, municipalityId: M, organisationId: S2 },
  otherMunicipalitySchool: { regionId: R, municipalityId: M2, organisationId: 'school-3' },
  otherRegionSchool: { regionId: R2, municipalityId: 'mun-9', organisationId: 'school-9' },
};
const inRegion = Object.keys(programmePlaces).filter((k) => programmePlaces[k]!.regionId === R);

describe('access: programmes by role and owner', () => {
  // role → [programmes it may read, programmes it may write]; everything else is denied.
  const table: [keyof typeof actors, string[], string[]][] = [
    ['admin', Object.keys(programmePlaces), Object.keys(programmePlaces)],
    ['regional', inRegion, inRegion],
    ['municipal', ['ownMunicipality', 'ownSchool', 'otherSchool'], ['ownMunicipality', 'ownSchool', 'otherSchool']],
    ['school', ['ownSchool'], ['ownSchool']],
    ['curator', [], []],
    ['observerRegion', inRegion, []],
    ['observerMunicipality', ['ownMunicipality', 'ownSchool', 'otherSchool'], []],
  ];
  for (const [who, reads, writes] of table)
    for (const [name, place] of Object.entries(programmePlaces)) {
      const read = reads.includes(name);
      const write = writes.includes(name);
      it(`${who} ${read ? 'reads' : 'does not read'} and ${write ? 'writes' : 'does not write'} ${name}`, () => {
        expect(can(actors[who], 'programme.read', place)).toBe(read);
        expect(can(actors[who], 'programme.write', place)).toBe(write);
      });
    }
  it('a curator reads the programmes of the organisation it is bound to', () => {
    expect(can(actors.curator, 'programme.read', { regionId: R, municipalityId: null, organisationId: 'iro' })).toBe(
      true,
    );
  });
});

describe('scopes', () => {
  it('an account bound to no territory sees nothing (deny by default)', () => {
    const orphan = actor('regional_coordinator');
    expect(scopeOf(orphan)).toEqual({ kind: 'none' });
    expect(scopeContains(scopeOf(orphan), places.ownSchool!)).toBe(false);
  });
  it('a school without its organisation sees nothing', () => {
    expect(scopeOf(actor('school', { regionId: R }))).toEqual({ kind: 'none' });
  });
  it('a municipal coordinator without a municipality sees nothing', () => {
    expect(scopeOf(actor('municipal_coordinator', { regionId: R }))).toEqual({ kind: 'none' });
  });
});
