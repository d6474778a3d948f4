/**
 * An official registers a person (an existing account, named by e-mail) for a meeting — the way
 * people get onto invitation-only meetings, and how the office records a registration taken by
 * phone. The office vouches for the person: no membership check, and the registration deadline does
 * not apply; the meeting must be published. Capacity and the waitlist apply as for everyone.
 */
import type { Services } from '../../services.js';
import { userActor } from '../../platform/audit/audit.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { findDirectoryOrganization, findMeeting, lockMeeting } from './meeting-registration.repo.js';
import { addRegistration, type RegisterResult } from './register-for-meeting.js';

export type RegisterPersonResult = RegisterResult | { ok: false; reason: 'noSuchAccount' | 'noSuchOrganization' };

export async function registerPerson(
  services: Services,
  officialId: number,
  meetingId: number,
  input: { email: string; organization: string; accessibilityNeeds: string },
  language: Language,
  now = new Date(),
): Promise<RegisterPersonResult> {
  return services.db.transaction().execute(async (trx): Promise<RegisterPersonResult> => {
    if (!(await lockMeeting(trx, meetingId, services.engine))) return { ok: false, reason: 'notFound' };
    const meeting = await findMeeting(trx, meetingId);
    if (!meeting) return { ok: false, reason: 'notFound' };
    if (meeting.status === 'cancelled') return { ok: false, reason: 'cancelled' };
    if (meeting.status !== 'published') return { ok: false, reason: 'notPublished' };
    const person = await trx.selectFrom('users').select(['id', 'email']).where('email', '=', input.email).executeTakeFirst();
    if (!person) return { ok: false, reason: 'noSuchAccount' };
    const organization = input.organization ? await findDirectoryOrganization(trx, input.organization) : null;
    if (organization === undefined) return { ok: false, reason: 'noSuchOrganization' };
    return addRegistration(trx, services, meeting, {
      person,
      organization,
      accessibilityNeeds: input.accessibilityNeeds,
      language,
      now,
      actor: userActor(officialId),
    });
  });
}
