// Target indicators of a programme: plan vs actual per period, computed from Опора's own data where it
// exists (identification lists, ВПР results), entered with evidence otherwise; each status shows its rule.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { IndicatorRowDto, indicatorSettingsBody, indicatorValueBody } from '../contract/execution.ts';
import { DomainError } from '../domain/errors.ts';
import {
  indicatorStatus,
  parseIndicatorNumber,
  parseTargetValue,
  readTargetPeriod,
  resolveTarget,
} from '../domain/execution/indicators.ts';
import { percentOf } from '../domain/execution/rollup.ts';
import { suggestCoverage } from '../domain/network/coverage.ts';
import type { Executor } from '../storage/database.ts';
import { type Appendices, getProgrammeRecord, type ProgrammeRecord } from '../storage/programmes-repo.ts';
import {
  indicatorValues,
  municipalities,
  organisations,
  programmes,
  schoolListMembers,
  schoolLists,
  vprResults,
} from '../storage/schema.ts';
import { updateVersioned } from '../storage/versioned.ts';
import { accountOf, audit, inTransaction, requirePermission, type ServiceContext, staleWrite } from './context.ts';
import { programmeCoverage } from './coverage.ts';
import { programmeForRead, programmeNotFound, programmePlace, todayOf } from './execution.ts';

type Indicator = Appendices['indicators'][number];
type Binding = NonNullable<Indicator['binding']>;

export const bindingLabels: Record<Binding, string> = {
  'listed-share': 'доля школ с низкими результатами среди школ региона (последний утверждённый перечень)',
  'municipality-share': 'доля муниципалитетов, в которых есть школы с низкими результатами',
  'vpr-passing': 'доля участников ВПР целевых школ, не получивших «2» (последний год результатов)',
  coverage: 'охват сотрудников целевых школ: участие в мероприятиях программы или курсы повышения квалификации',
};

/** The list in force: the programme's own, else the region's latest approved one. */
async function listOf(ex: Executor, p: ProgrammeRecord): Promise<{ id: string; number: number } | null> {
  if (p.schoolList) return { id: p.schoolList.id, number: p.schoolList.number };
  const [last] = await ex
    .select({ id: schoolLists.id, number: schoolLists.number })
    .from(schoolLists)
    .where(eq(schoolLists.regionId, p.regionId))
    .orderBy(desc(schoolLists.number))
    .limit(1);
  return last ?? null;
}

/** The value of a computed indicator now, with how it was counted (numbers a coordinator can check). */
export async function computeBinding(
  ex: Executor,
  p: ProgrammeRecord,
  indicator: Pick<Indicator, 'binding' | 'coverage' | 'name'>,
  today: string,
): Promise<{ value: number | null; explanation: string }> {
  const binding = indicator.binding as Binding;
  if (binding === 'coverage') {
    const spec = indicator.coverage ?? suggestCoverage(indicator.name);
    if (!spec) return { value: null, explanation: 'Не указано, чей охват считать: выберите категории сотрудников.' };
    const { value, explanation } = await programmeCoverage(ex, p, spec, today);
    return { value, explanation };
  }
  const list = await listOf(ex, p);
  if (!list) return { value: null, explanation: 'В регионе нет утверждённого перечня школ.' };
  const members = await ex
    .select({ id: schoolListMembers.organisationId, municipalityId: schoolListMembers.municipalityId })
    .from(schoolListMembers)
    .where(eq(schoolListMembers.listId, list.id));
  if (binding === 'listed-share') {
    const [n] = await ex
      .select({ n: sql<number>`count(*)::int` })
      .from(organisations)
      .where(and(eq(organisations.regionId, p.regionId), eq(organisations.kind, 'school')));
    const total = Number(n?.n ?? 0);
    const value = percentOf(members.length, total);
    return { value, explanation: `Перечень № ${list.number}: ${members.length} из ${total} школ региона.` };
  }
  if (binding === 'municipality-share') {
    const [n] = await ex
      .select({ n: sql<number>`count(*)::int` })
      .from(municipalities)
      .where(eq(municipalities.regionId, p.regionId));
    const total = Number(n?.n ?? 0);
    const withListed = new Set(members.map((m) => m.municipalityId).filter(Boolean)).size;
    return {
      value: percentOf(withListed, total),
      explanation: `Перечень № ${list.number}: школы с низкими результатами есть в ${withListed} из ${total} муниципалитетов.`,
    };
  }
  if (members.length === 0) return { value: null, explanation: `Перечень № ${list.number} пуст.` };
  const ids = members.map((m) => m.id);
  const [year] = await ex
    .select({ y: sql<number | null>`max(${vprResults.year})` })
    .from(vprResults)
    .where(and(eq(vprResults.regionId, p.regionId), inArray(vprResults.organisationId, ids)));
  if (!year?.y) return { value: null, explanation: 'Нет результатов ВПР целевых школ.' };
  const [sums] = await ex
    .select({
      participants: sql<number>`coalesce(sum(${vprResults.participants}), 0)::int`,
      passed: sql<number>`coalesce(sum(${vprResults.n3} + ${vprResults.n4} + ${vprResults.n5}), 0)::int`,
    })
    .from(vprResults)
    .where(
      and(eq(vprResults.regionId, p.regionId), eq(vprResults.year, year.y), inArray(vprResults.organisationId, ids)),
    );
  const participants = Number(sums?.participants ?? 0);
  const passed = Number(sums?.passed ?? 0);
  return {
    value: percentOf(passed, participants),
    explanation: `ВПР ${year.y} года, ${members.length} целевых школ (перечень № ${list.number}): без «2» — ${passed} из ${participants} участников.`,
  };
}

