import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import { defaultSiteSettings, type SiteSettings, ZSiteSettings } from './settings.schema.js';

export interface StoredSettings {
  settings: SiteSettings;
  version: number;
  updatedAt: string | null;
}

export async function readSettings(db: Kysely<DB>): Promise<StoredSettings> {
  const row = await db.selectFrom('site_settings').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) return { settings: defaultSiteSettings, version: 0, updatedAt: null };
  // Settings written by an older version may lack new keys: fill them from the defaults.
  const stored = { ...defaultSiteSettings, ...(JSON.parse(row.data_json) as object) };
  const parsed = ZSiteSettings.safeParse(stored);
  const settings = parsed.success ? parsed.data : stored;
  return { settings, version: row.version, updatedAt: row.updated_at };
}

/** Writes the settings if `expectedVersion` is still current; returns false on a conflict. */
export async function writeSettings(
  db: Kysely<DB>,
  settings: SiteSettings,
  expectedVersion: number,
  userId: number | null,
  now: string,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const existing = await db.selectFrom('site_settings').select('id').where('id', '=', 1).executeTakeFirst();
    if (existing) return false;
    await db
      .insertInto('site_settings')
      .values({ id: 1, data_json: JSON.stringify(settings), version: 1, updated_at: now, updated_by: userId })
      .execute();
    return true;
  }
  const result = await db
    .updateTable('site_settings')
    .set({ data_json: JSON.stringify(settings), version: expectedVersion + 1, updated_at: now, updated_by: userId })
    .where('id', '=', 1)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
