/**
 * Freshness reminders on both engines, each from empty migrations: who gets the reminder (active
 * administrators of stale verified organisations only), once per 30 days, idempotent under
 * concurrent runs; and the recurring daily job scheduled exactly once across instances.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDatabase, type Database } from '../../platform/db/database.js';
import type { Job, MembershipRole, MembershipStatus, OrganizationStatus } from '../../platform/db/schema.js';
import { warsawParts } from '../../platform/i18n/format.js';
import { ensureRecurringJob, JobWorker, nextWarsawTime } from '../../platform/jobs/jobs.js';
import { mailSendHandler, mailSendJob } from '../../platform/mail/mail.js';
import { createServices, type Services } from '../../services.js';
import { testEngines } from '../../test-support/databases.js';
import { createTestApp, createUser, type TestApp } from '../../test-support/test-app.js';
import { polishSortKey } from './polish-order.js';
import { freshnessJob, freshnessJobHandler, scheduleFreshnessJob, sendFreshnessReminders } from './send-freshness-reminders.js';

const day = 86_400_000;
const ago = (days: number, now = Date.now()) => new Date(now - days * day).toISOString();

async function addOrganization(
  services: Services,
  name: string,
  fields: { status: OrganizationStatus; verifiedDaysAgo?: number; confirmedDaysAgo?: number; createdDaysAgo?: number },
  members: Array<{ userId: number; role: MembershipRole; status: MembershipStatus }> = [],
): Promise<number> {
  const row = await services.db
    .insertInto('organizations')
    .values({
      name,
      slug: name.toLowerCase().replace(/[^a-z]+/g, '-'),
      name_sort_key: polishSortKey(name),
      status: fields.status,
      created_at: ago(fields.createdDaysAgo ?? 1000),
      created_by: null,
      verified_at: fields.verifiedDaysAgo === undefined ? null : ago(fields.verifiedDaysAgo),
      last_confirmed_at: fields.confirmedDaysAgo === undefined ? null : ago(fields.confirmedDaysAgo),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const m of members) {
    await services.db
      .insertInto('organization_members')
      .values({ organization_id: row.id, user_id: m.userId, role: m.role, status: m.status, joined_at: ago(500) })
      .execute();
  }
  return row.id;
}

const mailsTo = async (services: Services) =>
  (await services.db.selectFrom('mails').select(['to_address', 'subject', 'body_text']).orderBy('id').execute()).map(
    (m) => m.to_address,
  );

/** A second "instance": its own connection pool on PostgreSQL (SQLite is one file per process). */
function secondInstance(t: TestApp): { services: Services; close: () => Promise<void> } {
  if (!t.testDatabase.url) return { services: t.services, close: async () => {} };
  const database: Database = createDatabase({ engine: 'postgres', url: t.testDatabase.url });
  return { services: createServices(database, t.services.config), close: () => database.close() };
}

const pendingRuns = (services: Services) =>
  services.db.selectFrom('jobs').selectAll().where('kind', '=', freshnessJob).where('status', '=', 'pending').execute();

