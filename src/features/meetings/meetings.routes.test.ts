import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { meetingForm } from './test-fixtures.js';

const idFrom = (location: string | undefined) => Number(/\/spotkania\/(\d+)/.exec(location ?? '')?.[1]);
const decode = (html: string) =>
  html
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('meetings: create, edit, publish, cancel', () => {
  let t: TestApp;
  let officialA: TestClient;
  let officialB: TestClient;
  let member: TestClient;
  let visitor: TestClient;
  let memberId: number;

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik.a@example.org', ['official']);
    await createUser(t.services, 'urzednik.b@example.org', ['administrator']);
    memberId = await createUser(t.services, 'czlonek@example.org');
    officialA = t.client();
    officialB = t.client();
    member = t.client();
    visitor = t.client();
    await signInClient(officialA, 'urzednik.a@example.org');
    await signInClient(officialB, 'urzednik.b@example.org');
    await signInClient(member, 'czlonek@example.org');
  });
  after(async () => t.close());

  async function create(client: TestClient, overrides: Record<string, string> = {}) {
    await client.get('/spotkania/nowe');
    return client.post('/spotkania/nowe', meetingForm(overrides));
  }

  async function addItem(client: TestClient, id: number, title: string, duration = '') {
    await client.get(`/spotkania/${id}/program`);
    const response = await client.post(`/spotkania/${id}/program`, { op: 'add', title, duration });
    assert.equal(response.status, 303);
  }

  async function version(id: number) {
    return String(
      (await t.services.db.selectFrom('meetings').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
    );
  }

  it('the new meeting form is for officials, with the office name and the protocol title filled in', async () => {
    assert.equal((await member.get('/spotkania/nowe')).status, 403);
    const page = await officialA.get('/spotkania/nowe');
    assert.equal(page.status, 200);
    assert.match(page.body, /value="Protokół ze spotkania roboczego z przedstawicielami organizacji pozarządowych"/);
    assert.match(page.body, /name="organiser"[^>]*value="Urząd"/);
  });

  it('refuses hostile and inconsistent input, keeping every typed value and writing nothing', async () => {
    const before = await t.services.db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const empty = await create(officialA, { topic: '', hostName: '', date: '', startTime: '', endTime: '' });
    assert.equal(empty.status, 400);
    assert.match(empty.body, /class="error-summary"/);
    assert.match(empty.body, /href="#f-topic"/);
    assert.match(empty.body, /href="#f-date"/);

    const backwards = await create(officialA, { startTime: '15:00', endTime: '12:00', topic: '<script>alert(1)</script>' });
    assert.equal(backwards.status, 400);
    assert.match(backwards.body, /Godzina zakończenia musi być późniejsza/);
    assert.ok(!backwards.body.includes('<script>alert(1)</script>'), 'the typed topic is escaped');
    assert.match(backwards.body, /value="&lt;script>alert\(1\)&lt;\/script>"/, 'the typed topic is kept');

    const nowhere = await create(officialA, { place: '', onlineUrl: '' });
    assert.equal(nowhere.status, 400);
    assert.match(nowhere.body, /Podaj miejsce albo link/);

    const badLink = await create(officialA, { onlineUrl: 'javascript:alert(1)' });
    assert.equal(badLink.status, 400);
    assert.match(badLink.body, /href="#f-onlineUrl"/);

    const lateDeadline = await create(officialA, { registrationDeadlineDate: '2030-07-16', registrationDeadlineTime: '12:00' });
    assert.equal(lateDeadline.status, 400);
    assert.match(lateDeadline.body, /Zapisy muszą się kończyć przed rozpoczęciem/);
    assert.match(lateDeadline.body, /href="#f-registrationDeadline"/);
    assert.match(lateDeadline.body, /name="registrationDeadlineDate" value="2030-07-16"/);

    const halfDeadline = await create(officialA, { registrationDeadlineDate: '2030-07-10' });
    assert.equal(halfDeadline.status, 400);
    assert.match(halfDeadline.body, /Podaj datę i godzinę końca zapisów/);

    const control = await create(officialA, { hostName: 'Anna\u0000Szymańska', capacity: '-3', programmeYear: '19' });
    assert.equal(control.status, 400);
    for (const field of ['hostName', 'capacity', 'programmeYear']) assert.match(control.body, new RegExp(`href="#f-${field}"`));

    const after = await t.services.db
      .selectFrom('meetings')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  it('creates a draft (Warsaw time to UTC, audited), which only officials see', async () => {
    const response = await create(officialA, { registrationDeadlineDate: '2030-07-10', registrationDeadlineTime: '23:59' });
    assert.equal(response.status, 303);
    const id = idFrom(response.location);
    assert.equal(response.location, `/spotkania/${id}/program`);
    const row = await t.services.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.equal(row.starts_at, '2030-07-16T10:00:00.000Z'); // 12:00 CEST
    assert.equal(row.ends_at, '2030-07-16T13:00:00.000Z');
    assert.equal(row.registration_deadline, '2030-07-10T21:59:00.000Z');
    assert.equal(row.programme_year, 2031);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'meeting.created')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.match(audit.after_json ?? '', /Park Jonstona/);

    assert.equal((await visitor.get(`/spotkania/${id}`)).status, 404);
    assert.equal((await member.get(`/spotkania/${id}`)).status, 404);
    assert.ok(!(await visitor.get('/spotkania')).body.includes(`/spotkania/${id}"`));
    const list = await officialB.get('/spotkania');
    assert.match(list.body, new RegExp(`href="/spotkania/${id}"`));
    assert.match(list.body, /projekt/);
    const page = await officialA.get(`/spotkania/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /Zarządzanie spotkaniem/);
    assert.match(page.body, /Aby opublikować spotkanie, dodaj co najmniej jeden punkt programu/);
  });

  it('publishes only with an agenda; the public page lists the header facts in the protocol order', async () => {
    const id = idFrom((await create(officialA)).location);
    await officialA.get(`/spotkania/${id}`);
    const refused = await officialA.post(`/spotkania/${id}/publikacja`, { version: await version(id) });
    assert.equal(refused.location, `/spotkania/${id}/program`);
    assert.equal(
      (await t.services.db.selectFrom('meetings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      'draft',
    );

    await addItem(officialA, id, 'Rozpoczęcie, krótka prezentacja organizacji', '30');
    await addItem(officialA, id, 'Praca w grupach');
    await officialA.get(`/spotkania/${id}`);
    const published = await officialA.post(`/spotkania/${id}/publikacja`, { version: await version(id) });
    assert.equal(published.location, `/spotkania/${id}`);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'meeting')
      .where('subject_id', '=', String(id))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['meeting.created', 'meeting.agenda.added', 'meeting.agenda.added', 'meeting.published'],
    );
    const again = await officialA.post(`/spotkania/${id}/publikacja`, { version: await version(id) });
    assert.equal(again.status, 303);

    const page = await visitor.get(`/spotkania/${id}`);
    assert.equal(page.status, 200);
    const labels = [...page.body.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1]).slice(0, 6);
    assert.deepEqual(labels, ['Temat', 'Data', 'Godzina', 'Miejsce', 'Prowadzący', 'Organizator']);
    assert.match(page.body, /16 lipca 2030/);
    assert.match(page.body, /12:00–15:00/);
    assert.match(page.body, /<strong>projektu<\/strong>/, 'the goal is rendered from Markdown');
    assert.match(page.body, /Rozpoczęcie, krótka prezentacja organizacji \(30 minut\)/);
    assert.match(page.body, new RegExp(`href="/spotkania/${id}/zapisy"`), 'registration is open');
    assert.ok(!page.body.includes('Zarządzanie spotkaniem'));
    assert.ok(!page.body.includes(`/spotkania/${id}/protokol"`), 'no protocol link before one is published');
    assert.match((await visitor.get('/spotkania')).body, new RegExp(`href="/spotkania/${id}"`));
  });

  it('two officials editing: the second save is refused with the first one kept, and the audit holds only the changed fields', async () => {
    const id = idFrom((await create(officialA)).location);
    await officialA.get(`/spotkania/${id}/edycja`);
    const formB = await officialB.get(`/spotkania/${id}/edycja`);
    assert.match(formB.body, /name="version" value="1"/);
    const tokenB = officialB.csrfToken();

    const saved = await officialA.post(`/spotkania/${id}/edycja`, {
      ...meetingForm({ place: 'Ratusz, sala sesyjna' }),
      version: '1',
    });
    assert.equal(saved.status, 303);
    const conflict = await officialB.post(
      `/spotkania/${id}/edycja`,
      { ...meetingForm({ topic: 'Temat urzędnika B' }), version: '1' },
      { csrf: tokenB },
    );
    assert.equal(conflict.status, 409);
    assert.match(decode(conflict.body), /Ktoś inny zapisał zmiany tego spotkania/);
    assert.match(conflict.body, /value="Temat urzędnika B"/);
    assert.match(conflict.body, /name="version" value="2"/);
    const row = await t.services.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.place, 'Ratusz, sala sesyjna');
    assert.equal(row.topic, meetingForm().topic);
    assert.equal(row.version, 2);

    const audit = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'meeting.updated')
      .where('subject_id', '=', String(id))
      .execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(JSON.parse(audit[0]!.before_json!), { place: 'Park Jonstona' });
    assert.deepEqual(JSON.parse(audit[0]!.after_json!), { place: 'Ratusz, sala sesyjna' });

    // B saves knowingly over A's version.
    const overwrite = await officialB.post(`/spotkania/${id}/edycja`, {
      ...meetingForm({ topic: 'Temat urzędnika B' }),
      version: '2',
    });
    assert.equal(overwrite.status, 303);
    const missingVersion = await officialB.post(`/spotkania/${id}/edycja`, meetingForm());
    assert.equal(missingVersion.status, 409);
  });

  it('cancelling mails everyone registered or waitlisted, is audited, and ends editing', async () => {
    const id = idFrom((await create(officialA)).location);
    await addItem(officialA, id, 'Podsumowanie');
    await officialA.get(`/spotkania/${id}`);
    assert.equal((await officialA.post(`/spotkania/${id}/odwolanie`, { version: await version(id) })).status, 303);
    assert.equal(
      (await t.services.db.selectFrom('meetings').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      'draft',
      'a draft cannot be cancelled',
    );
    await officialA.post(`/spotkania/${id}/publikacja`, { version: await version(id) });

    const now = new Date().toISOString();
    const waitlisted = await createUser(t.services, 'rezerwa@example.org');
    const gone = await createUser(t.services, 'zrezygnowal@example.org');
    await t.services.db
      .insertInto('meeting_registrations')
      .values([
        { meeting_id: id, user_id: memberId, status: 'registered', created_at: now },
        { meeting_id: id, user_id: waitlisted, status: 'waitlisted', created_at: now },
        { meeting_id: id, user_id: gone, status: 'cancelled', created_at: now },
      ])
      .execute();

    await officialA.get(`/spotkania/${id}`);
    const tooLong = await officialA.post(`/spotkania/${id}/odwolanie`, { version: await version(id), reason: 'x'.repeat(2001) });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body, /href="#f-reason"/);
    const stale = await officialA.post(`/spotkania/${id}/odwolanie`, { version: '1', reason: 'Choroba' });
    assert.equal(stale.status, 303);
    assert.equal((await t.services.db.selectFrom('mails').select('id').execute()).length, 0);

    const cancelled = await officialA.post(`/spotkania/${id}/odwolanie`, {
      version: await version(id),
      reason: 'Choroba prowadzącej; nowy termin wkrótce.',
    });
    assert.equal(cancelled.status, 303);
    const mails = await t.services.db.selectFrom('mails').selectAll().orderBy('to_address').execute();
    assert.deepEqual(
      mails.map((m) => m.to_address),
      ['czlonek@example.org', 'rezerwa@example.org'],
    );
    assert.match(mails[0]!.subject, /Spotkanie odwołane/);
    assert.match(mails[0]!.body_text, /Choroba prowadzącej/);
    assert.match(mails[0]!.body_text, new RegExp(`/spotkania/${id}`));
    const audit = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'meeting.cancelled')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.match(audit.after_json ?? '', /Choroba/);

    const page = await visitor.get(`/spotkania/${id}`);
    assert.match(page.body, /To spotkanie zostało odwołane/);
    assert.ok(!page.body.includes(`/spotkania/${id}/zapisy`), 'no registration for a cancelled meeting');
    const edit = await officialA.get(`/spotkania/${id}/edycja`);
    assert.equal(edit.status, 303);
    const ics = await visitor.get(`/spotkania/${id}/kalendarz.ics`);
    assert.match(ics.body, /STATUS:CANCELLED\r\n/);
  });

  it('invitation-only meetings are seen by officials and the people registered for them only', async () => {
    const id = idFrom((await create(officialA, { visibility: 'invitation', topic: 'Spotkanie zamknięte' })).location);
    await addItem(officialA, id, 'Omówienie');
    await officialA.get(`/spotkania/${id}`);
    await officialA.post(`/spotkania/${id}/publikacja`, { version: await version(id) });
    const other = t.client();
    await createUser(t.services, 'inna@example.org');
    await signInClient(other, 'inna@example.org');

    assert.equal((await visitor.get(`/spotkania/${id}`)).status, 404);
    assert.equal((await other.get(`/spotkania/${id}`)).status, 404);
    assert.equal((await visitor.get(`/spotkania/${id}/kalendarz.ics`)).status, 404);
    assert.ok(!(await visitor.get('/spotkania')).body.includes('Spotkanie zamknięte'));
    assert.ok(!(await visitor.get('/spotkania/kalendarz.ics')).body.includes('Spotkanie zamkni'));

    const invited = t.client();
    const invitedId = await createUser(t.services, 'zaproszona@example.org');
    await signInClient(invited, 'zaproszona@example.org');
    await t.services.db
      .insertInto('meeting_registrations')
      .values({ meeting_id: id, user_id: invitedId, status: 'registered', created_at: new Date().toISOString() })
      .execute();
    assert.equal((await invited.get(`/spotkania/${id}`)).status, 200);
    assert.match((await invited.get('/spotkania')).body, /Spotkanie zamknięte/);
    assert.equal((await officialB.get(`/spotkania/${id}`)).status, 200);
  });

  it('after the meeting, the public page shows counts and organisation names, never people', async () => {
    const id = idFrom((await create(officialA, { date: '2018-07-16', programmeYear: '2019' })).location);
    await addItem(officialA, id, 'Rozpoczęcie');
    await officialA.get(`/spotkania/${id}`);
    await officialA.post(`/spotkania/${id}/publikacja`, { version: await version(id) });
    const now = new Date().toISOString();
    const organisation = await t.services.db
      .insertInto('organizations')
      .values({ name: 'Stowarzyszenie Społeczno-Kulturalne Krokus', slug: 'krokus', created_at: now, created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.services.db
      .insertInto('meeting_attendees')
      .values([
        {
          meeting_id: id,
          full_name: 'Barbara Domichowska',
          role: 'ngo',
          organization_id: organisation.id,
          email: 'barbara@example.org',
          checked_in_at: now,
        },
        { meeting_id: id, full_name: 'Kamila Grzywaczyk', role: 'ngo', organization_name: 'MCP Alternatywa', checked_in_at: now },
        { meeting_id: id, full_name: 'Jan Gość', role: 'ngo', organization_name: 'MCP Alternatywa', checked_in_at: now },
        { meeting_id: id, full_name: 'Aleksandra Michalska', role: 'official', checked_in_at: now },
      ])
      .execute();
    await t.services.db
      .insertInto('meeting_attachments')
      .values({
        meeting_id: id,
        position: 1,
        title: 'Lista obecności na spotkaniu w dniu 16.07.2018 r.',
        kind: 'attendance-list',
      })
      .execute();

    const page = await visitor.get(`/spotkania/${id}`);
    assert.equal(page.status, 200);
    for (const secret of ['Barbara', 'Domichowska', 'Kamila', 'Grzywaczyk', 'Michalska', 'barbara@example.org', 'Jan Gość'])
      assert.ok(!page.body.includes(secret), `the public page shows ${secret}`);
    assert.match(page.body, /Stowarzyszenie Społeczno-Kulturalne Krokus/);
    assert.match(page.body, /MCP Alternatywa/);
    assert.match(page.body, /Przedstawiciele organizacji pozarządowych<\/dt><dd>3</);
    assert.match(page.body, /Reprezentowane organizacje<\/dt><dd>2</);
    assert.match(page.body, /Urzędnicy<\/dt><dd>1</);
    assert.match(page.body, /Lista obecności na spotkaniu w dniu 16\.07\.2018 r\./);
    assert.ok(!page.body.includes('lista.pdf'), 'the attendance list is never linked publicly');
    assert.ok(!page.body.includes(`/spotkania/${id}/zapisy`), 'registration is closed after the meeting');

    const officialPage = await officialA.get(`/spotkania/${id}`);
    assert.match(officialPage.body, new RegExp(`href="/spotkania/${id}/obecnosc/lista.pdf"`));

    await t.services.db
      .insertInto('meeting_minutes')
      .values({ meeting_id: id, version: 1, status: 'published', items_json: '[]', created_at: now })
      .execute();
    assert.match((await visitor.get(`/spotkania/${id}`)).body, new RegExp(`href="/spotkania/${id}/protokol"`));
    // Past meetings come after upcoming ones in the list.
    const list = (await visitor.get('/spotkania')).body;
    assert.ok(list.indexOf('Nadchodzące spotkania') < list.indexOf('Minione spotkania'));
    assert.ok(list.indexOf(`href="/spotkania/${id}"`) > list.indexOf('Minione spotkania'));
  });

  it('an online meeting shows its link by host in the place line, and in the calendar location', async () => {
    const link = 'https://meet.example.org/abc-defg-hij?pwd=' + 'x'.repeat(120);
    const id = idFrom((await create(officialA, { place: '', onlineUrl: link })).location);
    const page = await officialA.get(`/spotkania/${id}`);
    assert.match(
      page.body,
      new RegExp(`<dt>Miejsce</dt><dd><a href="${link.replace(/[?]/g, '\\?')}">spotkanie online \\(meet\\.example\\.org\\)</a>`),
    );
    const ics = await officialA.get(`/spotkania/${id}/kalendarz.ics`);
    assert.equal(ics.headers['content-type'], 'text/calendar; charset=utf-8');
    assert.match(ics.body.replace(/\r\n /g, ''), new RegExp(`LOCATION:${link.replace(/[?]/g, '\\?')}\r\n`));
    assert.match(ics.body, /STATUS:TENTATIVE/, 'a draft is tentative (officials only)');
  });

  it('the list pages past twenty meetings; unknown pages and ids answer 404', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({
      title: 'P',
      topic: `Spotkanie seryjne ${String(i).padStart(2, '0')}`,
      starts_at: `2040-01-${String(i + 1).padStart(2, '0')}T10:00:00.000Z`,
      ends_at: `2040-01-${String(i + 1).padStart(2, '0')}T12:00:00.000Z`,
      host_name: 'H',
      organiser: 'O',
      status: 'published' as const,
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    }));
    await t.services.db.insertInto('meetings').values(rows).execute();
    const first = await visitor.get('/spotkania');
    assert.match(first.body, /href="\/spotkania\?strona=2"/);
    const second = await visitor.get('/spotkania?strona=2');
    assert.equal(second.status, 200);
    assert.match(second.body, /Spotkanie seryjne 24/);
    assert.ok(!first.body.includes('Spotkanie seryjne 24'));
    assert.equal((await visitor.get('/spotkania?strona=99')).status, 404);
    assert.equal((await visitor.get('/spotkania/999999')).status, 404);
    assert.equal((await visitor.get('/spotkania/abc')).status, 404);
    assert.equal((await visitor.get('/spotkania?strona=abc')).status, 200);
  });
});
