/**
 * The notice and the public pages on the real app (SQLite; `TEST_ENGINE=postgres` on PostgreSQL):
 * announcing with the municipality's minimum, the Warsaw calendar and its refusals, hostile text,
 * editing before and after the opening with optimistic locking, the time left across the October
 * clock change, the list's phases, and who may do what.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Services } from '../../services.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { emptySections } from '../programme/index.js';
import { createTestConsultation } from './test-fixtures.js';
import { defaultSiteSettings } from '../settings/settings.schema.js';

let counter = 0;

/** A programme with one complete version in the given status (a draft, or sent to consultation). */
async function insertVersion(services: Services, status: 'draft' | 'consultation' = 'consultation') {
  counter += 1;
  const now = new Date().toISOString();
  const year = 2040 + counter;
  const programme = await services.db
    .insertInto('programmes')
    .values({
      year_from: year,
      year_to: year,
      title: `Roczny program współpracy na ${year} rok`,
      created_by: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const s = emptySections();
  s.goals.main = 'Budowanie aktywnego społeczeństwa obywatelskiego';
  s.goals.specific = [{ text: 'Wzmacnianie potencjału organizacji pozarządowych' }, { text: 'Rozwój wolontariatu w mieście' }];
  s.scope.text = 'Zakres przedmiotowy obejmuje zadania publiczne z art. 4 ustawy.';
  s.forms.financial = [{ text: 'Zlecanie realizacji zadań publicznych' }];
  s.forms.nonFinancial = [{ text: 'Konsultowanie projektów aktów prawa miejscowego' }];
  s.tasks.rows = [
    { sphere: '16', task: 'Organizacja festiwalu kultury', unit: 'Wydział Kultury', mode: 'konkurs', amount: 1_000_000 },
  ];
  s.period.text = `Program obowiązuje w roku ${year}.`;
  s.implementation.text = 'Program realizują wydziały urzędu.';
  s.evaluation.text = 'Sprawozdanie do 31 maja.';
  s.creation.text = 'Projekt przygotowano na spotkaniu roboczym.';
  s.committees.text = 'Komisje konkursowe powołuje Prezydent.';
  s.resolution.paragraphs = [{ text: 'Przyjmuje się program stanowiący załącznik do uchwały.' }];
  const version = await services.db
    .insertInto('programme_versions')
    .values({
      programme_id: programme.id,
      number: 1,
      status,
      sections_json: JSON.stringify(s),
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { programmeId: programme.id, versionId: version.id, title: `Roczny program współpracy na ${year} rok` };
}

const notice = (overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> => ({
  subject: 'Projekt programu współpracy',
  legalBasis: 'art. 5a ust. 1 ustawy',
  participants: 'organizacje pozarządowe działające w gminie',
  forms: ['online', 'email'],
  whereToSubmit: 'Urząd Miasta, ul. Długa 1\ne-mail: konsultacje@example.org',
  responsibleUnit: 'Biuro Pełnomocnika',
  startsOn: '2026-10-13',
  endsOn: '2026-10-25',
  ...overrides,
});

describe('consultation notice and public pages', () => {
  let t: TestApp;
  let now = new Date('2026-10-10T10:00:00Z');
  let officialA: TestClient;
  let officialB: TestClient;
  let member: TestClient;
  let visitor: TestClient;

  before(async () => {
    t = await createTestApp({ clock: () => now });
    await createUser(t.services, 'urzednik.a@example.org', ['official']);
    await createUser(t.services, 'urzednik.b@example.org', ['official']);
    await createUser(t.services, 'czlonek@example.org');
    officialA = t.client();
    officialB = t.client();
    member = t.client();
    visitor = t.client();
    await signInClient(officialA, 'urzednik.a@example.org');
    await signInClient(officialB, 'urzednik.b@example.org');
    await signInClient(member, 'czlonek@example.org');
  });
  after(async () => t.close());

  async function setSettings(extra: Record<string, unknown>) {
    // Settings as stored before the consultation settings existed, plus what the test gives.
    const { consultationMinDays: _days, consultationResidentsAllowed: _residents, ...older } = defaultSiteSettings;
    const stored = JSON.stringify({
      ...older,
      municipalityName: 'Miasto Leszno',
      municipalityGenitive: 'Miasta Leszna',
      ...extra,
    });
    const exists = await t.services.db.selectFrom('site_settings').select('id').executeTakeFirst();
    if (exists) await t.services.db.updateTable('site_settings').set({ data_json: stored }).where('id', '=', 1).execute();
    else
      await t.services.db
        .insertInto('site_settings')
        .values({ id: 1, data_json: stored, version: 1, updated_at: new Date().toISOString(), updated_by: null })
        .execute();
    t.services.settings.invalidate();
  }

  async function announce(client: TestClient, versionId: number, fields: Record<string, string | string[]>) {
    await client.get(`/konsultacje/nowa?wersja=${versionId}`);
    return client.post(`/konsultacje/nowa?wersja=${versionId}`, fields);
  }

  const consultationOf = (versionId: number) =>
    t.services.db.selectFrom('consultations').selectAll().where('programme_version_id', '=', versionId).executeTakeFirst();

  it('only officials announce; visitors are sent to sign in, members refused', async () => {
    const { versionId } = await insertVersion(t.services);
    assert.equal((await visitor.get(`/konsultacje/nowa?wersja=${versionId}`)).status, 303);
    assert.equal((await member.get(`/konsultacje/nowa?wersja=${versionId}`)).status, 403);
    await member.get('/konsultacje');
    assert.equal((await member.post(`/konsultacje/nowa?wersja=${versionId}`, notice())).status, 403);
    assert.equal(await consultationOf(versionId), undefined);
  });

  it('prefills the notice from the programme and the settings; unknown or unready versions are refused', async () => {
    await setSettings({});
    const { settings } = await t.services.settings.get();
    assert.equal(settings.consultationMinDays, 7, 'stored settings without the key read as the default');
    assert.equal(settings.consultationResidentsAllowed, false);
    const { versionId, title } = await insertVersion(t.services);
    const page = await officialA.get(`/konsultacje/nowa?wersja=${versionId}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(`value="Projekt „${title}”"`), 'the subject names the programme');
    assert.match(page.body, /art\. 5a ust\. 1 i art\. 5 ust\. 5 ustawy z dnia 24 kwietnia 2003 r\./);
    assert.match(page.body, /działalność na terenie Miasta Leszna/);
    assert.match(page.body, /value="2026-10-11"/, 'starts tomorrow (Warsaw)');
    assert.match(page.body, /value="2026-10-24"/, 'for 14 days by default');
    const due = /Program na rok (\d{4}) rada musi uchwalić do 30 listopada (\d{4}) r\./.exec(page.body);
    assert.ok(due && Number(due[2]) === Number(due[1]) - 1, 'the adoption deadline: 30 November of the year before');
    assert.equal((await officialA.get('/konsultacje/nowa?wersja=999999')).status, 404);
    assert.equal((await officialA.get('/konsultacje/nowa')).status, 404);
    assert.equal((await officialA.get('/konsultacje/nowa?wersja=abc')).status, 404);
    const draft = await insertVersion(t.services, 'draft');
    const refused = await officialA.get(`/konsultacje/nowa?wersja=${draft.versionId}`);
    assert.equal(refused.status, 409);
    assert.match(refused.body, /Tej wersji nie można skierować do konsultacji/);
    const posted = await officialA.post(`/konsultacje/nowa?wersja=${draft.versionId}`, notice());
    assert.equal(posted.status, 409);
    assert.equal(await consultationOf(draft.versionId), undefined);
  });

  it('refuses a missing form, an end before the start, a start in the past and a period under the minimum', async () => {
    await setSettings({});
    const { versionId } = await insertVersion(t.services);
    let r = await announce(officialA, versionId, notice({ forms: [] }));
    assert.equal(r.status, 400);
    assert.match(r.body, /Zaznacz co najmniej jedną formę konsultacji/);
    r = await announce(officialA, versionId, notice({ startsOn: '2026-10-20', endsOn: '2026-10-19' }));
    assert.equal(r.status, 400);
    assert.match(r.body, /Ostatni dzień nie może być wcześniejszy niż pierwszy/);
    r = await announce(officialA, versionId, notice({ startsOn: '2026-10-09', endsOn: '2026-10-30' }));
    assert.equal(r.status, 400);
    assert.match(r.body, /nie może być w przeszłości/);
    // Stored settings from before the consultation settings existed: the default minimum, 7 days.
    r = await announce(officialA, versionId, notice({ startsOn: '2026-10-13', endsOn: '2026-10-18' }));
    assert.equal(r.status, 400);
    assert.match(r.body, /co najmniej 7 dni/);
    assert.match(r.body, /value="Projekt programu współpracy"/, 'the typed values are kept');
    assert.match(r.body, /value="email" checked/, 'the ticked forms are kept');
    await setSettings({ consultationMinDays: 21, consultationResidentsAllowed: true });
    assert.match(
      (await officialA.get(`/konsultacje/nowa?wersja=${versionId}`)).body,
      /name="residentsAllowed" value="yes" checked/,
    );
    r = await announce(officialA, versionId, notice({ startsOn: '2026-10-13', endsOn: '2026-10-30' }));
    assert.equal(r.status, 400);
    assert.match(r.body, /co najmniej 21 dni/);
    assert.equal(await consultationOf(versionId), undefined);
    // Today (Warsaw) is allowed; 21 days with both ends counted.
    r = await announce(officialA, versionId, notice({ startsOn: '2026-10-10', endsOn: '2026-10-30' }));
    assert.equal(r.status, 303);
    await setSettings({});
  });

  it('hostile text is refused with the values kept, or stored and shown escaped', async () => {
    const { versionId } = await insertVersion(t.services);
    let r = await announce(officialA, versionId, notice({ subject: 'Zły\u0000temat', forms: ['online', 'carrier-pigeon'] }));
    assert.equal(r.status, 400);
    assert.match(r.body, /niedozwolone znaki sterujące/);
    assert.match(r.body, /Wybierz jedną z dostępnych opcji/);
    assert.equal(await consultationOf(versionId), undefined);
    r = await announce(officialA, versionId, notice({ startsOn: '2026-02-30' }));
    assert.equal(r.status, 400);
    const hostile = '<script>alert("x")</script> & „cudzysłów”';
    r = await announce(officialA, versionId, notice({ subject: hostile, responsibleUnit: "Biuro ' OR 1=1 --" }));
    assert.equal(r.status, 303);
    const page = await visitor.get(r.location!);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /<script>alert/);
    assert.ok(page.body.includes('<h1>&lt;script>alert(&quot;x&quot;)&lt;/script> &amp; „cudzysłów”</h1>'));
    assert.ok(page.body.includes('Biuro &#39; OR 1=1 --') || page.body.includes("Biuro ' OR 1=1 --"));
  });

  it('announces, audits, publishes at once; a second notice for the version is a 409', async () => {
    const { versionId } = await insertVersion(t.services);
    const r = await announce(officialA, versionId, notice({ residentsAllowed: 'yes' }));
    assert.equal(r.status, 303);
    const c = await consultationOf(versionId);
    assert.ok(c);
    assert.equal(r.location, `/konsultacje/${c.id}`);
    assert.equal(c.opens_at, '2026-10-12T22:00:00.000Z', 'midnight of 13 October in Warsaw (CEST)');
    assert.equal(c.closes_at, '2026-10-25T23:00:00.000Z', 'midnight after 25 October in Warsaw (CET)');
    assert.equal(c.residents_allowed, 1);
    assert.deepEqual(JSON.parse(c.forms_json), ['online', 'email']);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['after_json', 'subject_id'])
      .where('action', '=', 'consultation.announced')
      .where('subject_id', '=', String(c.id))
      .executeTakeFirstOrThrow();
    assert.equal(JSON.parse(audit.after_json!).versionId, versionId);
    const again = await announce(officialB, versionId, notice());
    assert.equal(again.status, 409);
    assert.match(again.body, /Konsultacje tej wersji są już ogłoszone/);

    const page = await visitor.get(`/konsultacje/${c.id}`);
    assert.equal(page.status, 200);
    assert.match(page.body, /od 13 października 2026 r\. do 25 października 2026 r\. \(do godz\. 23:59\)/);
    assert.match(page.body, /Konsultacje rozpoczną się 13 października 2026 r\./);
    assert.match(page.body, /Uwagi mogą składać także mieszkańcy/);
    assert.match(page.body, /formularz w serwisie, poczta elektroniczna/);
    assert.match(page.body, /Biuro Pełnomocnika/);
    assert.match(page.body, /id="zapis-goals-specific-1"/);
    assert.match(page.body, /id="zapis-tasks-0"/);
    assert.match(page.body, /id="zapis-principles-statutory-uczciwej-konkurencji"/, 'ids hold no spaces');
    assert.match(page.body, /Rozdział 1\. Cel główny i cele szczegółowe programu/);
    assert.doesNotMatch(page.body, /uwagi\/nowa/, 'no comment links before the opening');
    assert.doesNotMatch(page.body, /\/ogloszenie"/, 'visitors get no editor link');
    assert.match((await officialA.get(`/konsultacje/${c.id}`)).body, /href="\/konsultacje\/\d+\/ogloszenie"/);
    assert.equal((await visitor.get('/konsultacje/999999')).status, 404);
    assert.equal((await visitor.get('/konsultacje/abc')).status, 404);
  });

  it('edits the whole notice before the opening; a second official gets a conflict with the text kept', async () => {
    const { versionId } = await insertVersion(t.services);
    await announce(officialA, versionId, notice());
    const c = (await consultationOf(versionId))!;
    const editor = await officialA.get(`/konsultacje/${c.id}/ogloszenie`);
    assert.equal(editor.status, 200);
    assert.match(editor.body, /name="version" value="1"/);
    await officialB.get(`/konsultacje/${c.id}/ogloszenie`);
    let r = await officialA.post(
      `/konsultacje/${c.id}/ogloszenie`,
      notice({ version: '1', subject: 'Nowy przedmiot', forms: ['paper'] }),
    );
    assert.equal(r.status, 303);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'consultation.notice-updated')
      .where('subject_id', '=', String(c.id))
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(audit.after_json!), { subject: 'Nowy przedmiot', forms: ['paper'] });
    assert.deepEqual(JSON.parse(audit.before_json!), { subject: 'Projekt programu współpracy', forms: ['online', 'email'] });
    r = await officialB.post(`/konsultacje/${c.id}/ogloszenie`, notice({ version: '1', subject: 'Tekst urzędnika B' }));
    assert.equal(r.status, 409);
    assert.match(r.body, /Ktoś inny zmienił ogłoszenie w międzyczasie/);
    assert.match(r.body, /value="Tekst urzędnika B"/);
    assert.match(r.body, /name="version" value="2"/, 'the conflict page offers the current version');
    assert.equal((await consultationOf(versionId))!.subject, 'Nowy przedmiot');
    r = await officialA.post(
      `/konsultacje/${c.id}/ogloszenie`,
      notice({ version: '2', subject: 'Nowy przedmiot', forms: ['paper'], startsOn: '2026-10-01' }),
    );
    assert.equal(r.status, 400);
    assert.match(r.body, /nie może być w przeszłości/);
    await member.get('/konsultacje');
    assert.equal((await member.post(`/konsultacje/${c.id}/ogloszenie`, notice({ version: '2' }))).status, 403);
    assert.equal((await member.get(`/konsultacje/${c.id}/ogloszenie`)).status, 403);
    assert.equal((await visitor.get(`/konsultacje/${c.id}/ogloszenie`)).status, 303);
  });

  it('while open only extends the end date; after the end the notice is locked', async () => {
    const { versionId } = await insertVersion(t.services);
    await announce(officialA, versionId, notice({ startsOn: '2026-10-11', endsOn: '2026-10-20' }));
    const c = (await consultationOf(versionId))!;
    const saved = now;
    try {
      now = new Date('2026-10-15T08:00:00Z');
      const editor = await officialA.get(`/konsultacje/${c.id}/ogloszenie`);
      assert.match(editor.body, /Konsultacje już trwają/);
      assert.doesNotMatch(editor.body, /name="subject"/);
      let r = await officialA.post(`/konsultacje/${c.id}/ogloszenie`, { version: '1', endsOn: '2026-10-19' });
      assert.equal(r.status, 400);
      assert.match(r.body, /nie można skrócić/);
      r = await officialA.post(
        `/konsultacje/${c.id}/ogloszenie`,
        notice({ version: '1', endsOn: '2026-10-27', subject: 'Podmiana' }),
      );
      assert.equal(r.status, 409, 'a whole notice opened before the start is not saved after it');
      assert.match(r.body, /Konsultacje rozpoczęły się, zanim zapisano zmiany/);
      assert.match(r.body, /name="endsOn" type="date" value="2026-10-27"/, 'the typed end date is kept');
      r = await officialA.post(`/konsultacje/${c.id}/ogloszenie`, { version: '1', endsOn: '2026-10-27' });
      assert.equal(r.status, 303);
      const row = (await consultationOf(versionId))!;
      assert.equal(row.ends_on, '2026-10-27');
      assert.equal(row.closes_at, '2026-10-27T23:00:00.000Z');
      assert.equal(row.opens_at, c.opens_at);
      assert.equal(row.subject, c.subject, 'only the end date changes while open');
      r = await officialA.post(`/konsultacje/${c.id}/ogloszenie`, { version: '1', endsOn: '2026-10-30' });
      assert.equal(r.status, 409, 'a stale lock is a conflict');
      now = new Date('2026-10-28T08:00:00Z');
      r = await officialA.get(`/konsultacje/${c.id}/ogloszenie`);
      assert.equal(r.status, 303);
      assert.equal(r.location, `/konsultacje/${c.id}`);
      r = await officialA.post(`/konsultacje/${c.id}/ogloszenie`, { version: '2', endsOn: '2026-11-30' });
      assert.equal(r.status, 303);
      assert.equal((await consultationOf(versionId))!.ends_on, '2026-10-27');
    } finally {
      now = saved;
    }
  });

  it('says the time left on the Warsaw calendar across the October clock change', async () => {
    const { versionId } = await insertVersion(t.services);
    await announce(officialA, versionId, notice({ startsOn: '2026-10-13', endsOn: '2026-10-25' }));
    const c = (await consultationOf(versionId))!;
    const saved = now;
    const at = async (iso: string) => {
      now = new Date(iso);
      return (await member.get(`/konsultacje/${c.id}`)).body;
    };
    try {
      let body = await at('2026-10-12T21:59:59Z');
      assert.match(body, /Konsultacje rozpoczną się 13 października 2026 r\./);
      body = await at('2026-10-12T22:00:00Z');
      assert.match(body, /Zostało 13 dni/);
      assert.match(body, /Zgłoś uwagę do projektu/);
      assert.match(body, /href="\/konsultacje\/\d+\/zadania\/nowe"/);
      assert.match(body, /href="\/konsultacje\/\d+\/moje"/);
      assert.match(body, /href="\/konsultacje\/\d+\/uwagi\/nowa\?zapis=goals\.specific\.1"/);
      assert.match(body, /data-comment-selection="\/konsultacje\/\d+\/uwagi\/nowa"/);
      body = await at('2026-10-22T12:00:00Z');
      assert.match(body, /Zostały 4 dni/);
      body = await at('2026-10-24T21:59:59Z'); // 23:59:59 on Saturday, summer time
      assert.match(body, /Zostały 2 dni/);
      body = await at('2026-10-24T22:00:00Z'); // midnight, Sunday 25 October: a 25-hour day
      assert.match(body, /Konsultacje kończą się dziś o 23:59/);
      body = await at('2026-10-25T22:59:59Z'); // 23:59:59 winter time
      assert.match(body, /Konsultacje kończą się dziś o 23:59/);
      body = await at('2026-10-25T23:00:00Z');
      assert.match(body, /Konsultacje zakończyły się 25 października 2026 r\./);
      assert.doesNotMatch(body, /uwagi\/nowa/);
      assert.doesNotMatch(body, /data-comment-selection/);
    } finally {
      now = saved;
    }
  });

  it('lists consultations with their phases and report links; officials see versions awaiting a notice', async () => {
    const waiting = await insertVersion(t.services);
    const closed = await insertVersion(t.services);
    const stamp = new Date().toISOString();
    await t.services.db
      .insertInto('consultations')
      .values({
        programme_version_id: closed.versionId,
        subject: 'Zamknięte konsultacje z raportem',
        legal_basis: 'art. 5a',
        participants: 'organizacje',
        forms_json: '["online"]',
        where_to_submit: 'urząd',
        responsible_unit: 'biuro',
        starts_on: '2026-09-01',
        ends_on: '2026-09-10',
        opens_at: '2026-08-31T22:00:00.000Z',
        closes_at: '2026-09-10T22:00:00.000Z',
        status: 'closed',
        report_published_at: stamp,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    const list = await visitor.get('/konsultacje');
    assert.equal(list.status, 200);
    assert.match(list.body, /Zamknięte konsultacje z raportem/);
    assert.match(list.body, /zamknięte/);
    assert.match(list.body, /zapowiedziane/);
    assert.match(list.body, /href="\/konsultacje\/\d+\/sprawozdanie"/);
    assert.match(list.body, /od 1 września 2026 r\. do 10 września 2026 r\./);
    assert.doesNotMatch(list.body, /konsultacje\/nowa/);
    assert.match(list.body, /href="\/konsultacje" aria-current="page"/, 'the main navigation has the consultations');
    const official = await officialA.get('/konsultacje');
    assert.ok(official.body.includes(`href="/konsultacje/nowa?wersja=${waiting.versionId}"`));
    assert.ok(!official.body.includes(`href="/konsultacje/nowa?wersja=${closed.versionId}"`));
    const saved = now;
    try {
      now = new Date('2026-10-14T10:00:00Z');
      assert.match((await visitor.get('/konsultacje')).body, /trwają/);
    } finally {
      now = saved;
    }
    const page = await visitor.get(`/konsultacje/${(await consultationOf(closed.versionId))!.id}`);
    assert.match(page.body, /href="\/konsultacje\/\d+\/sprawozdanie\.pdf"/);
    assert.match(page.body, /Konsultacje zakończyły się 10 września 2026 r\./);
  });

  it('warns officials when a consultation ends too late for the council to adopt the programme by 30 November', async () => {
    const late = await createTestConsultation(t.services, { startsOn: '2026-11-20', endsOn: '2026-11-30' });
    const early = await createTestConsultation(t.services, { startsOn: '2026-10-20', endsOn: '2026-11-03' });
    const warning =
      /Konsultacje kończą się 30 listopada 2026 r\., a program na rok 2027 rada musi uchwalić do 30 listopada 2026 r\./;
    assert.match((await officialA.get(`/konsultacje/${late.consultationId}`)).body, warning);
    assert.doesNotMatch((await visitor.get(`/konsultacje/${late.consultationId}`)).body, /rada musi uchwalić do/);
    assert.doesNotMatch((await officialA.get(`/konsultacje/${early.consultationId}`)).body, /rada musi uchwalić do/);
  });
});
