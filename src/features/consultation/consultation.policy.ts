/** Who may do what in a consultation: officials (and administrators) run it and answer; members of organisations (and residents where allowed) take part. */
import type { Role } from '../../platform/db/schema.js';
import { canManageProgrammes } from '../programme/index.js';

export function canManageConsultations(roles: readonly Role[]): boolean {
  return canManageProgrammes(roles);
}
