/**
 * Hostile input on every form of the accounts feature: no 5xx, a Polish page with the right status,
 * the typed text shown back, and nothing half-written (a refused submission changes no row count;
 * an accepted one writes exactly its rows).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { createSession } from '../../platform/auth/sessions.js';
import {
  assertCsrfRefusal,
  assertLocalLocation,
  assertRefilled,
  assertValidationPage,
  assertWellFormedAnswer,
  badCsrf,
  bodyTransports,
  checkProperty,
  countChanges,
  extraFields,
  hostileField,
  hostileForm,
  hostileText,
  refusedTransports,
  shortHostileText,
  snapshotCounts,
  submit,
  survivesUtf8,
  type Counts,
} from '../../test-support/hostile-input.js';
import {
  createTestApp,
  createUser,
  signInClient,
  testPassword,
  type TestApp,
  type TestClient,
} from '../../test-support/test-app.js';

const tokenAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
/** A token of the right shape that was never issued. */
const wellShapedToken = fc.string({ unit: fc.constantFrom(...tokenAlphabet), minLength: 43, maxLength: 43 });

describe('accounts forms under hostile input', () => {
  let t: TestApp;
  let foreignToken: string;
  const memberEmail = 'czlonek@example.org';
  let memberId: number;

  before(async () => {
    // Hostile sign-ins must not lock the test account or the loopback address (the locks have their own test).
    t = await createTestApp({ env: { SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '1000000', SIGN_IN_MAX_FAILURES_PER_IP: '1000000' } });
    memberId = await createUser(t.services, memberEmail);
    const stranger = t.client();
    await stranger.get('/haslo/przypomnij');
    foreignToken = stranger.csrfToken();
  });
  after(async () => t.close());

  async function visitorOn(path: string): Promise<TestClient> {
    const client = t.client();
    await client.get(path);
    return client;
  }

  async function memberOn(path: string): Promise<TestClient> {
    const client = t.client();
    await signInClient(client, memberEmail);
    await client.get(path);
    return client;
  }

  function assertUnchanged(before: Counts, after: Counts, what: string): void {
    assert.deepEqual(countChanges(before, after), {}, `a refused submission wrote rows (${what})`);
  }

  it('POST /rejestracja: hostile fields are refused with the form refilled, or accepted completely', async () => {
    const client = await visitorOn('/rejestracja');
    const fields = ['displayName', 'email', 'password', 'passwordConfirmation'] as const;
    await checkProperty(fc.tuple(hostileForm(fields), bodyTransports), async ([input, transport]) => {
      const before = await snapshotCounts(t.services);
      const response = await submit(t, client, '/rejestracja', input, { transport });
      const changes = countChanges(before, await snapshotCounts(t.services));
      assertWellFormedAnswer(response, [303, 400, 413]);
      if (response.status === 303) {
        assert.equal(response.location, '/rejestracja/sprawdz-poczte');
        const fresh = { users: 1, account_tokens: 1, mails: 1, jobs: 1, audit_log: 1 };
        const taken = { mails: 1, jobs: 1 };
        assert.ok(
          [fresh, taken].some((e) => JSON.stringify(e) === JSON.stringify(changes)),
          `sign-up wrote ${JSON.stringify(changes)}`,
        );
        return;
      }
      assert.deepEqual(changes, {}, 'a refused sign-up wrote rows');
      if (response.status === 400) {
        assertValidationPage(response);
        if (transport === 'form') assertRefilled(response, input, ['displayName', 'email']);
        assert.doesNotMatch(response.body, /name="password"[^>]* value="[^"]/, 'passwords are never shown back');
      }
    });
  });

  it('POST /rejestracja: a valid sign-up writes exactly one user, token, mail, job and audit entry', async () => {
    const client = await visitorOn('/rejestracja');
    let n = 0;
    const nameCharacter = fc.constantFrom('A', 'ż', 'Ł', 'ó', ' ', '-', "'", '<', '&', '"', '😀', '\u200F', 'ש', 'é', 'e\u0301');
    const valid = fc.record({
      displayName: fc
        .tuple(fc.constantFrom('Anna', 'Łucja', 'Żaneta', 'O’Brien'), fc.string({ unit: nameCharacter, maxLength: 40 }))
        .map(([a, b]) => `${a}${b}`.slice(0, 90)),
      local: fc.string({ unit: fc.constantFrom('a', 'B', '.', '+', '7'), minLength: 1, maxLength: 12 }),
      password: fc.string({ unit: 'grapheme-ascii', minLength: 12, maxLength: 64 }),
      padding: fc.constantFrom('', ' ', '  '),
    });
    await checkProperty(
      valid,
      async (v) => {
        n += 1;
        const email = `Osoba${n}.${v.local}@Example.org`;
        const before = await snapshotCounts(t.services);
        const response = await submit(t, client, '/rejestracja', {
          fields: {
            displayName: `${v.padding}${v.displayName}${v.padding}`,
            email,
            password: v.password,
            passwordConfirmation: v.password,
          },
        });
        const changes = countChanges(before, await snapshotCounts(t.services));
        assert.equal(response.status, 303, `valid sign-up refused: ${response.body.match(/<li>.*?<\/li>/g)?.join(' ')}`);
        assert.deepEqual(changes, { users: 1, account_tokens: 1, mails: 1, jobs: 1, audit_log: 1 });
        const user = await t.services.db
          .selectFrom('users')
          .selectAll()
          .where('email', '=', email.toLowerCase())
          .executeTakeFirstOrThrow();
        assert.equal(user.display_name, v.displayName.normalize('NFC').trim());
        assert.equal(user.email_confirmed_at, null);
      },
      20,
    );
  });

  it('POST /logowanie: hostile fields never sign in and write nothing; the e-mail is shown back', async () => {
    const client = await visitorOn('/logowanie');
    const emails = fc.oneof(
      hostileField(),
      hostileField(fc.constantFrom(memberEmail, memberEmail.toUpperCase(), ` ${memberEmail} `)),
    );
    await checkProperty(
      fc.tuple(hostileForm(['email', 'password', 'wroc'], { email: emails }), bodyTransports),
      async ([input, transport]) => {
        const before = await snapshotCounts(t.services);
        const response = await submit(t, client, '/logowanie', input, { transport });
        assertWellFormedAnswer(response, [400, 413]);
        assertUnchanged(before, await snapshotCounts(t.services), 'sign-in');
        if (response.status === 400) {
          assertValidationPage(response);
          if (transport === 'form') assertRefilled(response, input, ['email']);
        }
      },
      60,
    );
  });

  it('POST /logowanie: whatever `wroc` holds, a successful sign-in stays on this site', async () => {
    // Long, but within the body limit: this property is about where the sign-in leads.
    const returns = fc.oneof(
      shortHostileText,
      fc.integer({ min: 501, max: 200_000 }).map((n) => `/${'a'.repeat(n)}`),
      fc.constantFrom(
        '//evil.example',
        'https://evil.example',
        '/\\evil.example',
        '\\\\evil.example',
        '/\t/evil.example',
        '/\n/evil.example',
        '/..//evil.example',
        '/%2e%2e//evil.example',
        'javascript:alert(1)',
        '/konto?x=1#y',
        '/zażółć',
        `/${'a'.repeat(600)}`,
      ),
    );
    await checkProperty(
      hostileField(returns),
      async (wroc) => {
        const client = await visitorOn('/logowanie');
        const before = await snapshotCounts(t.services);
        const response = await submit(t, client, '/logowanie', { fields: { email: memberEmail, password: testPassword, wroc } });
        if (response.status === 413) {
          // Several very long values: too large to read, so no sign-in at all.
          assertWellFormedAnswer(response, [413]);
          assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {});
          return;
        }
        assert.equal(response.status, 303);
        assertLocalLocation(response.location);
        assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), { sessions: 1, audit_log: 1 });
      },
      25,
    );
  });

  it('POST /potwierdz-email: a hostile or unknown token gets the Polish "invalid link" page', async () => {
    const client = await visitorOn('/potwierdz-email/ponow');
    const tokens = hostileField(fc.oneof(hostileText, wellShapedToken));
    await checkProperty(fc.tuple(hostileForm(['token'], { token: tokens }), bodyTransports), async ([input, transport]) => {
      const before = await snapshotCounts(t.services);
      const response = await submit(t, client, '/potwierdz-email', input, { transport });
      assertWellFormedAnswer(response, [400, 413]);
      if (response.status === 400) assert.match(response.body, /Link jest nieważny/);
      assertUnchanged(before, await snapshotCounts(t.services), 'confirm e-mail');
    });
  });

  for (const [url, next] of [
    ['/potwierdz-email/ponow', '/rejestracja/sprawdz-poczte'],
    ['/haslo/przypomnij', '/haslo/sprawdz-poczte'],
  ] as const) {
    it(`POST ${url}: a hostile address is refused with the form refilled; an unknown one writes nothing`, async () => {
      const client = await visitorOn(url);
      await checkProperty(fc.tuple(hostileForm(['email']), bodyTransports), async ([input, transport]) => {
        const before = await snapshotCounts(t.services);
        const response = await submit(t, client, url, input, { transport });
        assertWellFormedAnswer(response, [303, 400, 413]);
        if (response.status === 303) assert.equal(response.location, next);
        // No generated address belongs to an account (or to an unconfirmed one): nothing is sent.
        assertUnchanged(before, await snapshotCounts(t.services), url);
        if (response.status === 400) {
          assertValidationPage(response);
          if (transport === 'form') assertRefilled(response, input, ['email']);
        }
      });
    });
  }

  it('POST /haslo/przypomnij: a known address, however written, queues exactly one token, mail and job', async () => {
    const client = await visitorOn('/haslo/przypomnij');
    const spellings = fc.constantFrom(memberEmail, memberEmail.toUpperCase(), ` ${memberEmail}\t`, 'Czlonek@Example.ORG');
    await checkProperty(
      spellings,
      async (email) => {
        const before = await snapshotCounts(t.services);
        const response = await submit(t, client, '/haslo/przypomnij', { fields: { email } });
        assert.equal(response.status, 303);
        assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), { account_tokens: 1, mails: 1, jobs: 1 });
      },
      8,
    );
  });

  it('POST /haslo/nowe: a hostile token or password changes nothing', async () => {
    const client = await visitorOn('/haslo/przypomnij');
    const passwords = hostileField(fc.oneof(hostileText, fc.constant('zupelnie-nowe-haslo')));
    const form = hostileForm(['token', 'password', 'passwordConfirmation'], {
      token: hostileField(fc.oneof(hostileText, wellShapedToken)),
      password: passwords,
      passwordConfirmation: passwords,
    });
    await checkProperty(fc.tuple(form, bodyTransports), async ([input, transport]) => {
      const hashBefore = (
        await t.services.db.selectFrom('users').select('password_hash').where('id', '=', memberId).executeTakeFirstOrThrow()
      ).password_hash;
      const before = await snapshotCounts(t.services);
      const response = await submit(t, client, '/haslo/nowe', input, { transport });
      assertWellFormedAnswer(response, [400, 413]);
      if (response.status === 400) assert.match(response.body, /Link jest nieważny|Popraw błędy w formularzu/);
      assertUnchanged(before, await snapshotCounts(t.services), 'new password');
      const hashAfter = (
        await t.services.db.selectFrom('users').select('password_hash').where('id', '=', memberId).executeTakeFirstOrThrow()
      ).password_hash;
      assert.equal(hashAfter, hashBefore);
    });
  });

  it('POST /konto/haslo: hostile passwords are refused without writing or signing out', async () => {
    const client = await memberOn('/konto/haslo');
    await checkProperty(
      fc.tuple(hostileForm(['currentPassword', 'password', 'passwordConfirmation']), bodyTransports),
      async ([input, transport]) => {
        const before = await snapshotCounts(t.services);
        const response = await submit(t, client, '/konto/haslo', input, { transport });
        assertWellFormedAnswer(response, [400, 413]);
        if (response.status === 400) assertValidationPage(response);
        assertUnchanged(before, await snapshotCounts(t.services), 'change password');
      },
    );
    assert.equal((await client.get('/konto')).status, 200, 'still signed in');
  });

  it('POST /konto/sesje/:id/zakoncz: only one of one’s own sessions ends; any other id is a 404', async () => {
    const client = await memberOn('/konto/sesje');
    const current = (
      await t.services.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', memberId)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    const other = await createUser(t.services, 'inna-osoba@example.org');
    const segment = fc
      .oneof(
        fc.constantFrom(
          '0',
          '-1',
          '1.5',
          '1e3',
          '0x10',
          ' 1',
          '+1',
          '2147483649',
          '99999999999999999999',
          'NaN',
          '%00',
          '..',
          'abc',
        ),
        hostileText.filter((s) => survivesUtf8(s) && encodeURIComponent(s).length <= 150 && s !== ''),
      )
      // Never the session this client uses (the id is read as a number, like `+1` or `0x1`).
      .filter((s) => Number(s) !== current);
    const target = fc.oneof(
      fc.constant({ kind: 'own' as const }),
      fc.constant({ kind: 'other' as const }),
      segment.map((value) => ({ kind: 'raw' as const, value })),
    );
    const sessionsOf = async (userId: number) =>
      (await t.services.db.selectFrom('sessions').select('id').where('user_id', '=', userId).execute()).length;
    await checkProperty(fc.tuple(target, extraFields), async ([pick, extra]) => {
      let id: string;
      if (pick.kind === 'raw') id = encodeURIComponent(pick.value);
      else id = String((await createSession(t.services.db, pick.kind === 'own' ? memberId : other, 'test', 1)).sessionId);
      const [mine, theirs] = [await sessionsOf(memberId), await sessionsOf(other)];
      const before = await snapshotCounts(t.services);
      const response = await submit(t, client, `/konto/sesje/${id}/zakoncz`, { fields: {}, extra });
      const changes = countChanges(before, await snapshotCounts(t.services));
      assertWellFormedAnswer(response, pick.kind === 'own' ? [303] : pick.kind === 'other' ? [404] : [303, 404]);
      assert.equal(await sessionsOf(other), theirs, 'another person’s session is never ended');
      if (response.status === 303) {
        assert.equal(response.location, '/konto/sesje');
        assert.deepEqual(changes, { sessions: -1, audit_log: 1 });
        assert.equal(await sessionsOf(memberId), mine - 1);
      } else {
        assert.deepEqual(changes, {});
      }
    });
    assert.equal((await client.get('/konto')).status, 200, 'still signed in');
  });

  for (const [url, ended] of [
    ['/wyloguj', 'this session'],
    ['/konto/sesje/wyloguj-wszedzie', 'every session'],
  ] as const) {
    it(`POST ${url}: extra fields do not matter; it ends ${ended} and audits it`, async () => {
      await checkProperty(
        extraFields,
        async (extra) => {
          const client = await memberOn('/konto');
          const spare = await createSession(t.services.db, memberId, 'test', 1);
          const sessions = Number(
            (
              await t.services.db
                .selectFrom('sessions')
                .select((eb) => eb.fn.countAll().as('n'))
                .where('user_id', '=', memberId)
                .executeTakeFirstOrThrow()
            ).n,
          );
          const before = await snapshotCounts(t.services);
          const response = await submit(t, client, url, { fields: {}, extra });
          assert.equal(response.status, 303);
          assertLocalLocation(response.location);
          const expected = url === '/wyloguj' ? -1 : -sessions;
          assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), { sessions: expected, audit_log: 1 });
          assert.equal((await client.get('/konto')).status, 303, 'signed out');
          if (url === '/wyloguj') await t.services.db.deleteFrom('sessions').where('id', '=', spare.sessionId).execute();
        },
        10,
      );
    });
  }

  it('every accounts form refuses a missing, wrong or foreign CSRF token and bodies it cannot read', async () => {
    const visitor = await visitorOn('/rejestracja');
    const member = await memberOn('/konto');
    const forms = [
      { url: '/rejestracja', client: visitor },
      { url: '/logowanie', client: visitor },
      { url: '/potwierdz-email', client: visitor },
      { url: '/potwierdz-email/ponow', client: visitor },
      { url: '/haslo/przypomnij', client: visitor },
      { url: '/haslo/nowe', client: visitor },
      { url: '/konto/haslo', client: member },
      { url: '/konto/sesje/1/zakoncz', client: member },
      { url: '/konto/sesje/wyloguj-wszedzie', client: member },
      { url: '/wyloguj', client: member },
    ];
    const attack = fc.oneof(
      badCsrf.map((csrf) => ({ csrf, transport: 'form' as const })),
      refusedTransports.map((transport) => ({ csrf: 'valid' as const, transport })),
    );
    const anyFields = hostileForm(['email', 'password', 'passwordConfirmation', 'displayName', 'token', 'currentPassword']);
    await checkProperty(
      fc.tuple(fc.constantFrom(...forms), attack, anyFields),
      async ([form, how, input]) => {
        const before = await snapshotCounts(t.services);
        const response = await submit(t, form.client, form.url, input, { ...how, foreignToken });
        if (how.transport === 'form') assertCsrfRefusal(response);
        else assertWellFormedAnswer(response, how.transport === 'oversize' ? [413] : [415]);
        assertUnchanged(before, await snapshotCounts(t.services), `${form.url} with ${how.csrf} token, ${how.transport}`);
      },
      100,
    );
    assert.equal((await member.get('/konto')).status, 200, 'the member is still signed in');
  });
});
