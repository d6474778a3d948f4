/**
 * Directory search on both engines: the only module that knows how each engine does full-text
 * search. SQLite uses the FTS5 table `organizations_fts` (bm25, names weighted ×10); PostgreSQL
 * a GIN index over weighted `to_tsvector('simple', …)` (ts_rank). Both index the same folded words
 * (search-text.ts), and every query word matches as a prefix, so the same query finds the same
 * organisations on both engines (search-parity test). Facets combine with AND across facets and OR
 * within one; facet counts are disjunctive (each facet counted with the other facets applied).
 *
 * Results are cached per query and per directory generation (a counter that database triggers bump
 * on every change of an organisation or its spheres), so a cached answer is never stale, on one
 * instance or many.
 */
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { Engine } from '../../platform/db/database.js';
import type { DB, OrganizationStatus } from '../../platform/db/schema.js';
import type { AreaScope } from './area-scopes.js';
import { queryWords } from './search-text.js';

export type DirectorySort = 'name' | 'relevance';

export interface DirectoryFilters {
  /** The typed query (folded into words here). */
  q: string;
  spheres: string[];
  legalForms: string[];
  areas: AreaScope[];
  opp: boolean;
  volunteers: boolean;
  /** Only 'verified' is public; officials may also list pending and suspended organisations. */
  status: Extract<OrganizationStatus, 'verified' | 'pending' | 'suspended'>;
  sort: DirectorySort;
}

export const noFilters: DirectoryFilters = {
  q: '',
  spheres: [],
  legalForms: [],
  areas: [],
  opp: false,
  volunteers: false,
  status: 'verified',
  sort: 'name',
};

/** The columns a result row carries (list page, exports, API). */
export const directoryColumns = [
  'organizations.id',
  'organizations.name',
  'organizations.short_name',
  'organizations.slug',
  'organizations.legal_form',
  'organizations.kind',
  'organizations.krs',
  'organizations.nip',
  'organizations.regon',
  'organizations.city',
  'organizations.area_scope',
  'organizations.area_of_activity',
  'organizations.opp_year',
  'organizations.volunteers_wanted',
  'organizations.email',
  'organizations.phone',
  'organizations.website',
  'organizations.verified_at',
  'organizations.last_confirmed_at',
] as const;

type Facet = 'spheres' | 'legalForms' | 'areas' | 'opp' | 'volunteers';
type Query = SelectQueryBuilder<DB, 'organizations', object>;

/** The engine's match condition for the folded query words, or null when there are none. */
function textCondition(engine: Engine, words: string[]) {
  if (words.length === 0) return null;
  if (engine === 'postgres') {
    return sql<boolean>`${pgVector} @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')})`;
  }
  return sql<boolean>`organizations.id in (select rowid from organizations_fts where organizations_fts match ${ftsExpression(words)})`;
}

/** Words are [a-z0-9] only (search-text.ts), so quoting them is enough for FTS5's syntax. */
function ftsExpression(words: string[]): string {
  return words.map((w) => `"${w}"*`).join(' ');
}

/** The stored weighted tsvector (a generated column: names weight A, the rest B). */
const pgVector = sql`organizations.search_vector`;

function applyFilters(engine: Engine, query: Query, filters: DirectoryFilters, except?: Facet | 'text'): Query {
  let q = query.where('organizations.status', '=', filters.status);
  const text = except === 'text' ? null : textCondition(engine, queryWords(filters.q));
  if (text) q = q.where(text);
  if (except !== 'spheres' && filters.spheres.length > 0) {
    q = q.where('organizations.id', 'in', (eb: ExpressionBuilder<DB, 'organizations'>) =>
      eb.selectFrom('organization_spheres').select('organization_id').where('sphere_code', 'in', filters.spheres),
    );
  }
  if (except !== 'legalForms' && filters.legalForms.length > 0) q = q.where('organizations.legal_form', 'in', filters.legalForms);
  if (except !== 'areas' && filters.areas.length > 0) q = q.where('organizations.area_scope', 'in', filters.areas);
  if (except !== 'opp' && filters.opp) q = q.where('organizations.opp_year', 'is not', null);
  if (except !== 'volunteers' && filters.volunteers) q = q.where('organizations.volunteers_wanted', '=', 1);
  return q;
}

