/**
 * A participant's remark on circulated minutes: only people registered for the meeting or checked in
 * at it, only while the minutes are circulated and not after the day named (Europe/Warsaw). The
 * remark is kept with the version it was made on and may name an agenda item.
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { canRemark, remarkWindow } from './meeting-minutes.policy.js';
import { isParticipant } from './meeting-minutes.repo.js';
import { todayInWarsaw } from './meeting-context.js';

export type RemarkRefusal = 'notParticipant' | 'notCirculated' | 'closed' | 'agendaItem';

export async function leaveRemark(
  services: Services,
  user: { id: number; email: string },
  meetingId: number,
  input: { agendaItemId?: number | undefined; text: string },
  now: Date = new Date(),
): Promise<{ ok: true; id: number } | { ok: false; reason: RemarkRefusal; until?: string | null }> {
  return services.db.transaction().execute(async (trx) => {
    if (!canRemark({ isParticipant: await isParticipant(trx, meetingId, user) })) {
      return { ok: false, reason: 'notParticipant' } as const;
    }
    const current = await trx
      .selectFrom('meeting_minutes')
      .select(['id', 'version', 'status', 'remarks_until'])
      .where('meeting_id', '=', meetingId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    const window = remarkWindow(current, todayInWarsaw(now));
    if (window !== 'open' || !current) {
      return {
        ok: false,
        reason: window === 'closed' ? 'closed' : 'notCirculated',
        until: current?.remarks_until ?? null,
      } as const;
    }
    if (input.agendaItemId !== undefined) {
      const item = await trx
        .selectFrom('meeting_agenda_items')
        .select('id')
        .where('id', '=', input.agendaItemId)
        .where('meeting_id', '=', meetingId)
        .executeTakeFirst();
      if (!item) return { ok: false, reason: 'agendaItem' } as const;
    }
    const inserted = await trx
      .insertInto('meeting_minutes_remarks')
      .values({
        minutes_id: current.id,
        user_id: user.id,
        agenda_item_id: input.agendaItemId ?? null,
        text: input.text,
        created_at: nowIso(() => now),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(user.id),
      action: 'meeting.minutes_remarked',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: { remarkId: inserted.id, version: current.version, agendaItemId: input.agendaItemId ?? null },
    });
    return { ok: true, id: inserted.id } as const;
  });
}
