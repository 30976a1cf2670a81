// Use cases for programmes (дорожные карты, программы, планы-графики): import preview, saving, reading,
// editing the programme, its sections and activities, export. Every change is authorised against the
// owner's territory, versioned, and audited in its transaction; every deadline is read on the server.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { readDocument } from '../adapters/document/read-document.ts';
import { writeProgrammeDocx } from '../adapters/docx/write-programme.ts';
import { writeProgrammeXlsx } from '../adapters/xlsx/write-programme.ts';
import {
  type ActivityDto,
  type activityInput,
  type activityPatch,
  type ImportPreview,
  importPreview,
  type ProgrammeDetail,
  type programmeListQuery,
  type programmeOwner,
  type programmePatch,
  type saveProgrammeBody,
  type section,
  type sectionInput,
  type sectionPatch,
} from '../contract/programmes.ts';
import { type Period, readDeadline } from '../domain/deadline/read-deadline.ts';
import { DomainError } from '../domain/errors.ts';
import { type KnownEntities, linkResponsible } from '../domain/programme/link-responsible.ts';
import type { ProgrammeLevel } from '../domain/programme/programme.ts';
import { programmeWarnings, readProgramme, summarise } from '../domain/programme/read-programme.ts';
import type { Place } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import { insertRounds } from '../storage/monitoring-repo.ts';
import { findOrganisationsWithCode, getOrganisation } from '../storage/organisations-repo.ts';
import { knownEntitiesIn } from '../storage/people-repo.ts';
import {
  type ActivityRecord,
  type Appendices,
  countActivities,
  getActivity,
  getProgrammeRecord,
  getSection,
  insertActivities,
  insertProgramme,
  insertSections,
  listActivities,
  listProgrammes,
  listSections,
  type ProgrammeFilter,
  type ProgrammeRecord,
  type SectionRecord,
  schoolListRef,
  setDeadlineReadings,
  setPositions,
  touchProgramme,
} from '../storage/programmes-repo.ts';
import { programmeActivities, programmeSections, programmes } from '../storage/schema.ts';
import {
  findMunicipalitiesWithCode,
  findRegionByCode,
  getMunicipality,
  getRegion,
} from '../storage/territories-repo.ts';
import { deleteVersioned, updateVersioned } from '../storage/versioned.ts';
import {
  accountOf,
  audit,
  inTransaction,
  requirePermission,
  type ServiceContext,
  scope,
  staleWrite,
} from './context.ts';
import { eventsFromProgramme } from './events.ts';
import { programmeNotFound, programmePlace, requireProgrammeRead } from './execution.ts';
import { pairsFromProgramme } from './network.ts';
import { activityOf, draftFromDetail, draftFromDto, draftToDto, readConsultations } from './programme-draft.ts';

type SectionDto = z.infer<typeof section>;
type ProgrammeOwner = z.infer<typeof programmeOwner>;

export const programmeLabels: Record<string, string> = {
  title: 'Наименование',
  kind: 'Вид документа',
  period: 'Период реализации',
  periodText: 'Срок реализации (как в документе)',
  act: 'Утверждающий акт',
  passport: 'Паспорт',
  workingGroup: 'Рабочая группа',
  indicators: 'Целевые показатели',
  consultations: 'График консультаций',
  tutorPairs: 'Пары со школами-тьюторами',
  schools: 'Списки школ',
  monitoringRounds: 'Мониторинги исполнения',
  schoolList: 'Перечень школ (целевые школы)',
  status: 'Статус',
};
export const sectionLabels: Record<string, string> = {
  number: 'Номер раздела',
  title: 'Наименование раздела',
  position: 'Порядок разделов',
};
export const activityLabels: Record<string, string> = {
  number: 'Номер',
  text: 'Мероприятие',
  deadlineText: 'Срок',
  responsible: 'Ответственные',
  executors: 'Исполнители',
  plannedResult: 'Планируемый результат',
  indicator: 'Показатель реализации',
  informationSupport: 'Информационное сопровождение',
  sectionId: 'Раздел',
  position: 'Порядок мероприятий',
};

