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

/** Officials verify, suspend and merge organisations, and list those waiting for verification or suspended. */
export function canModerate(roles: Role[]): boolean {
  return isOfficial({ roles, membership: null });
}

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

/** Only the organisation's own administrators approve, remove and promote its members (officials while it has none). */
export function canManageMembers(actor: OrganizationActor | null, hasActiveAdmin = true): boolean {
  if (actor?.membership?.status === 'active' && actor.membership.role === 'admin') return true;
  // An organisation without an administrator (imported from a register, or orphaned): the office
  // approves the first member, who becomes its administrator.
  return !hasActiveAdmin && isOfficial(actor);
}

/** Members see the member list; so do officials (who support organisations), read-only. */
export function canSeeMembers(actor: OrganizationActor | null): boolean {
  return isActiveMember(actor) || isOfficial(actor);
}

/** A signed-in person who is not (yet) a member may ask to join a verified organisation. */
export function canRequestMembership(actor: OrganizationActor | null, status: OrganizationStatus): boolean {
  return actor !== null && actor.membership === null && status === 'verified';
}

/** Only its active members confirm that an organisation's data are current (freshness). */
export function canConfirmData(actor: OrganizationActor | null, status: OrganizationStatus): boolean {
  return isActiveMember(actor) && status !== 'merged';
}

/** The organisation's administrators, and officials, upload, replace and remove its logo. */
export function canManageLogo(actor: OrganizationActor | null, status: OrganizationStatus): boolean {
  if (status === 'merged') return false;
  return (isActiveMember(actor) && actor?.membership?.role === 'admin') || isOfficial(actor);
}
