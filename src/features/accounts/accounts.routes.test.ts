import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createTestApp,
  createUser,
  latestMailLink,
  signInClient,
  testPassword,
  type TestApp,
} from '../../test-support/test-app.js';
import { grantRole } from '../admin/change-role.js';
import { userActor } from '../../platform/audit/audit.js';

async function auditActions(t: TestApp, subjectId: number): Promise<string[]> {
  const rows = await t.services.db
    .selectFrom('audit_log')
    .select('action')
    .where('subject_type', '=', 'user')
    .where('subject_id', '=', String(subjectId))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

describe('accounts: sign-up, confirmation, sign-in, password change', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('walks sign-up → mail → confirmation → sign-in → account → sign-out, and audits each change', async () => {
    const client = t.client();
    const page = await client.get('/rejestracja');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>Załóż konto<\/h1>/);

    const signUp = await client.post('/rejestracja', {
      displayName: 'Anna Nowak',
      email: 'Anna.Nowak@Example.org',
      password: 'dluga-fraza-hasla',
      passwordConfirmation: 'dluga-fraza-hasla',
    });
    assert.equal(signUp.status, 303);
    assert.equal(signUp.location, '/rejestracja/sprawdz-poczte');

    const user = await t.services.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'anna.nowak@example.org')
      .executeTakeFirstOrThrow();
    assert.equal(user.email_confirmed_at, null);
    assert.notEqual(user.password_hash, 'dluga-fraza-hasla');
    assert.match(user.password_hash, /^\$argon2id\$/);

    // Mail is queued, not sent inside the request; the worker delivers it to the outbox.
    const queued = await t.services.db.selectFrom('mails').selectAll().where('to_address', '=', user.email).execute();
    assert.equal(queued.length, 1);
    assert.equal(queued[0]!.status, 'queued');
    assert.equal(await t.drainJobs(), 1);
    const sent = await t.services.db
      .selectFrom('mails')
      .select('status')
      .where('id', '=', queued[0]!.id)
      .executeTakeFirstOrThrow();
    assert.equal(sent.status, 'sent');

    // Unconfirmed accounts cannot sign in.
    await client.get('/logowanie');
    const early = await client.post('/logowanie', { email: user.email, password: 'dluga-fraza-hasla' });
    assert.equal(early.status, 400);
    assert.match(early.body, /Najpierw potwierdź adres e-mail/);

    const link = await latestMailLink(t.services, user.email);
    assert.match(link, /^\/potwierdz-email\?token=/);
    const confirmPage = await client.get(link);
    assert.equal(confirmPage.status, 200);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const confirmed = await client.post('/potwierdz-email', { token });
    assert.equal(confirmed.status, 303);
    // The token is single-use.
    const again = await client.post('/potwierdz-email', { token }, { csrf: client.csrfToken() || undefined });
    assert.equal(again.status, 400);
    assert.match(again.body, /Link jest nieważny/);

    await signInClient(client, user.email, 'dluga-fraza-hasla');
    const account = await client.get('/konto');
    assert.equal(account.status, 200);
    assert.match(account.body, /Anna Nowak/);
    assert.match(account.body, /anna\.nowak@example\.org/);

    const signOut = await client.post('/wyloguj', {});
    assert.equal(signOut.status, 303);
    assert.equal((await client.get('/konto')).status, 303);

    assert.deepEqual(await auditActions(t, user.id), ['account.signed_up', 'account.email_confirmed']);
  });

  it('changes the password with the current one, ends other sessions, and audits it', async () => {
    const email = 'zmiana@example.org';
    const userId = await createUser(t.services, email);
    const laptop = t.client();
    const phone = t.client();
    await signInClient(laptop, email);
    await signInClient(phone, email);

    await laptop.get('/konto/haslo');
    const wrong = await laptop.post('/konto/haslo', {
      currentPassword: 'nie-to-haslo',
      password: 'nowe-bardzo-dlugie',
      passwordConfirmation: 'nowe-bardzo-dlugie',
    });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body, /Obecne hasło jest nieprawidłowe/);

    const ok = await laptop.post('/konto/haslo', {
      currentPassword: testPassword,
      password: 'nowe-bardzo-dlugie',
      passwordConfirmation: 'nowe-bardzo-dlugie',
    });
    assert.equal(ok.status, 303);
    assert.equal((await laptop.get('/konto')).status, 200, 'this session stays');
    assert.equal((await phone.get('/konto')).status, 303, 'the other session ended');
    assert.ok((await auditActions(t, userId)).includes('account.password_changed'));
  });

  it('audits a role change', async () => {
    const adminId = await createUser(t.services, 'admin-audit@example.org', ['administrator']);
    const userId = await createUser(t.services, 'official-to-be@example.org');
    const result = await grantRole(t.services.db, userActor(adminId), userId, 'official');
    assert.deepEqual(result, { ok: true, changed: true });
    const entry = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'role.granted')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_user_id, adminId);
    assert.deepEqual(JSON.parse(entry.before_json!), { roles: [] });
    assert.deepEqual(JSON.parse(entry.after_json!), { roles: ['official'] });
  });

  it('resets a password once with a token; a reused token gets a clear Polish message', async () => {
    const email = 'reset@example.org';
    await createUser(t.services, email);
    const client = t.client();
    await client.get('/haslo/przypomnij');
    assert.equal((await client.post('/haslo/przypomnij', { email })).status, 303);
    const link = await latestMailLink(t.services, email);
    const form = await client.get(link);
    assert.equal(form.status, 200);
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const done = await client.post('/haslo/nowe', {
      token,
      password: 'zupelnie-nowe-haslo',
      passwordConfirmation: 'zupelnie-nowe-haslo',
    });
    assert.equal(done.status, 303);
    await client.get('/haslo/przypomnij');
    const reused = await client.post('/haslo/nowe', {
      token,
      password: 'jeszcze-inne-haslo',
      passwordConfirmation: 'jeszcze-inne-haslo',
    });
    assert.equal(reused.status, 400);
    assert.match(reused.body, /Ten link wygasł albo został już użyty/);
    await signInClient(t.client(), email, 'zupelnie-nowe-haslo');
  });
});
