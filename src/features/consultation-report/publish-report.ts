/**
 * Publishing the report: only once the consultation is closed, and only once. The report becomes
 * public; the publication is audited; every participant (each address once) is told by mail, with
 * links to the report and their own receipt numbers with the decision on each — all in one
 * transaction, so mails go out exactly when the publication commits.
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { translatorFor } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/mail.js';
import { findConsultation } from '../consultation/index.js';
import { findVersionWithProgramme } from '../programme/index.js';
import { participantsOf } from './consultation-report.repo.js';
import { reportPath } from './consultation-report.policy.js';
import { clean, decisionLabels } from './report-model.js';

export type PublishResult =
  { ok: true; recipients: number } | { ok: false; reason: 'notFound' | 'notClosed' | 'alreadyPublished' };

export async function publishReport(services: Services, officialId: number, consultationId: number): Promise<PublishResult> {
  return services.db.transaction().execute(async (trx): Promise<PublishResult> => {
    const consultation = await findConsultation(trx, consultationId);
    if (!consultation) return { ok: false, reason: 'notFound' };
    if (consultation.report_published_at !== null) return { ok: false, reason: 'alreadyPublished' };
    if (consultation.status !== 'closed') return { ok: false, reason: 'notClosed' };
    const publishedAt = nowIso(services.clock);
    // The conditional update lets exactly one of two simultaneous publications through.
    const updated = await trx
      .updateTable('consultations')
      .set({ report_published_at: publishedAt, report_published_by: officialId, updated_at: publishedAt })
      .where('id', '=', consultationId)
      .where('status', '=', 'closed')
      .where('report_published_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'alreadyPublished' };

    const version = await findVersionWithProgramme(trx, consultation.programme_version_id);
    const participants = await participantsOf(trx, consultationId);
    const submissions = new Map(
      (
        await trx
          .selectFrom('consultation_submissions')
          .select(['id', 'receipt_number', 'decision'])
          .where('consultation_id', '=', consultationId)
          .where('status', '=', 'sent')
          .execute()
      ).map((s) => [s.id, s]),
    );
    const t = translatorFor('pl');
    const link = `${services.config.baseUrl}${reportPath(consultationId)}`;
    const subject = clean(consultation.subject);
    for (const participant of participants) {
      const receipts = participant.submissionIds
        .map((id) => submissions.get(id))
        .filter((s) => s !== undefined)
        .map((s) =>
          t('consultationReport.mail.receipt', {
            number: clean(s.receipt_number),
            decision: s.decision ? decisionLabels[s.decision] : t('consultationReport.mail.unanswered'),
          }),
        )
        .join('\n');
      await queueMail(trx, {
        to: participant.email,
        subject: t('consultationReport.mail.subject', { subject }),
        text: t('consultationReport.mail.body', {
          subject,
          programme: clean(version?.title ?? ''),
          link,
          pdf: `${link}.pdf`,
          receipts,
        }),
      });
    }
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'consultation.report-published',
      subjectType: 'consultation',
      subjectId: consultationId,
      before: { reportPublishedAt: null },
      after: { reportPublishedAt: publishedAt, recipients: participants.length },
    });
    return { ok: true, recipients: participants.length };
  });
}
