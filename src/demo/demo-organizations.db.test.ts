/**
 * The demo directory: every organisation would pass the registration form (identifiers with valid
 * checksums, contacts, dictionary codes), identifiers and slugs are unique, and the demo seeds on
 * both engines — once, on an empty database — with search documents the directory can find.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkKrs, checkNip, checkRegon } from '../features/organizations/identifiers.js';
import { ZOrganizationForm } from '../features/organizations/organizations.schema.js';
import { noFilters, searchDirectory } from '../features/organizations/directory-search.js';
import { initialLegalForms, initialSpheres } from '../../db/migrations/data/20261126T0700_dictionaries.js';
import { createServices } from '../services.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../test-support/databases.js';
import { testConfig } from '../test-support/test-app.js';
import { accountOrganisationForm, demoDirectoryOrganizations } from './demo-organizations.js';
import { demoAccounts, seedDemo } from './seed-demo.js';

const directory = demoDirectoryOrganizations();
const accountForms = demoAccounts.flatMap((a) => (a.organisation ? [accountOrganisationForm(a.organisation)] : []));
const allForms = [...directory.map((o) => o.form), ...accountForms];

describe('demo directory data', () => {
  it('has about forty organisations besides the two the seed names', () => {
    assert.equal(accountForms.length, 2);
    assert.ok(directory.length >= 38 && directory.length <= 45, `${directory.length} demo organisations`);
  });

  it('gives every organisation identifiers that pass the KRS, NIP and REGON checks, unchanged by normalisation', () => {
    for (const form of allForms) {
      assert.ok(form.krs || form.nip || form.regon, `${form.name}: no identifier`);
      for (const [value, check] of [
        [form.krs, checkKrs],
        [form.nip, checkNip],
        [form.regon, checkRegon],
      ] as const) {
        if (!value) continue;
        assert.deepEqual(check(value), { ok: true, value }, `${form.name}: ${value}`);
      }
    }
  });

  it('keeps KRS, NIP, REGON and slugs unique', () => {
    for (const field of ['krs', 'nip', 'regon'] as const) {
      const values = allForms.map((f) => f[field]).filter(Boolean);
      assert.equal(new Set(values).size, values.length, `duplicate ${field}`);
    }
    const slugs = [...directory.map((o) => o.slug), 'krokus', 'alternatywa'];
    assert.equal(new Set(slugs).size, slugs.length, 'duplicate slug');
  });

  it('would pass the registration form as typed (contacts, dates, OPP year, dictionary codes)', () => {
    const legalForms = new Map(initialLegalForms.map((f) => [f.code, f]));
    const spheres = new Set(initialSpheres.map((s) => s.code));
    for (const form of allForms) {
      const parsed = ZOrganizationForm.safeParse({ ...form, volunteersWanted: form.volunteersWanted ? 'yes' : undefined });
      assert.ok(parsed.success, `${form.name}: ${JSON.stringify(parsed.error?.issues)}`);
      const legalForm = legalForms.get(form.legalForm);
      assert.ok(legalForm, `${form.name}: unknown legal form ${form.legalForm}`);
      if (form.oppYear) assert.ok(legalForm.canBeOpp, `${form.name}: ${form.legalForm} cannot be an OPP`);
      for (const code of form.spheres) assert.ok(spheres.has(code), `${form.name}: unknown sphere ${code}`);
    }
    for (const { form } of directory) {
      assert.match(form.email, /^[a-z0-9.-]+@[a-z0-9-]+\.example$/, form.name);
      if (form.website) assert.match(form.website, /^https:\/\/[a-z0-9-]+\.example$/, form.name);
      assert.match(form.phone, /^65 5\d\d \d\d \d\d$/, form.name);
      if (form.volunteersWanted) assert.ok(form.volunteersDescription, `${form.name}: volunteers without a description`);
    }
  });

  it('varies what the directory filters on', () => {
    const count = (predicate: (o: (typeof directory)[number]) => boolean) => directory.filter(predicate).length;
    assert.equal(
      count((o) => o.status === 'pending'),
      2,
    );
    assert.equal(
      count((o) => o.status === 'suspended' && Boolean(o.suspendedReason)),
      1,
    );
    assert.equal(
      count((o) => o.status !== 'suspended' && o.suspendedReason !== null),
      0,
    );
    assert.ok(new Set(directory.map((o) => o.form.legalForm)).size >= 8, 'legal forms');
    assert.equal(new Set(directory.map((o) => o.form.areaScope)).size, 5, 'area scopes');
    assert.ok(count((o) => o.form.oppYear !== '') >= 5, 'OPP');
    assert.ok(count((o) => o.form.volunteersWanted) >= 8, 'volunteers');
    assert.ok(new Set(directory.flatMap((o) => o.form.spheres)).size >= 25, 'spheres');
  });
});

for (const engine of await testEngines()) {
  describe(`demo seed on ${engine}`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(engine);
    });
    after(async () => t.drop());

    it('seeds the demo directory once, on an empty database only, findable by search', async () => {
      const services = createServices(t.database, testConfig({ SEED_DEMO: 'always' }));
      const { db } = t.database;
      assert.equal(await seedDemo(services), true);

      const rows = await db
        .selectFrom('organizations')
        .select([
          'name',
          'slug',
          'status',
          'search_name',
          'search_text',
          'name_sort_key',
          'verified_at',
          'verified_by',
          'suspended_reason',
        ])
        .execute();
      assert.equal(rows.length, directory.length + 2);
      for (const row of rows) {
        assert.ok(row.search_name && row.search_text && row.name_sort_key, `${row.name}: search documents filled`);
        assert.equal(row.status === 'pending', row.verified_at === null, `${row.name}: verified`);
        if (row.slug !== 'krokus' && row.slug !== 'alternatywa') {
          assert.equal(row.status === 'pending', row.verified_by === null, `${row.name}: verified by the demo official`);
        }
      }
      assert.deepEqual(
        rows.filter((r) => r.status === 'suspended').map((r) => Boolean(r.suspended_reason)),
        [true],
      );
      assert.ok(rows.some((r) => r.slug === 'krokus') && rows.some((r) => r.slug === 'alternatywa'));

      const spheres = await db
        .selectFrom('organization_spheres')
        .leftJoin('spheres', 'spheres.code', 'organization_spheres.sphere_code')
        .select(['organization_spheres.sphere_code', 'spheres.code'])
        .execute();
      assert.equal(
        spheres.length,
        allForms.reduce((n, f) => n + f.spheres.length, 0),
      );
      assert.ok(
        spheres.every((s) => s.code !== null),
        'every sphere code is in the dictionary',
      );

      const names = async (q: string) =>
        (await searchDirectory(db, engine, { ...noFilters, q }, { limit: 100, offset: 0 })).rows.map((r) => r.name);
      assert.deepEqual(await names('łączy'), ['Fundacja Łączy Nas']);
      assert.deepEqual(await names('SPIEWACZE'), ['Leszczyńskie Towarzystwo Śpiewacze']);
      const spol = await names('spol');
      for (const name of ['Stowarzyszenie Społeczno-Kulturalne „Krokus”', 'Społeczne Stowarzyszenie Przyjaciół Zatorza']) {
        assert.ok(spol.includes(name), `spol finds ${name}`);
      }
      assert.deepEqual(await names('nowy start'), [], 'pending organisations are not public');

      assert.equal(await seedDemo(services), false, 'a database with users is never seeded again');
      const after = await db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(after.n), directory.length + 2);
    });
  });
}
