/**
 * The platform's database mechanics on both engines, each from empty migrations: the append-only
 * audit log, jobs claimed exactly once with retries and backoff, sign-in throttling, single-use
 * tokens, sessions, and optimistic locking of settings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pino } from 'pino';
import { createTestDatabase, testEngines, type TestDatabase } from '../test-support/databases.js';
import { recordAudit, systemActor } from './audit/audit.js';
import { createSession, destroyUserSessions, loadSession } from './auth/sessions.js';
import { lockedMinutesLeft, recordFailure, throttleKey } from './auth/sign-in-throttle.js';
import { backoffDelayMs, enqueueJob, JobWorker } from './jobs/jobs.js';
import { consumeToken, issueToken } from '../features/accounts/accounts.repo.js';
import { readSettings } from '../features/settings/settings.repo.js';
import { defaultSiteSettings } from '../features/settings/settings.schema.js';
import { updateSettings } from '../features/settings/update-settings.js';
import { createServices } from '../services.js';
import { testConfig } from '../test-support/test-app.js';

const log = pino({ level: 'silent' });

for (const engine of await testEngines()) {
  describe(`platform on ${engine}`, () => {
    let t: TestDatabase;
    let userId: number;
    before(async () => {
      t = await createTestDatabase(engine);
      const now = new Date().toISOString();
      const user = await t.database.db
        .insertInto('users')
        .values({
          email: 'a@example.org',
          display_name: 'A',
          password_hash: 'x',
          email_confirmed_at: now,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = user.id;
    });
    after(async () => t.drop());

    it('keeps the audit log append-only: the database refuses updates and deletes', async () => {
      const { db } = t.database;
      await recordAudit(db, {
        actor: systemActor,
        action: 'test.happened',
        subjectType: 'test',
        subjectId: 1,
        before: { a: 1 },
        after: { a: 2 },
      });
      const entry = await db.selectFrom('audit_log').selectAll().where('action', '=', 'test.happened').executeTakeFirstOrThrow();
      assert.deepEqual(JSON.parse(entry.after_json!), { a: 2 });
      await assert.rejects(
        db.updateTable('audit_log').set({ action: 'tampered' }).where('id', '=', entry.id).execute(),
        /append-only/,
      );
      await assert.rejects(db.deleteFrom('audit_log').where('id', '=', entry.id).execute(), /append-only/);
      const still = await db.selectFrom('audit_log').select('action').where('id', '=', entry.id).executeTakeFirstOrThrow();
      assert.equal(still.action, 'test.happened');
    });

    it('runs each job exactly once even with several workers polling at the same time', async () => {
      const { db } = t.database;
      const seen: number[] = [];
      const handler = async (payload: unknown) => {
        seen.push((payload as { n: number }).n);
        await new Promise((r) => setTimeout(r, 2));
      };
      for (let n = 0; n < 40; n++) await enqueueJob(db, 'test.count', { n });
      const workers = [1, 2, 3].map(() => new JobWorker(t.database, { 'test.count': handler }, log, 50));
      const processed = await Promise.all(workers.map((w) => w.drain()));
      assert.equal(
        processed.reduce((a, b) => a + b, 0),
        40,
      );
      assert.deepEqual(
        [...seen].sort((a, b) => a - b),
        Array.from({ length: 40 }, (_, i) => i),
      );
      const pending = await db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'test.count')
        .where('status', '!=', 'done')
        .execute();
      assert.equal(pending.length, 0);
    });

    it('retries a failing job with exponential backoff and marks it failed after max attempts', async () => {
      const { db } = t.database;
      let calls = 0;
      const worker = new JobWorker(
        t.database,
        {
          'test.flaky': async () => {
            calls++;
            throw new Error('SMTP down');
          },
        },
        log,
        50,
      );
      const id = await enqueueJob(db, 'test.flaky', {}, { maxAttempts: 2 });
      assert.equal(await worker.drain(), 1);
      let job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(job.status, 'pending');
      assert.equal(job.attempts, 1);
      assert.equal(job.last_error, 'SMTP down');
      assert.ok(Date.parse(job.run_at) > Date.now() + 3_000, 'next attempt is delayed');
      assert.equal(await worker.drain(), 0, 'not due yet');
      await db
        .updateTable('jobs')
        .set({ run_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', id)
        .execute();
      assert.equal(await worker.drain(), 1);
      job = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(job.status, 'failed');
      assert.equal(calls, 2);
      assert.deepEqual([1, 2, 3, 20].map(backoffDelayMs), [5_000, 10_000, 20_000, 3_600_000]);
    });

    it('reclaims a job whose worker died mid-run', async () => {
      const { db } = t.database;
      const id = await enqueueJob(db, 'test.orphan', {});
      await db
        .updateTable('jobs')
        .set({
          status: 'running',
          locked_by: 'dead-worker',
          locked_at: new Date(Date.now() - 10 * 60_000).toISOString(),
          attempts: 1,
        })
        .where('id', '=', id)
        .execute();
      let ran = 0;
      const worker = new JobWorker(
        t.database,
        {
          'test.orphan': async () => {
            ran++;
          },
        },
        log,
        50,
      );
      assert.equal(await worker.drain(), 1);
      assert.equal(ran, 1);
    });

    it('locks an account after repeated failures, for the configured minutes', async () => {
      const { db } = t.database;
      const key = throttleKey('account', `lock-${engine}@example.org`);
      const rule = { maxFailures: 3, lockMinutes: 15 };
      await recordFailure(db, key, rule);
      await recordFailure(db, key, rule);
      assert.equal(await lockedMinutesLeft(db, [key]), 0);
      await recordFailure(db, key, rule);
      assert.equal(await lockedMinutesLeft(db, [key]), 15);
      assert.equal(await lockedMinutesLeft(db, [key], new Date(Date.now() + 16 * 60_000)), 0);
      assert.doesNotMatch(key, /example/, 'the key is a hash, not the address');
    });

    it('uses a token once, even when two requests race for it', async () => {
      const { db } = t.database;
      const token = await issueToken(db, userId, 'reset_password', 60);
      const results = await Promise.all([consumeToken(db, token, 'reset_password'), consumeToken(db, token, 'reset_password')]);
      assert.deepEqual(
        results.filter((r) => r !== null),
        [userId],
      );
      assert.equal(await consumeToken(db, token, 'reset_password'), null);
      const expired = await issueToken(db, userId, 'reset_password', 60, new Date(Date.now() - 2 * 3600_000));
      assert.equal(await consumeToken(db, expired, 'reset_password'), null);
      const other = await issueToken(db, userId, 'confirm_email', 60);
      assert.equal(await consumeToken(db, other, 'reset_password'), null, 'a token only works for its purpose');
    });

    it('loads sessions by token, hides expired ones and ends them all on request', async () => {
      const { db } = t.database;
      const a = await createSession(db, userId, 'Mozilla/5.0 (X11; Linux x86_64) Chrome/150', 30);
      const b = await createSession(db, userId, undefined, 30);
      const loaded = await loadSession(db, a.token);
      assert.equal(loaded?.id, userId);
      assert.equal(loaded?.sessionId, a.sessionId);
      assert.equal(await loadSession(db, 'x'.repeat(43)), null);
      await db
        .updateTable('sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', b.sessionId)
        .execute();
      assert.equal(await loadSession(db, b.token), null);
      assert.equal(await destroyUserSessions(db, userId), 2);
      assert.equal(await loadSession(db, a.token), null);
    });

    it('refuses a settings save based on a stale version (optimistic locking)', async () => {
      const services = createServices(t.database, testConfig());
      assert.deepEqual(await updateSettings(services, userId, { ...defaultSiteSettings, municipalityName: 'Gmina A' }, 0), {
        ok: true,
      });
      assert.deepEqual(await updateSettings(services, userId, { ...defaultSiteSettings, municipalityName: 'Gmina B' }, 1), {
        ok: true,
      });
      // A second administrator still holding version 1 must not overwrite "Gmina B" silently.
      assert.deepEqual(await updateSettings(services, userId, { ...defaultSiteSettings, municipalityName: 'Gmina C' }, 1), {
        ok: false,
        reason: 'conflict',
      });
      const stored = await readSettings(t.database.db);
      assert.equal(stored.settings.municipalityName, 'Gmina B');
      assert.equal(stored.version, 2);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'settings.updated')
        .orderBy('id')
        .execute();
      assert.equal(audit.length, 2);
      assert.deepEqual(JSON.parse(audit[1]!.before_json!), { municipalityName: 'Gmina A' });
      assert.deepEqual(JSON.parse(audit[1]!.after_json!), { municipalityName: 'Gmina B' });
    });
  });
}
