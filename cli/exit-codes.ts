// The one table from error codes to process exit codes (0 = success, 1 = unexpected failure).
import type { ErrorCode } from '../domain/errors.ts';

export const exitCodeOf: Record<ErrorCode, number> = {
  'auth.required': 3,
  'auth.invalid_credentials': 3,
  'auth.throttled': 3,
  'auth.csrf': 3,
  'auth.token_invalid': 3,
  'auth.password_weak': 2,
  'access.denied': 3,
  not_found: 4,
  'validation.failed': 2,
  'conflict.stale': 5,
  'conflict.duplicate': 5,
  'conflict.in_use': 5,
  'conflict.state': 5,
  'import.invalid': 6,
  'import.format': 6,
  'backup.invalid': 7,
  'config.invalid': 78,
  internal: 1,
};
