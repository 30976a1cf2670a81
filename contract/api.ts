// The HTTP contract: request and response schemas shared by server (validation, OpenAPI) and web (types).
// No node:* and no DOM imports here.
import { z } from 'zod';
import { staffCategories } from '../domain/network/staff.ts';
import { roles } from '../domain/roles.ts';
import {
  emailField,
  isoDateTime,
  loginField,
  optionalText,
  pageQuery,
  passwordField,
  phoneField,
  requiredText,
  uuidField,
  versionField,
} from './fields.ts';

export const roleEnum = z.enum(roles);
export type RoleName = z.infer<typeof roleEnum>;

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    problems: z
      .array(
        z.object({
          message: z.string(),
          row: z.number().optional(),
          column: z.string().optional(),
          cell: z.string().optional(),
          field: z.string().optional(),
        }),
      )
      .optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBody>;

// ---- auth
export const loginBody = z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) });
export const me = z.object({
  id: uuidField,
  login: z.string(),
  fullName: z.string(),
  role: roleEnum,
  regionId: z.string().nullable(),
  municipalityId: z.string().nullable(),
  organisationId: z.string().nullable(),
  territoryName: z.string(),
  roleLabel: z.string(),
  permissions: z.array(z.string()),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof me>;
export const changePasswordBody = z.object({ currentPassword: z.string().min(1), newPassword: passwordField });
export const tokenPasswordBody = z.object({ token: z.string().min(10).max(200), newPassword: passwordField });

// ---- territories
export const region = z.object({
  id: uuidField,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  timezone: z.string(),
  isDemo: z.boolean(),
  version: z.number(),
});
export type Region = z.infer<typeof region>;
export const regionInput = z.object({
  code: requiredText('код региона', 20),
  name: requiredText('наименование региона'),
  shortName: requiredText('краткое наименование', 200),
  timezone: requiredText('часовой пояс', 64),
});
export const municipality = z.object({
  id: uuidField,
  regionId: uuidField,
  code: z.string(),
  name: z.string(),
  version: z.number(),
});
export type Municipality = z.infer<typeof municipality>;
export const municipalityInput = z.object({
  regionId: uuidField,
  code: requiredText('код муниципалитета', 20),
  name: requiredText('наименование муниципалитета'),
});
export const territoryTree = z.array(
  region.extend({
    municipalities: z.array(municipality.extend({ schools: z.number(), organisations: z.number() })),
    regionalOrganisations: z.number(),
  }),
);
export type TerritoryTree = z.infer<typeof territoryTree>;

// ---- organisations
export const organisationKind = z.enum(['school', 'support']);
export const organisation = z.object({
  id: uuidField,
  regionId: uuidField,
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  kind: organisationKind,
  type: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  urban: z.boolean().nullable(),
  address: z.string(),
  version: z.number(),
  updatedAt: isoDateTime,
});
export type Organisation = z.infer<typeof organisation>;
const organisationFields = z.object({
  municipalityId: uuidField.nullable(),
  type: requiredText('тип организации', 64),
  code: requiredText('код', 64),
  name: requiredText('полное наименование', 1000),
  shortName: optionalText('краткое наименование', 500),
  urban: z.boolean().nullable(),
  address: optionalText('адрес', 1000),
});
export const organisationInput = organisationFields.extend({
  regionId: uuidField,
  kind: organisationKind,
  municipalityId: organisationFields.shape.municipalityId.default(null),
  shortName: organisationFields.shape.shortName.default(''),
  urban: organisationFields.shape.urban.default(null),
  address: organisationFields.shape.address.default(''),
});
export type OrganisationInput = z.infer<typeof organisationInput>;
/** Only the fields sent are changed; `version` is the one the user saw. */
export const organisationPatch = organisationFields.partial().extend({ version: versionField });
export const organisationListQuery = pageQuery.extend({
  regionId: uuidField.optional(),
  municipalityId: uuidField.optional(),
  kind: organisationKind.optional(),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });

// ---- people
export const staffCategoryEnum = z.enum(staffCategories, { error: 'Выберите категорию сотрудника из списка.' });
export type StaffCategoryName = z.infer<typeof staffCategoryEnum>;
/** Subjects taught, as the user writes them; the server keeps one spelling per known subject. */
export const subjectsField = z
  .array(requiredText('предмет', 100), { error: 'Предметы: укажите список.' })
  .max(30, { error: 'Предметы: не больше 30.' });
export const person = z.object({
  id: uuidField,
  regionId: uuidField,
  municipalityId: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  fullName: z.string(),
  position: z.string(),
  email: z.string(),
  phone: z.string(),
  category: staffCategoryEnum,
  subjects: z.array(z.string()),
  version: z.number(),
});
export type Person = z.infer<typeof person>;
const personFields = z.object({
  municipalityId: uuidField.nullable(),
  organisationId: uuidField.nullable(),
  fullName: requiredText('ФИО', 300),
  position: optionalText('должность', 300),
  email: emailField,
  phone: phoneField,
  category: staffCategoryEnum,
  subjects: subjectsField,
});
/**
 * Without `category` the server reads it from the position; without `subjects` a teacher's subjects are read
 * from the position too (only the well-known ones).
 */
export const personInput = personFields.extend({
  regionId: uuidField,
  municipalityId: personFields.shape.municipalityId.default(null),
  organisationId: personFields.shape.organisationId.default(null),
  position: personFields.shape.position.default(''),
  email: emailField.default(''),
  phone: phoneField.default(''),
  category: staffCategoryEnum.optional(),
  subjects: subjectsField.optional(),
});
/** A changed position re-reads the category unless `category` is sent too. */
export const personPatch = personFields.partial().extend({ version: versionField });
export const personListQuery = pageQuery.extend({
  regionId: uuidField.optional(),
  municipalityId: uuidField.optional(),
  organisationId: uuidField.optional(),
  category: staffCategoryEnum.optional(),
});

// ---- users
export const user = z.object({
  id: uuidField,
  login: z.string(),
  fullName: z.string(),
  email: z.string(),
  role: roleEnum,
  regionId: z.string().nullable(),
  municipalityId: z.string().nullable(),
  organisationId: z.string().nullable(),
  territoryName: z.string(),
  status: z.enum(['active', 'invited', 'blocked']),
  lastLoginAt: isoDateTime.nullable(),
  version: z.number(),
});
export type User = z.infer<typeof user>;
export const userInput = z.object({
  login: loginField,
  fullName: requiredText('ФИО', 300),
  email: emailField.default(''),
  role: roleEnum,
  regionId: uuidField.nullable().default(null),
  municipalityId: uuidField.nullable().default(null),
  organisationId: uuidField.nullable().default(null),
  /** When absent the account is created as an invitation with a one-time link. */
  password: passwordField.optional(),
});
export const userPatch = z.object({
  fullName: requiredText('ФИО', 300).optional(),
  email: emailField.optional(),
  status: z.enum(['active', 'blocked']).optional(),
  version: versionField,
});
export const userListQuery = pageQuery.extend({ regionId: uuidField.optional(), role: roleEnum.optional() });
/** A one-time link for an invitation or a password reset; the token is shown once. */
export const oneTimeLink = z.object({ token: z.string(), path: z.string(), expiresAt: isoDateTime });

// ---- audit
export const auditEntry = z.object({
  id: z.number(),
  at: isoDateTime,
  actorLogin: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  regionId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditQuery = pageQuery.extend({
  regionId: uuidField.optional(),
  entity: z.string().max(64).optional(),
  actor: z.string().max(64).optional(),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
});

// ---- imports
export const importProblem = z.object({
  message: z.string(),
  row: z.number().optional(),
  column: z.string().optional(),
  cell: z.string().optional(),
});
export const importReport = z.object({
  committed: z.boolean(),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  /** Blocking: nothing is saved while there is one. */
  problems: z.array(importProblem),
  /** Not blocking (e.g. an ignored column). */
  warnings: z.array(importProblem),
});
export type ImportReport = z.infer<typeof importReport>;

export const health = z.object({ status: z.literal('ok'), engine: z.string(), version: z.string() });
