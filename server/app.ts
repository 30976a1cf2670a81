// Builds the HTTP server: security plugins, zod validation, OpenAPI at /api/docs, the API routes and the
// web UI. Every route is the same short story: auth, validate, one service call, shape the response.
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  type RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DomainError, isDomainError } from '../domain/errors.ts';
import type { Database } from '../storage/database.ts';
import { httpStatusOf } from './error-status.ts';
import { auditRoutes } from './routes/audit/routes.ts';
import { authRoutes } from './routes/auth/routes.ts';
import { calendarRoutes } from './routes/calendar/routes.ts';
import { diagnosisRoutes } from './routes/diagnosis/routes.ts';
import { eventRoutes } from './routes/events/routes.ts';
import { executionRoutes } from './routes/execution/routes.ts';
import { healthRoutes } from './routes/health/routes.ts';
import { identificationRoutes } from './routes/identification/routes.ts';
import { networkRoutes } from './routes/network/routes.ts';
import { notificationRoutes } from './routes/notifications/routes.ts';
import { organisationRoutes } from './routes/organisations/routes.ts';
import { peopleRoutes } from './routes/people/routes.ts';
import { programmeRoutes } from './routes/programmes/routes.ts';
import { publicRoutes } from './routes/public/routes.ts';
import { staffRoutes } from './routes/staff/routes.ts';
import { territoryRoutes } from './routes/territories/routes.ts';
import { userRoutes } from './routes/users/routes.ts';
import { checkCsrf, loadSession } from './session.ts';

export interface ServerOptions {
  /** Cookies get `Secure` and responses HSTS: set when Опора is served over TLS. */
  secure: boolean;
  sessionHours: number;
  uploadLimitMb: number;
  trustProxy: boolean;
  /** Folder of the built web UI; null serves the API only. */
  webDir: string | null;
  logLevel: string;
  version: string;
  /** Requests per minute per address on the login route. */
  loginRateLimit?: number;
  /** The clock services read «today» from (tests fix it); the real clock by default. */
  now?: () => Date;
}

export interface RouteDeps {
  database: Database;
  options: ServerOptions;
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

// Personal data must never reach the logs: cookies, CSRF tokens and auth headers are redacted, bodies
// are not logged at all, addresses lose their query values and secret tokens, and a failed statement's
// values are left out of its error.
const redact = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  // @fastify/multipart logs a request's headers at the trace level.
  'busboyOptions.headers.cookie',
  'busboyOptions.headers.authorization',
  'busboyOptions.headers["x-csrf-token"]',
];

/**
 * An address as logged: the path and the names of the query parameters, never their values (a search for a
 * person's name or e-mail, an invitation's token); the token of a personal calendar link is hidden too.
 */
export function loggedUrl(url: string): string {
  const q = url.indexOf('?');
  const pathPart = (q < 0 ? url : url.slice(0, q)).replace(/^(\/api\/calendar\/feed\/)[^/]+/, '$1…');
  if (q < 0) return pathPart;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((p) => {
      const name = p.split('=')[0] ?? '';
      return `${/^[A-Za-z][\w.-]{0,40}$/.test(name) ? name : '…'}=…`;
    });
  return `${pathPart}?${names.join('&')}`;
}

const errorFields = ['code', 'severity', 'routine', 'constraint', 'table', 'column', 'statusCode'] as const;

/**
 * An error as logged: its type, message, stack and the database's codes — without the values a failed
 * statement carried (Drizzle puts them into the message, the database into `detail`).
 */
export function loggedError(err: unknown, depth = 0): { type: string; message: string; stack: string } {
  if (!(err instanceof Error)) return { type: typeof err, message: '', stack: '' };
  const e = err as Error & Record<string, unknown>;
  const failed = typeof e.query === 'string' ? `Failed query: ${e.query}` : null;
  const message = failed && e.message.startsWith(`${failed}\nparams:`) ? failed : e.message;
  const out: { type: string; message: string; stack: string; [field: string]: unknown } = {
    type: e.constructor?.name || e.name,
    message,
    stack: (e.stack ?? '').replace(e.message, message),
  };
  for (const f of errorFields) if (typeof e[f] === 'string' || typeof e[f] === 'number') out[f] = e[f];
  if (e.cause !== undefined && depth < 3) out.cause = loggedError(e.cause, depth + 1);
  return out;
}

