/** What every route of the meeting's working part needs first: the meeting named in the URL. */
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { formatDate, warsawParts } from '../../platform/i18n/format.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { findMeeting, type MeetingHead } from './meeting-minutes.repo.js';
import { ZMeetingParams } from './meeting-minutes.schema.js';

/** The meeting of `/spotkania/:id/…`, or undefined (an unknown or malformed id: the 404 page). */
export async function meetingOf(services: Services, request: FastifyRequest): Promise<MeetingHead | undefined> {
  const params = ZMeetingParams.safeParse(request.params);
  return params.success ? findMeeting(services.db, params.data.id) : undefined;
}

/** Today on the Warsaw wall clock (YYYY-MM-DD): remark periods end with the day they name. */
export function todayInWarsaw(now: Date = new Date()): string {
  return warsawParts(now).date;
}

/** A stored day (YYYY-MM-DD) for people: "31 lipca 2018". */
export function dayLabel(day: string, language: Language): string {
  return formatDate(new Date(`${day}T12:00:00Z`), language);
}
