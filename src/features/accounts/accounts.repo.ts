/** SQL of the accounts feature: users, roles, account tokens. */
import type { Kysely } from 'kysely';
import type { DB, Role, TokenPurpose } from '../../platform/db/schema.js';
import { hashToken, randomToken } from '../../platform/auth/tokens.js';

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rolesOf(db: Kysely<DB>, userId: number): Promise<Role[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export async function insertUser(
  db: Kysely<DB>,
  values: { email: string; displayName: string; passwordHash: string; confirmedAt: string | null; now: string },
): Promise<number> {
  const row = await db
    .insertInto('users')
    .values({
      email: values.email,
      display_name: values.displayName,
      password_hash: values.passwordHash,
      email_confirmed_at: values.confirmedAt,
      created_at: values.now,
      updated_at: values.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function issueToken(
  db: Kysely<DB>,
  userId: number,
  purpose: TokenPurpose,
  ttlMinutes: number,
  now = new Date(),
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('account_tokens')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      purpose,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ttlMinutes * 60_000).toISOString(),
    })
    .execute();
  return token;
}

/** A token that exists, has this purpose, is unused and unexpired — without using it. */
export function findUsableToken(db: Kysely<DB>, token: string, purpose: TokenPurpose, now = new Date()) {
  return db
    .selectFrom('account_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
}

/**
 * Uses a token exactly once: the conditional UPDATE succeeds for one caller only, even when two
 * requests race. Returns the user id, or null when the token is unknown, used or expired.
 */
export async function consumeToken(
  db: Kysely<DB>,
  token: string,
  purpose: TokenPurpose,
  now = new Date(),
): Promise<number | null> {
  const row = await findUsableToken(db, token, purpose, now);
  if (!row) return null;
  const result = await db
    .updateTable('account_tokens')
    .set({ used_at: now.toISOString() })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? row.user_id : null;
}
