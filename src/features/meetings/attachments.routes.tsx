/**
 * The meeting's attachments: the official page (upload, rename, reorder, remove, the attendance
 * list) in a multipart scope, and the public download of a file with its `Content-Disposition`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, parseForm, type FormModel } from '../../platform/http/forms.js';
import { registerUploads } from '../../platform/http/uploads.js';
import { editableMeeting, meetingForRequest } from './meeting-access.js';
import { attachmentsOf, type MeetingRecord } from './meetings.repo.js';
import { ZAttachmentParams, ZAttachmentTitle, ZItemAction } from './meetings.schema.js';
import {
  addAttendanceList,
  changeAttachment,
  maxAttachmentBytes,
  uploadAttachment,
  type AttachmentChange,
} from './manage-attachments.js';
import { extensionOf, type DocumentType } from './document-type.js';
import { contentDisposition } from './file-name.js';
import { AttachmentsPage } from './views/attachments.js';

/** Twice the limit, so a file somewhat over 10 MB gets the form's message; a larger body gets the 413 page. */
const maxUploadBytes = 2 * maxAttachmentBytes;

const ZRenameQuery = z.object({
  zmien: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional()
    .catch(undefined),
});
const ZOp = z.object({ op: z.enum(['upload', 'attendance', 'title', 'up', 'down', 'remove']) });
const ZItem = z.object({ item: ZItemAction.shape.item });

const flashFor: Record<AttachmentChange, string> = {
  done: 'flash.attachmentsChanged',
  unchanged: 'flash.attachmentsUnchanged',
  notFound: 'flash.attachmentGone',
  cancelled: 'flash.meetingCancelledFinal',
  attendanceListExists: 'flash.attendanceListExists',
};

export async function attachmentsRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(async (scope) => {
    await registerUploads(scope, { maxFileBytes: maxUploadBytes, maxFiles: 1, maxFields: 6, maxFieldBytes: 4096 });
    officialRoutes(scope, services);
  });

  app.get('/spotkania/:id/zalaczniki/:attachmentId', { config: { access: 'public' } }, async (request, reply) => {
    const params = ZAttachmentParams.safeParse(request.params);
    const found = params.success ? await meetingForRequest(services, request) : null;
    if (!params.success || !found) return reply.callNotFound();
    const attachment = await services.db
      .selectFrom('meeting_attachments')
      .selectAll()
      .where('id', '=', params.data.attachmentId)
      .where('meeting_id', '=', found.meeting.id)
      .where('kind', '=', 'file')
      .executeTakeFirst();
    const stored = attachment?.file_key ? await services.files.read(attachment.file_key) : null;
    if (!attachment || !stored) return reply.callNotFound();
    return reply
      .type(stored.contentType)
      .header('content-disposition', contentDisposition(attachment.file_name ?? 'zalacznik.bin'))
      .header('x-content-type-options', 'nosniff')
      .header(
        'cache-control',
        found.meeting.visibility === 'public' && found.meeting.status !== 'draft' ? 'public, max-age=300' : 'private, no-cache',
      )
      .send(stored.data);
  });
}

function officialRoutes(app: FastifyInstance, services: Services): void {
  async function page(
    reply: FastifyReply,
    request: FastifyRequest,
    meeting: MeetingRecord,
    form: FormModel,
    renamingId: number | null,
    status = 200,
  ) {
    const attachments = await attachmentsOf(services.db, meeting.id);
    const renaming = attachments.find((a) => a.id === renamingId) ?? null;
    return reply.render(
      <AttachmentsPage
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          attachments: attachments.map((a) => ({
            id: a.id,
            title: a.title,
            kind: a.kind,
            href:
              a.kind === 'attendance-list'
                ? `/spotkania/${meeting.id}/obecnosc/lista.pdf`
                : `/spotkania/${meeting.id}/zalaczniki/${a.id}`,
            type:
              a.kind === 'attendance-list'
                ? request.t('meetings.attachments.attendanceType')
                : (extensionOf[a.content_type as DocumentType] ?? '').toUpperCase(),
          })),
          hasAttendanceList: attachments.some((a) => a.kind === 'attendance-list'),
          renaming: renaming ? { id: renaming.id, title: renaming.title } : null,
        }}
        form={form}
      />,
      status,
    );
  }

  app.get('/spotkania/:id/zalaczniki', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await editableMeeting(services, request, reply);
    if (!meeting) return reply;
    return page(reply, request, meeting, emptyForm(), ZRenameQuery.parse(request.query ?? {}).zmien ?? null);
  });

  app.post(
    '/spotkania/:id/zalaczniki',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const meeting = await editableMeeting(services, request, reply);
      if (!meeting) return reply;
      const back = `/spotkania/${meeting.id}/zalaczniki`;
      const body = (request.body ?? {}) as Record<string, unknown>;
      const op = ZOp.safeParse(body);
      if (!op.success) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.attachmentsUnchanged' });
      const officialId = signedInUser(request).id;
      const item = ZItem.safeParse(body);
      let result: AttachmentChange;
      switch (op.data.op) {
        case 'upload': {
          const textFields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string'));
          const form = parseForm(ZAttachmentTitle, textFields);
          const file = Buffer.isBuffer(body.file) ? body.file : null;
          const errors = form.ok ? [] : [...form.errors];
          if (!file || file.length === 0) errors.push(formError('file', 'meetings.attachments.errors.missing'));
          if (errors.length) return page(reply, request, meeting, failedForm(form.values, errors, request.t), null, 400);
          const uploaded = await uploadAttachment(services, officialId, meeting.id, form.ok ? form.data.title : '', file);
          if (uploaded === 'missing' || uploaded === 'type' || uploaded === 'tooLarge')
            return page(
              reply,
              request,
              meeting,
              failedForm(form.values, [formError('file', `meetings.attachments.errors.${uploaded}`)], request.t),
              null,
              400,
            );
          result = uploaded;
          break;
        }
        case 'attendance':
          result = await addAttendanceList(services, officialId, meeting.id);
          break;
        case 'title': {
          if (!item.success) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.attachmentGone' });
          const form = parseForm(ZAttachmentTitle, body);
          if (!form.ok)
            return page(reply, request, meeting, failedForm(form.values, form.errors, request.t), item.data.item, 400);
          result = await changeAttachment(services, officialId, meeting.id, item.data.item, {
            action: 'title',
            title: form.data.title,
          });
          break;
        }
        default:
          if (!item.success) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.attachmentGone' });
          result = await changeAttachment(services, officialId, meeting.id, item.data.item, { action: op.data.op });
      }
      return reply.redirectWithFlash(back, { kind: result === 'done' ? 'success' : 'info', key: flashFor[result] });
    },
  );
}
