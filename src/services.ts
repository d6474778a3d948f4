/**
 * Composition root: everything a use-case may need, built once from the database and the config.
 */
import type { Kysely } from 'kysely';
import type { Config } from './config.js';
import type { Database, Engine } from './platform/db/database.js';
import type { DB } from './platform/db/schema.js';
import { type MailTransport, outboxTransport, smtpTransport } from './platform/mail/mail.js';
import { databaseFileStorage, type FileStorage } from './platform/files/storage.js';
import { SettingsCache } from './features/settings/settings-cache.js';

export interface Services {
  config: Config;
  database: Database;
  db: Kysely<DB>;
  engine: Engine;
  settings: SettingsCache;
  mailTransport: MailTransport;
  files: FileStorage;
  /** The current instant. Tests replace it to stand on a deadline's last second; everything time-bound reads it. */
  clock: () => Date;
}

export function createServices(
  database: Database,
  config: Config,
  overrides: Partial<Pick<Services, 'mailTransport' | 'clock'>> = {},
): Services {
  return {
    config,
    database,
    db: database.db,
    engine: database.engine,
    settings: new SettingsCache(database.db),
    files: databaseFileStorage(database.db),
    mailTransport: overrides.mailTransport ?? (config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : outboxTransport),
    clock: overrides.clock ?? (() => new Date()),
  };
}

/** A clock that starts at `start` and advances in real time (test servers: `FAKE_NOW`). */
export function clockFrom(start: Date): () => Date {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
