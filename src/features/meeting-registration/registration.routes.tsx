/**
 * Registration for a working meeting (people) and the officials' list of registrations.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, parseForm, type FormModel } from '../../platform/http/forms.js';
import { formatDateTime, formatDateTimeShort } from '../../platform/i18n/format.js';
import { cancelRegistration } from './cancel-registration.js';
import {
  activeRegistrationOf,
  activeRegistrations,
  countRegistered,
  findMeeting,
  meetingIdFrom,
  waitlistPlace,
  type MeetingForRegistration,
} from './meeting-registration.repo.js';
import { canSeeMeeting, isOfficial, registrationClosesAt, registrationRefusal } from './meeting-registration.policy.js';
import { ZRegisterPerson, ZRegistration } from './meeting-registration.schema.js';
import { registerPerson } from './register-person.js';
import { registerForMeeting } from './register-for-meeting.js';
import { RegistrationPage } from './views/registration.js';
import { RegistrationsPage } from './views/registrations.js';
import type { MeetingSummaryModel } from './views/meeting-summary.js';

/** The meeting named by `:id`, if this person may see it (drafts: officials only). */
export async function meetingForRequest(services: Services, request: FastifyRequest): Promise<MeetingForRegistration | null> {
  const id = meetingIdFrom((request.params as { id?: unknown }).id);
  if (id === null) return null;
  const meeting = await findMeeting(services.db, id);
  if (!meeting || !canSeeMeeting(request.currentUser?.roles ?? [], meeting)) return null;
  return meeting;
}

export function meetingSummary(meeting: MeetingForRegistration, request: FastifyRequest): MeetingSummaryModel {
  return {
    id: meeting.id,
    topic: meeting.topic,
    when: formatDateTime(meeting.starts_at, request.language),
    place: meeting.place ?? meeting.online_url,
  };
}

const refusalKeys = {
  notPublished: 'meetingRegistration.refused.notPublished',
  cancelled: 'meetingRegistration.refused.cancelled',
  closed: 'meetingRegistration.refused.closed',
  invitationOnly: 'meetingRegistration.refused.invitationOnly',
  guestsNotAllowed: 'meetingRegistration.refused.guestsNotAllowed',
  notAMember: 'meetingRegistration.refused.notAMember',
  alreadyRegistered: 'meetingRegistration.refused.alreadyRegistered',
} as const;

async function renderRegistration(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
  meeting: MeetingForRegistration,
  form: FormModel | null,
  status = 200,
) {
  const user = signedInUser(request);
  const official = isOfficial(user.roles);
  const current = await activeRegistrationOf(services.db, meeting.id, user.id);
  // Whether the meeting accepts registrations at all (for anyone like this person), before the choice.
  const general = registrationRefusal(
    { roles: user.roles, organizationIds: user.organizations.map((o) => o.id) },
    meeting,
    user.organizations[0]?.id ?? null,
    new Date(),
  );
  const unavailable = general && general !== 'guestsNotAllowed' ? refusalKeys[general] : null;
  const options = [
    ...user.organizations.map((o) => ({ value: String(o.id), label: o.name })),
    ...(official
      ? [{ value: 'guest', label: request.t('meetingRegistration.register.asOffice') }]
      : meeting.guests_allowed === 1
        ? [{ value: 'guest', label: request.t('meetingRegistration.register.asGuest') }]
        : []),
  ];
  const defaultChoice =
    user.actingOrganizationId !== null ? String(user.actingOrganizationId) : options.length === 1 ? options[0]!.value : '';
  return reply.render(
    <RegistrationPage
      model={{
        meeting: {
          ...meetingSummary(meeting, request),
          closesAt: formatDateTime(registrationClosesAt(meeting), request.language),
          capacity: meeting.capacity,
          registered: await countRegistered(services.db, meeting.id),
        },
        current: current
          ? current.status === 'waitlisted'
            ? {
                status: 'waitlisted',
                onBehalfOf: current.organization_name,
                place: await waitlistPlace(services.db, meeting.id, current),
              }
            : { status: 'registered', onBehalfOf: current.organization_name }
          : null,
        canCancel: Date.now() < Date.parse(meeting.starts_at),
        unavailable,
        options,
        needsOrganization: options.length === 0,
        form: form ?? emptyForm({ organization: defaultChoice }),
      }}
    />,
    status,
  );
}

