/**
 * The counts of an attendance list, computed, never typed: persons, NGO representatives, the
 * distinct organisations they represent (by directory id, else by the normalised name written on
 * the list), officials and guests — "22 przedstawicieli organizacji pozarządowych, reprezentujących
 * 20 podmiotów oraz trzech urzędników".
 */
import type { Kysely } from 'kysely';
import type { AttendeeRole, DB } from '../../platform/db/schema.js';
import { withoutDiacritics } from '../organizations/index.js';

/** Lower case, no diacritics (ł → l), punctuation and quotes as spaces, single spaces: "„Krokus”" = "krokus". */
export function foldName(text: string): string {
  return withoutDiacritics(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export interface AttendanceCounts {
  persons: number;
  ngoRepresentatives: number;
  organizations: number;
  officials: number;
  guests: number;
}

export function attendanceCounts(
  attendees: Array<{
    role: AttendeeRole;
    organization_id: number | null;
    organization_name: string | null;
    /** The directory's name of `organization_id`, so a free-text spelling of it is not counted twice. */
    directory_name?: string | null;
  }>,
): AttendanceCounts {
  const organizations = new Set<string>();
  const freeText = new Set<string>();
  const directoryNames = new Set<string>();
  let ngoRepresentatives = 0;
  let officials = 0;
  let guests = 0;
  for (const a of attendees) {
    if (a.role === 'official') officials += 1;
    else if (a.role === 'guest') guests += 1;
    else {
      ngoRepresentatives += 1;
      if (a.organization_id !== null) {
        organizations.add(String(a.organization_id));
        if (a.directory_name) directoryNames.add(foldName(a.directory_name));
      } else if (a.organization_name && foldName(a.organization_name)) freeText.add(foldName(a.organization_name));
    }
  }
  const unmatched = [...freeText].filter((name) => !directoryNames.has(name)).length;
  return { persons: attendees.length, ngoRepresentatives, organizations: organizations.size + unmatched, officials, guests };
}

/** The attendance list of a meeting as counting needs it (no names): role, organisation by id and as written, the directory's name. */
export function attendanceForCounting(db: Kysely<DB>, meetingId: number) {
  return db
    .selectFrom('meeting_attendees')
    .leftJoin('organizations', 'organizations.id', 'meeting_attendees.organization_id')
    .select([
      'meeting_attendees.role',
      'meeting_attendees.organization_id',
      'meeting_attendees.organization_name',
      'organizations.name as directory_name',
    ])
    .where('meeting_attendees.meeting_id', '=', meetingId)
    .execute();
}
