/**
 * An official's answer to one sent submission: a decision and its justification. Answers can be
 * given while the consultation is still open and changed until it is closed; each save names the
 * submission's lock it read, so a colleague's answer saved in between is never overwritten silently.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import type { DB, SubmissionDecision } from '../../platform/db/schema.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import type { ConsultationRecord } from '../consultation/index.js';
import { sentSubmission, type AnswerRow } from './answers.repo.js';

export type AnswerResult = { ok: true; changed: boolean } | { ok: false; reason: 'notFound' | 'closed' | 'conflict' };

/** The consultation row, read with a share lock on PostgreSQL so closing waits for answers in flight. */
async function lockedConsultation(trx: Kysely<DB>, services: Services, id: number) {
  const query = trx.selectFrom('consultations').selectAll().where('id', '=', id);
  return services.engine === 'postgres' ? query.forShare().executeTakeFirst() : query.executeTakeFirst();
}

/** A sent submission of a consultation still open, read under the consultation's lock (what answering and assigning need). */
export async function openSubmission(
  trx: Kysely<DB>,
  services: Services,
  ref: { consultationId: number; submissionId: number },
): Promise<{ ok: true; consultation: ConsultationRecord; row: AnswerRow } | { ok: false; reason: 'notFound' | 'closed' }> {
  const consultation = await lockedConsultation(trx, services, ref.consultationId);
  if (!consultation) return { ok: false, reason: 'notFound' };
  if (consultation.status === 'closed') return { ok: false, reason: 'closed' };
  const row = await sentSubmission(trx, consultation.id, ref.submissionId);
  if (!row) return { ok: false, reason: 'notFound' };
  return { ok: true, consultation, row };
}

export function answerSubmission(
  services: Services,
  officialId: number,
  ref: { consultationId: number; submissionId: number },
  input: { decision: SubmissionDecision; answer: string; version: number },
): Promise<AnswerResult> {
  return services.db.transaction().execute(async (trx): Promise<AnswerResult> => {
    const found = await openSubmission(trx, services, ref);
    if (!found.ok) return found;
    const { consultation, row } = found;
    if (row.version !== input.version) return { ok: false, reason: 'conflict' };
    if (row.decision === input.decision && row.answer === input.answer) return { ok: true, changed: false };
    const now = nowIso(services.clock);
    const updated = await trx
      .updateTable('consultation_submissions')
      .set({
        decision: input.decision,
        answer: input.answer,
        answered_by: officialId,
        answered_at: now,
        version: row.version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' };
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'consultation.answered',
      subjectType: 'consultation',
      subjectId: consultation.id,
      before: { submissionId: row.id, receiptNumber: row.receipt_number, decision: row.decision, answer: row.answer },
      after: { submissionId: row.id, receiptNumber: row.receipt_number, decision: input.decision, answer: input.answer },
    });
    return { ok: true, changed: true };
  });
}
