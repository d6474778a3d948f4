import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, createUser, signInClient, type TestApp, type TestClient } from '../../test-support/test-app.js';
import { organizationColumns } from './register-organization.js';
import { ZOrganizationForm } from './organizations.schema.js';

/** Inserts an organisation the way registration does (sort and search keys filled). */
async function addOrganization(
  t: TestApp,
  slug: string,
  fields: Record<string, unknown>,
  status: 'verified' | 'pending' = 'verified',
): Promise<void> {
  const input = ZOrganizationForm.parse({ legalForm: 'stowarzyszenie', spheres: ['16'], ...fields });
  const { id } = await t.services.db
    .insertInto('organizations')
    .values({ ...organizationColumns(input, 'NGO'), slug, status, created_at: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.services.db
    .insertInto('organization_spheres')
    .values(input.spheres.map((code) => ({ organization_id: id, sphere_code: code })))
    .execute();
}

describe('directory page: search, facets, shareable URLs', () => {
  let t: TestApp;
  let official: TestClient;
  before(async () => {
    t = await createTestApp();
    await addOrganization(t, 'krokus', {
      name: 'Stowarzyszenie Społeczno-Kulturalne „Krokus”',
      nip: '1234563218',
      oppYear: '2019',
    });
    await addOrganization(t, 'lodz', {
      name: 'Fundacja Łódzkie Serca',
      legalForm: 'fundacja',
      nip: '5261040828',
      spheres: ['1'],
    });
    await addOrganization(t, 'czeka', { name: 'Społem Czekający', nip: '7740001454' }, 'pending');
    for (let i = 0; i < 25; i++) {
      await addOrganization(t, `klub-${i}`, {
        name: `Klub Sportowy ${String(i).padStart(2, '0')}`,
        otherRegisterName: 'Ewidencja',
        otherRegisterNumber: `KS/${i}`,
        spheres: ['18'],
      });
    }
    await createUser(t.services, 'urzednik@example.org', ['official']);
    official = t.client();
    await signInClient(official, 'urzednik@example.org');
  });
  after(async () => t.close());

  it('finds an organisation by a prefix without Polish letters and says how many in correct Polish', async () => {
    const page = await t.client().get('/organizacje?q=spol');
    assert.equal(page.status, 200);
    assert.match(page.body, /Społeczno-Kulturalne/);
    assert.doesNotMatch(page.body, /Społem Czekający/, 'pending organisations are not public');
    assert.match(page.body, /1 organizacja</);
    assert.match((await t.client().get('/organizacje?q=kl')).body, /25 organizacji</);
    assert.match((await t.client().get('/organizacje?q=lodz+serca')).body, /Fundacja Łódzkie Serca/);
  });

  it('combines facets and keeps them in the pagination links', async () => {
    const page = await t.client().get('/organizacje?sfera=18&sfera=1');
    assert.match(page.body, /26 organizacji</);
    assert.match(page.body, /href="\/organizacje\?sfera=18&amp;sfera=1&amp;strona=2"/);
    const second = await t.client().get('/organizacje?sfera=18&sfera=1&strona=2');
    assert.match(second.body, /Klub Sportowy 24/);
    assert.match((await t.client().get('/organizacje?sfera=18&opp=1')).body, /0 organizacji</);
    const opp = await t.client().get('/organizacje?opp=1');
    assert.match(opp.body, /1 organizacja</);
    assert.match(opp.body, /Krokus/);
  });

  it('links each chosen filter to the same search without it, and exports with the same filters', async () => {
    const page = await t.client().get('/organizacje?q=fund&forma=fundacja');
    assert.match(page.body, /href="\/organizacje\?forma=fundacja"/, 'removing the query keeps the facet');
    assert.match(page.body, /href="\/organizacje\?q=fund"/, 'removing the facet keeps the query');
    assert.match(page.body, /href="\/organizacje\.csv\?q=fund&amp;forma=fundacja"/);
  });

  it('survives hand-edited and hostile URLs without an error page', async () => {
    for (const url of [
      '/organizacje?q=%22spol%22*+OR+NEAR(a)',
      '/organizacje?q=' + 'ą'.repeat(5000),
      '/organizacje?sfera=%27%3B+drop+table&forma=../../etc',
      '/organizacje?strona=-1&sort=zle&opp=2&stan=weryfikacja',
      '/organizacje?q[]=a&q[]=b',
    ]) {
      const page = await t.client().get(url);
      assert.equal(page.status, 200, url);
    }
    const visitor = await t.client().get('/organizacje?stan=weryfikacja');
    assert.doesNotMatch(visitor.body, /Społem Czekający/, 'only officials list pending organisations');
  });

  it('lets officials list organisations waiting for verification', async () => {
    const page = await official.get('/organizacje?stan=weryfikacja');
    assert.match(page.body, /Społem Czekający/);
    assert.match(page.body, /1 organizacja</);
  });
});
