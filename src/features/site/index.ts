import type { Feature } from '../../app.js';
import { siteRoutes } from './site.routes.js';

/** Home page, health checks, the language switch and the statutory pages (accessibility, privacy, contact). */
export const siteFeature: Feature = { name: 'site', routes: siteRoutes };
