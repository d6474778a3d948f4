/**
 * Withdrawing a sent submission (its author, while the consultation is open) and submitting it again:
 * a sent submission is never edited; the author withdraws it (it keeps its receipt number, marked
 * withdrawn) and a new draft copy, linked by `resubmission_of`, is written and sent as a new one.
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { findConsultation } from './consultation.repo.js';
import { notOpen, type NotOpen } from './send-submission.js';

export type WithdrawResult = { ok: true } | NotOpen | { ok: false; reason: 'notFound' | 'notSent' };

export async function withdrawSubmission(
  services: Services,
  authorId: number,
  ref: { consultationId: number; submissionId: number },
): Promise<WithdrawResult> {
  return services.db.transaction().execute(async (trx): Promise<WithdrawResult> => {
    const now = services.clock();
    const c = await findConsultation(trx, ref.consultationId);
    if (!c) return { ok: false, reason: 'notFound' };
    const refused = notOpen(c, now);
    if (refused) return refused;
    const at = nowIso(() => now);
    const updated = await trx
      .updateTable('consultation_submissions')
      .set({ status: 'withdrawn', withdrawn_at: at, updated_at: at })
      .where('id', '=', ref.submissionId)
      .where('consultation_id', '=', c.id)
      .where('author_id', '=', authorId)
      .where('channel', '=', 'online')
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'notSent' };
    await recordAudit(trx, {
      actor: userActor(authorId),
      action: 'consultation.submission-withdrawn',
      subjectType: 'consultation-submission',
      subjectId: ref.submissionId,
      before: { status: 'sent' },
      after: { status: 'withdrawn', consultationId: c.id },
    });
    return { ok: true };
  });
}

export type ResubmitResult = { ok: true; id: number } | NotOpen | { ok: false; reason: 'notFound' | 'notWithdrawn' };

/** A new draft copying a withdrawn submission (the author edits and sends it as a new one). */
export async function resubmitSubmission(
  services: Services,
  authorId: number,
  ref: { consultationId: number; submissionId: number },
): Promise<ResubmitResult> {
  return services.db.transaction().execute(async (trx): Promise<ResubmitResult> => {
    const now = services.clock();
    const c = await findConsultation(trx, ref.consultationId);
    if (!c) return { ok: false, reason: 'notFound' };
    const refused = notOpen(c, now);
    if (refused) return refused;
    const old = await trx
      .selectFrom('consultation_submissions')
      .selectAll()
      .where('id', '=', ref.submissionId)
      .where('consultation_id', '=', c.id)
      .where('author_id', '=', authorId)
      .where('channel', '=', 'online')
      .executeTakeFirst();
    if (!old) return { ok: false, reason: 'notFound' };
    if (old.status !== 'withdrawn') return { ok: false, reason: 'notWithdrawn' };
    const at = nowIso(() => now);
    const row = await trx
      .insertInto('consultation_submissions')
      .values({
        consultation_id: c.id,
        kind: old.kind,
        status: 'draft',
        channel: 'online',
        author_id: authorId,
        organization_id: old.organization_id,
        submitter_kind: old.submitter_kind,
        submitter_name: old.submitter_name,
        contact_email: old.contact_email,
        provision_key: old.provision_key,
        provision_label: old.provision_label,
        current_wording: old.current_wording,
        proposed_wording: old.proposed_wording,
        justification: old.justification,
        task_json: old.task_json,
        resubmission_of: old.id,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(authorId),
      action: 'consultation.submission-drafted',
      subjectType: 'consultation-submission',
      subjectId: row.id,
      after: { consultationId: c.id, kind: old.kind, resubmissionOf: old.id },
    });
    return { ok: true, id: row.id };
  });
}
