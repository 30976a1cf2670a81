// Professional development of school staff (issue 8, item 3): courses completed with their certificates,
// professional deficits and individual development plans (ИОМ) of one person, and a school's staff with who
// is trained. Reading needs person.read, changing person.write, both within the person's place; every change
// is audited and guarded by the version the user saw.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Person } from '../contract/api.ts';
import type {
  CourseCompletion,
  courseInput,
  coursePatch,
  DevelopmentPlan,
  deficitInput,
  deficitPatch,
  OrganisationStaff,
  planInput,
  planItemInput,
  planPatch,
  StaffDeficit,
  StaffDevelopment,
} from '../contract/staff.ts';
import { DomainError } from '../domain/errors.ts';
import {
  canMarkAddressed,
  type DeficitProgress,
  deficitProgress,
  duplicateKeys,
  isTrainedOn,
  type PlanStep,
  trainedSince,
} from '../domain/network/development.ts';
import { staffCategories } from '../domain/network/staff.ts';
import { can, type Permission, type Place } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import { getPerson } from '../storage/people-repo.ts';
import { courseCompletions, developmentPlans, events, staffDeficits } from '../storage/schema.ts';
import {
  type CourseRecord,
  type DeficitRecord,
  getCourse,
  getDeficit,
  getPlan,
  insertCourse,
  insertDeficit,
  insertPlan,
  listCourses,
  listDeficits,
  listPlans,
  organisationStaffRows,
  type PlanRecord,
} from '../storage/staff-development-repo.ts';
import { removeStoredFiles, storedFileContent } from '../storage/stored-files-repo.ts';
import { deleteVersioned, updateVersioned } from '../storage/versioned.ts';
import { audit, inTransaction, requirePermission, type ServiceContext, staleWrite } from './context.ts';
import { type EvidenceFileInput, regionToday, storeCheckedFile, type UploadWording } from './execution.ts';

const courseLabels = {
  title: 'Название курса',
  provider: 'Организация, проводившая обучение',
  hours: 'Объём, часов',
  completedOn: 'Дата окончания',
  certificate: 'Удостоверение',
  fileId: 'Файл удостоверения',
  eventId: 'Мероприятие',
};
const deficitLabels = {
  area: 'Область дефицита',
  description: 'Описание',
  identifiedOn: 'Дата выявления',
  source: 'Источник',
  status: 'Состояние',
};
const planLabels = {
  title: 'Название маршрута',
  periodStart: 'Начало периода',
  periodEnd: 'Окончание периода',
  items: 'Пункты маршрута',
};

const certificateWording: UploadWording = {
  role: 'удостоверением (сертификатом)',
  tooLarge: 'отсканируйте его с меньшим разрешением',
};

const invalid = (field: string, message: string) =>
  new DomainError('validation.failed', message, { problems: [{ field, message }] });
const courseNotFound = () => new DomainError('not_found', 'Курс не найден: возможно, его удалили.');
const deficitNotFound = () => new DomainError('not_found', 'Дефицит не найден: возможно, его удалили.');
const planNotFound = () => new DomainError('not_found', 'Маршрут не найден: возможно, его удалили.');

const placeOf = (p: Pick<Person, 'regionId' | 'municipalityId' | 'organisationId'>): Place => ({
  regionId: p.regionId,
  municipalityId: p.municipalityId,
  organisationId: p.organisationId,
});

/** The person a record belongs to, with the permission checked within the person's place. */
async function personFor(ex: Executor, ctx: ServiceContext, personId: string, permission: Permission) {
  requirePermission(ctx, permission);
  const p = await getPerson(ex, personId);
  if (!p) throw new DomainError('not_found', 'Сотрудник не найден: возможно, его удалили.');
  requirePermission(ctx, permission, placeOf(p));
  return p;
}

// ——— one person's development

const courseDto = (c: CourseRecord): CourseCompletion => ({
  id: c.id,
  personId: c.personId,
  organisationId: c.organisationId,
  title: c.title,
  provider: c.provider,
  hours: c.hours,
  completedOn: c.completedOn,
  certificate: c.certificate,
  file:
    c.fileId && c.fileName !== null
      ? { id: c.fileId, name: c.fileName, mediaType: c.fileMediaType ?? '', size: c.fileSize ?? 0 }
      : null,
  eventId: c.eventId,
  version: c.version,
});

