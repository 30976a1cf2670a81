// The support network read with the names people know it by: tutor pairs and agreements with both schools,
// curators' assignments, groups and their members. A pair is inside a scope when either school is.
import { and, asc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import type { Scope } from '../domain/roles.ts';
import type { Executor } from './database.ts';
import {
  curatorAssignments,
  municipalities,
  organisations,
  people,
  programmes,
  schoolPartnerships,
  storedFiles,
  supportGroupMembers,
  supportGroups,
  users,
} from './schema.ts';
import { scopeCondition } from './scope-filter.ts';

const sup = alias(organisations, 'sup');
const sch = alias(organisations, 'sch');
const supM = alias(municipalities, 'sup_m');
const schM = alias(municipalities, 'sch_m');

/** Inside the scope when either side is (both sides are schools of the pair's region). */
function pairScope(scope: Scope): SQL | undefined {
  const side = (o: { regionId: PgColumn; municipalityId: PgColumn; id: PgColumn }) =>
    scopeCondition(scope, { region: o.regionId, municipality: o.municipalityId, organisation: o.id });
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'none') return sql`false`;
  if (scope.kind === 'region') return eq(schoolPartnerships.regionId, scope.regionId);
  return or(side(sup), side(sch));
}

export interface PartnershipFilter {
  id?: string;
  kind?: 'tutor' | 'partnership';
  organisationId?: string;
  municipalityId?: string;
  programmeId?: string;
  regionId?: string;
}

export async function partnershipRows(ex: Executor, scope: Scope, f: PartnershipFilter) {
  const where = and(
    pairScope(scope),
    f.id ? eq(schoolPartnerships.id, f.id) : undefined,
    f.kind ? eq(schoolPartnerships.kind, f.kind) : undefined,
    f.regionId ? eq(schoolPartnerships.regionId, f.regionId) : undefined,
    f.programmeId ? eq(schoolPartnerships.programmeId, f.programmeId) : undefined,
    f.organisationId
      ? or(eq(schoolPartnerships.supporterId, f.organisationId), eq(schoolPartnerships.schoolId, f.organisationId))
      : undefined,
    f.municipalityId
      ? or(eq(sup.municipalityId, f.municipalityId), eq(sch.municipalityId, f.municipalityId))
      : undefined,
  );
  return ex
    .select({
      id: schoolPartnerships.id,
      regionId: schoolPartnerships.regionId,
      kind: schoolPartnerships.kind,
      supporterId: schoolPartnerships.supporterId,
      supporterName: sql<string>`coalesce(${sup.shortName}, ${schoolPartnerships.supporterName})`,
      supporterMunicipality: sql<string>`coalesce(${supM.name}, '')`,
      supporterMunicipalityId: sup.municipalityId,
      schoolId: schoolPartnerships.schoolId,
      schoolName: sql<string>`coalesce(${sch.shortName}, ${schoolPartnerships.schoolName})`,
      schoolMunicipality: sql<string>`coalesce(${schM.name}, '')`,
      schoolMunicipalityId: sch.municipalityId,
      programmeId: schoolPartnerships.programmeId,
      programmeTitle: programmes.title,
      agreementNumber: schoolPartnerships.agreementNumber,
      agreementDate: schoolPartnerships.agreementDate,
      validFrom: schoolPartnerships.validFrom,
      validTo: schoolPartnerships.validTo,
      obligations: schoolPartnerships.obligations,
      fileId: schoolPartnerships.fileId,
      fileName: storedFiles.name,
      fileMediaType: storedFiles.mediaType,
      fileSize: storedFiles.size,
      version: schoolPartnerships.version,
    })
    .from(schoolPartnerships)
    .leftJoin(sup, eq(sup.id, schoolPartnerships.supporterId))
    .leftJoin(supM, eq(supM.id, sup.municipalityId))
    .leftJoin(sch, eq(sch.id, schoolPartnerships.schoolId))
    .leftJoin(schM, eq(schM.id, sch.municipalityId))
    .leftJoin(programmes, eq(programmes.id, schoolPartnerships.programmeId))
    .leftJoin(storedFiles, eq(storedFiles.id, schoolPartnerships.fileId))
    .where(where)
    .orderBy(
      asc(schoolPartnerships.kind),
      asc(sql`coalesce(${sch.shortName}, ${schoolPartnerships.schoolName})`),
      asc(schoolPartnerships.id),
    );
}
export type PartnershipRow = Awaited<ReturnType<typeof partnershipRows>>[number];

const curatorOrg = alias(organisations, 'curator_org');

