/**
 * The limits of the public forms, with their Polish answers: single-use reset links, the per-IP
 * form rate limit (429), and the sign-in locks per account and per IP address — which hold even
 * against the right password.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertWellFormedAnswer, countChanges, snapshotCounts } from '../../test-support/hostile-input.js';
import {
  createTestApp,
  createUser,
  latestMailLink,
  signInClient,
  testPassword,
  type TestApp,
} from '../../test-support/test-app.js';

const lockedMessage = /Zbyt wiele nieudanych prób logowania\. Spróbuj ponownie za \d+ minut/;

describe('a reset link works once', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('answers a reused reset token with HTTP 400 and the Polish message, and changes nothing', async () => {
    const email = 'jednorazowy@example.org';
    await createUser(t.services, email);
    const client = t.client();
    await client.get('/haslo/przypomnij');
    assert.equal((await client.post('/haslo/przypomnij', { email })).status, 303);
    const token = new URL(await latestMailLink(t.services, email), 'http://x').searchParams.get('token')!;
    await client.get(`/haslo/nowe?token=${token}`);
    const first = await client.post('/haslo/nowe', {
      token,
      password: 'pierwsze-nowe-haslo',
      passwordConfirmation: 'pierwsze-nowe-haslo',
    });
    assert.equal(first.status, 303);

    await client.get('/haslo/przypomnij');
    const before = await snapshotCounts(t.services);
    const reused = await client.post('/haslo/nowe', {
      token,
      password: 'drugie-nowe-haslo',
      passwordConfirmation: 'drugie-nowe-haslo',
    });
    assertWellFormedAnswer(reused, [400]);
    assert.match(reused.body, /<h1>Link jest nieważny<\/h1>/);
    assert.match(reused.body, /Ten link wygasł albo został już użyty/);
    assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {});
    // The first new password still works; the second was never set.
    await signInClient(t.client(), email, 'pierwsze-nowe-haslo');
    await assert.rejects(signInClient(t.client(), email, 'drugie-nowe-haslo'));
    // The link page itself says the same.
    const page = await client.get(`/haslo/nowe?token=${token}`);
    assertWellFormedAnswer(page, [400]);
    assert.match(page.body, /Ten link wygasł albo został już użyty/);
  });
});

describe('the per-IP rate limit of public forms', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { FORM_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  after(async () => t.close());

  it('answers the fourth submission within a minute with 429, a Polish page and Retry-After', async () => {
    const client = t.client();
    for (let i = 0; i < 3; i++) {
      await client.get('/haslo/przypomnij');
      assert.equal((await client.post('/haslo/przypomnij', { email: `nikt${i}@example.org` })).status, 303);
    }
    await client.get('/haslo/przypomnij');
    const before = await snapshotCounts(t.services);
    const limited = await client.post('/haslo/przypomnij', { email: 'nikt@example.org' });
    assertWellFormedAnswer(limited, [429]);
    assert.match(limited.body, /<h1>Zbyt wiele prób<\/h1>/);
    assert.match(limited.body, /Odczekaj minutę i spróbuj ponownie/);
    assert.equal(limited.headers['retry-after'], '60');
    assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {});
  });

  it('limits sign-up and sign-in too, each form on its own', async () => {
    for (const [url, body] of [
      ['/rejestracja', { displayName: 'X', email: 'x@example.org', password: 'a', passwordConfirmation: 'b' }],
      ['/logowanie', { email: 'x@example.org', password: 'zle-haslo' }],
    ] as const) {
      const client = t.client();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        await client.get(url);
        statuses.push((await client.post(url, body)).status);
      }
      assert.deepEqual(statuses, [400, 400, 400, 429], url);
      await client.get(url);
      const limited = await client.post(url, body);
      assertWellFormedAnswer(limited, [429]);
      assert.match(limited.body, /Zbyt wiele prób/);
    }
  });
});

describe('sign-in locks', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ env: { SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '3', SIGN_IN_MAX_FAILURES_PER_IP: '6' } });
  });
  after(async () => t.close());

  async function attempt(email: string, password: string) {
    const client = t.client();
    await client.get('/logowanie');
    return client.post('/logowanie', { email, password });
  }

  it('locks an account after repeated failures, even against the right password, and locks the IP address after more', async () => {
    const victim = 'ofiara@example.org';
    const bystander = 'postronna@example.org';
    await createUser(t.services, victim);
    await createUser(t.services, bystander);

    // Account lock: failures 1 and 2 are plain failures, the 3rd locks.
    for (let i = 1; i <= 2; i++) {
      const failed = await attempt(victim, 'zle-haslo');
      assertWellFormedAnswer(failed, [400]);
      assert.match(failed.body, /Nieprawidłowy adres e-mail lub hasło/);
    }
    const locking = await attempt(victim, 'zle-haslo');
    assertWellFormedAnswer(locking, [429]);
    assert.match(locking.body, lockedMessage);

    const before = await snapshotCounts(t.services);
    const rightButLocked = await attempt(victim, testPassword);
    assertWellFormedAnswer(rightButLocked, [429]);
    assert.match(rightButLocked.body, lockedMessage);
    assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {}, 'no session while locked');
    // The e-mail is shown back; the form is still there to use later.
    assert.match(rightButLocked.body, /name="email"[^>]* value="ofiara@example.org"/);

    // Another account from the same address still signs in (3 failures so far, IP limit 6)…
    await signInClient(t.client(), bystander);
    // …until failures on other accounts reach the IP limit.
    for (let i = 0; i < 3; i++) await attempt(`nieznana${i}@example.org`, 'zle-haslo');
    const ipLocked = await attempt(bystander, testPassword);
    assertWellFormedAnswer(ipLocked, [429]);
    assert.match(ipLocked.body, lockedMessage);
  });
});
