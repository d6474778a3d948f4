/**
 * Sending a new submission is idempotent: each new form carries a random token, stored with the
 * submission it created, unique per author. The same form posted again (a double click, a retry after
 * a lost answer) finds that submission instead of creating a second one with a second receipt.
 */
import type { Kysely } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

export async function up(db: Kysely<unknown>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('consultation_submissions').addColumn('form_token', 'text').execute();
  await db.schema
    .createIndex('consultation_submissions_form_token')
    .on('consultation_submissions')
    .columns(['author_id', 'form_token'])
    .unique()
    .execute();
}
