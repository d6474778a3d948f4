/**
 * Two app instances on one PostgreSQL database, without sticky sessions: a person signed in through
 * one is signed in on the other, a form fetched from one can be posted to the other, and every
 * queued mail is delivered exactly once to a real SMTP server although both workers poll the queue.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createTestDatabase, testEngines, type TestDatabase } from '../test-support/databases.js';
import { freePort, HttpClient, startServer, type ServerProcess } from '../test-support/processes.js';
import { demoAccounts, demoPassword } from '../demo/seed-demo.js';
import { mailSendJob } from './mail/mail.js';

const engines = await testEngines();

describe(
  'two app instances on one PostgreSQL',
  { skip: !engines.includes('postgres') && 'PostgreSQL not reachable (required when CI=true)' },
  () => {
    let database: TestDatabase;
    let smtp: SMTPServer;
    const received: Array<{ to: string; subject: string }> = [];
    let a: ServerProcess;
    let b: ServerProcess;

    before(async () => {
      database = await createTestDatabase('postgres');
      const smtpPort = await freePort();
      smtp = new SMTPServer({
        authOptional: true,
        disabledCommands: ['AUTH', 'STARTTLS'],
        logger: false,
        onData(stream, session, callback) {
          let raw = '';
          stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
          stream.on('end', () => {
            const subject = /^Subject: (.*)$/m.exec(raw)?.[1] ?? '';
            for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, subject });
            callback();
          });
        },
      });
      await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
      const env = {
        DATABASE_URL: database.url!,
        SESSION_SECRET: 'shared-secret-of-both-instances-0123456789',
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        SEED_DEMO: 'always',
      };
      a = await startServer(env);
      b = await startServer(env);
    });

    after(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await database.drop();
    });

    it('keeps a person signed in across instances (sessions and CSRF secrets in the database and cookies)', async () => {
      const client = new HttpClient();
      await client.get(`${a.url}/logowanie`);
      // The form came from instance A; it is posted to instance B.
      const signIn = await client.post(`${b.url}/logowanie`, { email: demoAccounts[0]!.email, password: demoPassword });
      assert.equal(signIn.status, 303, signIn.body.slice(0, 300));
      for (const instance of [a, b]) {
        const account = await client.get(`${instance.url}/konto`);
        assert.equal(account.status, 200);
        assert.match(account.body, new RegExp(demoAccounts[0]!.displayName));
      }
      // Signing out on A ends the session on B too.
      await client.post(`${a.url}/wyloguj`, {});
      assert.equal((await client.get(`${b.url}/konto`)).status, 303);
    });

    it('delivers every queued mail exactly once while both workers poll', async () => {
      const client = new HttpClient();
      const addresses = demoAccounts.map((account) => account.email);
      for (let round = 0; round < 3; round++) {
        for (const [i, email] of addresses.entries()) {
          const instance = (round + i) % 2 === 0 ? a : b;
          await client.get(`${instance.url}/haslo/przypomnij`);
          const response = await client.post(`${instance.url}/haslo/przypomnij`, { email });
          assert.equal(response.status, 303);
        }
      }
      const expected = addresses.length * 3;
      const deadline = Date.now() + 20_000;
      while (received.length < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 1000)); // a duplicate would arrive in this window
      assert.equal(received.length, expected);
      for (const email of addresses) assert.equal(received.filter((m) => m.to === email).length, 3, email);
      const mails = await database.database.db.selectFrom('mails').select(['status', 'transport']).execute();
      assert.equal(mails.length, expected);
      assert.ok(mails.every((m) => m.status === 'sent' && m.transport === 'smtp'));
      // Mail jobs only: recurring jobs (the daily freshness reminders) stay pending for their next run.
      const jobs = await database.database.db
        .selectFrom('jobs')
        .select(['status', 'attempts', 'locked_by'])
        .where('kind', '=', mailSendJob)
        .execute();
      assert.equal(jobs.length, expected);
      assert.ok(jobs.every((j) => j.status === 'done' && j.attempts === 1));
    });
  },
);
