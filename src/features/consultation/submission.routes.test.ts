/**
 * Taking part in a consultation through the routes: drafts and their editing, sending with one
 * receipt (a second send shows the same one), withdrawing and submitting again, privacy of one's
 * submissions, on whose behalf, residents, the provision chosen by a selected fragment, and the
 * officials' paper and e-mail entries.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { createTestConsultation, createTestOrganization } from './test-fixtures.js';

const sidFrom = (location: string | undefined) => Number(/\/zgloszenia\/(\d+)$/.exec(location ?? '')?.[1]);

describe('consultation submissions', () => {
  let now = new Date('2026-10-20T10:00:00Z');
  let t: TestApp;
  let member: TestClient;
  let colleague: TestClient;
  let twoOrgs: TestClient;
  let loner: TestClient;
  let official: TestClient;
  let visitor: TestClient;
  let consultationId: number;
  let residentsConsultationId: number;
  let orgA: number;
  let orgB: number;

  before(async () => {
    t = await createTestApp({ clock: () => now });
    consultationId = (await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25' })).consultationId;
    residentsConsultationId = (
      await createTestConsultation(t.services, { startsOn: '2026-10-12', endsOn: '2026-10-25', residentsAllowed: true })
    ).consultationId;
    const memberId = await createUser(t.services, 'czlonek@example.org');
    const colleagueId = await createUser(t.services, 'kolega@example.org');
    const twoId = await createUser(t.services, 'dwie@example.org');
    await createUser(t.services, 'samotny@example.org');
    await createUser(t.services, 'urzednik@example.org', ['official']);
    orgA = await createTestOrganization(t.services, 'Fundacja Alfa', [memberId, colleagueId, twoId]);
    orgB = await createTestOrganization(t.services, 'Stowarzyszenie Beta', [twoId]);
    await createTestOrganization(t.services, 'Oczekująca', [twoId], { status: 'pending' });
    member = t.client();
    colleague = t.client();
    twoOrgs = t.client();
    loner = t.client();
    official = t.client();
    visitor = t.client();
    await signInClient(member, 'czlonek@example.org');
    await signInClient(colleague, 'kolega@example.org');
    await signInClient(twoOrgs, 'dwie@example.org');
    await signInClient(loner, 'samotny@example.org');
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  const commentUrl = () => `/konsultacje/${consultationId}/uwagi/nowa`;

  async function submission(id: number) {
    return t.services.db.selectFrom('consultation_submissions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('asks strangers to sign in and explains to a person without an organisation how to take part', async () => {
    const stranger = await visitor.get(commentUrl());
    assert.equal(stranger.status, 303);
    assert.match(stranger.location ?? '', /^\/logowanie/);
    const page = await loner.get(commentUrl());
    assert.equal(page.status, 403);
    assert.match(page.body, /Uwagi składają organizacje/);
    assert.match(page.body, /href="\/organizacje\/nowa"/);
    assert.equal((await loner.get('/konsultacje/999999/uwagi/nowa')).status, 404);
  });

  it('shows the chosen provision with its current wording, by key or by a selected fragment', async () => {
    const byKey = await member.get(`${commentUrl()}?zapis=goals.specific.2`);
    assert.equal(byKey.status, 200);
    assert.match(byKey.body, /<option value="goals.specific.2" selected>Rozdział 1, cel szczegółowy 3<\/option>/);
    assert.match(byKey.body, /Obecne brzmienie: Rozdział 1, cel szczegółowy 3/);
    assert.match(byKey.body, /Rozwój wolontariatu w mieście/);
    assert.match(byKey.body, /Składasz w imieniu: Fundacja Alfa/);
    const byFragment = await member.get(`${commentUrl()}?fragment=${encodeURIComponent('potencjału  organizacji')}`);
    assert.match(byFragment.body, /<option value="goals.specific.0" selected>/);
    const none = await member.get(`${commentUrl()}?fragment=${encodeURIComponent('nie ma takiego tekstu')}`);
    assert.match(none.body, /Nie znaleźliśmy zapisu zawierającego zaznaczony tekst/);
    assert.doesNotMatch(none.body, /<option value="[^"]+" selected>/);
  });

  it('saves a draft without a receipt, edits it, then sends it once; a second send shows the same receipt', async () => {
    await member.get(commentUrl());
    const saved = await member.post(commentUrl(), {
      provision: 'scope',
      proposedWording: '',
      justification: 'Do uzupełnienia',
      // the client's idea of the current wording is ignored
      current_wording: 'podrobione',
      action: 'draft',
    });
    assert.equal(saved.status, 303);
    const sid = sidFrom(saved.location);
    let row = await submission(sid);
    assert.equal(row.status, 'draft');
    assert.equal(row.receipt_number, null);
    assert.equal(row.current_wording, 'Zakres przedmiotowy obejmuje zadania publiczne z art. 4 ustawy.');
    assert.equal(
      await t.services.db.selectFrom('mails').select('id').where('to_address', '=', 'czlonek@example.org').executeTakeFirst(),
      undefined,
    );

    const edit = await member.get(`/konsultacje/${consultationId}/zgloszenia/${sid}`);
    assert.equal(edit.status, 200);
    assert.match(edit.body, /Wersja robocza zgłoszenia nr/);
    assert.match(edit.body, />Do uzupełnienia<\/textarea>/);

    const incomplete = await member.post(`/konsultacje/${consultationId}/zgloszenia/${sid}`, {
      provision: 'scope',
      proposedWording: '',
      justification: 'Do uzupełnienia',
      action: 'send',
    });
    assert.equal(incomplete.status, 400);
    assert.match(incomplete.body, /Wpisz proponowane brzmienie zapisu/);
    assert.equal((await submission(sid)).status, 'draft');

    const form = { provision: 'scope', proposedWording: 'Nowy zakres', justification: 'Szerzej', action: 'send' };
    const sent = await member.post(`/konsultacje/${consultationId}/zgloszenia/${sid}`, form);
    assert.equal(sent.status, 303);
    assert.equal(sent.location, `/konsultacje/${consultationId}/zgloszenia/${sid}`);
    row = await submission(sid);
    assert.equal(row.status, 'sent');
    assert.match(row.receipt_number ?? '', new RegExp(`^KP/2026/${consultationId}/\\d{4}$`));
    const page = await member.get(sent.location!);
    assert.match(page.body, new RegExp(`Potwierdzenie złożenia uwag nr ${row.receipt_number}`));
    assert.doesNotMatch(page.body, /name="proposedWording"/, 'no edits after sending');

    await member.get(sent.location!);
    const again = await member.post(`/konsultacje/${consultationId}/zgloszenia/${sid}`, { ...form, proposedWording: 'Zmiana' });
    assert.equal(again.status, 303);
    assert.equal(again.location, `/konsultacje/${consultationId}/zgloszenia/${sid}`);
    const after = await submission(sid);
    assert.equal(after.receipt_number, row.receipt_number);
    assert.equal(after.proposed_wording, 'Nowy zakres');
    const receipts = await t.services.db
      .selectFrom('mails')
      .selectAll()
      .where('to_address', '=', 'czlonek@example.org')
      .execute();
    assert.equal(receipts.length, 1, 'one receipt mail');
    const counter = await t.services.db
      .selectFrom('consultations')
      .select('receipt_counter')
      .where('id', '=', consultationId)
      .executeTakeFirstOrThrow();
    assert.equal(Number(counter.receipt_counter), row.sequence, 'no receipt number was spent twice');
  });

  it('posting the same new form twice (a double click, a retry) keeps one submission with one receipt', async () => {
    const page = await member.get(commentUrl());
    const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(formToken, 'a new form carries a token');
    const form = { formToken, provision: 'evaluation', proposedWording: 'Ocena co pół roku', action: 'send' };
    const first = await member.post(commentUrl(), form);
    assert.equal(first.status, 303);
    const second = await member.post(commentUrl(), form);
    assert.equal(second.status, 303);
    assert.equal(second.location, first.location);
    const rows = await t.services.db
      .selectFrom('consultation_submissions')
      .select('receipt_number')
      .where('form_token', '=', formToken)
      .execute();
    assert.equal(rows.length, 1);
    assert.ok(rows[0]!.receipt_number);
    // A token of another person's form finds nothing of theirs: it is a new submission of one's own.
    await colleague.get(commentUrl());
    const other = await colleague.post(commentUrl(), form);
    assert.equal(other.status, 303);
    assert.notEqual(other.location, first.location);
  });

  it('keeps one’s submissions private: another member gets 404 for my draft and my receipt', async () => {
    await member.get(commentUrl());
    const draft = await member.post(commentUrl(), { provision: 'period', proposedWording: 'Tajny szkic', action: 'draft' });
    const sid = sidFrom(draft.location);
    assert.equal((await colleague.get(`/konsultacje/${consultationId}/zgloszenia/${sid}`)).status, 404);
    assert.equal((await official.get(`/konsultacje/${consultationId}/zgloszenia/${sid}`)).status, 404);
    await colleague.get(commentUrl());
    const hijack = await colleague.post(`/konsultacje/${consultationId}/zgloszenia/${sid}`, {
      provision: 'period',
      proposedWording: 'Przejęte',
      action: 'send',
    });
    assert.equal(hijack.status, 404);
    assert.equal((await submission(sid)).status, 'draft');
    assert.doesNotMatch((await colleague.get(`/konsultacje/${consultationId}/moje`)).body, /Tajny szkic|Rozdział 6/);
    const mine = await member.get(`/konsultacje/${consultationId}/moje`);
    assert.match(mine.body, /Rozdział 6/);
    assert.match(mine.body, /wersja robocza/);
    // Another consultation's URL does not reach it either.
    assert.equal((await member.get(`/konsultacje/${residentsConsultationId}/zgloszenia/${sid}`)).status, 404);
  });

  it('withdraws a sent submission and submits it again as a new draft linked to it', async () => {
    await member.get(commentUrl());
    const sent = await member.post(commentUrl(), { provision: 'goals.main', proposedWording: 'Inny cel główny', action: 'send' });
    const sid = sidFrom(sent.location);
    const receipt = (await submission(sid)).receipt_number;
    const page = await member.get(sent.location!);
    assert.match(page.body, /Wycofaj zgłoszenie/);
    const withdrawn = await member.post(`/konsultacje/${consultationId}/zgloszenia/${sid}/wycofaj`, {});
    assert.equal(withdrawn.status, 303);
    const row = await submission(sid);
    assert.equal(row.status, 'withdrawn');
    assert.equal(row.receipt_number, receipt, 'the receipt stays on record');
    assert.ok(row.withdrawn_at);
    const withdrawnPage = await member.get(`/konsultacje/${consultationId}/zgloszenia/${sid}`);
    assert.match(withdrawnPage.body, /Złóż ponownie/);
    const again = await member.post(`/konsultacje/${consultationId}/zgloszenia/${sid}/ponownie`, {});
    assert.equal(again.status, 303);
    const copy = await submission(sidFrom(again.location));
    assert.equal(copy.status, 'draft');
    assert.equal(copy.resubmission_of, sid);
    assert.equal(copy.proposed_wording, 'Inny cel główny');
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', String(sid))
      .where('subject_type', '=', 'consultation-submission')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['consultation.submission-sent', 'consultation.submission-withdrawn'],
    );
    // Withdrawing again, or someone else withdrawing, changes nothing.
    await colleague.get(commentUrl());
    assert.equal((await colleague.post(`/konsultacje/${consultationId}/zgloszenia/${sid}/wycofaj`, {})).status, 404);
  });

  it('submits on behalf of the chosen organisation (verified ones only) and refuses a foreign one', async () => {
    const form = await twoOrgs.get(commentUrl());
    assert.match(form.body, /Fundacja Alfa/);
    assert.match(form.body, /Stowarzyszenie Beta/);
    assert.doesNotMatch(form.body, /Oczekująca/);
    const sent = await twoOrgs.post(commentUrl(), {
      onBehalf: `org:${orgB}`,
      provision: 'committees',
      proposedWording: 'Komisje z udziałem organizacji',
      action: 'send',
    });
    assert.equal(sent.status, 303);
    const row = await submission(sidFrom(sent.location));
    assert.equal(row.organization_id, orgB);
    assert.equal(row.submitter_name, 'Stowarzyszenie Beta');
    await member.get(commentUrl());
    const foreign = await member.post(commentUrl(), {
      onBehalf: `org:${orgB}`,
      provision: 'committees',
      proposedWording: 'Nie moja organizacja',
      action: 'send',
    });
    assert.equal(foreign.status, 400);
    assert.match(foreign.body, /Wybierz, w czyim imieniu składasz/);
    assert.match(foreign.body, />Nie moja organizacja<\/textarea>/);
    assert.ok(orgA);
  });

  it('lets residents take part where the notice allows it, with their name required', async () => {
    const url = `/konsultacje/${residentsConsultationId}/uwagi/nowa`;
    const page = await loner.get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /Składasz w imieniu: Jako mieszkanka lub mieszkaniec/);
    const noName = await loner.post(url, {
      onBehalf: 'resident',
      provision: 'period',
      proposedWording: 'Dłużej',
      action: 'send',
    });
    assert.equal(noName.status, 400);
    assert.match(noName.body, /Wpisz imię i nazwisko/);
    const sent = await loner.post(url, {
      onBehalf: 'resident',
      residentName: 'Jan Nowak',
      provision: 'period',
      proposedWording: 'Dłużej',
      action: 'send',
    });
    assert.equal(sent.status, 303);
    const row = await submission(sidFrom(sent.location));
    assert.equal(row.submitter_kind, 'resident');
    assert.equal(row.submitter_name, 'Jan Nowak');
    assert.equal(row.organization_id, null);
  });

  it('requires the task proposal’s fields and the information clause when sending, not for a draft', async () => {
    const url = `/konsultacje/${consultationId}/zadania/nowe`;
    const page = await member.get(url);
    assert.match(page.body, /Klauzula informacyjna/);
    assert.match(page.body, /<option value="16">16 — /);
    const draft = await member.post(url, { title: 'Szkic zadania', amount: '1 500,5', action: 'draft' });
    assert.equal(draft.status, 303);
    const row = await submission(sidFrom(draft.location));
    assert.equal(JSON.parse(row.task_json!).amount, 150_050);
    const edit = await member.get(draft.location!);
    assert.match(edit.body, /value="1 500,50"/);
    const send = await member.post(draft.location!, { title: 'Szkic zadania', amount: 'dużo', action: 'send' });
    assert.equal(send.status, 400);
    for (const message of [
      /Podaj kwotę w złotych/,
      /Wybierz sferę zadań publicznych/,
      /Opisz zadanie/,
      /Zaznacz, że zapoznano się z klauzulą/,
    ])
      assert.match(send.body, message);
    assert.equal((await submission(row.id)).status, 'draft');
  });

  it('includes one’s submissions in the personal-data export', async () => {
    const response = await member.get('/konto/dane.json');
    assert.equal(response.status, 200);
    const data = JSON.parse(response.body) as {
      consultationSubmissions: Array<{ status: string; receiptNumber: string | null }>;
    };
    assert.ok(data.consultationSubmissions.some((s) => s.status === 'sent' && s.receiptNumber?.startsWith('KP/2026/')));
    assert.ok(data.consultationSubmissions.some((s) => s.status === 'draft'));
    const other = JSON.parse((await official.get('/konto/dane.json')).body) as { consultationSubmissions: unknown[] };
    assert.deepEqual(other.consultationSubmissions, []);
  });

  it('lets officials enter paper and e-mail submissions with a receipt, within the period only', async () => {
    const url = `/konsultacje/${consultationId}/zgloszenia/papierowe`;
    assert.equal((await member.get(url)).status, 403);
    const page = await official.get(url);
    assert.equal(page.status, 200);
    assert.match(page.body, /Fundacja Alfa/);
    const base = {
      kind: 'comment',
      channel: 'paper',
      submitterKind: 'organization',
      organizationId: '',
      organizationName: 'Klub Seniora spoza katalogu',
      provision: 'implementation',
      proposedWording: 'Program realizują wydziały i organizacje.',
    };
    const late = await official.post(url, { ...base, receivedOn: '2026-10-26' });
    assert.equal(late.status, 400);
    assert.match(late.body, /Data wpływu musi przypadać w okresie konsultacji/);
    assert.match(late.body, /value="Klub Seniora spoza katalogu"/);
    now = new Date('2026-10-27T09:00:00Z'); // after the end: paper dated within the period still counts
    try {
      const entered = await official.post(url, { ...base, receivedOn: '2026-10-24', submitterEmail: 'klub@example.org' });
      assert.equal(entered.status, 303);
      const sid = Number(/wpisano=(\d+)/.exec(entered.location ?? '')?.[1]);
      const row = await submission(sid);
      assert.equal(row.status, 'sent');
      assert.equal(row.channel, 'paper');
      assert.equal(row.received_on, '2026-10-24');
      assert.equal(row.submitter_name, 'Klub Seniora spoza katalogu');
      const shown = await official.get(entered.location!);
      assert.match(shown.body, new RegExp(`Wpisano zgłoszenie nr ${row.receipt_number}`));
      const mail = await t.services.db
        .selectFrom('mails')
        .selectAll()
        .where('to_address', '=', 'klub@example.org')
        .executeTakeFirstOrThrow();
      assert.match(mail.subject, new RegExp(row.receipt_number!));
      const byOrg = await official.post(url, {
        ...base,
        kind: 'task',
        channel: 'email',
        organizationId: String(orgA),
        organizationName: '',
        receivedOn: '2026-10-12',
        title: 'Zadanie z e-maila',
        description: 'Opis',
      });
      assert.equal(byOrg.status, 303);
      const task = await submission(Number(/wpisano=(\d+)/.exec(byOrg.location ?? '')?.[1]));
      assert.equal(task.organization_id, orgA);
      assert.equal(task.submitter_name, 'Fundacja Alfa');
      assert.equal(task.kind, 'task');
      const audit = await t.services.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'consultation.submission-entered')
        .execute();
      assert.equal(audit.length, 2);
      // Members cannot send online after the end.
      await member.get(commentUrl());
      assert.equal((await member.post(commentUrl(), { provision: 'scope', proposedWording: 'x', action: 'send' })).status, 409);
      // Once closed, no entries at all.
      await t.services.db.updateTable('consultations').set({ status: 'closed' }).where('id', '=', consultationId).execute();
      await official.get(url);
      const closed = await official.post(url, { ...base, receivedOn: '2026-10-20' });
      assert.equal(closed.status, 409);
      await t.services.db.updateTable('consultations').set({ status: 'announced' }).where('id', '=', consultationId).execute();
    } finally {
      now = new Date('2026-10-20T10:00:00Z');
    }
  });
});