const deficitDto = (d: DeficitRecord, progress: DeficitProgress | undefined): StaffDeficit => ({
  id: d.id,
  personId: d.personId,
  organisationId: d.organisationId,
  area: d.area,
  description: d.description,
  identifiedOn: d.identifiedOn,
  source: d.source,
  status: d.status,
  steps: progress?.steps ?? 0,
  stepsDone: progress?.done ?? 0,
  canMarkAddressed: canMarkAddressed(progress),
  version: d.version,
});

const planDto = (p: PlanRecord): DevelopmentPlan => ({
  id: p.id,
  personId: p.personId,
  organisationId: p.organisationId,
  title: p.title,
  periodStart: p.periodStart,
  periodEnd: p.periodEnd,
  items: p.items,
  version: p.version,
});

/** Courses, deficits (with the progress of the steps addressing them) and plans of one person. */
export async function staffDevelopmentOf(ctx: ServiceContext, personId: string): Promise<StaffDevelopment> {
  const person = await personFor(ctx.db, ctx, personId, 'person.read');
  const [courses, deficits, plans] = await Promise.all([
    listCourses(ctx.db, personId),
    listDeficits(ctx.db, personId),
    listPlans(ctx.db, personId),
  ]);
  const progress = deficitProgress(plans);
  return {
    personId,
    courses: courses.map(courseDto),
    deficits: deficits.map((d) => deficitDto(d, progress.get(d.id))),
    plans: plans.map(planDto),
    canWrite: can(ctx.actor, 'person.write', placeOf(person)),
  };
}

// ——— courses

async function checkCourse(
  ex: Executor,
  ctx: ServiceContext,
  person: Person,
  v: { completedOn?: string | undefined; eventId?: string | null | undefined },
) {
  if (v.completedOn !== undefined) {
    const today = await regionToday(ex, ctx, person.regionId);
    if (v.completedOn > today)
      throw invalid(
        'completedOn',
        'Дата окончания курса не может быть позже сегодняшней: укажите дату из удостоверения.',
      );
  }
  if (v.eventId) {
    const [e] = await ex
      .select({ id: events.id })
      .from(events)
      .where(and(eq(events.id, v.eventId), eq(events.regionId, person.regionId)));
    if (!e) throw invalid('eventId', 'Мероприятие не найдено в регионе сотрудника.');
  }
}

async function courseForWrite(ex: Executor, ctx: ServiceContext, id: string) {
  requirePermission(ctx, 'person.write');
  const course = await getCourse(ex, id);
  if (!course) throw courseNotFound();
  const person = await personFor(ex, ctx, course.personId, 'person.write');
  return { course, person };
}

export async function addCourse(
  ctx: ServiceContext,
  personId: string,
  input: z.infer<typeof courseInput>,
): Promise<CourseCompletion> {
  return inTransaction(ctx, async (tx) => {
    const person = await personFor(tx, ctx, personId, 'person.write');
    await checkCourse(tx, ctx, person, input);
    const id = await insertCourse(tx, {
      ...input,
      regionId: person.regionId,
      personId,
      organisationId: person.organisationId,
    });
    const created = courseDto((await getCourse(tx, id))!);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'create',
      entity: 'course_completion',
      entityId: id,
      summary: `${person.fullName}: добавлен курс «${created.title.slice(0, 120)}»`,
      after: created,
    });
    return created;
  });
}

export async function updateCourse(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof coursePatch>,
): Promise<CourseCompletion> {
  return inTransaction(ctx, async (tx) => {
    const { course, person } = await courseForWrite(tx, ctx, id);
    const { version, ...changes } = patch;
    await checkCourse(tx, ctx, person, changes);
    if (!(await updateVersioned(tx, courseCompletions, id, version, changes)))
      throw await staleWrite(tx, 'course_completion', id, version, courseLabels);
    const before = courseDto(course);
    const after = courseDto((await getCourse(tx, id))!);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'update',
      entity: 'course_completion',
      entityId: id,
      summary: `${person.fullName}: изменены сведения о курсе «${after.title.slice(0, 120)}»`,
      before,
      after,
    });
    return after;
  });
}

