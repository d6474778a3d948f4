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
