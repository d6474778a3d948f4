import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { queueMail } from '../../platform/mail/mail.js';
import { isLanguage, translatorFor } from '../../platform/i18n/i18n.js';
import { liveRegistrants } from './meetings.repo.js';
import { meetingWhen } from './meeting-view.js';

export type CancelMeetingResult = { ok: true; mailed: number } | { ok: false; reason: 'notFound' | 'conflict' | 'notPublished' };

/**
 * An official cancels a published meeting: the status, the audit entry (with the reason) and a mail
 * to everyone registered or waitlisted (in their preferred language) commit together.
 */
export async function cancelMeeting(
  services: Services,
  officialId: number,
  meetingId: number,
  expectedVersion: number,
  reason: string,
): Promise<CancelMeetingResult> {
  return services.db.transaction().execute(async (trx) => {
    const meeting = await trx.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
    if (!meeting) return { ok: false, reason: 'notFound' } as const;
    if (meeting.status !== 'published') return { ok: false, reason: 'notPublished' } as const;
    if (meeting.version !== expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const result = await trx
      .updateTable('meetings')
      .set({ status: 'cancelled', updated_at: new Date().toISOString(), version: expectedVersion + 1 })
      .where('id', '=', meetingId)
      .where('version', '=', expectedVersion)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.cancelled',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { status: 'published' },
      after: { status: 'cancelled', ...(reason ? { reason } : {}) },
    });
    const recipients = await liveRegistrants(trx, meetingId);
    const url = `${services.config.baseUrl}/spotkania/${meetingId}`;
    for (const recipient of recipients) {
      const language = isLanguage(recipient.preferred_language) ? recipient.preferred_language : 'pl';
      const t = translatorFor(language);
      const when = meetingWhen(meeting, language);
      const lines = [
        t('meetings.mail.cancelled.greeting'),
        '',
        t('meetings.mail.cancelled.body', { topic: meeting.topic, date: when.date, time: when.time }),
        ...(reason ? ['', t('meetings.mail.cancelled.reason'), reason] : []),
        '',
        t('meetings.mail.cancelled.link', { url }),
      ];
      await queueMail(trx, {
        to: recipient.email,
        subject: t('meetings.mail.cancelled.subject', { topic: meeting.topic }),
        text: lines.join('\n'),
      });
    }
    return { ok: true, mailed: recipients.length } as const;
  });
}
