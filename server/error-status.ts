// The one table from error codes to HTTP statuses.
import type { ErrorCode } from '../domain/errors.ts';

export const httpStatusOf: Record<ErrorCode, number> = {
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.throttled': 429,
  'auth.csrf': 403,
  'auth.token_invalid': 400,
  'auth.password_weak': 400,
  'access.denied': 403,
  not_found: 404,
  'validation.failed': 400,
  'conflict.stale': 409,
  'conflict.duplicate': 409,
  'conflict.in_use': 409,
  'conflict.state': 409,
  'import.invalid': 422,
  'import.format': 422,
  'backup.invalid': 422,
  'config.invalid': 500,
  internal: 500,
};
