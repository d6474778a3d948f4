/**
 * One Kysely instance over SQLite (embedded default) or PostgreSQL. The query code is the same on
 * both; the few engine differences (ids, job claiming, search) live behind `engine`.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config.js';
import type { DB } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// timestamptz → ISO string, so both engines hand the same shape to the code above.
pg.types.setTypeParser(1184, (v) => new Date(v).toISOString());
pg.types.setTypeParser(1114, (v) => new Date(`${v}Z`).toISOString());

export function createDatabase(settings: Config['database']): Database {
  if (settings.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: settings.url, max: 10 });
    // An idle connection can be closed by the server (restart, failover, administrator). pg-pool
    // then drops that client and opens a new one for the next query; without a listener the
    // 'error' event would crash the process.
    pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'postgres',
      ping: async () => {
        await sql`select 1`.execute(db);
      },
      close: () => db.destroy(),
    };
  }
  if (settings.file !== ':memory:') mkdirSync(dirname(settings.file), { recursive: true });
  const sqlite = new SQLite(settings.file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    db,
    engine: 'sqlite',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/** The current time as the ISO-8601 UTC string stored in every timestamp column. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock().toISOString();
}