const sectionNotFound = () => new DomainError('not_found', 'Раздел программы не найден: возможно, его удалили.');
const activityNotFound = () => new DomainError('not_found', 'Мероприятие не найдено: возможно, его удалили.');
const invalid = (field: string, message: string) =>
  new DomainError('validation.failed', message, { problems: [{ field, message }] });

// ---- reading a document

export interface ProgrammeFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Reads a document into a preview: the draft, its summary and every warning with its place. Nothing is
 * written. A document whose parts exceed what a programme may hold is refused with each place named.
 */
/**
 * What does not fit, in Russian: the preview's limits carry no messages of their own (zod's defaults are English),
 * and a document far beyond them (a passport cell of megabytes, thousands of sections) is what a user must fix.
 */
function previewIssue(issue: z.core.$ZodRawIssue): string {
  if (issue.code === 'too_big')
    return issue.origin === 'string'
      ? `Текст длиннее ${issue.maximum} символов: сократите его в документе.`
      : `Больше ${issue.maximum} элементов: разделите документ на части.`;
  return 'Эта часть документа прочитана неверно: проверьте её в документе.';
}

export async function readProgrammeFile(
  file: ProgrammeFile,
  options: { level?: ProgrammeLevel } = {},
): Promise<ImportPreview> {
  const doc = await readDocument(file.name, file.bytes);
  const draft = readProgramme(doc, options);
  const preview: ImportPreview = {
    fileName: file.name,
    format: doc.format,
    draft: draftToDto(draft),
    summary: summarise(draft),
    warnings: draft.warnings,
  };
  const checked = importPreview.safeParse(preview, { error: previewIssue });
  if (!checked.success)
    throw new DomainError(
      'import.invalid',
      'Документ прочитан, но его части не помещаются в программу. Исправьте указанные места в документе и загрузите его снова.',
      {
        problems: checked.error.issues.slice(0, 100).map((i) => ({ field: i.path.join('.'), message: i.message })),
      },
    );
  return preview;
}

/** The import preview of the web UI: only those who may write programmes load documents. */
export async function previewProgrammeImport(
  ctx: ServiceContext,
  file: ProgrammeFile,
  options: { level?: ProgrammeLevel } = {},
): Promise<ImportPreview> {
  requirePermission(ctx, 'programme.write');
  return readProgrammeFile(file, options);
}

// ---- the programme

/** A period is two real dates, the start not after the end. */
export function checkPeriod(p: Period): void {
  const valid = (d: string) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  };
  if (!valid(p.start) || !valid(p.end) || p.start > p.end)
    throw invalid('period', 'Период реализации указан неверно: нужны две даты, и начало не позже окончания.');
}

/** The owner's place, checked: a region's programme has no municipality, a school's lives in the school's. */
async function ownerPlace(ex: Executor, owner: ProgrammeOwner, level: ProgrammeLevel): Promise<Place> {
  const region = await getRegion(ex, owner.regionId);
  if (!region) throw invalid('owner.regionId', 'Регион не найден. Выберите регион из списка.');
  switch (level) {
    case 'region':
      if (owner.municipalityId || owner.organisationId)
        throw invalid(
          'owner.municipalityId',
          'Программа регионального уровня принадлежит региону: не указывайте муниципалитет и школу или выберите другой уровень.',
        );
      return { regionId: region.id, municipalityId: null, organisationId: null };
    case 'municipality': {
      if (!owner.municipalityId)
        throw invalid('owner.municipalityId', 'Для программы муниципального уровня выберите муниципалитет.');
      if (owner.organisationId)
        throw invalid(
          'owner.organisationId',
          'Программа муниципального уровня принадлежит муниципалитету: не указывайте школу или выберите уровень «школа».',
        );
      const m = await getMunicipality(ex, owner.municipalityId);
      if (!m || m.regionId !== region.id)
        throw invalid('owner.municipalityId', 'Муниципалитет не относится к выбранному региону.');
      return { regionId: region.id, municipalityId: m.id, organisationId: null };
    }
    case 'school': {
      if (!owner.organisationId) throw invalid('owner.organisationId', 'Для программы школы выберите школу.');
      const o = await getOrganisation(ex, owner.organisationId);
      if (!o || o.regionId !== region.id)
        throw invalid('owner.organisationId', 'Школа не относится к выбранному региону.');
      if (o.kind !== 'school')
        throw invalid(
          'owner.organisationId',
          `«${o.shortName}» — не школа. Программу школьного уровня сохраняют за школой; программы организаций поддержки сохраняйте за регионом или муниципалитетом.`,
        );
      if (owner.municipalityId && owner.municipalityId !== o.municipalityId)
        throw invalid('owner.municipalityId', 'Школа не относится к выбранному муниципалитету.');
      return { regionId: region.id, municipalityId: o.municipalityId, organisationId: o.id };
    }
  }
}

