/**
 * The four answers an official gives a submission, in the order the form and the report list them,
 * and their i18n keys (`consultationAnswers.decisions.<value>`): uwzględniono, uwzględniono
 * częściowo, nie uwzględniono, nie dotyczy. The report (features/consultation-report) uses the same.
 */
import type { SubmissionDecision } from '../../platform/db/schema.js';
import type { TagColour } from '../../ui/components/tag.js';

export const decisions: readonly SubmissionDecision[] = ['accepted', 'partly', 'rejected', 'not-applicable'];

/** The i18n key of a decision's label ("uwzględniono"), or of "bez odpowiedzi" for none. */
export function decisionLabelKey(decision: SubmissionDecision | null): string {
  return decision ? `consultationAnswers.decisions.${decision}` : 'consultationAnswers.decisions.none';
}

/** Polish labels of the decisions as they stand in official records (the report is written in Polish). */
export const decisionLabels: Record<SubmissionDecision, string> = {
  accepted: 'uwzględniono',
  partly: 'uwzględniono częściowo',
  rejected: 'nie uwzględniono',
  'not-applicable': 'nie dotyczy',
};

export function decisionColour(decision: SubmissionDecision | null): TagColour {
  switch (decision) {
    case 'accepted':
      return 'green';
    case 'partly':
      return 'blue';
    case 'rejected':
      return 'red';
    case 'not-applicable':
      return 'grey';
    default:
      return 'yellow';
  }
}

/** Whether an accepted (or partly accepted) comment can be applied to the next version of the programme. */
export function canApply(s: { kind: string; decision: SubmissionDecision | null; provision_key: string | null }): boolean {
  return s.kind === 'comment' && s.provision_key !== null && (s.decision === 'accepted' || s.decision === 'partly');
}
