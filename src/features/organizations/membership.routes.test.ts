import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

describe('organisation membership: ask to join, approve, promote, remove', () => {
  let t: TestApp;
  let founder: TestClient;
  let joiner: TestClient;
  let joinerId: number;
  let founderId: number;
  before(async () => {
    t = await createTestApp();
    founderId = await createUser(t.services, 'zalozycielka@example.org');
    joinerId = await createUser(t.services, 'nowy@example.org');
    await createUser(t.services, 'urzednik@example.org', ['official']);
    founder = t.client();
    joiner = t.client();
    await signInClient(founder, 'zalozycielka@example.org');
    await signInClient(joiner, 'nowy@example.org');
    await founder.get('/organizacje/nowa');
    const created = await founder.post('/organizacje/nowa', {
      name: 'Stowarzyszenie Razem',
      legalForm: 'stowarzyszenie',
      krs: '0000555555',
      spheres: '13',
    });
    assert.equal(created.status, 303);
    const official = t.client();
    await signInClient(official, 'urzednik@example.org');
    const row = await t.services.db
      .selectFrom('organizations')
      .select('version')
      .where('slug', '=', 'stowarzyszenie-razem')
      .executeTakeFirstOrThrow();
    await official.get('/organizacje/stowarzyszenie-razem');
    assert.equal(
      (await official.post('/organizacje/stowarzyszenie-razem/weryfikacja', { version: String(row.version) })).status,
      303,
    );
  });
  after(async () => t.close());

  it('lets a second person ask to join; the administrators get a mail', async () => {
    const profile = await joiner.get('/organizacje/stowarzyszenie-razem');
    assert.match(profile.body, /Poproś o dołączenie/);
    const asked = await joiner.post('/organizacje/stowarzyszenie-razem/dolacz', {});
    assert.equal(asked.status, 303);
    assert.match((await joiner.get('/organizacje/stowarzyszenie-razem')).body, /czeka na zatwierdzenie/);
    const again = await joiner.post('/organizacje/stowarzyszenie-razem/dolacz', {});
    assert.equal(again.status, 303);
    const rows = await t.services.db
      .selectFrom('organization_members')
      .select(['user_id', 'status'])
      .where('user_id', '=', joinerId)
      .execute();
    assert.deepEqual(rows, [{ user_id: joinerId, status: 'pending' }], 'asking twice creates one request');
    const mail = await t.services.db
      .selectFrom('mails')
      .selectAll()
      .where('to_address', '=', 'zalozycielka@example.org')
      .executeTakeFirstOrThrow();
    assert.match(mail.subject, /Prośba o dołączenie do organizacji Stowarzyszenie Razem/);
    assert.match(mail.body_text, /\/organizacje\/stowarzyszenie-razem\/czlonkowie/);
    // A pending member is not a member yet.
    assert.equal((await joiner.get('/organizacje/stowarzyszenie-razem/czlonkowie')).status, 403);
  });

  it('lets only the organisation administrator approve, and then the member sees the list', async () => {
    const page = await founder.get('/organizacje/stowarzyszenie-razem/czlonkowie');
    assert.equal(page.status, 200);
    assert.match(page.body, /nowy@example\.org/);
    assert.match(page.body, /czeka na zatwierdzenie/);
    await joiner.get('/organizacje/stowarzyszenie-razem');
    const forbidden = await joiner.post(`/organizacje/stowarzyszenie-razem/czlonkowie/${joinerId}`, { change: 'approve' });
    assert.equal(forbidden.status, 403);
    await founder.get('/organizacje/stowarzyszenie-razem/czlonkowie');
    assert.equal(
      (await founder.post(`/organizacje/stowarzyszenie-razem/czlonkowie/${joinerId}`, { change: 'approve' })).status,
      303,
    );
    const asMember = await joiner.get('/organizacje/stowarzyszenie-razem/czlonkowie');
    assert.equal(asMember.status, 200);
    assert.doesNotMatch(asMember.body, /zalozycielka@example\.org/, 'e-mail addresses are shown to administrators only');
    assert.match((await joiner.get('/konto')).body, /Stowarzyszenie Razem/);
  });

  it('never leaves an organisation without an administrator, and hands the role over', async () => {
    await founder.get('/organizacje/stowarzyszenie-razem/czlonkowie');
    const refused = await founder.post(`/organizacje/stowarzyszenie-razem/czlonkowie/${founderId}`, { change: 'remove' });
    assert.equal(refused.status, 303);
    assert.match((await founder.get('/organizacje/stowarzyszenie-razem/czlonkowie')).body, /co najmniej jednego administratora/);
    assert.equal(
      (await founder.post(`/organizacje/stowarzyszenie-razem/czlonkowie/${joinerId}`, { change: 'makeAdmin' })).status,
      303,
    );
    await founder.get('/organizacje/stowarzyszenie-razem/czlonkowie');
    assert.equal(
      (await founder.post(`/organizacje/stowarzyszenie-razem/czlonkowie/${founderId}`, { change: 'remove' })).status,
      303,
    );
    const left = await t.services.db.selectFrom('organization_members').select(['user_id', 'role', 'status']).execute();
    assert.deepEqual(left, [{ user_id: joinerId, role: 'admin', status: 'active' }]);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'membership.%')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['membership.requested', 'membership.approved', 'membership.admin_granted', 'membership.removed'],
    );
  });
});

describe('an organisation without an administrator (e.g. imported): the office approves its first member', () => {
  let t: TestApp;
  let official: TestClient;
  let person: TestClient;
  let personId: number;
  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    personId = await createUser(t.services, 'prezeska@example.org');
    official = t.client();
    person = t.client();
    await signInClient(official, 'urzednik@example.org');
    await signInClient(person, 'prezeska@example.org');
    await t.services.db
      .insertInto('organizations')
      .values({
        name: 'Fundacja Z Rejestru',
        slug: 'fundacja-z-rejestru',
        status: 'verified',
        created_at: new Date().toISOString(),
      })
      .execute();
  });
  after(async () => t.close());

  it('mails the request to officials, lets an official approve it and makes that person the administrator', async () => {
    await person.get('/organizacje/fundacja-z-rejestru');
    assert.equal((await person.post('/organizacje/fundacja-z-rejestru/dolacz', {})).status, 303);
    const mails = await t.services.db.selectFrom('mails').select(['to_address', 'subject']).execute();
    assert.deepEqual(
      mails.map((m) => m.to_address),
      ['urzednik@example.org'],
    );
    const members = await official.get('/organizacje/fundacja-z-rejestru/czlonkowie');
    assert.match(
      members.body,
      /prezeska@example\.org/,
      'the official manages the members of an organisation with no administrator',
    );
    const approved = await official.post(`/organizacje/fundacja-z-rejestru/czlonkowie/${personId}`, { change: 'approve' });
    assert.equal(approved.status, 303);
    const row = await t.services.db
      .selectFrom('organization_members')
      .select(['role', 'status'])
      .where('user_id', '=', personId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { role: 'admin', status: 'active' });
    const nowManaged = await official.post(`/organizacje/fundacja-z-rejestru/czlonkowie/${personId}`, { change: 'remove' });
    assert.equal(nowManaged.status, 403, 'once it has an administrator, the organisation manages its own members');
  });
});
