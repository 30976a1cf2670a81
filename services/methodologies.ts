// Methodologies of identification: the shipped presets and a region's own copies, edited as new versions.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  MethodologyDetail,
  MethodologyView,
  methodologyCopyInput,
  methodologyPatch,
} from '../contract/identification.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { checkDefinition, type Methodology, type MethodologyDefinition } from '../domain/identification/methodology.ts';
import { presetByCode, presets } from '../domain/identification/presets.ts';
import type { Executor } from '../storage/database.ts';
import { methodologies, methodologyVersions, users } from '../storage/schema.ts';
import { updateVersioned } from '../storage/versioned.ts';
import {
  accountOf,
  audit,
  inTransaction,
  requireInRegion,
  requirePermission,
  type ServiceContext,
  staleWrite,
} from './context.ts';
import { regionFor } from './results.ts';

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export const methodologyLabels: Record<string, string> = {
  title: 'название',
  source: 'источник',
  definition: 'правила',
};

const presetView = (m: Methodology): MethodologyView => ({
  id: m.code,
  code: m.code,
  title: m.title,
  source: m.source,
  preset: true,
  basedOn: '',
  regionId: null,
  version: 1,
  updatedAt: null,
  definition: m.definition,
});

type Row = typeof methodologies.$inferSelect;
const rowView = (r: Row): MethodologyView => ({
  id: r.id,
  code: r.code,
  title: r.title,
  source: r.source,
  preset: false,
  basedOn: r.basedOn,
  regionId: r.regionId,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
  definition: r.definition as MethodologyDefinition,
});

export async function listMethodologies(ctx: ServiceContext, requested?: string): Promise<MethodologyView[]> {
  requirePermission(ctx, 'identification.read');
  const regionId = regionFor(ctx, requested);
  requireInRegion(ctx, 'identification.read', regionId);
  const own = await ctx.db
    .select()
    .from(methodologies)
    .where(eq(methodologies.regionId, regionId))
    .orderBy(asc(methodologies.code));
  return [...presets.map(presetView), ...own.map(rowView)];
}

/** A methodology as a run applies it: a preset by code, or the region's own by id or code. */
export async function resolveMethodology(
  ex: Executor,
  regionId: string,
  ref: string,
): Promise<MethodologyView & { row: Row | null }> {
  const preset = presetByCode(ref);
  if (preset) return { ...presetView(preset), row: null };
  const [row] = await ex
    .select()
    .from(methodologies)
    .where(
      and(eq(methodologies.regionId, regionId), isUuid(ref) ? eq(methodologies.id, ref) : eq(methodologies.code, ref)),
    );
  if (!row) throw notFound(`Методика «${ref}»`);
  return { ...rowView(row), row };
}

export async function getMethodology(ctx: ServiceContext, ref: string, requested?: string): Promise<MethodologyDetail> {
  requirePermission(ctx, 'identification.read');
  const regionId = regionFor(ctx, requested);
  requireInRegion(ctx, 'identification.read', regionId);
  const m = await resolveMethodology(ctx.db, regionId, ref);
  const { row, ...view } = m;
  if (!row) return { ...view, versions: [{ version: 1, title: view.title, at: null, by: 'Опора' }] };
  const versions = await ctx.db
    .select({
      version: methodologyVersions.version,
      title: methodologyVersions.title,
      at: methodologyVersions.createdAt,
      by: sql<string>`coalesce(${users.login}, 'system')`,
    })
    .from(methodologyVersions)
    .leftJoin(users, eq(users.id, methodologyVersions.createdBy))
    .where(eq(methodologyVersions.methodologyId, row.id))
    .orderBy(asc(methodologyVersions.version));
  return { ...view, versions: versions.map((v) => ({ ...v, at: v.at.toISOString() })) };
}

function checked(d: MethodologyDefinition): MethodologyDefinition {
  const problems = checkDefinition(d);
  if (problems.length)
    throw new DomainError('validation.failed', `Методика не сохранена: ${problems.join(' ')}`, {
      problems: problems.map((message) => ({ field: 'definition', message })),
    });
  return d;
}

/** Copies a preset or a methodology of the region into a new methodology of the region (version 1). */
export async function copyMethodology(
  ctx: ServiceContext,
  input: z.infer<typeof methodologyCopyInput>,
): Promise<MethodologyView> {
  requirePermission(ctx, 'identification.write');
  const regionId = regionFor(ctx, input.regionId);
  requirePermission(ctx, 'identification.write', { regionId });
  if (presetByCode(input.code))
    throw new DomainError(
      'conflict.duplicate',
      `Код «${input.code}» занят поставляемой методикой. Выберите другой код.`,
    );
  return inTransaction(ctx, async (tx) => {
    const from = await resolveMethodology(tx, regionId, input.from);
    const [exists] = await tx
      .select({ id: methodologies.id })
      .from(methodologies)
      .where(and(eq(methodologies.regionId, regionId), eq(methodologies.code, input.code)));
    if (exists) throw new DomainError('conflict.duplicate', `Методика с кодом «${input.code}» уже есть в регионе.`);
    const [row] = await tx
      .insert(methodologies)
      .values({
        regionId,
        code: input.code,
        title: input.title,
        source: from.source,
        basedOn: from.preset ? from.code : `${from.code} (версия ${from.version})`,
        definition: checked(from.definition),
      })
      .returning();
    await tx.insert(methodologyVersions).values({
      regionId,
      methodologyId: row!.id,
      version: 1,
      title: row!.title,
      source: row!.source,
      definition: row!.definition,
      createdBy: accountOf(ctx),
    });
    const view = rowView(row!);
    await audit(tx, ctx, {
      regionId,
      action: 'create',
      entity: 'methodology',
      entityId: row!.id,
      summary: `Создана методика «${input.title}» на основе «${from.title}»`,
      after: view,
    });
    return view;
  });
}

/** Saves an edit as the next version; the earlier versions stay as they were for the runs that used them. */
export async function updateMethodology(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof methodologyPatch>,
): Promise<MethodologyView> {
  requirePermission(ctx, 'identification.write');
  if (!isUuid(id)) throw new DomainError('validation.failed', 'Поставляемую методику нельзя изменить: сделайте копию.');
  return inTransaction(ctx, async (tx) => {
    const [before] = await tx.select().from(methodologies).where(eq(methodologies.id, id));
    if (!before) throw notFound('Методика');
    requirePermission(ctx, 'identification.write', { regionId: before.regionId });
    const values = {
      ...(patch.title === undefined ? {} : { title: patch.title }),
      ...(patch.source === undefined ? {} : { source: patch.source }),
      ...(patch.definition === undefined ? {} : { definition: checked(patch.definition as MethodologyDefinition) }),
    };
    if (!(await updateVersioned(tx, methodologies, id, patch.version, values)))
      throw await staleWrite(tx, 'methodology', id, patch.version, methodologyLabels);
    const [after] = await tx.select().from(methodologies).where(eq(methodologies.id, id));
    await tx.insert(methodologyVersions).values({
      regionId: after!.regionId,
      methodologyId: id,
      version: after!.version,
      title: after!.title,
      source: after!.source,
      definition: after!.definition,
      createdBy: accountOf(ctx),
    });
    const view = rowView(after!);
    await audit(tx, ctx, {
      regionId: after!.regionId,
      action: 'update',
      entity: 'methodology',
      entityId: id,
      summary: `Изменена методика «${after!.title}» (версия ${after!.version})`,
      before: rowView(before),
      after: view,
    });
    return view;
  });
}
