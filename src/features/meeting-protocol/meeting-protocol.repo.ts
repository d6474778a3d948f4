/**
 * Reads the structured record a protocol is built from: the meeting, its agenda, the minutes
 * version to show, the outcomes, the attendance counts (never the names), the attachments.
 * SQL only; the shared meeting tables are read directly (they belong to issue #4's schema).
 */
import type { Kysely, Selectable } from 'kysely';
import type {
  DB,
  MeetingAgendaItemsTable,
  MeetingAttachmentsTable,
  MeetingMinutesTable,
  MeetingOutcomesTable,
  MeetingsTable,
} from '../../platform/db/schema.js';
import type { ParticipantCounts } from './participants.js';
import { attendanceCounts as countAttendance, attendanceForCounting } from '../meeting-registration/index.js';

export interface ProtocolRecord {
  meeting: Selectable<MeetingsTable>;
  agenda: Selectable<MeetingAgendaItemsTable>[];
  minutes: Selectable<MeetingMinutesTable> | null;
  outcomes: Selectable<MeetingOutcomesTable>[];
  attachments: Selectable<MeetingAttachmentsTable>[];
  counts: ParticipantCounts;
}

/**
 * The record of a meeting with the minutes version to show: with `drafts`, the newest version
 * whatever its status (officials' preview); without, the newest published one.
 */
export async function findProtocolRecord(
  db: Kysely<DB>,
  meetingId: number,
  options: { drafts: boolean },
): Promise<ProtocolRecord | null> {
  const meeting = await db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
  if (!meeting) return null;
  let minutesQuery = db.selectFrom('meeting_minutes').selectAll().where('meeting_id', '=', meetingId);
  if (!options.drafts) minutesQuery = minutesQuery.where('status', '=', 'published');
  const minutes = (await minutesQuery.orderBy('version', 'desc').limit(1).executeTakeFirst()) ?? null;
  const [agenda, outcomes, attachments, counts] = await Promise.all([
    db
      .selectFrom('meeting_agenda_items')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('meeting_outcomes')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('kind')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('meeting_attachments')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    attendanceCounts(db, meetingId),
  ]);
  return { meeting, agenda, minutes, outcomes, attachments, counts };
}

export async function attendanceCounts(db: Kysely<DB>, meetingId: number): Promise<ParticipantCounts> {
  const rows = await attendanceForCounting(db, meetingId);
  const { ngoRepresentatives, organizations, officials, guests } = countAttendance(rows);
  return { ngoRepresentatives, organizations, officials, guests };
}
