import type { Feature } from '../../app.js';
import { settingsRoutes } from './settings.routes.js';

export { consultationSettings, documentNames } from './settings.schema.js';

/** The municipality's settings: names, contact, privacy notice, accessibility statement, logo. */
export const settingsFeature: Feature = { name: 'settings', routes: settingsRoutes };