export async function deleteCourse(ctx: ServiceContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { course, person } = await courseForWrite(tx, ctx, id);
    if (!(await deleteVersioned(tx, courseCompletions, id, version)))
      throw await staleWrite(tx, 'course_completion', id, version, courseLabels);
    if (course.fileId) await removeStoredFiles(tx, [course.fileId]);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'delete',
      entity: 'course_completion',
      entityId: id,
      summary: `${person.fullName}: удалён курс «${course.title.slice(0, 120)}»`,
      before: courseDto(course),
    });
  });
}

/**
 * Attaches the scanned certificate (checked as evidence files are: type by its bytes, at most 20 MB),
 * replacing the previous one; or removes it when `file` is null.
 */
export async function setCourseCertificate(
  ctx: ServiceContext,
  id: string,
  version: number,
  file: EvidenceFileInput | null,
): Promise<CourseCompletion> {
  return inTransaction(ctx, async (tx) => {
    const { course, person } = await courseForWrite(tx, ctx, id);
    if (!file && !course.fileId) throw new DomainError('not_found', 'У этого курса нет файла удостоверения.');
    const stored = file ? await storeCheckedFile(tx, ctx, person.regionId, file, certificateWording) : null;
    if (!(await updateVersioned(tx, courseCompletions, id, version, { fileId: stored?.id ?? null })))
      throw await staleWrite(tx, 'course_completion', id, version, courseLabels);
    if (course.fileId) await removeStoredFiles(tx, [course.fileId]);
    const before = courseDto(course);
    const after = courseDto((await getCourse(tx, id))!);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'update',
      entity: 'course_completion',
      entityId: id,
      summary: stored
        ? `${person.fullName}: к курсу «${course.title.slice(0, 120)}» приложено удостоверение «${stored.name}»`
        : `${person.fullName}: у курса «${course.title.slice(0, 120)}» удалён файл удостоверения`,
      before,
      after,
    });
    return after;
  });
}

export async function courseCertificate(
  ctx: ServiceContext,
  id: string,
): Promise<{ name: string; mediaType: string; bytes: Uint8Array }> {
  requirePermission(ctx, 'person.read');
  const course = await getCourse(ctx.db, id);
  if (!course) throw courseNotFound();
  await personFor(ctx.db, ctx, course.personId, 'person.read');
  const bytes = course.fileId ? await storedFileContent(ctx.db, course.fileId) : null;
  if (!bytes) throw new DomainError('not_found', 'У этого курса нет файла удостоверения.');
  return {
    name: course.fileName ?? 'удостоверение',
    mediaType: course.fileMediaType ?? 'application/octet-stream',
    bytes,
  };
}

// ——— deficits

async function deficitForWrite(ex: Executor, ctx: ServiceContext, id: string) {
  requirePermission(ctx, 'person.write');
  const deficit = await getDeficit(ex, id);
  if (!deficit) throw deficitNotFound();
  const person = await personFor(ex, ctx, deficit.personId, 'person.write');
  return { deficit, person };
}

async function deficitDtoOf(ex: Executor, id: string): Promise<StaffDeficit> {
  const d = (await getDeficit(ex, id))!;
  const progress = deficitProgress(await listPlans(ex, d.personId));
  return deficitDto(d, progress.get(id));
}

export async function addDeficit(
  ctx: ServiceContext,
  personId: string,
  input: z.infer<typeof deficitInput>,
): Promise<StaffDeficit> {
  return inTransaction(ctx, async (tx) => {
    const person = await personFor(tx, ctx, personId, 'person.write');
    const id = await insertDeficit(tx, {
      ...input,
      regionId: person.regionId,
      personId,
      organisationId: person.organisationId,
    });
    const created = await deficitDtoOf(tx, id);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'create',
      entity: 'staff_deficit',
      entityId: id,
      summary: `${person.fullName}: выявлен профессиональный дефицит «${created.area.slice(0, 120)}»`,
      after: created,
    });
    return created;
  });
}

