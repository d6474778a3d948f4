/**
 * SQL of meeting registration and attendance. The meetings table belongs to features/meetings; this
 * feature reads it directly (read-only) and owns `meeting_registrations` and `meeting_attendees`.
 */
import { type Kysely, sql } from 'kysely';
import type { DB, MeetingStatus, RegistrationStatus, AttendeeRole } from '../../platform/db/schema.js';
import { foldName } from './attendance-counts.js';

export interface MeetingForRegistration {
  id: number;
  status: MeetingStatus;
  topic: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  online_url: string | null;
  organiser: string;
  visibility: 'public' | 'invitation';
  guests_allowed: number;
  capacity: number | null;
  registration_deadline: string | null;
}

/** A meeting id from a URL: digits only and within the integer range of both engines. */
export function meetingIdFrom(value: unknown): number | null {
  if (typeof value !== 'string' || !/^[1-9][0-9]{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

export function findMeeting(db: Kysely<DB>, id: number): Promise<MeetingForRegistration | undefined> {
  return db
    .selectFrom('meetings')
    .select([
      'id',
      'status',
      'topic',
      'starts_at',
      'ends_at',
      'place',
      'online_url',
      'organiser',
      'visibility',
      'guests_allowed',
      'capacity',
      'registration_deadline',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** On PostgreSQL, locks the meeting row for the rest of the transaction: registrations and
 * cancellations of one meeting are serialised, so capacity and the waitlist stay exact. SQLite
 * serialises every write transaction already. */
export async function lockMeeting(trx: Kysely<DB>, id: number, engine: 'sqlite' | 'postgres') {
  const query = trx.selectFrom('meetings').select(['id', 'capacity', 'status']).where('id', '=', id);
  return engine === 'postgres' ? query.forUpdate().executeTakeFirst() : query.executeTakeFirst();
}

export async function countRegistered(db: Kysely<DB>, meetingId: number): Promise<number> {
  const row = await db
    .selectFrom('meeting_registrations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function activeRegistrationOf(db: Kysely<DB>, meetingId: number, userId: number) {
  return db
    .selectFrom('meeting_registrations')
    .leftJoin('organizations', 'organizations.id', 'meeting_registrations.organization_id')
    .select([
      'meeting_registrations.id',
      'meeting_registrations.status',
      'meeting_registrations.created_at',
      'meeting_registrations.organization_id',
      'meeting_registrations.accessibility_needs',
      'organizations.name as organization_name',
    ])
    .where('meeting_registrations.meeting_id', '=', meetingId)
    .where('meeting_registrations.user_id', '=', userId)
    .where('meeting_registrations.status', '!=', 'cancelled')
    .executeTakeFirst();
}

/** The place in the waitlist (1 = next to be promoted) of a waitlisted registration. */
export async function waitlistPlace(db: Kysely<DB>, meetingId: number, registration: { id: number; created_at: string }) {
  const row = await db
    .selectFrom('meeting_registrations')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'waitlisted')
    .where((eb) =>
      eb.or([
        eb('created_at', '<', registration.created_at),
        eb.and([eb('created_at', '=', registration.created_at), eb('id', '<=', registration.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface RegistrationRow {
  id: number;
  status: RegistrationStatus;
  created_at: string;
  promoted_at: string | null;
  accessibility_needs: string | null;
  user_id: number | null;
  display_name: string | null;
  email: string | null;
  organization_id: number | null;
  organization_name: string | null;
  is_official: number;
}

/** Active registrations of a meeting: registered first (in order of registration), then the waitlist in its order. */
export function activeRegistrations(db: Kysely<DB>, meetingId: number): Promise<RegistrationRow[]> {
  return db
    .selectFrom('meeting_registrations')
    .leftJoin('users', 'users.id', 'meeting_registrations.user_id')
    .leftJoin('organizations', 'organizations.id', 'meeting_registrations.organization_id')
    .select((eb) => [
      'meeting_registrations.id',
      'meeting_registrations.status',
      'meeting_registrations.created_at',
      'meeting_registrations.promoted_at',
      'meeting_registrations.accessibility_needs',
      'meeting_registrations.user_id',
      'users.display_name',
      'users.email',
      'meeting_registrations.organization_id',
      'organizations.name as organization_name',
      eb
        .case()
        .when(
          eb.exists(
            eb
              .selectFrom('user_roles')
              .select('user_roles.user_id')
              .whereRef('user_roles.user_id', '=', 'meeting_registrations.user_id')
              .where('user_roles.role', 'in', ['official', 'administrator']),
          ),
        )
        .then(1)
        .else(0)
        .end()
        .as('is_official'),
    ])
    .where('meeting_registrations.meeting_id', '=', meetingId)
    .where('meeting_registrations.status', '!=', 'cancelled')
    .orderBy(sql`case when meeting_registrations.status = 'registered' then 0 else 1 end`)
    .orderBy('meeting_registrations.created_at')
    .orderBy('meeting_registrations.id')
    .execute() as Promise<RegistrationRow[]>;
}

export interface AttendeeRow {
  id: number;
  registration_id: number | null;
  full_name: string;
  role: AttendeeRole;
  organization_id: number | null;
  organization_name: string | null;
  directory_name: string | null;
  email: string | null;
  checked_in_at: string;
}

export function attendeesOf(db: Kysely<DB>, meetingId: number): Promise<AttendeeRow[]> {
  return db
    .selectFrom('meeting_attendees')
    .leftJoin('organizations', 'organizations.id', 'meeting_attendees.organization_id')
    .select([
      'meeting_attendees.id',
      'meeting_attendees.registration_id',
      'meeting_attendees.full_name',
      'meeting_attendees.role',
      'meeting_attendees.organization_id',
      'meeting_attendees.organization_name',
      'organizations.name as directory_name',
      'meeting_attendees.email',
      'meeting_attendees.checked_in_at',
    ])
    .where('meeting_attendees.meeting_id', '=', meetingId)
    .orderBy('meeting_attendees.checked_in_at')
    .orderBy('meeting_attendees.id')
    .execute();
}

/** A verified organisation of the directory whose name (or short name) is the typed one, folded. */
export async function findDirectoryOrganization(
  db: Kysely<DB>,
  typed: string,
): Promise<{ id: number; name: string } | undefined> {
  const folded = foldName(typed);
  if (!folded) return undefined;
  const candidates = await db
    .selectFrom('organizations')
    .select(['id', 'name', 'short_name'])
    .where('status', '=', 'verified')
    .where('search_name', 'like', `%${folded}%`)
    .orderBy('id')
    .limit(50)
    .execute();
  return candidates.find((c) => foldName(c.name) === folded || (c.short_name !== null && foldName(c.short_name) === folded));
}

/** At most this many directory names are suggested on the attendance page. */
export const directorySuggestionLimit = 3000;

/** The verified organisations' names in Polish order, for the walk-in's organisation field. */
export async function directoryNames(db: Kysely<DB>): Promise<string[]> {
  const rows = await db
    .selectFrom('organizations')
    .select('name')
    .where('status', '=', 'verified')
    .orderBy('name_sort_key')
    .orderBy('id')
    .limit(directorySuggestionLimit)
    .execute();
  return rows.map((r) => r.name);
}