/** The filtered organisations in the chosen order (relevance only when there is a query). */
function orderedQuery(db: Kysely<DB>, engine: Engine, filters: DirectoryFilters) {
  const words = queryWords(filters.q);
  if (filters.sort !== 'relevance' || words.length === 0) {
    return applyFilters(engine, db.selectFrom('organizations') as Query, filters)
      .select([...directoryColumns])
      .orderBy('organizations.name_sort_key')
      .orderBy('organizations.id');
  }
  if (engine === 'postgres') {
    const rank = sql`ts_rank(${pgVector}, to_tsquery('simple', ${words.map((w) => `${w}:*`).join(' & ')}))`;
    return applyFilters(engine, db.selectFrom('organizations') as Query, filters)
      .select([...directoryColumns])
      .orderBy(rank, 'desc')
      .orderBy('organizations.name_sort_key')
      .orderBy('organizations.id');
  }
  // SQLite: one full-text query gives both the matches and their bm25 rank (names weigh ×10); a
  // rank computed per row by a correlated subquery would repeat the match for every row.
  const matches = sql<{
    id: number;
    rank: number;
  }>`(select rowid as id, bm25(organizations_fts, 10.0, 1.0) as rank from organizations_fts where organizations_fts match ${ftsExpression(words)})`;
  return applyFilters(engine, db.selectFrom('organizations') as Query, filters, 'text')
    .innerJoin(matches.as('fts'), (join) => join.onRef('fts.id', '=', 'organizations.id'))
    .select([...directoryColumns])
    .orderBy(sql`fts.rank`)
    .orderBy('organizations.name_sort_key')
    .orderBy('organizations.id');
}

export type DirectoryRow = Awaited<ReturnType<ReturnType<typeof orderedQuery>['execute']>>[number];

export interface DirectoryPage {
  total: number;
  rows: DirectoryRow[];
}

export interface FacetCounts {
  spheres: Record<string, number>;
  legalForms: Record<string, number>;
  areas: Record<string, number>;
  opp: number;
  volunteers: number;
}

async function countMatching(db: Kysely<DB>, engine: Engine, filters: DirectoryFilters): Promise<number> {
  const row = await applyFilters(engine, db.selectFrom('organizations') as Query, filters)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countFacets(db: Kysely<DB>, engine: Engine, filters: DirectoryFilters): Promise<FacetCounts> {
  const tally = (rows: Array<{ key: string | null; n: unknown }>) =>
    Object.fromEntries(rows.filter((r) => r.key !== null).map((r) => [r.key as string, Number(r.n)]));
  const [spheres, legalForms, areas, opp, volunteers] = await Promise.all([
    applyFilters(engine, db.selectFrom('organizations') as Query, filters, 'spheres')
      .innerJoin('organization_spheres', 'organization_spheres.organization_id', 'organizations.id')
      .select((eb) => ['organization_spheres.sphere_code as key', eb.fn.countAll().as('n')])
      .groupBy('organization_spheres.sphere_code')
      .execute(),
    applyFilters(engine, db.selectFrom('organizations') as Query, filters, 'legalForms')
      .select((eb) => ['organizations.legal_form as key', eb.fn.countAll().as('n')])
      .groupBy('organizations.legal_form')
      .execute(),
    applyFilters(engine, db.selectFrom('organizations') as Query, filters, 'areas')
      .select((eb) => ['organizations.area_scope as key', eb.fn.countAll().as('n')])
      .groupBy('organizations.area_scope')
      .execute(),
    countMatching(db, engine, { ...filters, opp: true }),
    countMatching(db, engine, { ...filters, volunteers: true }),
  ]);
  return { spheres: tally(spheres), legalForms: tally(legalForms), areas: tally(areas), opp, volunteers };
}

/** Bounded memory of recent answers, per database, valid for one directory generation. */
class AnswerCache {
  private generation = -1;
  private readonly answers = new Map<string, unknown>();
  constructor(private readonly capacity: number) {}

  async get<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
    const state = await db.selectFrom('directory_state').select('generation').where('id', '=', 1).executeTakeFirstOrThrow();
    const generation = Number(state.generation);
    if (generation !== this.generation) {
      this.answers.clear();
      this.generation = generation;
    }
    if (this.answers.has(key)) {
      const answer = this.answers.get(key) as T;
      this.answers.delete(key);
      this.answers.set(key, answer); // most recently used last
      return answer;
    }
    const answer = await compute();
    if (this.generation === generation) {
      this.answers.set(key, answer);
      if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value as string);
    }
    return answer;
  }
}

