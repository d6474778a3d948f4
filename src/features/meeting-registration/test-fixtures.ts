/**
 * Test data for this feature's tests: meetings written straight into the table (the meeting
 * editor belongs to features/meetings), verified organisations and memberships.
 */
import type { Kysely } from 'kysely';
import type { DB, MeetingsTable } from '../../platform/db/schema.js';
import type { Insertable } from 'kysely';
import { foldName } from './attendance-counts.js';

export async function seedMeeting(db: Kysely<DB>, overrides: Partial<Insertable<MeetingsTable>> = {}): Promise<number> {
  const now = new Date();
  const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
  const row = await db
    .insertInto('meetings')
    .values({
      status: 'published',
      title: 'Protokół ze spotkania roboczego',
      topic: 'Wypracowanie rocznego programu współpracy',
      starts_at: inDays(10),
      ends_at: inDays(10.125),
      place: 'Park Jonstona',
      host_name: 'Anna Szymańska',
      organiser: 'Biuro Pełnomocnika',
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function seedOrganization(db: Kysely<DB>, name: string, slug: string): Promise<number> {
  const row = await db
    .insertInto('organizations')
    .values({
      name,
      slug,
      status: 'verified',
      name_sort_key: slug,
      search_name: foldName(name),
      search_text: '',
      created_at: new Date().toISOString(),
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addMember(db: Kysely<DB>, organizationId: number, userId: number): Promise<void> {
  await db
    .insertInto('organization_members')
    .values({ organization_id: organizationId, user_id: userId, role: 'member', joined_at: new Date().toISOString() })
    .execute();
}
