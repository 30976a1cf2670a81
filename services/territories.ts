// Regions and municipalities, and the territory tree each actor sees.
import type { z } from 'zod';
import type { Municipality, municipalityInput, Region, regionInput, TerritoryTree } from '../contract/api.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { regionTimezones } from '../domain/organisation-types.ts';
import type { Scope } from '../domain/roles.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import { municipalities, regions } from '../storage/schema.ts';
import {
  countOrganisations,
  findMunicipality,
  findRegionByCode,
  getMunicipality,
  getRegion,
  insertMunicipality,
  insertRegion,
  listMunicipalities,
  listRegions,
} from '../storage/territories-repo.ts';
import { updateVersioned } from '../storage/versioned.ts';
import { audit, inTransaction, requirePermission, type ServiceContext, scope, staleWrite } from './context.ts';

/** The municipality an organisation-bound actor belongs to, so the tree can show its branch. */
async function visibleMunicipalityId(ctx: ServiceContext, s: Scope): Promise<string | null | undefined> {
  if (s.kind === 'municipality') return s.municipalityId;
  if (s.kind === 'organisation') return (await getOrganisation(ctx.db, s.organisationId))?.municipalityId ?? null;
  return undefined; // no restriction
}

export async function territoryTree(ctx: ServiceContext): Promise<TerritoryTree> {
  requirePermission(ctx, 'territory.read');
  const s = scope(ctx);
  if (s.kind === 'none') return [];
  const regionIds = s.kind === 'all' ? null : [s.regionId];
  const onlyMunicipality = await visibleMunicipalityId(ctx, s);
  const [rs, ms, counts] = await Promise.all([
    listRegions(ctx.db, regionIds ?? undefined),
    listMunicipalities(ctx.db, regionIds),
    countOrganisations(ctx.db, s),
  ]);
  const countOf = (regionId: string, municipalityId: string | null) =>
    counts.find((c) => c.regionId === regionId && c.municipalityId === municipalityId) ?? { schools: 0, others: 0 };
  return rs.map((r) => {
    const regional = countOf(r.id, null);
    return {
      ...r,
      municipalities: ms
        .filter((m) => m.regionId === r.id && (onlyMunicipality === undefined || m.id === onlyMunicipality))
        .map((m) => {
          const c = countOf(r.id, m.id);
          return { ...m, schools: c.schools, organisations: c.others };
        }),
      regionalOrganisations: regional.schools + regional.others,
    };
  });
}

export async function municipalitiesFor(ctx: ServiceContext, regionId?: string): Promise<Municipality[]> {
  const tree = await territoryTree(ctx);
  return tree
    .filter((r) => !regionId || r.id === regionId)
    .flatMap((r) => r.municipalities.map(({ schools: _s, organisations: _o, ...m }) => m));
}

const regionLabels = { code: 'Код', name: 'Наименование', shortName: 'Краткое наименование', timezone: 'Часовой пояс' };
const municipalityLabels = { code: 'Код', name: 'Наименование' };

function checkTimezone(zone: string) {
  if (!regionTimezones.some((t) => t.zone === zone))
    throw new DomainError('validation.failed', `Часовой пояс «${zone}» не поддерживается.`, {
      problems: [{ field: 'timezone', message: 'Выберите часовой пояс из списка.' }],
    });
}

export async function createRegion(ctx: ServiceContext, input: z.infer<typeof regionInput>): Promise<Region> {
  requirePermission(ctx, 'region.create');
  checkTimezone(input.timezone);
  return inTransaction(ctx, async (tx) => {
    if (await findRegionByCode(tx, input.code))
      throw new DomainError('conflict.duplicate', `Регион с кодом «${input.code}» уже есть.`);
    const id = await insertRegion(tx, input);
    const created = (await getRegion(tx, id))!;
    await audit(tx, ctx, {
      regionId: id,
      action: 'create',
      entity: 'region',
      entityId: id,
      summary: `Создан регион «${created.name}»`,
      after: created,
    });
    return created;
  });
}

export async function updateRegion(
  ctx: ServiceContext,
  id: string,
  patch: Partial<z.infer<typeof regionInput>> & { version: number },
): Promise<Region> {
  requirePermission(ctx, 'territory.write', { regionId: id });
  const { version, ...changes } = patch;
  if (changes.timezone) checkTimezone(changes.timezone);
  return inTransaction(ctx, async (tx) => {
    const before = await getRegion(tx, id);
    if (!before) throw notFound('Регион');
    if (!(await updateVersioned(tx, regions, id, version, changes)))
      throw await staleWrite(tx, 'region', id, version, regionLabels);
    const after = (await getRegion(tx, id))!;
    await audit(tx, ctx, {
      regionId: id,
      action: 'update',
      entity: 'region',
      entityId: id,
      summary: `Изменён регион «${after.name}»`,
      before,
      after,
    });
    return after;
  });
}

export async function createMunicipality(
  ctx: ServiceContext,
  input: z.infer<typeof municipalityInput>,
): Promise<Municipality> {
  requirePermission(ctx, 'territory.write', { regionId: input.regionId });
  return inTransaction(ctx, async (tx) => {
    if (!(await getRegion(tx, input.regionId))) throw notFound('Регион');
    if (await findMunicipality(tx, input.regionId, input.code))
      throw new DomainError('conflict.duplicate', `Муниципалитет с кодом «${input.code}» уже есть в этом регионе.`);
    const id = await insertMunicipality(tx, input);
    const created = (await getMunicipality(tx, id))!;
    await audit(tx, ctx, {
      regionId: input.regionId,
      action: 'create',
      entity: 'municipality',
      entityId: id,
      summary: `Создан муниципалитет «${created.name}»`,
      after: created,
    });
    return created;
  });
}

export async function updateMunicipality(
  ctx: ServiceContext,
  id: string,
  patch: Partial<Pick<z.infer<typeof municipalityInput>, 'code' | 'name'>> & { version: number },
): Promise<Municipality> {
  return inTransaction(ctx, async (tx) => {
    const before = await getMunicipality(tx, id);
    if (!before) throw notFound('Муниципалитет');
    requirePermission(ctx, 'territory.write', { regionId: before.regionId, municipalityId: id });
    const { version, ...changes } = patch;
    if (!(await updateVersioned(tx, municipalities, id, version, changes)))
      throw await staleWrite(tx, 'municipality', id, version, municipalityLabels);
    const after = (await getMunicipality(tx, id))!;
    await audit(tx, ctx, {
      regionId: after.regionId,
      action: 'update',
      entity: 'municipality',
      entityId: id,
      summary: `Изменён муниципалитет «${after.name}»`,
      before,
      after,
    });
    return after;
  });
}
