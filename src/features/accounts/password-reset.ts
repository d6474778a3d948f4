import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { destroyUserSessions } from '../../platform/auth/sessions.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { queueAccountMail } from './account-mails.js';
import { consumeToken, findUserByEmail, issueToken } from './accounts.repo.js';
import type { TResetPassword } from './accounts.schema.js';

export const resetTtlMinutes = 60;

/** Queues a reset link when the address has an account. The visitor sees the same page either way. */
export async function requestPasswordReset(services: Services, email: string, language: Language): Promise<void> {
  const site = services.config.baseUrl;
  await services.db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user) return;
    const token = await issueToken(trx, user.id, 'reset_password', resetTtlMinutes);
    await queueAccountMail(trx, 'resetPassword', email, language, {
      site,
      name: user.display_name,
      link: `${site}/haslo/nowe?token=${token}`,
    });
  });
}

/**
 * Sets a new password with a single-use, expiring token, and ends every session of the account.
 * Receiving the mail proves the address, so an unconfirmed account becomes confirmed.
 */
export async function resetPassword(services: Services, input: TResetPassword, language: Language): Promise<boolean> {
  const passwordHash = await hashPassword(input.password);
  return services.db.transaction().execute(async (trx) => {
    const userId = await consumeToken(trx, input.token, 'reset_password');
    if (userId === null) return false;
    const now = new Date().toISOString();
    const user = await trx
      .selectFrom('users')
      .select(['email', 'display_name', 'email_confirmed_at'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: passwordHash,
        email_confirmed_at: user.email_confirmed_at ?? now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', userId)
      .execute();
    const ended = await destroyUserSessions(trx, userId);
    await queueAccountMail(trx, 'passwordChanged', user.email, language, {
      site: services.config.baseUrl,
      name: user.display_name,
    });
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'account.password_reset',
      subjectType: 'user',
      subjectId: userId,
      after: { sessionsEnded: ended },
    });
    return true;
  });
}
