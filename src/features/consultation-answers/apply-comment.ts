/**
 * Applying an accepted (or partly accepted) comment to the next version of the programme: the
 * proposed wording replaces the provision in the newest draft after the consulted version when that
 * draft still has the wording the comment quoted; otherwise the comment is only linked to the draft.
 * Either way the submission remembers the version (`applied_in_version_id`). Allowed after closing
 * too: the next draft is usually made once the consultation is over.
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { applyWordingToNextVersion } from '../programme/index.js';
import { sentSubmission } from './answers.repo.js';
import { canApply } from './decisions.js';

export type ApplyCommentResult =
  | { ok: true; programmeId: number; versionNumber: number; replaced: boolean }
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'notApplicable' | 'noDraft'; programmeId: number };

export function applyComment(
  services: Services,
  officialId: number,
  ref: { consultationId: number; submissionId: number },
): Promise<ApplyCommentResult> {
  return services.db.transaction().execute(async (trx): Promise<ApplyCommentResult> => {
    const consultation = await trx
      .selectFrom('consultations as c')
      .innerJoin('programme_versions as v', 'v.id', 'c.programme_version_id')
      .select(['c.id', 'c.programme_version_id', 'v.programme_id'])
      .where('c.id', '=', ref.consultationId)
      .executeTakeFirst();
    if (!consultation) return { ok: false, reason: 'notFound' };
    const row = await sentSubmission(trx, consultation.id, ref.submissionId);
    if (!row) return { ok: false, reason: 'notFound' };
    const programmeId = consultation.programme_id;
    if (!canApply(row) || row.provision_key === null || row.proposed_wording === null)
      return { ok: false, reason: 'notApplicable', programmeId };
    const now = services.clock();
    const result = await applyWordingToNextVersion(trx, {
      consultedVersionId: consultation.programme_version_id,
      provisionKey: row.provision_key,
      currentWording: row.current_wording ?? '',
      proposedWording: row.proposed_wording,
      officialId,
      now,
    });
    if (!result.ok) return { ok: false, reason: 'noDraft', programmeId };
    await trx
      .updateTable('consultation_submissions')
      .set({ applied_in_version_id: result.versionId, updated_at: nowIso(() => now) })
      .where('id', '=', row.id)
      .execute();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'consultation.applied',
      subjectType: 'consultation',
      subjectId: consultation.id,
      before: { submissionId: row.id, receiptNumber: row.receipt_number, appliedInVersionId: row.applied_in_version_id },
      after: {
        submissionId: row.id,
        receiptNumber: row.receipt_number,
        appliedInVersionId: result.versionId,
        replaced: result.replaced,
      },
    });
    return { ok: true, programmeId, versionNumber: result.versionNumber, replaced: result.replaced };
  });
}
