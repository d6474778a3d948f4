/**
 * Officials' answers on the real app, on both engines: the list with its filters and counts, the
 * per-provision view, answering (justification required, changes, a colleague's concurrent answer),
 * assignment with its mail, applying an accepted comment to the next draft, and closing (refused
 * while open or while a submission has no answer; then the version is after consultation).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { createTestConsultation } from '../consultation/test-fixtures.js';
import { insertComment, insertTaskProposal } from './test-fixtures.js';

for (const engine of await testEngines()) {
  describe(`consultation answers on ${engine}`, () => {
    let t: TestApp;
    let now = new Date('2026-10-10T10:00:00Z');
    let officialA: TestClient;
    let officialB: TestClient;
    let member: TestClient;
    let visitor: TestClient;
    let officialBId: number;
    let memberId: number;
    let c: Awaited<ReturnType<typeof createTestConsultation>>;
    let comment1: number;
    let comment2: number;
    let task: number;
    let draft: number;
    let withdrawn: number;
    let foreign: number;

    before(async () => {
      t = await createTestApp({ engine, clock: () => now });
      await createUser(t.services, `a-${engine}@example.org`, ['official']);
      officialBId = await createUser(t.services, `b-${engine}@example.org`, ['administrator']);
      memberId = await createUser(t.services, `czlonek-${engine}@example.org`);
      officialA = t.client();
      officialB = t.client();
      member = t.client();
      visitor = t.client();
      await signInClient(officialA, `a-${engine}@example.org`);
      await signInClient(officialB, `b-${engine}@example.org`);
      await signInClient(member, `czlonek-${engine}@example.org`);
      c = await createTestConsultation(t.services, { startsOn: '2026-10-01', endsOn: '2026-10-14' });
      comment1 = await insertComment(
        t.services,
        c.consultationId,
        'goals.specific.1',
        'Zwiększanie udziału mieszkańców i organizacji',
        {
          submitter: 'Fundacja Alfa',
        },
      );
      comment2 = await insertComment(t.services, c.consultationId, 'goals.specific.1', 'Inny zapis celu', {
        submitter: 'Stowarzyszenie Beta',
        channel: 'paper',
      });
      task = await insertTaskProposal(t.services, c.consultationId, 'Warsztaty dla seniorów', { channel: 'email' });
      draft = await insertComment(t.services, c.consultationId, 'scope', 'Szkic', { status: 'draft' });
      withdrawn = await insertComment(t.services, c.consultationId, 'scope', 'Wycofana', { status: 'withdrawn' });
      const other = await createTestConsultation(t.services, { startsOn: '2026-10-01', endsOn: '2026-10-14' });
      foreign = await insertComment(t.services, other.consultationId, 'scope', 'Cudza');
    });
    after(async () => t.close());

    const list = () => `/konsultacje/${c.consultationId}/odpowiedzi`;
    const page = (id: number) => `${list()}/${id}`;
    const lockOf = async (id: number) =>
      (await t.services.db.selectFrom('consultation_submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow())
        .version;

    it('is for officials only; unknown, draft, withdrawn and foreign submissions are 404', async () => {
      assert.equal((await member.get(list())).status, 403);
      assert.equal((await member.get(page(comment1))).status, 403);
      const stranger = await visitor.get(list());
      assert.equal(stranger.status, 303);
      assert.match(stranger.location ?? '', /^\/logowanie/);
      await member.get('/konto');
      assert.equal((await member.post(page(comment1), { decision: 'accepted', answer: 'x', version: '1' })).status, 403);
      assert.equal(
        (await member.post(`/konsultacje/${c.consultationId}/zamknij`, { conclusion: 'x', version: '1' })).status,
        403,
      );
      assert.equal((await officialA.get('/konsultacje/999999/odpowiedzi')).status, 404);
      assert.equal((await officialA.get('/konsultacje/abc/odpowiedzi')).status, 404);
      for (const id of [draft, withdrawn, foreign, 999999])
        assert.equal((await officialA.get(page(id))).status, 404, `submission ${id}`);
    });

    it('lists every sent submission with counts, and filters by unanswered, kind, provision and assignee', async () => {
      const all = await officialA.get(list());
      assert.equal(all.status, 200);
      assert.match(all.body, /3 zgłoszenia/);
      assert.match(all.body, /3 bez odpowiedzi/);
      assert.match(all.body, /Fundacja Alfa/);
      assert.match(all.body, /Rozdział 1, cel szczegółowy 2/);
      assert.match(all.body, /Warsztaty dla seniorów/);
      assert.match(all.body, /papier/);
      assert.match(all.body, /e-mail/);
      assert.doesNotMatch(all.body, /Szkic|Wycofana|Cudza/);
      assert.match(all.body, /<option value="goals.specific.1">Rozdział 1, cel szczegółowy 2<\/option>/);
      const tasks = await officialA.get(`${list()}?rodzaj=zadanie`);
      assert.match(tasks.body, /Warsztaty dla seniorów/);
      assert.doesNotMatch(tasks.body, /Fundacja Alfa/);
      assert.match(tasks.body, /Wyświetlono 1 z 3/);
      const provision = await officialA.get(`${list()}?zapis=goals.specific.1`);
      assert.match(provision.body, /Fundacja Alfa/);
      assert.doesNotMatch(provision.body, /Warsztaty dla seniorów/);
      const mine = await officialA.get(`${list()}?moje=tak`);
      assert.match(mine.body, /Żadne zgłoszenie nie spełnia tych warunków/);
      const hostile = await officialA.get(`${list()}?rodzaj=__proto__&zapis=%3Cscript%3E&bez=1`);
      assert.equal(hostile.status, 200);
    });

    it('shows the comments per provision: the current wording once, then each proposal', async () => {
      const view = await officialA.get(`${list()}/zapisy`);
      assert.equal(view.status, 200);
      assert.equal(view.body.match(/Zwiększanie udziału mieszkańców w życiu publicznym/g)?.length, 1);
      assert.match(view.body, /Zwiększanie udziału mieszkańców i organizacji/);
      assert.match(view.body, /Inny zapis celu/);
      assert.match(view.body, /2 uwagi/);
      assert.match(view.body, /Warsztaty dla seniorów/);
    });

    it('shows a task proposal with every field', async () => {
      const view = await officialA.get(page(task));
      assert.equal(view.status, 200);
      assert.match(view.body, /Propozycja zadania KP\//);
      assert.match(view.body, /Cykl warsztatów dla seniorów/);
      assert.match(view.body, /otwarty konkurs ofert/);
      assert.match(view.body, /16 — kultura, sztuka/);
      assert.match(view.body, /12\u00a0500,50 zł|12 500,50 zł/);
      assert.match(view.body, /Anna Nowak/);
    });

    it('requires a decision and a justification, keeping what was typed', async () => {
      await officialA.get(page(comment1));
      const version = String(await lockOf(comment1));
      let response = await officialA.post(page(comment1), { decision: 'accepted', answer: '  ', version });
      assert.equal(response.status, 400);
      assert.match(response.body, /Wpisz uzasadnienie odpowiedzi/);
      assert.match(response.body, /value="accepted" checked/);
      response = await officialA.post(page(comment1), { answer: 'Uzasadnienie <b>', version });
      assert.equal(response.status, 400);
      assert.match(response.body, /Wybierz decyzję/);
      assert.match(response.body, /Uzasadnienie &lt;b>/);
      response = await officialA.post(page(comment1), { decision: 'maybe', answer: 'x', version });
      assert.equal(response.status, 400);
      assert.equal(await lockOf(comment1), Number(version));
    });

    it('saves and changes an answer with an audit entry; a colleague answering meanwhile gets a conflict with the text kept', async () => {
      await officialA.get(page(comment1));
      let version = String(await lockOf(comment1));
      let response = await officialA.post(page(comment1), { decision: 'partly', answer: 'Częściowo, bo budżet.', version });
      assert.equal(response.status, 303);
      let shown = await officialA.get(page(comment1));
      assert.match(shown.body, /uwzględniono częściowo/);
      assert.match(shown.body, /Odpowiedź zapisana/);
      version = String(await lockOf(comment1));
      // Both open the page at the same lock; A saves first.
      await officialB.get(page(comment1));
      response = await officialA.post(page(comment1), { decision: 'accepted', answer: 'Uwzględniamy w całości.', version });
      assert.equal(response.status, 303);
      response = await officialB.post(page(comment1), { decision: 'rejected', answer: 'Moja odmowa', version });
      assert.equal(response.status, 409);
      assert.match(response.body, /Ktoś inny zapisał odpowiedź w międzyczasie/);
      assert.match(response.body, /Uwzględniamy w całości\./);
      assert.match(response.body, /Moja odmowa<\/textarea>/);
      const row = await t.services.db
        .selectFrom('consultation_submissions')
        .selectAll()
        .where('id', '=', comment1)
        .executeTakeFirstOrThrow();
      assert.equal(row.decision, 'accepted');
      assert.equal(row.answer, 'Uwzględniamy w całości.');
      const audit = await t.services.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'consultation.answered')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.match(audit.before_json ?? '', /"decision":"partly"/);
      assert.match(audit.after_json ?? '', /"decision":"accepted"/);
      // The conflict page names the fresh lock: saving again deliberately replaces the answer.
      response = await officialB.post(page(comment1), {
        decision: 'accepted',
        answer: 'Uwzględniamy w całości.',
        version: String(await lockOf(comment1)),
      });
      assert.equal(response.status, 303);
      shown = await officialB.get(page(comment1));
      assert.match(shown.body, /Nic się nie zmieniło/);
    });

    it('assigns to a colleague with a mail, and refuses someone who is not an official', async () => {
      await officialA.get(page(comment2));
      let response = await officialA.post(`${page(comment2)}/przypisz`, { assignee: String(officialBId) });
      assert.equal(response.status, 303);
      const mail = await t.services.db
        .selectFrom('mails')
        .selectAll()
        .where('to_address', '=', `b-${engine}@example.org`)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.match(mail.subject, /^Przypisano Ci uwagę KP\/2026\/\d+\/0002 do odpowiedzi$/);
      assert.match(mail.body_text, new RegExp(`/konsultacje/${c.consultationId}/odpowiedzi/${comment2}`));
      assert.match((await officialB.get(`${list()}?moje=tak`)).body, /Stowarzyszenie Beta/);
      const audits = await t.services.db
        .selectFrom('audit_log')
        .select('after_json')
        .where('action', '=', 'consultation.assigned')
        .execute();
      assert.equal(audits.length, 1);
      await officialA.get(page(comment2));
      response = await officialA.post(`${page(comment2)}/przypisz`, { assignee: String(memberId) });
      assert.equal(response.status, 400);
      assert.match(response.body, /Wybierz osobę z listy/);
      await officialA.get(page(comment2));
      response = await officialA.post(`${page(comment2)}/przypisz`, { assignee: '' });
      assert.equal(response.status, 303);
      const row = await t.services.db
        .selectFrom('consultation_submissions')
        .select('assigned_to')
        .where('id', '=', comment2)
        .executeTakeFirstOrThrow();
      assert.equal(row.assigned_to, null);
    });

    it('applies an accepted comment to the next draft: refused without one, replaced, then only linked', async () => {
      await officialA.get(page(comment1));
      let response = await officialA.post(`${page(comment1)}/zastosuj`, {});
      assert.equal(response.status, 409);
      assert.match(response.body, /Najpierw utwórz nową wersję programu/);
      assert.match(response.body, new RegExp(`href="/program-wspolpracy/${c.programmeId}"`));
      const consulted = await t.services.db
        .selectFrom('programme_versions')
        .selectAll()
        .where('id', '=', c.versionId)
        .executeTakeFirstOrThrow();
      const at = new Date().toISOString();
      await t.services.db
        .insertInto('programme_versions')
        .values({
          programme_id: c.programmeId,
          number: 2,
          status: 'draft',
          sections_json: consulted.sections_json,
          created_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await officialA.get(page(comment1));
      response = await officialA.post(`${page(comment1)}/zastosuj`, {});
      assert.equal(response.status, 303);
      let shown = await officialA.get(page(comment1));
      assert.match(shown.body, /Wprowadzono proponowany zapis do wersji 2/);
      assert.match(shown.body, /Zastosowano w wersji 2/);
      assert.doesNotMatch(shown.body, /Wprowadź do następnej wersji/, 'an applied comment is not offered again');
      const next = await t.services.db
        .selectFrom('programme_versions')
        .select('sections_json')
        .where('programme_id', '=', c.programmeId)
        .where('number', '=', 2)
        .executeTakeFirstOrThrow();
      assert.equal(JSON.parse(next.sections_json).goals.specific[1].text, 'Zwiększanie udziału mieszkańców i organizacji');
      // The second comment on the same provision: accepted, but the wording has changed — only linked.
      await officialA.get(page(comment2));
      response = await officialA.post(page(comment2), {
        decision: 'partly',
        answer: 'Częściowo.',
        version: String(await lockOf(comment2)),
      });
      assert.equal(response.status, 303);
      await officialA.get(page(comment2));
      response = await officialA.post(`${page(comment2)}/zastosuj`, {});
      assert.equal(response.status, 303);
      shown = await officialA.get(page(comment2));
      assert.match(shown.body, /Powiązano z wersją 2 — zapis zmieniony wcześniej/);
      const linked = await t.services.db
        .selectFrom('consultation_submissions')
        .select('applied_in_version_id')
        .where('id', '=', comment2)
        .executeTakeFirstOrThrow();
      assert.ok(linked.applied_in_version_id !== null);
      // A task proposal is never applied.
      await officialA.get(page(task));
      response = await officialA.post(`${page(task)}/zastosuj`, {});
      assert.equal(response.status, 303);
      assert.match((await officialA.get(page(task))).body, /Do następnej wersji można wprowadzić tylko uwzględnioną uwagę/);
    });

    it('refuses to close while open, while a submission has no answer (naming it), or without a conclusion; then closes', async () => {
      const close = `/konsultacje/${c.consultationId}/zamknij`;
      const lock = async () =>
        String(
          (
            await t.services.db
              .selectFrom('consultations')
              .select('version')
              .where('id', '=', c.consultationId)
              .executeTakeFirstOrThrow()
          ).version,
        );
      await officialA.get(list());
      let response = await officialA.post(close, { conclusion: 'Podsumowanie', version: await lock() });
      assert.equal(response.status, 409);
      assert.match(response.body, /Konsultacje jeszcze trwają/);
      now = new Date('2026-10-20T10:00:00Z');
      await officialA.get(list());
      response = await officialA.post(close, { conclusion: 'Podsumowanie', version: await lock() });
      assert.equal(response.status, 409);
      assert.match(response.body, /1 zgłoszenie nie ma odpowiedzi/);
      assert.match(response.body, new RegExp(`href="${list()}/${task}"`));
      assert.match(response.body, /Podsumowanie<\/textarea>/);
      await officialA.get(page(task));
      response = await officialA.post(page(task), {
        decision: 'not-applicable',
        answer: 'Zadanie poza zakresem programu.',
        version: String(await lockOf(task)),
      });
      assert.equal(response.status, 303);
      await officialA.get(list());
      response = await officialA.post(close, { conclusion: ' ', version: await lock() });
      assert.equal(response.status, 400);
      assert.match(response.body, /Wpisz podsumowanie konsultacji/);
      response = await officialA.post(close, { conclusion: 'Stare', version: '999' });
      assert.equal(response.status, 409);
      assert.match(response.body, /Ktoś inny zmienił te konsultacje/);
      await officialA.get(list());
      response = await officialA.post(close, { conclusion: 'Uwzględniono dwie uwagi.', version: await lock() });
      assert.equal(response.status, 303);
      const closed = await t.services.db
        .selectFrom('consultations')
        .selectAll()
        .where('id', '=', c.consultationId)
        .executeTakeFirstOrThrow();
      assert.equal(closed.status, 'closed');
      assert.equal(closed.conclusion, 'Uwzględniono dwie uwagi.');
      assert.equal(closed.closed_at, '2026-10-20T10:00:00.000Z');
      const version = await t.services.db
        .selectFrom('programme_versions')
        .select('status')
        .where('id', '=', c.versionId)
        .executeTakeFirstOrThrow();
      assert.equal(version.status, 'after-consultation');
      const audit = await t.services.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'consultation.closed')
        .executeTakeFirstOrThrow();
      assert.match(audit.after_json ?? '', /"status":"closed"/);
      // Read-only afterwards.
      const shown = await officialA.get(page(comment1));
      assert.match(shown.body, /Konsultacje są zamknięte — odpowiedzi nie można już zmienić/);
      assert.doesNotMatch(shown.body, /name="answer"/);
      response = await officialA.post(page(comment1), { decision: 'rejected', answer: 'Po zamknięciu', version: '99' });
      assert.equal(response.status, 303);
      const row = await t.services.db
        .selectFrom('consultation_submissions')
        .select('decision')
        .where('id', '=', comment1)
        .executeTakeFirstOrThrow();
      assert.equal(row.decision, 'accepted');
      assert.match((await officialA.get(list())).body, /Uwzględniono dwie uwagi\./);
    });
  });
}
