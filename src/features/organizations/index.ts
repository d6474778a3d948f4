import type { Feature } from '../../app.js';
import { directoryRoutes } from './directory.routes.js';
import { organizationsRoutes } from './organizations.routes.js';

export { checkKrs, checkNip, checkRegon } from './identifiers.js';

/** The route modules of the directory, registered in this order. */
const routeModules: Array<Feature['routes']> = [directoryRoutes, organizationsRoutes];

/** The public NGO directory: organisations kept by their own members, verified by officials. */
export const organizationsFeature: Feature = {
  name: 'organizations',
  async routes(app, services) {
    for (const register of routeModules) await register(app, services);
  },
};
