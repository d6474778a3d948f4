/**
 * The reminder the day before, on SQLite and PostgreSQL: only registered (not waitlisted, not
 * cancelled) people of published meetings starting the next Warsaw day, once, with the iCal link.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { warsawToUtc } from '../../platform/i18n/format.js';
import { createServices, type Services } from '../../services.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test-support/databases.js';
import { createUser, testConfig } from '../../test-support/test-app.js';
import {
  meetingRemindersJob,
  meetingRemindersJobHandler,
  sendMeetingReminders,
  tomorrowInWarsaw,
} from './send-meeting-reminders.js';
import { seedMeeting } from './test-fixtures.js';

describe('tomorrowInWarsaw', () => {
  it('is the next Warsaw calendar day, across the daylight-saving change', () => {
    // 23:30 Warsaw on 24 October 2026 is 21:30 UTC; the next day has 25 hours (clocks go back).
    const { from, to } = tomorrowInWarsaw(new Date('2026-10-24T21:30:00Z'));
    assert.equal(from, '2026-10-24T22:00:00.000Z');
    assert.equal(to, '2026-10-25T23:00:00.000Z');
    // 00:30 Warsaw on 16 July 2018 is still 15 July in UTC.
    assert.equal(tomorrowInWarsaw(new Date('2018-07-15T22:30:00Z')).from, '2018-07-16T22:00:00.000Z');
  });
});

for (const engine of await testEngines()) {
  describe(`meeting reminders (${engine})`, () => {
    let database: TestDatabase;
    let services: Services;
    before(async () => {
      database = await createTestDatabase(engine);
      services = createServices(database.database, testConfig());
    });
    after(async () => database.drop());

    it('mails registered people of tomorrow’s meetings once, with the calendar link', async () => {
      const now = new Date('2026-07-15T07:00:00Z'); // 09:00 in Warsaw, 15 July
      const tomorrow = await seedMeeting(services.db, {
        starts_at: warsawToUtc('2026-07-16', '12:00').toISOString(),
        ends_at: warsawToUtc('2026-07-16', '15:00').toISOString(),
      });
      const lateTomorrow = await seedMeeting(services.db, {
        starts_at: warsawToUtc('2026-07-16', '23:30').toISOString(),
        ends_at: warsawToUtc('2026-07-17', '01:00').toISOString(),
      });
      const dayAfter = await seedMeeting(services.db, {
        starts_at: warsawToUtc('2026-07-17', '00:30').toISOString(),
        ends_at: warsawToUtc('2026-07-17', '02:00').toISOString(),
      });
      const cancelled = await seedMeeting(services.db, {
        status: 'cancelled',
        starts_at: warsawToUtc('2026-07-16', '10:00').toISOString(),
        ends_at: warsawToUtc('2026-07-16', '11:00').toISOString(),
      });
      const register = async (meetingId: number, email: string, status: 'registered' | 'waitlisted' | 'cancelled') =>
        services.db
          .insertInto('meeting_registrations')
          .values({ meeting_id: meetingId, user_id: await createUser(services, email), status, created_at: now.toISOString() })
          .execute();
      await register(tomorrow, 'zapisana@example.org', 'registered');
      await register(tomorrow, 'rezerwowa@example.org', 'waitlisted');
      await register(tomorrow, 'zrezygnowala@example.org', 'cancelled');
      await register(lateTomorrow, 'pozno@example.org', 'registered');
      await register(dayAfter, 'pojutrze@example.org', 'registered');
      await register(cancelled, 'odwolane@example.org', 'registered');

      assert.deepEqual(await sendMeetingReminders(services, now), { reminded: 2 });
      assert.deepEqual(await sendMeetingReminders(services, now), { reminded: 0 }, 'once');
      const mails = await services.db
        .selectFrom('mails')
        .select(['to_address', 'subject', 'body_text'])
        .orderBy('to_address')
        .execute();
      assert.deepEqual(
        mails.map((m) => m.to_address),
        ['pozno@example.org', 'zapisana@example.org'],
      );
      const mail = mails.find((m) => m.to_address === 'zapisana@example.org')!;
      assert.match(mail.subject, /Jutro spotkanie/);
      assert.match(mail.body_text, /16 lipca 2026.*12:00/);
      assert.ok(mail.body_text.includes(`http://localhost:3000/spotkania/${tomorrow}/kalendarz.ics`));
      const reminded = await services.db
        .selectFrom('meeting_registrations')
        .select('reminded_at')
        .where('reminded_at', 'is not', null)
        .execute();
      assert.equal(reminded.length, 2);
    });

    it('the job schedules its next run at 09:00 Warsaw before it sends', async () => {
      const now = new Date('2026-07-15T07:00:00Z');
      await services.db
        .insertInto('jobs')
        .values({
          kind: meetingRemindersJob,
          payload_json: '{}',
          status: 'running',
          attempts: 1,
          max_attempts: 1,
          run_at: now.toISOString(),
          created_at: now.toISOString(),
          recurring: 1,
        })
        .execute();
      const job = await services.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', meetingRemindersJob)
        .executeTakeFirstOrThrow();
      await meetingRemindersJobHandler(services, () => now)({}, job);
      const next = await services.db
        .selectFrom('jobs')
        .select('run_at')
        .where('kind', '=', meetingRemindersJob)
        .where('status', '=', 'pending')
        .executeTakeFirstOrThrow();
      assert.equal(next.run_at, '2026-07-16T07:00:00.000Z');
    });
  });
}
