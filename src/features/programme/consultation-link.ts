/**
 * The programme reads its consultations through the consultation feature's index. That feature
 * imports the programme's index (provisions, task modes) at load time, so importing it back at load
 * time would be a cycle: it is loaded on first use instead.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import type { ConsultationFacts, ConsultationRecord } from '../consultation/index.js';

const consultationFeature = () => import('../consultation/index.js');

export async function consultationOfVersion(db: Kysely<DB>, versionId: number): Promise<ConsultationRecord | undefined> {
  return (await consultationFeature()).consultationOfVersion(db, versionId);
}

export async function consultationFactsForProgramme(db: Kysely<DB>, programmeId: number): Promise<ConsultationFacts[]> {
  return (await consultationFeature()).consultationFactsForProgramme(db, programmeId);
}

/** Whether a consultation of any of the programme's versions has been closed (the law requires one before adoption). */
export async function hasClosedConsultation(db: Kysely<DB>, programmeId: number): Promise<boolean> {
  const consultations = await (await consultationFeature()).consultationsOfProgramme(db, programmeId);
  return consultations.some((c) => c.status === 'closed');
}

export interface AppliedSubmission {
  consultationId: number;
  submissionId: number;
  receiptNumber: string;
  /** The provision a comment concerned, or the proposed task's title. */
  label: string;
  reportPublished: boolean;
}

/** The consultation submissions applied to a version (comments' wording, proposed tasks), in receipt order. */
export async function appliedSubmissions(db: Kysely<DB>, versionId: number): Promise<AppliedSubmission[]> {
  const consultation = await consultationFeature();
  const rows = await consultation.submissionsAppliedIn(db, versionId);
  return rows.map((r) => ({
    consultationId: r.consultation_id,
    submissionId: r.id,
    receiptNumber: r.receipt_number ?? '',
    label: r.kind === 'task' ? consultation.parseTaskProposal(r.task_json).title : (r.provision_label ?? ''),
    reportPublished: r.report_published_at !== null,
  }));
}
