import { and, asc, eq, gt, ilike, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { User } from '../contract/api.ts';
import type { Role, Scope } from '../domain/roles.ts';
import { escapeLike } from './audit-repo.ts';
import type { Executor } from './database.ts';
import { loginFailures, municipalities, organisations, regions, sessions, users, userTokens } from './schema.ts';
import { scopeCondition } from './scope-filter.ts';

const r = alias(regions, 'r');
const m = alias(municipalities, 'm');
const o = alias(organisations, 'o');

const columns = {
  id: users.id,
  login: users.login,
  fullName: users.fullName,
  email: users.email,
  role: users.role,
  regionId: users.regionId,
  municipalityId: users.municipalityId,
  organisationId: users.organisationId,
  status: users.status,
  lastLoginAt: users.lastLoginAt,
  version: users.version,
  // The narrowest territory the account is bound to, as people name it.
  territoryName: sql<string>`coalesce(${o.shortName}, ${m.name}, ${r.shortName}, 'Вся страна')`,
};

type UserRow = Omit<User, 'role' | 'status' | 'lastLoginAt'> & {
  role: string;
  status: string;
  lastLoginAt: Date | null;
};
const present = (u: UserRow): User => ({
  ...u,
  role: u.role as Role,
  status: u.status as User['status'],
  lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
});

function selectUsers(ex: Executor) {
  return ex
    .select(columns)
    .from(users)
    .leftJoin(r, eq(r.id, users.regionId))
    .leftJoin(m, eq(m.id, users.municipalityId))
    .leftJoin(o, eq(o.id, users.organisationId));
}

export async function listUsers(
  ex: Executor,
  scope: Scope,
  f: { regionId?: string; role?: string; q?: string },
  limit: number,
  offset: number,
): Promise<{ items: User[]; total: number }> {
  const q = f.q ? `%${escapeLike(f.q)}%` : null;
  const where: SQL | undefined = and(
    scopeCondition(scope, {
      region: users.regionId,
      municipality: users.municipalityId,
      organisation: users.organisationId,
    }),
    f.regionId ? eq(users.regionId, f.regionId) : undefined,
    f.role ? eq(users.role, f.role) : undefined,
    q ? or(ilike(users.login, q), ilike(users.fullName, q)) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    selectUsers(ex).where(where).orderBy(asc(users.login)).limit(limit).offset(offset),
    ex.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return { items: rows.map(present), total: count?.n ?? 0 };
}

export async function getUser(ex: Executor, id: string): Promise<User | null> {
  const [row] = await selectUsers(ex).where(eq(users.id, id));
  return row ? present(row) : null;
}

export async function findUserByLogin(ex: Executor, login: string) {
  const [row] = await ex.select().from(users).where(sql`lower(${users.login}) = lower(${login})`);
  return row ?? null;
}

export async function insertUser(ex: Executor, v: typeof users.$inferInsert): Promise<string> {
  const [row] = await ex.insert(users).values(v).returning({ id: users.id });
  return row!.id;
}

export async function setPassword(ex: Executor, userId: string, passwordHash: string) {
  await ex
    .update(users)
    .set({ passwordHash, status: 'active', version: sql`${users.version} + 1`, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

export async function touchLastLogin(ex: Executor, userId: string, at: Date) {
  await ex.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

// ---- sessions
export async function insertSession(ex: Executor, v: typeof sessions.$inferInsert) {
  await ex.insert(sessions).values(v);
}

export async function findSession(ex: Executor, tokenHash: string, now: Date) {
  const [row] = await ex
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row ?? null;
}

export async function deleteSession(ex: Executor, tokenHash: string) {
  await ex.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Ends every session of a user (after a password change or blocking), optionally keeping one. */
export async function deleteUserSessions(ex: Executor, userId: string, keepTokenHash?: string) {
  await ex
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), keepTokenHash ? sql`${sessions.tokenHash} <> ${keepTokenHash}` : undefined),
    );
}

export async function deleteExpiredSessions(ex: Executor, now: Date) {
  await ex.delete(sessions).where(lt(sessions.expiresAt, now));
}

// ---- one-time tokens
export async function insertUserToken(ex: Executor, v: typeof userTokens.$inferInsert) {
  await ex.insert(userTokens).values(v);
}

export async function takeUserToken(ex: Executor, tokenHash: string, purpose: string, now: Date) {
  const [row] = await ex
    .update(userTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(userTokens.tokenHash, tokenHash),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .returning({ userId: userTokens.userId });
  return row ?? null;
}

// ---- login throttling
export async function countRecentFailures(ex: Executor, login: string, since: Date): Promise<number> {
  const [row] = await ex
    .select({ n: sql<number>`count(*)::int` })
    .from(loginFailures)
    .where(and(eq(loginFailures.login, login), gt(loginFailures.at, since)));
  return row?.n ?? 0;
}

export async function recordFailure(ex: Executor, login: string, ip: string, at: Date) {
  await ex.insert(loginFailures).values({ login, ip, at });
}

export async function clearFailures(ex: Executor, login: string) {
  await ex.delete(loginFailures).where(eq(loginFailures.login, login));
}
