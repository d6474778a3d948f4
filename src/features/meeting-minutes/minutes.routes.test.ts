import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { publishedMinutes } from './index.js';
import { checkIn, dayFromNow, insertMeeting, register } from './test-fixtures.js';

describe('minutes: versions, circulation, remarks, approval, publication', () => {
  let t: TestApp;
  let official: TestClient;
  let participant: TestClient;
  let walkIn: TestClient;
  let stranger: TestClient;
  let meeting: { id: number; agenda: number[] };
  let edit: string;
  let remarks: string;

  const text = (overrides: Record<string, string> = {}) => ({
    [`item${meeting.agenda[0]}`]: 'Spotkanie otworzyła Anna Szymańska.',
    [`item${meeting.agenda[1]}`]: 'Uczestnicy zostali podzieleni na dwie grupy.\n\nNastępnie grupy zamieniły się stanowiskami.',
    [`item${meeting.agenda[2]}`]: 'Dyskusja w formule „burzy mózgów”.',
    [`item${meeting.agenda[3]}`]: '- promocja w Internecie\n- baza danych NGO',
    closing: 'Na tym spotkanie zakończono.',
    authorName: 'Aleksandra Michalska',
    authorPosition: 'Inspektor ds. Współpracy z Organizacjami Pozarządowymi',
    ...overrides,
  });

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    const participantId = await createUser(t.services, 'uczestniczka@example.org');
    await createUser(t.services, 'gosc@example.org');
    await createUser(t.services, 'obcy@example.org');
    meeting = await insertMeeting(t.services.db);
    await register(t.services.db, meeting.id, participantId);
    // Checked in at the door with the e-mail of an account (case differs), and one without an account.
    await checkIn(t.services.db, meeting.id, { fullName: 'Gość Spotkania', email: 'Gosc@Example.org' });
    await checkIn(t.services.db, meeting.id, { fullName: 'Bez Konta', email: 'bez.konta@example.org' });
    await checkIn(t.services.db, meeting.id, { fullName: 'Bez Poczty', email: null });
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
    participant = t.client();
    await signInClient(participant, 'uczestniczka@example.org');
    walkIn = t.client();
    await signInClient(walkIn, 'gosc@example.org');
    stranger = t.client();
    await signInClient(stranger, 'obcy@example.org');
    edit = `/spotkania/${meeting.id}/protokol/edycja`;
    remarks = `/spotkania/${meeting.id}/protokol/uwagi`;
  });
  after(async () => t.close());

  it('every save is a new version; a stale save is refused with the text kept; versions compare', async () => {
    let page = await official.get(edit);
    assert.equal(page.status, 200);
    assert.match(page.body, /Ad\. 1\. Rozpoczęcie/);
    assert.match(page.body, /Ad\. 4\. Podsumowanie spotkania/);
    assert.equal((await official.post(edit, { baseVersion: '0', ...text() })).status, 303);
    await official.get(edit);
    const second = await official.post(edit, {
      baseVersion: '1',
      ...text({ [`item${meeting.agenda[2]}`]: 'Dyskusja w formule „burzy mózgów” moderowanej przez Annę Szymańską.' }),
    });
    assert.equal(second.status, 303);
    await official.get(edit);
    const stale = await official.post(edit, { baseVersion: '1', ...text({ closing: 'Tekst z nieaktualnej wersji' }) });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /Ktoś zapisał lub zmienił protokół w międzyczasie/);
    assert.match(stale.body, /Tekst z nieaktualnej wersji<\/textarea>/);

    const rows = await t.services.db
      .selectFrom('meeting_minutes')
      .select(['version', 'status'])
      .where('meeting_id', '=', meeting.id)
      .orderBy('version')
      .execute();
    assert.deepEqual(rows, [
      { version: 1, status: 'draft' },
      { version: 2, status: 'draft' },
    ]);
    page = await official.get(`${edit}?porownaj=1`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Zmiany od wersji 1 do wersji 2/);
    assert.match(page.body, /<del><span class="visually-hidden">usunięto: <\/span>− Dyskusja w formule „burzy mózgów”.<\/del>/);
    assert.match(
      page.body,
      /<ins><span class="visually-hidden">dodano: <\/span>\+ Dyskusja w formule „burzy mózgów” moderowanej/,
    );
    assert.equal((await official.get(`${edit}?porownaj=abc`)).status, 200);
    // Too long a text is refused, nothing is written.
    await official.get(edit);
    const tooLong = await official.post(edit, { baseVersion: '2', ...text({ authorName: 'x'.repeat(201) }) });
    assert.equal(tooLong.status, 400);
    assert.equal(
      (await t.services.db.selectFrom('meeting_minutes').select('id').where('meeting_id', '=', meeting.id).execute()).length,
      2,
    );
  });

  it('remarks page: nobody remarks before circulation; a stranger is refused', async () => {
    const page = await participant.get(remarks);
    assert.equal(page.status, 200);
    assert.match(page.body, /nie jest teraz przekazany do uwag/);
    assert.doesNotMatch(page.body, /Wyślij uwagę/);
    assert.equal((await participant.post(remarks, { text: 'Za wcześnie' })).status, 400);
    assert.equal((await stranger.get(remarks)).status, 403);
  });

  it('circulating mails every registered person and checked-in attendee with an e-mail, once', async () => {
    await official.get(edit);
    const past = await official.post(`${edit}/rozeslanie`, { version: '2', remarksUntil: '2018-07-31' });
    assert.equal(past.status, 400);
    assert.match(past.body, /nie może być wcześniejszy niż dziś/);
    await official.get(edit);
    const stale = await official.post(`${edit}/rozeslanie`, { version: '1', remarksUntil: dayFromNow(7) });
    assert.equal(stale.status, 409);
    assert.equal((await t.services.db.selectFrom('mails').select('id').execute()).length, 0);

    await official.get(edit);
    const sent = await official.post(`${edit}/rozeslanie`, { version: '2', remarksUntil: dayFromNow(7) });
    assert.equal(sent.status, 303);
    const mails = await t.services.db.selectFrom('mails').select(['to_address', 'subject', 'body_text']).execute();
    assert.deepEqual(mails.map((m) => m.to_address.toLowerCase()).sort(), [
      'bez.konta@example.org',
      'gosc@example.org',
      'uczestniczka@example.org',
    ]);
    assert.match(mails[0]!.subject, /Protokół do uwag: Wypracowanie rocznego programu/);
    assert.ok(mails[0]!.body_text.includes(`http://localhost:3000/spotkania/${meeting.id}/protokol/uwagi`));
    const row = await t.services.db
      .selectFrom('meeting_minutes')
      .select(['status', 'remarks_until', 'circulated_at'])
      .where('version', '=', 2)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'circulated');
    assert.equal(row.remarks_until, dayFromNow(7));
    assert.ok(row.circulated_at);
  });

  it('participants remark (registered or checked in); a stranger gets 403; an official answers', async () => {
    let page = await participant.get(remarks);
    assert.equal(page.status, 200);
    assert.match(page.body, /moderowanej przez Annę Szymańską/);
    assert.match(page.body, /Wyślij uwagę/);
    const saved = await participant.post(remarks, {
      agendaItemId: String(meeting.agenda[1]),
      text: 'Proszę dopisać nazwiska gospodarzy stolików.',
    });
    assert.equal(saved.status, 303);
    await walkIn.get(remarks);
    assert.equal((await walkIn.post(remarks, { agendaItemId: '', text: 'Bez uwag.' })).status, 303);
    await stranger.get('/konto');
    assert.equal((await stranger.post(remarks, { text: 'Nie byłem, ale mam uwagi', _csrf: stranger.csrfToken() })).status, 403);
    await participant.get(remarks);
    const foreignItem = await participant.post(remarks, { agendaItemId: '999999', text: 'Uwaga' });
    assert.equal(foreignItem.status, 400);
    await participant.get(remarks);
    assert.equal((await participant.post(remarks, { text: '' })).status, 400);

    const list = await t.services.db
      .selectFrom('meeting_minutes_remarks')
      .select(['id', 'text', 'agenda_item_id'])
      .orderBy('id')
      .execute();
    assert.equal(list.length, 2);
    assert.equal(list[0]!.agenda_item_id, meeting.agenda[1]);

    page = await official.get(edit);
    assert.match(page.body, /Proszę dopisać nazwiska gospodarzy stolików/);
    const answer = await official.post(`${edit}/odpowiedz`, {
      remarkId: String(list[0]!.id),
      [`answer${list[0]!.id}`]: 'Dopisano w wersji 3.',
    });
    assert.equal(answer.status, 303);
    const answerMail = await t.services.db
      .selectFrom('mails')
      .select(['subject', 'body_text'])
      .where('to_address', '=', 'uczestniczka@example.org')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(answerMail.subject, /Odpowiedź na Twoją uwagę do protokołu/);
    assert.match(answerMail.body_text, /Proszę dopisać nazwiska gospodarzy stolików\.[\s\S]*Dopisano w wersji 3\./);
    await official.get(edit);
    assert.equal(
      (await official.post(`${edit}/odpowiedz`, { remarkId: String(list[0]!.id), [`answer${list[0]!.id}`]: ' ' })).status,
      400,
    );
    await official.get(edit);
    assert.equal((await official.post(`${edit}/odpowiedz`, { remarkId: '999999', answer999999: 'x' })).status, 400);
    page = await participant.get(remarks);
    assert.match(page.body, /Dopisano w wersji 3\./);
    assert.doesNotMatch(page.body, /Bez uwag\./, 'a participant sees only their own remarks');

    // Editing while circulated keeps the minutes circulated.
    await official.get(edit);
    assert.equal(
      (
        await official.post(edit, {
          baseVersion: '2',
          ...text({ closing: 'Na tym spotkanie zakończono. Gospodarze: K. Grzywaczyk, B. Domichowska.' }),
        })
      ).status,
      303,
    );
    const current = await t.services.db
      .selectFrom('meeting_minutes')
      .select(['version', 'status', 'remarks_until'])
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(current, { version: 3, status: 'circulated', remarks_until: dayFromNow(7) });
  });

  it('approval waits for the remarks period unless confirmed; a late remark is refused with its text kept', async () => {
    await official.get(edit);
    const early = await official.post(`${edit}/zatwierdzenie`, { version: '3' });
    assert.equal(early.status, 400);
    assert.match(early.body, /Zaznacz potwierdzenie/);
    assert.match(early.body, /name="confirmEarly"/);

    // The period ends (yesterday was the last day).
    await t.services.db
      .updateTable('meeting_minutes')
      .set({ remarks_until: dayFromNow(-2) })
      .where('meeting_id', '=', meeting.id)
      .where('version', '=', 3)
      .execute();
    await participant.get(remarks);
    const late = await participant.post(remarks, { text: 'Spóźniona uwaga o stolikach.' });
    assert.equal(late.status, 400);
    assert.match(late.body, /Termin uwag minął/);
    assert.match(late.body, /Spóźniona uwaga o stolikach\.<\/textarea>/);
    assert.equal((await t.services.db.selectFrom('meeting_minutes_remarks').select('id').execute()).length, 2);

    await official.get(edit);
    assert.equal((await official.post(`${edit}/publikacja`, { version: '3' })).status, 400, 'not approved yet');
    await official.get(edit);
    const approved = await official.post(`${edit}/zatwierdzenie`, { version: '3' });
    assert.equal(approved.status, 303);
    const row = await t.services.db
      .selectFrom('meeting_minutes')
      .select(['status', 'approved_by', 'approved_at'])
      .where('version', '=', 3)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'approved');
    assert.ok(row.approved_by && row.approved_at);
  });

  it('publishing makes the protocol public; editing afterwards starts a new draft; every step audited', async () => {
    assert.equal(await publishedMinutes(t.services.db, meeting.id), undefined);
    await official.get(edit);
    assert.equal((await official.post(`${edit}/publikacja`, { version: '3' })).status, 303);
    const published = await publishedMinutes(t.services.db, meeting.id);
    assert.equal(published?.version, 3);
    assert.ok(published?.published_at);

    let page = await official.get(edit);
    assert.match(page.body, /opublikowany/);
    assert.match(page.body, new RegExp(`href="/spotkania/${meeting.id}/protokol"`));
    assert.equal((await official.post(edit, { baseVersion: '3', ...text() })).status, 303);
    const newest = await t.services.db
      .selectFrom('meeting_minutes')
      .select(['version', 'status'])
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(newest, { version: 4, status: 'draft' });
    assert.equal((await publishedMinutes(t.services.db, meeting.id))?.version, 3, 'the published version stays');
    page = await participant.get(remarks);
    assert.match(page.body, /Zobacz opublikowany protokół/);

    const actions = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'meeting.minutes%')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      [
        'meeting.minutes_saved',
        'meeting.minutes_saved',
        'meeting.minutes_circulated',
        'meeting.minutes_remarked',
        'meeting.minutes_remarked',
        'meeting.minutes_remark_answered',
        'meeting.minutes_saved',
        'meeting.minutes_approved',
        'meeting.minutes_published',
        'meeting.minutes_saved',
      ],
    );
  });

  it('only officials edit; participants cannot reach the editor', async () => {
    assert.equal((await participant.get(edit)).status, 403);
    assert.equal((await official.get('/spotkania/999999/protokol/edycja')).status, 404);
    assert.equal((await participant.get('/spotkania/999999/protokol/uwagi')).status, 404);
  });
});
