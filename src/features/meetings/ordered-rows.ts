/**
 * Ordered child rows of a meeting (agenda items, attachments): append at the end, move one place
 * up or down by swapping positions with its neighbour, remove. Runs inside the caller's transaction.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export type OrderedTable = 'meeting_agenda_items' | 'meeting_attachments';

export async function nextPosition(trx: Kysely<DB>, table: OrderedTable, meetingId: number): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('position').as('top'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(row?.top ?? 0) + 1;
}

/** Swaps a row with its neighbour; false when the row is not the meeting's or is already at that end. */
export async function moveRow(
  trx: Kysely<DB>,
  table: OrderedTable,
  meetingId: number,
  rowId: number,
  direction: 'up' | 'down',
): Promise<boolean> {
  const rows = await trx
    .selectFrom(table)
    .select(['id', 'position'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const index = rows.findIndex((r) => r.id === rowId);
  const other = direction === 'up' ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= rows.length) return false;
  // Renumber densely in the new order, so equal or missing positions never confuse a later move.
  const order = rows.map((r) => r.id);
  [order[index], order[other]] = [order[other]!, order[index]!];
  for (const [i, id] of order.entries()) {
    await trx
      .updateTable(table)
      .set({ position: i + 1 })
      .where('id', '=', id)
      .execute();
  }
  return true;
}
