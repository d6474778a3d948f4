import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { addMember, seedMeeting, seedOrganization } from './test-fixtures.js';

describe('meeting registration: organisations, guests, deadline, waitlist', () => {
  let t: TestApp;
  let member: TestClient;
  let memberId: number;
  let resident: TestClient;
  let official: TestClient;
  let krokus: number;
  let alternatywa: number;

  const mailsTo = (to: string) =>
    t.services.db.selectFrom('mails').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('id').execute();

  async function signedIn(email: string, roles: Array<'official'> = []) {
    const id = await createUser(t.services, email, roles);
    const client = t.client();
    await signInClient(client, email);
    return { id, client };
  }

  before(async () => {
    t = await createTestApp();
    krokus = await seedOrganization(t.services.db, 'Stowarzyszenie Społeczno-Kulturalne Krokus', 'krokus');
    alternatywa = await seedOrganization(t.services.db, 'MCP Alternatywa', 'mcp-alternatywa');
    ({ id: memberId, client: member } = await (async () => {
      const id = await createUser(t.services, 'barbara@example.org');
      await addMember(t.services.db, krokus, id);
      await addMember(t.services.db, alternatywa, id);
      const client = t.client();
      await signInClient(client, 'barbara@example.org');
      return { id, client };
    })());
    ({ client: resident } = await signedIn('mieszkanka@example.org'));
    ({ client: official } = await signedIn('urzednik@example.org', ['official']));
  });
  after(async () => t.close());

  it('registers a member on behalf of a chosen organisation, with accessibility needs, and mails a confirmation', async () => {
    const meeting = await seedMeeting(t.services.db);
    const page = await member.get(`/spotkania/${meeting}/zapisy`);
    assert.equal(page.status, 200);
    assert.match(page.body, /W czyim imieniu się zapisujesz\?/);
    assert.match(page.body, /MCP Alternatywa/);
    assert.match(page.body, /Stowarzyszenie Społeczno-Kulturalne Krokus/);
    assert.doesNotMatch(page.body, /Jako mieszkanka/, 'guests are not allowed at this meeting');

    const done = await member.post(`/spotkania/${meeting}/zapisy`, {
      organization: String(krokus),
      accessibilityNeeds: 'Pętla indukcyjna',
    });
    assert.equal(done.status, 303);
    const after = await member.get(done.location!);
    assert.match(after.body, /Zapisaliśmy Cię na spotkanie/);
    assert.match(after.body, /Reprezentujesz: Stowarzyszenie Społeczno-Kulturalne Krokus/);
    assert.match(after.body, /Rezygnuję ze spotkania/);
    const row = await t.services.db
      .selectFrom('meeting_registrations')
      .selectAll()
      .where('meeting_id', '=', meeting)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'registered');
    assert.equal(row.organization_id, krokus);
    assert.equal(row.user_id, memberId);
    assert.equal(row.accessibility_needs, 'Pętla indukcyjna');
    const mails = await mailsTo('barbara@example.org');
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /Zapis na spotkanie/);
    assert.match(mails[0]!.body_text, new RegExp(`/spotkania/${meeting}/kalendarz\\.ics`));

    const twice = await member.post(`/spotkania/${meeting}/zapisy`, { organization: String(alternatywa) });
    assert.equal(twice.status, 400, 'one active registration per person');
  });

  it('defaults to the organisation the person acts for in this session', async () => {
    const meeting = await seedMeeting(t.services.db);
    await member.get('/konto/w-imieniu');
    assert.equal((await member.post('/konto/w-imieniu', { organization: String(alternatywa), returnTo: '/konto' })).status, 303);
    const page = await member.get(`/spotkania/${meeting}/zapisy`);
    assert.match(page.body, new RegExp(`name="organization" value="${alternatywa}" checked`));
    assert.doesNotMatch(page.body, new RegExp(`name="organization" value="${krokus}" checked`));
  });

  it('refuses a registration for an organisation the person does not belong to', async () => {
    const other = await seedOrganization(t.services.db, 'Fundacja Obca', 'fundacja-obca');
    const meeting = await seedMeeting(t.services.db);
    await member.get(`/spotkania/${meeting}/zapisy`);
    const refused = await member.post(`/spotkania/${meeting}/zapisy`, { organization: String(other) });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /tylko w imieniu organizacji, do której należysz/);
  });

  it('refuses after the deadline with a clear message and keeps what was typed', async () => {
    const meeting = await seedMeeting(t.services.db, {
      registration_deadline: new Date(Date.now() - 60_000).toISOString(),
    });
    const page = await member.get(`/spotkania/${meeting}/zapisy`);
    assert.match(page.body, /Termin zapisów minął/);
    const refused = await member.post(`/spotkania/${meeting}/zapisy`, {
      organization: String(krokus),
      accessibilityNeeds: 'Tłumacz PJM',
    });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /Termin zapisów minął/);
    assert.match(refused.body, /Tłumacz PJM/);
    const rows = await t.services.db.selectFrom('meeting_registrations').select('id').where('meeting_id', '=', meeting).execute();
    assert.equal(rows.length, 0);
  });

  it('hides drafts from members and refuses officials while the meeting is not published', async () => {
    const draft = await seedMeeting(t.services.db, { status: 'draft' });
    assert.equal((await member.get(`/spotkania/${draft}/zapisy`)).status, 404);
    const page = await official.get(`/spotkania/${draft}/zapisy`);
    assert.equal(page.status, 200);
    assert.match(page.body, /nie zostało jeszcze opublikowane/);
    const refused = await official.post(`/spotkania/${draft}/zapisy`, { organization: 'guest' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /nie zostało jeszcze opublikowane/);
    const cancelled = await seedMeeting(t.services.db, { status: 'cancelled' });
    await member.get(`/spotkania/${cancelled}/zapisy`);
    const refusedCancelled = await member.post(`/spotkania/${cancelled}/zapisy`, { organization: String(krokus) });
    assert.equal(refusedCancelled.status, 400);
    assert.match(refusedCancelled.body, /Spotkanie zostało odwołane/);
  });

  it('lets residents register as guests only where guests are allowed', async () => {
    const closed = await seedMeeting(t.services.db);
    const page = await resident.get(`/spotkania/${closed}/zapisy`);
    assert.match(page.body, /zapisują się przedstawiciele organizacji pozarządowych/);
    const refused = await resident.post(`/spotkania/${closed}/zapisy`, { organization: 'guest' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /nie można zapisać się jako gość/);

    const open = await seedMeeting(t.services.db, { guests_allowed: 1 });
    const openPage = await resident.get(`/spotkania/${open}/zapisy`);
    assert.match(openPage.body, /Jako mieszkanka lub mieszkaniec \(gość\)/);
    const done = await resident.post(`/spotkania/${open}/zapisy`, { organization: 'guest' });
    assert.equal(done.status, 303);
    const row = await t.services.db
      .selectFrom('meeting_registrations')
      .select(['status', 'organization_id'])
      .where('meeting_id', '=', open)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'registered', organization_id: null });
  });

  it('refuses self-registration for invitation-only meetings', async () => {
    const meeting = await seedMeeting(t.services.db, { visibility: 'invitation' });
    const page = await member.get(`/spotkania/${meeting}/zapisy`);
    assert.match(page.body, /tylko dla zaproszonych/);
    const refused = await member.post(`/spotkania/${meeting}/zapisy`, { organization: String(krokus) });
    assert.equal(refused.status, 400);
  });

  it('lets officials register people for an invitation-only meeting', async () => {
    const meeting = await seedMeeting(t.services.db, { visibility: 'invitation', capacity: 10 });
    const list = await official.get(`/spotkania/${meeting}/zgloszenia`);
    assert.match(list.body, /tylko dla zaproszonych/);
    const unknown = await official.post(`/spotkania/${meeting}/zgloszenia`, {
      email: 'nikt@example.org',
      organization: 'MCP Alternatywa',
      accessibilityNeeds: '',
    });
    assert.equal(unknown.status, 400);
    assert.match(unknown.body, /Nie ma konta z tym adresem/);
    assert.match(unknown.body, /value="nikt@example.org"/);
    const noOrganisation = await official.post(`/spotkania/${meeting}/zgloszenia`, {
      email: 'barbara@example.org',
      organization: 'Fundacja Której Nie Ma',
      accessibilityNeeds: '',
    });
    assert.equal(noOrganisation.status, 400);
    assert.match(noOrganisation.body, /Nie ma takiej organizacji w katalogu/);
    const done = await official.post(`/spotkania/${meeting}/zgloszenia`, {
      email: 'Barbara@example.org',
      organization: 'mcp alternatywa',
      accessibilityNeeds: 'Dostęp bez schodów',
    });
    assert.equal(done.status, 303);
    const after = await official.get(done.location!);
    assert.match(after.body, /Zapisano: barbara@example.org/);
    assert.match(after.body, /Dostęp bez schodów/);
    const own = await member.get(`/spotkania/${meeting}/zapisy`);
    assert.match(own.body, /Jesteś zapisana\/zapisany na to spotkanie/);
    assert.match(own.body, /Reprezentujesz: MCP Alternatywa/);
    const mails = await mailsTo('barbara@example.org');
    assert.match(mails.at(-1)!.body_text, /Reprezentujesz: MCP Alternatywa/);
    const again = await official.post(`/spotkania/${meeting}/zgloszenia`, { email: 'barbara@example.org', organization: '' });
    assert.equal(again.status, 400);
    assert.match(again.body, /już zapisana na to spotkanie/);
  });

  it('puts registrations beyond the capacity on the waitlist and promotes the first one when a place is freed', async () => {
    const meeting = await seedMeeting(t.services.db, { capacity: 1, guests_allowed: 1 });
    const people = [] as Array<{ email: string; client: TestClient }>;
    for (const email of ['pierwsza@example.org', 'druga@example.org', 'trzecia@example.org']) {
      const { client } = await signedIn(email);
      people.push({ email, client });
    }
    for (const p of people) {
      await p.client.get(`/spotkania/${meeting}/zapisy`);
      assert.equal((await p.client.post(`/spotkania/${meeting}/zapisy`, { organization: 'guest' })).status, 303);
    }
    assert.match((await people[1]!.client.get(`/spotkania/${meeting}/zapisy`)).body, /liście rezerwowej, na miejscu 1\b/);
    assert.match((await people[2]!.client.get(`/spotkania/${meeting}/zapisy`)).body, /liście rezerwowej, na miejscu 2\b/);
    assert.match((await mailsTo('trzecia@example.org'))[0]!.body_text, /na miejscu 2\b/);

    const list = await official.get(`/spotkania/${meeting}/zgloszenia`);
    assert.equal(list.status, 200);
    assert.ok(list.body.indexOf('pierwsza@example.org') < list.body.indexOf('druga@example.org'));
    assert.match(list.body, /lista rezerwowa, miejsce 1/);
    assert.match(list.body, /lista rezerwowa, miejsce 2/);

    const cancel = await people[0]!.client.post(`/spotkania/${meeting}/zapisy/rezygnacja`, {});
    assert.equal(cancel.status, 303);
    const statuses = await t.services.db
      .selectFrom('meeting_registrations')
      .innerJoin('users', 'users.id', 'meeting_registrations.user_id')
      .select(['users.email', 'meeting_registrations.status'])
      .where('meeting_id', '=', meeting)
      .orderBy('meeting_registrations.id')
      .execute();
    assert.deepEqual(
      statuses.map((s) => `${s.email}:${s.status}`),
      ['pierwsza@example.org:cancelled', 'druga@example.org:registered', 'trzecia@example.org:waitlisted'],
    );
    const promotedMail = (await mailsTo('druga@example.org')).at(-1)!;
    assert.match(promotedMail.subject, /Zwolniło się miejsce/);
    assert.match((await people[2]!.client.get(`/spotkania/${meeting}/zapisy`)).body, /na miejscu 1\b/);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'in', ['meeting.registration_cancelled', 'meeting.registration_promoted'])
      .execute();
    assert.equal(audit.length, 2);
    // The freed person may register again (the partial unique index ignores cancelled rows): the waitlist.
    await people[0]!.client.get(`/spotkania/${meeting}/zapisy`);
    assert.equal((await people[0]!.client.post(`/spotkania/${meeting}/zapisy`, { organization: 'guest' })).status, 303);
    assert.match((await people[0]!.client.get(`/spotkania/${meeting}/zapisy`)).body, /na miejscu 2\b/);
  });

  it('keeps the registrations list and the attendance list from non-officials', async () => {
    const meeting = await seedMeeting(t.services.db);
    for (const url of [`/spotkania/${meeting}/zgloszenia`, `/spotkania/${meeting}/obecnosc`]) {
      assert.equal((await member.get(url)).status, 403, url);
      assert.equal((await resident.get(url)).status, 403, url);
      assert.equal((await t.client().get(url)).status, 303, `${url}: visitors sign in first`);
    }
    assert.equal(
      (await resident.post(`/spotkania/${meeting}/obecnosc`, { action: 'walk-in', fullName: 'X', role: 'guest' })).status,
      403,
    );
    assert.equal((await official.get(`/spotkania/999999/zgloszenia`)).status, 404);
  });
});
