import type { Feature } from '../../app.js';
import { accountsRoutes } from './accounts.routes.js';

export { insertUser } from './accounts.repo.js';

/** Sign-up with e-mail confirmation, sign-in/out, password reset and change, one's sessions. */
export const accountsFeature: Feature = { name: 'accounts', routes: accountsRoutes };
