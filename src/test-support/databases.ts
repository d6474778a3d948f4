/**
 * Test databases on both engines, each created empty and migrated for one test file, then dropped.
 * PostgreSQL tests need a server (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 * With CI=true a missing server fails the run; otherwise the PostgreSQL half is skipped with a loud notice.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDatabase, type Database, type Engine } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';

export const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let availability: Promise<boolean> | undefined;

export function postgresAvailable(): Promise<boolean> {
  availability ??= (async () => {
    const client = new pg.Client({ connectionString: postgresAdminUrl, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return availability;
}

/** The engines to test on. Throws under CI when PostgreSQL is not reachable. */
export async function testEngines(): Promise<Engine[]> {
  if (await postgresAvailable()) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true') throw new Error(`CI=true but PostgreSQL is not reachable at ${postgresAdminUrl}`);
  process.stderr.write(
    `\n!!! PostgreSQL not reachable at ${postgresAdminUrl}: PostgreSQL database tests are SKIPPED (they are required when CI=true) !!!\n\n`,
  );
  return ['sqlite'];
}

export interface TestDatabase {
  database: Database;
  /** The URL of a PostgreSQL test database (for a second app instance), or null on SQLite. */
  url: string | null;
  drop(): Promise<void>;
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(engine: Engine, options: { file?: string } = {}): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const database = createDatabase({ engine: 'sqlite', file: options.file ?? ':memory:' });
    await migrateToLatest(database);
    return { database, url: null, drop: () => database.close() };
  }
  const name = `wspolnie_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ engine: 'postgres', url: url.toString() });
  await migrateToLatest(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}
