// Logging in and out, sessions, password changes and one-time links.
// Tokens are random 256-bit values; only their SHA-256 is stored, so a database leak yields no sessions.
import { createHash, randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../domain/errors.ts';
import { type Actor, permissionNames, policy, type Role } from '../domain/roles.ts';
import { recordAudit } from '../storage/audit-repo.ts';
import type { Db, Executor } from '../storage/database.ts';
import { assignedSchools } from '../storage/execution-repo.ts';
import {
  clearFailures,
  countRecentFailures,
  deleteSession,
  deleteUserSessions,
  findSession,
  findUserByLogin,
  getUser,
  insertSession,
  insertUserToken,
  recordFailure,
  setPassword,
  takeUserToken,
  touchLastLogin,
} from '../storage/users-repo.ts';

export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_FAILURE_WINDOW_MIN = 15;

export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const hashPassword = (password: string) => hash(password);

// Verifying against a fixed hash when the login is unknown keeps the timing the same for both answers.
let dummyHash: Promise<string> | null = null;
const verifyDummy = async (password: string) => {
  dummyHash ??= hash('opora-timing-equaliser');
  await verify(await dummyHash, password);
  return false;
};

export interface SessionInfo {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  actor: Actor;
}

export interface AuthOptions {
  sessionHours: number;
  now: Date;
  ip: string;
}

async function openSession(ex: Executor, actor: Actor, o: AuthOptions): Promise<SessionInfo> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(o.now.getTime() + o.sessionHours * 3_600_000);
  await insertSession(ex, {
    tokenHash: tokenHash(token),
    userId: actor.userId,
    regionId: actor.regionId,
    csrfToken,
    expiresAt,
    createdAt: o.now,
  });
  await touchLastLogin(ex, actor.userId, o.now);
  return { token, csrfToken, expiresAt, actor };
}

export function actorOf(u: {
  id: string;
  login: string;
  role: string;
  regionId: string | null;
  municipalityId: string | null;
  organisationId: string | null;
}): Actor {
  return {
    userId: u.id,
    login: u.login,
    role: u.role as Role,
    regionId: u.regionId,
    municipalityId: u.municipalityId,
    organisationId: u.organisationId,
  };
}

/**
 * Checks the password and opens a new session. The previous session presented by the browser (if any) is
 * ended, so a session identifier fixed before login is never promoted (session rotation).
 */
export async function login(
  db: Db,
  input: { login: string; password: string; previousToken?: string },
  o: AuthOptions,
): Promise<SessionInfo> {
  const loginKey = input.login.trim().toLowerCase();
  const since = new Date(o.now.getTime() - LOGIN_FAILURE_WINDOW_MIN * 60_000);
  if ((await countRecentFailures(db, loginKey, since)) >= LOGIN_FAILURE_LIMIT)
    throw new DomainError(
      'auth.throttled',
      `Слишком много неудачных попыток входа. Повторите через ${LOGIN_FAILURE_WINDOW_MIN} минут или обратитесь к администратору.`,
    );
  const user = await findUserByLogin(db, loginKey);
  const ok = user?.passwordHash ? await verify(user.passwordHash, input.password) : await verifyDummy(input.password);
  if (!user || !ok || user.status !== 'active') {
    await recordFailure(db, loginKey, o.ip, o.now);
    throw new DomainError('auth.invalid_credentials', 'Неверный логин или пароль.');
  }
  return db.transaction(async (tx) => {
    if (input.previousToken) await deleteSession(tx, tokenHash(input.previousToken));
    await clearFailures(tx, loginKey);
    const s = await openSession(tx, actorOf(user), o);
    await recordAudit(tx, {
      regionId: user.regionId,
      actorId: user.id,
      actorLogin: user.login,
      action: 'login',
      entity: 'session',
      entityId: user.id,
      summary: `Вход в систему (${o.ip})`,
    });
    return s;
  });
}

export async function sessionActor(
  db: Db,
  token: string,
  now: Date,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const found = await findSession(db, tokenHash(token), now);
  if (found?.user.status !== 'active') return null;
  const actor = actorOf(found.user);
  // A curator's scope covers the schools assigned to them; read per request so a new order applies at once.
  if (actor.role === 'curator') actor.assignedOrganisationIds = await assignedSchools(db, actor.userId);
  return { actor, csrfToken: found.session.csrfToken };
}

export async function logout(db: Db, token: string): Promise<void> {
  await deleteSession(db, tokenHash(token));
}

export async function changeOwnPassword(
  db: Db,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; currentToken: string },
): Promise<void> {
  const user = await findUserByLogin(db, actor.login);
  if (!user?.passwordHash || !(await verify(user.passwordHash, input.currentPassword)))
    throw new DomainError('auth.invalid_credentials', 'Текущий пароль указан неверно.');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await setPassword(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id, tokenHash(input.currentToken));
    await recordAudit(tx, {
      regionId: user.regionId,
      actorId: user.id,
      actorLogin: user.login,
      action: 'update',
      entity: 'user',
      entityId: user.id,
      summary: 'Пароль изменён пользователем',
    });
  });
}

export type TokenPurpose = 'invite' | 'reset';
export const tokenLifetimeHours: Record<TokenPurpose, number> = { invite: 24 * 7, reset: 24 };

export async function issueUserToken(
  ex: Executor,
  userId: string,
  regionId: string | null,
  purpose: TokenPurpose,
  now: Date,
) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + tokenLifetimeHours[purpose] * 3_600_000);
  await insertUserToken(ex, { tokenHash: tokenHash(token), userId, regionId, purpose, createdAt: now, expiresAt });
  const path = purpose === 'invite' ? `/welcome?token=${token}` : `/reset?token=${token}`;
  return { token, path, expiresAt: expiresAt.toISOString() };
}

/** Sets a password from an invitation or reset link and logs the person in. */
export async function redeemUserToken(
  db: Db,
  purpose: TokenPurpose,
  input: { token: string; newPassword: string },
  o: AuthOptions,
): Promise<SessionInfo> {
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const taken = await takeUserToken(tx, tokenHash(input.token), purpose, o.now);
    if (!taken)
      throw new DomainError(
        'auth.token_invalid',
        'Ссылка недействительна или устарела. Попросите администратора выдать новую.',
      );
    const user = await getUser(tx, taken.userId);
    if (!user || user.status === 'blocked')
      throw new DomainError('auth.token_invalid', 'Учётная запись заблокирована. Обратитесь к администратору.');
    await setPassword(tx, user.id, passwordHash);
    await deleteUserSessions(tx, user.id);
    await recordAudit(tx, {
      regionId: user.regionId,
      actorId: user.id,
      actorLogin: user.login,
      action: 'update',
      entity: 'user',
      entityId: user.id,
      summary: purpose === 'invite' ? 'Приглашение принято, пароль задан' : 'Пароль сброшен по ссылке',
    });
    return openSession(tx, actorOf(user), o);
  });
}

export function permissionsOf(role: Role): string[] {
  return permissionNames.filter((p) => policy[role].includes(p));
}
