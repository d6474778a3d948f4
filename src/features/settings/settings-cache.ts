/**
 * Settings are read on every page (header, footer). Each instance keeps them for a few seconds;
 * an update in this instance clears the cache at once, other instances catch up within the TTL.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { readSettings, type StoredSettings } from './settings.repo.js';

const ttlMs = 5_000;

export class SettingsCache {
  private cached: { value: StoredSettings; at: number } | undefined;

  constructor(private readonly db: Kysely<DB>) {}

  async get(): Promise<StoredSettings> {
    if (this.cached && Date.now() - this.cached.at < ttlMs) return this.cached.value;
    const value = await readSettings(this.db);
    this.cached = { value, at: Date.now() };
    return value;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
