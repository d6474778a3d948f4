/**
 * Closing a consultation on both engines, under concurrency: two officials closing at once close it
 * once (one audit entry, the version moved once); a submission entered while the closing runs is
 * either refused by the closing or makes the closing refuse — never a closed consultation with an
 * unanswered submission. Answers to a closed consultation are refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser, type TestApp } from '../../test-support/test-app.js';
import { createTestConsultation } from '../consultation/test-fixtures.js';
import { answerSubmission } from './answer-submission.js';
import { closeConsultation } from './close-consultation.js';
import { insertComment } from './test-fixtures.js';

for (const engine of await testEngines()) {
  describe(`closing a consultation on ${engine}`, () => {
    let t: TestApp;
    let officialId: number;

    before(async () => {
      t = await createTestApp({ engine, clock: () => new Date('2026-10-20T10:00:00Z') });
      officialId = await createUser(t.services, `zamyka-${engine}@example.org`, ['official']);
    });
    after(async () => t.close());

    async function answeredConsultation() {
      const c = await createTestConsultation(t.services, { startsOn: '2026-10-01', endsOn: '2026-10-14' });
      const id = await insertComment(t.services, c.consultationId, 'scope', 'Nowy zakres');
      const answered = await answerSubmission(
        t.services,
        officialId,
        { consultationId: c.consultationId, submissionId: id },
        { decision: 'rejected', answer: 'Zakres wynika z ustawy.', version: 1 },
      );
      assert.deepEqual(answered, { ok: true, changed: true });
      return { ...c, submissionId: id };
    }

    const statusOf = async (consultationId: number) =>
      (
        await t.services.db
          .selectFrom('consultations')
          .select(['status', 'version'])
          .where('id', '=', consultationId)
          .executeTakeFirstOrThrow()
      ).status;

    it('two officials closing at once close it once', async () => {
      const c = await answeredConsultation();
      const results = await Promise.all(
        [1, 2].map(() => closeConsultation(t.services, officialId, c.consultationId, { conclusion: 'Koniec.', version: 1 })),
      );
      assert.equal(results.filter((r) => r.ok).length, 1, JSON.stringify(results));
      assert.equal(await statusOf(c.consultationId), 'closed');
      const audits = await t.services.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'consultation.closed')
        .where('subject_id', '=', String(c.consultationId))
        .execute();
      assert.equal(audits.length, 1);
      const moved = await t.services.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'programme.after-consultation')
        .where('before_json', 'like', `%"versionId":${c.versionId},%`)
        .execute();
      assert.equal(moved.length, 1);
      const again = await answerSubmission(
        t.services,
        officialId,
        { consultationId: c.consultationId, submissionId: c.submissionId },
        { decision: 'accepted', answer: 'Jednak tak.', version: 2 },
      );
      assert.deepEqual(again, { ok: false, reason: 'closed' });
    });

    it('a submission entered during the closing never leaves a closed consultation with an unanswered submission', async () => {
      for (let round = 0; round < 8; round++) {
        const c = await answeredConsultation();
        // An official enters a paper submission: the receipt counter is taken on the consultation's row
        // (as sending does), and only while the consultation is not closed.
        const enter = t.services.db.transaction().execute(async (trx) => {
          const row = await trx
            .updateTable('consultations')
            .set((eb) => ({ receipt_counter: eb('receipt_counter', '+', 1) }))
            .where('id', '=', c.consultationId)
            .where('status', '=', 'announced')
            .returning('receipt_counter')
            .executeTakeFirst();
          if (!row) return;
          const at = new Date().toISOString();
          await trx
            .insertInto('consultation_submissions')
            .values({
              consultation_id: c.consultationId,
              kind: 'comment',
              status: 'sent',
              channel: 'paper',
              submitter_kind: 'resident',
              submitter_name: 'Jan Kowalski',
              provision_key: 'scope',
              provision_label: 'Rozdział 3',
              current_wording: 'x',
              proposed_wording: 'y',
              sequence: row.receipt_counter,
              receipt_number: `R/${c.consultationId}/${row.receipt_counter}`,
              sent_at: at,
              created_at: at,
              updated_at: at,
            })
            .execute();
        });
        const [closed] = await Promise.all([
          closeConsultation(t.services, officialId, c.consultationId, { conclusion: 'Koniec.', version: 1 }),
          enter,
        ]);
        const unanswered = await t.services.db
          .selectFrom('consultation_submissions')
          .select('id')
          .where('consultation_id', '=', c.consultationId)
          .where('decision', 'is', null)
          .execute();
        const status = await statusOf(c.consultationId);
        if (status === 'closed') {
          assert.ok(closed.ok);
          assert.equal(unanswered.length, 0, `round ${round}: closed with an unanswered submission`);
        } else {
          assert.deepEqual(closed, { ok: false, reason: 'unanswered', unanswered: 1 }, `round ${round}`);
          assert.equal(unanswered.length, 1, `round ${round}: the paper submission was stored`);
        }
      }
    });
  });
}
