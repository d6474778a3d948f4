import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';

export type PublishMeetingResult = 'published' | 'notFound' | 'conflict' | 'notDraft' | 'noAgenda';

/** A draft with at least one agenda item becomes public (or visible to the invited). Audited. */
export async function publishMeeting(
  services: Services,
  officialId: number,
  meetingId: number,
  expectedVersion: number,
): Promise<PublishMeetingResult> {
  return services.db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meetings').select(['status', 'version']).where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) return 'notFound';
    if (meeting.status !== 'draft') return 'notDraft';
    if (meeting.version !== expectedVersion) return 'conflict';
    const items = await trx
      .selectFrom('meeting_agenda_items')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    if (Number(items.n) === 0) return 'noAgenda';
    const result = await trx
      .updateTable('meetings')
      .set({ status: 'published', updated_at: new Date().toISOString(), version: expectedVersion + 1 })
      .where('id', '=', meetingId)
      .where('version', '=', expectedVersion)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return 'conflict';
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.published',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { status: 'draft' },
      after: { status: 'published' },
    });
    return 'published';
  });
}
