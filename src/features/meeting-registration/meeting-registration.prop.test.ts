/**
 * The registration and attendance forms under hostile input, on a real meeting (the app-wide
 * property test only reaches them with a meeting that does not exist): never a 5xx, a Polish page,
 * and a refused submission writes nothing — no registration, attendee, mail or audit entry.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  assertWellFormedAnswer,
  checkProperty,
  formStatuses,
  hostileField,
  hostileForm,
  submit,
} from '../../test-support/hostile-input.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { addMember, seedMeeting, seedOrganization } from './test-fixtures.js';

describe('meeting registration forms under hostile input', () => {
  let t: TestApp;
  let member: TestClient;
  let official: TestClient;
  let meeting: number;
  let organisation: number;

  const counts = async () => {
    const n = async (table: 'meeting_registrations' | 'meeting_attendees' | 'mails' | 'audit_log') =>
      Number(
        (
          await t.services.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return [await n('meeting_registrations'), await n('meeting_attendees'), await n('mails'), await n('audit_log')];
  };

  before(async () => {
    t = await createTestApp();
    organisation = await seedOrganization(t.services.db, 'Fundacja Testowa', 'fundacja-testowa');
    meeting = await seedMeeting(t.services.db, { capacity: 1, guests_allowed: 1 });
    await addMember(t.services.db, organisation, await createUser(t.services, 'czlonek@example.org'));
    await createUser(t.services, 'urzednik@example.org', ['official']);
    member = t.client();
    official = t.client();
    await signInClient(member, 'czlonek@example.org');
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  it('registration: hostile choices and accessibility needs', async () => {
    const organization = fc.oneof(fc.constantFrom(String(organisation), 'guest', '0', '99999999999'), hostileField());
    await checkProperty(hostileForm(['organization', 'accessibilityNeeds'], { organization }), async (input) => {
      await member.get(`/spotkania/${meeting}/zapisy`);
      const before = await counts();
      const response = await submit(t, member, `/spotkania/${meeting}/zapisy`, input);
      assertWellFormedAnswer(response, formStatuses);
      if (response.status >= 400) assert.deepEqual(await counts(), before, `refused (${response.status}) but wrote rows`);
      if (response.status === 303) {
        await member.get(`/spotkania/${meeting}/zapisy`);
        assert.equal((await member.post(`/spotkania/${meeting}/zapisy/rezygnacja`, {})).status, 303);
      }
    });
  });

  it('attendance: hostile actions, ids and walk-ins', async () => {
    const action = fc.oneof(fc.constantFrom('walk-in', 'check-in', 'undo'), hostileField());
    const role = fc.oneof(fc.constantFrom('ngo', 'official', 'guest'), hostileField());
    const fields = ['action', 'registration', 'attendee', 'fullName', 'role', 'organization', 'email'];
    await checkProperty(hostileForm(fields, { action, role }), async (input) => {
      await official.get(`/spotkania/${meeting}/obecnosc`);
      const before = await counts();
      const response = await submit(t, official, `/spotkania/${meeting}/obecnosc`, input);
      assertWellFormedAnswer(response, formStatuses);
      if (response.status >= 400) assert.deepEqual(await counts(), before, `refused (${response.status}) but wrote rows`);
    });
  });

  it('officials registering a person: hostile e-mails and organisation names', async () => {
    const email = fc.oneof(fc.constantFrom('czlonek@example.org', 'urzednik@example.org', 'nikt@example.org'), hostileField());
    const organization = fc.oneof(fc.constantFrom('', 'Fundacja Testowa', 'fundacja testowa'), hostileField());
    await checkProperty(hostileForm(['email', 'organization', 'accessibilityNeeds'], { email, organization }), async (input) => {
      await official.get(`/spotkania/${meeting}/zgloszenia`);
      const before = await counts();
      const response = await submit(t, official, `/spotkania/${meeting}/zgloszenia`, input);
      assertWellFormedAnswer(response, formStatuses);
      if (response.status >= 400) assert.deepEqual(await counts(), before, `refused (${response.status}) but wrote rows`);
      // Free the place again, so later runs are not all refusals of a repeated registration.
      await t.services.db
        .updateTable('meeting_registrations')
        .set({ status: 'cancelled' })
        .where('meeting_id', '=', meeting)
        .execute();
    });
  });
});
