import type { Feature } from '../../app.js';
import { personalDataRoutes } from './personal-data.routes.js';

/** RODO (GDPR): a person downloads everything the platform holds about them, or erases their account. */
export const personalDataFeature: Feature = { name: 'personal-data', routes: personalDataRoutes };
