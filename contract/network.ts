// The HTTP contract of the support network and its events: tutor pairs and partnership agreements,
// curators assigned by order, mobile groups and school networks, events with their audience, registration
// and attendance. Shapes follow domain/network/.
import { z } from 'zod';
import { isoDateTime, optionalText, pageQuery, requiredText, uuidField, versionField } from './fields.ts';
import { eventKind, staffCategory } from './programmes.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Дата в формате ГГГГ-ММ-ДД.' });
const optionalDate = isoDate.nullable();

export const partnershipKind = z.enum(['tutor', 'partnership']);
export const partnershipStatus = z.enum(['active', 'planned', 'ended', 'unmatched']);
const side = z.object({ id: z.string().nullable(), name: z.string(), municipalityName: z.string() });

export const partnership = z.object({
  id: uuidField,
  kind: partnershipKind,
  supporter: side,
  school: side,
  programme: z.object({ id: uuidField, title: z.string() }).nullable(),
  agreementNumber: z.string(),
  agreementDate: optionalDate,
  validFrom: optionalDate,
  validTo: optionalDate,
  obligations: z.string(),
  file: z.object({ name: z.string(), size: z.number() }).nullable(),
  status: partnershipStatus,
  version: z.number(),
});
export type PartnershipDto = z.infer<typeof partnership>;
const partnershipFields = z.object({
  supporterId: uuidField,
  schoolId: uuidField,
  agreementNumber: optionalText('номер соглашения', 100),
  agreementDate: optionalDate,
  validFrom: optionalDate,
  validTo: optionalDate,
  obligations: optionalText('обязательства сторон', 10000),
});
export const partnershipInput = partnershipFields.extend({
  kind: partnershipKind,
  agreementNumber: partnershipFields.shape.agreementNumber.optional(),
  agreementDate: optionalDate.optional(),
  validFrom: optionalDate.optional(),
  validTo: optionalDate.optional(),
  obligations: partnershipFields.shape.obligations.optional(),
});
export const partnershipPatch = partnershipFields.partial().extend({ version: versionField });
export const partnershipQuery = pageQuery.extend({
  kind: partnershipKind.optional(),
  organisationId: uuidField.optional(),
  municipalityId: uuidField.optional(),
  programmeId: uuidField.optional(),
});

export const curatorAssignment = z.object({
  userId: uuidField,
  login: z.string(),
  fullName: z.string(),
  curatorOrganisation: z.string(),
  organisationId: uuidField,
  organisationName: z.string(),
  municipalityName: z.string(),
  orderNumber: z.string(),
  orderDate: optionalDate,
  basis: z.string(),
  createdAt: isoDateTime,
});
export type CuratorAssignmentDto = z.infer<typeof curatorAssignment>;
export const curatorAssignmentInput = z.object({
  userId: uuidField,
  organisationIds: z.array(uuidField).min(1, { error: 'Выберите школы.' }).max(500),
  orderNumber: requiredText('номер приказа', 100),
  orderDate: isoDate,
  basis: optionalText('основание', 1000).optional(),
});
export const curatorAssignmentQuery = z.object({
  userId: uuidField.optional(),
  organisationId: uuidField.optional(),
  municipalityId: uuidField.optional(),
});
export const curatorOption = z.object({
  userId: uuidField,
  login: z.string(),
  fullName: z.string(),
  organisationName: z.string(),
  schools: z.number(),
});

export const groupKind = z.enum(['mobile-group', 'network', 'platform']);
export const groupMember = z.object({
  id: uuidField,
  organisationId: z.string().nullable(),
  organisationName: z.string(),
  personId: z.string().nullable(),
  personName: z.string(),
  position: z.string(),
  role: z.string(),
});
export const supportGroup = z.object({
  id: uuidField,
  kind: groupKind,
  name: z.string(),
  description: z.string(),
  basis: z.string(),
  municipalityId: z.string().nullable(),
  municipalityName: z.string(),
  members: z.array(groupMember),
  version: z.number(),
});
export type SupportGroupDto = z.infer<typeof supportGroup>;
const groupFields = z.object({
  kind: groupKind,
  name: requiredText('название', 300),
  description: optionalText('описание', 5000),
  basis: optionalText('основание (приказ)', 1000),
  municipalityId: uuidField.nullable(),
});
export const supportGroupInput = groupFields.extend({
  regionId: uuidField,
  description: groupFields.shape.description.optional(),
  basis: groupFields.shape.basis.optional(),
  municipalityId: uuidField.nullable().optional(),
});
export const supportGroupPatch = groupFields.partial().extend({ version: versionField });
export const groupMemberInput = z
  .object({
    organisationId: uuidField.nullable().optional(),
    personId: uuidField.nullable().optional(),
    role: optionalText('роль', 300).optional(),
  })
  .refine((m) => m.organisationId || m.personId, { error: 'Выберите организацию или сотрудника.' });

