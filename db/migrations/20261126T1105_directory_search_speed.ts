/**
 * Directory search speed with national-scale data (bench/directory.ts, 100 000 organisations):
 * PostgreSQL stores the weighted tsvector as a generated column (ranking no longer rebuilds it for
 * every matching row) with the GIN index on it; both engines get a covering index for the facet
 * counts (status + the facet columns), so counting reads the index instead of the wide rows.
 */
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`alter table organizations add column search_vector tsvector generated always as (
      setweight(to_tsvector('simple', coalesce(search_name, '')), 'A') || setweight(to_tsvector('simple', coalesce(search_text, '')), 'B')
    ) stored`.execute(db);
    await sql`create index organizations_search_vector on organizations using gin (search_vector)`.execute(db);
    await sql`drop index organizations_search`.execute(db);
  }
  await db.schema
    .createIndex('organizations_facets')
    .on('organizations')
    .columns(['status', 'legal_form', 'area_scope', 'opp_year', 'volunteers_wanted', 'id'])
    .execute();
}
