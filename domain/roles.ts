// Roles, the territory each role is bound to, and the permission table. Authorisation is deny-by-default:
// a permission absent from the table is refused, and every check also tests the target's territory.

export const roles = [
  'admin',
  'regional_coordinator',
  'municipal_coordinator',
  'school',
  'curator',
  'observer',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Администратор',
  regional_coordinator: 'Региональный координатор',
  municipal_coordinator: 'Муниципальный координатор',
  school: 'Школа',
  curator: 'Куратор',
  observer: 'Наблюдатель',
};

export interface Actor {
  userId: string;
  login: string;
  role: Role;
  regionId: string | null;
  municipalityId: string | null;
  organisationId: string | null;
  /** Schools assigned to a curator by order: a curator reads and coaches them besides its own organisation. */
  assignedOrganisationIds?: readonly string[];
}

/** Where a record lives. A region's record has no municipality; a municipality's record has no organisation. */
export interface Place {
  regionId: string | null;
  municipalityId?: string | null;
  organisationId?: string | null;
}

/** The part of the country an actor may see. Lists are filtered by it in SQL. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'region'; regionId: string }
  | { kind: 'municipality'; regionId: string; municipalityId: string }
  | { kind: 'organisation'; regionId: string; organisationId: string }
  | { kind: 'organisations'; regionId: string; organisationIds: readonly string[] }
  | { kind: 'none' };

export function scopeOf(actor: Actor): Scope {
  const { role, regionId, municipalityId, organisationId } = actor;
  if (role === 'admin') return { kind: 'all' };
  if (!regionId) return { kind: 'none' };
  switch (role) {
    case 'regional_coordinator':
      return { kind: 'region', regionId };
    case 'municipal_coordinator':
      return municipalityId ? { kind: 'municipality', regionId, municipalityId } : { kind: 'none' };
    case 'observer':
      return municipalityId ? { kind: 'municipality', regionId, municipalityId } : { kind: 'region', regionId };
    case 'school':
      return organisationId ? { kind: 'organisation', regionId, organisationId } : { kind: 'none' };
    case 'curator': {
      const assigned = actor.assignedOrganisationIds ?? [];
      if (assigned.length === 0)
        return organisationId ? { kind: 'organisation', regionId, organisationId } : { kind: 'none' };
      return {
        kind: 'organisations',
        regionId,
        organisationIds: organisationId ? [organisationId, ...assigned] : assigned,
      };
    }
  }
}

/** True when the place lies inside the scope. */
export function scopeContains(scope: Scope, place: Place): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'none':
      return false;
    case 'region':
      return place.regionId === scope.regionId;
    case 'municipality':
      return place.regionId === scope.regionId && place.municipalityId === scope.municipalityId;
    case 'organisation':
      return place.regionId === scope.regionId && place.organisationId === scope.organisationId;
    case 'organisations':
      return (
        place.regionId === scope.regionId &&
        place.organisationId != null &&
        scope.organisationIds.includes(place.organisationId)
      );
  }
}

export const permissionNames = [
  'territory.read',
  'territory.write',
  'region.create',
  'organisation.read',
  'organisation.write',
  'person.read',
  'person.write',
  'user.read',
  'user.write',
  'audit.read',
  'programme.read',
  'programme.write',
  'results.read',
  'results.write',
  'identification.read',
  'identification.write',
  'execution.read',
  'execution.write',
  'execution.comment',
  'monitoring.write',
  'network.write',
  'event.read',
  'event.write',
  'event.register',
  'diagnosis.read',
  'diagnosis.write',
  'diagnosis.school',
  'diagnosis.review',
] as const;
export type Permission = (typeof permissionNames)[number];

/** The declared policy: which role holds which permission (always within its scope). */
// Programmes are written at every level inside the writer's scope (a programme's place is its owner's
// territory): the region writes any programme of the region, a municipality its own and its schools', a school
// its own. Curators and observers read what their scope covers. Assessment results are loaded and lists of
// schools identified and approved by the region; everyone else reads them within their scope. Execution is
// reported by whoever's work a unit is (region, municipality, school), within scope; curators read and
// coach the schools assigned to them; monitoring rounds are run by the programme's region or municipality.
// The network (tutor pairs, agreements, curators by order, groups) is kept by the region and municipalities.
// Events are organised at every level within scope (a curator's for the schools assigned); everyone reads the
// events of their region that concern them; schools and coordinators register their staff. Diagnosis: the region
// runs questionnaire campaigns and keeps the model and the library of measures; schools fill their forms and
// choose their risks; curators and coordinators review; everyone reads profiles within scope.
export const policy: Record<Role, readonly Permission[]> = {
  admin: permissionNames,
  regional_coordinator: [
    'territory.read',
    'territory.write',
    'organisation.read',
    'organisation.write',
    'person.read',
    'person.write',
    'user.read',
    'audit.read',
    'programme.read',
    'programme.write',
    'results.read',
    'results.write',
    'identification.read',
    'identification.write',
    'execution.read',
    'execution.write',
    'execution.comment',
    'monitoring.write',
    'network.write',
    'event.read',
    'event.write',
    'event.register',
    'diagnosis.read',
    'diagnosis.write',
    'diagnosis.school',
    'diagnosis.review',
  ],
  municipal_coordinator: [
    'territory.read',
    'organisation.read',
    'organisation.write',
    'person.read',
    'person.write',
    'programme.read',
    'programme.write',
    'results.read',
    'identification.read',
    'execution.read',
    'execution.write',
    'execution.comment',
    'monitoring.write',
    'network.write',
    'event.read',
    'event.write',
    'event.register',
    'diagnosis.read',
    'diagnosis.school',
    'diagnosis.review',
  ],
  school: [
    'territory.read',
    'organisation.read',
    'person.read',
    'person.write',
    'programme.read',
    'programme.write',
    'results.read',
    'identification.read',
    'execution.read',
    'execution.write',
    'execution.comment',
    'event.read',
    'event.write',
    'event.register',
    'diagnosis.read',
    'diagnosis.school',
  ],
  curator: [
    'territory.read',
    'organisation.read',
    'person.read',
    'person.write',
    'programme.read',
    'results.read',
    'identification.read',
    'execution.read',
    'execution.comment',
    'event.read',
    'event.write',
    'diagnosis.read',
    'diagnosis.review',
  ],
  observer: [
    'territory.read',
    'organisation.read',
    'person.read',
    'programme.read',
    'results.read',
    'identification.read',
    'execution.read',
    'event.read',
    'diagnosis.read',
  ],
};

export function hasPermission(actor: Actor, permission: Permission): boolean {
  return policy[actor.role].includes(permission);
}

/** The one access check: permission held by the role, and the target inside the actor's scope. */
export function can(actor: Actor, permission: Permission, place?: Place): boolean {
  if (!hasPermission(actor, permission)) return false;
  if (!place) return true;
  return scopeContains(scopeOf(actor), place);
}

/** Which territory fields a role's account must carry. */
export function bindingRequired(role: Role): { region: boolean; municipality: boolean; organisation: boolean } {
  switch (role) {
    case 'admin':
      return { region: false, municipality: false, organisation: false };
    case 'regional_coordinator':
    case 'observer':
      return { region: true, municipality: false, organisation: false };
    case 'municipal_coordinator':
      return { region: true, municipality: true, organisation: false };
    case 'school':
    case 'curator':
      return { region: true, municipality: false, organisation: true };
  }
}
