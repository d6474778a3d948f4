import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../platform/db/database.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../test-support/databases.js';
import { type DirectoryFilters, directoryBatches, directoryFacets, noFilters, searchDirectory } from './directory-search.js';
import { organizationColumns } from './register-organization.js';
import { ZOrganizationForm } from './organizations.schema.js';
import { foldForSearch, queryWords } from './search-text.js';

/** A small directory that exercises folding (ł, ś, ż, ó), prefixes, facets and both orders. */
const fixtures = [
  {
    name: 'Stowarzyszenie Społeczno-Kulturalne „Krokus”',
    form: 'stowarzyszenie',
    spheres: ['16', '27'],
    city: 'Leszno',
    area: 'lokalny',
    opp: '2019',
    volunteers: true,
  },
  { name: 'MCP Alternatywa', form: 'stowarzyszenie', spheres: ['15', '32'], city: 'Leszno', area: 'lokalny' },
  { name: 'Fundacja Łódzkie Serca', form: 'fundacja', spheres: ['1'], city: 'Łódź', area: 'regionalny', opp: '2020' },
  {
    name: 'Leszczyńskie Towarzystwo Śpiewacze',
    form: 'stowarzyszenie',
    spheres: ['16'],
    city: 'Leszno',
    area: 'powiatowy',
    volunteers: true,
  },
  { name: 'Uczniowski Klub Sportowy Żak', form: 'uks', spheres: ['18'], city: 'Leszno', area: 'lokalny' },
  {
    name: 'Fundacja Ochrony Zwierząt',
    form: 'fundacja',
    spheres: ['24'],
    city: 'Rydzyna',
    area: 'powiatowy',
    description: 'Pomagamy zwierzętom ze schroniska społecznego.',
  },
  { name: 'Spółdzielnia Socjalna Razem', form: 'spoldzielnia-socjalna', spheres: ['2', '5'], city: 'Leszno', area: 'lokalny' },
  {
    name: 'Akademia Seniora',
    form: 'stowarzyszenie',
    spheres: ['10', '16'],
    city: 'Święciechowa',
    area: 'lokalny',
    volunteers: true,
  },
  { name: 'Ognisko Łączy Pokolenia', form: 'stowarzyszenie', spheres: ['10'], city: 'Leszno', area: 'krajowy', opp: '2018' },
  {
    name: 'Zielone Leszno',
    form: 'stowarzyszenie-zwykle',
    spheres: ['24'],
    city: 'Leszno',
    area: 'lokalny',
    description: 'Sadzimy drzewa i uczymy ekologii.',
  },
] as const;

/** Checksum-valid NIPs 123-456-32-18 style: generated so every fixture has a unique identifier. */
function nipFor(seed: number): string {
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
  for (let n = seed * 7919; ; n++) {
    const first9 = String(100_000_000 + n).slice(0, 9);
    const sum = weights.reduce((acc, w, i) => acc + w * Number(first9[i]), 0) % 11;
    if (sum !== 10) return `${first9}${sum}`;
  }
}

