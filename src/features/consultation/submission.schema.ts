/**
 * Input of the consultation's submission forms: a comment on a provision (formularz konsultacyjny,
 * DOMAIN §3.1), a priority-task proposal (formularz zadań priorytetowych, §3.2), on whose behalf, and
 * the official's entry of a paper or e-mail submission. The content fields are lenient (a draft may
 * be incomplete); `missingForSending` names what sending still needs. Messages are i18n keys.
 */
import { z } from 'zod';
import { zCheckbox, zDateOnly, zEmail, zMultiline, zOptional, zSingleLine } from '../../platform/http/fields.js';
import { formError, type FieldError } from '../../platform/http/forms.js';
import { parseAmount, taskModes, type TaskMode } from '../programme/index.js';

const zId = z.coerce
  .number({ error: 'validation.invalid' })
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const ZConsultationParams = z.object({ id: zId });
export const ZSubmissionParams = z.object({ id: zId, sid: zId });

const textLimit = 10_000;

/** What the form's two buttons ask: keep a draft, or send. */
export const zAction = z
  .enum(['draft', 'send'], { error: 'validation.choose' })
  .optional()
  .transform((v) => v ?? 'send');

/** On whose behalf: `org:<id>` (one of the person's verified organisations) or `resident` (a private person). */
export const zOnBehalf = zOptional(zSingleLine(40)).refine((v) => v === '' || v === 'resident' || /^org:\d{1,10}$/.test(v), {
  error: 'validation.choose',
});

export const ZSubmitter = z.object({
  onBehalf: zOnBehalf,
  residentName: zOptional(zSingleLine(200)),
});
export type TSubmitter = z.infer<typeof ZSubmitter>;

export const commentFields = ['provision', 'proposedWording', 'justification'] as const;
export const ZCommentContent = z.object({
  provision: zSingleLine(100),
  proposedWording: zOptional(zMultiline(textLimit)),
  justification: zOptional(zMultiline(textLimit)),
});
export type TCommentContent = z.infer<typeof ZCommentContent>;

/** Fields of the priority-task form (DOMAIN.md §3.2), in the order a stored proposal is shown. */
export const taskProposalFields = [
  'title',
  'sphere',
  'description',
  'need',
  'targetGroup',
  'expectedResults',
  'mode',
  'amount',
  'period',
  'ownDelivery',
  'contactName',
  'contactPhone',
  'contactEmail',
  'consent',
] as const;

export const ZTaskContent = z.object({
  sphere: zOptional(zSingleLine(10)),
  title: zSingleLine(500),
  description: zOptional(zMultiline(textLimit)),
  need: zOptional(zMultiline(textLimit)),
  targetGroup: zOptional(zMultiline(textLimit)),
  expectedResults: zOptional(zMultiline(textLimit)),
  mode: zOptional(z.enum(taskModes as [TaskMode, ...TaskMode[]], { error: 'validation.choose' })),
  amount: zOptional(zSingleLine(30).refine((v) => parseAmount(v) !== null, { error: 'consultation.errors.amount' })),
  period: zOptional(zSingleLine(500)),
  ownDelivery: zOptional(z.enum(['yes', 'no'], { error: 'validation.choose' })),
  contactName: zOptional(zSingleLine(200)),
  contactPhone: zOptional(zSingleLine(40).refine((v) => /^[+\d][\d\s()-]{5,}$/.test(v), { error: 'consultation.errors.phone' })),
  contactEmail: zOptional(zEmail),
  consent: zCheckbox,
});
export type TTaskContent = z.infer<typeof ZTaskContent>;

/** A priority-task proposal as stored in `task_json` (the amount in grosze). */
export interface TaskProposal {
  sphere: string;
  title: string;
  description: string;
  need: string;
  targetGroup: string;
  expectedResults: string;
  mode: TaskMode | '';
  amount: number | null;
  period: string;
  ownDelivery: 'yes' | 'no' | '';
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  consent: boolean;
}

