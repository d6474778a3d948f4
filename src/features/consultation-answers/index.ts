import type { Feature } from '../../app.js';

/** Officials' answers to a consultation's submissions (issue #5): assignment, answers per provision, closing. */
export const consultationAnswersFeature: Feature = {
  name: 'consultation-answers',
  async routes() {
    // routes arrive with the answers slice
  },
};