/** Whom an activity's responsible and executors name, each once (without the words matched). */
function activityLinks(a: { responsible: string; executors: string }, known: KnownEntities): ActivityDto['links'] {
  const links: ActivityDto['links'] = [];
  for (const { kind, id, label } of [...linkResponsible(a.responsible, known), ...linkResponsible(a.executors, known)])
    if (!links.some((l) => l.kind === kind && l.id === id)) links.push({ kind, id, label });
  return links;
}

const activityDto = (a: ActivityRecord): ActivityDto => ({
  id: a.id,
  sectionId: a.sectionId,
  position: a.position,
  number: a.number,
  text: a.text,
  deadlineText: a.deadlineText,
  deadline: a.deadline,
  responsible: a.responsible,
  executors: a.executors,
  plannedResult: a.plannedResult,
  indicator: a.indicator,
  informationSupport: a.informationSupport,
  links: a.links,
  version: a.version,
});

const sectionDto = (s: SectionRecord, activities: ActivityRecord[]): SectionDto => ({
  id: s.id,
  number: s.number,
  title: s.title,
  position: s.position,
  version: s.version,
  activities: activities.map(activityDto),
});

/** What the audit log keeps of a programme: its own fields, not its sections and activities. */
function programmeSnapshot(p: ProgrammeRecord) {
  const { appendices, activities: _a, updatedAt: _u, territoryName: _t, actNumber: _n, actDate: _d, ...own } = p;
  return { ...own, ...appendices };
}
const sectionSnapshot = (s: SectionRecord) => ({ ...s });
const activitySnapshot = (a: ActivityRecord) => ({ ...activityDto(a), programmeId: a.programmeId });

function presentDetail(p: ProgrammeRecord, sections: SectionRecord[], activities: ActivityRecord[]): ProgrammeDetail {
  const bySection = new Map<string, ActivityRecord[]>(sections.map((s) => [s.id, []]));
  for (const a of activities) bySection.get(a.sectionId)?.push(a);
  const { appendices, ...item } = p;
  const detail: ProgrammeDetail = {
    ...item,
    ...appendices,
    sections: sections.map((s) => sectionDto(s, bySection.get(s.id) ?? [])),
    warnings: [],
  };
  // Current warnings, from the activities as stored (with the places they were read from).
  detail.warnings = programmeWarnings({
    passport: p.passport,
    sections: sections.map((s) => ({
      number: s.number,
      title: s.title,
      activities: (bySection.get(s.id) ?? []).map((a) => activityOf({ ...activityDto(a), source: a.source })),
    })),
  });
  return detail;
}

async function loadDetail(ex: Executor, id: string): Promise<ProgrammeDetail | null> {
  const p = await getProgrammeRecord(ex, id);
  if (!p) return null;
  const [sections, activities] = await Promise.all([listSections(ex, id), listActivities(ex, { programmeId: id })]);
  return presentDetail(p, sections, activities);
}

