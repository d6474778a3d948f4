/**
 * The figures of a consultation, counted from its records: what the report's participation part and
 * the programme's element 10 ("how the programme was created and consulted") state. Only sent
 * submissions count; drafts and withdrawn ones do not.
 */
import type { Kysely } from 'kysely';
import type { DB, SubmissionChannel, SubmissionDecision } from '../../platform/db/schema.js';
import { consultationsOfProgramme, findConsultation, sentSubmissions, type ConsultationRecord } from './consultation.repo.js';

export const consultationForms = ['online', 'paper', 'email', 'meeting'] as const;
export type ConsultationForm = (typeof consultationForms)[number];

export interface ConsultationFacts {
  consultationId: number;
  programmeVersionId: number;
  startsOn: string;
  endsOn: string;
  forms: ConsultationForm[];
  closed: boolean;
  reportPublishedAt: string | null;
  /** Sent comments on provisions. */
  comments: number;
  /** Sent priority-task proposals. */
  proposals: number;
  /** Distinct organisations that sent something. */
  organizations: number;
  /** Submissions sent by private persons (residents). */
  residents: number;
  byDecision: Record<SubmissionDecision | 'unanswered', number>;
  byChannel: Record<SubmissionChannel, number>;
}

/** The stored forms of consultation, defensively (unknown values dropped). */
export function parseForms(json: string): ConsultationForm[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? consultationForms.filter((f) => value.includes(f)) : [];
  } catch {
    return [];
  }
}

async function factsOf(db: Kysely<DB>, c: ConsultationRecord): Promise<ConsultationFacts> {
  const sent = await sentSubmissions(db, c.id);
  const byDecision: ConsultationFacts['byDecision'] = {
    accepted: 0,
    partly: 0,
    rejected: 0,
    'not-applicable': 0,
    unanswered: 0,
  };
  const byChannel: ConsultationFacts['byChannel'] = { online: 0, paper: 0, email: 0 };
  const organizations = new Set<string>();
  for (const s of sent) {
    byDecision[s.decision ?? 'unanswered'] += 1;
    byChannel[s.channel] += 1;
    if (s.submitter_kind === 'organization')
      organizations.add(s.organization_id !== null ? `id:${s.organization_id}` : `name:${s.submitter_name}`);
  }
  return {
    consultationId: c.id,
    programmeVersionId: c.programme_version_id,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    forms: parseForms(c.forms_json),
    closed: c.status === 'closed',
    reportPublishedAt: c.report_published_at,
    comments: sent.filter((s) => s.kind === 'comment').length,
    proposals: sent.filter((s) => s.kind === 'task').length,
    organizations: organizations.size,
    residents: sent.filter((s) => s.submitter_kind === 'resident').length,
    byDecision,
    byChannel,
  };
}

export async function consultationFacts(db: Kysely<DB>, consultationId: number): Promise<ConsultationFacts | undefined> {
  const c = await findConsultation(db, consultationId);
  return c ? factsOf(db, c) : undefined;
}

/** The facts of every consultation held on the programme's versions, oldest first. */
export async function consultationFactsForProgramme(db: Kysely<DB>, programmeId: number): Promise<ConsultationFacts[]> {
  const out: ConsultationFacts[] = [];
  for (const c of await consultationsOfProgramme(db, programmeId)) out.push(await factsOf(db, c));
  return out;
}
