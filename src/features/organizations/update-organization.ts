import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { findByIdentifiers, spheresOf } from './organizations.repo.js';
import type { TOrganizationForm } from './organizations.schema.js';
import { checkDictionaries, organizationColumns } from './register-organization.js';

export type UpdateOrganizationResult =
  | { ok: true }
  | { ok: false; reason: 'conflict' | 'unknownLegalForm' | 'unknownSphere' }
  | { ok: false; reason: 'duplicate'; field: 'krs' | 'nip' | 'regon'; existing: { name: string } };

/**
 * Saves an organisation's profile if nobody saved it since `expectedVersion` was read, and confirms
 * its data as current (freshness). The audit entry holds exactly the fields that changed.
 */
/** Columns computed from others (sort and search keys): never part of the audited change. */
const derivedColumns = new Set(['name_sort_key', 'search_name', 'search_text']);

export async function updateOrganization(
  services: Services,
  userId: number,
  organizationId: number,
  input: TOrganizationForm,
  expectedVersion: number,
): Promise<UpdateOrganizationResult> {
  return services.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('organizations').selectAll().where('id', '=', organizationId).executeTakeFirstOrThrow();
    if (before.version !== expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const dictionaries = await checkDictionaries(trx, input);
    if (!dictionaries.ok) return dictionaries;
    const duplicate = await findByIdentifiers(trx, { krs: input.krs, nip: input.nip, regon: input.regon });
    if (duplicate && duplicate.id !== organizationId) {
      const field = input.krs && duplicate.krs === input.krs ? 'krs' : input.nip && duplicate.nip === input.nip ? 'nip' : 'regon';
      return { ok: false, reason: 'duplicate', field, existing: { name: duplicate.name } } as const;
    }
    const columns = organizationColumns(input, dictionaries.kind);
    const now = new Date().toISOString();
    const result = await trx
      .updateTable('organizations')
      .set({ ...columns, updated_at: now, last_confirmed_at: now, version: expectedVersion + 1 })
      .where('id', '=', organizationId)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    const spheresBefore = (await spheresOf(trx, organizationId)).sort();
    await trx.deleteFrom('organization_spheres').where('organization_id', '=', organizationId).execute();
    await trx
      .insertInto('organization_spheres')
      .values(input.spheres.map((code) => ({ organization_id: organizationId, sphere_code: code })))
      .execute();

    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(columns)) {
      if (derivedColumns.has(key)) continue;
      const old = before[key as keyof typeof before];
      if (old !== value) {
        changedBefore[key] = old;
        changedAfter[key] = value;
      }
    }
    const spheresAfter = [...new Set(input.spheres)].sort();
    if (spheresBefore.join() !== spheresAfter.join()) {
      changedBefore.spheres = spheresBefore;
      changedAfter.spheres = spheresAfter;
    }
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'organization.updated',
      subjectType: 'organization',
      subjectId: organizationId,
      before: changedBefore,
      after: changedAfter,
    });
    return { ok: true } as const;
  });
}