/** Saves a previewed (and possibly corrected) draft under its owner, all of it in one transaction. */
export async function saveProgramme(
  ctx: ServiceContext,
  body: z.infer<typeof saveProgrammeBody>,
): Promise<ProgrammeDetail> {
  requirePermission(ctx, 'programme.write');
  checkPeriod(body.draft.period);
  // Deadlines and consultation dates are read here again, and warnings computed here.
  const draft = draftFromDto(body.draft);
  return inTransaction(ctx, async (tx) => {
    const place = await ownerPlace(tx, body.owner, draft.level);
    requirePermission(ctx, 'programme.write', place);
    const regionId = place.regionId!;
    const appendices: Appendices = {
      workingGroup: body.draft.workingGroup,
      indicators: withKeys(body.draft.indicators),
      consultations: readConsultations(body.draft.consultations, draft.period),
      tutorPairs: body.draft.tutorPairs,
      schools: body.draft.schools,
      monitoringRounds: body.draft.monitoringRounds,
    };
    const id = await insertProgramme(tx, {
      regionId,
      municipalityId: place.municipalityId ?? null,
      organisationId: place.organisationId ?? null,
      level: draft.level,
      kind: draft.kind,
      title: draft.title,
      periodStart: draft.period.start,
      periodEnd: draft.period.end,
      periodText: draft.periodText,
      act: draft.act,
      passport: draft.passport,
      appendices,
      sourceName: body.sourceName,
      createdBy: accountOf(ctx),
    });
    const sectionIds = await insertSections(
      tx,
      draft.sections.map((s, position) => ({ regionId, programmeId: id, position, number: s.number, title: s.title })),
    );
    const known = await knownEntitiesIn(tx, regionId);
    await insertActivities(
      tx,
      draft.sections.flatMap((s, si) =>
        s.activities.map((a, position) => ({
          regionId,
          programmeId: id,
          sectionId: sectionIds[si]!,
          position,
          number: a.number,
          text: a.text,
          deadlineText: a.deadline.text,
          deadlineReading: a.deadline.reading,
          responsible: a.responsible,
          executors: a.executors,
          plannedResult: a.plannedResult,
          indicator: a.indicator,
          informationSupport: a.informationSupport,
          links: activityLinks(a, known),
          source: a.source,
        })),
      ),
    );
    await pairsFromProgramme(tx, { id, regionId, tutorPairs: appendices.tutorPairs }, known);
    await eventsFromProgramme(
      tx,
      {
        id,
        regionId,
        municipalityId: place.municipalityId ?? null,
        organisationId: place.organisationId ?? null,
        period: draft.period,
        consultations: appendices.consultations,
      },
      known,
    );
    await insertRounds(
      tx,
      draft.monitoringRounds.map((r) => ({
        regionId,
        programmeId: id,
        kind: 'execution',
        date: r.date,
        title: r.text,
        minPercent: r.minPercent,
        maxPercent: r.maxPercent,
      })),
    );
    const detail = (await loadDetail(tx, id))!;
    const counts = summarise(draft);
    await audit(tx, ctx, {
      regionId,
      action: 'create',
      entity: 'programme',
      entityId: id,
      summary: `Сохранена программа «${detail.title.slice(0, 200)}»${body.sourceName ? ` из файла «${body.sourceName}»` : ''}: разделов ${sectionIds.length}, мероприятий ${counts.activities}`,
      after: {
        ...programmeSnapshot((await getProgrammeRecord(tx, id))!),
        sections: sectionIds.length,
        activities: counts.activities,
      },
    });
    return detail;
  });
}

