/**
 * SQL of the meeting's working part: groups and their rounds, ideas, outcomes, minutes versions and
 * remarks. The meeting record, its agenda and its participants belong to other features; they are
 * read here directly (the tables are shared, the features are not).
 */
import type { Kysely } from 'kysely';
import type { DB, MinutesStatus, OutcomeKind } from '../../platform/db/schema.js';

export async function findMeeting(db: Kysely<DB>, id: number) {
  return db
    .selectFrom('meetings')
    .select(['id', 'title', 'topic', 'status', 'starts_at', 'ends_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type MeetingHead = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** The agenda in order ("Ad. 1" is the first item). */
export function agendaItems(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('meeting_agenda_items')
    .select(['id', 'position', 'title'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

// ------------------------------------------------------------------------------------------------
// Groups

export interface GroupWithRounds {
  id: number;
  position: number;
  name: string;
  host_name: string | null;
  host_affiliation: string | null;
  rounds: Array<{ round: number; topic: string }>;
}

export async function groupsOf(db: Kysely<DB>, meetingId: number): Promise<GroupWithRounds[]> {
  const groups = await db
    .selectFrom('meeting_groups')
    .select(['id', 'position', 'name', 'host_name', 'host_affiliation'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
  if (groups.length === 0) return [];
  const rounds = await db
    .selectFrom('meeting_group_rounds')
    .select(['group_id', 'round', 'topic'])
    .where(
      'group_id',
      'in',
      groups.map((g) => g.id),
    )
    .orderBy('round')
    .execute();
  return groups.map((g) => ({
    ...g,
    rounds: rounds.filter((r) => r.group_id === g.id).map((r) => ({ round: r.round, topic: r.topic })),
  }));
}

export function findGroup(db: Kysely<DB>, meetingId: number, groupId: number) {
  return db
    .selectFrom('meeting_groups')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('id', '=', groupId)
    .executeTakeFirst();
}

// ------------------------------------------------------------------------------------------------
// Outcomes

export interface OutcomeRow {
  id: number;
  kind: OutcomeKind;
  position: number;
  text: string;
  agenda_item_id: number | null;
  owner: string | null;
  due_on: string | null;
}

export function outcomesOf(db: Kysely<DB>, meetingId: number): Promise<OutcomeRow[]> {
  return db
    .selectFrom('meeting_outcomes')
    .select(['id', 'kind', 'position', 'text', 'agenda_item_id', 'owner', 'due_on'])
    .where('meeting_id', '=', meetingId)
    .orderBy('kind')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export function findOutcome(db: Kysely<DB>, meetingId: number, outcomeId: number) {
  return db
    .selectFrom('meeting_outcomes')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('id', '=', outcomeId)
    .executeTakeFirst();
}

/** The next position at the end of one kind's list. */
export async function nextOutcomePosition(db: Kysely<DB>, meetingId: number, kind: OutcomeKind): Promise<number> {
  const row = await db
    .selectFrom('meeting_outcomes')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('meeting_id', '=', meetingId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

// ------------------------------------------------------------------------------------------------
// Ideas

export interface IdeaFilters {
  groupId?: number | undefined;
  category?: string | undefined;
  status?: 'new' | 'merged' | 'promoted' | 'dismissed' | undefined;
}

export function ideasOf(db: Kysely<DB>, meetingId: number, filters: IdeaFilters = {}) {
  return db
    .selectFrom('meeting_ideas')
    .leftJoin('meeting_groups', 'meeting_groups.id', 'meeting_ideas.group_id')
    .select([
      'meeting_ideas.id',
      'meeting_ideas.group_id',
      'meeting_ideas.round',
      'meeting_ideas.text',
      'meeting_ideas.photo_key',
      'meeting_ideas.category',
      'meeting_ideas.status',
      'meeting_ideas.merged_into_id',
      'meeting_ideas.outcome_id',
      'meeting_ideas.created_at',
      'meeting_groups.name as group_name',
    ])
    .where('meeting_ideas.meeting_id', '=', meetingId)
    .$if(filters.groupId !== undefined, (qb) => qb.where('meeting_ideas.group_id', '=', filters.groupId!))
    .$if(filters.category !== undefined, (qb) => qb.where('meeting_ideas.category', '=', filters.category!))
    .$if(filters.status !== undefined, (qb) => qb.where('meeting_ideas.status', '=', filters.status!))
    .orderBy('meeting_ideas.id')
    .execute();
}

export function findIdea(db: Kysely<DB>, meetingId: number, ideaId: number) {
  return db
    .selectFrom('meeting_ideas')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('id', '=', ideaId)
    .executeTakeFirst();
}

export async function ideaCategories(db: Kysely<DB>, meetingId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('meeting_ideas')
    .select('category')
    .distinct()
    .where('meeting_id', '=', meetingId)
    .where('category', 'is not', null)
    .orderBy('category')
    .execute();
  return rows.map((r) => r.category!).filter((c) => c.length > 0);
}

// ------------------------------------------------------------------------------------------------
// Minutes

export interface MinutesItem {
  agendaItemId: number;
  text: string;
}

export function parseItems(json: string): MinutesItem[] {
  try {
    const value = JSON.parse(json) as unknown;
    if (!Array.isArray(value)) return [];
    return value.flatMap((v) =>
      v &&
      typeof v === 'object' &&
      typeof (v as MinutesItem).agendaItemId === 'number' &&
      typeof (v as MinutesItem).text === 'string'
        ? [{ agendaItemId: (v as MinutesItem).agendaItemId, text: (v as MinutesItem).text }]
        : [],
    );
  } catch {
    return [];
  }
}

/** The newest version: the current text and state of the minutes. */
export function currentMinutes(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('meeting_minutes')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export type MinutesRow = NonNullable<Awaited<ReturnType<typeof currentMinutes>>>;

export function minutesVersion(db: Kysely<DB>, meetingId: number, version: number) {
  return db
    .selectFrom('meeting_minutes')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export function minutesVersions(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('meeting_minutes')
    .leftJoin('users', 'users.id', 'meeting_minutes.created_by')
    .select(['meeting_minutes.version', 'meeting_minutes.status', 'meeting_minutes.created_at', 'users.display_name as author'])
    .where('meeting_minutes.meeting_id', '=', meetingId)
    .orderBy('meeting_minutes.version', 'desc')
    .execute();
}

/** The newest version in one of the given states (e.g. the published protocol). */
export function latestMinutesIn(db: Kysely<DB>, meetingId: number, statuses: MinutesStatus[]) {
  return db
    .selectFrom('meeting_minutes')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('status', 'in', statuses)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Every remark on any version of a meeting's minutes, oldest first. */
export function remarksOf(db: Kysely<DB>, meetingId: number, userId?: number) {
  return db
    .selectFrom('meeting_minutes_remarks')
    .innerJoin('meeting_minutes', 'meeting_minutes.id', 'meeting_minutes_remarks.minutes_id')
    .leftJoin('users', 'users.id', 'meeting_minutes_remarks.user_id')
    .select([
      'meeting_minutes_remarks.id',
      'meeting_minutes_remarks.user_id',
      'meeting_minutes_remarks.agenda_item_id',
      'meeting_minutes_remarks.text',
      'meeting_minutes_remarks.answer',
      'meeting_minutes_remarks.created_at',
      'meeting_minutes.version',
      'users.display_name as author',
    ])
    .where('meeting_minutes.meeting_id', '=', meetingId)
    .$if(userId !== undefined, (qb) => qb.where('meeting_minutes_remarks.user_id', '=', userId!))
    .orderBy('meeting_minutes_remarks.id')
    .execute();
}

/** Whether a person registered for the meeting (an active registration) or was checked in at it. */
export async function isParticipant(db: Kysely<DB>, meetingId: number, user: { id: number; email: string }): Promise<boolean> {
  const registered = await db
    .selectFrom('meeting_registrations')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', user.id)
    .where('status', '=', 'registered')
    .executeTakeFirst();
  if (registered) return true;
  const attended = await db
    .selectFrom('meeting_attendees')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where((eb) => eb.or([eb('user_id', '=', user.id), eb(eb.fn('lower', ['email']), '=', user.email.toLowerCase())]))
    .executeTakeFirst();
  return attended !== undefined;
}

/** Every address the circulated minutes go to: registered people and checked-in attendees with an e-mail, once each. */
export async function participantEmails(db: Kysely<DB>, meetingId: number): Promise<string[]> {
  const registered = await db
    .selectFrom('meeting_registrations')
    .innerJoin('users', 'users.id', 'meeting_registrations.user_id')
    .select('users.email')
    .where('meeting_registrations.meeting_id', '=', meetingId)
    .where('meeting_registrations.status', '=', 'registered')
    .execute();
  const attendees = await db
    .selectFrom('meeting_attendees')
    .leftJoin('users', 'users.id', 'meeting_attendees.user_id')
    .select(['meeting_attendees.email', 'users.email as user_email'])
    .where('meeting_attendees.meeting_id', '=', meetingId)
    .execute();
  const all = [...registered.map((r) => r.email), ...attendees.map((a) => a.email ?? a.user_email)];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const email of all) {
    if (!email) continue;
    const key = email.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(email.trim());
  }
  return out.sort();
}
