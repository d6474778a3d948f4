import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, parseForm, type FieldError, type FormValues } from '../../platform/http/forms.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import { editableMeeting, meetingForRequest } from './meeting-access.js';
import {
  agendaOf,
  attachmentsOf,
  attendanceSummary,
  hasPublishedMinutes,
  listMeetings,
  publicCalendarMeetings,
  type MeetingRecord,
} from './meetings.repo.js';
import {
  defaultProtocolTitle,
  ZCancelMeeting,
  ZMeetingForm,
  ZMeetingListQuery,
  ZStatusChange,
  zVersion,
} from './meetings.schema.js';
import { canCancelMeeting, canEditMeeting, canManageMeetings, canPublishMeeting } from './meetings.policy.js';
import { meetingEnded, meetingFormTimes, meetingHeader, meetingWhen, registrationOpen } from './meeting-view.js';
import { createMeeting } from './create-meeting.js';
import { updateMeeting } from './update-meeting.js';
import { publishMeeting } from './publish-meeting.js';
import { cancelMeeting } from './cancel-meeting.js';
import { meetingsCalendar } from './ical.js';
import { MeetingListPage } from './views/meeting-list.js';
import { MeetingFormPage } from './views/meeting-form.js';
import { MeetingPage } from './views/meeting-page.js';

const pageSize = 20;

/** The form's values for a stored meeting (edit form). */
export function meetingFormValues(meeting: MeetingRecord): FormValues {
  const values: FormValues = {
    topic: meeting.topic,
    title: meeting.title,
    goal: meeting.goal_md ?? '',
    audience: meeting.audience_md ?? '',
    ...meetingFormTimes(meeting),
    place: meeting.place ?? '',
    onlineUrl: meeting.online_url ?? '',
    hostName: meeting.host_name,
    hostFunction: meeting.host_function ?? '',
    organiser: meeting.organiser,
    visibility: meeting.visibility,
    capacity: meeting.capacity === null ? '' : String(meeting.capacity),
    programmeYear: meeting.programme_year === null ? '' : String(meeting.programme_year),
    version: String(meeting.version),
  };
  if (meeting.guests_allowed) values.guestsAllowed = 'yes';
  return values;
}

/** The registration deadline is one question with two inputs: its errors belong to the question. */
function deadlineErrors(errors: FieldError[]): FieldError[] {
  const mapped = errors.map((e) => (e.field.startsWith('registrationDeadline') ? { ...e, field: 'registrationDeadline' } : e));
  return mapped.filter((e, i) => mapped.findIndex((o) => o.field === e.field) === i);
}

function calendarReply(reply: FastifyReply, body: string, fileName: string) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${fileName}"`)
    .header('cache-control', 'no-cache')
    .send(body);
}

