/**
 * Test data for the report's tests: sent submissions with receipt numbers (as the consultation's
 * sending would store them), their answers, and the consultation closed with a conclusion.
 */
import type { Services } from '../../services.js';
import type { SubmissionChannel, SubmissionDecision, SubmissionStatus } from '../../platform/db/schema.js';

export interface TestSubmission {
  kind?: 'comment' | 'task';
  status?: SubmissionStatus;
  channel?: SubmissionChannel;
  authorId?: number | null;
  organizationId?: number | null;
  submitterKind?: 'organization' | 'resident';
  submitterName: string;
  contactEmail?: string | null;
  provisionKey?: string;
  provisionLabel?: string;
  currentWording?: string;
  proposedWording?: string;
  justification?: string;
  task?: Record<string, unknown>;
  decision?: SubmissionDecision | null;
  answer?: string | null;
}

/** Inserts one submission; sent ones get the next sequence and a receipt number "KP/<year>/<id>/<nnnn>". */
export async function addSubmission(services: Services, consultationId: number, s: TestSubmission): Promise<number> {
  const now = new Date().toISOString();
  const status = s.status ?? 'sent';
  let sequence: number | null = null;
  let receipt: string | null = null;
  if (status !== 'draft') {
    const c = await services.db
      .updateTable('consultations')
      .set((eb) => ({ receipt_counter: eb('receipt_counter', '+', 1) }))
      .where('id', '=', consultationId)
      .returning(['receipt_counter', 'starts_on'])
      .executeTakeFirstOrThrow();
    sequence = Number(c.receipt_counter);
    receipt = `KP/${c.starts_on.slice(0, 4)}/${consultationId}/${String(sequence).padStart(4, '0')}`;
  }
  const kind = s.kind ?? 'comment';
  const { id } = await services.db
    .insertInto('consultation_submissions')
    .values({
      consultation_id: consultationId,
      kind,
      status,
      channel: s.channel ?? 'online',
      author_id: s.authorId ?? null,
      organization_id: s.organizationId ?? null,
      submitter_kind: s.submitterKind ?? 'organization',
      submitter_name: s.submitterName,
      contact_email: s.contactEmail ?? null,
      provision_key: kind === 'comment' ? (s.provisionKey ?? 'goals.specific.0') : null,
      provision_label: kind === 'comment' ? (s.provisionLabel ?? 'Cele szczegółowe, pkt 1') : null,
      current_wording: kind === 'comment' ? (s.currentWording ?? null) : null,
      proposed_wording: kind === 'comment' ? (s.proposedWording ?? null) : null,
      justification: s.justification ?? null,
      task_json: kind === 'task' ? JSON.stringify(s.task ?? {}) : null,
      sequence,
      receipt_number: receipt,
      received_on: s.channel && s.channel !== 'online' ? now.slice(0, 10) : null,
      sent_at: status === 'draft' ? null : now,
      withdrawn_at: status === 'withdrawn' ? now : null,
      decision: s.decision ?? null,
      answer: s.answer ?? null,
      answered_at: s.decision ? now : null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Closes the consultation (as answering and closing would) with the given conclusion. */
export async function closeTestConsultation(
  services: Services,
  consultationId: number,
  conclusion: string | null,
): Promise<void> {
  const now = new Date().toISOString();
  await services.db
    .updateTable('consultations')
    .set({ status: 'closed', closed_at: now, conclusion, updated_at: now })
    .where('id', '=', consultationId)
    .execute();
}

export async function receiptOf(services: Services, submissionId: number): Promise<string> {
  const row = await services.db
    .selectFrom('consultation_submissions')
    .select('receipt_number')
    .where('id', '=', submissionId)
    .executeTakeFirstOrThrow();
  return row.receipt_number ?? '';
}
