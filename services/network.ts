// The support network: tutor pairs and partnership agreements between schools, curators assigned to schools
// by order, mobile groups and networks of strong schools. Each pair shows on both schools' cards; the pairs a
// programme document names are created when it is saved and matched to the region's organisations.
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CuratorAssignmentDto,
  curatorAssignmentInput,
  curatorAssignmentQuery,
  groupMemberInput,
  PartnershipDto,
  partnershipInput,
  partnershipPatch,
  partnershipQuery,
  SupportGroupDto,
  supportGroupInput,
  supportGroupPatch,
} from '../contract/network.ts';
import { DomainError, denied, notFound } from '../domain/errors.ts';
import { organisationNamed, partnershipKindLabels, partnershipStatus } from '../domain/network/partnership.ts';
import type { KnownEntities } from '../domain/programme/link-responsible.ts';
import type { Place } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import {
  curatorAssignmentRows,
  type GroupRow,
  groupRows,
  type PartnershipRow,
  partnershipRows,
} from '../storage/network-repo.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import { getPerson } from '../storage/people-repo.ts';
import type { Appendices } from '../storage/programmes-repo.ts';
import {
  curatorAssignments,
  schoolPartnerships,
  supportGroupMembers,
  supportGroups,
  users,
} from '../storage/schema.ts';
import { removeStoredFiles, storedFileContent } from '../storage/stored-files-repo.ts';
import { deleteVersioned, updateVersioned } from '../storage/versioned.ts';
import {
  audit,
  inTransaction,
  requireInRegion,
  requirePermission,
  type ServiceContext,
  scope,
  staleWrite,
} from './context.ts';
import { type EvidenceFileInput, regionToday, storeCheckedFile, type UploadWording } from './execution.ts';

const invalid = (field: string, message: string) =>
  new DomainError('validation.failed', message, { problems: [{ field, message }] });

const placeOfOrganisation = (o: { regionId: string; municipalityId: string | null; id: string }): Place => ({
  regionId: o.regionId,
  municipalityId: o.municipalityId,
  organisationId: o.id,
});

function partnershipDto(r: PartnershipRow, today: string): PartnershipDto {
  return {
    id: r.id,
    kind: r.kind as PartnershipDto['kind'],
    supporter: { id: r.supporterId, name: r.supporterName, municipalityName: r.supporterMunicipality },
    school: { id: r.schoolId, name: r.schoolName, municipalityName: r.schoolMunicipality },
    programme: r.programmeId && r.programmeTitle ? { id: r.programmeId, title: r.programmeTitle } : null,
    agreementNumber: r.agreementNumber,
    agreementDate: r.agreementDate,
    validFrom: r.validFrom,
    validTo: r.validTo,
    obligations: r.obligations,
    file: r.fileId && r.fileName ? { name: r.fileName, size: r.fileSize ?? 0 } : null,
    status: partnershipStatus(r, today),
    version: r.version,
  };
}

async function partnershipDtos(ctx: ServiceContext, rows: PartnershipRow[]): Promise<PartnershipDto[]> {
  const todays = new Map<string, string>();
  const out: PartnershipDto[] = [];
  for (const r of rows) {
    if (!todays.has(r.regionId)) todays.set(r.regionId, await regionToday(ctx.db, ctx, r.regionId));
    out.push(partnershipDto(r, todays.get(r.regionId)!));
  }
  return out;
}

export async function listPartnerships(
  ctx: ServiceContext,
  q: z.infer<typeof partnershipQuery>,
): Promise<{ items: PartnershipDto[]; total: number; page: number; pageSize: number }> {
  requirePermission(ctx, 'organisation.read');
  const rows = await partnershipRows(ctx.db, scope(ctx), q);
  const filtered = q.q
    ? rows.filter((r) => `${r.supporterName} ${r.schoolName}`.toLowerCase().includes(q.q!.toLowerCase()))
    : rows;
  const pageRows = filtered.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
  return { items: await partnershipDtos(ctx, pageRows), total: filtered.length, page: q.page, pageSize: q.pageSize };
}

async function partnershipFor(ex: Executor, id: string): Promise<PartnershipRow> {
  const [r] = await partnershipRows(ex, { kind: 'all' }, { id });
  if (!r) throw notFound('Пара школ');
  return r;
}

