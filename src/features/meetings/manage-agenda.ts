import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import type { DB } from '../../platform/db/schema.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { moveRow, nextPosition } from './ordered-rows.js';

export interface AgendaItemInput {
  title: string;
  duration: string;
}

export type AgendaResult = 'done' | 'notFound' | 'cancelled' | 'unchanged' | 'lastItem';

const durationOf = (input: AgendaItemInput) => (input.duration ? Number(input.duration) : null);

/** The meeting's status, or null when there is no such meeting. */
async function meetingStatus(trx: Kysely<DB>, meetingId: number) {
  const row = await trx.selectFrom('meetings').select('status').where('id', '=', meetingId).executeTakeFirst();
  return row?.status ?? null;
}

/** Adds an item at the end of the agenda. Audited. */
export async function addAgendaItem(
  services: Services,
  officialId: number,
  meetingId: number,
  input: AgendaItemInput,
): Promise<AgendaResult> {
  return services.db.transaction().execute(async (trx) => {
    const status = await meetingStatus(trx, meetingId);
    if (!status) return 'notFound';
    if (status === 'cancelled') return 'cancelled';
    const position = await nextPosition(trx, 'meeting_agenda_items', meetingId);
    const row = await trx
      .insertInto('meeting_agenda_items')
      .values({ meeting_id: meetingId, position, title: input.title, duration_minutes: durationOf(input) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.agenda.added',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: { itemId: row.id, title: input.title, durationMinutes: durationOf(input) },
    });
    return 'done';
  });
}

/** Changes an item's title or duration. Audited with the changed fields. */
export async function updateAgendaItem(
  services: Services,
  officialId: number,
  meetingId: number,
  itemId: number,
  input: AgendaItemInput,
): Promise<AgendaResult> {
  return services.db.transaction().execute(async (trx) => {
    const status = await meetingStatus(trx, meetingId);
    if (!status) return 'notFound';
    if (status === 'cancelled') return 'cancelled';
    const item = await trx
      .selectFrom('meeting_agenda_items')
      .selectAll()
      .where('id', '=', itemId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!item) return 'notFound';
    const duration = durationOf(input);
    if (item.title === input.title && item.duration_minutes === duration) return 'unchanged';
    await trx
      .updateTable('meeting_agenda_items')
      .set({ title: input.title, duration_minutes: duration })
      .where('id', '=', itemId)
      .execute();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.agenda.updated',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { itemId, title: item.title, durationMinutes: item.duration_minutes },
      after: { itemId, title: input.title, durationMinutes: duration },
    });
    return 'done';
  });
}

/** Moves an item one place up or down, or removes it. Audited. */
export async function changeAgendaItem(
  services: Services,
  officialId: number,
  meetingId: number,
  itemId: number,
  action: 'up' | 'down' | 'remove',
): Promise<AgendaResult> {
  return services.db.transaction().execute(async (trx) => {
    const status = await meetingStatus(trx, meetingId);
    if (!status) return 'notFound';
    if (status === 'cancelled') return 'cancelled';
    const item = await trx
      .selectFrom('meeting_agenda_items')
      .selectAll()
      .where('id', '=', itemId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!item) return 'notFound';
    if (action === 'remove') {
      // A published meeting keeps at least one agenda item (it needed one to be published).
      const count = await trx
        .selectFrom('meeting_agenda_items')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('meeting_id', '=', meetingId)
        .executeTakeFirstOrThrow();
      if (status === 'published' && Number(count.n) <= 1) return 'lastItem';
      await trx.deleteFrom('meeting_agenda_items').where('id', '=', itemId).execute();
    } else if (!(await moveRow(trx, 'meeting_agenda_items', meetingId, itemId, action))) {
      return 'unchanged';
    }
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: action === 'remove' ? 'meeting.agenda.removed' : 'meeting.agenda.moved',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { itemId, title: item.title, position: item.position },
      ...(action === 'remove' ? {} : { after: { itemId, direction: action } }),
    });
    return 'done';
  });
}
