import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { verifyPassword } from '../../platform/auth/passwords.js';
import type { AuthenticatedUser } from '../../platform/auth/sessions.js';
import { isLastAdministrator } from '../admin/index.js';

export type EraseAccountResult = { ok: true } | { ok: false; reason: 'wrongPassword' | 'lastAdministrator' };

/**
 * Erases an account (art. 17 GDPR) after the password is confirmed: the person, their roles,
 * memberships, sessions, tokens and the mails sent to them. The audit log keeps the bare facts of
 * past public actions under the numeric user id only — it never stored contact data.
 */
export async function eraseAccount(services: Services, user: AuthenticatedUser, password: string): Promise<EraseAccountResult> {
  const stored = await services.db
    .selectFrom('users')
    .select(['password_hash', 'email'])
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(stored.password_hash, password))) return { ok: false, reason: 'wrongPassword' };
  return services.db.transaction().execute(async (trx) => {
    if (user.roles.includes('administrator') && (await isLastAdministrator(trx)))
      return { ok: false, reason: 'lastAdministrator' } as const;
    await trx.deleteFrom('mails').where('to_address', '=', stored.email).execute();
    // Accessibility needs may reveal health: gone with the account. The registrations stay, without
    // the person (user_id is set null), so meeting counts remain true; attendance lists are the
    // office's record of a meeting and keep the name as written (DOMAIN §5.2).
    await trx.updateTable('meeting_registrations').set({ accessibility_needs: null }).where('user_id', '=', user.id).execute();
    // Unsent consultation drafts are the person's notes, not the office's record: gone with them.
    // Sent submissions stay (the consultation's record; the report pseudonymises private persons).
    await trx
      .deleteFrom('consultation_submissions')
      .where('author_id', '=', user.id)
      .where('status', '=', 'draft')
      .where('channel', '=', 'online')
      .execute();
    // Cascades to user_roles, sessions, account_tokens and organization_members.
    await trx.deleteFrom('users').where('id', '=', user.id).execute();
    await recordAudit(trx, { actor: userActor(user.id), action: 'account.erased', subjectType: 'user', subjectId: user.id });
    return { ok: true } as const;
  });
}
