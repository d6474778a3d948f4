/** Input of the answers' forms and the list's filters. Messages are i18n keys; field names are the forms' names. */
import { z } from 'zod';
import { zCheckbox, zMultiline, zOptional, zSingleLine } from '../../platform/http/fields.js';
import type { SubmissionKind } from '../../platform/db/schema.js';
import { decisions } from './decisions.js';

const zId = z.coerce
  .number({ error: 'validation.invalid' })
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const ZConsultationParams = z.object({ id: zId });
export const ZSubmissionParams = z.object({ id: zId, sid: zId });

/** The lock a form read (`consultation_submissions.version` or `consultations.version`). */
const zLock = z.coerce
  .number({ error: 'validation.invalid' })
  .int()
  .min(1)
  .max(2 ** 31 - 1);

export const answerLimit = 10_000;

/** The answer: a decision and its justification (required for every decision: the report gives a reason for each). */
export const ZAnswer = z.object({
  decision: z.enum(decisions as [string, ...string[]], { error: 'consultationAnswers.errors.decision' }),
  answer: z.preprocess(
    (v) => (v === undefined ? '' : v),
    z
      .string({ error: 'validation.invalid' })
      .refine((v) => v.trim().length > 0, { error: 'consultationAnswers.errors.justification', abort: true })
      .pipe(zMultiline(answerLimit)),
  ),
  version: zLock,
});
export type TAnswer = z.infer<typeof ZAnswer>;

/** Assigning a submission to a colleague: a user id, or '' for nobody. */
export const ZAssign = z.object({
  assignee: z.union([z.literal(''), zId], { error: 'validation.choose' }),
});

/** Closing the consultation: the report's conclusion and the consultation's lock. */
export const ZClose = z.object({
  conclusion: zMultiline(20_000),
  version: zLock,
});

export interface AnswerFilters {
  unanswered: boolean;
  mine: boolean;
  kind: SubmissionKind | null;
  provision: string | null;
}

const kindWords: Record<string, SubmissionKind> = { uwaga: 'comment', zadanie: 'task' };
export const kindWord: Record<SubmissionKind, string> = { comment: 'uwaga', task: 'zadanie' };

/**
 * The list's filters from the query string (`?bez=tak&moje=tak&rodzaj=uwaga&zapis=goals.specific.1`);
 * anything unexpected is simply ignored, so a link never fails.
 */
export function parseFilters(query: unknown): AnswerFilters {
  const q = query && typeof query === 'object' ? (query as Record<string, unknown>) : {};
  const flag = (v: unknown) => zCheckbox.or(z.literal('tak').transform(() => true)).safeParse(v);
  const unanswered = flag(q.bez);
  const mine = flag(q.moje);
  const provision = zOptional(zSingleLine(100)).safeParse(q.zapis);
  const kind = typeof q.rodzaj === 'string' && Object.hasOwn(kindWords, q.rodzaj) ? kindWords[q.rodzaj] : undefined;
  return {
    unanswered: unanswered.success && unanswered.data === true,
    mine: mine.success && mine.data === true,
    kind: kind ?? null,
    provision: provision.success && /^[A-Za-z0-9.]+$/.test(provision.data) ? provision.data : null,
  };
}

/** The filters as a query string ('' when none), for links and the form's values. */
export function filterQuery(f: AnswerFilters): string {
  const params = new URLSearchParams();
  if (f.unanswered) params.set('bez', 'tak');
  if (f.mine) params.set('moje', 'tak');
  if (f.kind) params.set('rodzaj', kindWord[f.kind]);
  if (f.provision) params.set('zapis', f.provision);
  const s = params.toString();
  return s ? `?${s}` : '';
}