export async function updateDeficit(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof deficitPatch>,
): Promise<StaffDeficit> {
  return inTransaction(ctx, async (tx) => {
    const { deficit, person } = await deficitForWrite(tx, ctx, id);
    const { version, ...changes } = patch;
    const before = await deficitDtoOf(tx, id);
    if (changes.status === 'addressed' && deficit.status !== 'addressed' && !before.canMarkAddressed)
      throw new DomainError(
        'conflict.state',
        `Дефицит нельзя отметить устранённым: выполнено ${before.stepsDone} из ${before.steps} пунктов ИОМ, направленных на его устранение. Отметьте выполненные пункты маршрута.`,
      );
    if (!(await updateVersioned(tx, staffDeficits, id, version, changes)))
      throw await staleWrite(tx, 'staff_deficit', id, version, deficitLabels);
    const after = await deficitDtoOf(tx, id);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'update',
      entity: 'staff_deficit',
      entityId: id,
      summary:
        changes.status && changes.status !== deficit.status
          ? `${person.fullName}: дефицит «${after.area.slice(0, 120)}» ${changes.status === 'addressed' ? 'отмечен устранённым' : 'снова открыт'}`
          : `${person.fullName}: изменён дефицит «${after.area.slice(0, 120)}»`,
      before,
      after,
    });
    return after;
  });
}

export async function deleteDeficit(ctx: ServiceContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { deficit, person } = await deficitForWrite(tx, ctx, id);
    const plans = (await listPlans(tx, deficit.personId)).filter((p) => p.items.some((i) => i.deficitId === id));
    if (plans.length > 0)
      throw new DomainError(
        'conflict.in_use',
        `Дефицит указан в пунктах маршрута ${plans.map((p) => `«${p.title}»`).join(', ')}: сначала уберите ссылку на него из этих пунктов.`,
      );
    const before = await deficitDtoOf(tx, id);
    if (!(await deleteVersioned(tx, staffDeficits, id, version)))
      throw await staleWrite(tx, 'staff_deficit', id, version, deficitLabels);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'delete',
      entity: 'staff_deficit',
      entityId: id,
      summary: `${person.fullName}: удалён дефицит «${deficit.area.slice(0, 120)}»`,
      before,
    });
  });
}

// ——— development plans (ИОМ)

type StepInput = z.infer<typeof planItemInput>;

/** Gives new steps their keys and checks the steps: unique keys, deficits of this person only. */
async function planSteps(ex: Executor, personId: string, steps: StepInput[]): Promise<PlanStep[]> {
  const duplicates = duplicateKeys(steps.flatMap((s) => (s.key ? [{ key: s.key }] : [])));
  if (duplicates.length > 0) throw invalid('items', 'Пункты маршрута повторяются: обновите страницу и повторите.');
  const own = new Set((await listDeficits(ex, personId)).map((d) => d.id));
  const used = new Set(steps.flatMap((s) => (s.key ? [s.key] : [])));
  return steps.map((s, i) => {
    if (s.deficitId && !own.has(s.deficitId))
      throw invalid('items', `Пункт ${i + 1}: выберите дефицит этого сотрудника.`);
    let key = s.key;
    while (!key || (!s.key && used.has(key))) key = randomUUID().slice(0, 8);
    used.add(key);
    return { key, action: s.action, due: s.due, deficitId: s.deficitId, done: s.done };
  });
}

function checkPeriod(start: string | null, end: string | null) {
  if (start && end && end < start)
    throw invalid('periodEnd', 'Окончание периода маршрута не может быть раньше его начала.');
}

async function planForWrite(ex: Executor, ctx: ServiceContext, id: string) {
  requirePermission(ctx, 'person.write');
  const plan = await getPlan(ex, id);
  if (!plan) throw planNotFound();
  const person = await personFor(ex, ctx, plan.personId, 'person.write');
  return { plan, person };
}

