/**
 * Concurrent sending on both databases: many submissions sent at once in one consultation each get
 * one receipt, numbered 1…n without a gap or a repeat (the receipt counter's row lock serialises
 * them on PostgreSQL); the same draft sent twice at once gets exactly one receipt.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser } from '../../test-support/test-app.js';
import { findProvision } from '../programme/index.js';
import { saveSubmission } from './save-submission.js';
import { createTestConsultation, createTestOrganization, testSections } from './test-fixtures.js';

describe('sending submissions concurrently', async () => {
  for (const engine of await testEngines()) {
    it(`gives every submission one unique receipt number, in sequence (${engine})`, async () => {
      const t = await createTestApp({ engine, clock: () => new Date('2026-10-25T22:59:59Z') });
      try {
        const { consultationId } = await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25' });
        const userId = await createUser(t.services, 'czlonek@example.org');
        const orgId = await createTestOrganization(t.services, 'Fundacja Alfa', [userId]);
        const provision = findProvision(testSections(), 'goals.main')!;
        const input = (n: number, send = true) => ({
          author: { id: userId, email: 'czlonek@example.org' },
          consultationId,
          submitter: { kind: 'organization' as const, organizationId: orgId, name: 'Fundacja Alfa' },
          content: { kind: 'comment' as const, provision, proposedWording: `Uwaga ${n}`, justification: '' },
          send,
        });
        const n = 40;
        const results = await Promise.all(Array.from({ length: n }, (_, i) => saveSubmission(t.services, input(i))));
        assert.ok(results.every((r) => r.ok && r.sent));
        const rows = await t.services.db
          .selectFrom('consultation_submissions')
          .select(['sequence', 'receipt_number'])
          .orderBy('sequence')
          .execute();
        assert.deepEqual(
          rows.map((r) => r.sequence),
          Array.from({ length: n }, (_, i) => i + 1),
        );
        assert.equal(new Set(rows.map((r) => r.receipt_number)).size, n);
        const mails = await t.services.db.selectFrom('mails').select('id').execute();
        assert.equal(mails.length, n, 'one receipt mail each');

        // One draft, sent by two requests at once: one receipt.
        const draft = await saveSubmission(t.services, input(99, false));
        assert.ok(draft.ok);
        const both = await Promise.all([
          saveSubmission(t.services, { ...input(99), submissionId: draft.id }),
          saveSubmission(t.services, { ...input(99), submissionId: draft.id }),
        ]);
        assert.equal(both.filter((r) => r.ok && r.sent).length, 1);
        assert.equal(both.filter((r) => !r.ok && r.reason === 'notDraft').length, 1);
        // One new form posted twice at once (its token): one submission, one receipt.
        const token = '0f8b2c1e-5d3a-4b7c-9e6f-1a2b3c4d5e6f';
        const twice = await Promise.all([
          saveSubmission(t.services, { ...input(100), formToken: token }),
          saveSubmission(t.services, { ...input(100), formToken: token }),
        ]);
        const ids = twice.map((r) => (r.ok ? r.id : r.reason === 'notDraft' ? r.id : -1));
        assert.equal(ids[0], ids[1], 'both answers name the one submission');
        assert.equal(twice.filter((r) => r.ok && r.sent).length, 1);
        const counter = await t.services.db
          .selectFrom('consultations')
          .select('receipt_counter')
          .where('id', '=', consultationId)
          .executeTakeFirstOrThrow();
        assert.equal(Number(counter.receipt_counter), n + 2, 'the refused second sends spent no number');
      } finally {
        await t.close();
      }
    });
  }
});