export async function listProgrammesFor(ctx: ServiceContext, q: z.infer<typeof programmeListQuery>) {
  requirePermission(ctx, 'programme.read');
  const filter: ProgrammeFilter = { regionId: q.regionId, municipalityId: q.municipalityId, level: q.level, q: q.q };
  const { items, total } = await listProgrammes(ctx.db, scope(ctx), filter, q.pageSize, (q.page - 1) * q.pageSize);
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function getProgramme(ctx: ServiceContext, id: string): Promise<ProgrammeDetail> {
  requirePermission(ctx, 'programme.read');
  const record = await getProgrammeRecord(ctx.db, id);
  if (!record) throw programmeNotFound();
  await requireProgrammeRead(ctx.db, ctx, record);
  return (await loadDetail(ctx.db, id))!;
}

/** Target indicators keep a stable key, so actual values entered against them survive edits of the list. */
const withKeys = (list: Appendices['indicators']): Appendices['indicators'] =>
  list.map((i) => (i.key ? i : { ...i, key: randomUUID() }));

const samePeriod = (a: Period, b: Period) => a.start === b.start && a.end === b.end;

/** Changes the programme's own fields. A new period reads every deadline and consultation date again. */
export async function updateProgramme(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof programmePatch>,
): Promise<ProgrammeDetail> {
  requirePermission(ctx, 'programme.write');
  return inTransaction(ctx, async (tx) => {
    const before = await getProgrammeRecord(tx, id);
    if (!before) throw programmeNotFound();
    requirePermission(ctx, 'programme.write', programmePlace(before));
    const { version, period, workingGroup, indicators, tutorPairs, schools, monitoringRounds, schoolListId, ...own } =
      patch;
    if (period) checkPeriod(period);
    if (schoolListId) {
      const list = await schoolListRef(tx, schoolListId);
      if (!list || list.regionId !== before.regionId)
        throw new DomainError(
          'validation.failed',
          'Перечень школ не найден среди утверждённых перечней региона программы.',
        );
    }
    const periodChanged = period !== undefined && !samePeriod(period, before.period);
    const newPeriod = period ?? before.period;
    const appendices: Appendices = {
      ...before.appendices,
      ...(workingGroup && { workingGroup }),
      ...(indicators && { indicators: withKeys(indicators) }),
      ...(tutorPairs && { tutorPairs }),
      ...(schools && { schools }),
      ...(monitoringRounds && { monitoringRounds }),
      ...(periodChanged && { consultations: readConsultations(before.appendices.consultations, newPeriod) }),
    };
    const values = {
      ...own,
      ...(period && { periodStart: period.start, periodEnd: period.end }),
      ...(schoolListId !== undefined && { schoolListId }),
      appendices,
    };
    if (!(await updateVersioned(tx, programmes, id, version, values)))
      throw await staleWrite(tx, 'programme', id, version, programmeLabels);
    if (periodChanged) {
      const activities = await listActivities(tx, { programmeId: id });
      await setDeadlineReadings(
        tx,
        activities.flatMap((a) => {
          const reading = readDeadline(a.deadlineText, newPeriod);
          return JSON.stringify(reading) === JSON.stringify(a.deadline) ? [] : [{ id: a.id, reading }];
        }),
      );
    }
    const after = (await getProgrammeRecord(tx, id))!;
    if (tutorPairs)
      await pairsFromProgramme(
        tx,
        { id, regionId: after.regionId, tutorPairs: appendices.tutorPairs },
        await knownEntitiesIn(tx, after.regionId),
      );
    if (periodChanged)
      await eventsFromProgramme(tx, { ...after, period: newPeriod, consultations: appendices.consultations });
    await audit(tx, ctx, {
      regionId: after.regionId,
      action: 'update',
      entity: 'programme',
      entityId: id,
      summary: `Изменена программа «${after.title.slice(0, 200)}»${periodChanged ? ': новый период, сроки мероприятий прочитаны заново' : ''}`,
      before: programmeSnapshot(before),
      after: programmeSnapshot(after),
    });
    return (await loadDetail(tx, id))!;
  });
}

/** Deletes a programme with its sections and activities. */
export async function deleteProgramme(ctx: ServiceContext, id: string, version: number): Promise<void> {
  requirePermission(ctx, 'programme.write');
  await inTransaction(ctx, async (tx) => {
    const before = await getProgrammeRecord(tx, id, true);
    if (!before) throw programmeNotFound();
    requirePermission(ctx, 'programme.write', programmePlace(before));
    const sections = await listSections(tx, id);
    if (!(await deleteVersioned(tx, programmes, id, version)))
      throw await staleWrite(tx, 'programme', id, version, programmeLabels);
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'delete',
      entity: 'programme',
      entityId: id,
      summary: `Удалена программа «${before.title.slice(0, 200)}»: разделов ${sections.length}, мероприятий ${before.activities}`,
      before: { ...programmeSnapshot(before), sections: sections.length, activities: before.activities },
    });
  });
}

// ---- sections and activities

