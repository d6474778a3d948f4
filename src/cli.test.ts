import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';

function cli(env: Record<string, string>, args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'silent', ...env },
    input,
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('admin CLI, backup and restore (SQLite)', () => {
  let dir: string;
  let env: Record<string, string>;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'wspolnie-cli-'));
    env = { DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`, SESSION_SECRET: 's'.repeat(40) };
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const query = <T>(sql: string, ...params: unknown[]) => {
    const db = new SQLite(join(dir, 'db.sqlite'), { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  it('creates the first administrator, grants and revokes the official role, all audited as "cli"', () => {
    const created = cli(
      env,
      ['create-admin', '--email', 'Pierwsza@Example.org', '--name', 'Pierwsza Administratorka', '--password-stdin'],
      'bardzo-dlugie-haslo\n',
    );
    assert.equal(created.status, 0, created.stderr);
    assert.match(created.stdout, /Utworzono administratora pierwsza@example\.org/);
    const weak = cli(env, ['create-admin', '--email', 'druga@example.org', '--name', 'Druga', '--password-stdin'], 'krotkie\n');
    assert.equal(weak.status, 1);
    assert.match(weak.stderr, /co najmniej 12 znaków/);

    assert.equal(cli(env, ['grant-official', '--email', 'pierwsza@example.org']).status, 0);
    const roles = query<{ role: string }>('select role from user_roles order by role');
    assert.deepEqual(
      roles.map((r) => r.role),
      ['administrator', 'official'],
    );
    const revoked = cli(env, ['revoke-official', '--email', 'pierwsza@example.org']);
    assert.equal(revoked.status, 0);
    assert.match(revoked.stdout, /Odebrano rolę urzędnika/);
    const unknown = cli(env, ['grant-official', '--email', 'nikt@example.org']);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stderr, /Nie ma konta nikt@example\.org/);

    const audit = query<{ action: string; actor_label: string }>('select action, actor_label from audit_log order by id');
    assert.deepEqual(
      audit.map((a) => a.action),
      ['account.created_as_administrator', 'role.granted', 'role.revoked'],
    );
    assert.ok(audit.every((a) => a.actor_label === 'cli'));
  });

  it('backs up a consistent snapshot and restores it, keeping the replaced file', () => {
    const backupFile = join(dir, 'backups', 'snapshot.sqlite');
    const backup = cli(env, ['backup', '--output', backupFile]);
    assert.equal(backup.status, 0, backup.stderr);
    assert.ok(existsSync(backupFile));

    // A change after the backup…
    assert.equal(cli(env, ['grant-official', '--email', 'pierwsza@example.org']).status, 0);
    assert.equal(query('select * from user_roles').length, 2);

    // …is gone after the restore, and the replaced database is kept beside it.
    const restore = cli(env, ['restore', backupFile]);
    assert.equal(restore.status, 0, restore.stderr);
    assert.equal(query('select * from user_roles').length, 1);
    assert.equal(query('select * from audit_log').length, 3);
    assert.ok(readdirSync(dir).some((f) => f.startsWith('db.sqlite.before-restore-')));

    const broken = join(dir, 'not-a-backup.sqlite');
    spawnSync('sh', ['-c', `echo garbage > ${broken}`]);
    const refused = cli(env, ['restore', broken]);
    assert.equal(refused.status, 1);
    assert.equal(query('select * from audit_log').length, 3, 'a refused restore leaves the database alone');
  });
});
