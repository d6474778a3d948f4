/**
 * The acceptance test of the consultation's deadline (issue #5), on both databases: a consultation
 * ending on Sunday 25 October 2026 — the night the clocks go back (03:00 CEST → 02:00 CET) — accepts
 * a submission at 23:59:59 Warsaw time on the end day (22:59:59 UTC, CET) with exactly one receipt
 * and its mail, and refuses one at 00:00:00 the next day (23:00:00 UTC), showing the typed text back
 * and writing nothing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser, signInClient, type TestApp } from '../../test-support/test-app.js';
import { createTestConsultation, createTestOrganization } from './test-fixtures.js';

const lastSecond = new Date('2026-10-25T22:59:59.000Z'); // 25.10.2026 23:59:59 in Warsaw (CET, after the change)
const nextMidnight = new Date('2026-10-26T00:00:00+01:00'); // 26.10.2026 00:00:00 in Warsaw

async function count(t: TestApp, table: 'consultation_submissions' | 'mails' | 'audit_log') {
  const row = await t.services.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the consultation deadline on the day the clocks go back', async () => {
  for (const engine of await testEngines()) {
    it(`accepts 23:59:59 and refuses 00:00:00 Warsaw time, keeping the text (${engine})`, async () => {
      assert.equal(nextMidnight.toISOString(), '2026-10-25T23:00:00.000Z');
      let now = new Date('2026-10-20T10:00:00Z');
      const t = await createTestApp({ engine, clock: () => now });
      try {
        const { consultationId } = await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25' });
        const userId = await createUser(t.services, 'czlonkini@example.org');
        await createTestOrganization(t.services, 'Stowarzyszenie Krokus', [userId]);
        const member = t.client();
        await signInClient(member, 'czlonkini@example.org');
        const commentUrl = `/konsultacje/${consultationId}/uwagi/nowa`;
        const taskUrl = `/konsultacje/${consultationId}/zadania/nowe`;
        const comment = {
          provision: 'goals.specific.1',
          proposedWording: 'Zwiększanie udziału mieszkańców i organizacji w życiu publicznym',
          justification: 'Organizacje też powinny uczestniczyć w życiu publicznym miasta',
          action: 'send',
        };
        const task = {
          sphere: '16',
          title: 'Festiwal organizacji pozarządowych',
          description: 'Dwudniowy festiwal na rynku',
          mode: 'konkurs',
          amount: '20 000',
          ownDelivery: 'yes',
          contactName: 'Anna Kowalska',
          contactEmail: 'anna@example.org',
          consent: 'yes',
          action: 'send',
        };

        // The first second of the start day (12.10.2026 00:00:00 CEST = 11.10 22:00:00 UTC) opens it; a second before is refused.
        now = new Date('2026-10-11T21:59:59Z');
        await member.get(commentUrl);
        const early = await member.post(commentUrl, comment);
        assert.equal(early.status, 409);
        assert.match(early.body, /Konsultacje rozpoczną się 12 października 2026 r\./);
        assert.equal(await count(t, 'consultation_submissions'), 0);
        now = new Date('2026-10-11T22:00:00Z');
        assert.equal((await member.post(commentUrl, { ...comment, action: 'draft' })).status, 303, 'open from the first second');
        await t.services.db.deleteFrom('consultation_submissions').execute();
        now = new Date('2026-10-20T10:00:00Z');

        // 23:59:59 on the end day: accepted, one receipt, one mail.
        assert.equal((await member.get(`${commentUrl}?zapis=goals.specific.1`)).status, 200);
        now = lastSecond;
        const accepted = await member.post(commentUrl, comment);
        assert.equal(accepted.status, 303, accepted.body);
        assert.match(accepted.location ?? '', new RegExp(`^/konsultacje/${consultationId}/zgloszenia/\\d+$`));
        const rows = await t.services.db.selectFrom('consultation_submissions').selectAll().execute();
        assert.equal(rows.length, 1);
        const sent = rows[0]!;
        assert.equal(sent.status, 'sent');
        assert.equal(sent.receipt_number, `KP/2026/${consultationId}/0001`);
        assert.equal(sent.sequence, 1);
        assert.equal(new Date(sent.sent_at!).toISOString(), '2026-10-25T22:59:59.000Z');
        assert.equal(sent.provision_label, 'Rozdział 1, cel szczegółowy 2');
        assert.equal(sent.current_wording, 'Zwiększanie udziału mieszkańców w życiu publicznym', 'wording from the version');
        assert.equal(sent.submitter_name, 'Stowarzyszenie Krokus');
        const mails = await t.services.db
          .selectFrom('mails')
          .selectAll()
          .where('to_address', '=', 'czlonkini@example.org')
          .execute();
        assert.equal(mails.length, 1);
        assert.match(mails[0]!.subject, new RegExp(`KP/2026/${consultationId}/0001`));
        assert.match(mails[0]!.body_text, /25\.10\.2026, 23:59:59/);
        const receiptPage = await member.get(accepted.location!);
        assert.match(receiptPage.body, new RegExp(`Potwierdzenie złożenia uwag nr KP/2026/${consultationId}/0001`));

        // A task proposal at the same last second is accepted too.
        await member.get(taskUrl);
        const taskSent = await member.post(taskUrl, task);
        assert.equal(taskSent.status, 303, taskSent.body);
        assert.equal(await count(t, 'consultation_submissions'), 2);
        const taskRow = await t.services.db
          .selectFrom('consultation_submissions')
          .selectAll()
          .where('kind', '=', 'task')
          .executeTakeFirstOrThrow();
        assert.equal(taskRow.receipt_number, `KP/2026/${consultationId}/0002`);
        assert.equal(JSON.parse(taskRow.task_json!).amount, 2_000_000);

        // 00:00:00 the next day: refused, the text shown back, nothing written.
        await member.get(commentUrl);
        now = nextMidnight;
        const before = await Promise.all([count(t, 'consultation_submissions'), count(t, 'mails'), count(t, 'audit_log')]);
        const refused = await member.post(commentUrl, { ...comment, proposedWording: 'Druga uwaga po terminie' });
        assert.equal(refused.status, 409);
        assert.match(refused.body, /<h2 class="error-summary__title"[^>]*>Nie wysłano<\/h2>/);
        assert.match(
          refused.body,
          /Konsultacje zakończyły się 25 października 2026 r\. o godz\. 23:59:59\. Twojej uwagi nie wysłano — tekst jest poniżej, możesz go skopiować\./,
        );
        assert.match(refused.body, /<textarea[^>]*name="proposedWording"[^>]*>Druga uwaga po terminie<\/textarea>/);
        assert.match(refused.body, />Organizacje też powinny uczestniczyć w życiu publicznym miasta<\/textarea>/);
        assert.match(refused.body, /<option value="goals.specific.1" selected>/);
        const refusedTask = await member.post(taskUrl, task);
        assert.equal(refusedTask.status, 409);
        assert.match(refusedTask.body, /value="Festiwal organizacji pozarządowych"/);
        const draft = await member.post(commentUrl, { ...comment, action: 'draft' });
        assert.equal(draft.status, 409, 'no drafts after the end either');
        const after = await Promise.all([count(t, 'consultation_submissions'), count(t, 'mails'), count(t, 'audit_log')]);
        assert.deepEqual(after, before, 'nothing was written');
        const receipts = await t.services.db
          .selectFrom('consultation_submissions')
          .select('receipt_number')
          .where('receipt_number', '=', `KP/2026/${consultationId}/0001`)
          .execute();
        assert.equal(receipts.length, 1, 'the receipt number is stored exactly once');
      } finally {
        await t.close();
      }
    });
  }
});
