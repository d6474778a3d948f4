/**
 * Applies `db/migrations/*.ts` in name order. Each migration exports
 * `up(db, engine)`; the engine lets one file serve SQLite and PostgreSQL.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database, Engine } from './database.js';

export const migrationsFolder = fileURLToPath(new URL('../../../db/migrations/', import.meta.url));

export interface EngineMigration {
  up(db: Kysely<unknown>, engine: Engine): Promise<void>;
}

class FolderMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(migrationsFolder)).filter((f) => /^\d{8}T\d{4}_[a-z0-9_]+\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const module = (await import(pathToFileURL(join(migrationsFolder, file)).href)) as EngineMigration;
      migrations[file.replace(/\.ts$/, '')] = { up: (db) => module.up(db, this.engine) };
    }
    return migrations;
  }
}

export async function migrateToLatest(database: Database): Promise<string[]> {
  const migrator = new Migrator({ db: database.db, provider: new FolderMigrationProvider(database.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
