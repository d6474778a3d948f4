import type { Feature } from '../../app.js';
import { programmeRoutes } from './programme.routes.js';

export {
  emptySections,
  missingElements,
  parseSections,
  statutoryElements,
  type ListItem,
  type ProgrammeSections,
} from './programme-sections.js';

/** The programme of cooperation (issue #5): programmes, their versions, the section editor and readiness for consultation. */
export const programmeFeature: Feature = {
  name: 'programme',
  async routes(app, services) {
    programmeRoutes(app, services);
  },
};
