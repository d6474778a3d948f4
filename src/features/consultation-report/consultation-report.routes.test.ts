import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docxText, pdfText } from '../../platform/documents/inspect.js';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { createTestConsultation, createTestOrganization } from '../consultation/test-fixtures.js';
import { addSubmission, closeTestConsultation, receiptOf } from './test-fixtures.js';

const clock = () => new Date('2026-11-02T10:00:00.000Z');

for (const engine of await testEngines()) {
  describe(`consultation report: access, publication and the participants' notice (${engine})`, () => {
    let t: TestApp;
    let official: TestClient;
    let member: TestClient;
    let visitor: TestClient;
    let ids: { memberA: number; memberB: number; resident: number; krokus: number; mcp: number };

    before(async () => {
      t = await createTestApp({ engine, clock });
      await createUser(t.services, 'urzednik@example.org', ['official']);
      const memberA = await createUser(t.services, 'krokus@example.org');
      const memberB = await createUser(t.services, 'alternatywa@example.org');
      const resident = await createUser(t.services, 'mieszkanka@example.org');
      await createUser(t.services, 'wycofany@example.org');
      ids = {
        memberA,
        memberB,
        resident,
        krokus: await createTestOrganization(t.services, 'Stowarzyszenie Krokus', [memberA]),
        mcp: await createTestOrganization(t.services, 'MCP Alternatywa', [memberB]),
      };
      official = t.client();
      await signInClient(official, 'urzednik@example.org');
      member = t.client();
      await signInClient(member, 'krokus@example.org');
      visitor = t.client();
    });
    after(() => t.close());

    const mails = () => t.services.db.selectFrom('mails').select(['to_address', 'subject', 'body_text']).orderBy('id').execute();
    const audits = (id: number) =>
      t.services.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'consultation.report-published')
        .where('subject_id', '=', String(id))
        .execute();
    const publish = async (client: TestClient, id: number) => {
      await client.get(`/konsultacje/${id}/sprawozdanie`);
      return client.post(`/konsultacje/${id}/sprawozdanie/opublikuj`, {});
    };

    it('before closing: visitors get 404; officials a page saying it comes after closing; publishing is refused', async () => {
      const { consultationId: id } = await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25' });
      await addSubmission(t.services, id, {
        authorId: ids.memberA,
        organizationId: ids.krokus,
        submitterName: 'Stowarzyszenie Krokus',
      });
      for (const suffix of ['', '.pdf', '.docx']) {
        assert.equal((await visitor.get(`/konsultacje/${id}/sprawozdanie${suffix}`)).status, 404, `visitor ${suffix}`);
        assert.equal((await member.get(`/konsultacje/${id}/sprawozdanie${suffix}`)).status, 404, `member ${suffix}`);
      }
      const page = await official.get(`/konsultacje/${id}/sprawozdanie`);
      assert.equal(page.status, 200);
      assert.match(page.body, /Sprawozdanie jeszcze nie powstało/);
      assert.match(page.body, new RegExp(`href="/konsultacje/${id}/odpowiedzi"`));
      assert.equal((await official.get(`/konsultacje/${id}/sprawozdanie.pdf`)).status, 404);

      const before = (await mails()).length;
      const refused = await official.post(`/konsultacje/${id}/sprawozdanie/opublikuj`, {});
      assert.equal(refused.status, 303);
      assert.match((await official.get(refused.location!)).body, /dopiero po zamknięciu konsultacji/);
      assert.equal((await mails()).length, before);
      assert.equal((await audits(id)).length, 0);
      const row = await t.services.db
        .selectFrom('consultations')
        .select('report_published_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(row.report_published_at, null);
    });

    it('after closing: a preview for officials only; publishing mails each participant once; then public; twice refused', async () => {
      const { consultationId: id } = await createTestConsultation(t.services, {
        startsOn: '2026-10-12',
        endsOn: '2026-10-25',
        residentsAllowed: true,
      });
      const s1 = await addSubmission(t.services, id, {
        authorId: ids.memberA,
        organizationId: ids.krokus,
        submitterName: 'Stowarzyszenie Krokus',
        proposedWording: 'Pierwsza uwaga Krokusa',
        decision: 'accepted',
        answer: 'Przyjęto.',
      });
      const s2 = await addSubmission(t.services, id, {
        kind: 'task',
        authorId: ids.memberB,
        organizationId: ids.mcp,
        submitterName: 'MCP Alternatywa',
        task: { title: 'Zadanie MCP', sphere: '16', amount: 100_000 },
        decision: 'rejected',
        answer: 'Brak środków.',
      });
      const s3 = await addSubmission(t.services, id, {
        authorId: ids.resident,
        submitterKind: 'resident',
        submitterName: 'Maria Mieszkańska',
        proposedWording: 'Uwaga mieszkanki',
        decision: 'partly',
        answer: 'Częściowo.',
      });
      const s4 = await addSubmission(t.services, id, {
        authorId: ids.resident,
        submitterKind: 'resident',
        submitterName: 'Maria Mieszkańska',
        proposedWording: 'Druga uwaga mieszkanki',
        decision: 'not-applicable',
        answer: 'Nie dotyczy programu.',
      });
      // The same address as member A's account, in other letters' case: one mail for both.
      const s5 = await addSubmission(t.services, id, {
        channel: 'email',
        organizationId: ids.krokus,
        submitterName: 'Stowarzyszenie Krokus',
        contactEmail: 'KROKUS@example.org',
        proposedWording: 'Uwaga Krokusa e-mailem',
        decision: 'accepted',
        answer: 'Przyjęto.',
      });
      const s6 = await addSubmission(t.services, id, {
        channel: 'paper',
        submitterKind: 'resident',
        submitterName: 'Piotr Papierowy',
        contactEmail: 'piotr@example.org',
        proposedWording: 'Uwaga na papierze',
        decision: 'rejected',
        answer: 'Nie.',
      });
      // Not participants: a withdrawn submission's author, a draft's author, a paper entry without an address.
      const withdrawnAuthor = (
        await t.services.db.selectFrom('users').select('id').where('email', '=', 'wycofany@example.org').executeTakeFirstOrThrow()
      ).id;
      await addSubmission(t.services, id, { status: 'withdrawn', authorId: withdrawnAuthor, submitterName: 'Fundacja Wycofana' });
      await addSubmission(t.services, id, { status: 'draft', authorId: withdrawnAuthor, submitterName: 'Fundacja Wycofana' });
      await addSubmission(t.services, id, {
        channel: 'paper',
        submitterName: 'Klub Bez Adresu',
        decision: 'accepted',
        answer: 'Przyjęto.',
      });
      await closeTestConsultation(t.services, id, 'Wnioski z konsultacji.');

      for (const suffix of ['', '.pdf', '.docx'])
        assert.equal((await visitor.get(`/konsultacje/${id}/sprawozdanie${suffix}`)).status, 404, `visitor ${suffix}`);
      assert.equal((await member.get(`/konsultacje/${id}/sprawozdanie`)).status, 404);
      const preview = await official.get(`/konsultacje/${id}/sprawozdanie`);
      assert.equal(preview.status, 200);
      assert.match(preview.body, /Projekt sprawozdania/);
      assert.match(preview.body, /Opublikuj sprawozdanie/);
      assert.match(preview.body, new RegExp(`action="/konsultacje/${id}/sprawozdanie/opublikuj"`));
      assert.equal(preview.headers['x-robots-tag'], 'noindex');
      assert.ok(!preview.body.includes('Maria Mieszkańska') && !preview.body.includes('Piotr Papierowy'));
      const draftPdf = await t.app.inject({
        method: 'GET',
        url: `/konsultacje/${id}/sprawozdanie.pdf`,
        headers: { cookie: official.cookieHeader() },
      });
      assert.equal(draftPdf.statusCode, 200);
      assert.match(
        String(draftPdf.headers['content-disposition']),
        /filename="projekt-sprawozdanie-konsultacje-\d+-2026-10-25\.pdf"/,
      );
      assert.match(await pdfText(draftPdf.rawPayload), /PROJEKT – sprawozdanie nie zostało jeszcze opublikowane/);

      // Only officials publish.
      const refused = await publish(member, id);
      assert.equal(refused.status, 403);
      const stranger = await visitor.post(`/konsultacje/${id}/sprawozdanie/opublikuj`, {});
      assert.equal(stranger.status, 303);
      assert.match(stranger.location ?? '', /^\/logowanie/);

      const mailsBefore = (await mails()).length;
      const published = await publish(official, id);
      assert.equal(published.status, 303);
      assert.equal(published.location, `/konsultacje/${id}/sprawozdanie`);
      const after = await official.get(published.location!);
      assert.match(after.body, /Sprawozdanie opublikowane\. Powiadomiono 4 uczestników\./);
      assert.doesNotMatch(after.body, /Opublikuj sprawozdanie/);

      const sent = (await mails()).slice(mailsBefore);
      const to = sent.map((m) => m.to_address.toLowerCase()).sort();
      assert.deepEqual(to, ['alternatywa@example.org', 'krokus@example.org', 'mieszkanka@example.org', 'piotr@example.org']);
      const r = await Promise.all([s1, s2, s3, s4, s5, s6].map((s) => receiptOf(t.services, s)));
      const mailTo = (address: string) => sent.find((m) => m.to_address.toLowerCase() === address)!;
      const krokus = mailTo('krokus@example.org');
      assert.match(krokus.subject, /Opublikowano sprawozdanie z konsultacji/);
      assert.ok(krokus.body_text.includes(`nr ${r[0]}: uwzględniono`), krokus.body_text);
      assert.ok(krokus.body_text.includes(`nr ${r[4]}: uwzględniono`), krokus.body_text);
      assert.ok(krokus.body_text.includes(`/konsultacje/${id}/sprawozdanie\n`), krokus.body_text);
      assert.ok(krokus.body_text.includes(`/konsultacje/${id}/sprawozdanie.pdf`), krokus.body_text);
      assert.ok(!krokus.body_text.includes(r[1]!), 'no one else’s receipts');
      assert.ok(mailTo('alternatywa@example.org').body_text.includes(`nr ${r[1]}: nie uwzględniono`));
      const resident = mailTo('mieszkanka@example.org').body_text;
      assert.ok(resident.includes(`nr ${r[2]}: uwzględniono częściowo`) && resident.includes(`nr ${r[3]}: nie dotyczy`));
      assert.ok(mailTo('piotr@example.org').body_text.includes(`nr ${r[5]}: nie uwzględniono`));

      const audit = await audits(id);
      assert.equal(audit.length, 1);
      assert.match(audit[0]!.after_json ?? '', /"recipients":4/);

      // Public now, in every format; the public page offers no publishing.
      const page = await visitor.get(`/konsultacje/${id}/sprawozdanie`);
      assert.equal(page.status, 200);
      assert.doesNotMatch(page.body, /Projekt sprawozdania|Opublikuj sprawozdanie/);
      assert.match(page.body, /Osoba prywatna 1/);
      assert.match(page.body, /Osoba prywatna 2/);
      for (const name of ['Maria Mieszkańska', 'Piotr Papierowy', 'mieszkanka@example.org', 'piotr@example.org'])
        assert.ok(!page.body.includes(name), `${name} is not public`);
      const pdf = await visitor.get(`/konsultacje/${id}/sprawozdanie.pdf`);
      assert.equal(pdf.status, 200);
      assert.match(
        String(pdf.headers['content-disposition']),
        /^attachment; filename="sprawozdanie-konsultacje-\d+-2026-10-25\.pdf"$/,
      );
      assert.equal(pdf.headers['cache-control'], 'no-cache');
      assert.equal((await visitor.get(`/konsultacje/${id}/sprawozdanie.docx`)).status, 200);

      // Publishing again is refused and changes nothing.
      const mailsAfter = (await mails()).length;
      const again = await publish(official, id);
      assert.equal(again.status, 303);
      assert.match((await official.get(again.location!)).body, /zostało już opublikowane/);
      assert.equal((await mails()).length, mailsAfter);
      assert.equal((await audits(id)).length, 1);
    });

    it('two simultaneous publications: one wins, the participants are mailed once', async () => {
      const { consultationId: id } = await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25' });
      await addSubmission(t.services, id, {
        authorId: ids.memberB,
        organizationId: ids.mcp,
        submitterName: 'MCP Alternatywa',
        decision: 'accepted',
        answer: 'Tak.',
      });
      await closeTestConsultation(t.services, id, null);
      await official.get(`/konsultacje/${id}/sprawozdanie`);
      const before = (await mails()).length;
      const answers = await Promise.all([1, 2, 3].map(() => official.post(`/konsultacje/${id}/sprawozdanie/opublikuj`, {})));
      assert.deepEqual(
        answers.map((a) => a.status),
        [303, 303, 303],
      );
      assert.equal((await mails()).length - before, 1);
      assert.equal((await audits(id)).length, 1);
    });

    it('nothing submitted: the report says so and the draft is unchanged', async () => {
      const { consultationId: id } = await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25' });
      await addSubmission(t.services, id, { status: 'withdrawn', authorId: ids.memberA, submitterName: 'Stowarzyszenie Krokus' });
      await closeTestConsultation(t.services, id, null);
      const before = (await mails()).length;
      assert.equal((await publish(official, id)).status, 303);
      assert.equal((await mails()).length, before, 'nobody took part, nobody is mailed');
      const page = await visitor.get(`/konsultacje/${id}/sprawozdanie`);
      assert.equal(page.status, 200);
      assert.match(page.body, /nie wniesiono żadnych uwag ani propozycji do projektu\. Projekt programu pozostaje bez zmian\./);
      assert.match(page.body, /Liczba uwag do zapisów projektu:<\/strong> 0/);
      assert.doesNotMatch(page.body, /Zestawienie zgłoszonych uwag/);
      const pdf = await t.app.inject({ method: 'GET', url: `/konsultacje/${id}/sprawozdanie.pdf` });
      assert.match((await pdfText(pdf.rawPayload)).replace(/\s+/g, ' '), /nie wniesiono żadnych uwag/);
    });

    it('hostile stored text is escaped on the page and carried safely into the PDF and the DOCX', async () => {
      const { consultationId: id } = await createTestConsultation(t.services, {
        startsOn: '2026-10-12',
        endsOn: '2026-10-25',
        subject: 'Temat <b>pogrubiony</b> & "cytat"',
      });
      const long = 'Bardzo długi zapis. '.repeat(500);
      await addSubmission(t.services, id, {
        authorId: ids.memberA,
        organizationId: ids.krokus,
        submitterName: 'Krokus <script>alert(1)</script>',
        provisionLabel: 'Zapis \u0001\u0007\u001b z sterującymi',
        proposedWording: `<img src=x onerror=alert(1)> \u202Eodwrócony\u202C 👩‍👩‍👧 \ud800 ${long}`,
        justification: 'Linia 1\r\nLinia 2\n\n\nLinia 3',
        decision: 'accepted',
        answer: ']]><w:p>XML</w:p>',
      });
      await addSubmission(t.services, id, {
        kind: 'task',
        authorId: ids.memberB,
        submitterName: 'MCP',
        task: { title: 42, sphere: { x: 1 }, amount: -5, description: ['a'] },
        decision: 'rejected',
        answer: 'Nie.',
      });
      await addSubmission(t.services, id, { kind: 'task', authorId: ids.memberB, submitterName: 'MCP', decision: 'rejected' });
      await t.services.db
        .updateTable('consultation_submissions')
        .set({ task_json: '{not json' })
        .where('consultation_id', '=', id)
        .where('kind', '=', 'task')
        .where('answer', 'is', null)
        .execute();
      await closeTestConsultation(t.services, id, '<script>x</script>');
      assert.equal((await publish(official, id)).status, 303);

      const page = await visitor.get(`/konsultacje/${id}/sprawozdanie`);
      assert.equal(page.status, 200);
      assert.ok(!page.body.includes('<script>alert(1)</script>'));
      assert.ok(!page.body.includes('<img src=x'));
      assert.ok(!page.body.includes('<b>pogrubiony</b>'));
      assert.ok(page.body.includes('Krokus &lt;script>alert(1)&lt;/script>'));
      assert.match(page.body, /Propozycja zadania priorytetowego: bez tytułu/);

      const pdf = await visitor.get(`/konsultacje/${id}/sprawozdanie.pdf`);
      assert.equal(pdf.status, 200);
      const pdfResponse = await t.app.inject({ method: 'GET', url: `/konsultacje/${id}/sprawozdanie.pdf` });
      const text = (await pdfText(pdfResponse.rawPayload)).replace(/\s+/g, ' ');
      assert.ok(text.includes('Krokus <script>alert(1)</script>'));
      assert.ok(text.includes('Linia 1 Linia 2 Linia 3'));
      const docx = await t.app.inject({ method: 'GET', url: `/konsultacje/${id}/sprawozdanie.docx` });
      assert.equal(docx.statusCode, 200);
      const plain = docxText(docx.rawPayload);
      assert.ok(plain.includes(']]><w:p>XML</w:p>'));
      assert.match(plain, /Zapis +z sterującymi/);
    });

    it('unknown or malformed ids answer 404', async () => {
      for (const url of [
        '/konsultacje/999999/sprawozdanie',
        '/konsultacje/999999/sprawozdanie.pdf',
        '/konsultacje/abc/sprawozdanie',
        '/konsultacje/99999999999999999999/sprawozdanie.docx',
        '/konsultacje/-1/sprawozdanie',
        '/konsultacje/1e3/sprawozdanie',
      ])
        assert.equal((await official.get(url)).status, 404, url);
      await official.get('/konsultacje/999999/sprawozdanie');
      await official.get('/haslo/przypomnij');
      assert.equal((await official.post('/konsultacje/999999/sprawozdanie/opublikuj', {})).status, 404);
      assert.equal((await official.post('/konsultacje/abc/sprawozdanie/opublikuj', {})).status, 404);
    });
  });
}