export async function addPlan(
  ctx: ServiceContext,
  personId: string,
  input: z.infer<typeof planInput>,
): Promise<DevelopmentPlan> {
  return inTransaction(ctx, async (tx) => {
    const person = await personFor(tx, ctx, personId, 'person.write');
    checkPeriod(input.periodStart, input.periodEnd);
    const items = await planSteps(tx, personId, input.items);
    const id = await insertPlan(tx, {
      ...input,
      items,
      regionId: person.regionId,
      personId,
      organisationId: person.organisationId,
    });
    const created = planDto((await getPlan(tx, id))!);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'create',
      entity: 'development_plan',
      entityId: id,
      summary: `${person.fullName}: составлен индивидуальный образовательный маршрут «${created.title.slice(0, 120)}»`,
      after: created,
    });
    return created;
  });
}

export async function updatePlan(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof planPatch>,
): Promise<DevelopmentPlan> {
  return inTransaction(ctx, async (tx) => {
    const { plan, person } = await planForWrite(tx, ctx, id);
    const { version, items: itemsInput, itemDone, ...fields } = patch;
    // A step named by a stale page may be gone: the version tells a conflict from a wrong key.
    if (plan.version !== version) throw await staleWrite(tx, 'development_plan', id, version, planLabels);
    checkPeriod(
      fields.periodStart === undefined ? plan.periodStart : fields.periodStart,
      fields.periodEnd === undefined ? plan.periodEnd : fields.periodEnd,
    );
    let items = itemsInput ? await planSteps(tx, plan.personId, itemsInput) : undefined;
    if (itemDone) {
      const current = items ?? plan.items;
      if (!current.some((s) => s.key === itemDone.key))
        throw invalid('itemDone', 'Пункт маршрута не найден: обновите страницу.');
      items = current.map((s) => (s.key === itemDone.key ? { ...s, done: itemDone.done } : s));
    }
    const changes = items ? { ...fields, items } : fields;
    if (!(await updateVersioned(tx, developmentPlans, id, version, changes)))
      throw await staleWrite(tx, 'development_plan', id, version, planLabels);
    const before = planDto(plan);
    const after = planDto((await getPlan(tx, id))!);
    const step = itemDone && after.items.find((s) => s.key === itemDone.key);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'update',
      entity: 'development_plan',
      entityId: id,
      summary:
        step && !itemsInput && Object.keys(fields).length === 0
          ? `${person.fullName}: пункт маршрута «${step.action.slice(0, 120)}» ${step.done ? 'выполнен' : 'снова не выполнен'}`
          : `${person.fullName}: изменён индивидуальный образовательный маршрут «${after.title.slice(0, 120)}»`,
      before,
      after,
    });
    return after;
  });
}

export async function deletePlan(ctx: ServiceContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { plan, person } = await planForWrite(tx, ctx, id);
    if (!(await deleteVersioned(tx, developmentPlans, id, version)))
      throw await staleWrite(tx, 'development_plan', id, version, planLabels);
    await audit(tx, ctx, {
      regionId: person.regionId,
      action: 'delete',
      entity: 'development_plan',
      entityId: id,
      summary: `${person.fullName}: удалён индивидуальный образовательный маршрут «${plan.title.slice(0, 120)}»`,
      before: planDto(plan),
    });
  });
}

// ——— a school's staff

/** The people of an organisation by category, who is trained (a course in three years), deficits and plans. */
export async function organisationStaffOf(ctx: ServiceContext, organisationId: string): Promise<OrganisationStaff> {
  requirePermission(ctx, 'person.read');
  const o = await getOrganisation(ctx.db, organisationId);
  if (!o) throw new DomainError('not_found', 'Организация не найдена: возможно, её удалили.');
  requirePermission(ctx, 'person.read', {
    regionId: o.regionId,
    municipalityId: o.municipalityId,
    organisationId: o.id,
  });
  const today = await regionToday(ctx.db, ctx, o.regionId);
  const rows = await organisationStaffRows(ctx.db, o.id, today);
  const staff = rows.map((r) => ({ ...r, trained: isTrainedOn(r.lastCourseOn, today) }));
  const categories = staffCategories
    .map((category) => {
      const of = staff.filter((p) => p.category === category);
      return { category, total: of.length, trained: of.filter((p) => p.trained).length };
    })
    .filter((c) => c.total > 0);
  return { organisationId: o.id, today, trainedSince: trainedSince(today), categories, people: staff };
}
