// Reading the session cookie, resolving the actor, and the CSRF check on state-changing requests.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/errors.ts';
import type { Actor } from '../domain/roles.ts';
import { type SessionInfo, sessionActor } from '../services/auth.ts';
import type { ServiceContext } from '../services/context.ts';
import type { Db } from '../storage/database.ts';

export const SESSION_COOKIE = 'opora_session';
export const CSRF_HEADER = 'x-csrf-token';
const credentialRoutes = new Set(['/api/auth/login', '/api/auth/accept-invite', '/api/auth/reset-password']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route answers without a session (login, health). Everything else is refused with 401. */
    public?: boolean;
  }
  interface FastifyInstance {
    /** The clock of the services: «today» for deadlines and rounds. */
    clock: () => Date;
  }
  interface FastifyRequest {
    session: { actor: Actor; csrfToken: string; token: string } | null;
  }
}

export async function loadSession(db: Db, req: FastifyRequest): Promise<void> {
  req.session = null;
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return;
  const found = await sessionActor(db, token, new Date());
  if (found) req.session = { ...found, token };
}

/** The service context of an authenticated request; 401 otherwise. */
export function contextOf(db: Db, req: FastifyRequest): ServiceContext {
  if (!req.session) throw new DomainError('auth.required', 'Войдите в систему.');
  return { db, actor: req.session.actor, now: req.server.clock };
}

/**
 * CSRF: a state-changing request must carry the session's token in a header. A cross-site form cannot set
 * headers, and SameSite=Lax keeps the cookie off cross-site POSTs as a second line.
 */
export function checkCsrf(req: FastifyRequest): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
  const url = req.url.split('?')[0] ?? '';
  if (credentialRoutes.has(url)) {
    // These routes authenticate by what is posted, not by the cookie; a cross-site post is still refused
    // by its Origin, so nobody can log a victim into someone else's account (login CSRF).
    const origin = req.headers.origin;
    if (origin && origin !== `${req.protocol}://${req.host}`)
      throw new DomainError('auth.csrf', 'Запрос отклонён: вход возможен только со страницы Опоры.');
    return;
  }
  if (!req.session) return; // unauthenticated requests are refused by the route itself
  // A route that never reads the session acts on nobody's authority (the questionnaire by a school's code): the
  // cookie a signed-in browser happens to send changes nothing it may do, so a forged request gains nothing.
  if ((req.routeOptions.config as { sessionless?: boolean } | undefined)?.sessionless === true) return;
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || sent !== req.session.csrfToken)
    throw new DomainError('auth.csrf', 'Запрос отклонён защитой от подделки (CSRF). Обновите страницу и повторите.');
}

export function setSessionCookie(reply: FastifyReply, s: SessionInfo, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, s.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: s.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