async function seed(test: TestDatabase): Promise<void> {
  const { db } = test.database;
  for (const [i, f] of fixtures.entries()) {
    const input = ZOrganizationForm.parse({
      name: f.name,
      legalForm: f.form,
      nip: nipFor(i + 1),
      spheres: [...f.spheres],
      city: f.city,
      areaScope: f.area,
      ...('opp' in f ? { oppYear: f.opp } : {}),
      ...('volunteers' in f ? { volunteersWanted: 'on' } : {}),
      ...('description' in f ? { description: f.description } : {}),
    });
    const created = await db
      .insertInto('organizations')
      .values({
        ...organizationColumns(input, 'NGO'),
        slug: `org-${i + 1}`,
        status: i === fixtures.length - 1 ? 'pending' : 'verified',
        created_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('organization_spheres')
      .values(f.spheres.map((code) => ({ organization_id: created.id, sphere_code: code })))
      .execute();
  }
}

const filters = (change: Partial<DirectoryFilters>): DirectoryFilters => ({ ...noFilters, ...change });

/** The queries both engines must answer identically; some with the answer spelled out. */
const cases: Array<{ name: string; filters: DirectoryFilters; expected?: string[] }> = [
  {
    name: 'spol finds Społeczno-Kulturalne (diacritics)',
    filters: filters({ q: 'spol' }),
    expected: ['Fundacja Ochrony Zwierząt', 'Spółdzielnia Socjalna Razem', 'Stowarzyszenie Społeczno-Kulturalne „Krokus”'],
  },
  { name: 'lodz finds Łódź (ł folded)', filters: filters({ q: 'lodz' }), expected: ['Fundacja Łódzkie Serca'] },
  { name: 'ŁĄCZY typed with capitals', filters: filters({ q: 'ŁĄCZY' }), expected: ['Ognisko Łączy Pokolenia'] },
  { name: 'two words must both match', filters: filters({ q: 'fund serc' }), expected: ['Fundacja Łódzkie Serca'] },
  { name: 'prefix of a hyphenated word', filters: filters({ q: 'kultur' }) },
  { name: 'no match', filters: filters({ q: 'xyzzy' }), expected: [] },
  { name: 'punctuation only is no query', filters: filters({ q: '„” -- *' }) },
  { name: 'FTS syntax is literal', filters: filters({ q: 'NEAR(spol OR "x") AND -fund*' }) },
  { name: 'pending organisations are not public', filters: filters({ q: 'zielone' }), expected: [] },
  {
    name: 'sphere facet',
    filters: filters({ spheres: ['16'] }),
    expected: ['Akademia Seniora', 'Leszczyńskie Towarzystwo Śpiewacze', 'Stowarzyszenie Społeczno-Kulturalne „Krokus”'],
  },
  { name: 'two spheres are OR', filters: filters({ spheres: ['16', '24'] }) },
  {
    name: 'facets combine (AND)',
    filters: filters({ spheres: ['16'], volunteers: true, areas: ['lokalny'] }),
    expected: ['Akademia Seniora', 'Stowarzyszenie Społeczno-Kulturalne „Krokus”'],
  },
  { name: 'legal form + OPP', filters: filters({ legalForms: ['fundacja'], opp: true }), expected: ['Fundacja Łódzkie Serca'] },
  {
    name: 'query + facet',
    filters: filters({ q: 'les', spheres: ['16'] }),
    expected: ['Leszczyńskie Towarzystwo Śpiewacze', 'Stowarzyszenie Społeczno-Kulturalne „Krokus”'],
  },
  { name: 'relevance order', filters: filters({ q: 'spol', sort: 'relevance' }) },
  { name: 'officials: pending', filters: filters({ status: 'pending' }), expected: ['Zielone Leszno'] },
];

describe('directory search', () => {
  it('folds Polish letters, ł included, and keeps only words', () => {
    assert.equal(foldForSearch('Łódź – Społeczno-Kulturalne „Krokus”!'), 'lodz spoleczno kulturalne krokus');
    assert.deepEqual(queryWords('  ŻAK żak Zak  '), ['zak']);
    assert.deepEqual(queryWords('"a" OR b*'), ['a', 'or', 'b']);
  });

  const engines = testEngines();
  const databases = new Map<Engine, TestDatabase>();
  before(async () => {
    for (const engine of await engines) {
      const test = await createTestDatabase(engine);
      await seed(test);
      databases.set(engine, test);
    }
  });
  after(async () => {
    for (const test of databases.values()) await test.drop();
  });

  it('answers every query the same on every engine (search parity)', async () => {
    for (const c of cases) {
      const answers = new Map<Engine, { names: string[]; total: number }>();
      for (const [engine, test] of databases) {
        const page = await searchDirectory(test.database.db, engine, c.filters, { limit: 100, offset: 0 });
        answers.set(engine, { names: page.rows.map((r) => r.name), total: page.total });
        assert.equal(page.total, page.rows.length, `${c.name} on ${engine}: total matches rows`);
        if (c.expected) {
          const names = c.filters.sort === 'relevance' ? [...page.rows.map((r) => r.name)].sort() : page.rows.map((r) => r.name);
          const expected = c.filters.sort === 'relevance' ? [...c.expected].sort() : c.expected;
          assert.deepEqual(names, expected, `${c.name} on ${engine}`);
        }
      }
      const [first, ...rest] = [...answers.values()];
      for (const other of rest) {
        if (c.filters.sort === 'relevance') assert.deepEqual([...other.names].sort(), [...(first?.names ?? [])].sort(), c.name);
        else assert.deepEqual(other.names, first?.names, c.name);
      }
    }
  });

  it('ranks name matches above description matches', async () => {
    for (const [engine, test] of databases) {
      const page = await searchDirectory(test.database.db, engine, filters({ q: 'spol', sort: 'relevance' }), {
        limit: 10,
        offset: 0,
      });
      assert.equal(page.rows.at(-1)?.name, 'Fundacja Ochrony Zwierząt', `${engine}: the description-only match comes last`);
    }
  });

  it('counts facets disjunctively and the same on every engine', async () => {
    const counts = [];
    for (const [engine, test] of databases) {
      const facets = await directoryFacets(test.database.db, engine, filters({ spheres: ['16'], areas: ['lokalny'] }));
      // Spheres are counted without the sphere filter (local and verified: Krokus and Akademia have sphere 16).
      assert.equal(facets.spheres['16'], 2, engine);
      assert.equal(facets.spheres['24'], undefined, engine);
      // Areas are counted with the sphere filter but without the area filter.
      assert.deepEqual(facets.areas, { lokalny: 2, powiatowy: 1 }, engine);
      assert.equal(facets.volunteers, 2, engine);
      counts.push(facets);
    }
    for (const other of counts.slice(1)) assert.deepEqual(other, counts[0]);
  });

  it('never serves a stale answer after a change (generation bumped by triggers)', async () => {
    for (const [engine, test] of databases) {
      const { db } = test.database;
      const before = await searchDirectory(db, engine, filters({ q: 'akademia' }), { limit: 10, offset: 0 });
      assert.equal(before.total, 1);
      await db.updateTable('organizations').set({ status: 'suspended' }).where('name', '=', 'Akademia Seniora').execute();
      const afterSuspension = await searchDirectory(db, engine, filters({ q: 'akademia' }), { limit: 10, offset: 0 });
      assert.equal(afterSuspension.total, 0, `${engine}: suspended organisation gone at once`);
      await db.updateTable('organizations').set({ status: 'verified' }).where('name', '=', 'Akademia Seniora').execute();
    }
  });

  it('streams every match in batches', async () => {
    for (const [engine, test] of databases) {
      const seen: string[] = [];
      for await (const batch of directoryBatches(test.database.db, engine, noFilters, 4)) seen.push(...batch.map((r) => r.name));
      assert.equal(seen.length, fixtures.length - 1, engine);
      assert.equal(new Set(seen).size, seen.length, engine);
    }
  });
});
