/**
 * The organisation a signed-in person acts on behalf of, per session (a person may belong to
 * several organisations). Checked against active membership on every load, so a stale choice
 * (membership ended, organisation merged) is simply ignored.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('acting_organization_id', 'integer').execute();
}
