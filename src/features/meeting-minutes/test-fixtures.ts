/** Test data for this feature's tests: a meeting like the seed's (16 July 2018, four agenda items). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';

export const seedAgenda = [
  'Rozpoczęcie, krótka prezentacja Organizacji Pozarządowych biorących udział w spotkaniu.',
  'Praca w grupach',
  'Formy współpracy pozafinansowej – dyskusja',
  'Podsumowanie spotkania',
];

export async function insertMeeting(db: Kysely<DB>): Promise<{ id: number; agenda: number[] }> {
  const now = new Date().toISOString();
  const meeting = await db
    .insertInto('meetings')
    .values({
      status: 'published',
      title: 'Protokół ze spotkania roboczego z przedstawicielami organizacji pozarządowych',
      topic: 'Wypracowanie rocznego programu współpracy na rok 2019',
      starts_at: '2018-07-16T10:00:00.000Z',
      ends_at: '2018-07-16T13:00:00.000Z',
      place: 'Park Jonstona',
      host_name: 'Anna Szymańska',
      organiser: 'Biuro Pełnomocnika do spraw Współpracy z Organizacjami Pozarządowymi',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agenda: number[] = [];
  for (const [i, title] of seedAgenda.entries()) {
    const row = await db
      .insertInto('meeting_agenda_items')
      .values({ meeting_id: meeting.id, position: i + 1, title })
      .returning('id')
      .executeTakeFirstOrThrow();
    agenda.push(row.id);
  }
  return { id: meeting.id, agenda };
}

/** A registration (status registered) of a user for a meeting. */
export async function register(db: Kysely<DB>, meetingId: number, userId: number): Promise<void> {
  await db
    .insertInto('meeting_registrations')
    .values({ meeting_id: meetingId, user_id: userId, status: 'registered', created_at: new Date().toISOString() })
    .execute();
}

/** A checked-in attendee (a walk-in: no registration), optionally linked to a user. */
export async function checkIn(
  db: Kysely<DB>,
  meetingId: number,
  attendee: { fullName: string; email: string | null; userId?: number },
): Promise<void> {
  await db
    .insertInto('meeting_attendees')
    .values({
      meeting_id: meetingId,
      user_id: attendee.userId ?? null,
      full_name: attendee.fullName,
      role: 'ngo',
      email: attendee.email,
      checked_in_at: new Date().toISOString(),
    })
    .execute();
}

/** A Warsaw day (YYYY-MM-DD) some days from now. */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