/** Each indicator with its targets resolved, actual values and the status of each period with its rule. */
export async function indicatorRows(ex: Executor, p: ProgrammeRecord, today: string): Promise<IndicatorRowDto[]> {
  const values = await ex.select().from(indicatorValues).where(eq(indicatorValues.programmeId, p.id));
  const rows: IndicatorRowDto[] = [];
  for (const i of p.appendices.indicators) {
    const key = i.key ?? '';
    const baseline = parseIndicatorNumber(i.baseline);
    const percentUnit = /%|процент/i.test(i.unit);
    const computed = i.binding ? await computeBinding(ex, p, i, today) : null;
    const own = values.filter((v) => v.indicatorKey === key);
    const targets = i.targets.map((t, index) => {
      const parsed = parseTargetValue(t.value, i.change ?? undefined);
      const resolved = parsed ? resolveTarget(parsed, baseline, percentUnit) : null;
      const period = readTargetPeriod(t.period, p.period);
      const entered = own.find((v) => v.period === t.period);
      // A computed indicator's value is today's: it is the actual of the period containing today (or the last).
      const current = period !== null ? period.start <= today && today <= period.end : index === i.targets.length - 1;
      const isLast = index === i.targets.length - 1 && (period === null || period.end < today);
      const computedHere = computed && computed.value !== null && (current || isLast);
      const actual = entered ? entered.value : computedHere ? computed.value : null;
      const status =
        resolved && period
          ? indicatorStatus({ baseline, target: resolved, actual, period, today })
          : {
              status: 'no-data' as const,
              met: false,
              rule: resolved
                ? `Период «${t.period}» не прочитан: укажите год, учебный год или дату.`
                : `Целевое значение «${t.value}» не прочитано: укажите число (например, «не менее 90 %»).`,
            };
      return {
        period: t.period,
        valueText: t.value,
        value: resolved?.value ?? null,
        comparison: resolved?.comparison ?? null,
        start: period?.start ?? null,
        end: period?.end ?? null,
        actual,
        source: entered ? ('entered' as const) : computedHere ? ('computed' as const) : ('none' as const),
        status: status.status,
        rule: status.rule,
      };
    });
    rows.push({
      key,
      number: i.number,
      direction: i.direction,
      name: i.name,
      unit: i.unit,
      baselineText: i.baseline,
      baseline,
      binding: i.binding ?? null,
      coverage: i.binding === 'coverage' ? (i.coverage ?? suggestCoverage(i.name)) : null,
      change: i.change ?? null,
      targets,
      values: own.map((v) => ({
        period: v.period,
        value: v.value,
        evidence: v.evidence,
        justification: v.justification,
        version: v.version,
        updatedAt: v.updatedAt.toISOString(),
      })),
      computed,
    });
  }
  return rows;
}

export async function listIndicators(ctx: ServiceContext, programmeId: string): Promise<IndicatorRowDto[]> {
  const p = await programmeForRead(ctx.db, ctx, programmeId);
  return indicatorRows(ctx.db, p, todayOf(ctx, p.timezone));
}

async function indicatorForWrite(tx: Executor, ctx: ServiceContext, programmeId: string, key: string) {
  requirePermission(ctx, 'programme.write');
  const p = await getProgrammeRecord(tx, programmeId, true);
  if (!p) throw programmeNotFound();
  requirePermission(ctx, 'programme.write', programmePlace(p));
  const indicator = p.appendices.indicators.find((i) => i.key === key);
  if (!indicator)
    throw new DomainError('not_found', 'Целевой показатель не найден: возможно, список показателей изменили.');
  return { p, indicator };
}

