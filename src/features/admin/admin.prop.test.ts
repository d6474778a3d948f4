/**
 * Hostile input on the administration pages: the role form and the query strings of the audit log,
 * the users list and the outbox. No 5xx, Polish pages, and a role changes only by a well-formed
 * request — completely (role row + audit entry) or not at all.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { rolesOf } from '../accounts/accounts.repo.js';
import {
  assertCsrfRefusal,
  assertLocalLocation,
  assertWellFormedAnswer,
  badCsrf,
  bodyTransports,
  checkProperty,
  countChanges,
  hostileField,
  hostileForm,
  hostileQuery,
  hostileText,
  refusedTransports,
  shortHostileText,
  snapshotCounts,
  submit,
  survivesUtf8,
} from '../../test-support/hostile-input.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

/** Calendar-shaped dates, many of them impossible (month 13, day 32, year 0000). */
const dateLike = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('administration under hostile input', () => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: number;
  let targetId: number;
  let foreignToken: string;

  before(async () => {
    t = await createTestApp();
    adminId = await createUser(t.services, 'admin@example.org', ['administrator']);
    targetId = await createUser(t.services, 'osoba@example.org');
    admin = t.client();
    await signInClient(admin, 'admin@example.org');
    await admin.get('/admin/uzytkownicy');
    const stranger = t.client();
    await stranger.get('/haslo/przypomnij');
    foreignToken = stranger.csrfToken();
  });
  after(async () => t.close());

  it('GET /admin/dziennik: any query string gives the Polish audit log, never an error', async () => {
    const value = fc.oneof({ arbitrary: hostileText, weight: 3 }, { arbitrary: dateLike, weight: 2 });
    await checkProperty(
      hostileQuery(['akcja', 'kto', 'obiekt', 'od', 'do', 'strona'], value),
      async (query) => {
        const response = await admin.get(`/admin/dziennik?${query}`);
        assertWellFormedAnswer(response, [200]);
        assert.match(response.body, /<h1>Dziennik zdarzeń<\/h1>/);
      },
      100,
    );
  });

  it('GET /admin/dziennik: impossible dates are ignored, real ones filter', async () => {
    for (const date of ['2024-13-45', '2023-02-29', '0000-00-00', '0000-01-01', '0999-12-31', '9999-99-99', '2024-02-30']) {
      const response = await admin.get(`/admin/dziennik?od=${date}&do=${date}`);
      assertWellFormedAnswer(response, [200]);
    }
    const future = await admin.get('/admin/dziennik?od=2999-01-01');
    assertWellFormedAnswer(future, [200]);
    assert.match(future.body, /Brak wpisów spełniających kryteria/, 'a real date filters the entries');
    const past = await admin.get('/admin/dziennik?od=2000-01-01');
    assert.doesNotMatch(past.body, /Brak wpisów spełniających kryteria/);
  });

  for (const url of ['/admin/uzytkownicy', '/admin/poczta']) {
    it(`GET ${url}?strona=: any page number gives the Polish list`, async () => {
      const pages = fc.oneof(hostileText, fc.integer().map(String), fc.constantFrom('1e5', '100001', '-0', '0x2', '2.5'));
      await checkProperty(hostileQuery(['strona'], pages), async (query) => {
        const response = await admin.get(`${url}?${query}`);
        assertWellFormedAnswer(response, [200]);
      });
    });
  }

  it('POST /admin/uzytkownicy/:id/role: only a well-formed change applies, completely', async () => {
    const roleValue = hostileField(
      fc.oneof(fc.constantFrom('official', 'administrator', 'Official', ' official', 'owner'), shortHostileText),
    );
    const changeValue = hostileField(fc.oneof(fc.constantFrom('grant', 'revoke', 'GRANT', 'delete'), shortHostileText));
    const target = fc.oneof(
      { arbitrary: fc.constant({ kind: 'user' as const }), weight: 4 },
      { arbitrary: fc.constant({ kind: 'missing' as const }), weight: 1 },
      {
        arbitrary: fc
          .oneof(fc.constantFrom('0', '-1', 'abc', '1.5', '2147483649', '%00'), shortHostileText)
          .filter((s) => s !== '' && survivesUtf8(s) && encodeURIComponent(s).length <= 150 && !Number.isInteger(Number(s)))
          .map((value) => ({ kind: 'raw' as const, value })),
        weight: 1,
      },
    );
    const form = hostileForm(['role', 'change'], { role: roleValue, change: changeValue });
    await checkProperty(
      fc.tuple(target, form, bodyTransports),
      async ([pick, input, transport]) => {
        const id = pick.kind === 'user' ? String(targetId) : pick.kind === 'missing' ? '999999' : encodeURIComponent(pick.value);
        const rolesBefore = await rolesOf(t.services.db, targetId);
        const before = await snapshotCounts(t.services);
        const response = await submit(t, admin, `/admin/uzytkownicy/${id}/role`, input, { transport });
        const changes = countChanges(before, await snapshotCounts(t.services));
        const rolesAfter = await rolesOf(t.services.db, targetId);

        if (pick.kind !== 'user') {
          // An id that is no number is a 404; a number without a user is a 404 once the form is valid.
          assertWellFormedAnswer(response, pick.kind === 'missing' ? [303, 404, 413] : [404, 413]);
          assert.deepEqual(changes, {});
          return;
        }
        assertWellFormedAnswer(response, [303, 413]);
        if (response.status === 303) assert.equal(response.location, '/admin/uzytkownicy');
        const { role, change } = input.fields;
        const wellFormed =
          transport === 'form' &&
          (role === 'official' || role === 'administrator') &&
          (change === 'grant' || change === 'revoke') &&
          response.status === 303;
        if (!wellFormed) {
          assert.deepEqual(changes, {}, 'a malformed change wrote rows');
          assert.deepEqual(rolesAfter, rolesBefore);
          return;
        }
        const had = rolesBefore.includes(role);
        const effective = change === 'grant' ? !had : had;
        assert.deepEqual(changes, effective ? { user_roles: change === 'grant' ? 1 : -1, audit_log: 1 } : {});
        assert.equal(rolesAfter.includes(role), change === 'grant');
      },
      100,
    );
    assert.deepEqual(await rolesOf(t.services.db, adminId), ['administrator'], 'the administrator keeps the role');
  });

  it('POST /admin/uzytkownicy/:id/role: a missing, wrong or foreign CSRF token and unreadable bodies change nothing', async () => {
    const attack = fc.oneof(
      badCsrf.map((csrf) => ({ csrf, transport: 'form' as const })),
      refusedTransports.map((transport) => ({ csrf: 'valid' as const, transport })),
    );
    await checkProperty(fc.tuple(attack, fc.constantFrom('grant', 'revoke')), async ([how, change]) => {
      const before = await snapshotCounts(t.services);
      const response = await submit(
        t,
        admin,
        `/admin/uzytkownicy/${targetId}/role`,
        { fields: { role: 'administrator', change } },
        { ...how, foreignToken },
      );
      if (how.transport === 'form') assertCsrfRefusal(response);
      else assertWellFormedAnswer(response, how.transport === 'oversize' ? [413] : [415]);
      assert.deepEqual(countChanges(before, await snapshotCounts(t.services)), {});
    });
    assert.ok((await admin.get('/admin')).status === 200, 'the administrator is still signed in');
  });

  it('GET /admin/poczta/:id: any id is a mail page or the Polish 404', async () => {
    const ids = fc
      .oneof(fc.constantFrom('0', '-1', '1e3', '0x1', ' 1', '999999', '2147483649'), shortHostileText)
      .filter((s) => s !== '' && survivesUtf8(s) && encodeURIComponent(s).length <= 150);
    await checkProperty(ids, async (id) => {
      const response = await admin.get(`/admin/poczta/${encodeURIComponent(id)}`);
      assertWellFormedAnswer(response, [200, 404]);
      if (response.status === 303) assertLocalLocation(response.location);
    });
  });
});
