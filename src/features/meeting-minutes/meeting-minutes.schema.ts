/** Input schemas of the meeting's working part (groups, ideas, outcomes, minutes, remarks). */
import { z } from 'zod';
import { zCheckbox, zDateOnly, zMultiline, zOptional, zSingleLine } from '../../platform/http/fields.js';
import type { OutcomeKind } from '../../platform/db/schema.js';

const zId = z.coerce
  .number({ error: 'validation.invalid' })
  .int()
  .min(1)
  .max(2 ** 31 - 1);

export const ZMeetingParams = z.object({ id: zId });
export const ZGroupParams = z.object({ id: zId, groupId: zId });
export const ZOutcomeParams = z.object({ id: zId, outcomeId: zId });
export const ZIdeaParams = z.object({ id: zId, ideaId: zId });

/** Rounds of group work a form offers (the seed has two: the groups swap topics). */
export const maxRounds = 6;

const zTopic = zOptional(zSingleLine(300));

export const ZGroup = z.object({
  name: zSingleLine(120),
  hostName: zOptional(zSingleLine(120)),
  hostAffiliation: zOptional(zSingleLine(200)),
  topic1: zTopic,
  topic2: zTopic,
  topic3: zTopic,
  topic4: zTopic,
  topic5: zTopic,
  topic6: zTopic,
});
export type TGroup = z.infer<typeof ZGroup>;

/** The topics typed per round (round 1 first); a blank round has no topic. */
export function topicsOf(group: TGroup): Array<{ round: number; topic: string }> {
  const typed = [group.topic1, group.topic2, group.topic3, group.topic4, group.topic5, group.topic6];
  return typed.flatMap((topic, i) => (topic ? [{ round: i + 1, topic }] : []));
}

export const outcomeKinds: readonly OutcomeKind[] = [
  'decision',
  'main-goal',
  'specific-goal',
  'principle',
  'cooperation-form',
  'promotion-form',
  'task',
];

/** The six principles of art. 5 ust. 3 UDPP, offered as one-click additions. */
export const statutoryPrinciples = [
  'pomocniczości',
  'suwerenności stron',
  'partnerstwa',
  'efektywności',
  'uczciwej konkurencji',
  'jawności',
] as const;

const zKind = z.enum(outcomeKinds as [OutcomeKind, ...OutcomeKind[]], { error: 'validation.choose' });
const zOptionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), zId.optional());

export const ZOutcome = z.object({
  kind: zKind,
  text: zMultiline(2000),
  agendaItemId: zOptionalId,
  owner: zOptional(zSingleLine(200)),
  dueOn: zOptional(zDateOnly),
});
export type TOutcome = z.infer<typeof ZOutcome>;

export const ZPrinciple = z.object({ principle: z.enum(statutoryPrinciples, { error: 'validation.choose' }) });
export const ZMove = z.object({ direction: z.enum(['up', 'down'], { error: 'validation.choose' }) });

export const ZIdea = z.object({
  groupId: zOptionalId,
  round: z.preprocess(
    (v) => (v === '' || v === undefined ? undefined : v),
    z.coerce.number().int().min(1).max(maxRounds).optional(),
  ),
  text: zOptional(zMultiline(2000)),
  category: zOptional(zSingleLine(100)),
});
export type TIdea = z.infer<typeof ZIdea>;

export const ZIdeaFilters = z.object({
  grupa: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional()
    .catch(undefined),
  kategoria: z
    .string()
    .max(100)
    .regex(/^\P{Cc}*$/u)
    .optional()
    .catch(undefined), // PostgreSQL refuses NUL bytes
  stan: z.enum(['new', 'merged', 'promoted', 'dismissed']).optional().catch(undefined),
});

export const ZCategorise = z.object({ category: zOptional(zSingleLine(100)) });
export const ZMergeIdea = z.object({ targetId: zId });
export const ZPromoteIdea = z.object({ kind: zKind, outcomeText: zMultiline(2000) });
export const ZIdeaState = z.object({ action: z.enum(['dismiss', 'restore'], { error: 'validation.choose' }) });

export const ZMinutesBase = z.object({
  baseVersion: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  closing: zOptional(zMultiline(20_000)),
  authorName: zOptional(zSingleLine(200)),
  authorPosition: zOptional(zSingleLine(200)),
});

const zItemText = zOptional(zMultiline(50_000));

/** The minutes form: the fixed fields plus one text per agenda item (`item<agendaItemId>`). */
export function minutesSchema(agendaItemIds: number[]) {
  const items: Record<string, typeof zItemText> = {};
  for (const id of agendaItemIds) items[`item${id}`] = zItemText;
  return ZMinutesBase.extend(items);
}

export const ZTransition = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});
export const ZCirculate = ZTransition.extend({ remarksUntil: zDateOnly });
export const ZApprove = ZTransition.extend({ confirmEarly: zCheckbox });

export const ZRemark = z.object({
  agendaItemId: zOptionalId,
  text: zMultiline(5000),
});

export const ZAnswer = z.object({ remarkId: zId });
export const zAnswerText = zMultiline(5000);

export const ZCompare = z.object({
  porownaj: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .optional()
    .catch(undefined),
});
