// The environment, validated at start-up with every bad variable listed at once.
import path from 'node:path';
import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { DatabaseTarget } from '../storage/database.ts';

const flag = (name: string, fallback: '0' | '1') =>
  z
    .enum(['0', '1', 'true', 'false'], { error: `${name}: укажите 1 или 0.` })
    .default(fallback)
    .transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .refine((v) => v === '' || /^postgres(ql)?:\/\//.test(v), {
      error: 'DATABASE_URL: ожидается адрес вида postgres://пользователь@хост:5432/база.',
    })
    .default(''),
  OPORA_DATA_DIR: z.string().min(1).default('data'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce
    .number({ error: 'PORT: укажите число.' })
    .int()
    .min(1, { error: 'PORT: от 1 до 65535.' })
    .max(65535, { error: 'PORT: от 1 до 65535.' })
    .default(3000),
  OPORA_DEMO: flag('OPORA_DEMO', '1'),
  OPORA_PUBLIC_URL: z
    .string()
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), {
      error: 'OPORA_PUBLIC_URL: ожидается адрес вида https://opora.example.ru.',
    })
    .default(''),
  OPORA_TRUST_PROXY: flag('OPORA_TRUST_PROXY', '0'),
  OPORA_SESSION_HOURS: z.coerce
    .number({ error: 'OPORA_SESSION_HOURS: укажите число часов.' })
    .int()
    .min(1)
    .max(720)
    .default(12),
  OPORA_UPLOAD_LIMIT_MB: z.coerce
    .number({ error: 'OPORA_UPLOAD_LIMIT_MB: укажите число мегабайт.' })
    .int()
    .min(1)
    .max(1024)
    .default(20),
  /** Outgoing mail for reminders; empty: reminders stay in the application only. */
  OPORA_SMTP_URL: z
    .string()
    .refine((v) => v === '' || /^smtps?:\/\/[^\s]+$/i.test(v), {
      error: 'OPORA_SMTP_URL: ожидается адрес вида smtp://пользователь:пароль@почта.example.ru:587 или smtps://….',
    })
    .default(''),
  OPORA_MAIL_FROM: z
    .string()
    .refine((v) => /@/.test(v) && !/[\r\n]/.test(v), {
      error: 'OPORA_MAIL_FROM: укажите отправителя писем, например «Опора <opora@example.ru>».',
    })
    .default('Опора <opora@localhost>'),
  OPORA_REMINDERS_INTERVAL_MIN: z.coerce
    .number({ error: 'OPORA_REMINDERS_INTERVAL_MIN: укажите число минут (0 — напоминания не рассылаются).' })
    .int({ error: 'OPORA_REMINDERS_INTERVAL_MIN: укажите целое число минут.' })
    .min(0, { error: 'OPORA_REMINDERS_INTERVAL_MIN: от 0 до 1440 минут.' })
    .max(1440, { error: 'OPORA_REMINDERS_INTERVAL_MIN: от 0 до 1440 минут.' })
    .default(60),
  OPORA_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'OPORA_LOG_LEVEL: fatal, error, warn, info, debug, trace или silent.',
    })
    .default('info'),
});

export type Config = z.infer<typeof envSchema> & { database: DatabaseTarget; secure: boolean };

/** Every environment variable Опора reads, for the README and `--help`. */
export const configVariables = Object.keys(envSchema.shape);

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(configVariables.map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), message: i.message }));
    throw new DomainError(
      'config.invalid',
      `Неверная конфигурация:\n${problems.map((p) => `  - ${p.message}`).join('\n')}`,
      { problems },
    );
  }
  const c = parsed.data;
  const database: DatabaseTarget = c.DATABASE_URL
    ? { kind: 'postgres', url: c.DATABASE_URL }
    : { kind: 'pglite', dataDir: path.resolve(c.OPORA_DATA_DIR, 'pglite') };
  return { ...c, database, secure: c.OPORA_PUBLIC_URL.startsWith('https://') };
}
