/**
 * The directory's policy matrix on the real app: every directory route × the six people the issue
 * names — a visitor, a member of organisation A, a member of organisation B, organisation A's
 * administrator, an official and an administrator. The routes come from the app's route catalogue,
 * so a new directory route without a row here fails the test by name.
 *
 * Codes, one per role in the order of `people`: A = allowed (any answer past the policy: a page,
 * a redirect to the next step, or a 400 for the empty form this test sends), S = sent to sign in,
 * F = forbidden (403), N = not found (404: the organisation is not visible to that person).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RouteInfo } from '../../app.js';
import { dryRunImport } from '../organization-import/dry-run-import.js';
import { reservedSlugs } from './organizations.repo.js';
import {
  createTestApp,
  createUser,
  signInClient,
  type TestApp,
  type TestClient,
  type TestResponse,
} from '../../test-support/test-app.js';

const people = ['visitor', 'member of A', 'member of B', 'admin of A', 'official', 'administrator'] as const;
type Person = (typeof people)[number];
const emails: Record<Person, string | null> = {
  visitor: null,
  'member of A': 'czlonek-a@example.org',
  'member of B': 'czlonek-b@example.org',
  'admin of A': 'admin-a@example.org',
  official: 'urzednik@example.org',
  administrator: 'administrator@example.org',
};

/** Is a route part of the directory (organisations, their open data, acting on their behalf)? */
const isDirectoryRoute = (r: RouteInfo) => /^\/(organizacje|api\/v1|otwarte-dane|konto\/w-imieniu)/.test(r.url);

/** The organisation in `:slug`: A, verified. `pending` rows run against P, which waits for verification (A's member and admin belong to it too). */
const expected: Record<string, string> = {
  'GET /organizacje': 'AAAAAA',
  'GET /organizacje.csv': 'AAAAAA',
  'GET /organizacje.json': 'AAAAAA',
  'GET /otwarte-dane': 'AAAAAA',
  'GET /api/v1/organizations': 'AAAAAA',
  'GET /api/v1/organizations/:slug': 'AAAAAA',
  'GET /api/v1/spheres': 'AAAAAA',
  'GET /api/v1/legal-forms': 'AAAAAA',
  'GET /api/v1/openapi.json': 'AAAAAA',
  'GET /konto/w-imieniu': 'SAAAAA',
  'POST /konto/w-imieniu': 'SAAAAA',
  'GET /organizacje/nowa': 'SAAAAA',
  'POST /organizacje/nowa': 'SAAAAA',
  'GET /organizacje/:slug': 'AAAAAA',
  'GET /organizacje/:slug pending': 'NAN' + 'AAA',
  'POST /organizacje/:slug/weryfikacja': 'SFFFAA',
  'POST /organizacje/:slug/weryfikacja pending': 'SFFFAA',
  'POST /organizacje/:slug/dolacz': 'SAAAAA',
  'POST /organizacje/:slug/dolacz pending': 'SANAAA',
  'GET /organizacje/:slug/czlonkowie': 'SAFAAA',
  'POST /organizacje/:slug/czlonkowie/:memberId': 'SFFAFF',
  'GET /organizacje/:slug/edycja': 'SAFAAA',
  'POST /organizacje/:slug/edycja': 'SAFAAA',
  'GET /organizacje/:slug/urzad': 'SFFFAA',
  'POST /organizacje/:slug/zawieszenie': 'SFFFAA',
  'POST /organizacje/:slug/scalenie': 'SFFFAA',
  'GET /organizacje/nieaktualne': 'SFFFAA',
  'POST /organizacje/:slug/potwierdzenie': 'SAFAFF',
  'GET /organizacje/:slug/logo': 'SFFAAA',
  'POST /organizacje/:slug/logo': 'SFFAAA',
  'POST /organizacje/:slug/logo/usuniecie': 'SFFAAA',
  'GET /organizacje/:slug/logo/:file': 'NNNNNN',
  'GET /organizacje/import': 'SFFFAA',
  'GET /organizacje/import/szablon.csv': 'SFFFAA',
  'POST /organizacje/import': 'SFFFAA',
  'GET /organizacje/import/:id': 'SFFFAA',
  'GET /organizacje/import/:id/wynik': 'SFFFAA',
  'POST /organizacje/import/:id/zatwierdz': 'SFFFAA',
};

