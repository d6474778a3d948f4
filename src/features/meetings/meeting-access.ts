import type { FastifyReply, FastifyRequest } from 'fastify';
import { signedInUser } from '../../platform/auth/access.js';
import type { Services } from '../../services.js';
import { ZMeetingParams } from './meetings.schema.js';
import { findMeeting, isRegistered, type MeetingRecord } from './meetings.repo.js';
import { canEditMeeting, canManageMeetings, canViewMeeting, type MeetingViewer } from './meetings.policy.js';

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

/**
 * For officials' editing routes: the meeting named in the URL if it may still be edited; otherwise
 * the reply is already sent (404, or back to the meeting with "a cancelled meeting is final") and
 * the result is null.
 */
export async function editableMeeting(
  services: Services,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<MeetingRecord | null> {
  const found = await meetingForRequest(services, request);
  if (!found) {
    await reply.callNotFound();
    return null;
  }
  if (!canEditMeeting(signedInUser(request).roles, found.meeting.status)) {
    await reply.redirectWithFlash(`/spotkania/${found.meeting.id}`, { kind: 'info', key: 'flash.meetingCancelledFinal' });
    return null;
  }
  return found.meeting;
}
