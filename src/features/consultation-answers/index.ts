import type { Feature } from '../../app.js';
import { answersRoutes } from './answers.routes.js';

export { canApply, decisionColour, decisionLabelKey, decisionLabels, decisions } from './decisions.js';
export { taskFields, taskTitle, type TaskField } from './task-proposal.js';

/** Officials' answers to a consultation's submissions (issue #5): assignment, answers per provision, applying to the next version, closing. */
export const consultationAnswersFeature: Feature = {
  name: 'consultation-answers',
  async routes(app, services) {
    answersRoutes(app, services);
  },
};
