/**
 * Who may register for a meeting, and when. Route levels (user, official) are checked by the kernel;
 * these rules add the meeting-specific part and are unit-tested as a matrix.
 */
import type { Role } from '../../platform/db/schema.js';
import type { MeetingForRegistration } from './meeting-registration.repo.js';

export const isOfficial = (roles: Role[]) => roles.includes('official') || roles.includes('administrator');

/** Drafts are seen by officials only (as in features/meetings); everyone else gets 404. */
export function canSeeMeeting(roles: Role[], meeting: Pick<MeetingForRegistration, 'status'>): boolean {
  return meeting.status !== 'draft' || isOfficial(roles);
}

/** The instant after which registration is closed: the deadline, else the start of the meeting. */
export function registrationClosesAt(meeting: Pick<MeetingForRegistration, 'registration_deadline' | 'starts_at'>): string {
  return meeting.registration_deadline ?? meeting.starts_at;
}

export type RegistrationRefusal = 'notPublished' | 'cancelled' | 'closed' | 'invitationOnly' | 'guestsNotAllowed' | 'notAMember';

/**
 * Why a person may not register (themselves) for the meeting on behalf of `organizationId` (null =
 * as a guest), or null when they may. Officials register as the office without an organisation.
 */
export function registrationRefusal(
  person: { roles: Role[]; organizationIds: number[] },
  meeting: Pick<MeetingForRegistration, 'status' | 'visibility' | 'guests_allowed' | 'registration_deadline' | 'starts_at'>,
  organizationId: number | null,
  now: Date,
): RegistrationRefusal | null {
  if (meeting.status === 'cancelled') return 'cancelled';
  if (meeting.status !== 'published') return 'notPublished';
  if (now.toISOString() >= registrationClosesAt(meeting)) return 'closed';
  // Invitation-only meetings: people do not sign themselves up; the office registers (simplified).
  if (meeting.visibility === 'invitation' && !isOfficial(person.roles)) return 'invitationOnly';
  if (organizationId !== null) return person.organizationIds.includes(organizationId) ? null : 'notAMember';
  if (isOfficial(person.roles)) return null;
  return meeting.guests_allowed === 1 ? null : 'guestsNotAllowed';
}
