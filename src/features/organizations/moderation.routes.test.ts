import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { recordAudit, systemActor, userActor } from '../../platform/audit/audit.js';
import { organizationColumns } from './register-organization.js';
import { ZOrganizationForm } from './organizations.schema.js';

async function addOrganization(t: TestApp, slug: string, fields: Record<string, unknown>) {
  const input = ZOrganizationForm.parse({ legalForm: 'stowarzyszenie', spheres: ['16'], ...fields });
  const { id } = await t.services.db
    .insertInto('organizations')
    .values({ ...organizationColumns(input, 'NGO'), slug, status: 'verified', created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const organization = (t: TestApp, slug: string) =>
  t.services.db.selectFrom('organizations').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();

describe('officials suspend and merge organisations, with a reason, audited', () => {
  let t: TestApp;
  let official: TestClient;
  let member: TestClient;
  let memberId: number;
  before(async () => {
    t = await createTestApp();
    await createUser(t.services, 'urzednik@example.org', ['official']);
    memberId = await createUser(t.services, 'czlonek@example.org');
    official = t.client();
    member = t.client();
    await signInClient(official, 'urzednik@example.org');
    await signInClient(member, 'czlonek@example.org');
    await addOrganization(t, 'krokus', { name: 'Stowarzyszenie Krokus', krs: '0000123456' });
    const duplicate = await addOrganization(t, 'krokus-2', { name: 'Krokus (duplikat)', nip: '1234563218' });
    await addOrganization(t, 'zawieszana', { name: 'Fundacja Do Zawieszenia', nip: '5261040828' });
    await t.services.db
      .insertInto('organization_members')
      .values({
        organization_id: duplicate,
        user_id: memberId,
        role: 'admin',
        joined_at: new Date().toISOString(),
        status: 'active',
      })
      .execute();
  });
  after(async () => t.close());

  it('shows officials the history of changes with the fields that changed, and automatic jobs as the system', async () => {
    const { id } = await organization(t, 'krokus');
    await recordAudit(t.services.db, {
      actor: userActor(memberId),
      action: 'organization.updated',
      subjectType: 'organization',
      subjectId: id,
      before: { city: 'Rydzyna', website: null },
      after: { city: 'Leszno', website: 'https://krokus.example.pl' },
    });
    await recordAudit(t.services.db, {
      actor: systemActor,
      action: 'organization.freshness_reminded',
      subjectType: 'organization',
      subjectId: id,
    });
    const page = await official.get('/organizacje/krokus/urzad');
    assert.match(page.body, /zmieniono dane profilu/);
    assert.match(page.body, /Zmienione pola: Miejscowość, Strona internetowa/);
    assert.match(page.body, /wysłano przypomnienie o aktualizacji danych – system \(zadanie automatyczne\)/);
  });

  it('is for officials only', async () => {
    assert.equal((await member.get('/organizacje/krokus/urzad')).status, 403);
    assert.equal((await t.client().get('/organizacje/krokus/urzad')).status, 303);
  });

  it('refuses a suspension without a reason and keeps what was typed', async () => {
    const page = await official.get('/organizacje/zawieszana/urzad');
    assert.equal(page.status, 200);
    const { version } = await organization(t, 'zawieszana');
    const refused = await official.post('/organizacje/zawieszana/zawieszenie', {
      version: String(version),
      suspendReason: 'krótko',
    });
    assert.equal(refused.status, 400);
    assert.match(refused.body, /Podaj powód – co najmniej 10 znaków/);
    assert.match(refused.body, />krótko<\/textarea>/);
    assert.equal((await organization(t, 'zawieszana')).status, 'verified');
  });

  it('suspends with a reason: gone from the directory, audited, shown in the history', async () => {
    const { version } = await organization(t, 'zawieszana');
    const done = await official.post('/organizacje/zawieszana/zawieszenie', {
      version: String(version),
      suspendReason: 'Organizacja wykreślona z KRS w 2025 r.',
    });
    assert.equal(done.status, 303);
    const row = await organization(t, 'zawieszana');
    assert.equal(row.status, 'suspended');
    assert.equal(row.suspended_reason, 'Organizacja wykreślona z KRS w 2025 r.');
    assert.doesNotMatch((await t.client().get('/organizacje?q=zawieszenia')).body, /Fundacja Do Zawieszenia/);
    assert.equal((await t.client().get('/organizacje/zawieszana')).status, 404);
    const history = await official.get('/organizacje/zawieszana/urzad');
    assert.match(history.body, /zawieszono/);
    assert.match(history.body, /wykreślona z KRS/);
    const audit = await t.services.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'organization.suspended')
      .execute();
    assert.equal(audit.length, 1);
    const stale = await official.post('/organizacje/zawieszana/zawieszenie', {
      version: String(version),
      suspendReason: 'Jeszcze raz, stara wersja.',
    });
    assert.equal(stale.status, 409, 'a stale version is refused');
  });

  it('merges a duplicate: members and missing identifiers move, the old address redirects', async () => {
    const { version, id } = await organization(t, 'krokus-2');
    const self = await official.post('/organizacje/krokus-2/scalenie', {
      version: String(version),
      target: 'krokus-2',
      mergeReason: 'Ta sama organizacja.',
    });
    assert.equal(self.status, 400);
    assert.match(self.body, /Nie można scalić organizacji z nią samą/);
    const unknown = await official.post('/organizacje/krokus-2/scalenie', {
      version: String(version),
      target: '/organizacje/nie-ma',
      mergeReason: 'Ta sama organizacja.',
    });
    assert.match(unknown.body, /Nie ma organizacji o takim adresie/);
    const merged = await official.post('/organizacje/krokus-2/scalenie', {
      version: String(version),
      target: 'http://localhost:3000/organizacje/krokus?x=1',
      mergeReason: 'Zarejestrowana dwa razy, ten sam KRS w statucie.',
    });
    assert.equal(merged.status, 303);
    assert.equal(merged.location, '/organizacje/krokus');
    const duplicate = await organization(t, 'krokus-2');
    const target = await organization(t, 'krokus');
    assert.equal(duplicate.status, 'merged');
    assert.equal(duplicate.merged_into_id, target.id);
    assert.equal(duplicate.nip, null);
    assert.equal(target.nip, '1234563218', 'the identifier the target lacked moved over');
    const members = await t.services.db.selectFrom('organization_members').selectAll().where('user_id', '=', memberId).execute();
    assert.deepEqual(
      members.map((m) => [m.organization_id, m.role, m.status]),
      [[target.id, 'admin', 'active']],
    );
    const redirect = await t.client().get('/organizacje/krokus-2');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.location, '/organizacje/krokus');
    assert.match((await t.client().get('/organizacje?q=1234563218')).body, /Stowarzyszenie Krokus/, 'search finds the moved NIP');
    const audit = await t.services.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', 'like', 'organization.merged%')
      .execute();
    assert.deepEqual(audit.map((a) => [a.action, a.subject_id]).sort(), [
      ['organization.merged', String(id)],
      ['organization.mergedFrom', String(target.id)],
    ]);
  });
});
