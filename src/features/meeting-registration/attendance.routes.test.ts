import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { pdfInfo, pdfText } from '../../platform/documents/inspect.js';
import { addMember, seedMeeting, seedOrganization } from './test-fixtures.js';

/** The counts shown on the attendance page. */
function countsOf(html: string) {
  const value = (name: string) => Number(new RegExp(`data-count="${name}">(\\d+)<`).exec(html)?.[1]);
  return {
    persons: value('persons'),
    ngo: value('ngo'),
    organizations: value('organizations'),
    officials: value('officials'),
    guests: value('guests'),
  };
}

describe('attendance list (lista obecności)', () => {
  let t: TestApp;
  let official: TestClient;

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  it('checks a registered person in once, counts them, and undoes the check-in', async () => {
    const krokus = await seedOrganization(t.services.db, 'Stowarzyszenie Krokus', 'krokus');
    const meeting = await seedMeeting(t.services.db);
    const userId = await createUser(t.services, 'kamila@example.org');
    await addMember(t.services.db, krokus, userId);
    const registration = await t.services.db
      .insertInto('meeting_registrations')
      .values({
        meeting_id: meeting,
        user_id: userId,
        organization_id: krokus,
        status: 'registered',
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const page = await official.get(`/spotkania/${meeting}/obecnosc`);
    assert.equal(page.status, 200);
    assert.deepEqual(countsOf(page.body), { persons: 0, ngo: 0, organizations: 0, officials: 0, guests: 0 });
    assert.match(page.body, /Potwierdź obecność<span class="visually-hidden">: kamila<\/span>/);

    const checkIn = { action: 'check-in', registration: String(registration.id) };
    assert.equal((await official.post(`/spotkania/${meeting}/obecnosc`, checkIn)).status, 303);
    await official.get(`/spotkania/${meeting}/obecnosc`);
    const again = await official.post(`/spotkania/${meeting}/obecnosc`, checkIn);
    assert.equal(again.status, 303);
    const after = await official.get(`/spotkania/${meeting}/obecnosc`);
    assert.match(after.body, /Obecność tej osoby była już potwierdzona/);
    assert.deepEqual(countsOf(after.body), { persons: 1, ngo: 1, organizations: 1, officials: 0, guests: 0 });
    const rows = await t.services.db.selectFrom('meeting_attendees').selectAll().where('meeting_id', '=', meeting).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.email, 'kamila@example.org');
    assert.equal(rows[0]!.role, 'ngo');

    const undo = await official.post(`/spotkania/${meeting}/obecnosc`, { action: 'undo', attendee: String(rows[0]!.id) });
    assert.equal(undo.status, 303);
    assert.deepEqual(countsOf((await official.get(`/spotkania/${meeting}/obecnosc`)).body).persons, 0);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['action', 'after_json', 'before_json'])
      .where('action', 'like', 'meeting.check%')
      .execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), ['meeting.check_in_undone', 'meeting.checked_in']);
    assert.ok(
      audit.every((a) => !`${a.after_json}${a.before_json}`.includes('kamila')),
      'no names or e-mails in the audit log',
    );

    // A registration of another meeting cannot be checked in here.
    const other = await seedMeeting(t.services.db);
    await official.get(`/spotkania/${other}/obecnosc`);
    assert.equal((await official.post(`/spotkania/${other}/obecnosc`, checkIn)).status, 400);
  });

  it('adds walk-ins and counts 22 NGO representatives of 20 organisations and 3 officials', async () => {
    const meeting = await seedMeeting(t.services.db, {
      starts_at: '2018-07-16T10:00:00.000Z',
      ends_at: '2018-07-16T13:00:00.000Z',
    });
    await seedOrganization(t.services.db, 'MCP Alternatywa', 'mcp-alternatywa');
    const add = async (fullName: string, role: string, organization = '', email = '') => {
      await official.get(`/spotkania/${meeting}/obecnosc`);
      const response = await official.post(`/spotkania/${meeting}/obecnosc`, {
        action: 'walk-in',
        fullName,
        role,
        organization,
        email,
      });
      assert.equal(response.status, 303, `${fullName}: ${response.status}`);
    };
    // Two from the directory organisation (typed differently), two of a free-text one (spelled differently).
    await add('Kamila Grzywaczyk', 'ngo', 'MCP Alternatywa', 'kamila@example.org');
    await add('Jan Alternatywny', 'ngo', 'mcp alternatywa');
    await add('Barbara Domichowska', 'ngo', 'Koło Gospodyń Wiejskich „Krokus”');
    await add('Ewa Krokusowa', 'ngo', 'koło gospodyń wiejskich krokus');
    for (let i = 1; i <= 18; i++) await add(`Przedstawiciel ${i}`, 'ngo', `Stowarzyszenie Numer ${i}`);
    for (const name of ['Anna Szymańska', 'Aleksandra Michalska', 'Trzeci Urzędnik']) await add(name, 'official', 'Urząd Miasta');
    const page = await official.get(`/spotkania/${meeting}/obecnosc`);
    assert.match(
      page.body,
      /list="organizacje-z-katalogu"[\s\S]*<datalist id="organizacje-z-katalogu">[\s\S]*<option value="MCP Alternatywa">/,
    );
    assert.deepEqual(countsOf(page.body), { persons: 25, ngo: 22, organizations: 20, officials: 3, guests: 0 });
    assert.match(page.body, /Lista obecności: 25 osób/);
    const linked = await t.services.db
      .selectFrom('meeting_attendees')
      .select(['full_name', 'organization_id', 'organization_name'])
      .where('meeting_id', '=', meeting)
      .where('organization_id', 'is not', null)
      .execute();
    assert.deepEqual(linked.map((l) => l.full_name).sort(), ['Jan Alternatywny', 'Kamila Grzywaczyk']);
  });

  it('refuses an invalid walk-in and keeps what was typed', async () => {
    const meeting = await seedMeeting(t.services.db);
    await official.get(`/spotkania/${meeting}/obecnosc`);
    const refused = await official.post(`/spotkania/${meeting}/obecnosc`, {
      action: 'walk-in',
      fullName: '',
      role: 'ngo',
      organization: 'Fundacja Wpisana',
      email: 'nie-e-mail',
    });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /error-summary/);
    assert.match(refused.body, /value="Fundacja Wpisana"/);
    assert.match(refused.body, /value="nie-e-mail"/);
    const rows = await t.services.db.selectFrom('meeting_attendees').select('id').where('meeting_id', '=', meeting).execute();
    assert.equal(rows.length, 0);
  });
});

