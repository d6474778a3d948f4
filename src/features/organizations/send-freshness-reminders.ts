/**
 * Freshness (issue #3, point 6): a verified organisation whose data nobody confirmed for 12 months
 * gets a reminder — "Czy dane są aktualne?" — mailed to its active administrators, at most once in
 * 30 days. The daily recurring job `organizations.freshness` runs it at 03:00 Europe/Warsaw.
 */
import { type Kysely, sql } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, systemActor } from '../../platform/audit/audit.js';
import type { DB, Job } from '../../platform/db/schema.js';
import { translatorFor } from '../../platform/i18n/i18n.js';
import { ensureRecurringJob, nextWarsawTime, type JobHandler } from '../../platform/jobs/jobs.js';
import { queueMail } from '../../platform/mail/mail.js';
import { activeAdminEmails } from './organizations.repo.js';

export const freshnessJob = 'organizations.freshness';
/** The daily run, on the Warsaw wall clock. */
export const freshnessRunTime = '03:00';
export const staleAfterMonths = 12;
export const remindAgainAfterDays = 30;

/** Data older than this instant are stale: `staleAfterMonths` calendar months before `now`. */
export function staleCutoff(now: Date): string {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - staleAfterMonths);
  return cutoff.toISOString();
}

/** Members are offered "the data are current" on the profile once this many months passed since the last confirmation. */
export const offerConfirmationAfterMonths = 6;

/** Is it time to ask the members to confirm the data (a verified organisation, last known current long enough ago)? */
export function confirmationDue(
  organization: { status: string; last_confirmed_at: string | null; verified_at: string | null; created_at: string },
  now = new Date(),
): boolean {
  const since = organization.last_confirmed_at ?? organization.verified_at ?? organization.created_at;
  const offerFrom = new Date(now.getTime());
  offerFrom.setUTCMonth(offerFrom.getUTCMonth() - offerConfirmationAfterMonths);
  return organization.status === 'verified' && since < offerFrom.toISOString();
}

/** When the data were last known to be current: confirmed, else verified, else registered. */
export const confirmedOrVerified = sql<string>`coalesce(organizations.last_confirmed_at, organizations.verified_at, organizations.created_at)`;

/** Verified organisations whose data are older than the cutoff (the list officials see, and the job's candidates). */
export function staleOrganizations(db: Kysely<DB>, now: Date) {
  return db
    .selectFrom('organizations')
    .where('organizations.status', '=', 'verified')
    .where(confirmedOrVerified, '<', staleCutoff(now));
}

export interface FreshnessRunResult {
  /** Organisations whose administrators were mailed in this run. */
  reminded: number;
  mails: number;
}

const batchSize = 200;

/**
 * Queues one Polish reminder per stale organisation to each of its active administrators and records
 * `freshness_reminded_at`, each organisation in its own transaction. Idempotent: an organisation is
 * claimed by a conditional UPDATE, so a second run (or a second worker at the same time) finds it
 * already reminded and sends nothing. An organisation without an active administrator is skipped
 * (nobody to mail; the officials' list shows no reminder).
 */
export async function sendFreshnessReminders(services: Services, now = new Date()): Promise<FreshnessRunResult> {
  const t = translatorFor('pl');
  const remindedBefore = new Date(now.getTime() - remindAgainAfterDays * 86_400_000).toISOString();
  const nowIso = now.toISOString();
  const notRemindedLately = (qb: ReturnType<typeof staleOrganizations>) =>
    qb.where((eb) =>
      eb.or([
        eb('organizations.freshness_reminded_at', 'is', null),
        eb('organizations.freshness_reminded_at', '<', remindedBefore),
      ]),
    );
  const result: FreshnessRunResult = { reminded: 0, mails: 0 };
  let afterId = 0;
  for (;;) {
    const batch = await notRemindedLately(staleOrganizations(services.db, now))
      .select(['organizations.id', 'organizations.name', 'organizations.slug'])
      .where('organizations.id', '>', afterId)
      .orderBy('organizations.id')
      .limit(batchSize)
      .execute();
    if (batch.length === 0) return result;
    afterId = batch[batch.length - 1]!.id;
    for (const organization of batch) {
      const mails = await services.db.transaction().execute(async (trx) => {
        const admins = await activeAdminEmails(trx, organization.id);
        if (admins.length === 0) return 0;
        // The claim: a conditional UPDATE, so only one run moves the reminder date of an organisation
        // that is stale and not reminded lately (on PostgreSQL a concurrent run waits for the row lock,
        // then re-checks the conditions and updates nothing).
        const updated = await trx
          .updateTable('organizations')
          .set({ freshness_reminded_at: nowIso })
          .where('id', '=', organization.id)
          .where('status', '=', 'verified')
          .where(confirmedOrVerified, '<', staleCutoff(now))
          .where((eb) => eb.or([eb('freshness_reminded_at', 'is', null), eb('freshness_reminded_at', '<', remindedBefore)]))
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return 0;
        const base = `${services.config.baseUrl}/organizacje/${organization.slug}`;
        const params = {
          organization: organization.name,
          profileLink: base,
          editLink: `${base}/edycja`,
          confirmLink: `${base}#potwierdz-dane`,
        };
        for (const admin of admins) {
          await queueMail(trx, {
            to: admin.email,
            subject: t('organizations.freshness.mail.subject', params),
            text: t('organizations.freshness.mail.body', params),
          });
        }
        await recordAudit(trx, {
          actor: systemActor,
          action: 'organization.freshness_reminded',
          subjectType: 'organization',
          subjectId: organization.id,
          after: { freshness_reminded_at: nowIso, recipients: admins.length },
        });
        return admins.length;
      });
      if (mails > 0) {
        result.reminded += 1;
        result.mails += mails;
      }
    }
  }
}

/**
 * The job handler: schedules tomorrow's run first (so a failure today never ends the chain), then
 * sends today's reminders.
 */
export function freshnessJobHandler(services: Services, clock: () => Date = () => new Date()): JobHandler {
  return async (_payload: unknown, job: Job) => {
    const now = clock();
    await ensureRecurringJob(services.db, freshnessJob, nextWarsawTime(now, freshnessRunTime), job);
    await sendFreshnessReminders(services, now);
  };
}

/** Called by every instance at start: the first run, unless one is already scheduled. */
export function scheduleFreshnessJob(services: Services, now = new Date()): Promise<boolean> {
  return ensureRecurringJob(services.db, freshnessJob, nextWarsawTime(now, freshnessRunTime));
}
