/**
 * The minutes (official): `/spotkania/:id/protokol/edycja` shows the text per agenda item, the
 * workflow (circulate, approve, publish), the participants' remarks with answers, and every version
 * with a comparison against the current one. Each form posts below it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, type FieldError, formError, type FormModel, parseForm } from '../../platform/http/forms.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import type { Language, Translate } from '../../platform/i18n/i18n.js';
import { dayLabel, meetingOf, todayInWarsaw } from './meeting-context.js';
import { allowedActions, approvalNeedsConfirmation } from './meeting-minutes.policy.js';
import {
  agendaItems,
  currentMinutes,
  minutesVersion,
  minutesVersions,
  parseItems,
  participantEmails,
  remarksOf,
  type MeetingHead,
  type MinutesRow,
} from './meeting-minutes.repo.js';
import {
  minutesSchema,
  ZAnswer,
  type ZMinutesBase,
  zAnswerText,
  ZApprove,
  ZCirculate,
  ZCompare,
  ZTransition,
} from './meeting-minutes.schema.js';
import {
  answerRemark,
  approveMinutes,
  circulateMinutes,
  publishMinutes,
  saveMinutes,
  type WorkflowRefusal,
} from './minutes-workflow.js';
import { lineDiff } from './text-diff.js';
import { MinutesEditorPage } from './views/minutes-editor.js';

const official = (services: Services) => ({ config: { access: 'official' as const, rateLimit: formRateLimit(services) } });

type Forms = Partial<Record<'editForm' | 'circulateForm' | 'approveForm' | 'publishForm' | 'answerForm', FormModel>>;

/** The agenda as "Ad. 1. Rozpoczęcie…" labels, in order. */
export async function agendaLabels(services: Services, meetingId: number) {
  const items = await agendaItems(services.db, meetingId);
  return items.map((item, i) => ({ id: item.id, label: `Ad. ${i + 1}. ${item.title}` }));
}

/** A version as plain text, section by section, for the comparison. */
export function minutesAsText(row: MinutesRow, agenda: Array<{ id: number; label: string }>, t: Translate): string {
  const items = parseItems(row.items_json);
  const sections = agenda.map((a) => `${a.label}\n${items.find((i) => i.agendaItemId === a.id)?.text ?? ''}`);
  const author = [row.author_name, row.author_position ? `(${row.author_position})` : ''].filter(Boolean).join(' ');
  return [...sections, row.closing_md ?? '', author ? `${t('meetingMinutes.minutes.authorPrefix')} ${author}` : ''].join('\n\n');
}

function formValuesOf(row: MinutesRow | undefined, agenda: Array<{ id: number }>): Record<string, string> {
  const values: Record<string, string> = { baseVersion: String(row?.version ?? 0) };
  const items = row ? parseItems(row.items_json) : [];
  for (const a of agenda) values[`item${a.id}`] = items.find((i) => i.agendaItemId === a.id)?.text ?? '';
  values.closing = row?.closing_md ?? '';
  values.authorName = row?.author_name ?? '';
  values.authorPosition = row?.author_position ?? '';
  return values;
}

const refusalKey: Record<WorkflowRefusal, string> = {
  conflict: 'meetingMinutes.minutes.errors.conflict',
  notAllowed: 'meetingMinutes.minutes.errors.notAllowed',
  dateInPast: 'meetingMinutes.minutes.errors.dateInPast',
  needsConfirmation: 'meetingMinutes.minutes.errors.needsConfirmation',
};

