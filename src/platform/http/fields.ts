/**
 * Zod building blocks for form fields. Messages are i18n keys (`validation.*`), translated when the
 * form is re-rendered, so an error reads in the visitor's language. Every text field rejects control
 * characters and the replacement character left by invalid UTF-8, and is NFC-normalised.
 */
import { z } from 'zod';

// Control characters, line/paragraph separators and bidi overrides (which can disguise names in lists).
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

const lineBreakOrTab = /[\n\r\t]/;

function text(max: number, multiline: boolean) {
  return z
    .string({ error: 'validation.invalid' })
    .transform((v) => v.normalize('NFC').replace(/\r\n?/g, '\n'))
    .transform((v) => (multiline ? v.trimEnd().replace(/^\n+/, '') : v.trim()))
    .refine((v) => !controlCharacters.test(v), { error: 'validation.controlCharacters' })
    .refine((v) => multiline || !lineBreakOrTab.test(v), { error: 'validation.controlCharacters' })
    .refine((v) => !v.includes('\uFFFD'), { error: 'validation.invalidCharacters' })
    .refine((v) => v.length > 0, { error: 'validation.required' })
    .refine((v) => v.length <= max, { error: 'validation.tooLong', params: { max } });
}

export const zSingleLine = (max: number) => text(max, false);
export const zMultiline = (max: number) => text(max, true);

/**
 * An optional text: missing or blank (only spaces) becomes '' and skips the inner checks; anything
 * else must pass them, with the inner schema's own message (e.g. "validation.date").
 */
export function zOptional<T extends z.ZodType<string, string>>(inner: T) {
  return z
    .preprocess((v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? undefined : v), inner.optional())
    .optional()
    .transform((v): string => v ?? '');
}

export const zEmail = zSingleLine(254)
  .transform((v) => v.toLowerCase())
  .refine((v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: 'validation.email' });

export const zDateOnly = zSingleLine(10).refine(
  (v) =>
    /^\d{4}-\d{2}-\d{2}$/.test(v) &&
    !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) &&
    new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  { error: 'validation.date' },
);

export const zTime = zSingleLine(8).refine((v) => /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(v), {
  error: 'validation.time',
});

export const passwordMinLength = 12;
export const zNewPassword = z
  .string({ error: 'validation.invalid' })
  .refine((v) => v.length >= passwordMinLength, { error: 'validation.passwordTooShort', params: { min: passwordMinLength } })
  .refine((v) => v.length <= 256, { error: 'validation.tooLong', params: { max: 256 } })
  .refine((v) => !controlCharacters.test(v) && !v.includes('\uFFFD'), { error: 'validation.controlCharacters' });

/** A password typed to sign in or to confirm: only bounded, never judged by strength. */
export const zPassword = z
  .string({ error: 'validation.invalid' })
  .refine((v) => v.length > 0, { error: 'validation.required' })
  .refine((v) => v.length <= 256, { error: 'validation.tooLong', params: { max: 256 } });

/** A checkbox: browsers send its value when ticked and nothing when not. */
export const zCheckbox = z
  .union([z.literal('yes'), z.literal('on')], { error: 'validation.invalid' })
  .optional()
  .transform((v) => v !== undefined);
