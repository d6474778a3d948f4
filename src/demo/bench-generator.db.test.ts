/**
 * The benchmark's directory generator (bench/generate-organizations.ts) on both engines: 500
 * organisations with valid, unique identifiers, filled search documents the full-text search
 * finds, every facet populated, deterministic per seed — and the demo can still be seeded after
 * it (the benchmark generates first, then the server seeds the demo). The test lives under src/
 * because the test runner walks src/ and e2e/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  generatedOrganization,
  generateOrganizations,
  readDictionaries,
  type Dictionaries,
} from '../../bench/generate-organizations.js';
import { noFilters, searchDirectory } from '../features/organizations/directory-search.js';
import { checkKrs, checkNip, checkRegon } from '../features/organizations/identifiers.js';
import { queryWords } from '../features/organizations/search-text.js';
import { createServices } from '../services.js';
import { createTestDatabase, testEngines, type TestDatabase } from '../test-support/databases.js';
import { testConfig } from '../test-support/test-app.js';
import { demoDirectoryOrganizations } from './demo-organizations.js';
import { seedDemo } from './seed-demo.js';

const count = 500;

for (const engine of await testEngines()) {
  describe(`benchmark directory generator on ${engine}`, () => {
    let t: TestDatabase;
    let dictionaries: Dictionaries;
    before(async () => {
      t = await createTestDatabase(engine);
      dictionaries = await readDictionaries(t.database.db);
    });
    after(async () => t.drop());

    it('is deterministic per seed and organisation number', () => {
      const first = Array.from({ length: 50 }, (_, n) => generatedOrganization(n, dictionaries, 7));
      const again = Array.from({ length: 50 }, (_, n) => generatedOrganization(n, dictionaries, 7));
      assert.deepEqual(again, first);
      const other = Array.from({ length: 50 }, (_, n) => generatedOrganization(n, dictionaries, 8));
      assert.notDeepEqual(
        other.map((o) => o.form.name),
        first.map((o) => o.form.name),
      );
    });

    it('inserts organisations with valid unique identifiers, search documents and every facet', async () => {
      const { db } = t.database;
      const result = await generateOrganizations(t.database, { count, batchSize: 120 });
      assert.equal(result.count, count);

      const rows = await db.selectFrom('organizations').selectAll().execute();
      assert.equal(rows.length, count);
      for (const field of ['krs', 'nip', 'regon', 'slug'] as const) {
        const values = rows.map((r) => r[field]).filter((v) => v !== null);
        assert.equal(new Set(values).size, values.length, `unique ${field}`);
      }
      for (const r of rows) {
        const label = `${r.name} (${r.slug})`;
        assert.ok(r.krs || r.nip || r.regon || (r.other_register_name && r.other_register_number), `${label}: an identifier`);
        if (r.krs) assert.deepEqual(checkKrs(r.krs), { ok: true, value: r.krs }, label);
        if (r.nip) assert.deepEqual(checkNip(r.nip), { ok: true, value: r.nip }, label);
        if (r.regon) assert.deepEqual(checkRegon(r.regon), { ok: true, value: r.regon }, label);
        assert.ok(r.search_name && r.search_text && r.name_sort_key, `${label}: search documents and sort key`);
        assert.ok(
          queryWords(r.name).every((w) => r.search_name!.split(' ').includes(w)),
          `${label}: name words indexed`,
        );
        assert.ok(r.legal_form && r.kind && r.area_scope && r.city && r.description_md && r.goals_md, `${label}: facets`);
        assert.equal(r.status === 'pending', r.verified_at === null, `${label}: verified_at`);
        assert.equal(r.status === 'suspended', r.suspended_reason !== null, `${label}: suspension reason`);
      }

      const spheres = await db
        .selectFrom('organization_spheres')
        .leftJoin('spheres', 'spheres.code', 'organization_spheres.sphere_code')
        .select(['organization_spheres.organization_id as id', 'spheres.code'])
        .execute();
      assert.ok(
        spheres.every((s) => s.code !== null),
        'sphere codes from the dictionary',
      );
      const perOrganisation = new Map<number, number>();
      for (const s of spheres) perOrganisation.set(s.id, (perOrganisation.get(s.id) ?? 0) + 1);
      assert.equal(perOrganisation.size, count, 'every organisation has spheres');
      assert.ok(
        [...perOrganisation.values()].every((n) => n >= 1 && n <= 3),
        '1–3 spheres each',
      );

      const share = (predicate: (r: (typeof rows)[number]) => boolean) => rows.filter(predicate).length / count;
      assert.ok(
        share((r) => r.status === 'verified') > 0.8 && share((r) => r.status === 'verified') < 0.97,
        'about 90 % verified',
      );
      assert.equal(new Set(rows.map((r) => r.area_scope)).size, 5, 'every area scope');
      assert.ok(new Set(rows.map((r) => r.legal_form)).size >= 8, 'legal forms');
      assert.ok(share((r) => r.opp_year !== null) > 0.03, 'OPP');
      assert.ok(share((r) => r.volunteers_wanted === 1) > 0.1, 'volunteers');
    });

    it('gives prefix queries many but not all organisations, found by the directory search', async () => {
      const { db } = t.database;
      const verified = Number(
        (
          await db
            .selectFrom('organizations')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('status', '=', 'verified')
            .executeTakeFirstOrThrow()
        ).n,
      );
      for (const q of ['spol', 'kult', 'fund', 'lesz']) {
        const page = await searchDirectory(db, engine, { ...noFilters, q }, { limit: 500, offset: 0 });
        assert.ok(page.total >= verified * 0.05 && page.total <= verified * 0.6, `${q}: ${page.total} of ${verified}`);
        const hits = await db
          .selectFrom('organizations')
          .select(['search_name', 'search_text'])
          .where(
            'id',
            'in',
            page.rows.map((r) => r.id),
          )
          .execute();
        for (const h of hits) {
          const words = `${h.search_name} ${h.search_text}`.split(' ');
          assert.ok(
            words.some((w) => w.startsWith(q)),
            `${q} matched a document without such a word`,
          );
        }
      }
      const one = await db
        .selectFrom('organizations')
        .select(['id', 'name', 'nip'])
        .where('status', '=', 'verified')
        .where('nip', 'is not', null)
        .orderBy('id')
        .executeTakeFirstOrThrow();
      const byNip = await searchDirectory(db, engine, { ...noFilters, q: one.nip! }, { limit: 10, offset: 0 });
      assert.deepEqual(
        byNip.rows.map((r) => r.id),
        [one.id],
        `NIP ${one.nip} finds ${one.name}`,
      );
    });

    it('leaves room for the demo: it can be seeded afterwards', async () => {
      const services = createServices(t.database, testConfig({ SEED_DEMO: 'always' }));
      assert.equal(await seedDemo(services), true);
      const total = await t.database.db
        .selectFrom('organizations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(total.n), count + demoDirectoryOrganizations().length + 2);
    });
  });
}
