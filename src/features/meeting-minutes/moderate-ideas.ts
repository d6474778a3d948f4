/**
 * Officials sort the captured ideas: categorise them, merge duplicates into one (status merged,
 * `merged_into_id`), dismiss or restore them, and promote one to a structured outcome of the chosen
 * kind (the outcome row and the idea's link commit together). Every change audited.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB, OutcomeKind } from '../../platform/db/schema.js';
import { insertOutcome } from './manage-outcomes.js';

export type IdeaActionRefusal = 'notFound' | 'state' | 'target';

function lockedIdea(services: Services, trx: Kysely<DB>, meetingId: number, ideaId: number) {
  return trx
    .selectFrom('meeting_ideas')
    .selectAll()
    .where('id', '=', ideaId)
    .where('meeting_id', '=', meetingId)
    .$if(services.engine === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

type Result = { ok: true } | { ok: false; reason: IdeaActionRefusal };

export async function categoriseIdea(
  services: Services,
  userId: number,
  meetingId: number,
  ideaId: number,
  category: string,
): Promise<Result> {
  return services.db.transaction().execute(async (trx): Promise<Result> => {
    const idea = await lockedIdea(services, trx, meetingId, ideaId);
    if (!idea) return { ok: false, reason: 'notFound' };
    await trx
      .updateTable('meeting_ideas')
      .set({ category: category || null })
      .where('id', '=', ideaId)
      .execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.idea_categorised',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { ideaId, category: idea.category },
      after: { ideaId, category: category || null },
    });
    return { ok: true };
  });
}

/** Merges a duplicate into another idea of the meeting that is itself not merged. */
export async function mergeIdea(
  services: Services,
  userId: number,
  meetingId: number,
  ideaId: number,
  targetId: number,
): Promise<Result> {
  return services.db.transaction().execute(async (trx): Promise<Result> => {
    const idea = await lockedIdea(services, trx, meetingId, ideaId);
    if (!idea) return { ok: false, reason: 'notFound' };
    if (idea.status === 'merged' || idea.status === 'promoted') return { ok: false, reason: 'state' };
    const target = targetId === ideaId ? undefined : await lockedIdea(services, trx, meetingId, targetId);
    if (!target || target.status === 'merged') return { ok: false, reason: 'target' };
    await trx.updateTable('meeting_ideas').set({ status: 'merged', merged_into_id: targetId }).where('id', '=', ideaId).execute();
    // Ideas merged into this one follow it to the target.
    await trx.updateTable('meeting_ideas').set({ merged_into_id: targetId }).where('merged_into_id', '=', ideaId).execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.idea_merged',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { ideaId, status: idea.status },
      after: { ideaId, status: 'merged', mergedIntoId: targetId },
    });
    return { ok: true };
  });
}

/** Dismisses a new idea, or restores a dismissed or merged one to new. */
export async function setIdeaState(
  services: Services,
  userId: number,
  meetingId: number,
  ideaId: number,
  action: 'dismiss' | 'restore',
): Promise<Result> {
  return services.db.transaction().execute(async (trx): Promise<Result> => {
    const idea = await lockedIdea(services, trx, meetingId, ideaId);
    if (!idea) return { ok: false, reason: 'notFound' };
    const allowed = action === 'dismiss' ? idea.status === 'new' : idea.status === 'dismissed' || idea.status === 'merged';
    if (!allowed) return { ok: false, reason: 'state' };
    const status = action === 'dismiss' ? 'dismissed' : 'new';
    await trx.updateTable('meeting_ideas').set({ status, merged_into_id: null }).where('id', '=', ideaId).execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: action === 'dismiss' ? 'meeting.idea_dismissed' : 'meeting.idea_restored',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { ideaId, status: idea.status, mergedIntoId: idea.merged_into_id },
      after: { ideaId, status },
    });
    return { ok: true };
  });
}

/** Promotes an idea to an outcome of the chosen kind (the text as the official worded it). */
export async function promoteIdea(
  services: Services,
  userId: number,
  meetingId: number,
  ideaId: number,
  outcome: { kind: OutcomeKind; text: string },
): Promise<Result & { outcomeId?: number }> {
  return services.db.transaction().execute(async (trx): Promise<Result & { outcomeId?: number }> => {
    const idea = await lockedIdea(services, trx, meetingId, ideaId);
    if (!idea) return { ok: false, reason: 'notFound' };
    if (idea.status !== 'new' && idea.status !== 'dismissed') return { ok: false, reason: 'state' };
    const outcomeId = await insertOutcome(
      trx,
      userId,
      meetingId,
      { kind: outcome.kind, text: outcome.text, owner: '', dueOn: '', agendaItemId: undefined },
      { ideaId },
    );
    await trx.updateTable('meeting_ideas').set({ status: 'promoted', outcome_id: outcomeId }).where('id', '=', ideaId).execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.idea_promoted',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { ideaId, status: idea.status },
      after: { ideaId, status: 'promoted', outcomeId },
    });
    return { ok: true, outcomeId };
  });
}
