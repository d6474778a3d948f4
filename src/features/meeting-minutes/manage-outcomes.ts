/**
 * Structured outcomes of a meeting (decisions, the main goal and specific goals, principles, forms of
 * cooperation and of promotion, tasks with owner and due date), ordered within each kind. They flow
 * into the programme of cooperation later (`meetingOutcomes` in index.ts). Every change audited.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import type { DB, OutcomeKind } from '../../platform/db/schema.js';
import type { TOutcome } from './meeting-minutes.schema.js';

export type OutcomeRefusal = 'agendaItem' | 'notFound';

async function agendaItemBelongs(trx: Kysely<DB>, meetingId: number, agendaItemId: number | undefined) {
  if (agendaItemId === undefined) return true;
  const row = await trx
    .selectFrom('meeting_agenda_items')
    .select('id')
    .where('id', '=', agendaItemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Tasks carry an owner and a due date; other kinds do not. */
function columns(outcome: TOutcome) {
  const task = outcome.kind === 'task';
  return {
    kind: outcome.kind,
    text: outcome.text,
    agenda_item_id: outcome.agendaItemId ?? null,
    owner: task && outcome.owner ? outcome.owner : null,
    due_on: task && outcome.dueOn ? outcome.dueOn : null,
  };
}

async function nextPosition(trx: Kysely<DB>, meetingId: number, kind: OutcomeKind): Promise<number> {
  const row = await trx
    .selectFrom('meeting_outcomes')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

/** Inserts an outcome at the end of its kind's list, inside the caller's transaction (ideas promote through it). */
export async function insertOutcome(
  trx: Kysely<DB>,
  userId: number,
  meetingId: number,
  outcome: TOutcome,
  source?: { ideaId: number },
): Promise<number> {
  const values = columns(outcome);
  const position = await nextPosition(trx, meetingId, outcome.kind);
  const inserted = await trx
    .insertInto('meeting_outcomes')
    .values({ meeting_id: meetingId, position, created_at: nowIso(), ...values })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: userActor(userId),
    action: 'meeting.outcome_added',
    subjectType: 'meeting',
    subjectId: meetingId,
    after: { outcomeId: inserted.id, position, ...values, ...(source ? { fromIdea: source.ideaId } : {}) },
  });
  return inserted.id;
}

export async function addOutcome(
  services: Services,
  userId: number,
  meetingId: number,
  outcome: TOutcome,
): Promise<{ ok: true; id: number } | { ok: false; reason: OutcomeRefusal }> {
  return services.db.transaction().execute(async (trx) => {
    if (!(await agendaItemBelongs(trx, meetingId, outcome.agendaItemId))) return { ok: false, reason: 'agendaItem' } as const;
    return { ok: true, id: await insertOutcome(trx, userId, meetingId, outcome) } as const;
  });
}

/** Adds a statutory principle unless the meeting already lists it (one click, idempotent). */
export async function addPrinciple(services: Services, userId: number, meetingId: number, principle: string): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('meeting_outcomes')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('kind', '=', 'principle')
      .where('text', '=', principle)
      .executeTakeFirst();
    if (existing) return false;
    await insertOutcome(trx, userId, meetingId, {
      kind: 'principle',
      text: principle,
      owner: '',
      dueOn: '',
      agendaItemId: undefined,
    });
    return true;
  });
}

export async function updateOutcome(
  services: Services,
  userId: number,
  meetingId: number,
  outcomeId: number,
  outcome: TOutcome,
): Promise<{ ok: true } | { ok: false; reason: OutcomeRefusal }> {
  return services.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('meeting_outcomes')
      .selectAll()
      .where('id', '=', outcomeId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!before) return { ok: false, reason: 'notFound' } as const;
    if (!(await agendaItemBelongs(trx, meetingId, outcome.agendaItemId))) return { ok: false, reason: 'agendaItem' } as const;
    const values = columns(outcome);
    // A new kind puts the outcome at the end of that kind's list.
    const position = values.kind === before.kind ? before.position : await nextPosition(trx, meetingId, values.kind);
    await trx
      .updateTable('meeting_outcomes')
      .set({ ...values, position })
      .where('id', '=', outcomeId)
      .execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.outcome_changed',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: {
        outcomeId,
        kind: before.kind,
        position: before.position,
        text: before.text,
        agenda_item_id: before.agenda_item_id,
        owner: before.owner,
        due_on: before.due_on,
      },
      after: { outcomeId, position, ...values },
    });
    return { ok: true } as const;
  });
}

export async function removeOutcome(services: Services, userId: number, meetingId: number, outcomeId: number): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('meeting_outcomes')
      .selectAll()
      .where('id', '=', outcomeId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!before) return false;
    // An idea promoted to this outcome becomes a new idea again.
    await trx.updateTable('meeting_ideas').set({ status: 'new', outcome_id: null }).where('outcome_id', '=', outcomeId).execute();
    await trx.deleteFrom('meeting_outcomes').where('id', '=', outcomeId).execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.outcome_removed',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { outcomeId, kind: before.kind, position: before.position, text: before.text },
    });
    return true;
  });
}

/** Moves an outcome one place up or down within its kind (swapping positions with its neighbour). */
export async function moveOutcome(
  services: Services,
  userId: number,
  meetingId: number,
  outcomeId: number,
  direction: 'up' | 'down',
): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const outcome = await trx
      .selectFrom('meeting_outcomes')
      .selectAll()
      .where('id', '=', outcomeId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!outcome) return false;
    const siblings = await trx
      .selectFrom('meeting_outcomes')
      .select(['id', 'position'])
      .where('meeting_id', '=', meetingId)
      .where('kind', '=', outcome.kind)
      .orderBy('position')
      .orderBy('id')
      .execute();
    const index = siblings.findIndex((s) => s.id === outcomeId);
    const other = siblings[direction === 'up' ? index - 1 : index + 1];
    if (!other) return false;
    // Renumber the whole list 1..n with the two swapped, so equal positions never stall a move.
    const order = siblings.map((s) => s.id);
    order[index] = other.id;
    order[siblings.indexOf(other)] = outcomeId;
    for (const [i, id] of order.entries()) {
      await trx
        .updateTable('meeting_outcomes')
        .set({ position: i + 1 })
        .where('id', '=', id)
        .execute();
    }
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.outcome_moved',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { outcomeId, kind: outcome.kind, position: outcome.position },
      after: { outcomeId, position: order.indexOf(outcomeId) + 1 },
    });
    return true;
  });
}