async function agendaTitles(services: Services, meetings: MeetingRecord[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (meetings.length === 0) return map;
  const rows = await services.db
    .selectFrom('meeting_agenda_items')
    .select(['meeting_id', 'title'])
    .where(
      'meeting_id',
      'in',
      meetings.map((m) => m.id),
    )
    .orderBy('meeting_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
  for (const row of rows) map.set(row.meeting_id, [...(map.get(row.meeting_id) ?? []), row.title]);
  return map;
}

async function meetingPageModel(services: Services, request: FastifyRequest, meeting: MeetingRecord, official: boolean) {
  const language = request.language;
  const [agenda, attachments, protocolPublished] = await Promise.all([
    agendaOf(services.db, meeting.id),
    attachmentsOf(services.db, meeting.id),
    hasPublishedMinutes(services.db, meeting.id),
  ]);
  const ended = meetingEnded(meeting);
  const roles = request.currentUser?.roles ?? [];
  const when = meetingWhen(meeting, language);
  return {
    id: meeting.id,
    topic: meeting.topic,
    status: meeting.status,
    invitationOnly: meeting.visibility === 'invitation',
    version: meeting.version,
    header: meetingHeader(meeting, language),
    goalMd: meeting.goal_md,
    audienceMd: meeting.audience_md,
    registration: {
      open: registrationOpen(meeting),
      capacity: meeting.capacity,
      deadline: meeting.registration_deadline ? formatDateTime(meeting.registration_deadline, language) : null,
      guestsAllowed: meeting.guests_allowed === 1,
    },
    programmeYear: meeting.programme_year,
    agenda: agenda.map((a) => ({ title: a.title, duration: a.duration_minutes })),
    attachments: attachments.map((a) => ({
      title: a.title,
      kind: a.kind,
      // The attendance list is never public: its title is listed, the sheet is linked for officials only.
      href:
        a.kind === 'attendance-list'
          ? official
            ? `/spotkania/${meeting.id}/obecnosc/lista.pdf`
            : null
          : `/spotkania/${meeting.id}/zalaczniki/${a.id}`,
    })),
    attendance: ended && meeting.status === 'published' ? await attendanceSummary(services.db, meeting.id) : null,
    protocolPublished,
    manage: official
      ? {
          canEdit: canEditMeeting(roles, meeting.status),
          canPublish: canPublishMeeting(roles, meeting.status, agenda.length),
          needsAgenda: agenda.length === 0,
          canCancel: canCancelMeeting(roles, meeting.status),
        }
      : null,
    url: `${services.config.baseUrl}/spotkania/${meeting.id}`,
    summary: `${when.date}, ${when.time}${meeting.place ? ` · ${meeting.place}` : ''} · ${meeting.organiser}`.slice(0, 300),
  };
}

export function meetingsRoutes(app: FastifyInstance, services: Services): void {
  app.get('/spotkania', { config: { access: 'public' } }, async (request, reply) => {
    const query = ZMeetingListQuery.parse(request.query ?? {});
    const page = query.strona ?? 1;
    const user = request.currentUser;
    const official = user ? canManageMeetings(user.roles) : false;
    const result = await listMeetings(
      services.db,
      { official, userId: user?.id ?? null, now: new Date().toISOString() },
      page,
      pageSize,
    );
    const pageCount = Math.max(1, Math.ceil(result.total / pageSize));
    if (page > pageCount) return reply.callNotFound();
    const item = (m: MeetingRecord) => {
      const when = meetingWhen(m, request.language);
      return {
        id: m.id,
        topic: m.topic,
        date: when.date,
        time: when.time,
        place: m.place ?? (m.online_url ? request.t('meetings.list.online') : ''),
        status: m.status,
        invitationOnly: m.visibility === 'invitation',
      };
    };
    return reply.render(
      <MeetingListPage
        model={{ upcoming: result.upcoming.map(item), past: result.past.map(item), page, pageCount, canManage: official }}
      />,
    );
  });

  app.get('/spotkania/kalendarz.ics', { config: { access: 'public' } }, async (request, reply) => {
    const meetings = await publicCalendarMeetings(services.db);
    const { settings } = await services.settings.get();
    const body = meetingsCalendar(meetings, {
      baseUrl: services.config.baseUrl,
      stamp: new Date(),
      name: `${request.t('meetings.list.title')} — ${settings.municipalityName}`,
      agenda: await agendaTitles(services, meetings),
    });
    return calendarReply(reply, body, 'spotkania.ics');
  });

  app.get('/spotkania/nowe', { config: { access: 'official' } }, async (_request, reply) => {
    const { settings } = await services.settings.get();
    return reply.render(
      <MeetingFormPage form={emptyForm({ title: defaultProtocolTitle, organiser: settings.officeName, visibility: 'public' })} />,
    );
  });

  app.post('/spotkania/nowe', { config: { access: 'official', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const form = parseForm(ZMeetingForm, request.body);
    if (!form.ok)
      return reply.render(<MeetingFormPage form={failedForm(form.values, deadlineErrors(form.errors), request.t)} />, 400);
    const id = await createMeeting(services, signedInUser(request).id, form.data);
    return reply.redirectWithFlash(`/spotkania/${id}/program`, { kind: 'success', key: 'flash.meetingCreated' });
  });

  app.get('/spotkania/:id', { config: { access: 'public' } }, async (request, reply) => {
    const found = await meetingForRequest(services, request);
    if (!found) return reply.callNotFound();
    return reply.render(<MeetingPage model={await meetingPageModel(services, request, found.meeting, found.official)} />);
  });

  app.get('/spotkania/:id/kalendarz.ics', { config: { access: 'public' } }, async (request, reply) => {
    const found = await meetingForRequest(services, request);
    if (!found) return reply.callNotFound();
    const body = meetingsCalendar([found.meeting], {
      baseUrl: services.config.baseUrl,
      stamp: new Date(),
      agenda: await agendaTitles(services, [found.meeting]),
    });
    return calendarReply(reply, body, `spotkanie-${found.meeting.id}.ics`);
  });

  app.get('/spotkania/:id/edycja', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await editableMeeting(services, request, reply);
    if (!meeting) return reply;
    return reply.render(
      <MeetingFormPage form={emptyForm(meetingFormValues(meeting))} edit={{ id: meeting.id, topic: meeting.topic }} />,
    );
  });

  app.post(
    '/spotkania/:id/edycja',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const meeting = await editableMeeting(services, request, reply);
      if (!meeting) return reply;
      const form = parseForm(ZMeetingForm, request.body);
      const version = zVersion.safeParse((request.body as Record<string, unknown> | undefined)?.version);
      const edit = { id: meeting.id, topic: meeting.topic };
      const refill = (errors: FieldError[], status: number, values: FormValues = form.values) =>
        reply.render(<MeetingFormPage form={failedForm(values, deadlineErrors(errors), request.t)} edit={edit} />, status);
      if (!form.ok) return refill(form.errors, 400);
      if (!version.success)
        return refill([formError('', 'meetings.errors.conflict')], 409, { ...form.values, version: String(meeting.version) });
      const result = await updateMeeting(services, signedInUser(request).id, meeting.id, form.data, version.data);
      if (!result.ok) {
        if (result.reason === 'notFound') return reply.callNotFound();
        if (result.reason === 'cancelled')
          return reply.redirectWithFlash(`/spotkania/${meeting.id}`, { kind: 'info', key: 'flash.meetingCancelledFinal' });
        // Someone saved in between: show what this official typed, with the newest version to save over it knowingly.
        return refill([formError('', 'meetings.errors.conflict')], 409, { ...form.values, version: String(meeting.version) });
      }
      return reply.redirectWithFlash(`/spotkania/${meeting.id}`, {
        kind: result.changed ? 'success' : 'info',
        key: result.changed ? 'flash.meetingUpdated' : 'flash.meetingUnchanged',
      });
    },
  );

  app.post('/spotkania/:id/publikacja', { config: { access: 'official' } }, async (request, reply) => {
    const found = await meetingForRequest(services, request);
    if (!found) return reply.callNotFound();
    const back = `/spotkania/${found.meeting.id}`;
    const form = parseForm(ZStatusChange, request.body);
    if (!form.ok) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.meetingChanged' });
    const outcome = await publishMeeting(services, signedInUser(request).id, found.meeting.id, form.data.version);
    if (outcome === 'notFound') return reply.callNotFound();
    const keys = {
      published: 'flash.meetingPublished',
      conflict: 'flash.meetingChanged',
      notDraft: 'flash.meetingNotDraft',
      noAgenda: 'flash.meetingNeedsAgenda',
    } as const;
    return reply.redirectWithFlash(outcome === 'noAgenda' ? `${back}/program` : back, {
      kind: outcome === 'published' ? 'success' : 'info',
      key: keys[outcome],
    });
  });

  app.post('/spotkania/:id/odwolanie', { config: { access: 'official' } }, async (request, reply) => {
    const found = await meetingForRequest(services, request);
    if (!found) return reply.callNotFound();
    const back = `/spotkania/${found.meeting.id}`;
    const form = parseForm(ZCancelMeeting, request.body);
    if (!form.ok) {
      // Only the reason can be wrong in a form the page rendered: show the page again with it kept.
      const reasonErrors = form.errors.filter((e) => e.field === 'reason');
      if (reasonErrors.length)
        return reply.render(
          <MeetingPage
            model={await meetingPageModel(services, request, found.meeting, found.official)}
            cancelForm={failedForm(form.values, reasonErrors, request.t)}
          />,
          400,
        );
      return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.meetingChanged' });
    }
    const result = await cancelMeeting(services, signedInUser(request).id, found.meeting.id, form.data.version, form.data.reason);
    if (!result.ok) {
      if (result.reason === 'notFound') return reply.callNotFound();
      return reply.redirectWithFlash(back, {
        kind: 'info',
        key: result.reason === 'conflict' ? 'flash.meetingChanged' : 'flash.meetingNotPublished',
      });
    }
    return reply.redirectWithFlash(back, { kind: 'success', key: 'flash.meetingCancelled', params: { count: result.mailed } });
  });
}
