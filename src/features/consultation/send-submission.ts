/**
 * Sending a submission: inside the caller's transaction the consultation's receipt counter goes up
 * by one (`UPDATE … SET receipt_counter = receipt_counter + 1 RETURNING`: on PostgreSQL the row lock
 * serialises concurrent sends of one consultation; SQLite writes one transaction at a time), the
 * draft becomes sent with its sequence, receipt number and time, the audit entry is written and the
 * receipt mail queued — all of it commits together or not at all. A draft that is no longer a draft
 * (sent meanwhile by a second request) refuses, which rolls the counter back: never a second receipt.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { queueMail } from '../../platform/mail/mail.js';
import { acceptsSubmissions, type ConsultationPhase, consultationPhase } from './consultation-phase.js';
import type { ConsultationRecord } from './consultation.repo.js';
import { receiptMail, receiptNumber } from './submission-receipt.js';

/** Thrown inside a transaction to roll it back with a reason the use-case returns. */
export class SubmissionRefused extends Error {
  constructor(readonly reason: 'notOpen' | 'notDraft' | 'notFound') {
    super(reason);
  }
}

/** The refusal a use-case returns when the consultation does not accept submissions at `now`. */
export type NotOpen = { ok: false; reason: 'notOpen'; phase: ConsultationPhase };

export function notOpen(c: ConsultationRecord, now: Date): NotOpen | undefined {
  return acceptsSubmissions(c, now) ? undefined : { ok: false, reason: 'notOpen', phase: consultationPhase(c, now) };
}

export interface Sent {
  id: number;
  sequence: number;
  receiptNumber: string;
}

/**
 * Sends the draft `submissionId` of consultation `c` in `trx`: the receipt, the audit entry
 * (`consultation.submission-sent`, or `consultation.submission-entered` for an official's entry) and
 * the receipt mail to `mailTo` (when given). Throws `SubmissionRefused` when the consultation is
 * closed meanwhile or the row is not a draft any more.
 */
export async function sendDraftIn(
  trx: Kysely<DB>,
  services: Services,
  c: ConsultationRecord,
  submissionId: number,
  options: { actorId: number; sentAt: string; mailTo: string | null; audit: 'sent' | 'entered'; submitterName?: string },
): Promise<Sent> {
  const counter = await trx
    .updateTable('consultations')
    .set((eb) => ({ receipt_counter: eb('receipt_counter', '+', 1) }))
    .where('id', '=', c.id)
    .where('status', '=', 'announced')
    .returning('receipt_counter')
    .executeTakeFirst();
  if (!counter) throw new SubmissionRefused('notOpen');
  const sequence = Number(counter.receipt_counter);
  const number = receiptNumber(c, sequence);
  const updated = await trx
    .updateTable('consultation_submissions')
    .set({
      status: 'sent',
      sequence,
      receipt_number: number,
      sent_at: options.sentAt,
      updated_at: options.sentAt,
      ...(options.submitterName !== undefined ? { submitter_name: options.submitterName } : {}),
    })
    .where('id', '=', submissionId)
    .where('consultation_id', '=', c.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new SubmissionRefused('notDraft');
  const row = await trx
    .selectFrom('consultation_submissions')
    .selectAll()
    .where('id', '=', submissionId)
    .executeTakeFirstOrThrow();
  await recordAudit(trx, {
    actor: userActor(options.actorId),
    action: options.audit === 'sent' ? 'consultation.submission-sent' : 'consultation.submission-entered',
    subjectType: 'consultation-submission',
    subjectId: submissionId,
    after: {
      consultationId: c.id,
      kind: row.kind,
      channel: row.channel,
      receiptNumber: number,
      provisionKey: row.provision_key,
      resubmissionOf: row.resubmission_of,
    },
  });
  if (options.mailTo)
    await queueMail(
      trx,
      receiptMail(options.mailTo, { consultationId: c.id, subject: c.subject, submission: row }, services.config.baseUrl),
    );
  return { id: submissionId, sequence, receiptNumber: number };
}
