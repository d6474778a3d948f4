/**
 * Throttling of failed sign-ins, per account and per IP address, in the database so every app
 * instance shares it. Keys are SHA-256 hashes: neither e-mail addresses nor IPs are stored in clear.
 * After `maxFailures` failures within the lock window the key is locked for `lockMinutes`.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface ThrottleRule {
  maxFailures: number;
  lockMinutes: number;
}

export const throttleKey = (kind: 'account' | 'ip', value: string) =>
  `${kind}:${createHash('sha256').update(value.toLowerCase()).digest('hex')}`;

/** Minutes left on the longest lock among the keys, or 0 when none is locked. */
export async function lockedMinutesLeft(db: Kysely<DB>, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.selectFrom('sign_in_throttle').select('locked_until').where('key', 'in', keys).execute();
  let longest = 0;
  for (const row of rows) {
    if (row.locked_until) longest = Math.max(longest, Date.parse(row.locked_until) - now.getTime());
  }
  return longest > 0 ? Math.ceil(longest / 60_000) : 0;
}

export async function recordFailure(db: Kysely<DB>, key: string, rule: ThrottleRule, now = new Date()): Promise<void> {
  const windowMs = rule.lockMinutes * 60_000;
  await db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
    const windowExpired = !row || now.getTime() - Date.parse(row.window_started_at) > windowMs;
    const failures = windowExpired ? 1 : row.failures + 1;
    const lockedUntil = failures >= rule.maxFailures ? new Date(now.getTime() + windowMs).toISOString() : null;
    const values = {
      failures: failures >= rule.maxFailures ? 0 : failures,
      window_started_at: windowExpired || failures >= rule.maxFailures ? now.toISOString() : row.window_started_at,
      locked_until: lockedUntil ?? (row && !windowExpired ? row.locked_until : null),
    };
    await trx
      .insertInto('sign_in_throttle')
      .values({ key, ...values })
      .onConflict((oc) => oc.column('key').doUpdateSet(values))
      .execute();
  });
}

export async function clearFailures(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