/** The supported school decides where a pair is kept: the region, or the municipality of that school. */
async function schoolSide(ex: Executor, id: string, field: string, regionId?: string) {
  const o = await getOrganisation(ex, id);
  if (!o || (regionId && o.regionId !== regionId)) throw invalid(field, 'Выберите школу этого региона.');
  if (o.kind !== 'school') throw invalid(field, `«${o.shortName}» — не школа: выберите школу.`);
  return o;
}

const partnershipLabels = {
  supporterId: 'Школа-тьютор (лидер)',
  schoolId: 'Школа',
  agreementNumber: 'Номер соглашения',
  agreementDate: 'Дата соглашения',
  validFrom: 'Действует с',
  validTo: 'Действует по',
  obligations: 'Обязательства сторон',
};

function checkDates(v: { validFrom?: string | null; validTo?: string | null }) {
  if (v.validFrom && v.validTo && v.validTo < v.validFrom)
    throw invalid('validTo', 'Дата окончания действия раньше даты начала.');
}

export async function createPartnership(
  ctx: ServiceContext,
  input: z.infer<typeof partnershipInput>,
): Promise<PartnershipDto> {
  requirePermission(ctx, 'network.write');
  const id = await inTransaction(ctx, async (tx) => {
    const school = await schoolSide(tx, input.schoolId, 'schoolId');
    requirePermission(ctx, 'network.write', placeOfOrganisation(school));
    const supporter = await schoolSide(tx, input.supporterId, 'supporterId', school.regionId);
    if (supporter.id === school.id) throw invalid('supporterId', 'Школа не может быть тьютором самой себе.');
    checkDates(input);
    const [exists] = await tx
      .select({ id: schoolPartnerships.id })
      .from(schoolPartnerships)
      .where(
        and(
          eq(schoolPartnerships.kind, input.kind),
          eq(schoolPartnerships.supporterId, supporter.id),
          eq(schoolPartnerships.schoolId, school.id),
        ),
      );
    if (exists)
      throw new DomainError(
        'conflict.duplicate',
        `Такая пара уже есть: ${supporter.shortName} — ${school.shortName} (${partnershipKindLabels[input.kind]}).`,
      );
    const values = {
      regionId: school.regionId,
      kind: input.kind,
      supporterId: supporter.id,
      supporterName: supporter.shortName,
      schoolId: school.id,
      schoolName: school.shortName,
      agreementNumber: input.agreementNumber ?? '',
      agreementDate: input.agreementDate ?? null,
      validFrom: input.validFrom ?? null,
      validTo: input.validTo ?? null,
      obligations: input.obligations ?? '',
    };
    const [row] = await tx.insert(schoolPartnerships).values(values).returning({ id: schoolPartnerships.id });
    await audit(tx, ctx, {
      regionId: school.regionId,
      action: 'create',
      entity: 'school_partnership',
      entityId: row!.id,
      summary: `${partnershipKindLabels[input.kind][0]!.toUpperCase()}${partnershipKindLabels[input.kind].slice(1)}: ${supporter.shortName} — ${school.shortName}`,
      after: { ...values, version: 1 },
    });
    return row!.id;
  });
  return (await partnershipDtos(ctx, [await partnershipFor(ctx.db, id)]))[0]!;
}

