import type { Feature } from '../../app.js';
import { noticeRoutes } from './notice.routes.js';
import { submissionRoutes } from './submission.routes.js';

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
  submissionsAppliedIn,
  type ConsultationRecord,
  type SubmissionRecord,
} from './consultation.repo.js';
export { canManageConsultations } from './consultation.policy.js';
export { parseTaskProposal, taskProposalFields, taskProposalObject, type TaskProposal } from './submission.schema.js';
export { submissionsByAuthor } from './submission.repo.js';
export { formatWarsawDate, periodPhrase, timeLeftPhrase, warsawToday, type Phrase } from './consultation-time.js';

/** The public consultation of a programme version (issue #5): the notice, the public page, comments and priority-task proposals with receipts. */
export const consultationFeature: Feature = {
  name: 'consultation',
  async routes(app, services) {
    noticeRoutes(app, services);
    submissionRoutes(app, services);
  },
};
