/**
 * A person registers for a working meeting on behalf of one of their organisations, or as a guest.
 * Beyond the capacity the registration joins the waitlist. One active registration per person
 * (a partial unique index). A confirmation mail is queued in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import type { AuthenticatedUser } from '../../platform/auth/sessions.js';
import { type Actor, recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import { translatorFor, type Language } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/mail.js';
import {
  activeRegistrationOf,
  countRegistered,
  findMeeting,
  lockMeeting,
  waitlistPlace,
  type MeetingForRegistration,
} from './meeting-registration.repo.js';
import { registrationRefusal, type RegistrationRefusal } from './meeting-registration.policy.js';

export type RegisterResult =
  | { ok: true; status: 'registered' }
  | { ok: true; status: 'waitlisted'; place: number }
  | { ok: false; reason: RegistrationRefusal | 'alreadyRegistered' | 'notFound' };

export async function registerForMeeting(
  services: Services,
  user: AuthenticatedUser,
  meetingId: number,
  input: { organizationId: number | null; accessibilityNeeds: string },
  language: Language,
  now = new Date(),
): Promise<RegisterResult> {
  const result = await services.db.transaction().execute(async (trx): Promise<RegisterResult> => {
    if (!(await lockMeeting(trx, meetingId, services.engine))) return { ok: false, reason: 'notFound' };
    const meeting = await findMeeting(trx, meetingId);
    if (!meeting) return { ok: false, reason: 'notFound' };
    const refusal = registrationRefusal(
      { roles: user.roles, organizationIds: user.organizations.map((o) => o.id) },
      meeting,
      input.organizationId,
      now,
    );
    if (refusal) return { ok: false, reason: refusal };
    const organization = user.organizations.find((o) => o.id === input.organizationId) ?? null;
    return addRegistration(trx, services, meeting, {
      person: { id: user.id, email: user.email },
      organization,
      accessibilityNeeds: input.accessibilityNeeds,
      language,
      now,
      actor: userActor(user.id),
    });
  });
  return result;
}

/**
 * Adds an active registration — registered while places are left, else waitlisted — then queues the
 * confirmation mail and the audit entry. Runs inside a transaction that holds the meeting's lock.
 */
export async function addRegistration(
  trx: Kysely<DB>,
  services: Services,
  meeting: MeetingForRegistration,
  input: {
    person: { id: number; email: string };
    organization: { id: number; name: string } | null;
    accessibilityNeeds: string;
    language: Language;
    now: Date;
    actor: Actor;
  },
): Promise<RegisterResult> {
  const meetingId = meeting.id;
  if (await activeRegistrationOf(trx, meetingId, input.person.id)) return { ok: false, reason: 'alreadyRegistered' };
  const full = meeting.capacity !== null && (await countRegistered(trx, meetingId)) >= meeting.capacity;
  const status = full ? 'waitlisted' : 'registered';
  const createdAt = input.now.toISOString();
  const inserted = await trx
    .insertInto('meeting_registrations')
    .values({
      meeting_id: meetingId,
      user_id: input.person.id,
      organization_id: input.organization?.id ?? null,
      status,
      accessibility_needs: input.accessibilityNeeds || null,
      created_at: createdAt,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  // A concurrent registration of the same person won the unique index.
  if (!inserted) return { ok: false, reason: 'alreadyRegistered' };
  const place = full ? await waitlistPlace(trx, meetingId, { id: inserted.id, created_at: createdAt }) : 0;
  const { language } = input;
  const t = translatorFor(language);
  const params = {
    topic: meeting.topic,
    when: formatDateTime(meeting.starts_at, language),
    place: meeting.place ?? meeting.online_url ?? '—',
    onBehalfOf: input.organization
      ? t('meetingRegistration.mail.onBehalfOf', { organization: input.organization.name })
      : t('meetingRegistration.mail.asGuest'),
    position: place,
    link: `${services.config.baseUrl}/spotkania/${meetingId}/zapisy`,
    calendarLink: `${services.config.baseUrl}/spotkania/${meetingId}/kalendarz.ics`,
  };
  await queueMail(trx, {
    to: input.person.email,
    subject: t(`meetingRegistration.mail.${status}.subject`, params),
    text: t(`meetingRegistration.mail.${status}.body`, params),
  });
  await recordAudit(trx, {
    actor: input.actor,
    action: 'meeting.registered',
    subjectType: 'meeting_registration',
    subjectId: inserted.id,
    after: { meeting_id: meetingId, user_id: input.person.id, organization_id: input.organization?.id ?? null, status },
  });
  return full ? { ok: true, status: 'waitlisted', place } : { ok: true, status: 'registered' };
}
