/** The submissions' SQL: one's own submissions, the organisations one may submit for, the directory for paper entries. */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { SubmissionRecord } from './consultation.repo.js';

/** The verified organisations the person is an active member of, in Polish order. */
export function verifiedOrganizationsOf(db: Kysely<DB>, userId: number): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('organization_members')
    .innerJoin('organizations', 'organizations.id', 'organization_members.organization_id')
    .select(['organizations.id', 'organizations.name'])
    .where('organization_members.user_id', '=', userId)
    .where('organization_members.status', '=', 'active')
    .where('organizations.status', '=', 'verified')
    .orderBy('organizations.name_sort_key')
    .orderBy('organizations.id')
    .execute();
}

/** Verified organisations of the directory (the paper entry's choice), in Polish order. */
export function directoryOrganizations(db: Kysely<DB>): Promise<Array<{ id: number; name: string }>> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('status', '=', 'verified')
    .orderBy('name_sort_key')
    .orderBy('id')
    .limit(5000)
    .execute();
}

export function verifiedOrganization(db: Kysely<DB>, id: number): Promise<{ id: number; name: string } | undefined> {
  return db
    .selectFrom('organizations')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('status', '=', 'verified')
    .executeTakeFirst();
}

/** The person's online submissions in a consultation, newest first. */
export function mySubmissions(db: Kysely<DB>, consultationId: number, userId: number): Promise<SubmissionRecord[]> {
  return db
    .selectFrom('consultation_submissions')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .where('author_id', '=', userId)
    .where('channel', '=', 'online')
    .orderBy('id', 'desc')
    .execute();
}

/** Every submission the person wrote online (the personal-data export). */
export function submissionsByAuthor(db: Kysely<DB>, userId: number) {
  return db
    .selectFrom('consultation_submissions')
    .innerJoin('consultations', 'consultations.id', 'consultation_submissions.consultation_id')
    .select([
      'consultations.subject as consultation',
      'consultation_submissions.kind',
      'consultation_submissions.status',
      'consultation_submissions.submitter_kind',
      'consultation_submissions.submitter_name',
      'consultation_submissions.provision_label',
      'consultation_submissions.proposed_wording',
      'consultation_submissions.justification',
      'consultation_submissions.task_json',
      'consultation_submissions.receipt_number',
      'consultation_submissions.sent_at',
      'consultation_submissions.withdrawn_at',
      'consultation_submissions.created_at',
    ])
    .where('consultation_submissions.author_id', '=', userId)
    .where('consultation_submissions.channel', '=', 'online')
    .orderBy('consultation_submissions.id')
    .execute();
}
