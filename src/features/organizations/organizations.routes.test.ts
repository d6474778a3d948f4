import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';

const valid = {
  name: 'Fundacja Łączy Nas',
  shortName: '',
  legalForm: 'fundacja',
  krs: '0000123456',
  nip: '123-456-32-18',
  regon: '',
  otherRegisterName: '',
  otherRegisterNumber: '',
  foundedOn: '2015-03-01',
  oppYear: '',
  spheres: ['16', '27'],
  description: '**Kultura** dla wszystkich.\n\n<script>alert(1)</script>',
  goals: '',
  targetGroups: '',
  areaOfActivity: 'Leszno',
  street: 'ul. Słowiańska 1',
  postalCode: '64-100',
  city: 'Leszno',
  email: 'kontakt@laczy.example.pl',
  phone: '+48 65 000 00 00',
  website: 'https://laczy.example.pl',
  volunteersDescription: '',
};

describe('organisations: register, see, verify', () => {
  let t: TestApp;
  let member: TestClient;
  let official: TestClient;
  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'czlonek@example.org');
    await createUser(t.services, 'urzednik@example.org', ['official']);
    member = t.client();
    official = t.client();
    await signInClient(member, 'czlonek@example.org');
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  it('refuses an invalid NIP with a clear Polish message and keeps everything typed', async () => {
    await member.get('/organizacje/nowa');
    const refused = await member.post('/organizacje/nowa', { ...valid, nip: '1234567890' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /NIP ma nieprawidłową cyfrę kontrolną/);
    assert.match(refused.body, /value="Fundacja Łączy Nas"/);
    assert.match(refused.body, /value="1234567890"/);
    assert.match(refused.body, /name="spheres" value="27" checked/);
    const none = await t.services.db.selectFrom('organizations').select('id').execute();
    assert.equal(none.length, 0, 'nothing half-written');
  });

  it('requires at least one identifier', async () => {
    await member.get('/organizacje/nowa');
    const refused = await member.post('/organizacje/nowa', { ...valid, krs: '', nip: '' });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /Podaj KRS, NIP lub REGON/);
  });

  it('registers a pending organisation seen only by its members and officials until verified', async () => {
    await member.get('/organizacje/nowa');
    const created = await member.post('/organizacje/nowa', valid);
    assert.equal(created.status, 303);
    assert.equal(created.location, '/organizacje/fundacja-laczy-nas');

    const own = await member.get('/organizacje/fundacja-laczy-nas');
    assert.equal(own.status, 200);
    assert.match(own.body, /czeka na weryfikację/);
    assert.match(own.body, /<strong>Kultura<\/strong>/);
    assert.doesNotMatch(own.body, /<script>alert/);
    assert.equal((await t.client().get('/organizacje/fundacja-laczy-nas')).status, 404, 'hidden from visitors');
    assert.doesNotMatch((await t.client().get('/organizacje')).body, /Łączy Nas/);

    const row = await t.services.db
      .selectFrom('organizations')
      .selectAll()
      .where('slug', '=', 'fundacja-laczy-nas')
      .executeTakeFirstOrThrow();
    assert.equal(row.nip, '1234563218', 'identifiers stored normalised');
    const membership = await t.services.db
      .selectFrom('organization_members')
      .selectAll()
      .where('organization_id', '=', row.id)
      .execute();
    assert.deepEqual(
      membership.map((m) => [m.role, m.status]),
      [['admin', 'active']],
    );

    const forOfficial = await official.get('/organizacje/fundacja-laczy-nas');
    assert.match(forOfficial.body, /Zweryfikuj organizację/);
    assert.doesNotMatch(own.body, /Zweryfikuj organizację/, 'members cannot verify their own organisation');
    const verified = await official.post('/organizacje/fundacja-laczy-nas/weryfikacja', { version: String(row.version) });
    assert.equal(verified.status, 303);

    const publicProfile = await t.client().get('/organizacje/fundacja-laczy-nas');
    assert.equal(publicProfile.status, 200);
    assert.match(publicProfile.body, /<dt>Adres<\/dt><dd>ul\. Słowiańska 1, 64-100 Leszno<\/dd>/);
    assert.match(publicProfile.body, /zweryfikowana/);
    const jsonLd = /<script type="application\/ld\+json"[^>]*>(.*?)<\/script>/s.exec(publicProfile.body)![1]!;
    const data = JSON.parse(jsonLd) as Record<string, unknown>;
    assert.equal(data['@type'], 'NGO');
    assert.equal(data.name, 'Fundacja Łączy Nas');
    assert.match(publicProfile.body, /<meta property="og:title" content="Fundacja Łączy Nas"\/>/);
    assert.match(
      publicProfile.body,
      /<meta property="og:url" content="http:\/\/localhost:3000\/organizacje\/fundacja-laczy-nas"\/>/,
    );
    assert.match(publicProfile.body, /<meta name="description" content="fundacja · Leszno · Kultura dla wszystkich\./);
    const directory = await t.client().get('/organizacje');
    assert.match(directory.body, /Fundacja Łączy Nas/);
    assert.match(directory.body, /1 organizacja/);

    const audit = await t.services.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_type', '=', 'organization')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['organization.registered', 'organization.verified'],
    );
  });

  it('refuses a second registration with the same NIP and names the existing organisation', async () => {
    await member.get('/organizacje/nowa');
    const duplicate = await member.post('/organizacje/nowa', { ...valid, name: 'Inna nazwa', krs: '' });
    assert.equal(duplicate.status, 409);
    assert.match(duplicate.body, /Organizacja z tym numerem jest już w bazie: „Fundacja Łączy Nas”/);
  });

  it('lets only officials verify', async () => {
    const row = await t.services.db.selectFrom('organizations').select(['version']).executeTakeFirstOrThrow();
    await member.get('/organizacje');
    const refused = await member.post('/organizacje/fundacja-laczy-nas/weryfikacja', { version: String(row.version) });
    assert.equal(refused.status, 403);
  });
});

