import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatDate } from '../../platform/i18n/format.js';
import { translatorFor } from '../../platform/i18n/i18n.js';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { polishSortKey } from './polish-order.js';
import { stalePageSize } from './freshness.routes.js';
import { sendFreshnessReminders } from './send-freshness-reminders.js';

const day = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * day).toISOString();

describe('freshness: confirming the data, and the officials’ list of stale profiles', () => {
  let t: TestApp;
  let member: TestClient;
  let outsider: TestClient;
  let official: TestClient;
  let memberId: number;
  const ids = { stale: 0, never: 0, cedr: 0, fresh: 0, unverified: 0 };

  async function addOrganization(name: string, slug: string, fields: Record<string, string | null>): Promise<number> {
    const row = await t.services.db
      .insertInto('organizations')
      .values({
        name,
        slug,
        name_sort_key: polishSortKey(name),
        status: 'verified',
        created_at: ago(1000),
        created_by: null,
        verified_at: ago(900),
        ...fields,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  before(async () => {
    t = await createTestApp();
    memberId = await createUser(t.services, 'czlonkini@example.org');
    await createUser(t.services, 'obca@example.org');
    await createUser(t.services, 'urzednik@example.org', ['official']);
    // Names chosen so that byte order differs from Polish order: Cedr < Ćma < Stare Dane.
    ids.stale = await addOrganization('Stowarzyszenie Stare Dane', 'stare-dane', { last_confirmed_at: ago(400) });
    ids.never = await addOrganization('Ćma', 'cma', { verified_at: ago(430) });
    ids.cedr = await addOrganization('Cedr', 'cedr', { last_confirmed_at: ago(380) });
    ids.fresh = await addOrganization('Fundacja Świeża', 'swieza', { last_confirmed_at: ago(20) });
    ids.unverified = await addOrganization('Klub Niezweryfikowany', 'klub', { status: 'pending', verified_at: null });
    await t.services.db
      .insertInto('organization_members')
      .values([
        { organization_id: ids.stale, user_id: memberId, role: 'member', status: 'active', joined_at: ago(500) },
        { organization_id: ids.fresh, user_id: memberId, role: 'admin', status: 'active', joined_at: ago(500) },
      ])
      .execute();
    member = t.client();
    outsider = t.client();
    official = t.client();
    await signInClient(member, 'czlonkini@example.org');
    await signInClient(outsider, 'obca@example.org');
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  it('lists stale verified profiles to officials in Polish order, with dates and a Polish count', async () => {
    await sendFreshnessReminders(t.services); // no admins in "Stare Dane", "Ćma", "Cedr": nobody to remind
    const page = await official.get('/organizacje/nieaktualne');
    assert.equal(page.status, 200);
    assert.match(page.body, /<h1>Nieaktualne profile organizacji<\/h1>/);
    assert.match(page.body, /3 organizacje nie potwierdziły danych od ponad roku/);
    const names = [...page.body.matchAll(/<td><a href="\/organizacje\/([a-z-]+)">/g)].map((m) => m[1]);
    assert.deepEqual(names, ['cedr', 'cma', 'stare-dane']);
    assert.ok(page.body.includes(formatDate(ago(400), 'pl')), 'the last confirmation, as a Warsaw date');
    assert.ok(page.body.includes(`nigdy (zweryfikowana ${formatDate(ago(430), 'pl')})`));
    assert.match(page.body, /nie wysłano/);
    assert.doesNotMatch(page.body, /Świeża|Niezweryfikowany/);
  });

  it('shows the reminder date once the reminder went out', async () => {
    const adminId = await createUser(t.services, 'admin-cedr@example.org');
    await t.services.db
      .insertInto('organization_members')
      .values({ organization_id: ids.cedr, user_id: adminId, role: 'admin', status: 'active', joined_at: ago(500) })
      .execute();
    assert.deepEqual(await sendFreshnessReminders(t.services), { reminded: 1, mails: 1 });
    const page = await official.get('/organizacje/nieaktualne');
    const cedrRow = /<tr><td><a href="\/organizacje\/cedr">[\s\S]*?<\/tr>/.exec(page.body)?.[0] ?? '';
    assert.ok(cedrRow.includes(formatDate(new Date(), 'pl')), cedrRow);
    assert.doesNotMatch(cedrRow, /nie wysłano/);
  });

  it('is for officials only', async () => {
    assert.equal((await member.get('/organizacje/nieaktualne')).status, 403);
    assert.equal((await outsider.get('/organizacje/nieaktualne')).status, 403);
    const visitor = await t.client().get('/organizacje/nieaktualne');
    assert.equal(visitor.status, 303);
    assert.match(visitor.location ?? '', /^\/logowanie\?wroc=/);
  });

  it('lets a member confirm the data without editing; the profile leaves the list', async () => {
    const before = await t.services.db
      .selectFrom('organizations')
      .select(['version', 'last_confirmed_at'])
      .where('id', '=', ids.stale)
      .executeTakeFirstOrThrow();
    const profile = await member.get('/organizacje/stare-dane');
    assert.match(profile.body, /<form action="\/organizacje\/stare-dane\/potwierdzenie" method="post" id="potwierdz-dane"/);
    assert.match(profile.body, /Potwierdzam, że dane są aktualne/);
    const confirmed = await member.post('/organizacje/stare-dane/potwierdzenie', {});
    assert.equal(confirmed.status, 303);
    assert.equal(confirmed.location, '/organizacje/stare-dane');
    const confirmedProfile = (await member.get('/organizacje/stare-dane')).body;
    assert.match(confirmedProfile, /potwierdzono, że dane organizacji są aktualne/);
    assert.doesNotMatch(confirmedProfile, /Potwierdzam, że dane są aktualne/, 'freshly confirmed data are not offered again');
    const after = await t.services.db
      .selectFrom('organizations')
      .select(['version', 'last_confirmed_at'])
      .where('id', '=', ids.stale)
      .executeTakeFirstOrThrow();
    assert.ok(Date.now() - Date.parse(after.last_confirmed_at!) < 60_000);
    assert.equal(after.version, before.version, 'confirming is not an edit: no conflict for someone editing');
    const audit = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organization.data_confirmed')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_user_id, memberId);
    assert.equal(audit.subject_id, String(ids.stale));
    assert.deepEqual(JSON.parse(audit.before_json!), { last_confirmed_at: before.last_confirmed_at });
    const list = await official.get('/organizacje/nieaktualne');
    assert.match(list.body, /2 organizacje nie potwierdziły/);
    assert.doesNotMatch(list.body, /stare-dane/);
  });

  it('refuses non-members (403) and shows them no button', async () => {
    for (const client of [outsider, official]) {
      const profile = await client.get('/organizacje/cma');
      assert.doesNotMatch(profile.body, /potwierdzenie/);
      const refused = await client.post('/organizacje/cma/potwierdzenie', {});
      assert.equal(refused.status, 403);
      assert.match(refused.body, /Brak dostępu/);
    }
    const row = await t.services.db
      .selectFrom('organizations')
      .select('last_confirmed_at')
      .where('id', '=', ids.never)
      .executeTakeFirstOrThrow();
    assert.equal(row.last_confirmed_at, null);
    // A pending organisation is invisible to outsiders: 404, as for one that does not exist.
    await outsider.get('/organizacje/cma');
    assert.equal((await outsider.post('/organizacje/klub/potwierdzenie', {})).status, 404);
    assert.equal((await outsider.post('/organizacje/nie-ma-takiej/potwierdzenie', {})).status, 404);
  });

  it('pages through a long list; a wrong page number is not an error', async () => {
    const many = Array.from({ length: stalePageSize + 3 }, (_, i) => `Organizacja ${String(i).padStart(3, '0')}`);
    await t.services.db
      .insertInto('organizations')
      .values(
        many.map((name, i) => ({
          name,
          slug: `org-${i}`,
          name_sort_key: polishSortKey(name),
          status: 'verified' as const,
          created_at: ago(1000),
          created_by: null,
          verified_at: ago(800),
        })),
      )
      .execute();
    const total = stalePageSize + 3 + 2;
    const first = await official.get('/organizacje/nieaktualne');
    assert.match(first.body, new RegExp(`${total} organizacji nie potwierdziło danych od ponad roku`));
    assert.equal([...first.body.matchAll(/<td><a href=/g)].length, stalePageSize);
    assert.match(first.body, /href="\/organizacje\/nieaktualne\?strona=2"/);
    const second = await official.get('/organizacje/nieaktualne?strona=2');
    assert.equal([...second.body.matchAll(/<td><a href=/g)].length, 5);
    for (const query of ['strona=999', 'strona=abc', 'strona=-1', 'strona=1&strona=2']) {
      const page = await official.get(`/organizacje/nieaktualne?${query}`);
      assert.equal(page.status, 200, query);
    }
    assert.equal([...(await official.get('/organizacje/nieaktualne?strona=999')).body.matchAll(/<td><a href=/g)].length, 5);
  });

  it('counts in Polish and English plurals', () => {
    const pl = translatorFor('pl');
    const en = translatorFor('en');
    const key = 'organizations.freshness.stale.count';
    assert.deepEqual(
      [1, 2, 5, 12, 22, 25].map((count) => pl(key, { count })),
      [
        '1 organizacja nie potwierdziła danych od ponad roku',
        '2 organizacje nie potwierdziły danych od ponad roku',
        '5 organizacji nie potwierdziło danych od ponad roku',
        '12 organizacji nie potwierdziło danych od ponad roku',
        '22 organizacje nie potwierdziły danych od ponad roku',
        '25 organizacji nie potwierdziło danych od ponad roku',
      ],
    );
    assert.equal(en(key, { count: 1 }), '1 organisation has not confirmed its data for over a year');
    assert.equal(en(key, { count: 3 }), '3 organisations have not confirmed their data for over a year');
  });
});
