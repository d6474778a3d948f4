import type { Kysely } from 'kysely';
import { type Actor, recordAudit } from '../../platform/audit/audit.js';
import type { DB, Role } from '../../platform/db/schema.js';

export type ChangeRoleResult = { ok: true; changed: boolean } | { ok: false; reason: 'unknownUser' | 'lastAdministrator' };

/** Grants a role (idempotent). Audited as `role.granted` with the roles before and after. */
export async function grantRole(db: Kysely<DB>, actor: Actor, userId: number, role: Role): Promise<ChangeRoleResult> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) return { ok: false, reason: 'unknownUser' } as const;
    const before = (await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role);
    if (before.includes(role)) return { ok: true, changed: false } as const;
    await trx
      .insertInto('user_roles')
      .values({ user_id: userId, role, granted_at: new Date().toISOString(), granted_by: actor.userId })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'role.granted',
      subjectType: 'user',
      subjectId: userId,
      before: { roles: before },
      after: { roles: [...before, role].sort() },
    });
    return { ok: true, changed: true } as const;
  });
}

/** Whether at most one administrator is left (who then must not lose the role or the account). */
export async function isLastAdministrator(db: Kysely<DB>): Promise<boolean> {
  const admins = await db
    .selectFrom('user_roles')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'administrator')
    .executeTakeFirstOrThrow();
  return Number(admins.n) <= 1;
}

/** Revokes a role (idempotent); the last administrator cannot be removed. */
export async function revokeRole(db: Kysely<DB>, actor: Actor, userId: number, role: Role): Promise<ChangeRoleResult> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) return { ok: false, reason: 'unknownUser' } as const;
    const before = (await trx.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role);
    if (!before.includes(role)) return { ok: true, changed: false } as const;
    if (role === 'administrator' && (await isLastAdministrator(trx))) return { ok: false, reason: 'lastAdministrator' } as const;
    await trx.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', role).execute();
    await recordAudit(trx, {
      actor,
      action: 'role.revoked',
      subjectType: 'user',
      subjectId: userId,
      before: { roles: before },
      after: { roles: before.filter((r) => r !== role) },
    });
    return { ok: true, changed: true } as const;
  });
}