/** The programme whose part is edited, locked until the end of the transaction, with the write checked. */
async function programmeForEdit(tx: Executor, ctx: ServiceContext, programmeId: string): Promise<ProgrammeRecord> {
  const p = await getProgrammeRecord(tx, programmeId, true);
  if (!p) throw programmeNotFound();
  requirePermission(ctx, 'programme.write', programmePlace(p));
  if (p.status === 'approved' || p.status === 'submitted')
    throw new DomainError(
      'conflict.state',
      p.status === 'approved'
        ? 'Программа утверждена: чтобы изменить разделы и мероприятия, нажмите «Внести изменения» — утверждённая редакция сохранится для сравнения.'
        : 'Программа на согласовании: изменить её можно после возврата на доработку.',
    );
  return p;
}

/**
 * Puts `moving` at `at` (the end when absent or beyond it) among `others`, ordered by position, and writes
 * positions 0, 1, 2 … densely.
 */
async function placeAt(
  tx: Executor,
  table: typeof programmeSections | typeof programmeActivities,
  others: { id: string; position: number }[],
  moving: { id: string; position: number },
  at: number | undefined,
) {
  const ordered = [...others];
  ordered.splice(Math.min(at ?? ordered.length, ordered.length), 0, moving);
  await setPositions(tx, table, ordered);
}

export async function createSection(
  ctx: ServiceContext,
  programmeId: string,
  input: z.infer<typeof sectionInput>,
): Promise<SectionDto> {
  requirePermission(ctx, 'programme.write');
  return inTransaction(ctx, async (tx) => {
    const p = await programmeForEdit(tx, ctx, programmeId);
    const others = await listSections(tx, p.id);
    const [id] = await insertSections(tx, [
      { regionId: p.regionId, programmeId: p.id, position: others.length, number: input.number, title: input.title },
    ]);
    await placeAt(tx, programmeSections, others, { id: id!, position: others.length }, input.position);
    await touchProgramme(tx, p.id);
    const created = (await getSection(tx, id!))!;
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'create',
      entity: 'programme_section',
      entityId: created.id,
      summary: `В программу «${p.title.slice(0, 120)}» добавлен раздел «${created.title.slice(0, 120)}»`,
      after: sectionSnapshot(created),
    });
    return sectionDto(created, []);
  });
}

/** Finds a part's programme, locks it, and reads the part again under the lock. */
async function partForEdit<T extends { programmeId: string }>(
  tx: Executor,
  ctx: ServiceContext,
  load: () => Promise<T | null>,
  missing: () => DomainError,
): Promise<{ p: ProgrammeRecord; before: T }> {
  const first = await load();
  if (!first) throw missing();
  const p = await programmeForEdit(tx, ctx, first.programmeId);
  const before = await load();
  if (!before) throw missing();
  return { p, before };
}

export async function updateSection(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof sectionPatch>,
): Promise<SectionDto> {
  requirePermission(ctx, 'programme.write');
  return inTransaction(ctx, async (tx) => {
    const { p, before } = await partForEdit(tx, ctx, () => getSection(tx, id), sectionNotFound);
    const { version, position, ...changes } = patch;
    if (!(await updateVersioned(tx, programmeSections, id, version, changes)))
      throw await staleWrite(tx, 'programme_section', id, version, sectionLabels);
    if (position !== undefined) {
      const all = await listSections(tx, p.id);
      await placeAt(
        tx,
        programmeSections,
        all.filter((s) => s.id !== id),
        all.find((s) => s.id === id)!,
        position,
      );
    }
    await touchProgramme(tx, p.id);
    const after = (await getSection(tx, id))!;
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'update',
      entity: 'programme_section',
      entityId: id,
      summary: `Изменён раздел «${after.title.slice(0, 120)}» программы «${p.title.slice(0, 120)}»`,
      before: sectionSnapshot(before),
      after: sectionSnapshot(after),
    });
    return sectionDto(after, await listActivities(tx, { sectionId: id }));
  });
}