function code(response: TestResponse): string {
  if (response.status === 303 && (response.location ?? '').startsWith('/logowanie')) return 'S';
  if (response.status === 403) return 'F';
  if (response.status === 404) return 'N';
  if (response.status >= 500) return `!${response.status}`;
  return 'A';
}

describe('directory policy matrix: every directory route × six people', () => {
  let t: TestApp;
  const ids: Partial<Record<Person, number>> = {};
  let importId = 0;

  before(async () => {
    t = await createTestApp();
    for (const person of people) {
      const email = emails[person];
      if (email)
        ids[person] = await createUser(
          t.services,
          email,
          person === 'official' ? ['official'] : person === 'administrator' ? ['administrator'] : [],
        );
    }
    const now = new Date().toISOString();
    const organization = async (name: string, slug: string, status: 'verified' | 'pending') =>
      (
        await t.services.db
          .insertInto('organizations')
          .values({ name, slug, status, name_sort_key: slug, search_name: slug, search_text: '', created_at: now })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const a = await organization('Organizacja A', 'organizacja-a', 'verified');
    const b = await organization('Organizacja B', 'organizacja-b', 'verified');
    const p = await organization('Organizacja P', 'organizacja-p', 'pending');
    const membership = (organizationId: number, person: Person, role: 'admin' | 'member') =>
      t.services.db
        .insertInto('organization_members')
        .values({ organization_id: organizationId, user_id: ids[person]!, role, joined_at: now, status: 'active' })
        .execute();
    await membership(a, 'admin of A', 'admin');
    await membership(a, 'member of A', 'member');
    await membership(b, 'member of B', 'admin');
    await membership(p, 'admin of A', 'admin');
    await membership(p, 'member of A', 'member');
    const upload = await dryRunImport(
      t.services,
      ids.official!,
      Buffer.from('nazwa;forma_prawna;krs;sfery\nFundacja Z Pliku;fundacja;0000654321;16\n'),
    );
    assert.ok(upload.ok, 'a dry run to point :id at');
    importId = upload.id;
  });
  after(async () => t.close());

  it('has an expectation for every directory route', () => {
    const routes = t.app.routeCatalogue.filter(isDirectoryRoute).map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !(r in expected));
    assert.deepEqual(missing, [], `directory routes without a row in the matrix:\n  ${missing.join('\n  ')}`);
    const stale = Object.keys(expected).filter((k) => !routes.includes(k.replace(/ pending$/, '')));
    assert.deepEqual(stale, [], `matrix rows for routes that do not exist:\n  ${stale.join('\n  ')}`);
  });

  it('keeps profile addresses from shadowing fixed directory pages', () => {
    const fixed = new Set(
      t.app.routeCatalogue.flatMap((r) => {
        const segment = /^\/organizacje\/([a-z0-9-]+)(\/|$)/.exec(r.url)?.[1];
        return segment ? [segment] : [];
      }),
    );
    assert.deepEqual(
      [...fixed].filter((s) => !reservedSlugs.has(s)),
      [],
      'add these to reservedSlugs',
    );
  });

  it('answers every directory route × person as the matrix says', async () => {
    async function clientFor(person: Person): Promise<TestClient> {
      const client = t.client();
      const email = emails[person];
      if (email) await signInClient(client, email);
      await client.get('/haslo/przypomnij'); // a page with a form: this client's CSRF token
      return client;
    }
    const memberOfA = ids['member of A']!;
    const rows: string[] = [];
    let failures = 0;
    for (const [key, want] of Object.entries(expected)) {
      const [method, path, variant] = key.split(' ') as [string, string, string | undefined];
      if (!t.app.routeCatalogue.some((r) => r.method === method && r.url === path)) continue;
      const url = path
        .replace(':slug', variant === 'pending' ? 'organizacja-p' : 'organizacja-a')
        .replace(':memberId', String(memberOfA))
        .replace(':id', String(importId));
      let got = '';
      for (const person of people) {
        // A fresh client per cell: POSTs change state (joining, suspending), GETs do not care.
        const client = await clientFor(person);
        const response = method === 'GET' ? await client.get(url) : await client.post(url, {});
        got += code(response);
      }
      const ok = got === want;
      if (!ok) failures++;
      rows.push(`${ok ? ' ' : '✗'} ${key.padEnd(52)} want ${want}  got ${got}`);
    }
    assert.equal(failures, 0, `directory routes × [${people.join(', ')}]:\n${rows.join('\n')}`);
  });
});
