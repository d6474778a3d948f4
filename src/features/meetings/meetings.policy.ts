/**
 * Who may do what with a meeting. Route levels (public/official) are checked by the kernel; these
 * rules add the meeting-specific part: drafts are the office's, an invitation-only meeting is seen
 * by officials and by the people registered for it, and a cancelled meeting is final.
 */
import type { MeetingStatus, Role } from '../../platform/db/schema.js';

export interface MeetingViewer {
  roles: Role[];
  /** Whether the person holds a live registration (registered or waitlisted) for this meeting. */
  registered: boolean;
}

export interface MeetingAccessFacts {
  status: MeetingStatus;
  visibility: 'public' | 'invitation';
}

/** Officials and administrators prepare, edit, publish and cancel meetings. */
export function canManageMeetings(roles: readonly Role[]): boolean {
  return roles.includes('official') || roles.includes('administrator');
}

/** Whether a viewer (null: a visitor who is not signed in) may see a meeting at all. */
export function canViewMeeting(viewer: MeetingViewer | null, meeting: MeetingAccessFacts): boolean {
  if (viewer && canManageMeetings(viewer.roles)) return true;
  if (meeting.status === 'draft') return false;
  if (meeting.visibility === 'public') return true;
  return viewer?.registered === true;
}

/** The record, its agenda and attachments can be edited until the meeting is cancelled. */
export function canEditMeeting(roles: readonly Role[], status: MeetingStatus): boolean {
  return canManageMeetings(roles) && status !== 'cancelled';
}

export function canPublishMeeting(roles: readonly Role[], status: MeetingStatus, agendaItems: number): boolean {
  return canManageMeetings(roles) && status === 'draft' && agendaItems > 0;
}

export function canCancelMeeting(roles: readonly Role[], status: MeetingStatus): boolean {
  return canManageMeetings(roles) && status === 'published';
}
