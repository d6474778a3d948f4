import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { TMeetingInput } from './meetings.schema.js';
import { meetingColumns } from './create-meeting.js';
import { fillFreedPlaces } from '../meeting-registration/index.js';

export type UpdateMeetingResult = { ok: true; changed: number } | { ok: false; reason: 'notFound' | 'conflict' | 'cancelled' };

/**
 * Saves a meeting if nobody saved it since `expectedVersion` was read (optimistic locking). A
 * cancelled meeting is final. The audit entry holds exactly the fields that changed. Places freed
 * by a larger capacity go to the waitlist.
 */
export async function updateMeeting(
  services: Services,
  officialId: number,
  meetingId: number,
  input: TMeetingInput,
  expectedVersion: number,
): Promise<UpdateMeetingResult> {
  const result = await services.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
    if (!before) return { ok: false, reason: 'notFound' } as const;
    if (before.status === 'cancelled') return { ok: false, reason: 'cancelled' } as const;
    if (before.version !== expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const columns = meetingColumns(input);
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(columns)) {
      const old = before[key as keyof typeof before];
      if (old !== value) {
        changedBefore[key] = old;
        changedAfter[key] = value;
      }
    }
    const changed = Object.keys(changedAfter).length;
    if (changed === 0) return { ok: true, changed } as const;
    const result = await trx
      .updateTable('meetings')
      .set({ ...columns, updated_at: new Date().toISOString(), version: expectedVersion + 1 })
      .where('id', '=', meetingId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.updated',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: changedBefore,
      after: changedAfter,
    });
    return { ok: true, changed } as const;
  });
  // A larger capacity (or none) frees places: the waitlist moves up, as after a cancellation.
  if (result.ok && result.changed > 0) await fillFreedPlaces(services, meetingId, userActor(officialId));
  return result;
}
