import type { Feature } from '../../app.js';
import { agendaRoutes } from './agenda.routes.js';
import { attachmentsRoutes } from './attachments.routes.js';
import { meetingsRoutes } from './meetings.routes.js';

// For the other meeting features (registration, minutes, protocol): the record, who may manage it,
// who may see it, and the view-model helpers (header facts in the protocol's order, Warsaw times).
export { agendaOf, attachmentsOf, findMeeting, type AgendaItemRecord, type MeetingRecord } from './meetings.repo.js';
export { canEditMeeting, canManageMeetings, canViewMeeting, type MeetingViewer } from './meetings.policy.js';
export { meetingForRequest } from './meeting-access.js';
export {
  attendanceListTitle,
  meetingDateShort,
  meetingEnded,
  meetingHeader,
  meetingWhen,
  registrationOpen,
  type MeetingHeaderFact,
} from './meeting-view.js';
export { defaultProtocolTitle } from './meetings.schema.js';
export { escapeText, foldLine, meetingsCalendar } from './ical.js';

/** Working meetings: the record, its agenda and attachments, the public pages and the calendar. */
export const meetingsFeature: Feature = {
  name: 'meetings',
  async routes(app, services) {
    await meetingsRoutes(app, services);
    await agendaRoutes(app, services);
    await attachmentsRoutes(app, services);
  },
};
