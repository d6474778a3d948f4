import type { Feature } from '../../app.js';
import { apiRoutes } from './api.routes.js';
import { openDataRoutes } from './open-data.routes.js';

/** Open data: the directory as CSV and JSON files, the read-only API under /api/v1, and the page explaining both. */
export const openDataFeature: Feature = {
  name: 'open-data',
  async routes(app, services) {
    openDataRoutes(app, services);
    await apiRoutes(app, services);
  },
};