/** Deletes an empty section; a section with activities is refused, so no activity is lost by a slip. */
export async function deleteSection(ctx: ServiceContext, id: string, version: number): Promise<void> {
  requirePermission(ctx, 'programme.write');
  await inTransaction(ctx, async (tx) => {
    const { p, before } = await partForEdit(tx, ctx, () => getSection(tx, id), sectionNotFound);
    const n = await countActivities(tx, id);
    if (n > 0)
      throw new DomainError(
        'conflict.in_use',
        `Раздел «${before.title || before.number}» нельзя удалить: в нём мероприятий — ${n}. Перенесите мероприятия в другой раздел или удалите их, затем удалите раздел.`,
        { activities: n },
      );
    if (!(await deleteVersioned(tx, programmeSections, id, version)))
      throw await staleWrite(tx, 'programme_section', id, version, sectionLabels);
    await setPositions(tx, programmeSections, await listSections(tx, p.id));
    await touchProgramme(tx, p.id);
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'delete',
      entity: 'programme_section',
      entityId: id,
      summary: `Удалён раздел «${before.title.slice(0, 120)}» программы «${p.title.slice(0, 120)}»`,
      before: sectionSnapshot(before),
    });
  });
}

async function sectionOf(tx: Executor, p: ProgrammeRecord, sectionId: string): Promise<SectionRecord> {
  const s = await getSection(tx, sectionId);
  if (!s || s.programmeId !== p.id)
    throw invalid('sectionId', 'Раздел не относится к этой программе. Выберите раздел из списка.');
  return s;
}

export async function createActivity(
  ctx: ServiceContext,
  programmeId: string,
  input: z.infer<typeof activityInput>,
): Promise<ActivityDto> {
  requirePermission(ctx, 'programme.write');
  return inTransaction(ctx, async (tx) => {
    const p = await programmeForEdit(tx, ctx, programmeId);
    const s = await sectionOf(tx, p, input.sectionId);
    const others = await listActivities(tx, { sectionId: s.id });
    const { position, sectionId, ...fields } = input;
    const [id] = await insertActivities(tx, [
      {
        ...fields,
        regionId: p.regionId,
        programmeId: p.id,
        sectionId,
        position: others.length,
        deadlineReading: readDeadline(fields.deadlineText, p.period),
        links: activityLinks(fields, await knownEntitiesIn(tx, p.regionId)),
        source: null,
      },
    ]);
    await placeAt(tx, programmeActivities, others, { id: id!, position: others.length }, position);
    await touchProgramme(tx, p.id);
    const created = (await getActivity(tx, id!))!;
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'create',
      entity: 'programme_activity',
      entityId: created.id,
      summary: `В программу «${p.title.slice(0, 120)}» добавлено мероприятие «${created.text.slice(0, 120)}»`,
      after: activitySnapshot(created),
    });
    return activityDto(created);
  });
}

/**
 * Changes an activity. A new deadline wording is read with the programme's period; a new section moves it
 * (to the end, or to `position`); a position alone reorders it within its section.
 */
export async function updateActivity(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof activityPatch>,
): Promise<ActivityDto> {
  requirePermission(ctx, 'programme.write');
  return inTransaction(ctx, async (tx) => {
    const { p, before } = await partForEdit(tx, ctx, () => getActivity(tx, id), activityNotFound);
    const { version, sectionId, position, deadlineText, ...fields } = patch;
    const moved = sectionId !== undefined && sectionId !== before.sectionId;
    if (moved) await sectionOf(tx, p, sectionId);
    const values = {
      ...fields,
      ...(deadlineText !== undefined && { deadlineText, deadlineReading: readDeadline(deadlineText, p.period) }),
      ...((fields.responsible !== undefined || fields.executors !== undefined) && {
        links: activityLinks(
          { responsible: fields.responsible ?? before.responsible, executors: fields.executors ?? before.executors },
          await knownEntitiesIn(tx, p.regionId),
        ),
      }),
      ...(moved && { sectionId }),
    };
    if (!(await updateVersioned(tx, programmeActivities, id, version, values)))
      throw await staleWrite(tx, 'programme_activity', id, version, activityLabels);
    if (moved || position !== undefined) {
      const inTarget = await listActivities(tx, { sectionId: sectionId ?? before.sectionId });
      const self = inTarget.find((a) => a.id === id)!;
      await placeAt(
        tx,
        programmeActivities,
        inTarget.filter((a) => a.id !== id),
        self,
        position,
      );
      if (moved) await setPositions(tx, programmeActivities, await listActivities(tx, { sectionId: before.sectionId }));
    }
    await touchProgramme(tx, p.id);
    const after = (await getActivity(tx, id))!;
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'update',
      entity: 'programme_activity',
      entityId: id,
      summary: `Изменено мероприятие «${after.text.slice(0, 120)}» программы «${p.title.slice(0, 120)}»`,
      before: activitySnapshot(before),
      after: activitySnapshot(after),
    });
    return activityDto(after);
  });
}

