// Form state for the small forms of this UI: values, per-field errors from the contract's zod schemas and
// from the server's `problems[].field`.
import { type ChangeEvent, useCallback, useState } from 'react';
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

/** The named keys of T (not its index signature). */
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };
/** The named keys of T whose values are strings. */
type StringKeys<T> = { [K in KnownKeys<T>]: T[K] extends string ? K : never }[KnownKeys<T>] & string;

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

  /** Binds a text input or textarea to a string field: its value, onChange and error. */
  const text = <K extends StringKeys<T>>(key: K) => ({
    value: values[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(key, e.currentTarget.value as T[K]),
    error: errors[key],
  });

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, set, text, errors, setErrors, validate, reset };
}

/** Trimmed text, or null when empty — for optional ids coming from selects. */
export const orNull = (v: string | null | undefined): string | null => (v && v.trim() !== '' ? v : null);

/**
 * Plain text fields (sign-in, passwords): `field(key)` binds an input's value, onChange and error.
 * Unlike `useForm`, an error stays until the next submit sets the errors again.
 */
export function useTextFields<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof T, string>>>({});
  const field = (key: keyof T & string) => ({
    value: values[key],
    error: errors[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
    },
  });
  return { values, errors, setErrors, field };
}

/**
 * The fields whose values differ from the record's, or null when none do: an edit sends only what changed,
 * so a concurrent edit of another field is not overwritten.
 */
export function changedFields(fields: Record<string, unknown>, record: object): Record<string, unknown> | null {
  const current = record as Record<string, unknown>;
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== current[key]) changes[key] = value;
  }
  return Object.keys(changes).length === 0 ? null : changes;
}
