// Use cases for schools and support organisations.
import type { z } from 'zod';
import type { Organisation, organisationInput, organisationPatch } from '../contract/api.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { readOrganisationType } from '../domain/organisation-types.ts';
import type { Executor } from '../storage/database.ts';
import {
  findOrganisationByCode,
  getOrganisation,
  insertOrganisation,
  listOrganisations,
  type OrganisationFilter,
} from '../storage/organisations-repo.ts';
import { organisations } from '../storage/schema.ts';
import { getMunicipality } from '../storage/territories-repo.ts';
import { deleteVersioned, updateVersioned } from '../storage/versioned.ts';
import { audit, inTransaction, requirePermission, type ServiceContext, scope, staleWrite } from './context.ts';

export const organisationLabels: Record<string, string> = {
  code: 'Код',
  name: 'Полное наименование',
  shortName: 'Краткое наименование',
  type: 'Тип',
  municipalityId: 'Муниципалитет',
  urban: 'Городская/сельская',
  address: 'Адрес',
};

const placeOf = (o: Pick<Organisation, 'regionId' | 'municipalityId' | 'id'>) => ({
  regionId: o.regionId,
  municipalityId: o.municipalityId,
  organisationId: o.id,
});

export async function listOrganisationsFor(
  ctx: ServiceContext,
  f: OrganisationFilter & { page: number; pageSize: number },
) {
  requirePermission(ctx, 'organisation.read');
  const { items, total } = await listOrganisations(ctx.db, scope(ctx), f, f.pageSize, (f.page - 1) * f.pageSize);
  return { items, total, page: f.page, pageSize: f.pageSize };
}

export async function getOrganisationFor(ctx: ServiceContext, id: string): Promise<Organisation> {
  requirePermission(ctx, 'organisation.read');
  const o = await getOrganisation(ctx.db, id);
  if (!o) throw notFound('Организация');
  requirePermission(ctx, 'organisation.read', placeOf(o));
  return o;
}

function checkType(kind: 'school' | 'support', type: string): string {
  const t = readOrganisationType(type);
  if (!t || t.kind !== kind)
    throw new DomainError(
      'validation.failed',
      `Тип «${type}» не подходит для ${kind === 'school' ? 'школы' : 'организации поддержки'}.`,
      {
        problems: [{ field: 'type', message: 'Выберите тип из списка.' }],
      },
    );
  return t.type;
}

async function checkMunicipality(ex: Executor, regionId: string, municipalityId: string | null) {
  if (!municipalityId) return;
  const m = await getMunicipality(ex, municipalityId);
  if (!m || m.regionId !== regionId)
    throw new DomainError('validation.failed', 'Муниципалитет не относится к выбранному региону.', {
      problems: [{ field: 'municipalityId', message: 'Выберите муниципалитет этого региона.' }],
    });
}

export async function createOrganisation(
  ctx: ServiceContext,
  input: z.infer<typeof organisationInput>,
): Promise<Organisation> {
  // The new record will live in the input's territory: that is what the actor must be allowed to write.
  requirePermission(ctx, 'organisation.write', { regionId: input.regionId, municipalityId: input.municipalityId });
  const type = checkType(input.kind, input.type);
  return inTransaction(ctx, async (tx) => {
    await checkMunicipality(tx, input.regionId, input.municipalityId);
    if (await findOrganisationByCode(tx, input.regionId, input.code))
      throw new DomainError('conflict.duplicate', `Организация с кодом «${input.code}» уже есть в этом регионе.`);
    const id = await insertOrganisation(tx, { ...input, type, shortName: input.shortName || input.name });
    const created = (await getOrganisation(tx, id))!;
    await audit(tx, ctx, {
      regionId: created.regionId,
      action: 'create',
      entity: 'organisation',
      entityId: id,
      summary: `Создана организация «${created.shortName}»`,
      after: created,
    });
    return created;
  });
}

export async function updateOrganisation(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof organisationPatch>,
): Promise<Organisation> {
  return inTransaction(ctx, async (tx) => {
    const before = await getOrganisation(tx, id);
    if (!before) throw notFound('Организация');
    requirePermission(ctx, 'organisation.write', placeOf(before));
    const { version, ...changes } = patch;
    if (changes.type !== undefined) changes.type = checkType(before.kind, changes.type);
    if (changes.municipalityId !== undefined) {
      await checkMunicipality(tx, before.regionId, changes.municipalityId);
      // Moving a school to another municipality must stay inside the actor's territory.
      requirePermission(ctx, 'organisation.write', { ...placeOf(before), municipalityId: changes.municipalityId });
    }
    if (
      changes.code &&
      changes.code !== before.code &&
      (await findOrganisationByCode(tx, before.regionId, changes.code))
    )
      throw new DomainError('conflict.duplicate', `Организация с кодом «${changes.code}» уже есть в этом регионе.`);
    if (!(await updateVersioned(tx, organisations, id, version, changes)))
      throw await staleWrite(tx, 'organisation', id, version, organisationLabels);
    const after = (await getOrganisation(tx, id))!;
    await audit(tx, ctx, {
      regionId: after.regionId,
      action: 'update',
      entity: 'organisation',
      entityId: id,
      summary: `Изменена организация «${after.shortName}»`,
      before,
      after,
    });
    return after;
  });
}

export async function deleteOrganisation(ctx: ServiceContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await getOrganisation(tx, id);
    if (!before) throw notFound('Организация');
    requirePermission(ctx, 'organisation.write', placeOf(before));
    try {
      if (!(await deleteVersioned(tx, organisations, id, version)))
        throw await staleWrite(tx, 'organisation', id, version, organisationLabels);
    } catch (e) {
      if (isForeignKeyViolation(e))
        throw new DomainError(
          'conflict.in_use',
          'Организацию нельзя удалить: к ней привязаны сотрудники или учётные записи.',
        );
      throw e;
    }
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'delete',
      entity: 'organisation',
      entityId: id,
      summary: `Удалена организация «${before.shortName}»`,
      before,
    });
  });
}

/** PostgreSQL's foreign_key_violation, as both drivers report it (pg puts it on the cause). */
export function isForeignKeyViolation(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    if ((cur as { code?: unknown }).code === '23503') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