export function taskProposalOf(input: TTaskContent): TaskProposal {
  return {
    ...input,
    mode: input.mode as TaskMode | '',
    ownDelivery: input.ownDelivery as 'yes' | 'no' | '',
    amount: input.amount ? parseAmount(input.amount) : null,
  };
}

/**
 * A stored `task_json` as it is, read defensively: any JSON object, else an empty one (null, a
 * malformed document, an array or a scalar). For readers that show even fields they do not know.
 */
export function taskProposalObject(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A stored `task_json`, defensively, as a well-formed proposal. */
export function parseTaskProposal(json: string | null): TaskProposal {
  const raw = taskProposalObject(json);
  const str = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string) : '');
  const mode = str('mode');
  const own = str('ownDelivery');
  const amount = raw.amount;
  return {
    sphere: str('sphere'),
    title: str('title'),
    description: str('description'),
    need: str('need'),
    targetGroup: str('targetGroup'),
    expectedResults: str('expectedResults'),
    mode: (taskModes as string[]).includes(mode) ? (mode as TaskMode) : '',
    amount: Number.isSafeInteger(amount) && (amount as number) >= 0 ? (amount as number) : null,
    period: str('period'),
    ownDelivery: own === 'yes' || own === 'no' ? own : '',
    contactName: str('contactName'),
    contactPhone: str('contactPhone'),
    contactEmail: str('contactEmail'),
    consent: raw.consent === true,
  };
}

/** The fields sending needs that a draft may leave empty. */
export function missingForSending(kind: 'comment', content: TCommentContent): FieldError[];
export function missingForSending(kind: 'task', content: TaskProposal): FieldError[];
export function missingForSending(kind: 'comment' | 'task', content: TCommentContent | TaskProposal): FieldError[] {
  const errors: FieldError[] = [];
  if (kind === 'comment') {
    const c = content as TCommentContent;
    if (!c.proposedWording) errors.push(formError('proposedWording', 'consultation.errors.proposedWording'));
    return errors;
  }
  const t = content as TaskProposal;
  const required: Array<[keyof TaskProposal, string]> = [
    ['sphere', 'consultation.errors.sphere'],
    ['description', 'consultation.errors.description'],
    ['mode', 'consultation.errors.mode'],
    ['ownDelivery', 'consultation.errors.ownDelivery'],
    ['contactName', 'consultation.errors.contactName'],
  ];
  for (const [field, key] of required) if (!t[field]) errors.push(formError(field, key));
  if (!t.contactPhone && !t.contactEmail) errors.push(formError('contactEmail', 'consultation.errors.contact'));
  if (!t.consent) errors.push(formError('consent', 'consultation.errors.consent'));
  return errors;
}

/** The official's entry of a submission that arrived on paper or by e-mail. */
export const ZPaperEntry = z
  .object({
    kind: z.enum(['comment', 'task'], { error: 'validation.choose' }),
    channel: z.enum(['paper', 'email'], { error: 'validation.choose' }),
    receivedOn: zDateOnly,
    submitterKind: z.enum(['organization', 'resident'], { error: 'validation.choose' }),
    organizationId: zOptional(zSingleLine(12).refine((v) => /^\d{1,10}$/.test(v), { error: 'validation.choose' })),
    organizationName: zOptional(zSingleLine(500)),
    personName: zOptional(zSingleLine(200)),
    submitterEmail: zOptional(zEmail),
  })
  .superRefine((v, ctx) => {
    if (v.submitterKind === 'organization' && !v.organizationId && !v.organizationName)
      ctx.addIssue({ code: 'custom', path: ['organizationName'], message: 'consultation.errors.organization' });
    if (v.submitterKind === 'resident' && !v.personName)
      ctx.addIssue({ code: 'custom', path: ['personName'], message: 'consultation.errors.personName' });
  });
export type TPaperEntry = z.infer<typeof ZPaperEntry>;
