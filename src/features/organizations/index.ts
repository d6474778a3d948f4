import type { Feature } from '../../app.js';
import { actingForRoutes } from './acting-for.routes.js';
import { directoryRoutes } from './directory.routes.js';
import { moderationRoutes } from './moderation.routes.js';
import { freshnessRoutes } from './freshness.routes.js';
import { logoRoutes } from './logo.routes.js';
import { organizationsRoutes } from './organizations.routes.js';

export { checkKrs, checkNip, checkRegon } from './identifiers.js';
export { freshnessJob, freshnessJobHandler, scheduleFreshnessJob } from './send-freshness-reminders.js';
// Read-only access to the public directory for other features (open data: exports and the API).
export { areaScopes, type AreaScope } from './area-scopes.js';
export { filtersFromQuery } from './directory-query.js';
export {
  directoryBatches,
  searchDirectory,
  spheresByOrganization,
  type DirectoryFilters,
  type DirectoryRow,
} from './directory-search.js';
export { activeSpheres, findOrganizationBySlug, legalForms, spheresOf } from './organizations.repo.js';
export { ZDirectoryQuery, type TDirectoryQuery } from './organizations.schema.js';
// The organisation import (features/organization-import) validates and writes records as registration does.
export { ZOrganizationForm, type TOrganizationForm } from './organizations.schema.js';
export { checkDictionaries, organizationColumns } from './register-organization.js';
export { organizationFormValues } from './organization-form-values.js';
export { reservedSlugs } from './organizations.repo.js';
export { slugify } from './polish-order.js';
export { withoutDiacritics } from './search-text.js';
export { nipCheckDigit, regon9CheckDigit, regon14CheckDigit } from './identifiers.js';

/** The route modules of the directory, registered in this order. */
const routeModules: Array<Feature['routes']> = [
  actingForRoutes,
  directoryRoutes,
  moderationRoutes,
  organizationsRoutes,
  freshnessRoutes,
  logoRoutes,
];

/** The public NGO directory: organisations kept by their own members, verified by officials. */
export const organizationsFeature: Feature = {
  name: 'organizations',
  async routes(app, services) {
    for (const register of routeModules) await register(app, services);
  },
};
