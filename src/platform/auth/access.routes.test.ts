/**
 * The access policy, proven on the real app: every route of `app.routeCatalogue` × every role.
 * A route that declares no `config.access` fails the test by name; so does a route whose answer
 * does not match its access level. On failure the whole grid is printed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RouteInfo } from '../../app.js';
import { queueMail } from '../mail/mail.js';
import { createSession } from './sessions.js';
import {
  createTestApp,
  createUser,
  signInClient,
  type TestApp,
  type TestClient,
  type TestResponse,
} from '../../test-support/test-app.js';
import { type Access, type AccessDecision, decideAccess } from './access.js';
import type { Role } from '../db/schema.js';

interface RoleSetup {
  name: string;
  email: string | null;
  roles: Role[];
  userId: number | null;
}

const roleSetups: RoleSetup[] = [
  { name: 'visitor', email: null, roles: [], userId: null },
  { name: 'NGO member', email: 'czlonek@example.org', roles: [], userId: null },
  { name: 'plain user', email: 'mieszkanka@example.org', roles: [], userId: null },
  { name: 'official', email: 'urzednik@example.org', roles: ['official'], userId: null },
  { name: 'administrator', email: 'administrator@example.org', roles: ['administrator'], userId: null },
];

type Outcome = 'allowed' | 'sign-in' | 'forbidden' | 'already-signed-in';

const outcomeOf: Record<AccessDecision, Outcome> = {
  allow: 'allowed',
  'sign-in': 'sign-in',
  forbidden: 'forbidden',
  'already-signed-in': 'already-signed-in',
};

/** The redirect the access rule sends a stranger: to /logowanie, with no one-time message set. */
function isSignInRedirect(response: TestResponse): boolean {
  const setCookie = [response.headers['set-cookie'] ?? []].flat().map(String);
  return (
    response.status === 303 &&
    (response.location === '/logowanie' || (response.location ?? '').startsWith('/logowanie?')) &&
    !setCookie.some((c) => c.startsWith('flash='))
  );
}

/** What the answer shows, in the grid's words. */
function observed(response: TestResponse): string {
  if (isSignInRedirect(response)) return 'sign-in';
  if (response.status === 303 && response.location === '/konto') return `303 /konto`;
  if (response.status === 403) return 'forbidden';
  return `${response.status}${response.location ? ` ${response.location}` : ''}`;
}

/** Routes whose feature policy refuses (403) some roles the access level lets through. */
const featurePolicies: Record<string, string[]> = {
  // The fixture's NGO member administers the fixture organisation; nobody else may manage its members.
  'POST /organizacje/:slug/czlonkowie/:memberId': ['plain user', 'official', 'administrator'],
  // Only the organisation's own members confirm its data are current (officials are not members of it).
  // (A plain user does not see the fixture organisation, which awaits verification: 404.)
  'POST /organizacje/:slug/potwierdzenie': ['official', 'administrator'],
};

