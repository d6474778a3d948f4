/**
 * iCalendar (RFC 5545) for meetings, written by hand — it is small: TEXT values escaped (§3.3.11),
 * content lines folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF line ends,
 * times in UTC, a UID stable per meeting (`meeting-<id>@<host>`), STATUS:CANCELLED for cancelled
 * meetings and SEQUENCE from the record's version so calendars replace an older copy.
 *
 * DESIGN.md names ical-generator; issue #4 asked for this small writer instead: one event shape,
 * no dependency, and output pinned byte for byte by golden tests (ical.test.ts). Times are UTC
 * (DTSTART/DTEND with Z), which every client converts to its own zone — no VTIMEZONE needed.
 */
import type { MeetingRecord } from './meetings.repo.js';

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control characters. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  );
}

/** Folds one content line: at most 75 octets per physical line, continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** 2018-07-16T10:00:00.000Z → 20180716T100000Z */
export function utcStamp(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

export interface CalendarOptions {
  /** The site's base URL (BASE_URL): links and the UID's host. */
  baseUrl: string;
  /** When this copy of the calendar was made (DTSTAMP). */
  stamp: Date;
  /** The calendar's name (X-WR-CALNAME), for a feed. */
  name?: string;
  /** Agenda titles per meeting id, added to the description. */
  agenda?: Map<number, string[]>;
}

type CalendarMeeting = Pick<
  MeetingRecord,
  'id' | 'status' | 'topic' | 'goal_md' | 'starts_at' | 'ends_at' | 'place' | 'online_url' | 'updated_at' | 'version'
>;

function eventLines(meeting: CalendarMeeting, options: CalendarOptions): string[] {
  const host = new URL(options.baseUrl).host;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/spotkania/${meeting.id}`;
  const agenda = options.agenda?.get(meeting.id) ?? [];
  const description = [
    meeting.goal_md ?? '',
    agenda.length ? `Program spotkania:\n${agenda.map((title, i) => `${i + 1}. ${title}`).join('\n')}` : '',
    url,
  ]
    .filter((part) => part.trim().length > 0)
    .join('\n\n');
  const location = [meeting.place, meeting.online_url].filter(Boolean).join(', ');
  const status = meeting.status === 'cancelled' ? 'CANCELLED' : meeting.status === 'draft' ? 'TENTATIVE' : 'CONFIRMED';
  return [
    'BEGIN:VEVENT',
    `UID:meeting-${meeting.id}@${host}`,
    `DTSTAMP:${utcStamp(options.stamp)}`,
    `LAST-MODIFIED:${utcStamp(meeting.updated_at)}`,
    `SEQUENCE:${meeting.version}`,
    `DTSTART:${utcStamp(meeting.starts_at)}`,
    `DTEND:${utcStamp(meeting.ends_at)}`,
    `SUMMARY:${escapeText(meeting.topic)}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${url}`,
    `STATUS:${status}`,
    'END:VEVENT',
  ];
}

/** A whole VCALENDAR with one event per meeting, folded, CRLF-terminated. */
export function meetingsCalendar(meetings: CalendarMeeting[], options: CalendarOptions): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wspolnie//Spotkania//PL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${escapeText(options.name)}`] : []),
    ...meetings.flatMap((meeting) => eventLines(meeting, options)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
