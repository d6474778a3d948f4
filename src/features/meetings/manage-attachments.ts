/**
 * A meeting's attachments: uploaded files (PDF, DOCX, ODT, PNG, JPEG by their bytes; at most 10 MB)
 * with a title and an order, and at most one attendance list — the sheet the registration feature
 * prints, linked for officials only. File, row and audit entry commit together.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { detectDocumentType, extensionOf } from './document-type.js';
import { moveRow, nextPosition } from './ordered-rows.js';
import { attendanceListTitle } from './meeting-view.js';
import { fileNameFor } from './file-name.js';

export const maxAttachmentBytes = 10 * 1024 * 1024;

export type AttachmentRefusal = 'missing' | 'type' | 'tooLarge';
/** What a change of the attachments came to (other than a refused upload). */
export type AttachmentChange = 'done' | 'notFound' | 'cancelled' | 'unchanged' | 'attendanceListExists';
export type AttachmentResult = AttachmentChange | AttachmentRefusal;

async function meetingOf(trx: Kysely<DB>, meetingId: number) {
  return trx.selectFrom('meetings').select(['status', 'starts_at']).where('id', '=', meetingId).executeTakeFirst();
}

/** Checks and stores an uploaded file as the meeting's last attachment. */
export async function uploadAttachment(
  services: Services,
  officialId: number,
  meetingId: number,
  title: string,
  data: Buffer | null,
): Promise<AttachmentResult> {
  if (!data || data.length === 0) return 'missing';
  if (data.length > maxAttachmentBytes) return 'tooLarge';
  const type = detectDocumentType(data);
  if (!type) return 'type';
  return services.db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    if (!meeting) return 'notFound';
    if (meeting.status === 'cancelled') return 'cancelled';
    const key = `meetings/${meetingId}/${randomBytes(12).toString('hex')}`;
    await services.files.write(key, type, data, trx);
    const fileName = fileNameFor(title, extensionOf[type]);
    const row = await trx
      .insertInto('meeting_attachments')
      .values({
        meeting_id: meetingId,
        position: await nextPosition(trx, 'meeting_attachments', meetingId),
        title,
        kind: 'file',
        file_key: key,
        file_name: fileName,
        content_type: type,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.attachment.added',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: { attachmentId: row.id, title, contentType: type, size: data.length },
    });
    return 'done';
  });
}

/** Adds the attendance list (once per meeting), titled as in the protocol by default. */
export async function addAttendanceList(services: Services, officialId: number, meetingId: number): Promise<AttachmentChange> {
  return services.db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    if (!meeting) return 'notFound';
    if (meeting.status === 'cancelled') return 'cancelled';
    const existing = await trx
      .selectFrom('meeting_attachments')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('kind', '=', 'attendance-list')
      .executeTakeFirst();
    if (existing) return 'attendanceListExists';
    const title = attendanceListTitle(meeting);
    const row = await trx
      .insertInto('meeting_attachments')
      .values({
        meeting_id: meetingId,
        position: await nextPosition(trx, 'meeting_attachments', meetingId),
        title,
        kind: 'attendance-list',
        file_key: null,
        file_name: null,
        content_type: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.attachment.added',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: { attachmentId: row.id, title, kind: 'attendance-list' },
    });
    return 'done';
  });
}

/** Renames, moves or removes one attachment of the meeting (a removed file is deleted). Audited. */
export async function changeAttachment(
  services: Services,
  officialId: number,
  meetingId: number,
  attachmentId: number,
  change: { action: 'up' | 'down' | 'remove' } | { action: 'title'; title: string },
): Promise<AttachmentChange> {
  return services.db.transaction().execute(async (trx) => {
    const meeting = await meetingOf(trx, meetingId);
    if (!meeting) return 'notFound';
    if (meeting.status === 'cancelled') return 'cancelled';
    const attachment = await trx
      .selectFrom('meeting_attachments')
      .selectAll()
      .where('id', '=', attachmentId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!attachment) return 'notFound';
    const base = { actor: userActor(officialId), subjectType: 'meeting', subjectId: meetingId };
    switch (change.action) {
      case 'title': {
        if (attachment.title === change.title) return 'unchanged';
        const fileName =
          attachment.kind === 'file' ? fileNameFor(change.title, attachment.file_name?.split('.').pop() ?? 'bin') : null;
        await trx
          .updateTable('meeting_attachments')
          .set({ title: change.title, file_name: fileName })
          .where('id', '=', attachmentId)
          .execute();
        await recordAudit(trx, {
          ...base,
          action: 'meeting.attachment.renamed',
          before: { attachmentId, title: attachment.title },
          after: { attachmentId, title: change.title },
        });
        return 'done';
      }
      case 'remove': {
        await trx.deleteFrom('meeting_attachments').where('id', '=', attachmentId).execute();
        if (attachment.file_key) await services.files.remove(attachment.file_key, trx);
        await recordAudit(trx, {
          ...base,
          action: 'meeting.attachment.removed',
          before: { attachmentId, title: attachment.title, kind: attachment.kind },
        });
        return 'done';
      }
      default: {
        if (!(await moveRow(trx, 'meeting_attachments', meetingId, attachmentId, change.action))) return 'unchanged';
        await recordAudit(trx, {
          ...base,
          action: 'meeting.attachment.moved',
          after: { attachmentId, direction: change.action },
        });
        return 'done';
      }
    }
  });
}
