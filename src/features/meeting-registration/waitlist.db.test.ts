/**
 * Capacity and the waitlist under concurrency, on SQLite and PostgreSQL: simultaneous registrations
 * never exceed the capacity, and simultaneous cancellations each promote exactly one waitlisted
 * registration, in the order of the waitlist.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AuthenticatedUser } from '../../platform/auth/sessions.js';
import { createServices, type Services } from '../../services.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../../test-support/databases.js';
import { createUser, testConfig } from '../../test-support/test-app.js';
import { systemActor } from '../../platform/audit/audit.js';
import { cancelRegistration, fillFreedPlaces } from './cancel-registration.js';
import { registerForMeeting } from './register-for-meeting.js';
import { seedMeeting } from './test-fixtures.js';

const person = (id: number, email: string): AuthenticatedUser => ({
  id,
  email,
  displayName: email,
  roles: [],
  sessionId: 0,
  preferredLanguage: null,
  organizations: [],
  actingOrganizationId: null,
});

for (const engine of await testEngines()) {
  describe(`waitlist under concurrency (${engine})`, () => {
    let database: TestDatabase;
    let services: Services;
    before(async () => {
      database = await createTestDatabase(engine);
      services = createServices(database.database, testConfig());
    });
    after(async () => database.drop());

    async function people(prefix: string, n: number) {
      const list: AuthenticatedUser[] = [];
      for (let i = 0; i < n; i++) {
        const email = `${prefix}${i}@example.org`;
        list.push(person(await createUser(services, email), email));
      }
      return list;
    }

    const statuses = async (meetingId: number) =>
      services.db
        .selectFrom('meeting_registrations')
        .select(['user_id', 'status'])
        .where('meeting_id', '=', meetingId)
        .orderBy('id')
        .execute();

    it('simultaneous registrations fill the capacity exactly and queue the rest', async () => {
      const meeting = await seedMeeting(services.db, { capacity: 3, guests_allowed: 1 });
      const crowd = await people('tlum', 10);
      const results = await Promise.all(
        crowd.map((p) => registerForMeeting(services, p, meeting, { organizationId: null, accessibilityNeeds: '' }, 'pl')),
      );
      assert.ok(results.every((r) => r.ok));
      assert.equal(results.filter((r) => r.ok && r.status === 'registered').length, 3);
      const places = results.flatMap((r) => (r.ok && r.status === 'waitlisted' ? [r.place] : [])).sort((a, b) => a - b);
      assert.deepEqual(places, [1, 2, 3, 4, 5, 6, 7]);
      const rows = await statuses(meeting);
      assert.equal(rows.filter((r) => r.status === 'registered').length, 3);
      // The same person twice at once: one registration (the partial unique index).
      const twice = await Promise.all([
        registerForMeeting(services, crowd[0]!, meeting, { organizationId: null, accessibilityNeeds: '' }, 'pl'),
        registerForMeeting(services, crowd[0]!, meeting, { organizationId: null, accessibilityNeeds: '' }, 'pl'),
      ]);
      assert.ok(twice.every((r) => !r.ok));
      assert.equal((await statuses(meeting)).length, 10);
    });

    it('two simultaneous cancellations promote the first two waitlisted, once each, and mail them', async () => {
      const meeting = await seedMeeting(services.db, { capacity: 2, guests_allowed: 1 });
      const [a, b, c, d, e] = await people('odwolanie', 5);
      for (const p of [a, b, c, d, e]) {
        await registerForMeeting(services, p!, meeting, { organizationId: null, accessibilityNeeds: '' }, 'pl');
        await new Promise((r) => setTimeout(r, 2)); // distinct created_at: the waitlist order is by time
      }
      const results = await Promise.all([
        cancelRegistration(services, a!.id, meeting),
        cancelRegistration(services, b!.id, meeting),
        cancelRegistration(services, a!.id, meeting), // a double click: nothing more to cancel
      ]);
      assert.equal(results.filter((r) => r.ok).length, 2);
      assert.equal(
        results.reduce((sum, r) => sum + (r.ok ? r.promoted : 0), 0),
        2,
      );
      const rows = await statuses(meeting);
      assert.deepEqual(
        rows.map((r) => r.status),
        ['cancelled', 'cancelled', 'registered', 'registered', 'waitlisted'],
      );
      const promotedMails = await services.db
        .selectFrom('mails')
        .select('to_address')
        .where('subject', 'like', 'Zwolniło się miejsce%')
        .orderBy('to_address')
        .execute();
      assert.deepEqual(
        promotedMails.map((m) => m.to_address),
        [c!.email, d!.email].sort(),
      );
    });

    it('raising the capacity moves the waitlist up, in its order', async () => {
      const meeting = await seedMeeting(services.db, { capacity: 1, guests_allowed: 1 });
      const [a, b, c] = await people('pojemnosc', 3);
      for (const p of [a, b, c]) {
        await registerForMeeting(services, p!, meeting, { organizationId: null, accessibilityNeeds: '' }, 'pl');
        await new Promise((r) => setTimeout(r, 2));
      }
      assert.equal(await fillFreedPlaces(services, meeting, systemActor), 0, 'no free place yet');
      await services.db.updateTable('meetings').set({ capacity: 2 }).where('id', '=', meeting).execute();
      assert.equal(await fillFreedPlaces(services, meeting, systemActor), 1);
      assert.deepEqual(
        (await statuses(meeting)).map((r) => r.status),
        ['registered', 'registered', 'waitlisted'],
      );
    });

    it('nothing is withdrawn or promoted once the meeting has begun', async () => {
      const meeting = await seedMeeting(services.db, { capacity: 1, guests_allowed: 1 });
      const [a, b] = await people('po-starcie', 2);
      for (const p of [a, b]) {
        await registerForMeeting(services, p!, meeting, { organizationId: null, accessibilityNeeds: '' }, 'pl');
      }
      const started = new Date(Date.now() + 11 * 86_400_000); // the fixture's meeting starts in 10 days
      assert.deepEqual(await cancelRegistration(services, a!.id, meeting, started), { ok: false, reason: 'started' });
      assert.equal(await fillFreedPlaces(services, meeting, systemActor, started), 0);
      assert.deepEqual(
        (await statuses(meeting)).map((r) => r.status),
        ['registered', 'waitlisted'],
      );
    });
  });
}