export async function updatePartnership(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof partnershipPatch>,
): Promise<PartnershipDto> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const before = await partnershipFor(tx, id);
    const { version, ...fields } = patch;
    // The place is checked on the school as it is, and as it will be when the school is matched or changed.
    const schoolId = fields.schoolId ?? before.schoolId;
    const school = schoolId ? await schoolSide(tx, schoolId, 'schoolId', before.regionId) : null;
    requirePermission(
      ctx,
      'network.write',
      school ? placeOfOrganisation(school) : { regionId: before.regionId, municipalityId: null, organisationId: null },
    );
    if (before.schoolId && before.schoolId !== schoolId) {
      const old = (await getOrganisation(tx, before.schoolId))!;
      requirePermission(ctx, 'network.write', placeOfOrganisation(old));
    }
    const supporter = fields.supporterId
      ? await schoolSide(tx, fields.supporterId, 'supporterId', before.regionId)
      : null;
    if (supporter && school && supporter.id === school.id)
      throw invalid('supporterId', 'Школа не может быть тьютором самой себе.');
    checkDates({ validFrom: fields.validFrom ?? before.validFrom, validTo: fields.validTo ?? before.validTo });
    const values = {
      ...fields,
      ...(supporter && { supporterName: supporter.shortName }),
      ...(fields.schoolId && school && { schoolName: school.shortName }),
    };
    if (!(await updateVersioned(tx, schoolPartnerships, id, version, values)))
      throw await staleWrite(tx, 'school_partnership', id, version, partnershipLabels);
    const after = await partnershipFor(tx, id);
    const snapshot = (r: PartnershipRow) => ({
      supporterId: r.supporterId,
      schoolId: r.schoolId,
      agreementNumber: r.agreementNumber,
      agreementDate: r.agreementDate,
      validFrom: r.validFrom,
      validTo: r.validTo,
      obligations: r.obligations,
      version: r.version,
    });
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'update',
      entity: 'school_partnership',
      entityId: id,
      summary: `Изменена пара ${after.supporterName} — ${after.schoolName}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
  return (await partnershipDtos(ctx, [await partnershipFor(ctx.db, id)]))[0]!;
}

export async function deletePartnership(ctx: ServiceContext, id: string, version: number): Promise<void> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const before = await partnershipFor(tx, id);
    const school = before.schoolId ? await getOrganisation(tx, before.schoolId) : null;
    requirePermission(
      ctx,
      'network.write',
      school ? placeOfOrganisation(school) : { regionId: before.regionId, municipalityId: null, organisationId: null },
    );
    if (!(await deleteVersioned(tx, schoolPartnerships, id, version)))
      throw await staleWrite(tx, 'school_partnership', id, version, partnershipLabels);
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'delete',
      entity: 'school_partnership',
      entityId: id,
      summary: `Удалена пара ${before.supporterName} — ${before.schoolName}`,
      before: { supporterId: before.supporterId, schoolId: before.schoolId, kind: before.kind },
    });
  });
}

/**
 * The tutor pairs a saved programme names, matched to the region's organisations by their whole names; a
 * name matching none (or two) is kept as written for the user to match on the network page. Pairs added
 * to the programme later are added too; pairs already made keep their matching and agreement.
 */
export async function pairsFromProgramme(
  tx: Executor,
  p: { id: string; regionId: string; tutorPairs: Appendices['tutorPairs'] },
  known: KnownEntities,
): Promise<number> {
  const existing = await tx
    .select({ supporterName: schoolPartnerships.supporterName, schoolName: schoolPartnerships.schoolName })
    .from(schoolPartnerships)
    .where(eq(schoolPartnerships.programmeId, p.id));
  const fresh = p.tutorPairs.filter(
    (t) => !existing.some((e) => e.supporterName === t.tutor && e.schoolName === t.school),
  );
  if (fresh.length === 0) return 0;
  await tx.insert(schoolPartnerships).values(
    fresh.map((t) => ({
      regionId: p.regionId,
      kind: 'tutor',
      supporterId: organisationNamed(t.tutor, known),
      supporterName: t.tutor,
      schoolId: organisationNamed(t.school, known),
      schoolName: t.school,
      programmeId: p.id,
    })),
  );
  return fresh.length;
}

const agreementWording: UploadWording = { role: 'документом соглашения', tooLarge: 'уменьшите его' };

/** Attaches the signed agreement (a scan or the document), replacing the previous one; null removes it. */
export async function setPartnershipFile(
  ctx: ServiceContext,
  id: string,
  version: number,
  file: EvidenceFileInput | null,
): Promise<PartnershipDto> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const before = await partnershipFor(tx, id);
    const school = before.schoolId ? await getOrganisation(tx, before.schoolId) : null;
    requirePermission(
      ctx,
      'network.write',
      school ? placeOfOrganisation(school) : { regionId: before.regionId, municipalityId: null, organisationId: null },
    );
    if (!file && !before.fileId) throw new DomainError('not_found', 'У соглашения нет приложенного документа.');
    const stored = file ? await storeCheckedFile(tx, ctx, before.regionId, file, agreementWording) : null;
    if (!(await updateVersioned(tx, schoolPartnerships, id, version, { fileId: stored?.id ?? null })))
      throw await staleWrite(tx, 'school_partnership', id, version, partnershipLabels);
    if (before.fileId) await removeStoredFiles(tx, [before.fileId]);
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'update',
      entity: 'school_partnership',
      entityId: id,
      summary: stored
        ? `К соглашению ${before.supporterName} — ${before.schoolName} приложен документ «${stored.name}»`
        : `У соглашения ${before.supporterName} — ${before.schoolName} удалён документ`,
      before: { file: before.fileName, version: before.version },
      after: { file: stored?.name ?? null, version: before.version + 1 },
    });
  });
  return (await partnershipDtos(ctx, [await partnershipFor(ctx.db, id)]))[0]!;
}

export async function partnershipFile(
  ctx: ServiceContext,
  id: string,
): Promise<{ name: string; mediaType: string; bytes: Uint8Array }> {
  requirePermission(ctx, 'organisation.read');
  const [r] = await partnershipRows(ctx.db, scope(ctx), { id });
  if (!r) {
    await partnershipFor(ctx.db, id);
    throw denied('Соглашение относится к другой территории: доступ запрещён.');
  }
  const bytes = r.fileId ? await storedFileContent(ctx.db, r.fileId) : null;
  if (!bytes || !r.fileName) throw new DomainError('not_found', 'У соглашения нет приложенного документа.');
  return { name: r.fileName, mediaType: r.fileMediaType ?? 'application/octet-stream', bytes };
}

// ——— curators assigned by order

const assignmentDto = (r: Awaited<ReturnType<typeof curatorAssignmentRows>>[number]): CuratorAssignmentDto => ({
  userId: r.userId,
  login: r.login,
  fullName: r.fullName,
  curatorOrganisation: r.curatorOrganisation,
  organisationId: r.organisationId,
  organisationName: r.organisationName,
  municipalityName: r.municipalityName,
  orderNumber: r.orderNumber,
  orderDate: r.orderDate,
  basis: r.basis,
  createdAt: r.createdAt.toISOString(),
});

export async function listCuratorAssignments(
  ctx: ServiceContext,
  q: z.infer<typeof curatorAssignmentQuery>,
): Promise<CuratorAssignmentDto[]> {
  requirePermission(ctx, 'organisation.read');
  return (await curatorAssignmentRows(ctx.db, scope(ctx), q)).map(assignmentDto);
}

/** Curators of the actor's region with how many schools each has (for choosing whom to assign). */
export async function listCurators(ctx: ServiceContext, regionId: string) {
  // Municipalities assign the region's curators to their own schools, so they list them too.
  requireInRegion(ctx, 'network.write', regionId);
  const curators = await ctx.db
    .select({ userId: users.id, login: users.login, fullName: users.fullName, organisationId: users.organisationId })
    .from(users)
    .where(and(eq(users.regionId, regionId), eq(users.role, 'curator'), eq(users.status, 'active')));
  const assignments = await curatorAssignmentRows(ctx.db, { kind: 'region', regionId }, {});
  const orgNames = new Map<string, string>();
  for (const c of curators)
    if (c.organisationId && !orgNames.has(c.organisationId))
      orgNames.set(c.organisationId, (await getOrganisation(ctx.db, c.organisationId))?.shortName ?? '');
  return curators
    .map((c) => ({
      userId: c.userId,
      login: c.login,
      fullName: c.fullName,
      organisationName: c.organisationId ? (orgNames.get(c.organisationId) ?? '') : '',
      schools: assignments.filter((a) => a.userId === c.userId).length,
    }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'ru'));
}

/** Assigns a curator to schools by an order; schools already assigned to them get the new order. */
export async function assignCurator(
  ctx: ServiceContext,
  input: z.infer<typeof curatorAssignmentInput>,
): Promise<CuratorAssignmentDto[]> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const [curator] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (curator?.role !== 'curator' || !curator.regionId) throw invalid('userId', 'Выберите учётную запись куратора.');
    const records = [];
    for (const organisationId of new Set(input.organisationIds)) {
      const school = await schoolSide(tx, organisationId, 'organisationIds', curator.regionId);
      requirePermission(ctx, 'network.write', placeOfOrganisation(school));
      const values = {
        regionId: school.regionId,
        userId: curator.id,
        organisationId: school.id,
        orderNumber: input.orderNumber,
        orderDate: input.orderDate,
        basis: input.basis ?? '',
      };
      await tx
        .insert(curatorAssignments)
        .values(values)
        .onConflictDoUpdate({
          target: [curatorAssignments.userId, curatorAssignments.organisationId],
          set: { orderNumber: values.orderNumber, orderDate: values.orderDate, basis: values.basis },
        });
      records.push({
        regionId: school.regionId,
        action: 'create' as const,
        entity: 'curator_assignment',
        entityId: `${curator.id}:${school.id}`,
        summary: `Куратор ${curator.fullName} закреплён за ${school.shortName} (приказ № ${input.orderNumber})`,
        after: values,
      });
    }
    await audit(tx, ctx, records);
  });
  return (await curatorAssignmentRows(ctx.db, scope(ctx), { userId: input.userId })).map(assignmentDto);
}

export async function unassignCurator(ctx: ServiceContext, userId: string, organisationId: string): Promise<void> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const [row] = await curatorAssignmentRows(tx, { kind: 'all' }, { userId, organisationId });
    if (!row) throw notFound('Закрепление куратора');
    const school = (await getOrganisation(tx, organisationId))!;
    requirePermission(ctx, 'network.write', placeOfOrganisation(school));
    await tx
      .delete(curatorAssignments)
      .where(and(eq(curatorAssignments.userId, userId), eq(curatorAssignments.organisationId, organisationId)));
    await audit(tx, ctx, {
      regionId: row.regionId,
      action: 'delete',
      entity: 'curator_assignment',
      entityId: `${userId}:${organisationId}`,
      summary: `Куратор ${row.fullName} откреплён от ${row.organisationName}`,
      before: { userId, organisationId, orderNumber: row.orderNumber, orderDate: row.orderDate },
    });
  });
}

// ——— mobile groups, networks and methodical platforms

const groupDto = (g: GroupRow): SupportGroupDto => ({
  id: g.id,
  kind: g.kind as SupportGroupDto['kind'],
  name: g.name,
  description: g.description,
  basis: g.basis,
  municipalityId: g.municipalityId,
  municipalityName: g.municipalityName,
  members: g.members,
  version: g.version,
});

export async function listGroups(
  ctx: ServiceContext,
  q: { kind?: string; organisationId?: string; regionId?: string },
): Promise<SupportGroupDto[]> {
  requirePermission(ctx, 'organisation.read');
  return (await groupRows(ctx.db, scope(ctx), q)).map(groupDto);
}

async function groupFor(ex: Executor, id: string): Promise<GroupRow> {
  const [g] = await groupRows(ex, { kind: 'all' }, { id });
  if (!g) throw notFound('Группа');
  return g;
}

const groupPlace = (g: { regionId: string; municipalityId: string | null }): Place => ({
  regionId: g.regionId,
  municipalityId: g.municipalityId,
  organisationId: null,
});

export async function getGroup(ctx: ServiceContext, id: string): Promise<SupportGroupDto> {
  requirePermission(ctx, 'organisation.read');
  const [g] = await groupRows(ctx.db, scope(ctx), { id });
  if (!g) throw notFound('Группа');
  return groupDto(g);
}

const groupLabels = { name: 'Название', description: 'Описание', basis: 'Основание', kind: 'Вид' };

export async function createGroup(
  ctx: ServiceContext,
  input: z.infer<typeof supportGroupInput>,
): Promise<SupportGroupDto> {
  requirePermission(ctx, 'network.write');
  const id = await inTransaction(ctx, async (tx) => {
    const municipalityId = input.municipalityId ?? null;
    requirePermission(ctx, 'network.write', { regionId: input.regionId, municipalityId, organisationId: null });
    const values = {
      regionId: input.regionId,
      municipalityId,
      kind: input.kind,
      name: input.name,
      description: input.description ?? '',
      basis: input.basis ?? '',
    };
    const [row] = await tx.insert(supportGroups).values(values).returning({ id: supportGroups.id });
    await audit(tx, ctx, {
      regionId: input.regionId,
      action: 'create',
      entity: 'support_group',
      entityId: row!.id,
      summary: `Создана группа «${input.name}»`,
      after: { ...values, version: 1 },
    });
    return row!.id;
  });
  return groupDto(await groupFor(ctx.db, id));
}

export async function updateGroup(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof supportGroupPatch>,
): Promise<SupportGroupDto> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const before = await groupFor(tx, id);
    requirePermission(ctx, 'network.write', groupPlace(before));
    const { version, ...fields } = patch;
    if (fields.municipalityId !== undefined)
      requirePermission(
        ctx,
        'network.write',
        groupPlace({ regionId: before.regionId, municipalityId: fields.municipalityId }),
      );
    if (!(await updateVersioned(tx, supportGroups, id, version, fields)))
      throw await staleWrite(tx, 'support_group', id, version, groupLabels);
    const after = await groupFor(tx, id);
    const snap = (g: GroupRow) => ({
      name: g.name,
      kind: g.kind,
      description: g.description,
      basis: g.basis,
      version: g.version,
    });
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'update',
      entity: 'support_group',
      entityId: id,
      summary: `Изменена группа «${after.name}»`,
      before: snap(before),
      after: snap(after),
    });
  });
  return groupDto(await groupFor(ctx.db, id));
}

export async function deleteGroup(ctx: ServiceContext, id: string, version: number): Promise<void> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const before = await groupFor(tx, id);
    requirePermission(ctx, 'network.write', groupPlace(before));
    if (!(await deleteVersioned(tx, supportGroups, id, version)))
      throw await staleWrite(tx, 'support_group', id, version, groupLabels);
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'delete',
      entity: 'support_group',
      entityId: id,
      summary: `Удалена группа «${before.name}» (участников: ${before.members.length})`,
      before: { name: before.name, kind: before.kind, members: before.members.length },
    });
  });
}

export async function addGroupMember(
  ctx: ServiceContext,
  groupId: string,
  input: z.infer<typeof groupMemberInput>,
): Promise<SupportGroupDto> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const g = await groupFor(tx, groupId);
    requirePermission(ctx, 'network.write', groupPlace(g));
    let label = '';
    if (input.personId) {
      const person = await getPerson(tx, input.personId);
      if (!person || person.regionId !== g.regionId) throw invalid('personId', 'Выберите сотрудника этого региона.');
      label = person.fullName;
    }
    if (input.organisationId) {
      const o = await getOrganisation(tx, input.organisationId);
      if (!o || o.regionId !== g.regionId) throw invalid('organisationId', 'Выберите организацию этого региона.');
      label = label ? `${label} (${o.shortName})` : o.shortName;
    }
    const values = {
      regionId: g.regionId,
      groupId,
      organisationId: input.organisationId ?? null,
      personId: input.personId ?? null,
      role: input.role ?? '',
    };
    const inserted = await tx
      .insert(supportGroupMembers)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: supportGroupMembers.id });
    if (inserted.length === 0) throw new DomainError('conflict.duplicate', `${label} уже в группе «${g.name}».`);
    await audit(tx, ctx, {
      regionId: g.regionId,
      action: 'create',
      entity: 'support_group_member',
      entityId: inserted[0]!.id,
      summary: `В группу «${g.name}» добавлен(а) ${label}`,
      after: values,
    });
  });
  return groupDto(await groupFor(ctx.db, groupId));
}

export async function removeGroupMember(
  ctx: ServiceContext,
  groupId: string,
  memberId: string,
): Promise<SupportGroupDto> {
  requirePermission(ctx, 'network.write');
  await inTransaction(ctx, async (tx) => {
    const g = await groupFor(tx, groupId);
    requirePermission(ctx, 'network.write', groupPlace(g));
    const member = g.members.find((m) => m.id === memberId);
    if (!member) throw notFound('Участник группы');
    await tx.delete(supportGroupMembers).where(eq(supportGroupMembers.id, memberId));
    await audit(tx, ctx, {
      regionId: g.regionId,
      action: 'delete',
      entity: 'support_group_member',
      entityId: memberId,
      summary: `Из группы «${g.name}» исключён(а) ${member.personName || member.organisationName}`,
      before: member,
    });
  });
  return groupDto(await groupFor(ctx.db, groupId));
}

/** An organisation's card: whom it is supported by, whom it supports, its curators and groups. */
export async function organisationNetwork(ctx: ServiceContext, organisationId: string) {
  requirePermission(ctx, 'organisation.read');
  const o = await getOrganisation(ctx.db, organisationId);
  if (!o) throw notFound('Организация');
  requirePermission(ctx, 'organisation.read', placeOfOrganisation(o));
  const pairs = await partnershipDtos(ctx, await partnershipRows(ctx.db, { kind: 'all' }, { organisationId }));
  return {
    supportedBy: pairs.filter((p) => p.school.id === organisationId),
    supports: pairs.filter((p) => p.supporter.id === organisationId),
    curators: (await curatorAssignmentRows(ctx.db, { kind: 'all' }, { organisationId })).map(assignmentDto),
    groups: (await groupRows(ctx.db, { kind: 'all' }, { organisationId })).map((g) => ({
      id: g.id,
      kind: g.kind as SupportGroupDto['kind'],
      name: g.name,
      municipalityName: g.municipalityName,
    })),
  };
}
