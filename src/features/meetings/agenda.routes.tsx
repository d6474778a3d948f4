import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, parseForm, type FormModel } from '../../platform/http/forms.js';
import { editableMeeting } from './meeting-access.js';
import { agendaOf, type MeetingRecord } from './meetings.repo.js';
import { ZAgendaItemForm, ZItemAction } from './meetings.schema.js';
import { addAgendaItem, changeAgendaItem, updateAgendaItem, type AgendaResult } from './manage-agenda.js';
import { AgendaPage } from './views/agenda.js';

const ZEditQuery = z.object({
  edytuj: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional()
    .catch(undefined),
});
const ZOp = z.object({ op: z.enum(['add', 'edit', 'up', 'down', 'remove']) });
const ZItem = z.object({ item: ZItemAction.shape.item });

const flashFor: Record<AgendaResult, string> = {
  done: 'flash.agendaChanged',
  unchanged: 'flash.agendaUnchanged',
  notFound: 'flash.agendaItemGone',
  cancelled: 'flash.meetingCancelledFinal',
  lastItem: 'flash.agendaLastItem',
};

export function agendaRoutes(app: FastifyInstance, services: Services): void {
  async function page(reply: FastifyReply, meeting: MeetingRecord, form: FormModel, editingId: number | null, status = 200) {
    const items = await agendaOf(services.db, meeting.id);
    const index = editingId === null ? -1 : items.findIndex((i) => i.id === editingId);
    const editing = index >= 0 ? { id: items[index]!.id, position: index + 1 } : null;
    return reply.render(
      <AgendaPage
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          items: items.map((i) => ({ id: i.id, title: i.title, duration: i.duration_minutes })),
          editing,
        }}
        form={
          editing && form.values.title === undefined
            ? emptyForm({
                title: items[index]!.title,
                duration: items[index]!.duration_minutes === null ? '' : String(items[index]!.duration_minutes),
              })
            : form
        }
      />,
      status,
    );
  }

  app.get('/spotkania/:id/program', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await editableMeeting(services, request, reply);
    if (!meeting) return reply;
    return page(reply, meeting, emptyForm(), ZEditQuery.parse(request.query ?? {}).edytuj ?? null);
  });

  app.post(
    '/spotkania/:id/program',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const meeting = await editableMeeting(services, request, reply);
      if (!meeting) return reply;
      const back = `/spotkania/${meeting.id}/program`;
      const op = ZOp.safeParse(request.body ?? {});
      if (!op.success) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.agendaUnchanged' });
      const officialId = signedInUser(request).id;
      const item = ZItem.safeParse(request.body ?? {});
      let result: AgendaResult;
      if (op.data.op === 'add' || op.data.op === 'edit') {
        const editingId = op.data.op === 'edit' && item.success ? item.data.item : null;
        if (op.data.op === 'edit' && editingId === null)
          return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.agendaItemGone' });
        const form = parseForm(ZAgendaItemForm, request.body);
        if (!form.ok) return page(reply, meeting, failedForm(form.values, form.errors, request.t), editingId, 400);
        result =
          editingId === null
            ? await addAgendaItem(services, officialId, meeting.id, form.data)
            : await updateAgendaItem(services, officialId, meeting.id, editingId, form.data);
        if (result === 'done' && op.data.op === 'add')
          return reply.redirectWithFlash(back, { kind: 'success', key: 'flash.agendaItemAdded' });
      } else {
        if (!item.success) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.agendaItemGone' });
        result = await changeAgendaItem(services, officialId, meeting.id, item.data.item, op.data.op);
      }
      return reply.redirectWithFlash(back, { kind: result === 'done' ? 'success' : 'info', key: flashFor[result] });
    },
  );
}
