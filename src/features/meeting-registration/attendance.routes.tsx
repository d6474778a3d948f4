/**
 * The attendance list (lista obecności), officials only: check in registered people, add walk-ins,
 * undo a check-in. One form URL; the `action` field says which.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, parseForm, type FormModel } from '../../platform/http/forms.js';
import { formatDateTimeShort } from '../../platform/i18n/format.js';
import { renderPdf } from '../../platform/documents/pdf.js';
import { attendanceCounts } from './attendance-counts.js';
import { attendanceSheetSpec, emptyRowsForWalkIns, type SheetPerson } from './attendance-sheet.js';
import { activeRegistrations, attendeesOf, directoryNames, type MeetingForRegistration } from './meeting-registration.repo.js';
import { ZCheckIn, ZUndo, ZWalkIn } from './meeting-registration.schema.js';
import { addWalkIn, checkInRegistration, undoCheckIn } from './record-attendance.js';
import { meetingForRequest, meetingSummary } from './registration.routes.js';
import { AttendancePage } from './views/attendance.js';

async function renderAttendance(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  meeting: MeetingForRegistration,
  walkIn: FormModel,
  status = 200,
) {
  const [registrations, attendees, names] = await Promise.all([
    activeRegistrations(services.db, meeting.id),
    attendeesOf(services.db, meeting.id),
    directoryNames(services.db),
  ]);
  const checkedIn = new Set(attendees.map((a) => a.registration_id).filter((id) => id !== null));
  const t = request.t;
  return reply.render(
    <AttendancePage
      model={{
        meeting: meetingSummary(meeting, request),
        counts: attendanceCounts(attendees),
        registrations: registrations
          .filter((r) => r.status === 'registered' || checkedIn.has(r.id))
          .map((r) => ({
            id: r.id,
            name: r.display_name ?? t('meetingRegistration.list.deletedAccount'),
            organization:
              r.organization_name ??
              (Number(r.is_official) === 1 ? t('meetingRegistration.list.office') : t('meetingRegistration.list.guest')),
            checkedIn: checkedIn.has(r.id),
          })),
        attendees: attendees.map((a) => ({
          id: a.id,
          name: a.full_name,
          organization: a.directory_name ?? a.organization_name ?? '—',
          fromDirectory: a.directory_name !== null,
          role: a.role,
          email: a.email,
          walkIn: a.registration_id === null,
          at: formatDateTimeShort(a.checked_in_at, request.language),
        })),
        sheetHref: `/spotkania/${meeting.id}/obecnosc/lista.pdf`,
        walkIn,
        directoryNames: names,
      }}
    />,
    status,
  );
}

const ZAction = z.object({ action: z.enum(['check-in', 'walk-in', 'undo']) });

export function attendanceRoutes(app: FastifyInstance, services: Services): void {
  app.get('/spotkania/:id/obecnosc', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingForRequest(services, request);
    if (!meeting) return reply.callNotFound();
    return renderAttendance(services, request, reply, meeting, emptyForm({ role: 'ngo' }));
  });

  app.get('/spotkania/:id/obecnosc/lista.pdf', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingForRequest(services, request);
    if (!meeting) return reply.callNotFound();
    const t = request.t;
    const attendees = await attendeesOf(services.db, meeting.id);
    const started = Date.now() >= Date.parse(meeting.starts_at);
    let people: SheetPerson[];
    let emptyRows = 0;
    if (started && attendees.length > 0) {
      people = attendees.map((a) => ({
        name: a.full_name,
        organization: a.directory_name ?? a.organization_name ?? '',
        role: a.role,
      }));
    } else {
      // Before the meeting (or before anyone is checked in): the registered people, then rows for walk-ins.
      const registrations = (await activeRegistrations(services.db, meeting.id)).filter((r) => r.status === 'registered');
      people = registrations.map((r) => ({
        name: r.display_name ?? '',
        organization: r.organization_name ?? (Number(r.is_official) === 1 ? t('meetingRegistration.list.office') : ''),
        role: r.organization_id !== null ? 'ngo' : Number(r.is_official) === 1 ? 'official' : 'guest',
      }));
      emptyRows = emptyRowsForWalkIns;
    }
    const { settings } = await services.settings.get();
    const pdf = await renderPdf(
      attendanceSheetSpec(meeting, people, {
        emptyRows,
        t,
        language: request.language === 'en' ? 'en-GB' : 'pl-PL',
        author: settings.officeName,
      }),
    );
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="lista-obecnosci-${meeting.id}.pdf"`)
      .header('cache-control', 'no-store, private')
      .send(pdf);
  });

  app.post(
    '/spotkania/:id/obecnosc',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const meeting = await meetingForRequest(services, request);
      if (!meeting) return reply.callNotFound();
      const official = signedInUser(request);
      const back = `/spotkania/${meeting.id}/obecnosc`;
      const refuse = (key: string) =>
        renderAttendance(services, request, reply, meeting, failedForm({ role: 'ngo' }, [formError('', key)], request.t), 400);
      const action = ZAction.safeParse(request.body ?? {});
      if (!action.success) return refuse('meetingRegistration.errors.unknownAction');
      if (action.data.action === 'walk-in') {
        const form = parseForm(ZWalkIn, request.body);
        if (!form.ok)
          return renderAttendance(services, request, reply, meeting, failedForm(form.values, form.errors, request.t), 400);
        const result = await addWalkIn(services, official.id, meeting.id, {
          fullName: form.data.fullName,
          role: form.data.role,
          organization: form.data.organization,
          email: form.data.email,
        });
        return reply.redirectWithFlash(`${back}#na-miejscu`, {
          kind: 'success',
          key: result.linkedToDirectory ? 'flash.meetingRegistration.walkInLinked' : 'flash.meetingRegistration.walkInAdded',
          params: { name: form.data.fullName },
        });
      }
      if (action.data.action === 'check-in') {
        const form = parseForm(ZCheckIn, request.body);
        const result = form.ok
          ? await checkInRegistration(services, official.id, meeting.id, Number(form.data.registration))
          : ({ ok: false } as const);
        if (!result.ok) return refuse('meetingRegistration.errors.notOnList');
        return reply.redirectWithFlash(back, {
          kind: result.already ? 'info' : 'success',
          key: result.already ? 'flash.meetingRegistration.alreadyCheckedIn' : 'flash.meetingRegistration.checkedIn',
        });
      }
      const form = parseForm(ZUndo, request.body);
      const result = form.ok ? await undoCheckIn(services, official.id, meeting.id, Number(form.data.attendee)) : { ok: false };
      if (!result.ok) return refuse('meetingRegistration.errors.notOnList');
      return reply.redirectWithFlash(back, { kind: 'success', key: 'flash.meetingRegistration.checkInUndone' });
    },
  );
}
