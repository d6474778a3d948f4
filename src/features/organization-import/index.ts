import type { Feature } from '../../app.js';
import { organizationImportRoutes } from './organization-import.routes.js';

/** Officials import organisations from a CSV file: a dry run that reports every row, then a commit. */
export const organizationImportFeature: Feature = { name: 'organization-import', routes: organizationImportRoutes };
