import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteEngine } from '../../../test/engines.ts';
import { startTestServer, type TestServer } from '../../../test/server.ts';
import { TEST_PASSWORD } from '../../../test/world.ts';

describe('auth API', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(pgliteEngine);
  });
  afterAll(() => s?.close());

  it('logs in with an HttpOnly SameSite=Lax session cookie and answers /me', async () => {
    const res = await s.anonymous.post('/api/auth/login', { login: 'region-a', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'opora_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const me = res.json();
    expect(me).toMatchObject({
      login: 'region-a',
      role: 'regional_coordinator',
      territoryName: 'Область А',
      roleLabel: 'Региональный координатор',
    });
    expect(me.permissions).toContain('audit.read');
    expect(me.permissions).not.toContain('user.write');
    const again = await s.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: `opora_session=${cookie.value}` },
    });
    expect(again.json().id).toBe(me.id);
  });

  it('answers 401 with a Russian message for a wrong password and for an unknown login alike', async () => {
    const wrong = await s.anonymous.post('/api/auth/login', { login: 'observer-a', password: 'nope-nope-nope' });
    const unknown = await s.anonymous.post('/api/auth/login', { login: 'nobody', password: 'nope-nope-nope' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.message).toBe('Неверный логин или пароль.');
  });

  it('throttles a login after 5 failures, even with the right password then', async () => {
    for (let i = 0; i < 5; i++)
      await s.anonymous.post('/api/auth/login', { login: 'curator-a', password: `wrong-${i}-xxxxx` });
    const res = await s.anonymous.post('/api/auth/login', { login: 'curator-a', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('auth.throttled');
  });

  it('rotates the session at login: the session presented before login stops working', async () => {
    const first = await s.as('mun-a1');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie },
      payload: { login: 'mun-a1', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const second = res.cookies.find((c) => c.name === 'opora_session')!.value;
    expect(`opora_session=${second}`).not.toBe(first.cookie);
    expect((await first.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('refuses a state-changing request without the CSRF token (403 auth.csrf)', async () => {
    const c = await s.as('region-a');
    const res = await c.request(
      'POST',
      '/api/people',
      { regionId: s.world.regionA, fullName: 'Без токена' },
      { 'x-csrf-token': 'forged' },
    );
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('auth.csrf');
    const ok = await c.post('/api/people', { regionId: s.world.regionA, fullName: 'С токеном' });
    expect(ok.statusCode).toBe(200);
  });

  it('logs out and the session is gone', async () => {
    const c = await s.as('observer-a');
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('runs an invitation: admin creates an account without password, the link sets it once', async () => {
    const admin = await s.as('admin');
    const created = await admin.post('/api/users', {
      login: 'new-school',
      fullName: 'Новая школа',
      role: 'school',
      regionId: s.world.regionA,
      organisationId: s.world.schoolA2,
    });
    expect(created.statusCode).toBe(200);
    const { user, link } = created.json();
    expect(user).toMatchObject({ status: 'invited', municipalityId: s.world.munA2, territoryName: 'Школа A2-1' });
    expect(link.path).toMatch(/^\/welcome\?token=/);
    const token = link.path.split('token=')[1];
    const accepted = await s.anonymous.post('/api/auth/accept-invite', { token, newPassword: 'new-school-pass' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().login).toBe('new-school');
    const reused = await s.anonymous.post('/api/auth/accept-invite', { token, newPassword: 'another-pass-1' });
    expect(reused.statusCode).toBe(400);
    expect(reused.json().error.code).toBe('auth.token_invalid');
    expect(
      (await s.anonymous.post('/api/auth/login', { login: 'new-school', password: 'new-school-pass' })).statusCode,
    ).toBe(200);
  });

  it('resets a password through a link issued by the administrator and ends old sessions', async () => {
    const admin = await s.as('admin');
    const victim = await s.as('school-a1');
    const link = (await admin.post(`/api/users/${s.world.actors.school.userId}/reset-link`)).json();
    expect(link.path).toMatch(/^\/reset\?token=/);
    const res = await s.anonymous.post('/api/auth/reset-password', {
      token: link.path.split('token=')[1],
      newPassword: 'brand-new-pass-1',
    });
    expect(res.statusCode).toBe(200);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    expect(
      (await s.anonymous.post('/api/auth/login', { login: 'school-a1', password: 'brand-new-pass-1' })).statusCode,
    ).toBe(200);
  });

  it('rejects a weak password with a Russian validation message', async () => {
    const admin = await s.as('admin');
    const res = await admin.post('/api/users', { login: 'weak', fullName: 'Слабый', role: 'admin', password: '123' });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.problems)).toContain('не менее 10 символов');
  });

  it('marks the cookie Secure and sends HSTS when served over TLS', async () => {
    const tls = await startTestServer(pgliteEngine, { secure: true });
    try {
      const res = await tls.anonymous.post('/api/auth/login', { login: 'admin', password: TEST_PASSWORD });
      expect(res.cookies.find((c) => c.name === 'opora_session')!.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await tls.close();
    }
  });
});

describe('login CSRF', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(pgliteEngine);
  });
  afterAll(() => s?.close());

  it('refuses a login posted from another site, accepts one from our own origin', async () => {
    const payload = { login: 'admin', password: TEST_PASSWORD };
    const foreign = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example' },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('auth.csrf');
    const own = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin: 'http://localhost:80', host: 'localhost:80' },
      payload,
    });
    expect(own.statusCode).toBe(200);
  });
});
