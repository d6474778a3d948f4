/**
 * The meeting record's SQL and use-cases on both engines: ids, counts (strings on PostgreSQL),
 * positions, optimistic locking, the list's order and visibility, and the public attendance summary.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, type TestApp } from '../../test-support/test-app.js';
import { testEngines } from '../../test-support/databases.js';
import { ZMeetingForm } from './meetings.schema.js';
import { createMeeting } from './create-meeting.js';
import { updateMeeting } from './update-meeting.js';
import { publishMeeting } from './publish-meeting.js';
import { cancelMeeting } from './cancel-meeting.js';
import { addAgendaItem, changeAgendaItem } from './manage-agenda.js';
import { agendaOf, attendanceSummary, listMeetings } from './meetings.repo.js';
import { meetingForm } from './test-fixtures.js';

const input = (overrides: Record<string, string> = {}) => ZMeetingForm.parse(meetingForm(overrides));

for (const engine of await testEngines()) {
  describe(`meetings on ${engine}`, () => {
    let t: TestApp;
    let officialId: number;

    before(async () => {
      t = await createTestApp({ engine });
      officialId = await createUser(t.services, `urzednik-${engine}@example.org`, ['official']);
    });
    after(async () => t.close());

    it('create → agenda → publish → edit with locking → cancel with mail', async () => {
      const id = await createMeeting(t.services, officialId, input());
      assert.equal(await publishMeeting(t.services, officialId, id, 1), 'noAgenda');
      for (const title of ['Jeden', 'Dwa', 'Trzy'])
        assert.equal(await addAgendaItem(t.services, officialId, id, { title, duration: '15' }), 'done');
      const items = await agendaOf(t.services.db, id);
      assert.deepEqual(
        items.map((i) => i.position),
        [1, 2, 3],
      );
      assert.equal(await changeAgendaItem(t.services, officialId, id, items[2]!.id, 'up'), 'done');
      assert.deepEqual(
        (await agendaOf(t.services.db, id)).map((i) => i.title),
        ['Jeden', 'Trzy', 'Dwa'],
      );

      assert.equal(await publishMeeting(t.services, officialId, id, 2), 'conflict');
      assert.equal(await publishMeeting(t.services, officialId, id, 1), 'published');
      assert.equal(await publishMeeting(t.services, officialId, id, 2), 'notDraft');

      const first = await updateMeeting(t.services, officialId, id, input({ place: 'Ratusz' }), 2);
      assert.deepEqual(first, { ok: true, changed: 1 });
      assert.deepEqual(await updateMeeting(t.services, officialId, id, input({ place: 'Inne' }), 2), {
        ok: false,
        reason: 'conflict',
      });

      const userId = await createUser(t.services, `zapisana-${engine}@example.org`);
      await t.services.db
        .insertInto('meeting_registrations')
        .values({ meeting_id: id, user_id: userId, status: 'registered', created_at: new Date().toISOString() })
        .execute();
      assert.deepEqual(await cancelMeeting(t.services, officialId, id, 3, ''), { ok: true, mailed: 1 });
      assert.deepEqual(await cancelMeeting(t.services, officialId, id, 4, ''), { ok: false, reason: 'notPublished' });
      assert.deepEqual(await updateMeeting(t.services, officialId, id, input(), 4), { ok: false, reason: 'cancelled' });
      const mails = await t.services.db.selectFrom('mails').selectAll().execute();
      assert.equal(mails.length, 1);
      assert.equal(mails[0]!.to_address, `zapisana-${engine}@example.org`);
      assert.match(mails[0]!.body_text, /16 lipca 2030, godz\. 12:00–15:00/);
    });

    it('lists upcoming (soonest first) before past (latest first), hiding drafts and invitations from the public', async () => {
      const now = '2030-01-01T00:00:00.000Z';
      const make = async (date: string, overrides: Record<string, string> = {}, publish = true) => {
        const id = await createMeeting(t.services, officialId, input({ date, topic: `Lista ${date}`, ...overrides }));
        if (publish) {
          await addAgendaItem(t.services, officialId, id, { title: 'Punkt', duration: '' });
          assert.equal(await publishMeeting(t.services, officialId, id, 1), 'published');
        }
        return id;
      };
      const past1 = await make('2029-05-01');
      const past2 = await make('2029-06-01');
      const soon = await make('2030-02-01');
      const later = await make('2030-03-01');
      const draft = await make('2030-02-15', {}, false);
      const invitation = await make('2030-02-20', { visibility: 'invitation' });
      const guestId = await createUser(t.services, `gosc-${engine}@example.org`);
      await t.services.db
        .insertInto('meeting_registrations')
        .values({ meeting_id: invitation, user_id: guestId, status: 'waitlisted', created_at: now })
        .execute();

      const ours = (ids: number[]) => (m: { id: number }) => ids.includes(m.id);
      const all = [past1, past2, soon, later, draft, invitation];
      const publicList = await listMeetings(t.services.db, { official: false, userId: null, now }, 1, 100);
      assert.deepEqual(
        publicList.upcoming.filter(ours(all)).map((m) => m.id),
        [soon, later],
      );
      assert.deepEqual(
        publicList.past.filter(ours(all)).map((m) => m.id),
        [past2, past1],
      );
      const guestList = await listMeetings(t.services.db, { official: false, userId: guestId, now }, 1, 100);
      assert.deepEqual(
        guestList.upcoming.filter(ours(all)).map((m) => m.id),
        [soon, invitation, later],
      );
      const officialList = await listMeetings(t.services.db, { official: true, userId: officialId, now }, 1, 100);
      assert.deepEqual(
        officialList.upcoming.filter(ours(all)).map((m) => m.id),
        [soon, draft, invitation, later],
      );
      assert.equal(typeof officialList.total, 'number');

      // Pages of two: the sequence continues from upcoming into past across the page boundary.
      const pages = [];
      for (let page = 1; page <= Math.ceil(publicList.total / 2); page++) {
        const result = await listMeetings(t.services.db, { official: false, userId: null, now }, page, 2);
        pages.push(...result.upcoming, ...result.past);
      }
      assert.deepEqual(
        pages.map((m) => m.id),
        [...publicList.upcoming, ...publicList.past].map((m) => m.id),
      );
    });

    it('summarises attendance as counts and organisation names', async () => {
      const id = await createMeeting(t.services, officialId, input({ date: '2018-07-16' }));
      const now = new Date().toISOString();
      await t.services.db
        .insertInto('meeting_attendees')
        .values([
          { meeting_id: id, full_name: 'A', role: 'ngo', organization_name: 'Krokus', checked_in_at: now },
          { meeting_id: id, full_name: 'B', role: 'ngo', organization_name: 'Alternatywa', checked_in_at: now },
          { meeting_id: id, full_name: 'C', role: 'ngo', organization_name: 'Krokus', checked_in_at: now },
          { meeting_id: id, full_name: 'D', role: 'official', checked_in_at: now },
          { meeting_id: id, full_name: 'E', role: 'guest', checked_in_at: now },
        ])
        .execute();
      assert.deepEqual(await attendanceSummary(t.services.db, id), {
        ngo: 3,
        officials: 1,
        guests: 1,
        organisations: ['Alternatywa', 'Krokus'],
      });
    });
    it('a larger capacity moves the waitlist up', async () => {
      const id = await createMeeting(t.services, officialId, input({ capacity: '1' }));
      await addAgendaItem(t.services, officialId, id, { title: 'Jedyny punkt', duration: '' });
      assert.equal(await publishMeeting(t.services, officialId, id, 1), 'published');
      const now = new Date().toISOString();
      for (const [i, status] of (['registered', 'waitlisted'] as const).entries()) {
        const userId = await createUser(t.services, `pojemnosc-${i}-${engine}@example.org`);
        await t.services.db
          .insertInto('meeting_registrations')
          .values({ meeting_id: id, user_id: userId, organization_id: null, status, created_at: now })
          .execute();
      }
      assert.deepEqual(await updateMeeting(t.services, officialId, id, input({ capacity: '2' }), 2), { ok: true, changed: 1 });
      const statuses = await t.services.db
        .selectFrom('meeting_registrations')
        .select('status')
        .where('meeting_id', '=', id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        statuses.map((r) => r.status),
        ['registered', 'registered'],
      );
    });
  });
}
