/**
 * The reminder the day before: a daily recurring job (`meetings.reminders`, 09:00 Europe/Warsaw)
 * mails everyone registered (not waitlisted) for a published meeting that starts the next Warsaw
 * calendar day, with the meeting's iCal link. Each registration is claimed by a conditional UPDATE
 * of `reminded_at`, so a person is reminded once, even if two runs overlap.
 */
import type { Services } from '../../services.js';
import { recordAudit, systemActor } from '../../platform/audit/audit.js';
import type { Job } from '../../platform/db/schema.js';
import { formatDateTime, warsawParts, warsawToUtc } from '../../platform/i18n/format.js';
import { isLanguage, translatorFor } from '../../platform/i18n/i18n.js';
import { ensureRecurringJob, nextWarsawTime, type JobHandler } from '../../platform/jobs/jobs.js';
import { queueMail } from '../../platform/mail/mail.js';

export const meetingRemindersJob = 'meetings.reminders';
export const meetingRemindersRunTime = '09:00';

/** The Warsaw calendar day after `now`, as [start, end) UTC instants. */
export function tomorrowInWarsaw(now: Date): { from: string; to: string } {
  const today = warsawParts(now).date;
  const day = (offset: number) => new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
  return { from: warsawToUtc(day(1), '00:00').toISOString(), to: warsawToUtc(day(2), '00:00').toISOString() };
}

export async function sendMeetingReminders(services: Services, now = new Date()): Promise<{ reminded: number }> {
  const { from, to } = tomorrowInWarsaw(now);
  const due = await services.db
    .selectFrom('meeting_registrations')
    .innerJoin('meetings', 'meetings.id', 'meeting_registrations.meeting_id')
    .innerJoin('users', 'users.id', 'meeting_registrations.user_id')
    .select([
      'meeting_registrations.id',
      'meetings.id as meeting_id',
      'meetings.topic',
      'meetings.starts_at',
      'meetings.place',
      'meetings.online_url',
      'users.email',
      'users.preferred_language',
    ])
    .where('meetings.status', '=', 'published')
    .where('meetings.starts_at', '>=', from)
    .where('meetings.starts_at', '<', to)
    .where('meeting_registrations.status', '=', 'registered')
    .where('meeting_registrations.reminded_at', 'is', null)
    .orderBy('meeting_registrations.id')
    .execute();
  let reminded = 0;
  for (const registration of due) {
    const sent = await services.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('meeting_registrations')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', registration.id)
        .where('status', '=', 'registered')
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const language = isLanguage(registration.preferred_language) ? registration.preferred_language : 'pl';
      const t = translatorFor(language);
      const params = {
        topic: registration.topic,
        when: formatDateTime(registration.starts_at, language),
        place: registration.place ?? registration.online_url ?? '—',
        link: `${services.config.baseUrl}/spotkania/${registration.meeting_id}`,
        calendarLink: `${services.config.baseUrl}/spotkania/${registration.meeting_id}/kalendarz.ics`,
      };
      await queueMail(trx, {
        to: registration.email,
        subject: t('meetingRegistration.mail.reminder.subject', params),
        text: t('meetingRegistration.mail.reminder.body', params),
      });
      await recordAudit(trx, {
        actor: systemActor,
        action: 'meeting.reminded',
        subjectType: 'meeting_registration',
        subjectId: registration.id,
        after: { reminded_at: now.toISOString() },
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return { reminded };
}

/** Schedules tomorrow's run first (a failure today never ends the chain), then sends today's reminders. */
export function meetingRemindersJobHandler(services: Services, clock: () => Date = () => new Date()): JobHandler {
  return async (_payload: unknown, job: Job) => {
    const now = clock();
    await ensureRecurringJob(services.db, meetingRemindersJob, nextWarsawTime(now, meetingRemindersRunTime), job);
    await sendMeetingReminders(services, now);
  };
}

/** Called by every instance at start: the first run, unless one is already scheduled. */
export function scheduleMeetingReminders(services: Services, now = new Date()): Promise<boolean> {
  return ensureRecurringJob(services.db, meetingRemindersJob, nextWarsawTime(now, meetingRemindersRunTime));
}
