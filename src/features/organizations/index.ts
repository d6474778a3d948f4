import type { Feature } from '../../app.js';
import { organizationsRoutes } from './organizations.routes.js';

export { checkKrs, checkNip, checkRegon } from './identifiers.js';

/** The public NGO directory: organisations kept by their own members, verified by officials. */
export const organizationsFeature: Feature = { name: 'organizations', routes: organizationsRoutes };
