/**
 * Test data for the answers' tests: sent submissions (comments on provisions of the fixture
 * programme, and priority-task proposals) with their receipt numbers, written directly.
 */
import type { Services } from '../../services.js';
import type { SubmissionChannel, SubmissionStatus } from '../../platform/db/schema.js';
import { findConsultation } from '../consultation/index.js';
import { findProvision, findVersionWithProgramme, parseSections } from '../programme/index.js';

export interface SubmissionOptions {
  channel?: SubmissionChannel;
  status?: SubmissionStatus;
  submitter?: string;
  assignedTo?: number | null;
}

async function nextSequence(services: Services, consultationId: number): Promise<number> {
  const c = await findConsultation(services.db, consultationId);
  if (!c) throw new Error(`no consultation ${consultationId}`);
  const sequence = c.receipt_counter + 1;
  await services.db.updateTable('consultations').set({ receipt_counter: sequence }).where('id', '=', c.id).execute();
  return sequence;
}

async function insert(
  services: Services,
  consultationId: number,
  content: Record<string, string | null>,
  kind: 'comment' | 'task',
  options: SubmissionOptions,
): Promise<number> {
  const now = new Date().toISOString();
  const status = options.status ?? 'sent';
  const sequence = status === 'draft' ? null : await nextSequence(services, consultationId);
  const row = await services.db
    .insertInto('consultation_submissions')
    .values({
      consultation_id: consultationId,
      kind,
      status,
      channel: options.channel ?? 'online',
      author_id: null,
      organization_id: null,
      submitter_kind: 'organization',
      submitter_name: options.submitter ?? 'Stowarzyszenie Przykładowe',
      contact_email: 'kontakt@example.org',
      sequence,
      receipt_number: sequence === null ? null : `KP/2026/${consultationId}/${String(sequence).padStart(4, '0')}`,
      sent_at: status === 'draft' ? null : now,
      withdrawn_at: status === 'withdrawn' ? now : null,
      assigned_to: options.assignedTo ?? null,
      created_at: now,
      updated_at: now,
      ...content,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A sent comment on a provision of the consulted version, quoting its current wording. */
export async function insertComment(
  services: Services,
  consultationId: number,
  provisionKey: string,
  proposedWording: string,
  options: SubmissionOptions & { justification?: string } = {},
): Promise<number> {
  const c = await findConsultation(services.db, consultationId);
  const version = c ? await findVersionWithProgramme(services.db, c.programme_version_id) : undefined;
  const provision = version ? findProvision(parseSections(version.sections_json), provisionKey) : undefined;
  if (!provision) throw new Error(`no provision ${provisionKey}`);
  return insert(
    services,
    consultationId,
    {
      provision_key: provision.key,
      provision_label: provision.label,
      current_wording: provision.wording,
      proposed_wording: proposedWording,
      justification: options.justification ?? 'Bo tak będzie lepiej.',
    },
    'comment',
    options,
  );
}

/** A sent priority-task proposal, stored as features/consultation stores it (amount in grosze). */
export async function insertTaskProposal(
  services: Services,
  consultationId: number,
  title: string,
  options: SubmissionOptions = {},
): Promise<number> {
  const task = {
    sphere: '16',
    title,
    description: 'Cykl warsztatów dla seniorów.',
    need: 'Brak oferty dla seniorów.',
    targetGroup: 'Seniorzy, 200 osób',
    expectedResults: 'Większa aktywność seniorów',
    mode: 'konkurs',
    amount: 1_250_050,
    period: 'marzec–czerwiec',
    ownDelivery: 'yes',
    contactName: 'Anna Nowak',
    contactPhone: '',
    contactEmail: 'anna@example.org',
    consent: true,
  };
  return insert(services, consultationId, { task_json: JSON.stringify(task) }, 'task', options);
}
