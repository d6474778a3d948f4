import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { consumeToken } from './accounts.repo.js';

/** Confirms the address behind a single-use token. Returns false for an unknown, used or expired token. */
export async function confirmEmail(services: Services, token: string): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const userId = await consumeToken(trx, token, 'confirm_email');
    if (userId === null) return false;
    const now = new Date().toISOString();
    await trx
      .updateTable('users')
      .set((eb) => ({ email_confirmed_at: now, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', userId)
      .where('email_confirmed_at', 'is', null)
      .execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'account.email_confirmed',
      subjectType: 'user',
      subjectId: userId,
      before: { emailConfirmed: false },
      after: { emailConfirmed: true },
    });
    return true;
  });
}