export function registrationRoutes(app: FastifyInstance, services: Services): void {
  app.get('/spotkania/:id/zapisy', { config: { access: 'user' } }, async (request, reply) => {
    const meeting = await meetingForRequest(services, request);
    if (!meeting) return reply.callNotFound();
    return renderRegistration(services, request, reply, meeting, null);
  });

  app.post(
    '/spotkania/:id/zapisy',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const meeting = await meetingForRequest(services, request);
      if (!meeting) return reply.callNotFound();
      const user = signedInUser(request);
      const form = parseForm(ZRegistration, request.body);
      if (!form.ok)
        return renderRegistration(services, request, reply, meeting, failedForm(form.values, form.errors, request.t), 400);
      const organizationId = form.data.organization === 'guest' ? null : Number(form.data.organization);
      const result = await registerForMeeting(
        services,
        user,
        meeting.id,
        { organizationId, accessibilityNeeds: form.data.accessibilityNeeds },
        request.language,
      );
      if (!result.ok) {
        if (result.reason === 'notFound') return reply.callNotFound();
        const aboutTheChoice = ['guestsNotAllowed', 'notAMember'].includes(result.reason);
        const error = formError(aboutTheChoice ? 'organization' : '', refusalKeys[result.reason]);
        return renderRegistration(services, request, reply, meeting, failedForm(form.values, [error], request.t), 400);
      }
      return reply.redirectWithFlash(
        `/spotkania/${meeting.id}/zapisy`,
        result.status === 'registered'
          ? { kind: 'success', key: 'flash.meetingRegistration.registered' }
          : { kind: 'success', key: 'flash.meetingRegistration.waitlisted', params: { place: result.place } },
      );
    },
  );

  app.post(
    '/spotkania/:id/zapisy/rezygnacja',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const meeting = await meetingForRequest(services, request);
      if (!meeting) return reply.callNotFound();
      const result = await cancelRegistration(services, signedInUser(request).id, meeting.id);
      if (!result.ok && result.reason === 'notFound') return reply.callNotFound();
      return reply.redirectWithFlash(
        `/spotkania/${meeting.id}/zapisy`,
        result.ok
          ? { kind: 'success', key: 'flash.meetingRegistration.cancelled' }
          : result.reason === 'started'
            ? { kind: 'info', key: 'flash.meetingRegistration.alreadyStarted' }
            : { kind: 'info', key: 'flash.meetingRegistration.notRegistered' },
      );
    },
  );

  const renderRegistrations = async (
    request: FastifyRequest,
    reply: FastifyReply,
    meeting: MeetingForRegistration,
    form: FormModel,
    status = 200,
  ) => {
    const rows = await activeRegistrations(services.db, meeting.id);
    let place = 0;
    const organizations = new Set(rows.filter((r) => r.organization_id !== null).map((r) => r.organization_id));
    return reply.render(
      <RegistrationsPage
        model={{
          meeting: {
            ...meetingSummary(meeting, request),
            capacity: meeting.capacity,
            invitationOnly: meeting.visibility === 'invitation',
            published: meeting.status === 'published',
          },
          counts: {
            registered: rows.filter((r) => r.status === 'registered').length,
            waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
            organizations: organizations.size,
            withNeeds: rows.filter((r) => r.accessibility_needs).length,
          },
          rows: rows.map((r) => ({
            name: r.display_name ?? request.t('meetingRegistration.list.deletedAccount'),
            email: r.email ?? '',
            organization: r.organization_name,
            official: Number(r.is_official) === 1,
            status: r.status === 'waitlisted' ? 'waitlisted' : 'registered',
            place: r.status === 'waitlisted' ? ++place : null,
            accessibilityNeeds: r.accessibility_needs,
            registeredAt: formatDateTimeShort(r.created_at, request.language),
          })),
          form,
        }}
      />,
      status,
    );
  };

  app.get('/spotkania/:id/zgloszenia', { config: { access: 'official' } }, async (request, reply) => {
    const meeting = await meetingForRequest(services, request);
    if (!meeting) return reply.callNotFound();
    return renderRegistrations(request, reply, meeting, emptyForm());
  });

  app.post(
    '/spotkania/:id/zgloszenia',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const meeting = await meetingForRequest(services, request);
      if (!meeting) return reply.callNotFound();
      const form = parseForm(ZRegisterPerson, request.body);
      if (!form.ok) return renderRegistrations(request, reply, meeting, failedForm(form.values, form.errors, request.t), 400);
      const result = await registerPerson(services, signedInUser(request).id, meeting.id, form.data, request.language);
      if (!result.ok) {
        if (result.reason === 'notFound') return reply.callNotFound();
        const error =
          result.reason === 'noSuchAccount'
            ? formError('email', 'meetingRegistration.errors.noSuchAccount')
            : result.reason === 'noSuchOrganization'
              ? formError('organization', 'meetingRegistration.errors.noSuchOrganization')
              : result.reason === 'alreadyRegistered'
                ? formError('email', 'meetingRegistration.errors.personAlreadyRegistered')
                : formError('', refusalKeys[result.reason]);
        return renderRegistrations(request, reply, meeting, failedForm(form.values, [error], request.t), 400);
      }
      return reply.redirectWithFlash(
        `/spotkania/${meeting.id}/zgloszenia`,
        result.status === 'registered'
          ? { kind: 'success', key: 'flash.meetingRegistration.personRegistered', params: { email: form.data.email } }
          : {
              kind: 'success',
              key: 'flash.meetingRegistration.personWaitlisted',
              params: { email: form.data.email, place: result.place },
            },
      );
    },
  );
}
