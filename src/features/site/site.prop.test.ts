/**
 * The return paths (`?wroc=`) of the language switch and the sign-in page under hostile input: an
 * open redirect must be impossible — not for `//evil.example`, not for `https://evil.example`, not
 * for `/\evil.example`, not for `/<TAB>/evil.example` (browsers drop tabs and line breaks) — and no
 * value may break the `Location` header (a 500).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import {
  assertLocalLocation,
  assertWellFormedAnswer,
  checkProperty,
  hostileText,
  shownValue,
} from '../../test-support/hostile-input.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

const redirectAttacks = [
  '//evil.example',
  '///evil.example',
  '////evil.example/x',
  'https://evil.example',
  'http:evil.example',
  'https:/evil.example',
  '//evil.example/%2F..',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '/ /evil.example',
  '/%09/evil.example',
  '/%2F/evil.example',
  '/%5Cevil.example',
  '/..//evil.example',
  '/%2e%2e//evil.example',
  '/./\\evil.example',
  '/a/../..//evil.example',
  'javascript:alert(document.cookie)',
  'data:text/html,<script>alert(1)</script>',
  '/\u3002evil.example',
  '/\uFF0F/evil.example',
  '/\u2215\u2215evil.example',
  '/a\r\nSet-Cookie: sid=x',
  '/zażółć gęślą jaźń?q=ą#ś',
  `/${'a'.repeat(501)}`,
];

/** A query value, raw: percent-encoded as a browser would, or with malformed escapes left in. */
const rawValue = fc.oneof(
  { arbitrary: fc.constantFrom(...redirectAttacks).map((v) => encodeURIComponent(v)), weight: 4 },
  { arbitrary: hostileText.map((v) => encodeURIComponent(Buffer.from(v).toString())), weight: 4 },
  { arbitrary: fc.constantFrom('%FF%FE%C3', '%', '%zz', '/%ED%A0%80', '/%C0%AF/evil.example', '%2F%2Fevil.example'), weight: 1 },
  // Unencoded, as a hand-written link would have it.
  { arbitrary: fc.constantFrom('//evil.example', '/\\evil.example', 'https://evil.example'), weight: 1 },
);
const query = fc
  .tuple(rawValue, fc.option(rawValue, { freq: 4 }))
  .map(([first, second]) => `wroc=${first}${second === null ? '' : `&wroc=${second}`}`);

describe('return paths under hostile input', () => {
  let t: TestApp;
  let visitor: TestClient;
  let member: TestClient;

  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'osoba@example.org');
    visitor = t.client();
    member = t.client();
    await signInClient(member, 'osoba@example.org');
  });
  after(async () => t.close());

  it('GET /jezyk/:language?wroc=: sets the language and stays on this site, whatever wroc holds', async () => {
    await checkProperty(
      fc.tuple(fc.constantFrom('pl', 'en'), query, fc.boolean()),
      async ([language, q, signedIn]) => {
        const response = await (signedIn ? member : visitor).get(`/jezyk/${language}?${q}`);
        assert.equal(response.status, 303, `status ${response.status} for ?${q.slice(0, 200)}`);
        assertLocalLocation(response.location);
        const cookies = [response.headers['set-cookie'] ?? []].flat().map(String);
        assert.ok(
          cookies.some((c) => c.startsWith(`lang=${language};`)),
          'the language cookie is set',
        );
      },
      200,
    );
    await visitor.get('/jezyk/pl');
    await member.get('/jezyk/pl');
  });

  it('GET /jezyk/:language: an unknown language is the Polish 404, with no cookie', async () => {
    const language = fc
      .oneof(fc.constantFrom('de', 'PL', 'pl-PL', 'en ', '__proto__', 'constructor', 'toString'), hostileText)
      // (`.` and `..` are path segments: the URL resolves to another page before it reaches the app.)
      .filter(
        (v) => !['pl', 'en', '', '.', '..'].includes(v) && Buffer.from(v).toString() === v && encodeURIComponent(v).length <= 150,
      );
    await checkProperty(language, async (value) => {
      const response = await visitor.get(`/jezyk/${encodeURIComponent(value)}?wroc=%2F%2Fevil.example`);
      assertWellFormedAnswer(response, [404]);
      const cookies = [response.headers['set-cookie'] ?? []].flat().map(String);
      assert.ok(!cookies.some((c) => c.startsWith('lang=')), 'no language cookie');
    });
  });

  it('GET /logowanie?wroc=: the page keeps only a local path for after signing in', async () => {
    await checkProperty(
      query,
      async (q) => {
        const response = await visitor.get(`/logowanie?${q}`);
        assertWellFormedAnswer(response, [200]);
        const kept = shownValue(response.body, 'wroc');
        if (kept !== undefined) assertLocalLocation(kept);
      },
      150,
    );
  });

  it('GET /logowanie?wroc=: a signed-in person goes to the account, not to wroc', async () => {
    await checkProperty(fc.constantFrom(...redirectAttacks), async (wroc) => {
      const response = await member.get(`/logowanie?wroc=${encodeURIComponent(wroc)}`);
      assert.equal(response.status, 303);
      assert.equal(response.location, '/konto');
    });
  });

  it('a stranger sent to sign in comes back to the page asked for, and only there', async () => {
    const paths = fc.constantFrom(
      '/konto',
      '/konto/sesje',
      '/admin/dziennik?akcja=role&od=2024-01-01',
      '/konto?x=%2F%2Fevil.example',
    );
    await checkProperty(
      paths,
      async (path) => {
        const sent = await t.client().get(path);
        assert.equal(sent.status, 303);
        const signIn = new URL(sent.location!, 'http://x');
        assert.equal(signIn.pathname, '/logowanie');
        assert.equal(signIn.searchParams.get('wroc'), path);
        const client = t.client();
        const page = await client.get(`${signIn.pathname}${signIn.search}`);
        assert.equal(shownValue(page.body, 'wroc'), path);
        const done = await client.post('/logowanie', {
          email: 'osoba@example.org',
          password: 'correct horse battery staple',
          wroc: path,
        });
        assert.equal(done.status, 303);
        assert.equal(done.location, path);
      },
      8,
    );
  });
});
