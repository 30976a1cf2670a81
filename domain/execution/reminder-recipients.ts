// Who is told about a reminder. Due soon and overdue go to the accounts bound to the unit's own place (the
// school, the municipal authority, the region); an escalation goes one level up the hierarchy the seeds
// describe (school → its МОУО, or the region where the municipality has no coordinator; municipality →
// region). A regional unit has nobody above it inside Опора, so it is not escalated.
import type { ReminderKind } from './reminders.ts';

/** The place of an executing unit: a school (organisation), a municipality, or the region itself. */
export interface UnitPlace {
  municipalityId: string | null;
  organisationId: string | null;
}

/** An active account that may receive reminders, by the territory its role binds it to. */
export interface ReminderAccount {
  userId: string;
  role: string;
  municipalityId: string | null;
  organisationId: string | null;
}

/** The accounts of one region indexed by the place they answer for. */
export interface PlaceAccounts {
  school: ReadonlyMap<string, readonly string[]>;
  municipality: ReadonlyMap<string, readonly string[]>;
  region: readonly string[];
}

const push = (map: Map<string, string[]>, key: string, value: string) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Indexes a region's accounts: school accounts by school, municipal coordinators by municipality. */
export function placeAccounts(accounts: readonly ReminderAccount[]): PlaceAccounts {
  const school = new Map<string, string[]>();
  const municipality = new Map<string, string[]>();
  const region: string[] = [];
  for (const a of accounts) {
    if (a.role === 'school' && a.organisationId) push(school, a.organisationId, a.userId);
    else if (a.role === 'municipal_coordinator' && a.municipalityId) push(municipality, a.municipalityId, a.userId);
    else if (a.role === 'regional_coordinator') region.push(a.userId);
  }
  return { school, municipality, region };
}

/** The accounts a reminder of a kind about a unit goes to (user ids, without repeats). */
export function recipientsOf(kind: ReminderKind, place: UnitPlace, accounts: PlaceAccounts): readonly string[] {
  const ofMunicipality = (id: string | null) => (id ? (accounts.municipality.get(id) ?? []) : []);
  if (kind !== 'escalation') {
    if (place.organisationId) return accounts.school.get(place.organisationId) ?? [];
    if (place.municipalityId) return ofMunicipality(place.municipalityId);
    return accounts.region;
  }
  if (place.organisationId) {
    const above = ofMunicipality(place.municipalityId);
    return above.length > 0 ? above : accounts.region;
  }
  if (place.municipalityId) return accounts.region;
  return [];
}
