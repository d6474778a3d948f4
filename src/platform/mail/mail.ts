/**
 * Mail is never sent inside a request: `queueMail` stores the message and a `mail.send` job in the
 * caller's transaction; a job worker delivers it through SMTP (when SMTP_URL is set) or keeps it in
 * the outbox that administrators read in the UI.
 */
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import { nowIso } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { enqueueJob, type JobHandler } from '../jobs/jobs.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  readonly name: 'smtp' | 'outbox';
  deliver(message: MailMessage): Promise<void>;
}

export const mailSendJob = 'mail.send';

export async function queueMail(db: Kysely<DB>, message: MailMessage): Promise<number> {
  const mail = await db
    .insertInto('mails')
    .values({
      to_address: message.to,
      subject: message.subject,
      body_text: message.text,
      status: 'queued',
      created_at: nowIso(),
      attempts: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJob(db, mailSendJob, { mailId: mail.id });
  return mail.id;
}

export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    name: 'smtp',
    async deliver(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** Without SMTP the message stays in the database outbox, readable by administrators. */
export const outboxTransport: MailTransport = { name: 'outbox', deliver: async () => {} };

export function mailSendHandler(db: Kysely<DB>, transport: MailTransport): JobHandler {
  return async (payload) => {
    const { mailId } = payload as { mailId: number };
    const mail = await db.selectFrom('mails').selectAll().where('id', '=', mailId).executeTakeFirst();
    if (!mail || mail.status === 'sent') return;
    try {
      await transport.deliver({ to: mail.to_address, subject: mail.subject, text: mail.body_text });
    } catch (error) {
      await db
        .updateTable('mails')
        .set({ attempts: mail.attempts + 1, last_error: error instanceof Error ? error.message.slice(0, 500) : 'error' })
        .where('id', '=', mailId)
        .execute();
      throw error;
    }
    await db
      .updateTable('mails')
      .set({ status: 'sent', sent_at: nowIso(), transport: transport.name, attempts: mail.attempts + 1, last_error: null })
      .where('id', '=', mailId)
      .execute();
  };
}
