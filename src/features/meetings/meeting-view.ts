/**
 * View-model helpers for meetings, shared with the other meeting features through `index.ts`: the
 * header facts in the protocol's order (Temat, Data, Godzina, Miejsce, Prowadzący, Organizator) on
 * the Europe/Warsaw wall clock, status labels and whether registration is open.
 */
import type { Language } from '../../platform/i18n/i18n.js';
import { formatDate, warsawParts } from '../../platform/i18n/format.js';
import type { MeetingStatus } from '../../platform/db/schema.js';
import type { MeetingRecord } from './meetings.repo.js';

type MeetingTimes = Pick<MeetingRecord, 'starts_at' | 'ends_at'>;

/** "16 lipca 2018" and "12:00–15:00" (Warsaw). */
export function meetingWhen(meeting: MeetingTimes, language: Language): { date: string; time: string } {
  const start = warsawParts(new Date(meeting.starts_at));
  const end = warsawParts(new Date(meeting.ends_at));
  const sameDay = start.date === end.date;
  return {
    date: formatDate(meeting.starts_at, language),
    time: `${start.time.slice(0, 5)}–${sameDay ? '' : `${formatDate(meeting.ends_at, language)}, `}${end.time.slice(0, 5)}`,
  };
}

/** "16.07.2018" — the compact date of the protocol and of the attendance list's title. */
export function meetingDateShort(meeting: Pick<MeetingRecord, 'starts_at'>): string {
  const [year, month, day] = warsawParts(new Date(meeting.starts_at)).date.split('-');
  return `${day}.${month}.${year}`;
}

/** The attendance list attachment's default title, as in the seed protocol. */
export function attendanceListTitle(meeting: Pick<MeetingRecord, 'starts_at'>): string {
  return `Lista obecności na spotkaniu w dniu ${meetingDateShort(meeting)} r.`;
}

export interface MeetingHeaderFact {
  /** i18n key of the label (meetings.header.*). */
  key: 'topic' | 'date' | 'time' | 'place' | 'host' | 'organiser';
  value: string;
  /** The online link, when the meeting has one. */
  href?: string;
  /** A short text for the link (its host), so a long address never widens a narrow screen. */
  linkHost?: string;
}

/** The header facts in the seed protocol's order; the place line holds the place and/or the link. */
export function meetingHeader(meeting: MeetingRecord, language: Language): MeetingHeaderFact[] {
  const when = meetingWhen(meeting, language);
  const facts: MeetingHeaderFact[] = [
    { key: 'topic', value: meeting.topic },
    { key: 'date', value: when.date },
    { key: 'time', value: when.time },
  ];
  if (meeting.place) facts.push({ key: 'place', value: meeting.place });
  if (meeting.online_url) {
    let host = meeting.online_url;
    try {
      host = new URL(meeting.online_url).host;
    } catch {
      // Stored links were checked when typed; an unparsable one is shown as it is.
    }
    facts.push({ key: 'place', value: meeting.online_url, href: meeting.online_url, linkHost: host });
  }
  facts.push(
    { key: 'host', value: meeting.host_function ? `${meeting.host_name} (${meeting.host_function})` : meeting.host_name },
    { key: 'organiser', value: meeting.organiser },
  );
  return facts;
}

export const statusColours: Record<MeetingStatus, 'grey' | 'green' | 'red'> = {
  draft: 'grey',
  published: 'green',
  cancelled: 'red',
};

/** Registration is open while the meeting is published and its deadline (or else its start) is ahead. */
export function registrationOpen(
  meeting: Pick<MeetingRecord, 'status' | 'starts_at' | 'registration_deadline'>,
  now: Date = new Date(),
): boolean {
  if (meeting.status !== 'published') return false;
  const closes = meeting.registration_deadline ?? meeting.starts_at;
  return now.getTime() < new Date(closes).getTime();
}

/** Whether the meeting has ended (its attendance and outcomes can then be shown). */
export function meetingEnded(meeting: Pick<MeetingRecord, 'ends_at'>, now: Date = new Date()): boolean {
  return new Date(meeting.ends_at).getTime() <= now.getTime();
}

/** The Warsaw date and times typed in the form, for a stored meeting (edit form). */
export function meetingFormTimes(meeting: MeetingRecord) {
  const start = warsawParts(new Date(meeting.starts_at));
  const end = warsawParts(new Date(meeting.ends_at));
  const deadline = meeting.registration_deadline ? warsawParts(new Date(meeting.registration_deadline)) : null;
  return {
    date: start.date,
    startTime: start.time.slice(0, 5),
    endTime: end.time.slice(0, 5),
    registrationDeadlineDate: deadline?.date ?? '',
    registrationDeadlineTime: deadline?.time.slice(0, 5) ?? '',
  };
}
