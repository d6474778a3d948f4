/**
 * Who may do what with an organisation. Route access levels (public/user/official) are checked by
 * the kernel; these rules add the organisation-specific part and are unit-tested as a matrix.
 */
import type { MembershipRole, MembershipStatus, OrganizationStatus, Role } from '../../platform/db/schema.js';

export interface OrganizationActor {
  roles: Role[];
  membership: { role: MembershipRole; status: MembershipStatus } | null;
}

const isOfficial = (actor: OrganizationActor | null) =>
  actor !== null && (actor.roles.includes('official') || actor.roles.includes('administrator'));
const isActiveMember = (actor: OrganizationActor | null) => actor?.membership?.status === 'active';

/** Until verification (and while suspended) only its members and officials see an organisation. */
export function canView(actor: OrganizationActor | null, status: OrganizationStatus): boolean {
  if (status === 'verified') return true;
  return isOfficial(actor) || isActiveMember(actor);
}

export function canEdit(actor: OrganizationActor | null, status: OrganizationStatus): boolean {
  if (status === 'merged') return false;
  return isActiveMember(actor) || isOfficial(actor);
}

export function canVerify(actor: OrganizationActor | null, status: OrganizationStatus): boolean {
  return isOfficial(actor) && (status === 'pending' || status === 'suspended');
}
