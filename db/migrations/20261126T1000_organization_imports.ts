/**
 * Organisation imports from CSV (features/organization-import): one row per uploaded file — its
 * SHA-256 and size, who uploaded it and when, the dry run's report, and once committed who
 * committed it, when, and what the commit did. The file itself is kept in `files` under
 * `file_key`. `status` moves from 'dry-run' to 'committed' once, by a conditional update.
 */
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  const time = engine === 'postgres' ? 'timestamptz' : 'text';
  const table = db.schema.createTable('organization_imports');
  await (
    engine === 'postgres'
      ? table.addColumn('id', 'serial', (c) => c.primaryKey())
      : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
  )
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('dry-run', 'committed')`))
    .addColumn('file_key', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('uploaded_at', sql.raw(time), (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('committed_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('committed_at', sql.raw(time))
    .addColumn('result_json', 'text')
    .execute();
  await db.schema.createIndex('organization_imports_uploaded').on('organization_imports').column('uploaded_at').execute();
}
