// Web security through the HTTP API (issue 10, item 7), extending the single cases of server/app.test.ts and
// server/routes/auth/routes.test.ts to whole sweeps: the CSP and framing policy on every route and every error,
// HSTS only behind TLS, cookie attributes on every answer that sets one, CSRF refused on every state-changing
// route of the OpenAPI document, session rotation and binding, login throttling with its reset and window,
// upload size and type limits on every upload route, and no personal data in the server's log.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../cli/config.ts';
import type { ProgrammeExecutionDto } from '../contract/execution.ts';
import { queryRows } from '../storage/database.ts';
import { regionalRoadmap } from '../test/approved-programme.ts';
import { engines } from '../test/engines.ts';
import { type Client, multipart, startTestServer, type TestServer, testServerOptions } from '../test/server.ts';
import { TEST_PASSWORD } from '../test/world.ts';
import { buildServer, type ServerOptions } from './app.ts';

const builtWeb = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
const fixedNow = new Date('2022-07-15T05:00:00Z');

/** Every route of the OpenAPI document as `METHOD /path/:param`. */
async function documentedRoutes(s: TestServer): Promise<{ method: string; url: string }[]> {
  const doc = (await s.anonymous.get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([p, methods]) =>
    Object.keys(methods).map((m) => ({ method: m.toUpperCase(), url: p.replace(/\{(\w+)\}/g, ':$1') })),
  );
}

/** A concrete address for a route: ids are random, a result kind is «vpr». */
const concrete = (url: string) => url.replace(/:kind/g, 'vpr').replace(/:(\w+)/g, () => randomUUID());

/** The CSP as directive → sources. */
function policy(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name!.toLowerCase(), sources]),
  );
}

const count = async (s: TestServer, table: string) =>
  (await queryRows<{ n: number }>(s.database.db, sql`select count(*)::int as n from ${sql.identifier(table)}`))[0]!.n;

/**
 * Another server on the same database, as a second process would be (TLS, other limits, a log): building one
 * costs far less than a new database.
 */
