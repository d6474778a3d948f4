import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { ZMeetingParams } from './meetings.schema.js';
import { findMeeting, isRegistered, type MeetingRecord } from './meetings.repo.js';
import { canManageMeetings, canViewMeeting, type MeetingViewer } from './meetings.policy.js';

/**
 * The meeting named by the route's `:id`, if the person asking may see it: drafts only to officials,
 * invitation-only meetings to officials and the people registered for them. Null means "answer 404"
 * — a meeting one may not see is not revealed to exist.
 */
export async function meetingForRequest(
  services: Services,
  request: FastifyRequest,
): Promise<{ meeting: MeetingRecord; viewer: MeetingViewer | null; official: boolean } | null> {
  const params = ZMeetingParams.safeParse(request.params);
  if (!params.success) return null;
  const meeting = await findMeeting(services.db, params.data.id);
  if (!meeting) return null;
  const user = request.currentUser;
  const official = user ? canManageMeetings(user.roles) : false;
  const viewer: MeetingViewer | null = user
    ? {
        roles: user.roles,
        registered:
          !official && meeting.visibility === 'invitation' ? await isRegistered(services.db, meeting.id, user.id) : false,
      }
    : null;
  if (!canViewMeeting(viewer, meeting)) return null;
  return { meeting, viewer, official };
}
