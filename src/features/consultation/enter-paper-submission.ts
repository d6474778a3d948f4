/**
 * An official enters a submission that arrived on paper or by e-mail: it is stored as sent at once,
 * with the next receipt number of the consultation (the same counter as online sending), marked
 * with its channel and the Warsaw date it arrived. The date must fall within the consultation's
 * period (and not in the future); entry is possible after the end — paper dated within the period
 * arrives late — but never once the consultation is closed.
 */
import type { Services } from '../../services.js';
import { nowIso } from '../../platform/db/database.js';
import { warsawParts } from '../../platform/i18n/format.js';
import { findConsultation } from './consultation.repo.js';
import type { SubmissionContent } from './save-submission.js';
import { sendDraftIn, SubmissionRefused, type Sent } from './send-submission.js';

export interface PaperEntry {
  channel: 'paper' | 'email';
  receivedOn: string;
  submitter: { kind: 'organization' | 'resident'; organizationId: number | null; name: string };
  contactEmail: string | null;
  content: SubmissionContent;
}

export type EnterPaperResult = { ok: true; sent: Sent } | { ok: false; reason: 'notFound' | 'closed' | 'outsidePeriod' };

export async function enterPaperSubmission(
  services: Services,
  officialId: number,
  consultationId: number,
  entry: PaperEntry,
): Promise<EnterPaperResult> {
  try {
    return await services.db.transaction().execute(async (trx): Promise<EnterPaperResult> => {
      const now = services.clock();
      const at = nowIso(() => now);
      const c = await findConsultation(trx, consultationId);
      if (!c) return { ok: false, reason: 'notFound' };
      if (c.status === 'closed') return { ok: false, reason: 'closed' };
      const today = warsawParts(now).date;
      if (entry.receivedOn < c.starts_on || entry.receivedOn > c.ends_on || entry.receivedOn > today)
        return { ok: false, reason: 'outsidePeriod' };
      const content = entry.content;
      const row = await trx
        .insertInto('consultation_submissions')
        .values({
          consultation_id: c.id,
          kind: content.kind,
          status: 'draft',
          channel: entry.channel,
          author_id: officialId,
          organization_id: entry.submitter.organizationId,
          submitter_kind: entry.submitter.kind,
          submitter_name: entry.submitter.name,
          contact_email: entry.contactEmail,
          provision_key: content.kind === 'comment' ? content.provision.key : null,
          provision_label: content.kind === 'comment' ? content.provision.label : null,
          current_wording: content.kind === 'comment' ? content.provision.wording : null,
          proposed_wording: content.kind === 'comment' ? content.proposedWording || null : null,
          justification: content.kind === 'comment' ? content.justification || null : null,
          task_json: content.kind === 'task' ? JSON.stringify(content.task) : null,
          received_on: entry.receivedOn,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sent = await sendDraftIn(trx, services, c, row.id, {
        actorId: officialId,
        sentAt: at,
        mailTo: entry.contactEmail,
        audit: 'entered',
      });
      return { ok: true, sent };
    });
  } catch (error) {
    if (error instanceof SubmissionRefused) return { ok: false, reason: 'closed' };
    throw error;
  }
}
