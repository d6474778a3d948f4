/**
 * Backup and restore. SQLite: a consistent online snapshot with SQLite's backup API (the server may
 * keep running), restored by replacing the database file while the server is stopped. PostgreSQL:
 * `pg_dump --format=custom` and `pg_restore --clean`, the standard tools.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../../config.js';

export function defaultBackupPath(database: Config['database'], now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  return resolve('backups', `wspolnie-${stamp}.${database.engine === 'sqlite' ? 'sqlite' : 'dump'}`);
}

export async function backupDatabase(database: Config['database'], target: string): Promise<void> {
  mkdirSync(dirname(target), { recursive: true });
  if (database.engine === 'sqlite') {
    if (database.file === ':memory:') throw new Error('An in-memory database cannot be backed up.');
    if (!existsSync(database.file)) throw new Error(`No database at ${database.file}`);
    const source = new SQLite(database.file, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target);
    } finally {
      source.close();
    }
    verifySqliteBackup(target);
    return;
  }
  const result = spawnSync('pg_dump', ['--format=custom', '--no-owner', `--file=${target}`, database.url], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`pg_dump failed (exit ${result.status ?? 'signal'})`);
}

/** Checks that a file is an intact SQLite database of this platform (integrity check + migrations table). */
export function verifySqliteBackup(file: string): void {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity check failed: ${String(integrity)}`);
    const table = db.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!table) throw new Error('not a Wspólnie database (no migrations table)');
  } finally {
    db.close();
  }
}

/**
 * Restores a backup. The server must be stopped. On SQLite the current file is kept beside it as
 * `<name>.before-restore-<time>` so a wrong restore can be undone.
 */
export function restoreDatabase(database: Config['database'], source: string, now = new Date()): { keptAs: string | null } {
  if (!existsSync(source)) throw new Error(`No backup at ${source}`);
  if (database.engine === 'sqlite') {
    if (database.file === ':memory:') throw new Error('Cannot restore into an in-memory database.');
    verifySqliteBackup(source);
    mkdirSync(dirname(database.file), { recursive: true });
    let keptAs: string | null = null;
    if (existsSync(database.file)) {
      keptAs = `${database.file}.before-restore-${now.toISOString().replace(/[-:.]/g, '')}`;
      renameSync(database.file, keptAs);
    }
    for (const suffix of ['-wal', '-shm']) rmSync(`${database.file}${suffix}`, { force: true });
    copyFileSync(source, database.file);
    return { keptAs };
  }
  const result = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${database.url}`, source], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`pg_restore failed (exit ${result.status ?? 'signal'})`);
  return { keptAs: null };
}
