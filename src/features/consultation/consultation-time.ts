/**
 * The consultation's period and time left as people read them, on the Warsaw calendar: "od 13
 * października 2026 r. do 25 października 2026 r. (do godz. 23:59)", "Zostało 5 dni",
 * "Konsultacje kończą się dziś o 23:59". Days are counted on the calendar, never as 24-hour
 * spans, so a day with 23 or 25 hours (daylight saving) is one day.
 */
import type { Language } from '../../platform/i18n/i18n.js';
import { formatDate, warsawParts } from '../../platform/i18n/format.js';
import { consultationPhase, periodDays, type ConsultationPhase } from './consultation-phase.js';
import type { ConsultationRecord } from './consultation.repo.js';

/** Today's date on the Warsaw calendar (YYYY-MM-DD). */
export function warsawToday(now: Date): string {
  return warsawParts(now).date;
}

/** A Warsaw date (YYYY-MM-DD) as "25 października 2026". */
export function formatWarsawDate(date: string, language: Language): string {
  // Noon UTC is the same calendar day in Warsaw whatever the season.
  return formatDate(`${date}T12:00:00Z`, language);
}

/**
 * The last day the council may adopt a programme starting in `yearFrom`: 30 November of the year
 * before (art. 5a ust. 1). A consultation ending on it or later leaves no time for the answers,
 * the report and the council's session.
 */
export function adoptionDeadline(yearFrom: number): string {
  return `${yearFrom - 1}-11-30`;
}

export function endsTooLateForAdoption(endsOn: string, yearFrom: number): boolean {
  return endsOn >= adoptionDeadline(yearFrom);
}

/** An i18n key with its parameters, translated by the view. */
export interface Phrase {
  key: string;
  params: Record<string, string | number>;
}

type Period = Pick<ConsultationRecord, 'status' | 'opens_at' | 'closes_at' | 'starts_on' | 'ends_on'>;

/** "od 13 października 2026 r. do 25 października 2026 r. (do godz. 23:59)" */
export function periodPhrase(c: Pick<ConsultationRecord, 'starts_on' | 'ends_on'>, language: Language): Phrase {
  return {
    key: 'consultation.period',
    params: { from: formatWarsawDate(c.starts_on, language), to: formatWarsawDate(c.ends_on, language) },
  };
}

/** What the page says about time: before, during (days left, counting today) and after the period. */
export function timeLeftPhrase(c: Period, now: Date, language: Language): { phase: ConsultationPhase; phrase: Phrase } {
  const phase = consultationPhase(c, now);
  const today = warsawToday(now);
  switch (phase) {
    case 'upcoming':
      return {
        phase,
        phrase: { key: 'consultation.timeLeft.startsOn', params: { date: formatWarsawDate(c.starts_on, language) } },
      };
    case 'open': {
      const days = periodDays(today, c.ends_on);
      if (days <= 1) return { phase, phrase: { key: 'consultation.timeLeft.endsToday', params: {} } };
      return {
        phase,
        phrase: { key: 'consultation.timeLeft.daysLeft', params: { count: days, date: formatWarsawDate(c.ends_on, language) } },
      };
    }
    default:
      return { phase, phrase: { key: 'consultation.timeLeft.ended', params: { date: formatWarsawDate(c.ends_on, language) } } };
  }
}
