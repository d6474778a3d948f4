import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import type { Language } from '../../platform/i18n/i18n.js';
import { queueAccountMail } from './account-mails.js';
import { findUserByEmail, insertUser, issueToken } from './accounts.repo.js';
import type { TSignUp } from './accounts.schema.js';

export const confirmationTtlMinutes = 48 * 60;

/**
 * Creates an unconfirmed account and queues the confirmation mail. If the address is taken, the
 * owner gets a mail instead and the visitor sees the same page: sign-up never reveals who has an
 * account.
 */
export async function signUp(services: Services, input: TSignUp, language: Language): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const site = services.config.baseUrl;
  await services.db.transaction().execute(async (trx) => {
    const existing = await findUserByEmail(trx, input.email);
    if (existing) {
      await queueAccountMail(trx, 'alreadyRegistered', input.email, language, { site, link: `${site}/logowanie` });
      return;
    }
    const now = new Date().toISOString();
    const userId = await insertUser(trx, {
      email: input.email,
      displayName: input.displayName,
      passwordHash,
      confirmedAt: null,
      now,
    });
    const token = await issueToken(trx, userId, 'confirm_email', confirmationTtlMinutes);
    await queueAccountMail(trx, 'confirmEmail', input.email, language, {
      site,
      name: input.displayName,
      link: `${site}/potwierdz-email?token=${token}`,
    });
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'account.signed_up',
      subjectType: 'user',
      subjectId: userId,
      // No contact data in the append-only log: it would outlive the account's erasure.
      after: { emailConfirmed: false },
    });
  });
}

/** Sends a new confirmation link to an unconfirmed account; silent for unknown or confirmed ones. */
export async function resendConfirmation(services: Services, email: string, language: Language): Promise<void> {
  const site = services.config.baseUrl;
  await services.db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email);
    if (!user || user.email_confirmed_at) return;
    const token = await issueToken(trx, user.id, 'confirm_email', confirmationTtlMinutes);
    await queueAccountMail(trx, 'confirmEmail', email, language, {
      site,
      name: user.display_name,
      link: `${site}/potwierdz-email?token=${token}`,
    });
  });
}
