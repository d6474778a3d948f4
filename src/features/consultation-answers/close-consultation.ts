/**
 * Closing a consultation: only once its period has ended and every sent submission has an answer.
 * In one transaction the consultation becomes `closed` (who, when, the report's conclusion), the
 * consulted programme version moves to `after-consultation`, and the audit log records it. The
 * consultation's lock is taken first, so a submission entered meanwhile is counted too.
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { consultationPhase, findConsultation } from '../consultation/index.js';
import { markVersionAfterConsultation } from '../programme/index.js';

export type CloseResult =
  | { ok: true }
  | { ok: false; reason: 'notFound' | 'closed' | 'open' | 'conflict' }
  | { ok: false; reason: 'unanswered'; unanswered: number };

class Unanswered extends Error {
  constructor(readonly count: number) {
    super('unanswered submissions');
  }
}

export async function closeConsultation(
  services: Services,
  officialId: number,
  consultationId: number,
  input: { conclusion: string; version: number },
): Promise<CloseResult> {
  try {
    return await services.db.transaction().execute(async (trx): Promise<CloseResult> => {
      const c = await findConsultation(trx, consultationId);
      if (!c) return { ok: false, reason: 'notFound' };
      const now = services.clock();
      const phase = consultationPhase(c, now);
      if (phase === 'closed') return { ok: false, reason: 'closed' };
      if (phase !== 'ended') return { ok: false, reason: 'open' };
      const unanswered = async () => {
        const row = await trx
          .selectFrom('consultation_submissions')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('consultation_id', '=', c.id)
          .where('status', '=', 'sent')
          .where('decision', 'is', null)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      };
      const before = await unanswered();
      if (before > 0) return { ok: false, reason: 'unanswered', unanswered: before };
      if (c.version !== input.version) return { ok: false, reason: 'conflict' };
      const at = nowIso(() => now);
      const updated = await trx
        .updateTable('consultations')
        .set({
          status: 'closed',
          closed_at: at,
          closed_by: officialId,
          conclusion: input.conclusion,
          version: c.version + 1,
          updated_at: at,
        })
        .where('id', '=', c.id)
        .where('version', '=', input.version)
        .where('status', '=', 'announced')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' };
      // Under the row's lock: a submission that arrived since the first count refuses the closing.
      const after = await unanswered();
      if (after > 0) throw new Unanswered(after);
      await markVersionAfterConsultation(trx, c.programme_version_id, officialId, now);
      const sent = await trx
        .selectFrom('consultation_submissions')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('consultation_id', '=', c.id)
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: userActor(officialId),
        action: 'consultation.closed',
        subjectType: 'consultation',
        subjectId: c.id,
        before: { status: c.status, conclusion: c.conclusion },
        after: { status: 'closed', closedAt: at, conclusion: input.conclusion, submissions: Number(sent.n) },
      });
      return { ok: true };
    });
  } catch (error) {
    if (error instanceof Unanswered) return { ok: false, reason: 'unanswered', unanswered: error.count };
    throw error;
  }
}
