import type { Kysely } from 'kysely';
import type { Feature } from '../../app.js';
import type { DB } from '../../platform/db/schema.js';
import { groupsRoutes } from './groups.routes.js';
import { outcomesRoutes } from './outcomes.routes.js';
import { outcomesOf, type OutcomeRow } from './meeting-minutes.repo.js';

export type { OutcomeRow } from './meeting-minutes.repo.js';
export { statutoryPrinciples } from './meeting-minutes.schema.js';

/**
 * A meeting's structured outcomes, ordered by kind and position within it — e.g. the programme of
 * cooperation (issue #5) imports the main goal and specific goals from them, keeping `id` as the link
 * to where they came from.
 */
export function meetingOutcomes(db: Kysely<DB>, meetingId: number): Promise<OutcomeRow[]> {
  return outcomesOf(db, meetingId);
}

const routeModules: Array<Feature['routes']> = [groupsRoutes, outcomesRoutes];

/** The working part of a meeting: group work, ideas, outcomes, and the minutes with their versions and remarks. */
export const meetingMinutesFeature: Feature = {
  name: 'meeting-minutes',
  async routes(app, services) {
    for (const register of routeModules) await register(app, services);
  },
};
