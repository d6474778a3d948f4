/**
 * Files (logos now; attachments and photos later) behind one interface. The default keeps them in
 * the database, so every app instance sees the same files with no shared disk.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export interface StoredFile {
  contentType: string;
  data: Buffer;
  updatedAt: string;
}

export interface FileStorage {
  read(key: string): Promise<StoredFile | null>;
  /**
   * Stores a file. `transaction` lets the database storage write inside the caller's transaction
   * (so the file and its audit entry commit together); other storages ignore it.
   */
  write(key: string, contentType: string, data: Buffer, transaction?: Kysely<DB>): Promise<void>;
  /** Deletes a file; `transaction` as for `write`. */
  remove(key: string, transaction?: Kysely<DB>): Promise<void>;
}

export function databaseFileStorage(db: Kysely<DB>): FileStorage {
  return {
    async read(key) {
      const row = await db.selectFrom('files').selectAll().where('key', '=', key).executeTakeFirst();
      return row ? { contentType: row.content_type, data: Buffer.from(row.data), updatedAt: row.updated_at } : null;
    },
    async write(key, contentType, data, transaction) {
      const now = new Date().toISOString();
      await (transaction ?? db)
        .insertInto('files')
        .values({ key, content_type: contentType, data, size: data.length, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ content_type: contentType, data, size: data.length, updated_at: now }))
        .execute();
    },
    async remove(key, transaction) {
      await (transaction ?? db).deleteFrom('files').where('key', '=', key).execute();
    },
  };
}
