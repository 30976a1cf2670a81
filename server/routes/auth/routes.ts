import { changePasswordBody, loginBody, me, tokenPasswordBody } from '../../../contract/api.ts';
import { roleLabels } from '../../../domain/roles.ts';
import {
  changeOwnPassword,
  login,
  logout,
  permissionsOf,
  redeemUserToken,
  type SessionInfo,
} from '../../../services/auth.ts';
import type { Db } from '../../../storage/database.ts';
import { getUser } from '../../../storage/users-repo.ts';
import type { App, RouteDeps } from '../../app.ts';
import { clearSessionCookie, contextOf, SESSION_COOKIE, setSessionCookie } from '../../session.ts';

const tags = ['вход'];

/** The presenter of the current user. */
async function presentMe(db: Db, s: { actor: SessionInfo['actor']; csrfToken: string }) {
  const u = await getUser(db, s.actor.userId);
  return {
    id: s.actor.userId,
    login: s.actor.login,
    fullName: u?.fullName ?? s.actor.login,
    role: s.actor.role,
    regionId: s.actor.regionId,
    municipalityId: s.actor.municipalityId,
    organisationId: s.actor.organisationId,
    territoryName: s.actor.role === 'admin' ? 'Все регионы' : (u?.territoryName ?? ''),
    roleLabel: roleLabels[s.actor.role],
    permissions: permissionsOf(s.actor.role),
    csrfToken: s.csrfToken,
  };
}

export async function authRoutes(app: App, { database, options }: RouteDeps) {
  const db = database.db;
  const authOpts = (ip: string) => ({ sessionHours: options.sessionHours, now: new Date(), ip });

  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: options.loginRateLimit ?? 30, timeWindow: '1 minute' } },
      schema: { tags, summary: 'Вход по логину и паролю', body: loginBody, response: { 200: me } },
    },
    async (req, reply) => {
      const s = await login(db, { ...req.body, previousToken: req.cookies[SESSION_COOKIE] }, authOpts(req.ip));
      setSessionCookie(reply, s, options.secure);
      return presentMe(db, s);
    },
  );

  app.post('/auth/logout', { config: { public: true }, schema: { tags, summary: 'Выход' } }, async (req, reply) => {
    if (req.session) await logout(db, req.session.token);
    clearSessionCookie(reply, options.secure);
    return reply.status(204).send();
  });

  app.get('/auth/me', { schema: { tags, summary: 'Текущий пользователь', response: { 200: me } } }, async (req) => {
    contextOf(db, req);
    return presentMe(db, req.session!);
  });

  app.post(
    '/auth/password',
    { schema: { tags, summary: 'Смена собственного пароля', body: changePasswordBody } },
    async (req, reply) => {
      const ctx = contextOf(db, req);
      await changeOwnPassword(db, ctx.actor, { ...req.body, currentToken: req.session!.token });
      return reply.status(204).send();
    },
  );

  for (const [url, purpose, summary] of [
    ['/auth/accept-invite', 'invite', 'Принять приглашение и задать пароль'],
    ['/auth/reset-password', 'reset', 'Задать новый пароль по ссылке сброса'],
  ] as const) {
    app.post(
      url,
      {
        config: { public: true, rateLimit: { max: options.loginRateLimit ?? 30, timeWindow: '1 minute' } },
        schema: { tags, summary, body: tokenPasswordBody, response: { 200: me } },
      },
      async (req, reply) => {
        const s = await redeemUserToken(db, purpose, req.body, authOpts(req.ip));
        setSessionCookie(reply, s, options.secure);
        return presentMe(db, s);
      },
    );
  }
}