const rowOf = async (ctx: ServiceContext, programmeId: string, key: string) =>
  (await listIndicators(ctx, programmeId)).find((r) => r.key === key)!;

/** Enters the actual value of a period; changing an entered value needs a justification. */
export async function setIndicatorValue(
  ctx: ServiceContext,
  programmeId: string,
  key: string,
  body: z.infer<typeof indicatorValueBody>,
): Promise<IndicatorRowDto> {
  await inTransaction(ctx, async (tx) => {
    const { p, indicator } = await indicatorForWrite(tx, ctx, programmeId, key);
    if (!indicator.targets.some((t) => t.period === body.period))
      throw new DomainError('validation.failed', `У показателя нет периода «${body.period}».`, {
        problems: [{ field: 'period', message: 'Выберите период из целевых значений показателя.' }],
      });
    const [before] = await tx
      .select()
      .from(indicatorValues)
      .where(
        and(
          eq(indicatorValues.programmeId, p.id),
          eq(indicatorValues.indicatorKey, key),
          eq(indicatorValues.period, body.period),
        ),
      );
    const fields = {
      value: body.value,
      evidence: body.evidence ?? '',
      justification: (body.justification ?? '').trim(),
      updatedBy: accountOf(ctx),
    };
    if (before) {
      if (body.version === undefined)
        throw await staleWrite(tx, 'indicator_value', before.id, 0, { value: 'Значение показателя' });
      if (!fields.justification)
        throw new DomainError('validation.failed', 'Значение уже внесено: укажите обоснование изменения.', {
          problems: [{ field: 'justification', message: 'Укажите обоснование изменения.' }],
        });
      if (!(await updateVersioned(tx, indicatorValues, before.id, body.version, fields)))
        throw await staleWrite(tx, 'indicator_value', before.id, body.version, {
          value: 'Значение показателя',
          evidence: 'Подтверждение',
          justification: 'Обоснование',
        });
    }
    const [after] = before
      ? await tx.select().from(indicatorValues).where(eq(indicatorValues.id, before.id))
      : await tx
          .insert(indicatorValues)
          .values({ regionId: p.regionId, programmeId: p.id, indicatorKey: key, period: body.period, ...fields })
          .returning();
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: before ? 'update' : 'create',
      entity: 'indicator_value',
      entityId: after!.id,
      summary: `Показатель «${indicator.name.slice(0, 150)}», ${body.period}: ${before ? `${before.value} → ` : ''}${body.value}`,
      before: before ? { value: before.value, evidence: before.evidence, version: before.version } : null,
      after: {
        value: after!.value,
        evidence: after!.evidence,
        justification: after!.justification,
        version: after!.version,
      },
    });
  });
  return rowOf(ctx, programmeId, key);
}

/** Binds an indicator to Опора's data (or unbinds it) and says which way is better. */
export async function setIndicatorSettings(
  ctx: ServiceContext,
  programmeId: string,
  key: string,
  body: z.infer<typeof indicatorSettingsBody>,
): Promise<IndicatorRowDto> {
  await inTransaction(ctx, async (tx) => {
    const { p, indicator } = await indicatorForWrite(tx, ctx, programmeId, key);
    const coverage = body.binding === 'coverage' ? (body.coverage ?? suggestCoverage(indicator.name)) : null;
    if (body.binding === 'coverage' && !coverage)
      throw new DomainError(
        'validation.failed',
        'Укажите, чей охват считать: категории сотрудников и способ подсчёта.',
        {
          problems: [{ field: 'coverage', message: 'Выберите категории сотрудников.' }],
        },
      );
    const indicators = p.appendices.indicators.map((i) =>
      i.key === key ? { ...i, binding: body.binding, coverage, change: body.change } : i,
    );
    if (!(await updateVersioned(tx, programmes, p.id, body.version, { appendices: { ...p.appendices, indicators } })))
      throw await staleWrite(tx, 'programme', p.id, body.version, { indicators: 'Целевые показатели' });
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'update',
      entity: 'programme',
      entityId: p.id,
      summary: `Показатель «${indicator.name.slice(0, 150)}»: ${body.binding ? `рассчитывается — ${bindingLabels[body.binding]}` : 'вносится вручную'}`,
      before: {
        binding: indicator.binding ?? null,
        coverage: indicator.coverage ?? null,
        change: indicator.change ?? null,
        version: p.version,
      },
      after: { binding: body.binding, coverage, change: body.change, version: p.version + 1 },
    });
  });
  return rowOf(ctx, programmeId, key);
}
