/**
 * Parsing a submitted form: either the typed data, or the errors (as i18n keys with parameters)
 * together with the raw values to put back in the fields, so nothing the user typed is lost.
 */
import type { z } from 'zod';
import type { Translate } from '../i18n/i18n.js';

export interface FieldError {
  field: string;
  /** An i18n key (`validation.*`) and its parameters. */
  key: string;
  params: Record<string, unknown>;
}

export type FormValues = Record<string, string>;

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldError[]; values: FormValues };

/** Keeps what can be shown back in a field: strings (bounded), never files or nested objects. */
export function rawValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (!body || typeof body !== 'object') return values;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf' || key.length > 100) continue;
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') values[key] = first.slice(0, 100_000);
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const values = rawValues(body);
  const input = body && typeof body === 'object' ? body : {};
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (errors.some((e) => e.field === field)) continue;
    errors.push({ field, ...errorKey(issue) });
  }
  return { ok: false, errors, values };
}

function errorKey(issue: z.core.$ZodIssue): { key: string; params: Record<string, unknown> } {
  // Messages set by our schemas are i18n keys (`validation.*`, `<feature>.errors.*`); zod's own are prose.
  if (/^[a-z][A-Za-z]*\.[A-Za-z.]+$/.test(issue.message)) {
    const params = 'params' in issue && issue.params ? (issue.params as Record<string, unknown>) : {};
    return { key: issue.message, params };
  }
  switch (issue.code) {
    case 'too_big':
      return { key: 'validation.tooLong', params: { max: issue.maximum } };
    case 'invalid_value':
      return { key: 'validation.choose', params: {} };
    default:
      return { key: 'validation.invalid', params: {} };
  }
}

/** Adds a form-level error that is not tied to the parsed schema (e.g. "e-mail already used"). */
export function formError(field: string, key: string, params: Record<string, unknown> = {}): FieldError {
  return { field, key, params };
}

export interface TranslatedError {
  field: string;
  message: string;
}

export function translateErrors(errors: FieldError[], t: Translate): TranslatedError[] {
  return errors.map((e) => ({ field: e.field, message: t(e.key, e.params) }));
}

/** What a form view receives: the values to show and the translated errors, if any. */
export interface FormModel {
  values: FormValues;
  errors: TranslatedError[];
}

export function emptyForm(values: FormValues = {}): FormModel {
  return { values, errors: [] };
}

export function failedForm(values: FormValues, errors: FieldError[], t: Translate): FormModel {
  return { values, errors: translateErrors(errors, t) };
}

export function errorFor(form: FormModel, field: string): string | undefined {
  return form.errors.find((e) => e.field === field)?.message;
}
