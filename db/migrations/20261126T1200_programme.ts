/**
 * The programme of cooperation (program współpracy, art. 5a of the Act on public benefit activity):
 * a programme for one year or several (at most five), kept as versions. Each version holds the
 * eleven statutory elements of art. 5a ust. 4 and the resolution around them as one JSON document
 * (`sections_json`), a status (draft → consultation → after-consultation → adopted → published)
 * and an optimistic-lock `version`.
 */
import { type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

function withId<T extends string>(table: CreateTableBuilder<T, never>, engine: Engine) {
  return engine === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}
const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = engine === 'postgres' ? 'timestamptz' : 'text';

  await withId(db.schema.createTable('programmes'), engine)
    .addColumn('year_from', 'integer', (c) => c.notNull().check(sql`year_from between 2000 and 2100`))
    .addColumn('year_to', 'integer', notNull)
    .addColumn('title', 'text', notNull)
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, notNull)
    .addCheckConstraint('programmes_years', sql`year_to >= year_from and year_to - year_from <= 4`)
    .execute();
  await db.schema.createIndex('programmes_years').on('programmes').columns(['year_from', 'year_to']).execute();

  await withId(db.schema.createTable('programme_versions'), engine)
    .addColumn('programme_id', 'integer', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('number', 'integer', notNull)
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'consultation', 'after-consultation', 'adopted', 'published')`),
    )
    .addColumn('sections_json', 'text', notNull)
    .addColumn('resolution_number', 'text')
    .addColumn('resolution_date', 'text')
    .addColumn('based_on_version_id', 'integer', (c) => c.references('programme_versions.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', time, notNull)
    .addColumn('updated_at', time, notNull)
    .execute();
  await db.schema
    .createIndex('programme_versions_number')
    .on('programme_versions')
    .columns(['programme_id', 'number'])
    .unique()
    .execute();
}
