/**
 * What officials do with a questionable record: suspend it (it leaves the public directory; its
 * members still see it, with the reason) or merge a duplicate into the organisation that stays
 * (members, pending requests and missing identifiers move over; the duplicate's address then
 * redirects). Always with a reason, always audited, always against the version the official saw.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { searchDocument } from './search-text.js';

export type SuspendOutcome = 'suspended' | 'conflict' | 'notSuspendable';

export async function suspendOrganization(
  services: Services,
  officialId: number,
  organizationId: number,
  expectedVersion: number,
  reason: string,
): Promise<SuspendOutcome> {
  return services.db.transaction().execute(async (trx) => {
    const organization = await trx
      .selectFrom('organizations')
      .select(['status', 'version'])
      .where('id', '=', organizationId)
      .executeTakeFirst();
    if (!organization || (organization.status !== 'verified' && organization.status !== 'pending')) return 'notSuspendable';
    if (organization.version !== expectedVersion) return 'conflict';
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('organizations')
      .set({ status: 'suspended', suspended_reason: reason, updated_at: now, version: expectedVersion + 1 })
      .where('id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return 'conflict';
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'organization.suspended',
      subjectType: 'organization',
      subjectId: organizationId,
      before: { status: organization.status },
      after: { status: 'suspended', reason },
    });
    return 'suspended';
  });
}

export type MergeOutcome =
  | { ok: true; target: { slug: string; name: string } }
  | { ok: false; reason: 'conflict' | 'notMergeable' | 'sameOrganization' | 'targetNotFound' | 'targetNotUsable' };

const identifiers = ['krs', 'nip', 'regon'] as const;

/** Moves the duplicate's active members and pending requests to the target; an admin stays an admin. */
async function moveMembers(trx: Kysely<DB>, duplicateId: number, targetId: number): Promise<number> {
  const [moving, staying] = await Promise.all([
    trx.selectFrom('organization_members').selectAll().where('organization_id', '=', duplicateId).execute(),
    trx.selectFrom('organization_members').selectAll().where('organization_id', '=', targetId).execute(),
  ]);
  let moved = 0;
  for (const member of moving) {
    const existing = staying.find((s) => s.user_id === member.user_id);
    if (!existing) {
      await trx
        .insertInto('organization_members')
        .values({ ...member, organization_id: targetId })
        .execute();
      moved++;
    } else if (
      member.status === 'active' &&
      (existing.status === 'pending' || (member.role === 'admin' && existing.role !== 'admin'))
    ) {
      await trx
        .updateTable('organization_members')
        .set({ status: 'active', role: member.role === 'admin' ? 'admin' : existing.role })
        .where('organization_id', '=', targetId)
        .where('user_id', '=', member.user_id)
        .execute();
    }
  }
  await trx.deleteFrom('organization_members').where('organization_id', '=', duplicateId).execute();
  return moved;
}

export async function mergeOrganization(
  services: Services,
  officialId: number,
  duplicateId: number,
  expectedVersion: number,
  targetSlug: string,
  reason: string,
): Promise<MergeOutcome> {
  return services.db.transaction().execute(async (trx) => {
    const duplicate = await trx.selectFrom('organizations').selectAll().where('id', '=', duplicateId).executeTakeFirst();
    if (!duplicate || duplicate.status === 'merged') return { ok: false, reason: 'notMergeable' } as const;
    if (duplicate.version !== expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const target = await trx.selectFrom('organizations').selectAll().where('slug', '=', targetSlug).executeTakeFirst();
    if (!target) return { ok: false, reason: 'targetNotFound' } as const;
    if (target.id === duplicate.id) return { ok: false, reason: 'sameOrganization' } as const;
    if (target.status === 'merged') return { ok: false, reason: 'targetNotUsable' } as const;

    // Identifiers the target lacks move over (freed on the duplicate first: they are unique).
    const taken = Object.fromEntries(identifiers.filter((k) => !target[k] && duplicate[k]).map((k) => [k, duplicate[k]]));
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('organizations')
      .set({
        status: 'merged',
        merged_into_id: target.id,
        ...Object.fromEntries(Object.keys(taken).map((k) => [k, null])),
        updated_at: now,
        version: expectedVersion + 1,
      })
      .where('id', '=', duplicate.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    const movedMembers = await moveMembers(trx, duplicate.id, target.id);
    await trx
      .updateTable('organizations')
      .set({ ...taken, ...searchDocument({ ...target, ...taken }), updated_at: now, version: target.version + 1 })
      .where('id', '=', target.id)
      .execute();
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'organization.merged',
      subjectType: 'organization',
      subjectId: duplicate.id,
      before: { status: duplicate.status, ...taken },
      after: { status: 'merged', mergedInto: target.id, reason },
    });
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'organization.mergedFrom',
      subjectType: 'organization',
      subjectId: target.id,
      before: {},
      after: { mergedFrom: duplicate.id, identifiers: taken, movedMembers, reason },
    });
    return { ok: true, target: { slug: target.slug ?? '', name: target.name } } as const;
  });
}
