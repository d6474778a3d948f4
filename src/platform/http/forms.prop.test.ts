/**
 * Every route of `app.routeCatalogue` under hostile input — today's forms and every form added
 * later, without this file changing. Each POST route gets hostile values in the fields its own form
 * page shows (plus missing, repeated and extra ones), over every transport, from a client allowed
 * to use it; each GET route gets hostile query strings. Never a 5xx; a status from the expected set;
 * a Polish page; and a refused submission (4xx) writes nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { RouteInfo } from '../../app.js';
import type { Access } from '../auth/access.js';
import {
  assertWellFormedAnswer,
  badCsrf,
  bodyTransports,
  checkProperty,
  countChanges,
  formStatuses,
  hostileForm,
  hostileQuery,
  hostileText,
  refusedTransports,
  snapshotCounts,
  submit,
  type CsrfVariant,
  type Transport,
} from '../../test-support/hostile-input.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

/** The names of the fields of the form posting to `action` on a page, or [] when there is none. */
function formFields(html: string, action: string): string[] {
  const names = new Set<string>();
  for (const form of html.matchAll(/<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if (form[1] !== action) continue;
    for (const field of form[2]!.matchAll(/<(?:input|textarea|select)\b[^>]*\bname="([^"]+)"/g)) names.add(field[1]!);
  }
  names.delete('_csrf');
  return [...names];
}

const genericFields = ['email', 'password', 'name', 'text', 'version', 'role'];

describe('every route of the catalogue under hostile input', () => {
  let t: TestApp;
  const clients = new Map<Access, TestClient>();
  const emails: Partial<Record<Access, string>> = {
    user: 'czlonek@example.org',
    official: 'urzednik@example.org',
    administrator: 'admin@example.org',
  };
  let foreignToken: string;

  before(async () => {
    t = await createTestApp({ env: { SIGN_IN_MAX_FAILURES_PER_ACCOUNT: '1000000', SIGN_IN_MAX_FAILURES_PER_IP: '1000000' } });
    await createUser(t.services, emails.user!);
    await createUser(t.services, emails.official!, ['official']);
    await createUser(t.services, emails.administrator!, ['administrator']);
    const stranger = t.client();
    await stranger.get('/haslo/przypomnij');
    foreignToken = stranger.csrfToken();
  });
  after(async () => t.close());

  /** A client allowed by the access level, signed in afresh when a request ended its session. */
  async function clientFor(access: Access): Promise<TestClient> {
    const level = access === 'guest' ? 'public' : access;
    const existing = clients.get(level);
    const email = emails[level];
    if (existing && (!email || (await existing.get('/konto')).status === 200)) return existing;
    const client = t.client();
    if (email) await signInClient(client, email);
    clients.set(level, client);
    return client;
  }

  const concrete = (url: string) =>
    url
      .replace(/:language\b/g, 'pl')
      .replace(/:\w+/g, '1')
      .replace(/\*$/, 'x');

  /** The page that shows the form posting to `route`: the same URL, the nearest parent page, or `/`. */
  function formPageOf(route: RouteInfo, gets: RouteInfo[]): string {
    let url = route.url;
    while (url) {
      if (gets.some((g) => g.url === url)) return concrete(url);
      url = url.replace(/\/[^/]*$/, '');
    }
    return '/';
  }

  it('POST: hostile fields, transports and tokens give a Polish answer, and a refusal writes nothing', async () => {
    const catalogue = t.app.routeCatalogue.filter((r) => r.access !== undefined);
    const gets = catalogue.filter((r) => r.method === 'GET');
    const posts: Array<{ route: RouteInfo; url: string; fields: string[] }> = [];
    for (const route of catalogue.filter((r) => r.method === 'POST')) {
      const client = await clientFor(route.access!);
      const page = formPageOf(route, gets);
      const html = (await client.get(page)).body;
      const fields = formFields(html, concrete(route.url));
      posts.push({ route, url: concrete(route.url), fields: fields.length ? fields : genericFields });
    }
    assert.ok(posts.length >= 10, 'the catalogue lists the forms');

    const attack = fc.oneof(
      {
        arbitrary: bodyTransports.map((transport) => ({ csrf: 'valid' as CsrfVariant, transport: transport as Transport })),
        weight: 3,
      },
      { arbitrary: badCsrf.map((csrf) => ({ csrf, transport: 'form' as Transport })), weight: 1 },
      { arbitrary: refusedTransports.map((transport) => ({ csrf: 'valid' as CsrfVariant, transport })), weight: 1 },
    );
    const scenario = fc
      .constantFrom(...posts)
      .chain((post) => fc.record({ post: fc.constant(post), input: hostileForm(post.fields), how: attack }));

    await checkProperty(
      scenario,
      async ({ post, input, how }) => {
        const client = await clientFor(post.route.access!);
        await client.get(formPageOf(post.route, gets));
        // A page without a form (e.g. an invalid link) holds no token: any form page gives one.
        if (!client.csrfToken()) await client.get('/haslo/przypomnij');
        const before = await snapshotCounts(t.services);
        const response = await submit(t, client, post.url, input, { ...how, foreignToken });
        const changes = countChanges(before, await snapshotCounts(t.services));
        const what = `POST ${post.url} (${how.csrf} token, ${how.transport})`;
        assertWellFormedAnswer(response, formStatuses);
        if (how.csrf !== 'valid') assert.ok([403, 413].includes(response.status), `${what} answered ${response.status}`);
        if (how.transport === 'json' || how.transport === 'text-plain' || how.transport === 'no-content-type') {
          assert.equal(response.status, 415, `${what} answered ${response.status}`);
        }
        if (response.status >= 400) assert.deepEqual(changes, {}, `${what} was refused (${response.status}) but wrote rows`);
      },
      150,
    );
  });

  it('GET: hostile query strings give a Polish page or a redirect on this site, never an error', async () => {
    const gets = t.app.routeCatalogue.filter((r) => r.method === 'GET' && r.access !== undefined);
    const names = ['strona', 'wroc', 'token', 'q', 'komponent', 'akcja', 'od', 'do', 'kto', 'obiekt', 'sfera', 'szukaj'];
    await checkProperty(
      fc.tuple(fc.constantFrom(...gets), hostileQuery(names, hostileText)),
      async ([route, query]) => {
        const client = await clientFor(route.access!);
        const response = await client.get(`${concrete(route.url)}?${query}`);
        const type = String(response.headers['content-type'] ?? '');
        if (!type.startsWith('text/html') && response.status < 300) return; // JSON, images, files
        if (type.startsWith('application/problem+json')) {
          // The read-only API (/api/v1) refuses in RFC 9457 problem documents, never in HTML pages.
          assert.ok(route.url.startsWith('/api/'), `a problem document outside the API: ${route.url}`);
          assert.ok([400, 404].includes(response.status), `${route.url} answered ${response.status}`);
          assert.equal((JSON.parse(response.body) as { status?: unknown }).status, response.status);
          return;
        }
        assertWellFormedAnswer(response, [200, 303, 400, 404]);
      },
      200,
    );
  });
});
