// Errors are data: a stable machine code, a Russian message that tells the user what to do, and details.
// server/error-status.ts maps codes to HTTP statuses, cli/exit-codes.ts maps them to exit codes.

export const errorCodes = [
  'auth.required',
  'auth.invalid_credentials',
  'auth.throttled',
  'auth.csrf',
  'auth.token_invalid',
  'auth.password_weak',
  'access.denied',
  'not_found',
  'validation.failed',
  'conflict.stale',
  'conflict.duplicate',
  'conflict.in_use',
  'conflict.state',
  'import.invalid',
  'import.format',
  'backup.invalid',
  'config.invalid',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface ProblemPlace {
  row?: number;
  column?: string;
  cell?: string;
  field?: string;
}
export interface Problem extends ProblemPlace {
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { problems?: Problem[]; [key: string]: unknown },
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

export const denied = (what = 'Недостаточно прав для этого действия.') => new DomainError('access.denied', what);
export const notFound = (what: string) => new DomainError('not_found', `${what} не найдено.`);