const caches = new WeakMap<Kysely<DB>, AnswerCache>();
function cacheOf(db: Kysely<DB>): AnswerCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new AnswerCache(500)));
  return cache;
}

/**
 * Remembers something derived from directory answers (e.g. the rendered results) for the current
 * directory generation, like the answers themselves: never stale, bounded, per database.
 */
export function rememberForDirectoryGeneration<T>(db: Kysely<DB>, key: string, compute: () => Promise<T>): Promise<T> {
  return cacheOf(db).get(db, `derived:${key}`, compute);
}

/** The canonical cache key of filters (arrays sorted, query folded). */
function keyOf(filters: DirectoryFilters): string {
  return JSON.stringify([
    queryWords(filters.q),
    [...filters.spheres].sort(),
    [...filters.legalForms].sort(),
    [...filters.areas].sort(),
    filters.opp,
    filters.volunteers,
    filters.status,
  ]);
}

async function pageOf(db: Kysely<DB>, engine: Engine, filters: DirectoryFilters, page: { limit: number; offset: number }) {
  const [total, rows] = await Promise.all([
    countMatching(db, engine, filters),
    orderedQuery(db, engine, filters).limit(page.limit).offset(page.offset).execute(),
  ]);
  return { total, rows };
}

/** One page of the directory, with the number of all matching organisations. */
export function searchDirectory(
  db: Kysely<DB>,
  engine: Engine,
  filters: DirectoryFilters,
  page: { limit: number; offset: number },
): Promise<DirectoryPage> {
  const key = `page:${keyOf(filters)}:${filters.sort}:${page.limit}:${page.offset}`;
  return cacheOf(db).get(db, key, () => pageOf(db, engine, filters, page));
}

/** How many organisations each facet value would give, the other facets applied. */
export function directoryFacets(db: Kysely<DB>, engine: Engine, filters: DirectoryFilters): Promise<FacetCounts> {
  return cacheOf(db).get(db, `facets:${keyOf(filters)}`, () => countFacets(db, engine, filters));
}

/** What the directory page shows for one query — a page of results and the facet counts — from one generation. */
export function browseDirectory(
  db: Kysely<DB>,
  engine: Engine,
  filters: DirectoryFilters,
  page: { limit: number; offset: number },
): Promise<{ results: DirectoryPage; facets: FacetCounts }> {
  const key = `browse:${keyOf(filters)}:${filters.sort}:${page.limit}:${page.offset}`;
  return cacheOf(db).get(db, key, async () => {
    const [results, facets] = await Promise.all([pageOf(db, engine, filters, page), countFacets(db, engine, filters)]);
    return { results, facets };
  });
}

/** Every matching organisation in the chosen order, batch by batch (exports): never the whole set in memory. */
export async function* directoryBatches(
  db: Kysely<DB>,
  engine: Engine,
  filters: DirectoryFilters,
  batchSize = 1000,
): AsyncGenerator<DirectoryRow[]> {
  for (let offset = 0; ; offset += batchSize) {
    const rows = await orderedQuery(db, engine, filters).limit(batchSize).offset(offset).execute();
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
  }
}

/** The spheres of the given organisations (for result rows, exports and the API). */
export async function spheresByOrganization(db: Kysely<DB>, ids: number[]): Promise<Map<number, string[]>> {
  const map = new Map<number, string[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('organization_spheres')
    .select(['organization_id', 'sphere_code'])
    .where('organization_id', 'in', ids)
    .orderBy('organization_id')
    .orderBy('sphere_code')
    .execute();
  for (const r of rows) map.set(r.organization_id, [...(map.get(r.organization_id) ?? []), r.sphere_code]);
  return map;
}
