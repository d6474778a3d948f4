import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';

/**
 * An official confirms the organisation against its register (KRS or another): it gets the
 * verified badge with who and when, and appears in the public directory.
 */
export async function verifyOrganization(
  services: Services,
  officialId: number,
  organizationId: number,
  expectedVersion: number,
): Promise<'verified' | 'conflict' | 'notPending'> {
  return services.db.transaction().execute(async (trx) => {
    const organization = await trx
      .selectFrom('organizations')
      .select(['status', 'version'])
      .where('id', '=', organizationId)
      .executeTakeFirst();
    if (!organization || (organization.status !== 'pending' && organization.status !== 'suspended')) return 'notPending';
    if (organization.version !== expectedVersion) return 'conflict';
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('organizations')
      .set({
        status: 'verified',
        verified_at: now,
        verified_by: officialId,
        suspended_reason: null,
        updated_at: now,
        version: expectedVersion + 1,
      })
      .where('id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return 'conflict';
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'organization.verified',
      subjectType: 'organization',
      subjectId: organizationId,
      before: { status: organization.status },
      after: { status: 'verified', verifiedAt: now },
    });
    return 'verified';
  });
}
