import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.js';
import { type AuthenticatedUser, destroyUserSessions } from '../../platform/auth/sessions.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { queueAccountMail } from './account-mails.js';
import { findUserById } from './accounts.repo.js';
import type { TChangePassword } from './accounts.schema.js';

export type ChangePasswordResult = { ok: true; otherSessionsEnded: number } | { ok: false; reason: 'wrongCurrentPassword' };

/** Changes the password after checking the current one; other sessions end, this one stays. */
export async function changePassword(
  services: Services,
  user: AuthenticatedUser,
  input: TChangePassword,
  language: Language,
): Promise<ChangePasswordResult> {
  const stored = await findUserById(services.db, user.id);
  if (!stored || !(await verifyPassword(stored.password_hash, input.currentPassword))) {
    return { ok: false, reason: 'wrongCurrentPassword' };
  }
  const passwordHash = await hashPassword(input.password);
  return services.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    await trx
      .updateTable('users')
      .set((eb) => ({ password_hash: passwordHash, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', user.id)
      .execute();
    const ended = await destroyUserSessions(trx, user.id, user.sessionId);
    await queueAccountMail(trx, 'passwordChanged', stored.email, language, {
      site: services.config.baseUrl,
      name: stored.display_name,
    });
    await recordAudit(trx, {
      actor: userActor(user.id),
      action: 'account.password_changed',
      subjectType: 'user',
      subjectId: user.id,
      after: { otherSessionsEnded: ended },
    });
    return { ok: true, otherSessionsEnded: ended };
  });
}
