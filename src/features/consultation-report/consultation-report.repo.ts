/** The report's SQL: everything the report states, and who took part (for the publication notice). */
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.js';
import {
  consultationFacts,
  findConsultation,
  sentSubmissions,
  type ConsultationFacts,
  type ConsultationRecord,
  type SubmissionRecord,
} from '../consultation/index.js';
import { findVersionWithProgramme } from '../programme/index.js';

export interface ReportRecord {
  consultation: ConsultationRecord;
  programmeId: number;
  programmeTitle: string;
  versionNumber: number;
  /** Sent submissions in receipt order (drafts and withdrawn ones are not part of the record). */
  submissions: SubmissionRecord[];
  facts: ConsultationFacts;
  /** Sphere code → Polish label, for priority-task proposals. */
  spheres: Map<string, string>;
}

export async function findReportRecord(db: Kysely<DB>, consultationId: number): Promise<ReportRecord | undefined> {
  const consultation = await findConsultation(db, consultationId);
  if (!consultation) return undefined;
  const version = await findVersionWithProgramme(db, consultation.programme_version_id);
  const facts = await consultationFacts(db, consultationId);
  if (!version || !facts) return undefined;
  const submissions = await sentSubmissions(db, consultationId);
  const spheres = new Map<string, string>();
  if (submissions.some((s) => s.kind === 'task')) {
    for (const row of await db.selectFrom('spheres').select(['code', 'label_pl']).orderBy('valid_from').execute())
      spheres.set(row.code, row.label_pl);
  }
  return {
    consultation,
    programmeId: version.programme_id,
    programmeTitle: version.title,
    versionNumber: version.number,
    submissions,
    facts,
    spheres,
  };
}

/** One participant to notify: an address and the receipts of what they sent. */
export interface Participant {
  email: string;
  submissionIds: number[];
}

/**
 * Everyone who took part, one entry per address (compared without case): the author of every sent
 * online submission (their account's address) and the contact address of every entered paper or
 * e-mail submission.
 */
export async function participantsOf(db: Kysely<DB>, consultationId: number): Promise<Participant[]> {
  const rows = await db
    .selectFrom('consultation_submissions')
    .leftJoin('users', 'users.id', 'consultation_submissions.author_id')
    .select([
      'consultation_submissions.id',
      'consultation_submissions.channel',
      'consultation_submissions.contact_email',
      'consultation_submissions.sequence',
      'users.email as author_email',
    ])
    .where('consultation_submissions.consultation_id', '=', consultationId)
    .where('consultation_submissions.status', '=', 'sent')
    .orderBy('consultation_submissions.sequence')
    .execute();
  const byAddress = new Map<string, Participant>();
  for (const row of rows) {
    const address = (row.channel === 'online' ? row.author_email : row.contact_email)?.trim();
    if (!address || !address.includes('@')) continue;
    const key = address.toLowerCase();
    const entry = byAddress.get(key) ?? { email: address, submissionIds: [] };
    entry.submissionIds.push(row.id);
    byAddress.set(key, entry);
  }
  return [...byAddress.values()];
}
