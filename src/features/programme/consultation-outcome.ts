/**
 * What a consultation does to the programme, called by the consultation features inside their own
 * transactions (pass the `trx`): closing the consultation moves the consulted version to
 * `after-consultation`; applying an accepted comment writes its proposed wording into the next
 * version (the newest draft after the consulted one) and reports whether the text could be replaced
 * or only linked (structured provisions, or wording already changed by hand).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { parseSections } from './programme-sections.js';
import { findProvision, replaceWording } from './provisions.js';

/** consultation → after-consultation for the consulted version; a no-op for any other status. */
export async function markVersionAfterConsultation(
  trx: Kysely<DB>,
  versionId: number,
  officialId: number,
  now: Date,
): Promise<void> {
  const row = await trx
    .selectFrom('programme_versions')
    .select(['id', 'programme_id', 'status', 'version'])
    .where('id', '=', versionId)
    .executeTakeFirst();
  if (!row || row.status !== 'consultation') return;
  await trx
    .updateTable('programme_versions')
    .set({ status: 'after-consultation', version: row.version + 1, updated_at: nowIso(() => now) })
    .where('id', '=', row.id)
    .execute();
  await recordAudit(trx, {
    actor: userActor(officialId),
    action: 'programme.after-consultation',
    subjectType: 'programme',
    subjectId: row.programme_id,
    before: { versionId: row.id, status: 'consultation' },
    after: { versionId: row.id, status: 'after-consultation' },
  });
}

export type ApplyResult =
  { ok: true; versionId: number; versionNumber: number; replaced: boolean } | { ok: false; reason: 'noDraft' };

/**
 * Applies a comment's proposed wording to the draft that follows the consulted version. The text is
 * replaced when the draft still has the provision with the wording the comment quoted; otherwise the
 * comment is only linked (`replaced: false`) and the official edits the section by hand.
 */
export async function applyWordingToNextVersion(
  trx: Kysely<DB>,
  input: {
    consultedVersionId: number;
    provisionKey: string;
    currentWording: string;
    proposedWording: string;
    officialId: number;
    now: Date;
  },
): Promise<ApplyResult> {
  const consulted = await trx
    .selectFrom('programme_versions')
    .select(['programme_id', 'number'])
    .where('id', '=', input.consultedVersionId)
    .executeTakeFirst();
  if (!consulted) return { ok: false, reason: 'noDraft' };
  const draft = await trx
    .selectFrom('programme_versions')
    .selectAll()
    .where('programme_id', '=', consulted.programme_id)
    .where('number', '>', consulted.number)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!draft || draft.status !== 'draft') return { ok: false, reason: 'noDraft' };
  const sections = parseSections(draft.sections_json);
  const provision = findProvision(sections, input.provisionKey);
  const next =
    provision && provision.wording === input.currentWording
      ? replaceWording(sections, input.provisionKey, input.proposedWording)
      : undefined;
  if (next) {
    await trx
      .updateTable('programme_versions')
      .set({ sections_json: JSON.stringify(next), version: draft.version + 1, updated_at: nowIso(() => input.now) })
      .where('id', '=', draft.id)
      .execute();
    await recordAudit(trx, {
      actor: userActor(input.officialId),
      action: 'programme.comment-applied',
      subjectType: 'programme',
      subjectId: consulted.programme_id,
      before: { versionId: draft.id, provision: input.provisionKey, wording: input.currentWording },
      after: { versionId: draft.id, provision: input.provisionKey, wording: input.proposedWording },
    });
  }
  return { ok: true, versionId: draft.id, versionNumber: draft.number, replaced: next !== undefined };
}
