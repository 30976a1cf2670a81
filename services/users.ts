// Accounts: created by an administrator with a password or as an invitation; blocked, reset by link.
import type { z } from 'zod';
import type { User, userInput, userPatch } from '../contract/api.ts';
import { DomainError, notFound } from '../domain/errors.ts';
import { bindingRequired } from '../domain/roles.ts';
import type { Executor } from '../storage/database.ts';
import { getOrganisation } from '../storage/organisations-repo.ts';
import { users } from '../storage/schema.ts';
import { getMunicipality, getRegion } from '../storage/territories-repo.ts';
import {
  deleteUserSessions,
  findUserByLogin,
  getUser,
  insertUser,
  listUsers,
  setPassword,
} from '../storage/users-repo.ts';
import { updateVersioned } from '../storage/versioned.ts';
import { hashPassword, issueUserToken } from './auth.ts';
import { audit, inTransaction, requirePermission, type ServiceContext, scope, staleWrite } from './context.ts';

const userLabels = { fullName: 'ФИО', email: 'Электронная почта', status: 'Состояние' };
const placeOf = (u: Pick<User, 'regionId' | 'municipalityId' | 'organisationId'>) => ({
  regionId: u.regionId,
  municipalityId: u.municipalityId,
  organisationId: u.organisationId,
});
const nowOf = (ctx: ServiceContext) => ctx.now?.() ?? new Date();

export async function listUsersFor(
  ctx: ServiceContext,
  f: { regionId?: string; role?: string; q?: string; page: number; pageSize: number },
) {
  requirePermission(ctx, 'user.read');
  const { items, total } = await listUsers(ctx.db, scope(ctx), f, f.pageSize, (f.page - 1) * f.pageSize);
  return { items, total, page: f.page, pageSize: f.pageSize };
}

/** Checks that the territory binding matches the role and that its parts belong together. */
async function checkBinding(ex: Executor, input: z.infer<typeof userInput>) {
  const need = bindingRequired(input.role);
  const problems: { field: string; message: string }[] = [];
  if (input.role === 'admin' && (input.regionId || input.municipalityId || input.organisationId))
    problems.push({ field: 'regionId', message: 'Администратор не привязывается к территории.' });
  if (need.region && !input.regionId) problems.push({ field: 'regionId', message: 'Выберите регион.' });
  if (need.municipality && !input.municipalityId)
    problems.push({ field: 'municipalityId', message: 'Выберите муниципалитет.' });
  if (need.organisation && !input.organisationId)
    problems.push({ field: 'organisationId', message: 'Выберите организацию.' });
  if (input.regionId && !(await getRegion(ex, input.regionId)))
    problems.push({ field: 'regionId', message: 'Регион не найден.' });
  let municipalityId = input.municipalityId;
  if (input.municipalityId) {
    const m = await getMunicipality(ex, input.municipalityId);
    if (!m || m.regionId !== input.regionId)
      problems.push({ field: 'municipalityId', message: 'Муниципалитет не относится к региону.' });
  }
  if (input.organisationId) {
    const o = await getOrganisation(ex, input.organisationId);
    if (!o || o.regionId !== input.regionId)
      problems.push({ field: 'organisationId', message: 'Организация не относится к региону.' });
    else {
      if (input.role === 'school' && o.kind !== 'school')
        problems.push({ field: 'organisationId', message: 'Для роли «Школа» выберите школу.' });
      municipalityId = o.municipalityId;
    }
  }
  if (problems.length)
    throw new DomainError('validation.failed', 'Проверьте привязку учётной записи к территории.', { problems });
  return {
    regionId: input.regionId,
    municipalityId: need.organisation ? municipalityId : input.municipalityId,
    organisationId: input.organisationId,
  };
}

export async function createUser(ctx: ServiceContext, input: z.infer<typeof userInput>) {
  requirePermission(ctx, 'user.write', input.regionId ? { regionId: input.regionId } : undefined);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return inTransaction(ctx, async (tx) => {
    const place = await checkBinding(tx, input);
    if (await findUserByLogin(tx, input.login))
      throw new DomainError('conflict.duplicate', `Логин «${input.login}» уже занят.`);
    const id = await insertUser(tx, {
      login: input.login,
      fullName: input.fullName,
      email: input.email,
      role: input.role,
      ...place,
      passwordHash,
      status: passwordHash ? 'active' : 'invited',
    });
    const link = passwordHash ? undefined : await issueUserToken(tx, id, place.regionId, 'invite', nowOf(ctx));
    const created = (await getUser(tx, id))!;
    await audit(tx, ctx, {
      regionId: created.regionId,
      action: 'create',
      entity: 'user',
      entityId: id,
      summary: `Создана учётная запись ${created.login}${link ? ' (приглашение)' : ''}`,
      after: created,
    });
    return { user: created, link };
  });
}

export async function updateUser(ctx: ServiceContext, id: string, patch: z.infer<typeof userPatch>): Promise<User> {
  return inTransaction(ctx, async (tx) => {
    const before = await getUser(tx, id);
    if (!before) throw notFound('Учётная запись');
    requirePermission(ctx, 'user.write', before.role === 'admin' ? undefined : placeOf(before));
    if (id === ctx.actor.userId && patch.status === 'blocked')
      throw new DomainError('validation.failed', 'Нельзя заблокировать собственную учётную запись.');
    const { version, ...changes } = patch;
    if (!(await updateVersioned(tx, users, id, version, changes)))
      throw await staleWrite(tx, 'user', id, version, userLabels);
    if (changes.status === 'blocked') await deleteUserSessions(tx, id);
    const after = (await getUser(tx, id))!;
    await audit(tx, ctx, {
      regionId: after.regionId,
      action: 'update',
      entity: 'user',
      entityId: id,
      summary: `Изменена учётная запись ${after.login}`,
      before,
      after,
    });
    return after;
  });
}

/** A one-time link to set a new password; the old password stops working only when the link is used. */
export async function issueResetLink(ctx: ServiceContext, id: string) {
  return inTransaction(ctx, async (tx) => {
    const u = await getUser(tx, id);
    if (!u) throw notFound('Учётная запись');
    requirePermission(ctx, 'user.write', u.role === 'admin' ? undefined : placeOf(u));
    const link = await issueUserToken(tx, id, u.regionId, u.status === 'invited' ? 'invite' : 'reset', nowOf(ctx));
    await audit(tx, ctx, {
      regionId: u.regionId,
      action: 'update',
      entity: 'user',
      entityId: id,
      summary: `Выдана ссылка для ${u.status === 'invited' ? 'приглашения' : 'сброса пароля'} ${u.login}`,
    });
    return link;
  });
}

/** Sets a password directly (CLI `user reset`, run by an operator on the server). */
export async function setUserPassword(ctx: ServiceContext, login: string, password: string) {
  requirePermission(ctx, 'user.write');
  const passwordHash = await hashPassword(password);
  return inTransaction(ctx, async (tx) => {
    const u = await findUserByLogin(tx, login);
    if (!u) throw notFound(`Пользователь «${login}»`);
    await setPassword(tx, u.id, passwordHash);
    await deleteUserSessions(tx, u.id);
    await audit(tx, ctx, {
      regionId: u.regionId,
      action: 'update',
      entity: 'user',
      entityId: u.id,
      summary: `Пароль ${u.login} задан администратором`,
    });
    return getUser(tx, u.id);
  });
}
