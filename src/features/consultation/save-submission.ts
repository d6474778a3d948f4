/**
 * Saving a member's (or resident's) submission online: a new draft, an edited draft, and — when the
 * person pressed "Wyślij" — sending it in the same transaction. Everything is refused, and nothing
 * written, when the consultation does not accept submissions at this instant (`services.clock()`):
 * before it opens and from the first second after the end day in Warsaw.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { nowIso } from '../../platform/db/database.js';
import type { DB } from '../../platform/db/schema.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { Provision } from '../programme/index.js';
import { findConsultation } from './consultation.repo.js';
import { notOpen, sendDraftIn, SubmissionRefused, type NotOpen, type Sent } from './send-submission.js';
import type { TaskProposal } from './submission.schema.js';

export type SubmissionContent =
  | { kind: 'comment'; provision: Provision; proposedWording: string; justification: string }
  | { kind: 'task'; task: TaskProposal };

export interface Submitter {
  kind: 'organization' | 'resident';
  organizationId: number | null;
  name: string;
}

export type SaveSubmissionResult =
  | { ok: true; id: number; sent: Sent | null }
  | NotOpen
  | { ok: false; reason: 'notFound' }
  | { ok: false; reason: 'notDraft'; id: number };

function contentColumns(content: SubmissionContent) {
  return content.kind === 'comment'
    ? {
        provision_key: content.provision.key,
        provision_label: content.provision.label,
        current_wording: content.provision.wording,
        proposed_wording: content.proposedWording || null,
        justification: content.justification || null,
        task_json: null,
      }
    : {
        provision_key: null,
        provision_label: null,
        current_wording: null,
        proposed_wording: null,
        justification: null,
        task_json: JSON.stringify(content.task),
      };
}

export async function saveSubmission(
  services: Services,
  input: {
    author: { id: number; email: string };
    consultationId: number;
    /** The draft being edited; a new draft when absent. */
    submissionId?: number;
    /** A new form's token: the same form posted again finds the submission it created (never a second receipt). */
    formToken?: string;
    submitter: Submitter;
    content: SubmissionContent;
    send: boolean;
  },
): Promise<SaveSubmissionResult> {
  try {
    return await services.db.transaction().execute(async (trx): Promise<SaveSubmissionResult> => {
      const now = services.clock();
      const at = nowIso(() => now);
      const c = await findConsultation(trx, input.consultationId);
      if (!c) return { ok: false, reason: 'notFound' };
      const refused = notOpen(c, now);
      if (refused) return refused;
      const columns = {
        organization_id: input.submitter.organizationId,
        submitter_kind: input.submitter.kind,
        submitter_name: input.submitter.name,
        contact_email: input.content.kind === 'task' ? input.content.task.contactEmail || null : null,
        ...contentColumns(input.content),
        updated_at: at,
      };
      let id: number;
      const again =
        input.submissionId === undefined && input.formToken !== undefined
          ? await byFormToken(trx, input.author.id, input.formToken)
          : undefined;
      if (again && (again.consultation_id !== c.id || again.kind !== input.content.kind))
        return { ok: false, reason: 'notFound' };
      const editing = input.submissionId ?? again?.id;
      if (editing !== undefined) {
        const draft = await ownDraft(trx, input.consultationId, editing, input.author.id);
        if (!draft) return { ok: false, reason: 'notFound' };
        if (draft.status !== 'draft') return { ok: false, reason: 'notDraft', id: draft.id };
        const updated = await trx
          .updateTable('consultation_submissions')
          .set({ ...columns, version: draft.version + 1 })
          .where('id', '=', draft.id)
          .where('status', '=', 'draft')
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'notDraft', id: draft.id };
        id = draft.id;
      } else {
        const row = await trx
          .insertInto('consultation_submissions')
          .values({
            consultation_id: c.id,
            kind: input.content.kind,
            status: 'draft',
            channel: 'online',
            author_id: input.author.id,
            ...columns,
            form_token: input.formToken ?? null,
            created_at: at,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        id = row.id;
        if (!input.send)
          await recordAudit(trx, {
            actor: userActor(input.author.id),
            action: 'consultation.submission-drafted',
            subjectType: 'consultation-submission',
            subjectId: id,
            after: { consultationId: c.id, kind: input.content.kind },
          });
      }
      if (!input.send) return { ok: true, id, sent: null };
      const sent = await sendDraftIn(trx, services, c, id, {
        actorId: input.author.id,
        sentAt: at,
        mailTo: input.author.email,
        audit: 'sent',
      });
      return { ok: true, id, sent };
    });
  } catch (error) {
    // The same new form posted twice at once (PostgreSQL): the second insert meets the first's token.
    if (input.formToken !== undefined && input.submissionId === undefined && isUniqueViolation(error)) {
      const first = await byFormToken(services.db, input.author.id, input.formToken);
      if (first) return { ok: false, reason: 'notDraft', id: first.id };
    }
    if (error instanceof SubmissionRefused) {
      if (error.reason === 'notDraft') {
        const id =
          input.submissionId ??
          (input.formToken !== undefined ? (await byFormToken(services.db, input.author.id, input.formToken))?.id : undefined);
        if (id !== undefined) return { ok: false, reason: 'notDraft', id };
      }
      if (error.reason === 'notOpen') {
        const c = await findConsultation(services.db, input.consultationId);
        if (c) return { ok: false, reason: 'notOpen', phase: c.status === 'closed' ? 'closed' : 'ended' };
      }
      return { ok: false, reason: 'notFound' };
    }
    throw error;
  }
}

/** The author's own online submission of the consultation, or undefined. */
export function ownDraft(db: Kysely<DB>, consultationId: number, submissionId: number, authorId: number) {
  return db
    .selectFrom('consultation_submissions')
    .select(['id', 'status', 'version'])
    .where('id', '=', submissionId)
    .where('consultation_id', '=', consultationId)
    .where('author_id', '=', authorId)
    .where('channel', '=', 'online')
    .executeTakeFirst();
}

/** The submission a new form (its token) created, if any. */
function byFormToken(db: Kysely<DB>, authorId: number, token: string) {
  return db
    .selectFrom('consultation_submissions')
    .select(['id', 'consultation_id', 'kind'])
    .where('author_id', '=', authorId)
    .where('form_token', '=', token)
    .executeTakeFirst();
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
