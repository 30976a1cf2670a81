// Form state for the small forms of this UI: values, per-field errors from the contract's zod schemas and
// from the server's `problems[].field`.
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/client.ts';

export type FieldErrors = Partial<Record<string, string>>;

/** The first message for each top-level field. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '');
    if (errors[key] === undefined) errors[key] = issue.message;
  }
  return errors;
}

/** Field errors the server reported in `problems` (validation failures carry `field`). */
export function serverFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const p of error.problems) {
    if (p.field && errors[p.field] === undefined) errors[p.field] = p.message;
  }
  return errors;
}

export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const set = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (e[key] === undefined ? e : { ...e, [key]: undefined }));
  }, []);

  /** Parses with the schema; on failure shows the messages next to the fields and returns null. */
  const validate = useCallback(<S extends z.ZodType>(schema: S, input: unknown): z.output<S> | null => {
    const result = schema.safeParse(input);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    setErrors(zodFieldErrors(result.error));
    return null;
  }, []);

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, set, errors, setErrors, validate, reset };
}

/** Trimmed text, or null when empty — for optional ids coming from selects. */
export const orNull = (v: string | null | undefined): string | null => (v && v.trim() !== '' ? v : null);