describe('printable attendance sheet', () => {
  let t: TestApp;
  let official: TestClient;
  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  const pdfOf = async (client: TestClient, url: string) => {
    const response = await t.app.inject({ method: 'GET', url, headers: { cookie: client.cookieHeader() } });
    return { status: response.statusCode, type: response.headers['content-type'], bytes: response.rawPayload };
  };

  it('prints the registered people and empty rows before the meeting, the attendance list after it', async () => {
    const krokus = await seedOrganization(t.services.db, 'Stowarzyszenie Społeczno-Kulturalne Krokus', 'krokus');
    const upcoming = await seedMeeting(t.services.db, { topic: 'Wypracowanie programu na 2027 rok' });
    const userId = await createUser(t.services, 'zolw@example.org');
    await t.services.db.updateTable('users').set({ display_name: 'Żaneta Łęcka' }).where('id', '=', userId).execute();
    await t.services.db
      .insertInto('meeting_registrations')
      .values({
        meeting_id: upcoming,
        user_id: userId,
        organization_id: krokus,
        status: 'registered',
        created_at: new Date().toISOString(),
      })
      .execute();
    const response = await pdfOf(official, `/spotkania/${upcoming}/obecnosc/lista.pdf`);
    assert.equal(response.status, 200);
    assert.equal(response.type, 'application/pdf');
    const bytes = response.bytes;
    const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
    assert.match(text, /Lista obecności/);
    assert.match(text, /Wypracowanie programu na 2027 rok/);
    assert.match(text, /Żaneta Łęcka/);
    assert.match(text, /Stowarzyszenie Społeczno-?Kulturalne Krokus/);
    assert.match(text, /Podpis/);
    assert.match(text, /przedstawiciel organizacji 2 3 4 5 6 7\b/, 'empty numbered rows for walk-ins');
    assert.match(text, /\b8 9 10 11 Dane/, 'ten of them');
    assert.match(text, /strona 1 z 2/);
    assert.match(text, /Lp\. Imię i nazwisko Organizacja \/ instytucja Rola Podpis 8/, 'the header row repeats');
    const info = await pdfInfo(bytes);
    assert.equal(info.Tagged, 'yes');

    const past = await seedMeeting(t.services.db, {
      starts_at: '2018-07-16T10:00:00.000Z',
      ends_at: '2018-07-16T13:00:00.000Z',
      place: 'Park Jonstona',
    });
    await official.get(`/spotkania/${past}/obecnosc`);
    await official.post(`/spotkania/${past}/obecnosc`, {
      action: 'walk-in',
      fullName: 'Anna Szymańska',
      role: 'official',
      organization: 'Urząd Miasta Leszna',
      email: '',
    });
    const pastText = (await pdfText((await pdfOf(official, `/spotkania/${past}/obecnosc/lista.pdf`)).bytes)).replace(/\s+/g, ' ');
    assert.match(pastText, /16\.07\.2018 r\./);
    assert.match(pastText, /12:00–15:00/);
    assert.match(pastText, /Anna Szymańska/);
    assert.match(pastText, /urzędnik/);
    assert.doesNotMatch(pastText, /\b2 3\b/, 'no empty rows once the list is kept');

    const member = t.client();
    await createUser(t.services, 'czlonek@example.org');
    await signInClient(member, 'czlonek@example.org');
    assert.equal((await pdfOf(member, `/spotkania/${past}/obecnosc/lista.pdf`)).status, 403);
  });
});