const loggerOptions = (level: string) => ({
  level,
  redact,
  serializers: {
    req: (req: FastifyRequest) => ({
      method: req.method,
      url: loggedUrl(req.url),
      host: req.host,
      remoteAddress: req.ip,
    }),
    err: (err: unknown) => loggedError(err),
  },
  hooks: {
    // `log.error(err)` would take the error's message as the line's message: it is written as cleaned too.
    logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
      if (args.length === 1 && args[0] instanceof Error)
        return method.apply(this, [{ err: args[0] }, loggedError(args[0]).message]);
      return method.apply(this, args);
    },
  },
});

export async function buildServer(database: Database, options: ServerOptions): Promise<App> {
  const app = Fastify({
    logger: options.logLevel === 'silent' ? false : loggerOptions(options.logLevel),
    trustProxy: options.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine injects CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: options.secure ? [] : null,
      },
    },
    hsts: options.secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: options.uploadLimitMb * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Опора API', description: 'API информационной системы «Опора»', version: options.version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'opora_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('session', null);
  // Deny by default: every API route needs a session unless it declares `config: { public: true }`. This
  // runs before validation, so an anonymous caller learns nothing about a route's input.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    await loadSession(database.db, req);
    const isPublic = req.routeOptions.config?.public === true;
    if (!isPublic && !req.session && req.routeOptions.url?.startsWith('/api/'))
      throw new DomainError('auth.required', 'Войдите в систему.');
    checkCsrf(req);
  });

  app.setErrorHandler((err, req, reply) => {
    if (isDomainError(err)) {
      const status = httpStatusOf[err.code];
      return reply
        .status(status)
        .send({ error: { code: err.code, message: err.message, problems: err.details?.problems, ...details(err) } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const problems = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined,
        message: v.message ?? 'Неверное значение.',
      }));
      return reply
        .status(400)
        .send({ error: { code: 'validation.failed', message: 'Проверьте введённые данные.', problems } });
    }
    const e = err as { statusCode?: number; code?: string };
    // A form's JSON over the body limit is no file: the file's limit would name the wrong size.
    if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({
        error: {
          code: 'validation.failed',
          message: 'Слишком большой запрос: сократите введённые данные и повторите.',
        },
      });
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413)
      return reply.status(413).send({
        error: { code: 'import.format', message: `Файл больше допустимого размера (${options.uploadLimitMb} МБ).` },
      });
    if (e.statusCode === 429)
      return reply
        .status(429)
        .send({ error: { code: 'auth.throttled', message: 'Слишком много запросов. Подождите минуту и повторите.' } });
    if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
      return reply.status(e.statusCode).send({ error: { code: 'validation.failed', message: 'Некорректный запрос.' } });
    // Unknown errors: log the detail, answer a generic message so internals never leak.
    req.log.error(err);
    return reply
      .status(500)
      .send({ error: { code: 'internal', message: 'Внутренняя ошибка сервера. Повторите попытку позже.' } });
  });

  app.decorate('clock', options.now ?? (() => new Date()));
  const deps: RouteDeps = { database, options };
  await app.register(
    async (plain) => {
      const api = plain.withTypeProvider<ZodTypeProvider>();
      await healthRoutes(api, deps);
      await authRoutes(api, deps);
      await territoryRoutes(api, deps);
      await organisationRoutes(api, deps);
      await peopleRoutes(api, deps);
      await userRoutes(api, deps);
      await auditRoutes(api, deps);
      await programmeRoutes(api, deps);
      await identificationRoutes(api, deps);
      await executionRoutes(api, deps);
      await notificationRoutes(api, deps);
      await calendarRoutes(api, deps);
      await staffRoutes(api, deps);
      await networkRoutes(api, deps);
      await eventRoutes(api, deps);
      await diagnosisRoutes(api, deps);
    },
    { prefix: '/api' },
  );
  // Published programmes: /api/public/… and the HTML pages /public/…, read without a session.
  await publicRoutes(app, deps);

  if (options.webDir && existsSync(path.join(options.webDir, 'index.html'))) {
    // `wildcard: true` looks files up per request, so a rebuilt UI is served without a restart; the build's
    // .br and .gz copies go to browsers that accept them (web/compress-assets.ts).
    await app.register(fastifyStatic, {
      root: options.webDir,
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
    });
    // The SPA owns every non-API path.
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET')
        return reply.status(404).send({ error: { code: 'not_found', message: 'Адрес не найден.' } });
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_req, reply) =>
      reply.status(404).send({ error: { code: 'not_found', message: 'Адрес не найден.' } }),
    );
  }
  return app;
}

function details(err: DomainError): Record<string, unknown> {
  const { problems: _p, ...rest } = err.details ?? {};
  return Object.keys(rest).length ? { details: rest } : {};
}
