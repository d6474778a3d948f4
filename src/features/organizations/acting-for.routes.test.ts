import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

async function organizationWithMember(
  t: TestApp,
  name: string,
  slug: string,
  userId: number,
  status = 'active' as 'active' | 'pending',
) {
  const now = new Date().toISOString();
  const { id } = await t.services.db
    .insertInto('organizations')
    .values({ name, slug, name_sort_key: name.toLowerCase(), status: 'verified', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.services.db
    .insertInto('organization_members')
    .values({ organization_id: id, user_id: userId, role: 'member', joined_at: now, status })
    .execute();
  return id;
}

describe('acting on behalf of an organisation', () => {
  let t: TestApp;
  let both: TestClient;
  let single: TestClient;
  let ids: { krokus: number; alternatywa: number; foreign: number };
  before(async () => {
    t = await createTestApp();
    const bothId = await createUser(t.services, 'dwie@example.org');
    const singleId = await createUser(t.services, 'jedna@example.org');
    const otherId = await createUser(t.services, 'inna@example.org');
    ids = {
      krokus: await organizationWithMember(t, 'Krokus', 'krokus', bothId),
      alternatywa: await organizationWithMember(t, 'Alternatywa', 'alternatywa', bothId),
      foreign: await organizationWithMember(t, 'Cudza', 'cudza', otherId),
    };
    await organizationWithMember(t, 'Oczekująca', 'oczekujaca', singleId, 'pending');
    await organizationWithMember(t, 'Jedyna', 'jedyna', singleId);
    both = t.client();
    single = t.client();
    await signInClient(both, 'dwie@example.org');
    await signInClient(single, 'jedna@example.org');
  });
  after(async () => t.close());

  it('acts for the only organisation by default; pending memberships do not count', async () => {
    const page = await single.get('/konto');
    assert.match(page.body, /w imieniu: Jedyna/);
  });

  it('asks a member of several organisations to choose, and remembers the choice in the session', async () => {
    const before = await both.get('/konto');
    assert.match(before.body, /wybierz organizację/);
    const chooser = await both.get('/konto/w-imieniu?powrot=/organizacje');
    assert.match(chooser.body, /Krokus/);
    assert.match(chooser.body, /Alternatywa/);
    assert.doesNotMatch(chooser.body, /Cudza/);
    const chosen = await both.post('/konto/w-imieniu', { organization: String(ids.alternatywa), returnTo: '/organizacje' });
    assert.equal(chosen.status, 303);
    assert.equal(chosen.location, '/organizacje');
    const after = await both.get('/organizacje');
    assert.match(after.body, /Działasz teraz w imieniu: Alternatywa/);
    assert.match(after.body, /w imieniu: Alternatywa/);
  });

  it('refuses an organisation the person does not belong to, and never redirects off-site', async () => {
    const refused = await both.post('/konto/w-imieniu', { organization: String(ids.foreign), returnTo: '/konto' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /Wybierz jedną z Twoich organizacji/);
    assert.match((await both.get('/konto')).body, /w imieniu: Alternatywa/, 'the earlier choice stands');
    const offsite = await both.post('/konto/w-imieniu', { organization: '', returnTo: '//evil.example/' });
    assert.equal(offsite.location, '/konto');
    assert.match((await both.get('/konto')).body, /wybierz organizację/, 'private person');
  });

  it('forgets a choice whose membership ended', async () => {
    await both.post('/konto/w-imieniu', { organization: String(ids.krokus), returnTo: '/konto' });
    await t.services.db.deleteFrom('organization_members').where('organization_id', '=', ids.krokus).execute();
    assert.match((await both.get('/konto')).body, /w imieniu: Alternatywa/, 'now the only organisation');
  });
});
