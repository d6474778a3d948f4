/**
 * The attendance list (lista obecności), kept by officials: check in a registered person (at most
 * once — a partial unique index on `registration_id`), add a walk-in, undo a check-in. Audited;
 * names and e-mails are never written to the audit log (only ids and roles).
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { AttendeeRole } from '../../platform/db/schema.js';
import { findDirectoryOrganization } from './meeting-registration.repo.js';

export async function checkInRegistration(
  services: Services,
  officialId: number,
  meetingId: number,
  registrationId: number,
  now = new Date(),
): Promise<{ ok: true; already: boolean } | { ok: false; reason: 'notFound' }> {
  return services.db.transaction().execute(async (trx) => {
    const registration = await trx
      .selectFrom('meeting_registrations')
      .innerJoin('users', 'users.id', 'meeting_registrations.user_id')
      .select((eb) => [
        'meeting_registrations.id',
        'meeting_registrations.user_id',
        'meeting_registrations.organization_id',
        'users.display_name',
        'users.email',
        eb
          .exists(
            eb
              .selectFrom('user_roles')
              .select('user_roles.user_id')
              .whereRef('user_roles.user_id', '=', 'users.id')
              .where('user_roles.role', 'in', ['official', 'administrator']),
          )
          .as('is_official'),
      ])
      .where('meeting_registrations.id', '=', registrationId)
      .where('meeting_registrations.meeting_id', '=', meetingId)
      .where('meeting_registrations.status', '!=', 'cancelled')
      .executeTakeFirst();
    if (!registration) return { ok: false as const, reason: 'notFound' as const };
    const role: AttendeeRole = registration.organization_id !== null ? 'ngo' : registration.is_official ? 'official' : 'guest';
    const inserted = await trx
      .insertInto('meeting_attendees')
      .values({
        meeting_id: meetingId,
        registration_id: registration.id,
        user_id: registration.user_id,
        full_name: registration.display_name,
        role,
        organization_id: registration.organization_id,
        organization_name: null,
        email: registration.email,
        checked_in_at: now.toISOString(),
        checked_in_by: officialId,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { ok: true as const, already: true };
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.checked_in',
      subjectType: 'meeting_attendee',
      subjectId: inserted.id,
      after: { meeting_id: meetingId, registration_id: registration.id, role },
    });
    return { ok: true as const, already: false };
  });
}

export interface WalkIn {
  fullName: string;
  role: AttendeeRole;
  organization: string;
  email: string;
}

/** A person who came without registering. The organisation typed is linked to the directory when its name matches one. */
export async function addWalkIn(
  services: Services,
  officialId: number,
  meetingId: number,
  input: WalkIn,
  now = new Date(),
): Promise<{ ok: true; linkedToDirectory: boolean }> {
  return services.db.transaction().execute(async (trx) => {
    const directory = input.organization ? await findDirectoryOrganization(trx, input.organization) : undefined;
    const inserted = await trx
      .insertInto('meeting_attendees')
      .values({
        meeting_id: meetingId,
        registration_id: null,
        user_id: null,
        full_name: input.fullName,
        role: input.role,
        organization_id: directory?.id ?? null,
        organization_name: directory ? null : input.organization || null,
        email: input.email || null,
        checked_in_at: now.toISOString(),
        checked_in_by: officialId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.walk_in_added',
      subjectType: 'meeting_attendee',
      subjectId: inserted.id,
      after: { meeting_id: meetingId, role: input.role, organization_id: directory?.id ?? null },
    });
    return { ok: true as const, linkedToDirectory: directory !== undefined };
  });
}

export async function undoCheckIn(
  services: Services,
  officialId: number,
  meetingId: number,
  attendeeId: number,
): Promise<{ ok: boolean }> {
  return services.db.transaction().execute(async (trx) => {
    const attendee = await trx
      .selectFrom('meeting_attendees')
      .select(['id', 'registration_id', 'role', 'organization_id'])
      .where('id', '=', attendeeId)
      .where('meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!attendee) return { ok: false };
    await trx.deleteFrom('meeting_attendees').where('id', '=', attendee.id).execute();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.check_in_undone',
      subjectType: 'meeting_attendee',
      subjectId: attendee.id,
      before: { meeting_id: meetingId, registration_id: attendee.registration_id, role: attendee.role },
    });
    return { ok: true };
  });
}