export async function deleteActivity(ctx: ServiceContext, id: string, version: number): Promise<void> {
  requirePermission(ctx, 'programme.write');
  await inTransaction(ctx, async (tx) => {
    const { p, before } = await partForEdit(tx, ctx, () => getActivity(tx, id), activityNotFound);
    if (!(await deleteVersioned(tx, programmeActivities, id, version)))
      throw await staleWrite(tx, 'programme_activity', id, version, activityLabels);
    await setPositions(tx, programmeActivities, await listActivities(tx, { sectionId: before.sectionId }));
    await touchProgramme(tx, p.id);
    await audit(tx, ctx, {
      regionId: p.regionId,
      action: 'delete',
      entity: 'programme_activity',
      entityId: id,
      summary: `Удалено мероприятие «${before.text.slice(0, 120)}» программы «${p.title.slice(0, 120)}»`,
      before: activitySnapshot(before),
    });
  });
}

// ---- export

export type ProgrammeExportFormat = 'docx' | 'xlsx';

/** The programme as an order appendix (DOCX) or a workbook (XLSX), with a file name people recognise. */
export async function exportProgramme(
  ctx: ServiceContext,
  id: string,
  format: ProgrammeExportFormat,
): Promise<{ bytes: Uint8Array; baseName: string }> {
  const detail = await getProgramme(ctx, id);
  const draft = draftFromDetail(detail);
  const bytes = format === 'docx' ? await writeProgrammeDocx(draft) : await writeProgrammeXlsx(draft);
  const baseName = `${detail.kind}${detail.actNumber ? ` № ${detail.actNumber}` : ''}`
    .replace(/[\\/:*?"<>|\r\n\t]+/g, '-')
    .trim();
  return { bytes, baseName };
}

// ---- CLI: an owner by code

/**
 * The territory a code names, looked up in this order: a region code, else a municipality code, else an
 * organisation code. Municipality and organisation codes are unique only within a region, so a code found
 * in two regions is refused.
 */
export async function ownerByCode(
  ex: Executor,
  code: string,
): Promise<{ owner: ProgrammeOwner; level: ProgrammeLevel; name: string }> {
  const region = await findRegionByCode(ex, code);
  if (region)
    return {
      owner: { regionId: region.id, municipalityId: null, organisationId: null },
      level: 'region',
      name: region.name,
    };
  const ambiguous = () =>
    new DomainError(
      'validation.failed',
      `Код «${code}» есть в нескольких регионах. Укажите код региона или уточните код территории.`,
    );
  const ms = await findMunicipalitiesWithCode(ex, code);
  if (ms.length > 1) throw ambiguous();
  const m = ms[0];
  if (m)
    return {
      owner: { regionId: m.regionId, municipalityId: m.id, organisationId: null },
      level: 'municipality',
      name: m.name,
    };
  const os = await findOrganisationsWithCode(ex, code);
  if (os.length > 1) throw ambiguous();
  const o = os[0];
  if (o)
    return {
      owner: { regionId: o.regionId, municipalityId: o.municipalityId, organisationId: o.id },
      level: 'school',
      name: o.shortName,
    };
  throw new DomainError(
    'not_found',
    `Территория с кодом «${code}» не найдена: нет ни региона, ни муниципалитета, ни организации с таким кодом.`,
  );
}