export function minutesRoutes(app: FastifyInstance, services: Services): void {
  async function page(request: FastifyRequest, reply: FastifyReply, meeting: MeetingHead, forms: Forms = {}, status = 200) {
    const language = request.language as Language;
    const [agenda, current, versions, remarks, recipients] = await Promise.all([
      agendaLabels(services, meeting.id),
      currentMinutes(services.db, meeting.id),
      minutesVersions(services.db, meeting.id),
      remarksOf(services.db, meeting.id),
      participantEmails(services.db, meeting.id),
    ]);
    const approver = current?.approved_by
      ? await services.db.selectFrom('users').select('display_name').where('id', '=', current.approved_by).executeTakeFirst()
      : undefined;
    const query = ZCompare.parse(request.query ?? {});
    let compare = null;
    if (current && query.porownaj && query.porownaj !== current.version) {
      const older = await minutesVersion(services.db, meeting.id, query.porownaj);
      if (older) {
        compare = {
          version: older.version,
          lines: lineDiff(minutesAsText(older, agenda, request.t), minutesAsText(current, agenda, request.t)),
        };
      }
    }
    const today = todayInWarsaw();
    return reply.render(
      <MinutesEditorPage
        model={{
          meeting: { id: meeting.id, topic: meeting.topic },
          current: current
            ? {
                version: current.version,
                status: current.status,
                remarksUntil: current.remarks_until ? dayLabel(current.remarks_until, language) : null,
                circulatedAt: current.circulated_at ? formatDateTime(current.circulated_at, language) : null,
                approved: current.approved_at
                  ? `${formatDateTime(current.approved_at, language)}${approver ? `, ${approver.display_name}` : ''}`
                  : null,
                publishedAt: current.published_at ? formatDateTime(current.published_at, language) : null,
              }
            : null,
          actions: allowedActions(current?.status ?? null),
          needsConfirmation: current ? approvalNeedsConfirmation(current, today) : false,
          recipients: recipients.length,
          agenda,
          editForm: forms.editForm ?? emptyForm(formValuesOf(current, agenda)),
          circulateForm: forms.circulateForm ?? emptyForm({ remarksUntil: current?.remarks_until ?? '' }),
          approveForm: forms.approveForm ?? emptyForm(),
          publishForm: forms.publishForm ?? emptyForm(),
          answerForm: forms.answerForm ?? emptyForm(),
          remarks: remarks.map((r) => ({
            id: r.id,
            author: r.author ?? request.t('meetingMinutes.minutes.unknownPerson'),
            when: formatDateTime(r.created_at, language),
            version: r.version,
            agendaItem: agenda.find((a) => a.id === r.agenda_item_id)?.label ?? null,
            text: r.text,
            answer: r.answer,
          })),
          versions: versions.map((ver) => ({
            version: ver.version,
            status: ver.status,
            author: ver.author ?? request.t('meetingMinutes.minutes.unknownPerson'),
            when: formatDateTime(ver.created_at, language),
          })),
          compare,
        }}
      />,
      status,
    );
  }

  const back = (meeting: MeetingHead, hash = '') => `/spotkania/${meeting.id}/protokol/edycja${hash}`;
  const refused = (request: FastifyRequest, values: Record<string, string>, errors: FieldError[]) =>
    failedForm(values, errors, request.t);

  app.get('/spotkania/:id/protokol/edycja', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    return page(request, reply, meeting);
  });

  app.post('/spotkania/:id/protokol/edycja', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const agenda = await agendaItems(services.db, meeting.id);
    const form = parseForm(minutesSchema(agenda.map((a) => a.id)), request.body);
    if (!form.ok) return page(request, reply, meeting, { editForm: refused(request, form.values, form.errors) }, 400);
    const data = form.data as unknown as z.infer<typeof ZMinutesBase>;
    const texts = form.data as unknown as Record<string, string | undefined>;
    const result = await saveMinutes(services, signedInUser(request).id, meeting.id, {
      baseVersion: data.baseVersion,
      items: agenda.map((a) => ({ agendaItemId: a.id, text: texts[`item${a.id}`] ?? '' })),
      closing: data.closing,
      authorName: data.authorName,
      authorPosition: data.authorPosition,
    });
    if (!result.ok) {
      return page(
        request,
        reply,
        meeting,
        { editForm: refused(request, form.values, [formError('', refusalKey[result.reason])]) },
        409,
      );
    }
    return reply.redirectWithFlash(back(meeting), {
      kind: 'success',
      key: 'flash.meetingMinutesSaved',
      params: { version: result.version },
    });
  });

  app.post('/spotkania/:id/protokol/edycja/rozeslanie', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(ZCirculate, request.body);
    if (!form.ok) return page(request, reply, meeting, { circulateForm: refused(request, form.values, form.errors) }, 400);
    const result = await circulateMinutes(
      services,
      signedInUser(request).id,
      meeting.id,
      form.data,
      request.language as Language,
    );
    if (!result.ok) {
      const field = result.reason === 'dateInPast' ? 'remarksUntil' : '';
      const error = formError(field, refusalKey[result.reason]);
      return page(
        request,
        reply,
        meeting,
        { circulateForm: refused(request, form.values, [error]) },
        result.reason === 'conflict' ? 409 : 400,
      );
    }
    return reply.redirectWithFlash(back(meeting), {
      kind: 'success',
      key: 'flash.meetingMinutesCirculated',
      params: { count: result.recipients ?? 0, until: dayLabel(form.data.remarksUntil, request.language as Language) },
    });
  });

  app.post('/spotkania/:id/protokol/edycja/zatwierdzenie', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(ZApprove, request.body);
    if (!form.ok) return page(request, reply, meeting, { approveForm: refused(request, form.values, form.errors) }, 400);
    const result = await approveMinutes(services, signedInUser(request).id, meeting.id, form.data);
    if (!result.ok) {
      const field = result.reason === 'needsConfirmation' ? 'confirmEarly' : '';
      const error = formError(field, refusalKey[result.reason]);
      return page(
        request,
        reply,
        meeting,
        { approveForm: refused(request, form.values, [error]) },
        result.reason === 'conflict' ? 409 : 400,
      );
    }
    return reply.redirectWithFlash(back(meeting), { kind: 'success', key: 'flash.meetingMinutesApproved' });
  });

  app.post('/spotkania/:id/protokol/edycja/publikacja', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(ZTransition, request.body);
    if (!form.ok) return page(request, reply, meeting, { publishForm: refused(request, form.values, form.errors) }, 400);
    const result = await publishMinutes(services, signedInUser(request).id, meeting.id, form.data);
    if (!result.ok) {
      const error = formError('', refusalKey[result.reason]);
      return page(
        request,
        reply,
        meeting,
        { publishForm: refused(request, form.values, [error]) },
        result.reason === 'conflict' ? 409 : 400,
      );
    }
    return reply.redirectWithFlash(back(meeting), { kind: 'success', key: 'flash.meetingMinutesPublished' });
  });

  app.post('/spotkania/:id/protokol/edycja/odpowiedz', official(services), async (request, reply) => {
    const meeting = await meetingOf(services, request);
    if (!meeting) return reply.callNotFound();
    const form = parseForm(ZAnswer, request.body);
    if (!form.ok) {
      return page(
        request,
        reply,
        meeting,
        { answerForm: refused(request, {}, [formError('', 'meetingMinutes.minutes.errors.remark')]) },
        400,
      );
    }
    const field = `answer${form.data.remarkId}`;
    const text = parseForm(z.object({ [field]: zAnswerText }), request.body);
    if (!text.ok) return page(request, reply, meeting, { answerForm: refused(request, text.values, text.errors) }, 400);
    const answer = (text.data as Record<string, string>)[field]!;
    if (
      !(await answerRemark(
        services,
        signedInUser(request).id,
        meeting.id,
        form.data.remarkId,
        answer,
        request.language as Language,
      ))
    ) {
      return page(
        request,
        reply,
        meeting,
        { answerForm: refused(request, {}, [formError('', 'meetingMinutes.minutes.errors.remark')]) },
        400,
      );
    }
    return reply.redirectWithFlash(back(meeting, '#uwagi'), { kind: 'success', key: 'flash.meetingMinutesRemarkAnswered' });
  });
}
