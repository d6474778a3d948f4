import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';

/**
 * A member confirms that the organisation's data are current without editing them (the answer to
 * the freshness reminder). Only `last_confirmed_at` moves: the profile's `version` stays, so someone
 * editing the profile at the same time does not get a conflict. Audited.
 */
export async function confirmOrganizationData(services: Services, userId: number, organizationId: number): Promise<void> {
  await services.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('organizations')
      .select('last_confirmed_at')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await trx.updateTable('organizations').set({ last_confirmed_at: now }).where('id', '=', organizationId).execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'organization.data_confirmed',
      subjectType: 'organization',
      subjectId: organizationId,
      before: { last_confirmed_at: before.last_confirmed_at },
      after: { last_confirmed_at: now },
    });
  });
}