/** What an organisation's card shows of the network: both sides of pairs and agreements, curators, groups. */
export const organisationNetwork = z.object({
  supportedBy: z.array(partnership),
  supports: z.array(partnership),
  curators: z.array(curatorAssignment),
  groups: z.array(supportGroup.pick({ id: true, kind: true, name: true, municipalityName: true })),
});

// ——— events

export const eventStatus = z.enum(['planned', 'held', 'cancelled']);
export const audienceSchools = z.enum(['programme', 'chosen', 'territory']);
export const audience = z.object({
  categories: z.array(staffCategory).max(5),
  subjects: z.array(z.string().trim().min(1).max(100)).max(30),
  schools: audienceSchools,
  organisationIds: z.array(uuidField).max(2000),
});
export type AudienceDto = z.infer<typeof audience>;

export const eventCounts = z.object({ audience: z.number(), registered: z.number(), attended: z.number() });
export const event = z.object({
  id: uuidField,
  kind: eventKind,
  topic: z.string(),
  dateText: z.string(),
  windowStart: isoDate,
  windowEnd: isoDate,
  startsAt: isoDateTime.nullable(),
  endsAt: isoDateTime.nullable(),
  /** The region's IANA zone: times are shown as the region's clocks show them. */
  timezone: z.string(),
  place: z.string(),
  link: z.string(),
  responsible: z.string(),
  links: z.array(z.object({ kind: z.enum(['organisation', 'person']), id: z.string(), label: z.string() })),
  audience,
  status: eventStatus,
  programme: z.object({ id: uuidField, title: z.string() }).nullable(),
  activity: z.object({ id: uuidField, number: z.string() }).nullable(),
  regionId: uuidField,
  municipalityId: z.string().nullable(),
  organisationId: z.string().nullable(),
  organiserName: z.string(),
  counts: eventCounts,
  version: z.number(),
});
export type EventDto = z.infer<typeof event>;

const eventFields = z.object({
  kind: eventKind,
  topic: requiredText('тема', 2000),
  dateText: optionalText('дата как в плане', 200),
  windowStart: isoDate,
  windowEnd: isoDate,
  startsAt: isoDateTime.nullable(),
  endsAt: isoDateTime.nullable(),
  place: optionalText('место', 1000),
  link: optionalText('ссылка', 2000),
  responsible: optionalText('ответственные', 2000),
  audience,
  status: eventStatus,
  activityId: uuidField.nullable(),
});
export const eventInput = eventFields.extend({
  /** The organiser's place: a region, a municipality or an organisation of the region. */
  regionId: uuidField,
  municipalityId: uuidField.nullable().optional(),
  organisationId: uuidField.nullable().optional(),
  programmeId: uuidField.nullable().optional(),
  dateText: eventFields.shape.dateText.optional(),
  startsAt: isoDateTime.nullable().optional(),
  endsAt: isoDateTime.nullable().optional(),
  place: eventFields.shape.place.optional(),
  link: eventFields.shape.link.optional(),
  responsible: eventFields.shape.responsible.optional(),
  audience: audience.optional(),
  status: eventStatus.optional(),
  activityId: uuidField.nullable().optional(),
});
export const eventPatch = eventFields.partial().extend({ version: versionField });
export const eventListQuery = pageQuery.extend({
  from: isoDate.optional(),
  to: isoDate.optional(),
  programmeId: uuidField.optional(),
  organisationId: uuidField.optional(),
  kind: eventKind.optional(),
  pageSize: z.coerce.number().int().min(1).max(1000).default(200),
});

export const participant = z.object({
  personId: uuidField,
  fullName: z.string(),
  position: z.string(),
  category: staffCategory,
  organisationId: z.string().nullable(),
  organisationName: z.string(),
  inAudience: z.boolean(),
  registered: z.boolean(),
  attended: z.boolean().nullable(),
});
export type ParticipantDto = z.infer<typeof participant>;
export const participantsView = z.object({
  eventId: uuidField,
  version: z.number(),
  counts: eventCounts,
  /** The audience's staff and anyone registered outside it. */
  participants: z.array(participant),
});
export const attendanceBody = z.object({
  version: versionField,
  marks: z
    .array(z.object({ personId: uuidField, attended: z.boolean().nullable(), registered: z.boolean().optional() }))
    .min(1)
    .max(5000),
});
export const registrationBody = z.object({ personIds: z.array(uuidField).min(1).max(2000) });
