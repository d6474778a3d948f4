/** Who may do what with the programme: officials (and administrators) prepare it; everyone reads versions that are not drafts. */
import type { ProgrammeVersionStatus, Role } from '../../platform/db/schema.js';

export function canManageProgrammes(roles: readonly Role[]): boolean {
  return roles.includes('official') || roles.includes('administrator');
}

/** Only a draft is edited; a version sent to consultation (or later) is frozen. */
export function isEditable(status: ProgrammeVersionStatus): boolean {
  return status === 'draft';
}
