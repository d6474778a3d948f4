/** The minutes' workflow through its use-cases on SQLite and PostgreSQL, including two saves of the same version at once. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser } from '../../test-support/test-app.js';
import { leaveRemark } from './leave-remark.js';
import { answerRemark, approveMinutes, circulateMinutes, publishMinutes, saveMinutes } from './minutes-workflow.js';
import { publishedMinutes } from './index.js';
import { checkIn, dayFromNow, insertMeeting, register } from './test-fixtures.js';

for (const engine of await testEngines()) {
  describe(`minutes workflow on ${engine}`, () => {
    it('draft → circulated → remark → answer → approved → published, with one of two concurrent saves refused', async () => {
      const t = await createTestApp({ engine });
      try {
        const { services } = t;
        const officialId = await createUser(services, 'urzednik@example.org', ['official']);
        const participantId = await createUser(services, 'uczestnik@example.org');
        const strangerId = await createUser(services, 'obcy@example.org');
        const meeting = await insertMeeting(services.db);
        await register(services.db, meeting.id, participantId);
        await checkIn(services.db, meeting.id, { fullName: 'Uczestnik', email: 'UCZESTNIK@example.org', userId: participantId });
        await checkIn(services.db, meeting.id, { fullName: 'Gość', email: 'gosc@example.org' });
        const input = (text: string, baseVersion: number) => ({
          baseVersion,
          items: meeting.agenda.map((agendaItemId) => ({ agendaItemId, text })),
          closing: 'Na tym spotkanie zakończono.',
          authorName: 'Aleksandra Michalska',
          authorPosition: 'Inspektor',
        });

        assert.deepEqual(await saveMinutes(services, officialId, meeting.id, input('Pierwsza', 0)), { ok: true, version: 1 });
        const both = await Promise.all([
          saveMinutes(services, officialId, meeting.id, input('A', 1)),
          saveMinutes(services, officialId, meeting.id, input('B', 1)),
        ]);
        assert.deepEqual(both.map((r) => (r.ok ? 'saved' : r.reason)).sort(), ['conflict', 'saved']);
        const versions = await services.db
          .selectFrom('meeting_minutes')
          .select('version')
          .where('meeting_id', '=', meeting.id)
          .execute();
        assert.deepEqual(versions.map((v) => v.version).sort(), [1, 2]);

        const circulated = await circulateMinutes(
          services,
          officialId,
          meeting.id,
          { version: 2, remarksUntil: dayFromNow(3) },
          'pl',
        );
        assert.ok(circulated.ok);
        assert.equal(circulated.recipients, 2, 'the participant once (registered and checked in), the guest once');
        const mails = await services.db
          .selectFrom('mails')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow();
        assert.equal(Number(mails.n), 2);

        const refused = await leaveRemark(services, { id: strangerId, email: 'obcy@example.org' }, meeting.id, { text: 'x' });
        assert.deepEqual(refused, { ok: false, reason: 'notParticipant' });
        const remark = await leaveRemark(services, { id: participantId, email: 'uczestnik@example.org' }, meeting.id, {
          agendaItemId: meeting.agenda[0],
          text: 'Proszę poprawić nazwisko.',
        });
        assert.ok(remark.ok);
        assert.equal(await answerRemark(services, officialId, meeting.id, remark.id, 'Poprawiono.'), true);

        assert.deepEqual(await approveMinutes(services, officialId, meeting.id, { version: 2, confirmEarly: false }), {
          ok: false,
          reason: 'needsConfirmation',
        });
        assert.deepEqual(await publishMinutes(services, officialId, meeting.id, { version: 2 }), {
          ok: false,
          reason: 'notAllowed',
        });
        assert.deepEqual(await approveMinutes(services, officialId, meeting.id, { version: 2, confirmEarly: true }), {
          ok: true,
          version: 2,
        });
        // After approval the period no longer accepts remarks.
        const late = await leaveRemark(services, { id: participantId, email: 'uczestnik@example.org' }, meeting.id, {
          text: 'Jeszcze jedno',
        });
        assert.deepEqual(late, { ok: false, reason: 'notCirculated', until: dayFromNow(3) });
        assert.deepEqual(await publishMinutes(services, officialId, meeting.id, { version: 1 }), {
          ok: false,
          reason: 'conflict',
        });
        assert.deepEqual(await publishMinutes(services, officialId, meeting.id, { version: 2 }), { ok: true, version: 2 });
        const published = await publishedMinutes(services.db, meeting.id);
        assert.equal(published?.status, 'published');
        assert.equal(published?.approved_by, officialId);

        const audit = await services.db
          .selectFrom('audit_log')
          .select('action')
          .where('subject_type', '=', 'meeting')
          .where('subject_id', '=', String(meeting.id))
          .orderBy('id')
          .execute();
        assert.deepEqual(
          audit.map((a) => a.action),
          [
            'meeting.minutes_saved',
            'meeting.minutes_saved',
            'meeting.minutes_circulated',
            'meeting.minutes_remarked',
            'meeting.minutes_remark_answered',
            'meeting.minutes_approved',
            'meeting.minutes_published',
          ],
        );
      } finally {
        await t.close();
      }
    });
  });
}
