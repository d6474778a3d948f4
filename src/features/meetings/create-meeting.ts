import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { TMeetingInput } from './meetings.schema.js';

/** The table's columns for a typed meeting form. */
export function meetingColumns(input: TMeetingInput) {
  return {
    topic: input.topic,
    title: input.title,
    goal_md: input.goalMd,
    audience_md: input.audienceMd,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    place: input.place,
    online_url: input.onlineUrl,
    host_name: input.hostName,
    host_function: input.hostFunction,
    organiser: input.organiser,
    visibility: input.visibility,
    guests_allowed: input.guestsAllowed ? 1 : 0,
    capacity: input.capacity,
    registration_deadline: input.registrationDeadline,
    programme_year: input.programmeYear,
  };
}

/** An official creates a meeting as a draft; nobody else sees it until it is published. Audited. */
export async function createMeeting(services: Services, officialId: number, input: TMeetingInput): Promise<number> {
  return services.db.transaction().execute(async (trx) => {
    const now = new Date().toISOString();
    const columns = meetingColumns(input);
    const row = await trx
      .insertInto('meetings')
      .values({ ...columns, status: 'draft', created_by: officialId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'meeting.created',
      subjectType: 'meeting',
      subjectId: row.id,
      after: columns,
    });
    return row.id;
  });
}
