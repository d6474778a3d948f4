/**
 * Dates and times for people: always the Europe/Warsaw wall clock, in the reader's language.
 * Deadlines typed as a Warsaw date and time are converted to UTC here (daylight saving included).
 */
import type { Language } from './i18n.js';

export const timeZone = 'Europe/Warsaw';

/** The earliest date `warsawToUtc` accepts: before 1900 the zone's history is not a useful deadline. */
export const warsawEarliestDate = '1900-01-01';

const locales: Record<Language, string> = { pl: 'pl-PL', en: 'en-GB' };

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = language + JSON.stringify(options);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locales[language], { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** "16 lipca 2018" */
export function formatDate(value: string | Date, language: Language): string {
  return formatter(language, { day: 'numeric', month: 'long', year: 'numeric' }).format(toDate(value));
}

/** "16 lipca 2018, 10:00" */
export function formatDateTime(value: string | Date, language: Language): string {
  return formatter(language, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(toDate(value));
}

/** "16.07.2018, 10:00:05" — compact, for tables and logs. */
export function formatDateTimeShort(value: string | Date, language: Language): string {
  return formatter(language, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).format(toDate(value));
}

/** The Warsaw wall-clock parts of an instant. */
export function warsawParts(value: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(value)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}

function offsetMinutesAt(instant: Date): number {
  const { date, time } = warsawParts(instant);
  const asUtc = Date.parse(`${date}T${time}Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a Warsaw wall-clock time. An ambiguous time (the repeated hour when clocks go
 * back) resolves to its first occurrence; a skipped time (clocks go forward) to the instant after.
 */
export function warsawToUtc(date: string, time: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time) || date < warsawEarliestDate) {
    throw new RangeError(`Invalid Warsaw date/time: ${date} ${time}`);
  }
  const wall = Date.parse(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  if (Number.isNaN(wall) || !new Date(wall).toISOString().startsWith(date))
    throw new RangeError(`Invalid Warsaw date/time: ${date} ${time}`);
  const candidates = [-180, -60, 0, 60, 180]
    .map((shift) => offsetMinutesAt(new Date(wall + shift * 60_000)))
    .filter((v, i, all) => all.indexOf(v) === i)
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => {
      const parts = warsawParts(new Date(instant));
      return Date.parse(`${parts.date}T${parts.time}Z`) === wall;
    })
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return new Date(candidates[0]);
  // Skipped by the spring change: read with the offset in force before the gap (02:30 → 03:30).
  return new Date(wall - offsetMinutesAt(new Date(wall - 3 * 3600_000)) * 60_000);
}
