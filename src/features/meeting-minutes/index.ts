import type { Kysely } from 'kysely';
import type { Feature } from '../../app.js';
import type { DB } from '../../platform/db/schema.js';
import { groupsRoutes } from './groups.routes.js';
import { ideasRoutes } from './ideas.routes.js';
import { minutesRoutes } from './minutes.routes.js';
import { outcomesRoutes } from './outcomes.routes.js';
import { remarksRoutes } from './remarks.routes.js';
import { latestMinutesIn, outcomesOf, type OutcomeRow } from './meeting-minutes.repo.js';

export type { OutcomeRow } from './meeting-minutes.repo.js';
export { statutoryPrinciples } from './meeting-minutes.schema.js';
// The minutes text with its outcome markers, as document blocks (the protocol and the remarks page show the same).
export { OutcomePool, leftoverBlocks, textBlocks } from './minutes-text.js';
// The minutes' line diff; the programme's version comparison runs it over words.
export { lineDiff, type DiffLine } from './text-diff.js';

/**
 * A meeting's structured outcomes, ordered by kind and position within it — e.g. the programme of
 * cooperation (issue #5) imports the main goal and specific goals from them, keeping `id` as the link
 * to where they came from.
 */
export function meetingOutcomes(db: Kysely<DB>, meetingId: number): Promise<OutcomeRow[]> {
  return outcomesOf(db, meetingId);
}

/** Meetings that have structured outcomes, newest first (the programme's import offers them). */
export function meetingsWithOutcomes(db: Kysely<DB>): Promise<Array<{ id: number; topic: string; starts_at: string }>> {
  return db
    .selectFrom('meetings')
    .select(['meetings.id', 'meetings.topic', 'meetings.starts_at'])
    .where('meetings.status', '!=', 'cancelled')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('meeting_outcomes')
          .select('meeting_outcomes.id')
          .whereRef('meeting_outcomes.meeting_id', '=', 'meetings.id'),
      ),
    )
    .orderBy('meetings.starts_at', 'desc')
    .orderBy('meetings.id', 'desc')
    .execute();
}

/**
 * The newest published version of a meeting's minutes (the public protocol), or undefined while none
 * is published. `items_json` holds the "Ad. N" texts by agenda item id (parse with `minutesItems`).
 */
export function publishedMinutes(db: Kysely<DB>, meetingId: number) {
  return latestMinutesIn(db, meetingId, ['published']);
}
export { parseItems as minutesItems, type MinutesItem } from './meeting-minutes.repo.js';

const routeModules: Array<Feature['routes']> = [groupsRoutes, ideasRoutes, outcomesRoutes, minutesRoutes, remarksRoutes];

/** The working part of a meeting: group work, ideas, outcomes, and the minutes with their versions and remarks. */
export const meetingMinutesFeature: Feature = {
  name: 'meeting-minutes',
  async routes(app, services) {
    for (const register of routeModules) await register(app, services);
  },
};
