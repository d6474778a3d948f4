/**
 * Assigning a sent submission to a colleague (an official or administrator) to answer, or to nobody.
 * The assignee is told by mail, in their preferred language, with a link to the submission.
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { translatorFor } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/mail.js';
import { openSubmission } from './answer-submission.js';
import { colleagues } from './answers.repo.js';

export type AssignResult =
  { ok: true; changed: boolean; assignee: string | null } | { ok: false; reason: 'notFound' | 'closed' | 'notColleague' };

export function assignSubmission(
  services: Services,
  officialId: number,
  ref: { consultationId: number; submissionId: number },
  assigneeId: number | null,
): Promise<AssignResult> {
  return services.db.transaction().execute(async (trx): Promise<AssignResult> => {
    const found = await openSubmission(trx, services, ref);
    if (!found.ok) return found;
    const { consultation, row } = found;
    const assignee = assigneeId === null ? null : (await colleagues(trx)).find((c) => c.id === assigneeId);
    if (assignee === undefined) return { ok: false, reason: 'notColleague' };
    if (row.assigned_to === assigneeId) return { ok: true, changed: false, assignee: assignee?.name ?? null };
    await trx
      .updateTable('consultation_submissions')
      .set({ assigned_to: assigneeId, updated_at: nowIso(services.clock) })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'consultation.assigned',
      subjectType: 'consultation',
      subjectId: consultation.id,
      before: { submissionId: row.id, receiptNumber: row.receipt_number, assignedTo: row.assigned_to },
      after: { submissionId: row.id, receiptNumber: row.receipt_number, assignedTo: assigneeId },
    });
    // Nobody needs a mail about what they did themselves.
    if (assignee && assignee.id !== officialId) {
      const t = translatorFor(assignee.language === 'en' ? 'en' : 'pl');
      const receipt = row.receipt_number ?? '';
      const link = `${services.config.baseUrl}/konsultacje/${consultation.id}/odpowiedzi/${row.id}`;
      await queueMail(trx, {
        to: assignee.email,
        subject: t(`consultationAnswers.mails.assigned.subject.${row.kind}`, { receipt }),
        text: t('consultationAnswers.mails.assigned.body', { receipt, subject: consultation.subject, link }),
      });
    }
    return { ok: true, changed: true, assignee: assignee?.name ?? null };
  });
}
