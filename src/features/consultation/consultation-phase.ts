/**
 * Where a consultation stands at an instant. The stored status only knows `announced` or `closed`;
 * the rest follows from the period: before `opens_at` it is upcoming, until `closes_at` (exclusive,
 * the first instant after the end day in Warsaw) it is open, then it has ended and waits for the
 * officials' answers and closing.
 */
import { warsawToUtc } from '../../platform/i18n/format.js';
import type { ConsultationRecord } from './consultation.repo.js';

export type ConsultationPhase = 'upcoming' | 'open' | 'ended' | 'closed';

export function consultationPhase(
  c: Pick<ConsultationRecord, 'status' | 'opens_at' | 'closes_at'>,
  now: Date,
): ConsultationPhase {
  if (c.status === 'closed') return 'closed';
  const t = now.getTime();
  if (t < Date.parse(c.opens_at)) return 'upcoming';
  if (t < Date.parse(c.closes_at)) return 'open';
  return 'ended';
}

/** Whether a submission sent at `now` is on time: from the start day's first second to the end day's last, in Warsaw. */
export function acceptsSubmissions(c: Pick<ConsultationRecord, 'status' | 'opens_at' | 'closes_at'>, now: Date): boolean {
  return consultationPhase(c, now) === 'open';
}

/** The day after a Warsaw date (YYYY-MM-DD), on the calendar. */
export function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The stored instants of a Warsaw period: the first second of `startsOn` and the first second after `endsOn`. */
export function periodInstants(startsOn: string, endsOn: string): { opensAt: string; closesAt: string } {
  return {
    opensAt: warsawToUtc(startsOn, '00:00').toISOString(),
    closesAt: warsawToUtc(nextDay(endsOn), '00:00').toISOString(),
  };
}

/** Whole Warsaw calendar days in the period, both ends included (the minimum-length rule counts these). */
export function periodDays(startsOn: string, endsOn: string): number {
  return Math.round((Date.parse(`${endsOn}T12:00:00Z`) - Date.parse(`${startsOn}T12:00:00Z`)) / 86_400_000) + 1;
}
