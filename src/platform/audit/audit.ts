/**
 * The append-only audit log (jawność): every change of data writes who, what, when, before, after.
 * Callers pass plain objects without secrets; the database refuses updates and deletes of entries.
 */
import type { Kysely } from 'kysely';
import { nowIso } from '../db/database.js';
import type { DB } from '../db/schema.js';

export interface Actor {
  userId: number | null;
  /** Shown when there is no user: "system", "cli", "anonymous". */
  label: string;
}

export const systemActor: Actor = { userId: null, label: 'system' };
export const cliActor: Actor = { userId: null, label: 'cli' };
export const userActor = (userId: number): Actor => ({ userId, label: 'user' });

export interface AuditRecord {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Kysely<DB>, record: AuditRecord): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      occurred_at: nowIso(),
      actor_user_id: record.actor.userId,
      actor_label: record.actor.label,
      action: record.action,
      subject_type: record.subjectType,
      subject_id: record.subjectId == null ? null : String(record.subjectId),
      before_json: record.before === undefined ? null : JSON.stringify(record.before),
      after_json: record.after === undefined ? null : JSON.stringify(record.after),
    })
    .execute();
}