describe('access policy: every route × every role', () => {
  let t: TestApp;
  let mailId: number;

  before(async () => {
    t = await createTestApp();
    const now = new Date().toISOString();
    for (const setup of roleSetups) {
      if (setup.email) setup.userId = await createUser(t.services, setup.email, setup.roles);
    }
    const member = roleSetups.find((r) => r.name === 'NGO member')!;
    const organisation = await t.services.db
      .insertInto('organizations')
      .values({ name: 'Stowarzyszenie Przykładowe', slug: 'stowarzyszenie-przykladowe', created_at: now, created_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.services.db
      .insertInto('organization_members')
      .values({ organization_id: organisation.id, user_id: member.userId!, role: 'admin', joined_at: now })
      .execute();
    await queueMail(t.services.db, { to: 'ktos@example.org', subject: 'Próba', text: 'Treść' });
    mailId = (await t.services.db.selectFrom('mails').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
  });
  after(async () => t.close());

  it('every route declares its access level', () => {
    const missing = t.app.routeCatalogue.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(missing, [], `routes without config.access:\n  ${missing.join('\n  ')}`);
    assert.ok(t.app.routeCatalogue.length > 10, 'the catalogue lists the routes');
  });

  it('gives each area of the site the access level it promises', () => {
    // A wrongly declared level would pass the grid below (the kernel enforces what is declared), so
    // the areas whose audience is fixed by their URL are pinned here.
    const areas: Array<[RegExp, Access]> = [
      [/^\/admin(\/|$)/, 'administrator'],
      [/^\/konto(\/|$)/, 'user'],
      [/^\/(logowanie|rejestracja)$/, 'guest'],
    ];
    const wrong = t.app.routeCatalogue.flatMap((r) => {
      const area = areas.find(([pattern]) => pattern.test(r.url));
      return area && r.access !== area[1] ? [`${r.method} ${r.url}: ${r.access ?? 'none'} (want ${area[1]})`] : [];
    });
    assert.deepEqual(wrong, [], `routes with the wrong access level for their area:\n  ${wrong.join('\n  ')}`);
  });

  it('answers every route × role according to its access level', async () => {
    const otherUser = roleSetups.find((r) => r.name === 'plain user')!;

    /** A concrete URL: ids that exist (the role's own spare session, a real mail, another user). */
    async function concreteUrl(route: RouteInfo, role: RoleSetup): Promise<string> {
      let url = route.url.replace(/\*$/, 'x');
      for (const [, name] of route.url.matchAll(/:(\w+)/g)) {
        let value = '1';
        if (name === 'language') value = 'pl';
        else if (name === 'slug') value = 'stowarzyszenie-przykladowe';
        else if (name === 'id' && route.url.startsWith('/konto/sesje/')) {
          // A second session of the same person, so ending it leaves the client signed in.
          const owner = role.userId ?? otherUser.userId!;
          value = String((await createSession(t.services.db, owner, 'policy test', 1)).sessionId);
        } else if (name === 'id' && route.url.startsWith('/admin/poczta/')) value = String(mailId);
        else if (name === 'id' && route.url.startsWith('/admin/uzytkownicy/')) value = String(otherUser.userId);
        else if (name === 'memberId') value = String(roleSetups.find((r) => r.name === 'NGO member')!.userId);
        url = url.replace(`:${name}`, value);
      }
      return url;
    }

    async function clientFor(role: RoleSetup): Promise<TestClient> {
      const client = t.client();
      if (role.email) await signInClient(client, role.email);
      // A page with a form, for a valid CSRF token of this client.
      await client.get('/haslo/przypomnij');
      return client;
    }

    const grid: Array<{ route: string; cells: string[]; failed: boolean }> = [];
    let failures = 0;
    // GET requests change nothing: one client per role serves them all, before any POST runs (a POST
    // such as "sign out everywhere" ends every session of its user). Every POST gets a fresh client.
    const readers = new Map<string, TestClient>();
    for (const role of roleSetups) readers.set(role.name, await clientFor(role));
    const routes = [...t.app.routeCatalogue].sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));

    for (const route of routes) {
      const cells: string[] = [];
      let rowFailed = false;
      for (const role of roleSetups) {
        const access: Access | undefined = route.access;
        const url = await concreteUrl(route, role);
        let response: TestResponse;
        if (route.method === 'GET') {
          response = await readers.get(role.name)!.get(url);
        } else {
          // State-changing methods: a valid CSRF token of this client and an empty body.
          const client = await clientFor(role);
          const raw = await t.app.inject({
            method: route.method as 'POST',
            url,
            headers: { cookie: client.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
            payload: new URLSearchParams({ _csrf: client.csrfToken() }).toString(),
          });
          response = { status: raw.statusCode, body: raw.body, headers: raw.headers, location: raw.headers.location as string };
        }
        const byLevel: Outcome | 'declared' = access
          ? outcomeOf[decideAccess(access, role.email ? fakeUser(role) : null)]
          : 'declared';
        // Past the route's level, a feature policy may refuse some roles (e.g. only the
        // organisation's own administrators manage its members): pinned in `featurePolicies`.
        const refusedBy = featurePolicies[`${route.method} ${route.url}`];
        const want = byLevel === 'allowed' && refusedBy?.includes(role.name) ? 'forbidden' : byLevel;
        const problem = check(want, response, url);
        if (problem) {
          failures += 1;
          rowFailed = true;
          cells.push(`✗ ${observed(response)} (want ${want}: ${problem})`);
        } else {
          cells.push(observed(response));
        }
      }
      grid.push({ route: `${route.method} ${route.url} [${route.access ?? 'NO ACCESS'}]`, cells, failed: rowFailed });
    }

    if (failures > 0) {
      const width = Math.max(...grid.map((g) => g.route.length));
      const header = ['route'.padEnd(width), ...roleSetups.map((r) => r.name)].join(' | ');
      const lines = grid.map((g) => [`${g.failed ? '✗' : ' '} ${g.route}`.padEnd(width + 2), ...g.cells].join(' | '));
      assert.fail(`${failures} route × role answer(s) break the access policy:\n${header}\n${lines.join('\n')}`);
    }
  });
});

function fakeUser(role: RoleSetup) {
  return {
    id: role.userId!,
    email: role.email!,
    displayName: role.name,
    roles: role.roles,
    sessionId: 0,
    preferredLanguage: null,
    organizations: [],
    actingOrganizationId: null,
  };
}

/** Returns what is wrong with the answer, or null when it is what the access level promises. */
function check(want: Outcome | 'declared', response: TestResponse, url: string): string | null {
  const polish = /<html lang="pl"/.test(response.body);
  switch (want) {
    case 'declared':
      return 'the route declares no access level';
    case 'allowed':
      if ([401, 403].includes(response.status) || response.status >= 500) return `status ${response.status}`;
      if (isSignInRedirect(response)) return 'sent to sign in';
      return null;
    case 'sign-in': {
      if (!isSignInRedirect(response)) return 'not sent to /logowanie';
      const back = new URL(response.location!, 'http://x').searchParams.get('wroc');
      if (url.startsWith('/') && response.location !== '/logowanie' && back !== url) return `wroc=${back}`;
      return null;
    }
    case 'forbidden':
      if (response.status !== 403) return `status ${response.status}`;
      if (!polish || !response.body.includes('Brak dostępu')) return 'not the Polish 403 page';
      return null;
    case 'already-signed-in':
      return response.status === 303 && response.location === '/konto' ? null : 'not sent to /konto';
  }
}
