// Reusable zod field schemas with Russian messages, shared by the web forms and the server.
// Field schemas carry no defaults: in zod 4 a default applies even inside .partial(), which would make a
// PATCH overwrite absent fields. Input (create) schemas add their defaults explicitly.
import { z } from 'zod';

export const uuidField = z.uuid({ error: 'Неверный идентификатор.' });
export const requiredText = (label: string, max = 500) =>
  z
    .string({ error: `Укажите: ${label}.` })
    .trim()
    .min(1, { error: `Укажите: ${label}.` })
    .max(max, { error: `${label}: не длиннее ${max} символов.` });
export const optionalText = (label: string, max = 500) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}: не длиннее ${max} символов.` });
export const emailField = z
  .string()
  .trim()
  .max(254)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: 'Неверный адрес электронной почты.' });
export const phoneField = z
  .string()
  .trim()
  .max(40)
  .refine((v) => v === '' || /^[+\d\s()-]{5,40}$/.test(v), { error: 'Неверный номер телефона.' });
export const passwordField = z
  .string({ error: 'Укажите пароль.' })
  .min(10, { error: 'Пароль должен содержать не менее 10 символов.' })
  .max(200, { error: 'Пароль слишком длинный.' });
export const loginField = z
  .string({ error: 'Укажите логин.' })
  .trim()
  .min(3, { error: 'Логин: не короче 3 символов.' })
  .max(64, { error: 'Логин: не длиннее 64 символов.' })
  .regex(/^[a-zA-Z0-9._@-]+$/, { error: 'Логин: только латинские буквы, цифры и . _ @ -' });
export const versionField = z.number({ error: 'Не передана версия записи.' }).int().min(1);
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(200).optional(),
});
export const isoDateTime = z.string();
