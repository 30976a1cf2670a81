import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteEngine } from '../test/engines.ts';
import { startTestServer, type TestServer } from '../test/server.ts';

describe('server', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(pgliteEngine);
  });
  afterAll(() => s?.close());

  it('answers /api/health', async () => {
    const res = await s.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', engine: 'pglite', version: 'test' });
  });

  it('serves the OpenAPI document with every API route', async () => {
    const res = await s.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const p of [
      '/api/auth/login',
      '/api/organisations',
      '/api/organisations/import',
      '/api/people/{id}',
      '/api/users',
      '/api/audit',
      '/api/territories/tree',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });

  it('sends the security headers: CSP with frame-ancestors none, nosniff, no HSTS without TLS', async () => {
    const res = await s.anonymous.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('answers an unknown API path with a Russian 404', async () => {
    const res = await s.anonymous.get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('answers malformed input with 400 validation.failed and the field, never a 500', async () => {
    const c = await s.as('admin');
    const res = await c.post('/api/organisations', { regionId: 'not-a-uuid', kind: 'school' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation.failed');
    expect(res.json().error.problems.length).toBeGreaterThan(0);
    const broken = await c.request('POST', '/api/people', '{"fullName":', { 'content-type': 'application/json' });
    expect(broken.statusCode).toBe(400);
  });
});

describe('web UI serving', () => {
  let s: TestServer;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(path.join(tmpdir(), 'opora-web-'));
    mkdirSync(path.join(webDir, 'assets'));
    writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>Опора</title>');
    s = await startTestServer(pgliteEngine, { webDir });
  });
  afterAll(async () => {
    await s?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves the SPA for any screen path, and files built after start', async () => {
    const screen = await s.anonymous.get('/organisations/123');
    expect(screen.statusCode).toBe(200);
    expect(screen.body).toContain('<title>Опора</title>');
    writeFileSync(path.join(webDir, 'assets', 'late.js'), 'console.log(1)');
    const asset = await s.anonymous.get('/assets/late.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toContain('javascript');
    const api = await s.anonymous.get('/api/nope');
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
  });
});
