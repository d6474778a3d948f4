/**
 * SQL of the meeting record. Registrations and the attendance list belong to other features
 * (meeting-registration); this module only reads them for what the meeting page shows: whether a
 * person is registered, the counts and the organisation names — never people's names.
 */
import type { Kysely, Selectable } from 'kysely';
import type { DB, MeetingAgendaItemsTable, MeetingAttachmentsTable, MeetingsTable } from '../../platform/db/schema.js';
import { attendanceCounts, attendanceForCounting } from '../meeting-registration/index.js';
import { withoutDiacritics } from '../organizations/index.js';

export type MeetingRecord = Selectable<MeetingsTable>;
export type AgendaItemRecord = Selectable<MeetingAgendaItemsTable>;
export type AttachmentRecord = Selectable<MeetingAttachmentsTable>;

export function findMeeting(db: Kysely<DB>, id: number): Promise<MeetingRecord | undefined> {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function agendaOf(db: Kysely<DB>, meetingId: number): Promise<AgendaItemRecord[]> {
  return db
    .selectFrom('meeting_agenda_items')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function attachmentsOf(db: Kysely<DB>, meetingId: number): Promise<AttachmentRecord[]> {
  return db
    .selectFrom('meeting_attachments')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** Whether the person holds a live registration (registered or on the waitlist) for the meeting. */
export async function isRegistered(db: Kysely<DB>, meetingId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('meeting_registrations')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .where('status', 'in', ['registered', 'waitlisted'])
    .executeTakeFirst();
  return row !== undefined;
}

/** The e-mail addresses (and preferred language) of everyone holding a live registration. */
export function liveRegistrants(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('meeting_registrations')
    .innerJoin('users', 'users.id', 'meeting_registrations.user_id')
    .select(['users.email', 'users.preferred_language'])
    .where('meeting_registrations.meeting_id', '=', meetingId)
    .where('meeting_registrations.status', 'in', ['registered', 'waitlisted'])
    .distinct()
    .orderBy('users.email')
    .execute();
}

export interface AttendanceSummary {
  ngo: number;
  officials: number;
  guests: number;
  /** Distinct organisations represented, in Polish order. */
  organisations: string[];
}

/** What the public may know about who came: counts by role and organisation names, no person. */
export async function attendanceSummary(db: Kysely<DB>, meetingId: number): Promise<AttendanceSummary> {
  const rows = await attendanceForCounting(db, meetingId);
  // The same counting rule as the attendance page and the protocol (features/meeting-registration).
  const counts = attendanceCounts(rows);
  const byFoldedName = new Map<string, string>();
  for (const row of rows) {
    const name = (row.role === 'ngo' ? (row.directory_name ?? row.organization_name ?? '') : '').trim();
    if (name && !byFoldedName.has(withoutDiacritics(name))) byFoldedName.set(withoutDiacritics(name), name);
  }
  return {
    ngo: counts.ngoRepresentatives,
    officials: counts.officials,
    guests: counts.guests,
    organisations: [...byFoldedName.values()].sort(new Intl.Collator('pl').compare),
  };
}

export async function hasPublishedMinutes(db: Kysely<DB>, meetingId: number): Promise<boolean> {
  const row = await db
    .selectFrom('meeting_minutes')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row !== undefined;
}

export interface MeetingListFilter {
  /** Officials see drafts and invitation-only meetings; others see published and cancelled public ones. */
  official: boolean;
  /** A signed-in person also sees the invitation-only meetings they are registered for. */
  userId: number | null;
  now: string;
}

function visible(db: Kysely<DB>, filter: MeetingListFilter) {
  let query = db.selectFrom('meetings');
  if (!filter.official) {
    query = query.where('status', 'in', ['published', 'cancelled']).where((eb) => {
      const userId = filter.userId;
      if (userId === null) return eb('visibility', '=', 'public');
      return eb.or([
        eb('visibility', '=', 'public'),
        eb(
          'id',
          'in',
          eb
            .selectFrom('meeting_registrations')
            .select('meeting_id')
            .where('user_id', '=', userId)
            .where('status', 'in', ['registered', 'waitlisted']),
        ),
      ]);
    });
  }
  return query;
}

/**
 * One page of the list: meetings that have not ended yet (soonest first), then past ones (latest
 * first), as one sequence split into pages.
 */
export async function listMeetings(
  db: Kysely<DB>,
  filter: MeetingListFilter,
  page: number,
  pageSize: number,
): Promise<{ upcoming: MeetingRecord[]; past: MeetingRecord[]; total: number }> {
  const countOf = async (upcoming: boolean) =>
    Number(
      (
        await visible(db, filter)
          .where('ends_at', upcoming ? '>=' : '<', filter.now)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [upcomingCount, pastCount] = await Promise.all([countOf(true), countOf(false)]);
  const offset = (page - 1) * pageSize;
  const upcoming =
    offset < upcomingCount
      ? await visible(db, filter)
          .selectAll()
          .where('ends_at', '>=', filter.now)
          .orderBy('starts_at', 'asc')
          .orderBy('id', 'asc')
          .limit(pageSize)
          .offset(offset)
          .execute()
      : [];
  const pastOffset = Math.max(0, offset - upcomingCount);
  const pastLimit = pageSize - upcoming.length;
  const past =
    pastLimit > 0
      ? await visible(db, filter)
          .selectAll()
          .where('ends_at', '<', filter.now)
          .orderBy('starts_at', 'desc')
          .orderBy('id', 'desc')
          .limit(pastLimit)
          .offset(pastOffset)
          .execute()
      : [];
  return { upcoming, past, total: upcomingCount + pastCount };
}

/** Published public meetings for the calendar feed (the newest 500, by start). */
export function publicCalendarMeetings(db: Kysely<DB>): Promise<MeetingRecord[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('status', 'in', ['published', 'cancelled'])
    .where('visibility', '=', 'public')
    .orderBy('starts_at', 'desc')
    .limit(500)
    .execute();
}
