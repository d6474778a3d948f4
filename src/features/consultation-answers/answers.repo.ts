/** The answers' SQL: the sent submissions with their assignees, the colleagues one can assign to. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { SubmissionRecord } from '../consultation/index.js';

export type AnswerRow = SubmissionRecord & { assignee_name: string | null };

/** Every sent submission of a consultation (drafts and withdrawn ones excluded), in receipt order, with the assignee's name. */
export function answerRows(db: Kysely<DB>, consultationId: number): Promise<AnswerRow[]> {
  return db
    .selectFrom('consultation_submissions as s')
    .leftJoin('users as u', 'u.id', 's.assigned_to')
    .selectAll('s')
    .select('u.display_name as assignee_name')
    .where('s.consultation_id', '=', consultationId)
    .where('s.status', '=', 'sent')
    .orderBy('s.sequence')
    .orderBy('s.id')
    .execute();
}

/** A sent submission of this consultation, or undefined (another consultation's, a draft or a withdrawn one). */
export function sentSubmission(db: Kysely<DB>, consultationId: number, submissionId: number): Promise<AnswerRow | undefined> {
  return db
    .selectFrom('consultation_submissions as s')
    .leftJoin('users as u', 'u.id', 's.assigned_to')
    .selectAll('s')
    .select('u.display_name as assignee_name')
    .where('s.id', '=', submissionId)
    .where('s.consultation_id', '=', consultationId)
    .where('s.status', '=', 'sent')
    .executeTakeFirst();
}

export interface Colleague {
  id: number;
  name: string;
  email: string;
  language: string | null;
}

/** People who may answer: users with the official or administrator role, by name. */
export async function colleagues(db: Kysely<DB>): Promise<Colleague[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'email', 'preferred_language'])
    .where('id', 'in', (eb) => eb.selectFrom('user_roles').select('user_id').where('role', 'in', ['official', 'administrator']))
    .orderBy('display_name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, email: r.email, language: r.preferred_language }));
}

/** The display name of a user, or null. */
export async function userName(db: Kysely<DB>, id: number | null): Promise<string | null> {
  if (id === null) return null;
  const row = await db.selectFrom('users').select('display_name').where('id', '=', id).executeTakeFirst();
  return row?.display_name ?? null;
}

/** The number of a programme version ("wersja 2"), or null when it is gone. */
export async function versionNumber(db: Kysely<DB>, versionId: number | null): Promise<number | null> {
  if (versionId === null) return null;
  const row = await db.selectFrom('programme_versions').select('number').where('id', '=', versionId).executeTakeFirst();
  return row?.number ?? null;
}
