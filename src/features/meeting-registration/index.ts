import type { Feature } from '../../app.js';
import { attendanceRoutes } from './attendance.routes.js';
import { registrationRoutes } from './registration.routes.js';

export { meetingRemindersJob, meetingRemindersJobHandler, scheduleMeetingReminders } from './send-meeting-reminders.js';
export { attendanceCounts, attendanceForCounting, type AttendanceCounts } from './attendance-counts.js';
// After a meeting's capacity is raised (features/meetings): the waitlist moves up.
export { fillFreedPlaces } from './cancel-registration.js';

/** Registration for working meetings (waitlist, reminders) and the attendance list, kept by officials. */
export const meetingRegistrationFeature: Feature = {
  name: 'meeting-registration',
  async routes(app, services) {
    await registrationRoutes(app, services);
    await attendanceRoutes(app, services);
  },
};
