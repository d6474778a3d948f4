import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

describe('administration pages', () => {
  let t: TestApp;
  let admin: TestClient;
  let officialId: number;
  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'admin@example.org', ['administrator']);
    officialId = await createUser(t.services, 'urzednik@example.org');
    admin = t.client();
    await signInClient(admin, 'admin@example.org');
  });
  after(async () => t.close());

  it('grants and revokes the official role from the users page, audited with before and after', async () => {
    const page = await admin.get('/admin/uzytkownicy');
    assert.equal(page.status, 200);
    assert.match(page.body, /urzednik@example\.org/);
    assert.match(page.body, /Nadaj rolę urzędnika/);
    const granted = await admin.post(`/admin/uzytkownicy/${officialId}/role`, { role: 'official', change: 'grant' });
    assert.equal(granted.status, 303);
    const after = await admin.get('/admin/uzytkownicy');
    assert.match(after.body, /Role zostały zmienione/);
    assert.match(after.body, /Odbierz rolę urzędnika/);
    await admin.post(`/admin/uzytkownicy/${officialId}/role`, { role: 'official', change: 'revoke' });
    const roles = await t.services.db.selectFrom('user_roles').select('role').where('user_id', '=', officialId).execute();
    assert.deepEqual(roles, []);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', String(officialId))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['role.granted', 'role.revoked'],
    );
  });

  it('filters the audit log by event, person and date, and pages through it', async () => {
    const all = await admin.get('/admin/dziennik');
    assert.equal(all.status, 200);
    assert.match(all.body, /account\.signed_in/);
    const filtered = await admin.get('/admin/dziennik?akcja=role.granted');
    assert.match(
      filtered.body,
      /href="\/jezyk\/en\?wroc=%2Fadmin%2Fdziennik%3Fakcja%3Drole\.granted"/,
      'switching language keeps the filters',
    );
    assert.match(filtered.body, /role\.granted/);
    assert.doesNotMatch(filtered.body, /<code>account\.signed_in<\/code>/);
    assert.match(filtered.body, /1 wpis</);
    const byPerson = await admin.get('/admin/dziennik?kto=nikt%40example.org');
    assert.match(byPerson.body, /Brak wpisów spełniających kryteria/);
    const future = await admin.get('/admin/dziennik?od=2099-01-01');
    assert.match(future.body, /0 wpisów/);
    const junk = await admin.get('/admin/dziennik?akcja=%3Cscript%3E&od=wczoraj&strona=-4');
    assert.equal(junk.status, 200, 'bad filters are ignored, not fatal');
    assert.doesNotMatch(junk.body, /<script>/);
  });

  it('shows the outbox and a mail with its link to this site', async () => {
    const visitor = t.client();
    await visitor.get('/haslo/przypomnij');
    await visitor.post('/haslo/przypomnij', { email: 'urzednik@example.org' });
    await t.drainJobs();
    const outbox = await admin.get('/admin/poczta');
    assert.match(outbox.body, /Ustaw nowe hasło/);
    assert.match(outbox.body, /Serwer SMTP nie jest skonfigurowany/);
    const id = /href="\/admin\/poczta\/(\d+)"/.exec(outbox.body)![1];
    const mail = await admin.get(`/admin/poczta/${id}`);
    assert.equal(mail.status, 200);
    assert.match(mail.body, /<a href="\/haslo\/nowe\?token=[A-Za-z0-9_-]{43}">/);
    assert.equal((await admin.get('/admin/poczta/999999')).status, 404);
    assert.equal((await admin.get('/admin/poczta/abc')).status, 404);
    // Malformed URLs reach the framework's router, which answers with the Polish page too.
    for (const url of ['/admin/poczta/%FF%FE', '/jezyk/%E2%82', `/admin/poczta/${'9'.repeat(300)}`]) {
      const response = await admin.get(url);
      assert.ok([400, 404, 414].includes(response.status), `${url} → ${response.status}`);
      assert.match(response.body, /<html lang="pl">/, url);
    }
  });

  it('saves settings, shows them in the header, and refuses a stale save with a clear message', async () => {
    const form = await admin.get('/admin/ustawienia');
    assert.equal(form.status, 200);
    const values = Object.fromEntries(
      [
        ...form.body.matchAll(
          /<input class="input[^"]*" id="f-([A-Za-z0-9]+)" name="\1" type="(?:text|email|date)" value="([^"]*)"/g,
        ),
      ].map((m) => [m[1]!, m[2]!]),
    );
    const areas = Object.fromEntries(
      [...form.body.matchAll(/<textarea[^>]*name="([A-Za-z0-9]+)"[^>]*>([^<]*)<\/textarea>/g)].map((m) => [m[1]!, m[2]!]),
    );
    const base = { ...values, ...areas, a11yStatus: 'partial', version: '0' };
    const saved = await admin.post('/admin/ustawienia', {
      ...base,
      municipalityName: 'Gmina Testowa',
      officeName: 'Referat Współpracy',
      contactEmail: 'kontakt@gmina.example',
      dataProtectionOfficerEmail: 'iod@gmina.example',
      a11yContactEmail: 'kontakt@gmina.example',
      controllerName: 'Wójt Gminy',
      contactPhone: '1',
      contactAddress: 'ul. Główna 1',
      a11yContactPerson: 'Jan',
      a11yContactPhone: '1',
      a11yBuildingAccessibility: 'Winda.',
      a11yCommunication: 'E-mail.',
    });
    assert.equal(saved.status, 303, saved.body.match(/error-summary[\s\S]{0,600}/)?.[0]);
    const home = await t.client().get('/');
    assert.match(home.body, /Gmina Testowa/);
    assert.match(home.body, /Referat Współpracy/);
    const stale = await admin.post('/admin/ustawienia', {
      ...base,
      municipalityName: 'Gmina Nadpisana',
      contactEmail: 'a@b.pl',
      dataProtectionOfficerEmail: 'a@b.pl',
      a11yContactEmail: 'a@b.pl',
      controllerName: 'X',
      contactPhone: '1',
      contactAddress: 'X',
      a11yContactPerson: 'X',
      a11yContactPhone: '1',
      a11yBuildingAccessibility: 'X',
      a11yCommunication: 'X',
      officeName: 'X',
    });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /Ktoś inny zapisał ustawienia w międzyczasie/);
    assert.match(stale.body, /value="Gmina Nadpisana"/, 'what the person typed is kept');
    assert.match((await t.client().get('/')).body, /Gmina Testowa/);
  });
});
