// Names shown for roles and organisation types. The lists themselves live in domain/ so the server, the
// importer and the forms agree on every spelling.
import type { RoleName } from '../../contract/api.ts';
import { schoolTypes, supportTypes } from '../../domain/organisation-types.ts';
import { roleLabels } from '../../domain/roles.ts';

export { roleLabels, schoolTypes, supportTypes };

export const roleOptions = (Object.keys(roleLabels) as RoleName[]).map((value) => ({
  value,
  label: roleLabels[value],
}));

export const typesOfKind = (kind: 'school' | 'support'): readonly string[] =>
  kind === 'school' ? schoolTypes : supportTypes;