async function alsoServe(base: TestServer, options: Partial<ServerOptions>): Promise<TestServer> {
  const app = await buildServer(base.database, { ...testServerOptions, ...options });
  await app.ready();
  const client = (cookie: string, csrf: string): Client => {
    const request: Client['request'] = (method, url, body, headers = {}) =>
      app.inject({
        method: method as 'GET',
        url,
        headers: { ...(cookie ? { cookie } : {}), ...(csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    return {
      cookie,
      csrf,
      request,
      get: (url) => request('GET', url),
      post: (url, body) => request('POST', url, body ?? {}),
      patch: (url, body) => request('PATCH', url, body ?? {}),
      delete: (url) => request('DELETE', url),
    };
  };
  return {
    app,
    database: base.database,
    world: base.world,
    anonymous: client('', ''),
    async as(login, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
      if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.statusCode} ${res.body}`);
      return client(
        `opora_session=${res.cookies.find((c) => c.name === 'opora_session')!.value}`,
        res.json().csrfToken,
      );
    },
    close: () => app.close(),
  };
}

describe('TLS is read from OPORA_PUBLIC_URL', () => {
  it('an https address turns on Secure cookies and HSTS; http or none leaves them off', () => {
    expect(readConfig({ OPORA_PUBLIC_URL: 'https://opora.example.ru' }).secure).toBe(true);
    expect(readConfig({ OPORA_PUBLIC_URL: 'http://opora.example.ru' }).secure).toBe(false);
    expect(readConfig({}).secure).toBe(false);
  });
});

describe.each(engines)('web security on $name', (engine) => {
  let base: TestServer;
  beforeAll(async () => {
    base = await startTestServer(engine, { now: () => fixedNow });
  }, 60_000);
  afterAll(() => base?.close());

  describe('security headers', () => {
    let s: TestServer;
    let tls: TestServer;
    let webDir: string;
    let madeWebDir = false;
    let routes: { method: string; url: string }[];
    beforeAll(async () => {
      // The built UI when there is one (npm test builds it first), so its real index.html is checked too.
      webDir = builtWeb;
      if (!existsSync(path.join(webDir, 'index.html'))) {
        webDir = mkdtempSync(path.join(tmpdir(), 'opora-web-'));
        writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Опора</title>');
        madeWebDir = true;
      }
      s = await alsoServe(base, { webDir });
      tls = await alsoServe(base, { webDir, secure: true });
      routes = await documentedRoutes(s);
    }, 60_000);
    afterAll(async () => {
      await s?.close();
      await tls?.close();
      if (madeWebDir) rmSync(webDir, { recursive: true, force: true });
    });

    /** Every GET route signed in and anonymous, the UI's pages, a missing address and a refused write. */
    async function sample(server: TestServer): Promise<[string, LightMyRequestResponse][]> {
      const admin = await server.as('admin');
      const out: [string, LightMyRequestResponse][] = [];
      for (const r of routes.filter((x) => x.method === 'GET' && !x.url.endsWith('/widget'))) {
        const url = concrete(r.url);
        out.push([`GET ${url}`, await admin.get(url)]);
        out.push([`anonymous GET ${url}`, await server.anonymous.get(url)]);
      }
      for (const url of ['/', '/organisations/123', '/welcome?token=abc', '/api/nothing-here'])
        out.push([`GET ${url}`, await server.anonymous.get(url)]);
      out.push(['POST /api/people without a session', await server.anonymous.post('/api/people', {})]);
      out.push([
        'POST /api/people without CSRF',
        await admin.request('POST', '/api/people', {}, { 'x-csrf-token': '' }),
      ]);
      return out;
    }

    it('every route and every error answer: scripts only from self, no inline script, framing refused', async () => {
      const answers = await sample(s);
      expect(answers.length).toBeGreaterThan(100);
      for (const [what, res] of answers) {
        const p = policy(res);
        expect([what, p.get('script-src')]).toEqual([what, ["'self'"]]);
        expect([what, p.get('default-src')]).toEqual([what, ["'self'"]]);
        expect([what, p.get('object-src')]).toEqual([what, ["'none'"]]);
        expect([what, p.get('base-uri')]).toEqual([what, ["'self'"]]);
        expect([what, p.get('frame-ancestors')]).toEqual([what, ["'none'"]]);
        // No directive a script could fall back to allows inline code or eval.
        for (const d of ['script-src', 'script-src-elem', 'script-src-attr', 'default-src'])
          expect([what, d, p.get(d)?.filter((x) => /unsafe-(inline|eval|hashes)/.test(x)) ?? []]).toEqual([
            what,
            d,
            [],
          ]);
        expect([what, res.headers['x-frame-options']]).toEqual([what, 'SAMEORIGIN']);
        expect([what, res.headers['x-content-type-options']]).toEqual([what, 'nosniff']);
        expect([what, res.headers['strict-transport-security']]).toEqual([what, undefined]);
        expect([what, p.has('upgrade-insecure-requests')]).toEqual([what, false]);
        expect([what, res.statusCode < 500]).toEqual([what, true]);
      }
    });

    it("the school's widget alone may be framed by any site, keeping the rest of the policy", async () => {
      for (const url of [`/public/programmes/${randomUUID()}/widget?school=A1-1`, '/public/programmes/x/widget']) {
        const res = await s.anonymous.get(url);
        const p = policy(res);
        expect(p.get('frame-ancestors')).toEqual(['*']);
        expect(p.get('script-src')).toEqual(["'self'"]);
        expect(p.get('default-src')).toEqual(["'self'"]);
        expect(res.headers['x-frame-options']).toBeUndefined();
      }
      // Its neighbour, the public page itself, is not framable.
      expect(policy(await s.anonymous.get(`/public/programmes/${randomUUID()}`)).get('frame-ancestors')).toEqual([
        "'none'",
      ]);
    });

    it('behind TLS every answer, errors included, carries HSTS for a year and upgrades insecure requests', async () => {
      for (const [what, res] of await sample(tls)) {
        expect([what, res.headers['strict-transport-security']]).toEqual([what, 'max-age=31536000; includeSubDomains']);
        expect([what, policy(res).has('upgrade-insecure-requests')]).toEqual([what, true]);
        expect([what, policy(res).get('frame-ancestors')]).toEqual([what, ["'none'"]]);
      }
    });

    it('the web UI needs nothing the policy forbids: no inline script, no inline handlers', async () => {
      const res = await s.anonymous.get('/');
      expect(res.statusCode).toBe(200);
      const scripts = res.body.match(/<script\b[^>]*>/gi) ?? [];
      for (const tag of scripts) expect(tag).toMatch(/\ssrc="\/[^"]+"/);
      expect(res.body).not.toMatch(/\son[a-z]+\s*=/i);
      expect(res.body).not.toMatch(/javascript:/i);
    });

    it('every answer that sets the session cookie marks it HttpOnly, SameSite=Lax, Path=/ and Secure behind TLS', async () => {
      for (const server of [s, tls]) {
        const secure = server === tls;
        const admin = await server.as('admin');
        const invite = (
          await admin.post('/api/users', {
            login: `invited-${secure}`,
            fullName: 'Приглашённый',
            role: 'observer',
            regionId: server.world.regionA,
          })
        ).json() as { user: { id: string }; link: { path: string } };
        const accepted = await server.anonymous.post('/api/auth/accept-invite', {
          token: invite.link.path.split('token=')[1],
          newPassword: 'invited-pass-1',
        });
        const reset = (await admin.post(`/api/users/${invite.user.id}/reset-link`)).json() as { path: string };
        const redeemed = await server.anonymous.post('/api/auth/reset-password', {
          token: reset.path.split('token=')[1],
          newPassword: 'invited-pass-2',
        });
        const login = await server.anonymous.post('/api/auth/login', { login: 'admin', password: TEST_PASSWORD });
        const cookie = login.cookies.find((c) => c.name === 'opora_session')!;
        const logout = await server.app.inject({
          method: 'POST',
          url: '/api/auth/logout',
          headers: { cookie: `opora_session=${cookie.value}`, 'x-csrf-token': login.json().csrfToken },
        });
        for (const [what, res] of [
          ['login', login],
          ['accept-invite', accepted],
          ['reset-password', redeemed],
          ['logout', logout],
        ] as const) {
          expect([what, res.statusCode < 300]).toEqual([what, true]);
          const c = res.cookies.find((x) => x.name === 'opora_session');
          expect([what, secure, c]).toMatchObject([what, secure, { httpOnly: true, sameSite: 'Lax', path: '/' }]);
          expect([what, secure, Boolean(c!.secure)]).toEqual([what, secure, secure]);
        }
        const cleared = logout.cookies.find((x) => x.name === 'opora_session')!;
        expect(cleared.value).toBe('');
        expect(new Date(cleared.expires!).getTime()).toBeLessThan(Date.now());
      }
    });
  });

  describe('CSRF, sessions and login throttling', () => {
    let s: TestServer;
    beforeAll(() => {
      s = base;
    });

    const credentialRoutes = ['/api/auth/login', '/api/auth/accept-invite', '/api/auth/reset-password'];
    const login = (name: string, password: string, headers: Record<string, string> = {}) =>
      s.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { login: name, password } });

    it('every state-changing route of the OpenAPI document refuses a missing, forged or foreign CSRF token', async () => {
      // The questionnaire by a school's code never reads the session: the cookie a signed-in browser sends
      // gives it no authority, so it takes answers without the token (see the survey tests).
      const sessionless = ['/api/survey/:code/answers'];
      const routes = (await documentedRoutes(s)).filter(
        (r) => r.method !== 'GET' && !credentialRoutes.includes(r.url) && !sessionless.includes(r.url),
      );
      expect(routes.length).toBeGreaterThan(60);
      const admin = await s.as('admin');
      const other = await s.as('region-a');
      const writes = await count(s, 'audit_log');
      const sessions = await count(s, 'sessions');
      for (const r of routes) {
        const url = concrete(r.url);
        const body = r.method === 'DELETE' ? undefined : {};
        for (const [what, token] of [
          ['no token', null],
          ['empty token', ''],
          ['forged token', 'forged-token-forged-token-forged'],
          ["another session's token", other.csrf],
          ['token with a suffix', `${admin.csrf}x`],
        ] as const) {
          const res = await s.app.inject({
            method: r.method as 'POST',
            url,
            headers: { cookie: admin.cookie, ...(token === null ? {} : { 'x-csrf-token': token }) },
            ...(body === undefined ? {} : { payload: body }),
          });
          expect([r.method, r.url, what, res.statusCode]).toEqual([r.method, r.url, what, 403]);
          expect(res.json().error).toEqual({
            code: 'auth.csrf',
            message: 'Запрос отклонён защитой от подделки (CSRF). Обновите страницу и повторите.',
          });
        }
      }
      // Nothing was written: no audit record, no session ended (logout was among the routes).
      expect(await count(s, 'audit_log')).toBe(writes);
      expect(await count(s, 'sessions')).toBe(sessions);
      expect((await admin.get('/api/auth/me')).statusCode).toBe(200);
      // The token only counts in its header: in the query string or the body it is ignored.
      const inQuery = await s.app.inject({
        method: 'POST',
        url: `/api/notifications/read-all?csrfToken=${admin.csrf}`,
        headers: { cookie: admin.cookie },
        payload: { csrfToken: admin.csrf, 'x-csrf-token': admin.csrf },
      });
      expect(inQuery.statusCode).toBe(403);
    });

    it('the credential routes refuse a post from another origin or an opaque one (login CSRF)', async () => {
      for (const url of credentialRoutes)
        for (const origin of ['https://evil.example', 'null', 'http://localhost:80.evil.example']) {
          const res = await s.app.inject({
            method: 'POST',
            url,
            headers: { origin, host: 'localhost:80' },
            payload: { login: 'admin', password: TEST_PASSWORD, token: 'x'.repeat(20), newPassword: 'long-enough-1' },
          });
          expect([url, origin, res.statusCode, res.json().error.code]).toEqual([url, origin, 403, 'auth.csrf']);
        }
    });

    it('a session id planted before login is never promoted; each session has its own CSRF token', async () => {
      const planted = 'planted-session-id-planted-session-id-1234';
      const res = await login('observer-a', TEST_PASSWORD, { cookie: `opora_session=${planted}` });
      expect(res.statusCode).toBe(200);
      const issued = res.cookies.find((c) => c.name === 'opora_session')!.value;
      expect(issued).not.toBe(planted);
      expect(issued.length).toBeGreaterThanOrEqual(43); // 256 random bits
      const plantedMe = await s.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `opora_session=${planted}` },
      });
      expect(plantedMe.statusCode).toBe(401);
      // Only a hash of the token is stored: the database holds no usable session.
      const stored = await queryRows<{ token_hash: string; csrf_token: string }>(
        s.database.db,
        sql`select token_hash, csrf_token from sessions`,
      );
      expect(stored.some((r) => r.token_hash === issued)).toBe(false);

      // Re-login in the same browser: the old cookie stops working, and its CSRF token does not fit the new one.
      const first = await s.as('observer-a');
      const again = await login('observer-a', TEST_PASSWORD, { cookie: first.cookie });
      const second = `opora_session=${again.cookies.find((c) => c.name === 'opora_session')!.value}`;
      expect(again.json().csrfToken).not.toBe(first.csrf);
      expect((await first.get('/api/auth/me')).statusCode).toBe(401);
      const mixed = await s.app.inject({
        method: 'POST',
        url: '/api/notifications/read-all',
        headers: { cookie: second, 'x-csrf-token': first.csrf },
      });
      expect(mixed.statusCode).toBe(403);
    });

    it('logout needs the CSRF token, then ends the session; a password change ends the other sessions', async () => {
      const c = await s.as('mun-a1');
      const forged = await c.request('POST', '/api/auth/logout', {}, { 'x-csrf-token': 'forged' });
      expect(forged.statusCode).toBe(403);
      expect((await c.get('/api/auth/me')).statusCode).toBe(200);
      expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);

      const here = await s.as('school-a1');
      const elsewhere = await s.as('school-a1');
      const changed = await here.post('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'school-new-pass-1',
      });
      expect(changed.statusCode).toBe(204);
      expect((await elsewhere.get('/api/auth/me')).statusCode).toBe(401);
      expect((await here.get('/api/auth/me')).statusCode).toBe(200);
      const back = await here.post('/api/auth/password', {
        currentPassword: 'school-new-pass-1',
        newPassword: TEST_PASSWORD,
      });
      expect(back.statusCode).toBe(204);
    });

    it('an expired session is refused', async () => {
      const c = await s.as('region-b');
      await s.database.db.execute(
        sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${s.world.actors.regional_coordinator_b.userId}`,
      );
      expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    });

    it('throttles an account after 5 failures with a Russian 429, however the login is spelled', async () => {
      for (const spelling of ['curator-a', 'CURATOR-A', ' Curator-A ', 'curator-A', 'Curator-a']) {
        const res = await login(spelling, 'wrong-password-x');
        expect(res.statusCode).toBe(401);
      }
      const throttled = await login('curator-a', TEST_PASSWORD);
      expect(throttled.statusCode).toBe(429);
      expect(throttled.json().error).toEqual({
        code: 'auth.throttled',
        message: 'Слишком много неудачных попыток входа. Повторите через 15 минут или обратитесь к администратору.',
      });
      // Another account is not affected; an unknown login is throttled exactly alike (nothing to enumerate).
      expect((await login('observer-a', TEST_PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 5; i++) expect((await login('nobody-here', 'wrong-password-x')).statusCode).toBe(401);
      const unknown = await login('nobody-here', 'wrong-password-x');
      expect(unknown.statusCode).toBe(429);
      expect(unknown.json().error).toEqual(throttled.json().error);
      // Failures older than the window (15 minutes) no longer count.
      await s.database.db.execute(
        sql`update login_failures set at = at - interval '16 minutes' where login = 'curator-a'`,
      );
      expect((await login('curator-a', TEST_PASSWORD)).statusCode).toBe(200);
    });

    it('a successful login resets the count of failures', async () => {
      for (let round = 0; round < 3; round++) {
        for (let i = 0; i < 4; i++)
          expect((await login('observer-a', `wrong-${round}-${i}-xxxx`)).statusCode).toBe(401);
        expect((await login('observer-a', TEST_PASSWORD)).statusCode).toBe(200);
      }
      const failures = await queryRows<{ n: number }>(
        s.database.db,
        sql`select count(*)::int as n from login_failures where login = 'observer-a'`,
      );
      expect(failures[0]!.n).toBe(0);
    });
  });

  describe('requests per address on the credential routes', () => {
    let s: TestServer;
    beforeAll(async () => {
      s = await alsoServe(base, { loginRateLimit: 3 });
    }, 60_000);
    afterAll(() => s?.close());

    it('the fourth request a minute from one address is answered 429 in Russian, on each credential route', async () => {
      for (const url of ['/api/auth/login', '/api/auth/accept-invite', '/api/auth/reset-password']) {
        const payload = {
          login: 'admin',
          password: 'wrong-password-x',
          token: 'x'.repeat(20),
          newPassword: 'long-enough-1',
        };
        for (let i = 0; i < 3; i++)
          expect([url, i, (await s.app.inject({ method: 'POST', url, payload })).statusCode]).not.toEqual([
            url,
            i,
            429,
          ]);
        const res = await s.app.inject({ method: 'POST', url, payload });
        expect([url, res.statusCode]).toEqual([url, 429]);
        expect(res.json().error).toEqual({
          code: 'auth.throttled',
          message: 'Слишком много запросов. Подождите минуту и повторите.',
        });
      }
    });
  });

  describe('upload size and type limits', () => {
    let s: TestServer;
    let region: Client;
    let school: Client;
    let uploads: Record<string, string>;
    beforeAll(async () => {
      s = await alsoServe(base, { uploadLimitMb: 1, now: () => fixedNow });
      const { programme } = await regionalRoadmap(s.database.db, s.world, [
        { text: 'Назначение ответственных', deadlineText: 'До 15.12.2022', schools: [s.world.schoolA1] },
      ]);
      region = await s.as('region-a');
      school = await s.as('school-a1');
      const unit = ((await school.get(`/api/programmes/${programme.id}/execution`)).json() as ProgrammeExecutionDto)
        .activities[0]!.units[0]!;
      const pair = (
        await region.post('/api/partnerships', {
          kind: 'partnership',
          supporterId: s.world.schoolA2,
          schoolId: s.world.schoolA1,
        })
      ).json() as { id: string; version: number };
      const course = (
        await school.post(`/api/people/${s.world.personA1}/courses`, { title: 'Курс', completedOn: '2022-03-01' })
      ).json() as { id: string; version: number };
      uploads = {
        'POST /api/organisations/import': '/api/organisations/import?commit=true',
        'POST /api/programmes/import/preview': '/api/programmes/import/preview',
        'POST /api/results/import/:kind': '/api/results/import/vpr?commit=true',
        'POST /api/executions/:id/evidence': `/api/executions/${unit.id}/evidence`,
        'POST /api/partnerships/:id/file': `/api/partnerships/${pair.id}/file?version=${pair.version}`,
        'POST /api/courses/:id/certificate': `/api/courses/${course.id}/certificate?version=${course.version}`,
      };
    }, 60_000);
    afterAll(() => s?.close());

    const send = (c: Client, url: string, name: string, bytes: Uint8Array | string) => {
      const { body, headers } = multipart(name, bytes);
      return c.request('POST', url, body, headers);
    };
    /** The school reports and keeps its staff's certificates; the region imports and keeps agreements. */
    const clientFor = (route: string) => (/organisations|results|partnerships/.test(route) ? region : school);
    const over = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 0x20)]);

    it('a file over OPORA_UPLOAD_LIMIT_MB is refused with 413 in Russian on every upload route; nothing is kept', async () => {
      const writes = await count(s, 'audit_log');
      const files = await count(s, 'stored_files');
      for (const [route, url] of Object.entries(uploads)) {
        const res = await send(clientFor(route), url, 'большой.pdf', over);
        expect([route, res.statusCode]).toEqual([route, 413]);
        expect(res.json().error.message).toBe('Файл больше допустимого размера (1 МБ).');
      }
      expect(await count(s, 'audit_log')).toBe(writes);
      expect(await count(s, 'stored_files')).toBe(files);
      // Just under the limit is accepted: the limit is the configured one, not a lower one.
      const under = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 - 1024, 0x20)]);
      const ok = await send(school, uploads['POST /api/executions/:id/evidence']!, 'справка.pdf', under);
      expect(ok.statusCode, ok.body).toBe(200);
    });

    it('an oversized multipart body sent to any other state-changing route never causes a 500', async () => {
      const admin = await s.as('admin');
      for (const r of (await documentedRoutes(s)).filter((x) => x.method !== 'GET' && x.url.startsWith('/api/'))) {
        if (`${r.method} ${r.url}` in uploads) continue;
        const { body, headers } = multipart('большой.pdf', over);
        const res = await admin.request(r.method, concrete(r.url), body, headers);
        expect([r.method, r.url, res.statusCode < 500]).toEqual([r.method, r.url, true]);
      }
    });

    it('a JSON body over the limit is refused with 413 in Russian, not taken for a file', async () => {
      const res = await region.post('/api/people', {
        regionId: s.world.regionA,
        fullName: 'Очень Длинное Имя',
        position: 'x'.repeat(3 * 1024 * 1024),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toEqual({
        code: 'validation.failed',
        message: 'Слишком большой запрос: сократите введённые данные и повторите.',
      });
    });

    it('files of a type a route does not take are refused with a Russian message before anything is kept', async () => {
      const files = await count(s, 'stored_files');
      const cases: [string, string, string | Uint8Array, RegExp][] = [
        ['POST /api/executions/:id/evidence', 'setup.exe', 'MZ\x90\x00', /не принят: подтверждением может быть файл/],
        ['POST /api/executions/:id/evidence', 'отчёт.html', '<script>alert(1)</script>', /не принят/],
        ['POST /api/executions/:id/evidence', 'схема.svg', '<svg onload="alert(1)"/>', /не принят/],
        ['POST /api/executions/:id/evidence', 'отчёт.pdf', 'MZ renamed executable', /не является файлом \.pdf/],
        ['POST /api/partnerships/:id/file', 'соглашение.html', '<html></html>', /не принят: документом соглашения/],
        ['POST /api/courses/:id/certificate', 'удостоверение.exe', 'MZ\x90\x00', /не принят/],
        ['POST /api/results/import/:kind', 'результаты.pdf', '%PDF-1.4', /[А-Яа-яЁё]/],
        ['POST /api/organisations/import', 'организации.exe', 'MZ\x90\x00', /[А-Яа-яЁё]/],
        ['POST /api/programmes/import/preview', 'программа.exe', 'MZ\x90\x00', /[А-Яа-яЁё]/],
      ];
      for (const [route, name, bytes, message] of cases) {
        const res = await send(clientFor(route), uploads[route]!, name, bytes);
        expect([route, name, [400, 422].includes(res.statusCode)]).toEqual([route, name, true]);
        expect([route, name, res.json().error.message]).toEqual([route, name, expect.stringMatching(message)]);
      }
      expect(await count(s, 'stored_files')).toBe(files);
    });

    it('a kept file comes back as an attachment of its checked type, never rendered by the browser', async () => {
      const pdf = await send(school, uploads['POST /api/executions/:id/evidence']!, 'приказ.pdf', '%PDF-1.4 приказ');
      expect(pdf.statusCode).toBe(200);
      const back = await school.get(`/api/evidence/${pdf.json().id}/file`);
      expect(back.statusCode).toBe(200);
      expect(back.headers['content-type']).toBe('application/pdf');
      expect(back.headers['content-disposition']).toMatch(/^attachment;/);
      expect(back.headers['x-content-type-options']).toBe('nosniff');
    });
  });

  describe('personal data never reaches the log', () => {
    let s: TestServer;
    const lines: string[] = [];
    const write = process.stdout.write;
    const person = {
      fullName: 'Кондратьева Виолетта Аркадьевна',
      email: 'kondratyeva.violetta@school.example.ru',
      phone: '+7 (913) 555-12-34',
    };
    const wrongPassword = 'Violetta-secret-1987';
    beforeAll(async () => {
      // pino writes to process.stdout when it has been replaced (its documented behaviour), so the server's log
      // is captured exactly as it would be printed, at the most talkative level.
      process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        if (text.startsWith('{"level"')) {
          lines.push(text);
          return true;
        }
        return (write as (...a: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
      }) as typeof process.stdout.write;
      s = await alsoServe(base, { logLevel: 'trace', now: () => fixedNow });
    }, 60_000);
    afterAll(async () => {
      await s?.close();
      process.stdout.write = write;
    });

    /** Every way a value may be spelled in a log line: as is, URL-encoded (both ways), JSON-escaped. */
    function forms(value: string): string[] {
      return [
        value,
        encodeURIComponent(value),
        encodeURIComponent(value).replace(/%20/g, '+'),
        JSON.stringify(value).slice(1, -1),
      ];
    }
    /** A person's data and its fragments: the surname alone, the e-mail's name, the phone's digits. */
    const personal = (p: { fullName: string; email: string; phone: string }) => [
      p.fullName,
      p.fullName.split(' ')[0]!,
      p.email,
      p.email.split('@')[0]!,
      p.phone,
      p.phone.replace(/\D/g, ''),
      p.phone.slice(-9),
    ];
    function expectClean(secrets: string[]) {
      expect(lines.length).toBeGreaterThan(0);
      const log = lines.join('');
      for (const secret of secrets)
        for (const form of forms(secret)) expect([secret, log.includes(form)]).toEqual([secret, false]);
    }

    it('a failed and a successful login, a person with e-mail and phone, a search, an evidence upload', async () => {
      expect(
        (await s.anonymous.post('/api/auth/login', { login: 'region-a', password: wrongPassword })).statusCode,
      ).toBe(401);
      const region = await s.as('region-a');
      const created = await region.post('/api/people', {
        regionId: s.world.regionA,
        organisationId: s.world.schoolA1,
        position: 'учитель математики',
        ...person,
      });
      expect(created.statusCode, created.body).toBe(200);
      const id = created.json().id as string;
      expect((await region.patch(`/api/people/${id}`, { phone: '+7 (913) 555-12-34', version: 1 })).statusCode).toBe(
        200,
      );
      expect((await region.get(`/api/people?q=${encodeURIComponent(person.fullName)}`)).statusCode).toBe(200);
      expect((await region.get(`/api/people?q=${encodeURIComponent(person.email)}`)).statusCode).toBe(200);
      expect((await region.get(`/api/people/${id}`)).statusCode).toBe(200);

      const { programme } = await regionalRoadmap(s.database.db, s.world, [
        { text: 'Назначение ответственных', deadlineText: 'До 15.12.2022', schools: [s.world.schoolA1] },
      ]);
      const school = await s.as('school-a1');
      const unit = ((await school.get(`/api/programmes/${programme.id}/execution`)).json() as ProgrammeExecutionDto)
        .activities[0]!.units[0]!;
      const { body, headers } = multipart(
        `Приказ ${person.fullName}.pdf`,
        `%PDF-1.4 ${person.fullName} ${person.email}`,
      );
      const evidence = await school.request('POST', `/api/executions/${unit.id}/evidence`, body, headers);
      expect(evidence.statusCode, evidence.body).toBe(200);
      expect((await school.get(`/api/evidence/${evidence.json().id}/file`)).statusCode).toBe(200);
      const comment = await school.post(`/api/executions/${unit.id}/comments`, {
        text: `Ответственная — ${person.fullName}, ${person.phone}`,
      });
      expect(comment.statusCode, comment.body).toBe(200);

      // A personal calendar link: its token is the credential of a calendar application.
      const feed = (await school.post('/api/calendar/feed')).json() as { url: string };
      const feedPath = new URL(feed.url, 'http://localhost').pathname;
      expect((await s.anonymous.get(feedPath)).statusCode).toBe(200);
      // An invitation link opened in the browser.
      await s.anonymous.get('/welcome?token=invitation-token-secret-1234');

      expectClean([...personal(person), wrongPassword, TEST_PASSWORD]);
      // Session, CSRF and link tokens are secrets too.
      const feedToken = feedPath
        .split('/')
        .pop()!
        .replace(/\.ics$/, '');
      expectClean([region.cookie.split('=')[1]!, region.csrf, school.cookie.split('=')[1]!, school.csrf]);
      expectClean([feedToken, 'invitation-token-secret-1234']);
    });

    it('an unexpected database failure is logged without the values of the failed statement', async () => {
      const region = await s.as('region-a');
      const other = {
        fullName: 'Белоусова Ангелина Тимофеевна',
        email: 'belousova.angelina@school.example.ru',
        phone: '+7 (905) 777-88-99',
      };
      // The database refuses new people with an error of its own: an unexpected failure, answered with a 500.
      await s.database.db.execute(
        sql.raw(`create function opora_test_refuse() returns trigger language plpgsql as $$
          begin raise exception 'отказ базы данных'; end $$`),
      );
      await s.database.db.execute(
        sql.raw(
          'create trigger opora_test_refuse before insert on people for each row execute function opora_test_refuse()',
        ),
      );
      try {
        const res = await region.post('/api/people', { regionId: s.world.regionA, ...other });
        expect(res.statusCode).toBe(500);
        expect(res.json().error.code).toBe('internal');
        expect(res.body).not.toContain(other.email);
      } finally {
        await s.database.db.execute(sql.raw('drop trigger opora_test_refuse on people'));
        await s.database.db.execute(sql.raw('drop function opora_test_refuse()'));
      }
      const errors = lines.filter((l) => l.startsWith('{"level":50'));
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.join('')).toContain('отказ базы данных');
      expectClean(personal(other));
    });
  });
});
