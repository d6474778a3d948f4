/** The texts of account mails, in the language the person used when the mail was triggered. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { translatorFor, type Language } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/mail.js';

export type AccountMail = 'confirmEmail' | 'alreadyRegistered' | 'resetPassword' | 'passwordChanged';

export async function queueAccountMail(
  db: Kysely<DB>,
  mail: AccountMail,
  to: string,
  language: Language,
  params: { link?: string; site: string; name?: string },
): Promise<void> {
  const t = translatorFor(language);
  await queueMail(db, {
    to,
    subject: t(`accounts.mails.${mail}.subject`, params),
    text: `${t(`accounts.mails.${mail}.body`, params)}\n\n${t('accounts.mails.signature', params)}`,
  });
}
