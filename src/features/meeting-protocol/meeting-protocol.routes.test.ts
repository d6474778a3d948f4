import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { docxText, pdfText } from '../../platform/documents/inspect.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

const now = '2026-03-02T09:00:00.000Z';

describe('meeting protocol routes', () => {
  let t: TestApp;
  let official: TestClient;
  let member: TestClient;
  let meetingId: number;
  let agenda: number[];

  const addMinutes = async (version: number, status: 'draft' | 'circulated' | 'approved' | 'published', text: string) => {
    await t.services.db
      .insertInto('meeting_minutes')
      .values({
        meeting_id: meetingId,
        version,
        status,
        items_json: JSON.stringify([
          { agendaItemId: agenda[0], text },
          { agendaItemId: agenda[1], text: 'Ustalono zasady: {zasady}.\n\n- pierwszy punkt\n- drugi punkt' },
        ]),
        closing_md: 'Na tym spotkanie zakończono.',
        author_name: 'Ola Protokolantka',
        author_position: 'Inspektor',
        created_at: now,
      })
      .execute();
  };

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.test', ['official']);
    await createUser(t.services, 'czlonek@example.test');
    official = t.client();
    await signInClient(official, 'urzednik@example.test');
    member = t.client();
    await signInClient(member, 'czlonek@example.test');
    const meeting = await t.services.db
      .insertInto('meetings')
      .values({
        status: 'published',
        title: 'Spotkanie robocze o programie współpracy na 2027 rok',
        topic: 'Program współpracy 2027',
        starts_at: '2026-03-02T09:00:00.000Z',
        ends_at: '2026-03-02T11:30:00.000Z',
        place: 'Sala sesyjna',
        host_name: 'Jan Prowadzący',
        organiser: 'Biuro Pełnomocnika',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    meetingId = meeting.id;
    agenda = [];
    for (const [i, title] of ['Otwarcie', 'Zasady współpracy'].entries()) {
      const row = await t.services.db
        .insertInto('meeting_agenda_items')
        .values({ meeting_id: meetingId, position: i + 1, title })
        .returning('id')
        .executeTakeFirstOrThrow();
      agenda.push(row.id);
    }
    await t.services.db
      .insertInto('meeting_outcomes')
      .values([
        {
          meeting_id: meetingId,
          kind: 'principle',
          position: 1,
          text: 'partnerstwa',
          agenda_item_id: agenda[1]!,
          created_at: now,
        },
        { meeting_id: meetingId, kind: 'principle', position: 2, text: 'jawności', agenda_item_id: agenda[1]!, created_at: now },
        {
          meeting_id: meetingId,
          kind: 'promotion-form',
          position: 1,
          text: 'plakaty w autobusach',
          agenda_item_id: agenda[0]!,
          created_at: now,
        },
        {
          meeting_id: meetingId,
          kind: 'decision',
          position: 1,
          text: 'Kolejne spotkanie w kwietniu',
          agenda_item_id: null,
          created_at: now,
        },
      ])
      .execute();
    await t.services.db
      .insertInto('meeting_attendees')
      .values([
        { meeting_id: meetingId, full_name: 'Tajna Osoba', role: 'ngo', organization_name: 'Fundacja „Las”', checked_in_at: now },
        { meeting_id: meetingId, full_name: 'Druga Osoba', role: 'ngo', organization_name: 'fundacja las', checked_in_at: now },
        { meeting_id: meetingId, full_name: 'Urzędnik Jeden', role: 'official', checked_in_at: now },
      ])
      .execute();
  });
  after(() => t.close());

  it('does not exist for the public before a version is published; officials get a marked preview', async () => {
    assert.equal((await t.client().get(`/spotkania/${meetingId}/protokol`)).status, 404);
    assert.equal((await t.client().get(`/spotkania/${meetingId}/protokol.pdf`)).status, 404);
    assert.equal((await member.get(`/spotkania/${meetingId}/protokol.docx`)).status, 404);
    const preview = await official.get(`/spotkania/${meetingId}/protokol`);
    assert.equal(preview.status, 200);
    assert.match(preview.body, /Projekt protokołu/);
    assert.match(preview.body, /protokół nie ma jeszcze treści/);

    await addMinutes(1, 'circulated', 'Pierwsza wersja tekstu.');
    assert.equal((await t.client().get(`/spotkania/${meetingId}/protokol`)).status, 404);
    const draft = await official.get(`/spotkania/${meetingId}/protokol`);
    assert.match(draft.body, /wersja 1 \(przesłany do uwag\)/);
    assert.match(draft.body, /Pierwsza wersja tekstu\./);
    assert.equal(draft.headers['x-robots-tag'], 'noindex');
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/spotkania/${meetingId}/protokol.pdf`,
      headers: { cookie: official.cookieHeader() },
    });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['cache-control'], 'private, no-store');
    assert.match(String(pdf.headers['content-disposition']), /filename="projekt-protokol-2026-03-02-spotkanie-\d+\.pdf"/);
    assert.match(await pdfText(pdf.rawPayload), /PROJEKT \(wersja 1\)/);
  });

  it('shows the public the newest published version while officials see the newer draft', async () => {
    await addMinutes(2, 'published', 'Opublikowany tekst.');
    await addMinutes(3, 'draft', 'Poprawki w toku.');
    const page = await t.client().get(`/spotkania/${meetingId}/protokol`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Opublikowany tekst\./);
    assert.doesNotMatch(page.body, /Poprawki w toku|Projekt protokołu/);
    const docx = await t.app.inject({ method: 'GET', url: `/spotkania/${meetingId}/protokol.docx` });
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.headers['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    assert.match(docxText(docx.rawPayload), /Opublikowany tekst\./);
    const preview = await official.get(`/spotkania/${meetingId}/protokol`);
    assert.match(preview.body, /Poprawki w toku\./);
    assert.match(preview.body, /wersja 3 \(szkic\)/);
  });

  it('places outcomes in their items, counts attendees without naming them', async () => {
    const page = await t.client().get(`/spotkania/${meetingId}/protokol`);
    assert.match(page.body, /Ustalono zasady: partnerstwa oraz jawności\./);
    assert.match(page.body, /<li>pierwszy punkt<\/li><li>drugi punkt<\/li>/);
    // Not placed by the text of item 1: after it, with a lead-in.
    assert.match(
      page.body,
      /Ad\. 1\. Otwarcie<\/h2><p>Opublikowany tekst\.<\/p><p>Formy promocji:<\/p><ul><li>plakaty w autobusach<\/li><\/ul>/,
    );
    // Tied to no agenda item and placed by no text: its own section before the closing.
    assert.match(
      page.body,
      /Pozostałe ustalenia<\/h2><p>Ustalenia:<\/p><ol type="1"><li>Kolejne spotkanie w kwietniu<\/li><\/ol>/,
    );
    assert.match(
      page.body,
      /w spotkaniu wzięło udział dwóch przedstawicieli organizacji pozarządowych, reprezentujących jeden podmiot, oraz jeden urzędnik\./,
    );
    assert.match(page.body, /Godzina:<\/strong> 10:00–12:30/);
    assert.match(page.body, /Oprac\.:<\/strong> Ola Protokolantka \(Inspektor\)/);
    for (const name of ['Tajna Osoba', 'Druga Osoba', 'Urzędnik Jeden']) assert.ok(!page.body.includes(name));
  });

  it('keeps the protocol Polish on an English page, with English page chrome', async () => {
    const client = t.client();
    const page = await client.get(`/spotkania/${meetingId}/protokol`, { cookie: 'lang=en' });
    assert.equal(page.status, 200);
    assert.match(page.body, /<article class="protocol" lang="pl">/);
    assert.match(page.body, /Download the minutes/);
  });

  it('answers 404 for unknown or malformed ids and for a meeting that is still a draft', async () => {
    for (const id of ['999999', 'abc', '1.5', '-1', '0', '99999999999999999999']) {
      assert.equal((await t.client().get(`/spotkania/${id}/protokol`)).status, 404, id);
    }
    await t.services.db.updateTable('meetings').set({ status: 'draft' }).where('id', '=', meetingId).execute();
    assert.equal((await t.client().get(`/spotkania/${meetingId}/protokol`)).status, 404);
    assert.equal((await official.get(`/spotkania/${meetingId}/protokol`)).status, 200);
    await t.services.db.updateTable('meetings').set({ status: 'published' }).where('id', '=', meetingId).execute();
  });
});