for (const engine of await testEngines()) {
  describe(`freshness reminders on ${engine}`, () => {
    let t: TestApp;
    const ids = { stale: 0, fresh: 0, unverified: 0, never: 0, noAdmin: 0 };
    before(async () => {
      t = await createTestApp({ engine });
      const s = t.services;
      const admin1 = await createUser(s, 'admin1@example.org');
      const admin2 = await createUser(s, 'admin2@example.org');
      const member = await createUser(s, 'czlonek@example.org');
      const pendingAdmin = await createUser(s, 'oczekujacy@example.org');
      const freshAdmin = await createUser(s, 'swieza@example.org');
      const unverifiedAdmin = await createUser(s, 'niezweryfikowana@example.org');
      const neverAdmin = await createUser(s, 'cma@example.org');
      ids.stale = await addOrganization(
        s,
        'Stowarzyszenie Stare Dane',
        { status: 'verified', verifiedDaysAgo: 800, confirmedDaysAgo: 400 },
        [
          { userId: admin1, role: 'admin', status: 'active' },
          { userId: admin2, role: 'admin', status: 'active' },
          { userId: member, role: 'member', status: 'active' },
          { userId: pendingAdmin, role: 'admin', status: 'pending' },
        ],
      );
      ids.fresh = await addOrganization(
        s,
        'Fundacja Świeża',
        { status: 'verified', verifiedDaysAgo: 800, confirmedDaysAgo: 300 },
        [{ userId: freshAdmin, role: 'admin', status: 'active' }],
      );
      ids.unverified = await addOrganization(s, 'Klub Niezweryfikowany', { status: 'pending', createdDaysAgo: 800 }, [
        { userId: unverifiedAdmin, role: 'admin', status: 'active' },
      ]);
      // Never confirmed: verified 14 months ago counts as the last confirmation.
      ids.never = await addOrganization(s, 'Ćma', { status: 'verified', verifiedDaysAgo: 430 }, [
        { userId: neverAdmin, role: 'admin', status: 'active' },
      ]);
      ids.noAdmin = await addOrganization(s, 'Bez Administratora', { status: 'verified', verifiedDaysAgo: 800 });
    });
    after(async () => t.close());

    it('reminds the active administrators of stale verified organisations, once', async () => {
      const first = await sendFreshnessReminders(t.services);
      assert.deepEqual(first, { reminded: 2, mails: 3 });
      assert.deepEqual((await mailsTo(t.services)).sort(), ['admin1@example.org', 'admin2@example.org', 'cma@example.org']);
      const mail = await t.services.db
        .selectFrom('mails')
        .selectAll()
        .where('to_address', '=', 'admin1@example.org')
        .executeTakeFirstOrThrow();
      assert.equal(mail.subject, 'Czy dane są aktualne? – Stowarzyszenie Stare Dane');
      assert.match(mail.body_text, /^Dzień dobry,/);
      assert.ok(mail.body_text.includes('http://localhost:3000/organizacje/stowarzyszenie-stare-dane\n'), mail.body_text);
      assert.ok(mail.body_text.includes('http://localhost:3000/organizacje/stowarzyszenie-stare-dane/edycja\n'));
      assert.ok(mail.body_text.includes('http://localhost:3000/organizacje/stowarzyszenie-stare-dane#potwierdz-dane\n'));

      const reminded = await t.services.db
        .selectFrom('organizations')
        .select(['id', 'freshness_reminded_at'])
        .where('freshness_reminded_at', 'is not', null)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        reminded.map((r) => r.id),
        [ids.stale, ids.never],
      );
      assert.ok(Date.now() - Date.parse(reminded[0]!.freshness_reminded_at!) < 60_000);
      const audit = await t.services.db
        .selectFrom('audit_log')
        .select(['subject_id', 'actor_label'])
        .where('action', '=', 'organization.freshness_reminded')
        .orderBy('subject_id')
        .execute();
      assert.deepEqual(
        audit.map((a) => [Number(a.subject_id), a.actor_label]).sort(),
        [
          [ids.stale, 'system'],
          [ids.never, 'system'],
        ].sort(),
      );

      const again = await sendFreshnessReminders(t.services);
      assert.deepEqual(again, { reminded: 0, mails: 0 }, 'run twice, nothing is sent twice');
      assert.equal((await mailsTo(t.services)).length, 3);
    });

    it('does not remind again within 30 days, and does after', async () => {
      const in20Days = new Date(Date.now() + 20 * day);
      assert.deepEqual(await sendFreshnessReminders(t.services, in20Days), { reminded: 0, mails: 0 });
      const in31Days = new Date(Date.now() + 31 * day);
      // By then "Fundacja Świeża" (confirmed 300 days ago) is not yet 12 months old either.
      assert.deepEqual(await sendFreshnessReminders(t.services, in31Days), { reminded: 2, mails: 3 });
      assert.equal((await mailsTo(t.services)).length, 6);
      // Confirming the data takes the organisation off the list.
      await t.services.db
        .updateTable('organizations')
        .set({ last_confirmed_at: new Date().toISOString() })
        .where('id', '=', ids.stale)
        .execute();
      const in62Days = new Date(Date.now() + 62 * day);
      assert.deepEqual(await sendFreshnessReminders(t.services, in62Days), { reminded: 1, mails: 1 });
    });

    it('sends one reminder per administrator when two instances run at the same moment', async () => {
      const admin = await createUser(t.services, 'rownolegle@example.org');
      const id = await addOrganization(
        t.services,
        'Równoległa',
        { status: 'verified', verifiedDaysAgo: 900, confirmedDaysAgo: 500 },
        [{ userId: admin, role: 'admin', status: 'active' }],
      );
      const other = secondInstance(t);
      try {
        const results = await Promise.all([sendFreshnessReminders(t.services), sendFreshnessReminders(other.services)]);
        assert.equal(results[0].mails + results[1].mails, 1);
      } finally {
        await other.close();
      }
      const mails = await t.services.db
        .selectFrom('mails')
        .select('id')
        .where('to_address', '=', 'rownolegle@example.org')
        .execute();
      assert.equal(mails.length, 1);
      const audit = await t.services.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'organization.freshness_reminded')
        .where('subject_id', '=', String(id))
        .execute();
      assert.equal(audit.length, 1);
    });

    it('schedules the daily run once, even when two instances start at the same moment', async () => {
      const other = secondInstance(t);
      try {
        for (let round = 0; round < 10; round++) {
          await t.services.db.deleteFrom('jobs').where('kind', '=', freshnessJob).execute();
          const scheduled = await Promise.all([scheduleFreshnessJob(t.services), scheduleFreshnessJob(other.services)]);
          assert.equal(scheduled.filter(Boolean).length, 1, `round ${round}: ${JSON.stringify(scheduled)}`);
          assert.equal((await pendingRuns(t.services)).length, 1);
        }
      } finally {
        await other.close();
      }
      const [run] = await pendingRuns(t.services);
      assert.equal(warsawParts(new Date(run!.run_at)).time, '03:00:00');
      assert.ok(Date.parse(run!.run_at) > Date.now() && Date.parse(run!.run_at) <= Date.now() + 25 * 3600_000);
      assert.equal(run!.recurring, 1);
      assert.equal(await scheduleFreshnessJob(t.services), false, 'a pending run is not scheduled again');
    });

    it('runs the due job once with two workers, and reschedules the next run exactly once', async () => {
      const { db } = t.services;
      await db.deleteFrom('jobs').where('kind', '=', freshnessJob).execute();
      const admin = await createUser(t.services, 'zadanie@example.org');
      await addOrganization(t.services, 'Zadanie Dzienne', { status: 'verified', verifiedDaysAgo: 900 }, [
        { userId: admin, role: 'admin', status: 'active' },
      ]);
      assert.equal(await ensureRecurringJob(db, freshnessJob, new Date(Date.now() - 60_000)), true);
      const other = secondInstance(t);
      const workerFor = (services: Services, database: Database) =>
        new JobWorker(
          database,
          {
            [mailSendJob]: mailSendHandler(services.db, services.mailTransport),
            [freshnessJob]: freshnessJobHandler(services),
          },
          t.app.log,
          50,
        );
      try {
        await Promise.all([
          workerFor(t.services, t.services.database).drain(),
          workerFor(other.services, other.services.database).drain(),
        ]);
      } finally {
        await other.close();
      }
      const runs = await db.selectFrom('jobs').selectAll().where('kind', '=', freshnessJob).orderBy('id').execute();
      assert.deepEqual(
        runs.map((r) => r.status),
        ['done', 'pending'],
      );
      assert.equal(warsawParts(new Date(runs[1]!.run_at)).time, '03:00:00');
      assert.ok(Date.parse(runs[1]!.run_at) > Date.now(), 'the next run is in the future');
      assert.equal(runs[1]!.recurring, 1);
      const mail = await db.selectFrom('mails').selectAll().where('to_address', '=', 'zadanie@example.org').execute();
      assert.equal(mail.length, 1);
      assert.equal(mail[0]!.status, 'sent', 'the reminder was delivered by the mail job');
    });

    it('a run handled twice (a worker reclaiming a stale lock) schedules the next run once', async () => {
      const { db } = t.services;
      await db.deleteFrom('jobs').where('kind', '=', freshnessJob).execute();
      await ensureRecurringJob(db, freshnessJob, new Date(Date.now() - 60_000));
      const job: Job = await db
        .updateTable('jobs')
        .set({ status: 'running', locked_at: new Date().toISOString(), locked_by: 'test', attempts: 1 })
        .where('kind', '=', freshnessJob)
        .returningAll()
        .executeTakeFirstOrThrow();
      const handler = freshnessJobHandler(t.services);
      await Promise.all([handler({}, job), handler({}, job)]);
      await handler({}, job);
      assert.equal((await pendingRuns(t.services)).length, 1);
      // Another instance starting meanwhile sees the run in hand and the next one: nothing to add.
      assert.equal(await scheduleFreshnessJob(t.services), false);
    });

    it('the next run is at 03:00 Warsaw time across the daylight-saving changes', () => {
      // 2026-03-29: clocks go forward at 02:00 (CET → CEST); 2026-10-25: back at 03:00.
      assert.equal(nextWarsawTime(new Date('2026-03-28T02:30:00Z'), '03:00').toISOString(), '2026-03-29T01:00:00.000Z');
      assert.equal(nextWarsawTime(new Date('2026-03-29T01:00:00Z'), '03:00').toISOString(), '2026-03-30T01:00:00.000Z');
      assert.equal(nextWarsawTime(new Date('2026-10-24T12:00:00Z'), '03:00').toISOString(), '2026-10-25T02:00:00.000Z');
      assert.equal(nextWarsawTime(new Date('2026-07-01T00:59:59Z'), '03:00').toISOString(), '2026-07-01T01:00:00.000Z');
    });
  });
}