describe('organisations: editing a profile', () => {
  let t: TestApp;
  let member: TestClient;
  let stranger: TestClient;
  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'redaktorka@example.org');
    await createUser(t.services, 'obcy@example.org');
    member = t.client();
    stranger = t.client();
    await signInClient(member, 'redaktorka@example.org');
    await signInClient(stranger, 'obcy@example.org');
    await member.get('/organizacje/nowa');
    assert.equal((await member.post('/organizacje/nowa', valid)).status, 303);
  });
  after(async () => t.close());

  it('prefills the form, saves the changes, confirms freshness and audits exactly what changed', async () => {
    const form = await member.get('/organizacje/fundacja-laczy-nas/edycja');
    assert.equal(form.status, 200);
    assert.match(form.body, /value="Fundacja Łączy Nas"/);
    assert.match(form.body, /name="spheres" value="27" checked/);
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const saved = await member.post('/organizacje/fundacja-laczy-nas/edycja', {
      ...valid,
      version,
      city: 'Rydzyna',
      spheres: ['16'],
    });
    assert.equal(saved.status, 303);
    const row = await t.services.db
      .selectFrom('organizations')
      .selectAll()
      .where('slug', '=', 'fundacja-laczy-nas')
      .executeTakeFirstOrThrow();
    assert.equal(row.city, 'Rydzyna');
    assert.equal(row.version, Number(version) + 1);
    const entry = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organization.updated')
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.before_json!), { city: 'Leszno', spheres: ['16', '27'] });
    assert.deepEqual(JSON.parse(entry.after_json!), { city: 'Rydzyna', spheres: ['16'] });
  });

  it('never overwrites a newer save silently, and keeps what was typed', async () => {
    await member.get('/organizacje/fundacja-laczy-nas/edycja');
    const stale = await member.post('/organizacje/fundacja-laczy-nas/edycja', { ...valid, version: '1', city: 'Gostyń' });
    assert.equal(stale.status, 409);
    assert.match(stale.body, /Ktoś inny zapisał profil w międzyczasie/);
    assert.match(stale.body, /value="Gostyń"/);
    const row = await t.services.db.selectFrom('organizations').select('city').executeTakeFirstOrThrow();
    assert.equal(row.city, 'Rydzyna');
  });

  it('lets only members and officials edit', async () => {
    assert.equal(
      (await stranger.get('/organizacje/fundacja-laczy-nas/edycja')).status,
      404,
      'a pending organisation is invisible to strangers',
    );
    const official = t.client();
    await createUser(t.services, 'urzedniczka@example.org', ['official']);
    await signInClient(official, 'urzedniczka@example.org');
    const row = await t.services.db.selectFrom('organizations').select('version').executeTakeFirstOrThrow();
    await official.get('/organizacje/fundacja-laczy-nas');
    await official.post('/organizacje/fundacja-laczy-nas/weryfikacja', { version: String(row.version) });
    assert.equal((await stranger.get('/organizacje/fundacja-laczy-nas/edycja')).status, 403);
    assert.equal((await official.get('/organizacje/fundacja-laczy-nas/edycja')).status, 200);
  });
});
