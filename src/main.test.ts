/**
 * The README's first command, as an operator runs it: on an empty SQLite database the server
 * migrates, seeds the demo, prints the address and the demo accounts, serves the Polish home page,
 * and on SIGTERM finishes the requests in flight and exits cleanly.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startServer } from './test-support/processes.js';
import { demoAccounts, demoPassword } from './demo/seed-demo.js';

describe('starting the platform', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wspolnie-main-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const env = { DATABASE_URL: `sqlite:${join(dir, 'data', 'wspolnie.sqlite')}`, SEED_DEMO: 'auto', NODE_ENV: 'development' };

  it('seeds the demo on an empty database, prints the accounts, serves Polish pages, stops gracefully', async () => {
    const server = await startServer(env);
    assert.match(server.output(), new RegExp(`Wspólnie działa: ${server.url.replace(/\./g, '\\.')}`));
    for (const account of demoAccounts) assert.ok(server.output().includes(account.email), account.email);
    assert.ok(server.output().includes(demoPassword));

    const home = await fetch(`${server.url}/`);
    assert.equal(home.status, 200);
    const html = await home.text();
    assert.match(html, /<html lang="pl">/);
    assert.match(html, /Miasto Leszno/);
    assert.match(html, /Biuro Pełnomocnika ds\. Współpracy z Organizacjami Pozarządowymi/);
    assert.deepEqual(await (await fetch(`${server.url}/readyz`)).json(), { status: 'ready', database: 'sqlite' });

    // Requests in flight when SIGTERM arrives still get a complete answer; the process exits 0.
    const inFlight = Array.from({ length: 20 }, () => fetch(`${server.url}/deklaracja-dostepnosci`).then((r) => r.status));
    await new Promise((r) => setTimeout(r, 5));
    const exit = server.stop('SIGTERM');
    const statuses = await Promise.allSettled(inFlight);
    assert.equal(await exit, 0);
    for (const s of statuses) {
      if (s.status === 'fulfilled') assert.ok([200, 503].includes(s.value), `status ${s.value}`);
    }
    assert.ok(statuses.some((s) => s.status === 'fulfilled' && s.value === 200));
  });

  it('never seeds a database that already holds data, and does not seed in production unless asked', async () => {
    const again = await startServer(env);
    await again.stop();
    const count = (await import('better-sqlite3')).default;
    const db = new count(join(dir, 'data', 'wspolnie.sqlite'), { readonly: true });
    const users = db.prepare('select count(*) as n from users').get() as { n: number };
    const seeds = db.prepare("select count(*) as n from audit_log where action = 'demo.seeded'").get() as { n: number };
    db.close();
    assert.equal(users.n, demoAccounts.length);
    assert.equal(seeds.n, 1);

    const production = await startServer({
      DATABASE_URL: `sqlite:${join(dir, 'prod', 'wspolnie.sqlite')}`,
      NODE_ENV: 'production',
      SESSION_SECRET: 'p'.repeat(40),
      SEED_DEMO: 'auto',
    });
    assert.doesNotMatch(production.output(), /Konta demonstracyjne/);
    assert.equal((await fetch(`${production.url}/komponenty`)).status, 404, 'no developer pages in production');
    assert.equal(await production.stop(), 0);
  });

  it('refuses to start in production without a session secret', async () => {
    await assert.rejects(
      startServer({ DATABASE_URL: `sqlite:${join(dir, 'nosecret', 'db.sqlite')}`, NODE_ENV: 'production', SESSION_SECRET: '' }),
      /SESSION_SECRET/,
    );
  });
});
