/**
 * Freshness of organisation profiles: when the last "are your data current?" reminder was queued,
 * and recurring jobs (the daily reminder run) that exist exactly once across app instances.
 *
 * A recurring job row carries `recurring = 1`. The partial unique index allows at most one PENDING
 * row per recurring kind, on both engines: two instances that schedule the same run at the same time
 * (both starting at once, or two workers finishing the same run) cannot both insert — the second
 * insert waits for the first to commit and then conflicts (`on conflict do nothing`). Other jobs
 * (`recurring = 0`, e.g. mail) are not covered by the index.
 */
import { type Kysely, sql } from 'kysely';
import type { Engine } from '../../src/platform/db/database.js';

export async function up(db: Kysely<unknown>, engine: Engine): Promise<void> {
  await db.schema
    .alterTable('organizations')
    .addColumn('freshness_reminded_at', engine === 'postgres' ? 'timestamptz' : 'text')
    .execute();
  await db.schema
    .alterTable('jobs')
    .addColumn('recurring', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create unique index jobs_recurring_pending on jobs (kind) where recurring = 1 and status = 'pending'`.execute(db);
}
