// Use cases for people: staff of schools and support organisations, coordinators and curators.
import type { z } from 'zod';
import type { Person, personInput, personPatch } from '../contract/api.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { commonSubjects, readSubjects, type StaffCategory, staffCategoryOf } from '../domain/network/staff.ts';
import type { Executor } from '../storage/database.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import { getPerson, insertPerson, listPeople, type PersonFilter } from '../storage/people-repo.ts';
import { people } from '../storage/schema.ts';
import { personCertificateFiles } from '../storage/staff-development-repo.ts';
import { removeStoredFiles } from '../storage/stored-files-repo.ts';
import { deleteVersioned, updateVersioned } from '../storage/versioned.ts';
import { audit, inTransaction, requirePermission, type ServiceContext, scope, staleWrite } from './context.ts';

const personLabels = {
  fullName: 'ФИО',
  position: 'Должность',
  email: 'Электронная почта',
  phone: 'Телефон',
  organisationId: 'Организация',
  category: 'Категория',
  subjects: 'Предметы',
};

/** One spelling per known subject («Алгебра» → «математика»), others as written, each once. */
export function normaliseSubjects(subjects: readonly string[]): string[] {
  return [...new Set(subjects.flatMap(readSubjects))];
}

/** A teacher's subjects read from the position («учитель математики»): only the well-known ones. */
export function subjectsOfPosition(category: StaffCategory, position: string): string[] {
  return category === 'teacher' ? readSubjects(position).filter((s) => commonSubjects.includes(s)) : [];
}

const placeOf = (p: Pick<Person, 'regionId' | 'municipalityId' | 'organisationId'>) => ({
  regionId: p.regionId,
  municipalityId: p.municipalityId,
  organisationId: p.organisationId,
});

export async function listPeopleFor(ctx: ServiceContext, f: PersonFilter & { page: number; pageSize: number }) {
  requirePermission(ctx, 'person.read');
  const { items, total } = await listPeople(ctx.db, scope(ctx), f, f.pageSize, (f.page - 1) * f.pageSize);
  return { items, total, page: f.page, pageSize: f.pageSize };
}

export async function getPersonFor(ctx: ServiceContext, id: string): Promise<Person> {
  requirePermission(ctx, 'person.read');
  const p = await getPerson(ctx.db, id);
  if (!p) throw notFound('Сотрудник');
  requirePermission(ctx, 'person.read', placeOf(p));
  return p;
}

/** A person's municipality follows the organisation: the place is derived, never trusted from input. */
async function placeFromOrganisation(
  ex: Executor,
  regionId: string,
  organisationId: string | null,
  municipalityId: string | null,
) {
  if (!organisationId) return { regionId, municipalityId, organisationId: null };
  const o = await getOrganisation(ex, organisationId);
  if (!o || o.regionId !== regionId)
    throw new DomainError('validation.failed', 'Организация не относится к выбранному региону.', {
      problems: [{ field: 'organisationId', message: 'Выберите организацию этого региона.' }],
    });
  return { regionId, municipalityId: o.municipalityId, organisationId };
}

export async function createPerson(ctx: ServiceContext, input: z.infer<typeof personInput>): Promise<Person> {
  requirePermission(ctx, 'person.write');
  return inTransaction(ctx, async (tx) => {
    const place = await placeFromOrganisation(tx, input.regionId, input.organisationId, input.municipalityId);
    requirePermission(ctx, 'person.write', place);
    const category = input.category ?? staffCategoryOf(input.position);
    const subjects = input.subjects ? normaliseSubjects(input.subjects) : subjectsOfPosition(category, input.position);
    const id = await insertPerson(tx, { ...input, ...place, category, subjects });
    const created = (await getPerson(tx, id))!;
    await audit(tx, ctx, {
      regionId: created.regionId,
      action: 'create',
      entity: 'person',
      entityId: id,
      summary: `Добавлен сотрудник ${created.fullName}`,
      after: created,
    });
    return created;
  });
}

export async function updatePerson(
  ctx: ServiceContext,
  id: string,
  patch: z.infer<typeof personPatch>,
): Promise<Person> {
  return inTransaction(ctx, async (tx) => {
    const before = await getPerson(tx, id);
    if (!before) throw notFound('Сотрудник');
    requirePermission(ctx, 'person.write', placeOf(before));
    const { version, ...changes } = patch;
    if (changes.organisationId !== undefined || changes.municipalityId !== undefined) {
      const place = await placeFromOrganisation(
        tx,
        before.regionId,
        changes.organisationId === undefined ? before.organisationId : changes.organisationId,
        changes.municipalityId === undefined ? before.municipalityId : changes.municipalityId,
      );
      requirePermission(ctx, 'person.write', place);
      Object.assign(changes, place);
    }
    if (changes.subjects) changes.subjects = normaliseSubjects(changes.subjects);
    if (changes.position !== undefined && changes.position !== before.position) {
      // A new position re-reads the category unless the user chose one; subjects are read only into an empty list.
      changes.category ??= staffCategoryOf(changes.position);
      if (changes.subjects === undefined && before.subjects.length === 0) {
        const read = subjectsOfPosition(changes.category, changes.position);
        if (read.length > 0) changes.subjects = read;
      }
    }
    if (!(await updateVersioned(tx, people, id, version, changes)))
      throw await staleWrite(tx, 'person', id, version, personLabels);
    const after = (await getPerson(tx, id))!;
    await audit(tx, ctx, {
      regionId: after.regionId,
      action: 'update',
      entity: 'person',
      entityId: id,
      summary: `Изменены данные сотрудника ${after.fullName}`,
      before,
      after,
    });
    return after;
  });
}

export async function deletePerson(ctx: ServiceContext, id: string, version: number): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const before = await getPerson(tx, id);
    if (!before) throw notFound('Сотрудник');
    requirePermission(ctx, 'person.write', placeOf(before));
    // Courses go with the person (on delete cascade); their certificate files are removed here.
    const files = await personCertificateFiles(tx, id);
    if (!(await deleteVersioned(tx, people, id, version)))
      throw await staleWrite(tx, 'person', id, version, personLabels);
    await removeStoredFiles(tx, files);
    await audit(tx, ctx, {
      regionId: before.regionId,
      action: 'delete',
      entity: 'person',
      entityId: id,
      summary: `Удалён сотрудник ${before.fullName}`,
      before,
    });
  });
}
