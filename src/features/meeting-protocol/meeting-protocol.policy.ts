/**
 * Who sees which protocol. Officials (and administrators) see the newest minutes version as a
 * preview marked "projekt" while it is not published; everyone else sees a protocol only once a
 * version is published, of a meeting that is not a draft itself — otherwise it does not exist (404).
 */
import type { AuthenticatedUser } from '../../platform/auth/sessions.js';
import { hasRole } from '../../platform/auth/access.js';
import type { MinutesStatus } from '../../platform/db/schema.js';

export function canPreviewDrafts(user: AuthenticatedUser | null): boolean {
  return hasRole(user, 'official') || hasRole(user, 'administrator');
}

export function canSeeProtocol(
  user: AuthenticatedUser | null,
  meetingStatus: 'draft' | 'published' | 'cancelled',
  minutesStatus: MinutesStatus | null,
): boolean {
  if (canPreviewDrafts(user)) return true;
  return meetingStatus !== 'draft' && minutesStatus === 'published';
}
