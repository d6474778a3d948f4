/** The consultation's SQL: consultations, their submissions, and the figures other features show. */
import type { Kysely, Selectable } from 'kysely';
import type { ConsultationsTable, ConsultationSubmissionsTable, DB } from '../../platform/db/schema.js';

export type ConsultationRecord = Selectable<ConsultationsTable>;
export type SubmissionRecord = Selectable<ConsultationSubmissionsTable>;

export function findConsultation(db: Kysely<DB>, id: number): Promise<ConsultationRecord | undefined> {
  return db.selectFrom('consultations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function consultationOfVersion(db: Kysely<DB>, versionId: number): Promise<ConsultationRecord | undefined> {
  return db.selectFrom('consultations').selectAll().where('programme_version_id', '=', versionId).executeTakeFirst();
}

/** Every consultation of a programme's versions, oldest first. */
export function consultationsOfProgramme(db: Kysely<DB>, programmeId: number): Promise<ConsultationRecord[]> {
  return db
    .selectFrom('consultations')
    .innerJoin('programme_versions', 'programme_versions.id', 'consultations.programme_version_id')
    .selectAll('consultations')
    .where('programme_versions.programme_id', '=', programmeId)
    .orderBy('consultations.starts_on')
    .orderBy('consultations.id')
    .execute();
}

export function findSubmission(db: Kysely<DB>, id: number): Promise<SubmissionRecord | undefined> {
  return db.selectFrom('consultation_submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The sent submissions of a consultation (what is answered and reported), in receipt order. */
export function sentSubmissions(db: Kysely<DB>, consultationId: number): Promise<SubmissionRecord[]> {
  return db
    .selectFrom('consultation_submissions')
    .selectAll()
    .where('consultation_id', '=', consultationId)
    .where('status', '=', 'sent')
    .orderBy('sequence')
    .execute();
}

/** Every consultation with its programme's title and years, newest period first (the public list). */
export function listConsultations(db: Kysely<DB>) {
  return db
    .selectFrom('consultations')
    .innerJoin('programme_versions', 'programme_versions.id', 'consultations.programme_version_id')
    .innerJoin('programmes', 'programmes.id', 'programme_versions.programme_id')
    .selectAll('consultations')
    .select(['programmes.id as programme_id', 'programmes.title', 'programmes.year_from', 'programmes.year_to'])
    .orderBy('consultations.starts_on', 'desc')
    .orderBy('consultations.id', 'desc')
    .execute();
}

/** Programme versions sent to consultation that have no notice yet (officials announce them). */
export function versionsAwaitingNotice(db: Kysely<DB>) {
  return db
    .selectFrom('programme_versions')
    .innerJoin('programmes', 'programmes.id', 'programme_versions.programme_id')
    .leftJoin('consultations', 'consultations.programme_version_id', 'programme_versions.id')
    .select([
      'programme_versions.id',
      'programme_versions.number',
      'programmes.id as programme_id',
      'programmes.title',
      'programmes.year_from',
      'programmes.year_to',
    ])
    .where('programme_versions.status', '=', 'consultation')
    .where('consultations.id', 'is', null)
    .orderBy('programmes.year_from', 'desc')
    .orderBy('programme_versions.id', 'desc')
    .execute();
}

/** The submissions applied to a programme version (an accepted comment's wording, an accepted task), in receipt order. */
export function submissionsAppliedIn(db: Kysely<DB>, versionId: number) {
  return db
    .selectFrom('consultation_submissions')
    .innerJoin('consultations', 'consultations.id', 'consultation_submissions.consultation_id')
    .select([
      'consultation_submissions.id',
      'consultation_submissions.consultation_id',
      'consultation_submissions.kind',
      'consultation_submissions.receipt_number',
      'consultation_submissions.provision_label',
      'consultation_submissions.task_json',
      'consultations.report_published_at',
    ])
    .where('consultation_submissions.applied_in_version_id', '=', versionId)
    .where('consultation_submissions.status', '=', 'sent')
    .orderBy('consultation_submissions.consultation_id')
    .orderBy('consultation_submissions.sequence')
    .execute();
}
