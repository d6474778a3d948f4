/**
 * The programme's last step: a version adopted by the council (resolution number and date, already
 * stored) is published; `published_at` is the instant an official published it.
 */
import type { Kysely } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .alterTable('programme_versions')
    .addColumn('published_at', engine === 'postgres' ? 'timestamptz' : 'text')
    .execute();
}
