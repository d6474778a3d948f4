import type { Feature } from '../../app.js';
import { adminRoutes } from './admin.routes.js';

export { grantRole, isLastAdministrator, revokeRole } from './change-role.js';

/** Administration: users and roles, the audit log, the mail outbox. Settings live in `settings/`. */
export const adminFeature: Feature = { name: 'admin', routes: adminRoutes };
