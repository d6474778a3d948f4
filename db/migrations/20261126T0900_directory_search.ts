/**
 * Directory search: a folded search document per organisation — its names, and everything else
 * searchable — (lower case, Polish diacritics and ł removed, only [a-z0-9] words), indexed by SQLite FTS5 (external content, kept in sync by
 * triggers) or by a PostgreSQL GIN index over to_tsvector('simple', …); the area-of-activity scope
 * used as a facet; and a directory generation counter that triggers bump on every change of an
 * organisation or its spheres, so cached search results are never stale.
 */
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

/** Frozen copy of the folding rule at the time of this migration (backfills existing rows). */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema.alterTable('organizations').addColumn('search_name', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('search_text', 'text').execute();
  await db.schema.alterTable('organizations').addColumn('area_scope', 'text').execute();

  const orgs = db as unknown as Kysely<{ organizations: Record<string, string | number | null> }>;
  const existing = await orgs
    .selectFrom('organizations')
    .select([
      'id',
      'name',
      'short_name',
      'city',
      'area_of_activity',
      'target_groups',
      'description_md',
      'goals_md',
      'krs',
      'nip',
      'regon',
    ])
    .execute();
  for (const row of existing) {
    const { id, name, short_name, ...rest } = row;
    await orgs
      .updateTable('organizations')
      .set({
        search_name: fold([name, short_name].filter(Boolean).join(' ')),
        search_text: fold(Object.values(rest).filter(Boolean).join(' ')),
      })
      .where('id', '=', id as number)
      .execute();
  }

  await db.schema
    .createTable('directory_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('generation', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into directory_state (id, generation) values (1, 1)`.execute(db);

  if (engine === 'postgres') {
    await sql`create index organizations_search on organizations using gin ((
      setweight(to_tsvector('simple', coalesce(search_name, '')), 'A') || setweight(to_tsvector('simple', coalesce(search_text, '')), 'B')))`.execute(
      db,
    );
    await sql`create function bump_directory_generation() returns trigger language plpgsql as $$
      begin update directory_state set generation = generation + 1 where id = 1; return null; end $$`.execute(db);
    for (const table of ['organizations', 'organization_spheres']) {
      await sql`create trigger ${sql.raw(`${table}_generation`)} after insert or update or delete on ${sql.raw(table)}
        for each statement execute function bump_directory_generation()`.execute(db);
    }
  } else {
    await sql`create virtual table organizations_fts using fts5(search_name, search_text, content='organizations', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`.execute(
      db,
    );
    await sql`insert into organizations_fts(organizations_fts) values ('rebuild')`.execute(db);
    await sql`create trigger organizations_fts_insert after insert on organizations begin
      insert into organizations_fts(rowid, search_name, search_text)
        values (new.id, coalesce(new.search_name, ''), coalesce(new.search_text, ''));
      update directory_state set generation = generation + 1 where id = 1; end`.execute(db);
    await sql`create trigger organizations_fts_delete after delete on organizations begin
      insert into organizations_fts(organizations_fts, rowid, search_name, search_text)
        values ('delete', old.id, coalesce(old.search_name, ''), coalesce(old.search_text, ''));
      update directory_state set generation = generation + 1 where id = 1; end`.execute(db);
    await sql`create trigger organizations_fts_update after update on organizations begin
      insert into organizations_fts(organizations_fts, rowid, search_name, search_text)
        values ('delete', old.id, coalesce(old.search_name, ''), coalesce(old.search_text, ''));
      insert into organizations_fts(rowid, search_name, search_text)
        values (new.id, coalesce(new.search_name, ''), coalesce(new.search_text, ''));
      update directory_state set generation = generation + 1 where id = 1; end`.execute(db);
    for (const event of ['insert', 'delete']) {
      await sql`create trigger ${sql.raw(`organization_spheres_${event}`)} after ${sql.raw(event)} on organization_spheres begin
        update directory_state set generation = generation + 1 where id = 1; end`.execute(db);
    }
  }
  await db.schema.createIndex('organizations_area_scope').on('organizations').columns(['area_scope', 'status']).execute();
}
