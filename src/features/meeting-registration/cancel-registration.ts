/**
 * A person withdraws their registration. A freed place goes to the first waitlisted registration
 * (by `created_at`) in the same transaction, and that person is mailed. Race-safe: on PostgreSQL
 * the meeting row is locked (`FOR UPDATE`) so cancellations and registrations of one meeting run one
 * after another; the cancellation itself is a conditional UPDATE, so cancelling twice frees one place.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { type Actor, recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import { isLanguage, translatorFor } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/mail.js';
import { activeRegistrationOf, countRegistered, findMeeting, lockMeeting } from './meeting-registration.repo.js';

export type CancelResult = { ok: true; promoted: number } | { ok: false; reason: 'notRegistered' | 'notFound' | 'started' };

export async function cancelRegistration(
  services: Services,
  userId: number,
  meetingId: number,
  now = new Date(),
): Promise<CancelResult> {
  return services.db.transaction().execute(async (trx): Promise<CancelResult> => {
    if (!(await lockMeeting(trx, meetingId, services.engine))) return { ok: false, reason: 'notFound' };
    const meeting = await findMeeting(trx, meetingId);
    if (!meeting) return { ok: false, reason: 'notFound' };
    // Once the meeting has begun, a registration is part of its record (and no one is promoted).
    if (now.toISOString() >= meeting.starts_at) return { ok: false, reason: 'started' };
    const registration = await activeRegistrationOf(trx, meetingId, userId);
    if (!registration) return { ok: false, reason: 'notRegistered' };
    const updated = await trx
      .updateTable('meeting_registrations')
      .set({ status: 'cancelled', cancelled_at: now.toISOString() })
      .where('id', '=', registration.id)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'notRegistered' };
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.registration_cancelled',
      subjectType: 'meeting_registration',
      subjectId: registration.id,
      before: { status: registration.status },
      after: { status: 'cancelled' },
    });
    const promoted = await promoteFromWaitlist(trx, services, meetingId, now, userActor(userId));
    return { ok: true, promoted };
  });
}

/**
 * Fills free places from the waitlist, first come first served. Call inside a transaction that
 * holds the meeting's lock (`lockMeeting`). Returns how many registrations were promoted.
 */
export async function promoteFromWaitlist(
  trx: Kysely<DB>,
  services: Services,
  meetingId: number,
  now: Date,
  actor: Actor,
): Promise<number> {
  const meeting = await findMeeting(trx, meetingId);
  // Nobody is promoted into a meeting that is not open, or has already begun.
  if (!meeting || meeting.status !== 'published' || now.toISOString() >= meeting.starts_at) return 0;
  let free = meeting.capacity === null ? Number.POSITIVE_INFINITY : meeting.capacity - (await countRegistered(trx, meetingId));
  let promoted = 0;
  while (free > 0) {
    const next = await trx
      .selectFrom('meeting_registrations')
      .leftJoin('users', 'users.id', 'meeting_registrations.user_id')
      .select(['meeting_registrations.id', 'users.email', 'users.preferred_language'])
      .where('meeting_registrations.meeting_id', '=', meetingId)
      .where('meeting_registrations.status', '=', 'waitlisted')
      .orderBy('meeting_registrations.created_at')
      .orderBy('meeting_registrations.id')
      .limit(1)
      .executeTakeFirst();
    if (!next) break;
    const updated = await trx
      .updateTable('meeting_registrations')
      .set({ status: 'registered', promoted_at: now.toISOString() })
      .where('id', '=', next.id)
      .where('status', '=', 'waitlisted')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) break;
    free -= 1;
    promoted += 1;
    if (next.email) {
      // The promoted person did not trigger this mail: their preferred language, else Polish.
      const language = isLanguage(next.preferred_language) ? next.preferred_language : 'pl';
      const t = translatorFor(language);
      const params = {
        topic: meeting.topic,
        when: formatDateTime(meeting.starts_at, language),
        place: meeting.place ?? meeting.online_url ?? '—',
        link: `${services.config.baseUrl}/spotkania/${meetingId}/zapisy`,
        calendarLink: `${services.config.baseUrl}/spotkania/${meetingId}/kalendarz.ics`,
      };
      await queueMail(trx, {
        to: next.email,
        subject: t('meetingRegistration.mail.promoted.subject', params),
        text: t('meetingRegistration.mail.promoted.body', params),
      });
    }
    await recordAudit(trx, {
      actor,
      action: 'meeting.registration_promoted',
      subjectType: 'meeting_registration',
      subjectId: next.id,
      before: { status: 'waitlisted' },
      after: { status: 'registered' },
    });
  }
  return promoted;
}

/**
 * For other features (features/meetings, after an official raises the capacity or removes it):
 * moves waitlisted registrations into the freed places, in their own transaction with the meeting
 * locked. Returns how many were promoted.
 */
export async function fillFreedPlaces(services: Services, meetingId: number, actor: Actor, now = new Date()): Promise<number> {
  return services.db.transaction().execute(async (trx) => {
    if (!(await lockMeeting(trx, meetingId, services.engine))) return 0;
    return promoteFromWaitlist(trx, services, meetingId, now, actor);
  });
}
