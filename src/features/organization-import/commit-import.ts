import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { reservedSlugs, slugify } from '../organizations/index.js';
import { claimForCommit, findImport, storeResult } from './organization-import.repo.js';
import { planImport, type ImportPlan, type ImportReport } from './plan-import.js';
import { readCsv } from './read-csv.js';

export type CommitImportResult =
  { outcome: 'committed'; counts: ImportReport['counts'] } | { outcome: 'notFound' | 'alreadyCommitted' | 'conflict' };

/** Columns computed from others: never part of an audit entry. */
const derivedColumns = new Set(['name_sort_key', 'search_name', 'search_text']);

class ImportConflict extends Error {}

/** A unique index refused a row: someone else wrote the same identifier or slug meanwhile. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Organisations are inserted this many at a time (statement triggers fire once per statement). */
const insertBatch = 200;

/**
 * Unique slugs for many new organisations from one read of the slugs taken — the rule of
 * `uniqueSlug` (the base, else base-2, base-3 …; never a reserved address), without one query per
 * organisation (its `like` scan per insert made a 20 000-row commit quadratic).
 */
async function slugAllocator(trx: Kysely<DB>): Promise<(name: string) => string> {
  const rows = await trx.selectFrom('organizations').select('slug').where('slug', 'is not', null).execute();
  const taken = new Set<string | null>([...rows.map((r) => r.slug), ...reservedSlugs]);
  return (name) => {
    const base = slugify(name);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  };
}

async function applyPlan(trx: Kysely<DB>, plan: ImportPlan, userId: number, importId: number, now: string) {
  const shownCreates = new Map(plan.report.creates.map((c) => [c.row, c]));
  const slugFor = await slugAllocator(trx);
  for (let start = 0; start < plan.creates.length; start += insertBatch) {
    const batch = plan.creates.slice(start, start + insertBatch).map((create) => ({
      create,
      slug: slugFor(create.input.shortName || create.input.name),
      spheres: [...new Set(create.input.spheres)],
    }));
    const inserted = await trx
      .insertInto('organizations')
      .values(
        batch.map(({ create, slug }) => ({
          ...create.columns,
          slug,
          created_at: now,
          created_by: userId,
          updated_at: now,
          last_confirmed_at: now,
          status: 'verified' as const,
          verified_at: now,
          verified_by: userId,
        })),
      )
      .returning(['id', 'slug'])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.slug, r.id]));
    await trx
      .insertInto('organization_spheres')
      .values(
        batch.flatMap(({ slug, spheres }) => spheres.map((code) => ({ organization_id: idOf.get(slug)!, sphere_code: code }))),
      )
      .execute();
    for (const { create, slug, spheres } of batch) {
      const audited = Object.fromEntries(Object.entries(create.columns).filter(([key]) => !derivedColumns.has(key)));
      await recordAudit(trx, {
        actor: userActor(userId),
        action: 'organization.imported',
        subjectType: 'organization',
        subjectId: idOf.get(slug)!,
        after: { ...audited, slug, spheres, status: 'verified', verifiedAt: now, importId },
      });
      const shown = shownCreates.get(create.row);
      if (shown) shown.slug = slug;
    }
  }

  for (const update of plan.updates) {
    const result = await trx
      .updateTable('organizations')
      .set({ ...update.set, ...update.derived, updated_at: now, version: update.version + 1 })
      .where('id', '=', update.organizationId)
      .where('version', '=', update.version)
      .executeTakeFirst();
    // Someone saved the organisation after it was read in this transaction (PostgreSQL, read committed).
    if (Number(result.numUpdatedRows) !== 1) throw new ImportConflict();
    if (update.spheres) {
      await trx.deleteFrom('organization_spheres').where('organization_id', '=', update.organizationId).execute();
      await trx
        .insertInto('organization_spheres')
        .values(update.spheres.map((code) => ({ organization_id: update.organizationId, sphere_code: code })))
        .execute();
    }
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'organization.updated_by_import',
      subjectType: 'organization',
      subjectId: update.organizationId,
      before: update.before,
      after: update.after,
    });
  }
}

/**
 * An official commits a dry run: the stored file is read and classified again inside one
 * transaction (the directory may have changed since the dry run), new organisations are created as
 * verified by this official, changed fields of matched ones are updated, bad rows are skipped.
 * The import's audit entry (counts, file hash) and one per organisation written commit with it; an
 * import that changes nothing writes no audit entry. A second commit of the same import is refused.
 */
export async function commitImport(services: Services, userId: number, importId: number): Promise<CommitImportResult> {
  const record = await findImport(services.db, importId);
  if (!record) return { outcome: 'notFound' };
  if (record.status !== 'dry-run') return { outcome: 'alreadyCommitted' };
  // The stored file never changes (its key is its hash): it can be read before the transaction.
  const stored = await services.files.read(record.file_key);
  if (!stored || createHash('sha256').update(stored.data).digest('hex') !== record.file_sha256) return { outcome: 'notFound' };
  const csv = readCsv(stored.data);
  if (!csv.ok) throw new Error(`stored import ${importId} can no longer be read: ${csv.reason}`);

  try {
    return await services.db.transaction().execute(async (trx): Promise<CommitImportResult> => {
      const now = new Date().toISOString();
      // First, so that a concurrent commit of the same import waits here and then finds it committed.
      if (!(await claimForCommit(trx, importId, userId, now))) return { outcome: 'alreadyCommitted' };
      const plan = await planImport(trx, csv.file);
      await applyPlan(trx, plan, userId, importId, now);
      await storeResult(trx, importId, JSON.stringify(plan.report));
      const { counts } = plan.report;
      if (counts.create + counts.update > 0) {
        await recordAudit(trx, {
          actor: userActor(userId),
          action: 'organization_import.committed',
          subjectType: 'organization_import',
          subjectId: importId,
          after: { fileSha256: record.file_sha256, fileBytes: record.file_bytes, rows: plan.report.rows, ...counts },
        });
      }
      return { outcome: 'committed', counts };
    });
  } catch (error) {
    if (error instanceof ImportConflict || isUniqueViolation(error)) return { outcome: 'conflict' };
    throw error;
  }
}
