import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { DB } from '../../platform/db/schema.js';
import { grantRole } from './change-role.js';
import { insertUser } from '../accounts/index.js';

export type CreateAdministratorResult = { ok: true; userId: number; created: boolean } | { ok: false; reason: 'weakPassword' };

/**
 * Creates a confirmed administrator account (the first one comes from the CLI), or grants the
 * administrator role to an existing account with that e-mail. Both paths are audited.
 */
export async function createAdministrator(
  db: Kysely<DB>,
  actor: Actor,
  input: { email: string; displayName: string; password: string },
): Promise<CreateAdministratorResult> {
  const email = input.email.trim().toLowerCase();
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) {
    await grantRole(db, actor, existing.id, 'administrator');
    return { ok: true, userId: existing.id, created: false };
  }
  if (input.password.length < 12) return { ok: false, reason: 'weakPassword' };
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const user = { id: await insertUser(trx, { email, displayName: input.displayName, passwordHash, confirmedAt: now, now }) };
    await trx
      .insertInto('user_roles')
      .values({ user_id: user.id, role: 'administrator', granted_at: now, granted_by: null })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'account.created_as_administrator',
      subjectType: 'user',
      subjectId: user.id,
      after: { emailConfirmed: true, roles: ['administrator'] },
    });
    return user.id;
  });
  return { ok: true, userId, created: true };
}