export async function curatorAssignmentRows(
  ex: Executor,
  scope: Scope,
  f: { userId?: string; organisationId?: string; municipalityId?: string },
) {
  return ex
    .select({
      userId: curatorAssignments.userId,
      login: users.login,
      fullName: users.fullName,
      curatorOrganisation: sql<string>`coalesce(${curatorOrg.shortName}, '')`,
      organisationId: curatorAssignments.organisationId,
      organisationName: organisations.shortName,
      municipalityId: organisations.municipalityId,
      municipalityName: sql<string>`coalesce(${municipalities.name}, '')`,
      regionId: curatorAssignments.regionId,
      orderNumber: curatorAssignments.orderNumber,
      orderDate: curatorAssignments.orderDate,
      basis: curatorAssignments.basis,
      createdAt: curatorAssignments.createdAt,
    })
    .from(curatorAssignments)
    .innerJoin(users, eq(users.id, curatorAssignments.userId))
    .innerJoin(organisations, eq(organisations.id, curatorAssignments.organisationId))
    .leftJoin(municipalities, eq(municipalities.id, organisations.municipalityId))
    .leftJoin(curatorOrg, eq(curatorOrg.id, users.organisationId))
    .where(
      and(
        scopeCondition(scope, {
          region: organisations.regionId,
          municipality: organisations.municipalityId,
          organisation: organisations.id,
        }),
        f.userId ? eq(curatorAssignments.userId, f.userId) : undefined,
        f.organisationId ? eq(curatorAssignments.organisationId, f.organisationId) : undefined,
        f.municipalityId ? eq(organisations.municipalityId, f.municipalityId) : undefined,
      ),
    )
    .orderBy(asc(users.fullName), asc(organisations.shortName));
}

export async function groupRows(
  ex: Executor,
  scope: Scope,
  f: { id?: string; kind?: string; organisationId?: string; regionId?: string },
) {
  // A group is seen by its territory and by its members' schools.
  const memberOf = f.organisationId
    ? inArray(
        supportGroups.id,
        ex
          .select({ id: supportGroupMembers.groupId })
          .from(supportGroupMembers)
          .leftJoin(people, eq(people.id, supportGroupMembers.personId))
          .where(
            or(eq(supportGroupMembers.organisationId, f.organisationId), eq(people.organisationId, f.organisationId)),
          ),
      )
    : undefined;
  const inScope =
    scope.kind === 'organisation' || scope.kind === 'organisations'
      ? or(
          and(eq(supportGroups.regionId, scope.regionId), sql`${supportGroups.municipalityId} is null`),
          inArray(
            supportGroups.id,
            ex
              .select({ id: supportGroupMembers.groupId })
              .from(supportGroupMembers)
              .where(
                inArray(
                  supportGroupMembers.organisationId,
                  scope.kind === 'organisation' ? [scope.organisationId] : [...scope.organisationIds],
                ),
              ),
          ),
        )
      : scope.kind === 'municipality'
        ? and(
            eq(supportGroups.regionId, scope.regionId),
            or(sql`${supportGroups.municipalityId} is null`, eq(supportGroups.municipalityId, scope.municipalityId)),
          )
        : scopeCondition(scope, { region: supportGroups.regionId });
  const groups = await ex
    .select({
      id: supportGroups.id,
      regionId: supportGroups.regionId,
      kind: supportGroups.kind,
      name: supportGroups.name,
      description: supportGroups.description,
      basis: supportGroups.basis,
      municipalityId: supportGroups.municipalityId,
      municipalityName: sql<string>`coalesce(${municipalities.name}, '')`,
      version: supportGroups.version,
    })
    .from(supportGroups)
    .leftJoin(municipalities, eq(municipalities.id, supportGroups.municipalityId))
    .where(
      and(
        inScope,
        memberOf,
        f.id ? eq(supportGroups.id, f.id) : undefined,
        f.kind ? eq(supportGroups.kind, f.kind) : undefined,
        f.regionId ? eq(supportGroups.regionId, f.regionId) : undefined,
      ),
    )
    .orderBy(asc(supportGroups.kind), asc(supportGroups.name));
  const members =
    groups.length === 0
      ? []
      : await ex
          .select({
            id: supportGroupMembers.id,
            groupId: supportGroupMembers.groupId,
            organisationId: supportGroupMembers.organisationId,
            organisationName: sql<string>`coalesce(${organisations.shortName}, '')`,
            personId: supportGroupMembers.personId,
            personName: sql<string>`coalesce(${people.fullName}, '')`,
            position: sql<string>`coalesce(${people.position}, '')`,
            role: supportGroupMembers.role,
          })
          .from(supportGroupMembers)
          .leftJoin(people, eq(people.id, supportGroupMembers.personId))
          .leftJoin(
            organisations,
            eq(organisations.id, sql`coalesce(${supportGroupMembers.organisationId}, ${people.organisationId})`),
          )
          .where(
            inArray(
              supportGroupMembers.groupId,
              groups.map((g) => g.id),
            ),
          )
          .orderBy(asc(supportGroupMembers.createdAt));
  return groups.map((g) => ({
    ...g,
    members: members.filter((m) => m.groupId === g.id).map(({ groupId: _g, ...m }) => m),
  }));
}
export type GroupRow = Awaited<ReturnType<typeof groupRows>>[number];
