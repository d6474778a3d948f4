import type { Feature } from '../../app.js';
import { programmeRoutes } from './programme.routes.js';
import { versionsRoutes } from './versions.routes.js';

export {
  emptySections,
  missingElements,
  parseSections,
  statutoryElements,
  type ListItem,
  type ProgrammeSections,
} from './programme-sections.js';
export { formatPln, parseAmount, taskModes, type PriorityTask, type TaskMode } from './programme-sections.js';
export { findProvision, provisionContaining, provisionsOf, replaceWording, taskWording, type Provision } from './provisions.js';
export { findVersionWithProgramme, type ProgrammeVersionRecord } from './programme.repo.js';
export { canManageProgrammes } from './programme.policy.js';
export { applyWordingToNextVersion, markVersionAfterConsultation, type ApplyResult } from './consultation-outcome.js';

/**
 * The programme of cooperation (issue #5): programmes, their versions (draft → consultation → after
 * consultation → adopted → published), the section editor, the comparison of versions, and the
 * resolution with the programme as its annex (HTML, PDF, DOCX).
 */
export const programmeFeature: Feature = {
  name: 'programme',
  async routes(app, services) {
    programmeRoutes(app, services);
    versionsRoutes(app, services);
  },
};
