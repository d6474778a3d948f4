/**
 * Input of the notice (ogłoszenie o konsultacjach, DOMAIN.md §3.1) and the consultation's URLs.
 * The period's rules need today's Warsaw date and the municipality's minimum, so they are checked
 * by `noticePeriodErrors` (called by the use-cases), not by the schema.
 */
import { z } from 'zod';
import { zCheckbox, zDateOnly, zMultiline, zSingleLine } from '../../platform/http/fields.js';
import { formError, type FieldError } from '../../platform/http/forms.js';
import { consultationForms, type ConsultationForm } from './consultation-facts.js';
import { periodDays } from './consultation-phase.js';

const zId = z.coerce
  .number({ error: 'validation.invalid' })
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const ZConsultationParams = z.object({ id: zId });
export const ZNewConsultationQuery = z.object({ wersja: zId });

/** The ticked forms of consultation: one value or several, each one of `consultationForms`, at least one. */
const zForms = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(consultationForms, { error: 'validation.choose' }))
    .max(consultationForms.length * 2, { error: 'validation.choose' })
    .refine((forms) => forms.length > 0, { error: 'consultation.errors.formsRequired' })
    .transform((forms): ConsultationForm[] => consultationForms.filter((f) => forms.includes(f))),
);

export const ZNotice = z.object({
  subject: zSingleLine(500),
  legalBasis: zMultiline(3000),
  participants: zMultiline(3000),
  forms: zForms,
  whereToSubmit: zMultiline(3000),
  responsibleUnit: zSingleLine(300),
  startsOn: zDateOnly,
  endsOn: zDateOnly,
  residentsAllowed: zCheckbox,
});
export type TNotice = z.infer<typeof ZNotice>;

/** The lock the editor read (`consultations.version`). */
export const ZNoticeLock = z.object({
  version: z.coerce
    .number({ error: 'validation.invalid' })
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

/** Once the consultation is open only the end date may change (and only later). */
export const ZNoticeExtension = z.object({ endsOn: zDateOnly });

/** The forms ticked in a submitted body, to tick them again when the form comes back. */
export function submittedForms(body: unknown): string[] {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>).forms : undefined;
  const list = Array.isArray(raw) ? raw : [raw];
  return consultationForms.filter((f) => list.includes(f));
}

/**
 * The period's rules: the end not before the start, the start not in the past (Warsaw `today`), and
 * at least `minDays` calendar days, both ends included. Each refusal names the field.
 */
export function noticePeriodErrors(
  period: { startsOn: string; endsOn: string },
  rules: { today: string; minDays: number; checkStart?: boolean },
): FieldError[] {
  const errors: FieldError[] = [];
  if ((rules.checkStart ?? true) && period.startsOn < rules.today)
    errors.push(formError('startsOn', 'consultation.errors.startInPast'));
  if (period.endsOn < period.startsOn) errors.push(formError('endsOn', 'consultation.errors.endBeforeStart'));
  else if (periodDays(period.startsOn, period.endsOn) < rules.minDays)
    errors.push(formError('endsOn', 'consultation.errors.tooShort', { count: rules.minDays }));
  return errors;
}
