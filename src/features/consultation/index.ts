import type { Feature } from '../../app.js';

export {
  consultationFacts,
  consultationFactsForProgramme,
  consultationForms,
  parseForms,
  type ConsultationFacts,
  type ConsultationForm,
} from './consultation-facts.js';
export {
  acceptsSubmissions,
  consultationPhase,
  periodDays,
  periodInstants,
  type ConsultationPhase,
} from './consultation-phase.js';
export {
  consultationOfVersion,
  consultationsOfProgramme,
  findConsultation,
  findSubmission,
  sentSubmissions,
  type ConsultationRecord,
  type SubmissionRecord,
} from './consultation.repo.js';
export { canManageConsultations } from './consultation.policy.js';

/** The public consultation of a programme version (issue #5): the notice, the public page, comments and priority-task proposals with receipts. */
export const consultationFeature: Feature = {
  name: 'consultation',
  async routes() {
    // routes arrive with the consultation's first slice
  },
};
