// An in-process Опора server on a fresh database with the test world, and a tiny client that logs in and
// carries the session cookie and CSRF token like the browser does.
import type { LightMyRequestResponse } from 'fastify';
import { type App, buildServer, type ServerOptions } from '../server/app.ts';
import type { Database } from '../storage/database.ts';
import type { Engine } from './engines.ts';
import { seedWorld, TEST_PASSWORD, type World } from './world.ts';

export const testServerOptions: ServerOptions = {
  secure: false,
  sessionHours: 12,
  uploadLimitMb: 5,
  trustProxy: false,
  webDir: null,
  logLevel: 'silent',
  version: 'test',
  loginRateLimit: 1000,
};

export interface TestServer {
  app: App;
  database: Database;
  world: World;
  as(login: string, password?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  cookie: string;
  csrf: string;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** A multipart body with one file field, as the browser sends it. */
export function multipart(fileName: string, bytes: Uint8Array | string) {
  const boundary = '----opora-test-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function client(app: App, cookie: string, csrf: string): Client {
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
}

export async function startTestServer(engine: Engine, options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const database = await engine.create();
  const world = await seedWorld(database.db);
  const app = await buildServer(database, { ...testServerOptions, ...options });
  await app.ready();
  return {
    app,
    database,
    world,
    anonymous: client(app, '', ''),
    async as(login, password = TEST_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
      if (res.statusCode !== 200) throw new Error(`login ${login}: ${res.statusCode} ${res.body}`);
      const set = res.cookies.find((c) => c.name === 'opora_session');
      return client(app, `opora_session=${set!.value}`, res.json().csrfToken);
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
