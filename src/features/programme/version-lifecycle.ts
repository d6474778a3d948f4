/**
 * A version's life after consultation: adoption by the council (the official types the resolution's
 * number and date), publication, and a new draft copied from a frozen version. Each names the version
 * row and the lock it read (optimistic locking), works on the programme's newest version only, and
 * writes one audit entry in the same transaction.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import type { DB, ProgrammeVersionStatus } from '../../platform/db/schema.js';
import { hasClosedConsultation } from './consultation-link.js';
import { newestVersion } from './programme.repo.js';
import { missingElements, parseSections, type ElementKey } from './programme-sections.js';

export interface VersionRef {
  programmeId: number;
  versionId: number;
  version: number;
}

export type LifecycleRefusal = 'notFound' | 'conflict' | 'wrongStatus';
type Refusal = LifecycleRefusal;
export type AdoptResult =
  { ok: true } | { ok: false; reason: Refusal | 'noConsultation' } | { ok: false; reason: 'incomplete'; missing: ElementKey[] };
export type LifecycleResult = { ok: true } | { ok: false; reason: Refusal };
export type NewVersionResult = { ok: true; number: number } | { ok: false; reason: Refusal };

/** Statuses from which a version may be adopted (a draft only after a closed consultation of the programme). */
export const adoptableStatuses: ProgrammeVersionStatus[] = ['after-consultation', 'draft'];
/** Statuses from which an official prepares the next draft. */
export const nextDraftStatuses: ProgrammeVersionStatus[] = ['consultation', 'after-consultation'];

/** Moves a version to another status under its lock (and its current status); false when someone changed it first. */
export async function changeStatus(
  trx: Kysely<DB>,
  row: { id: number; version: number; status: ProgrammeVersionStatus },
  lock: number,
  set: { status: ProgrammeVersionStatus; resolution_number?: string; resolution_date?: string; published_at?: string },
  now: string,
): Promise<boolean> {
  const updated = await trx
    .updateTable('programme_versions')
    .set({ ...set, version: lock + 1, updated_at: now })
    .where('id', '=', row.id)
    .where('version', '=', lock)
    .where('status', '=', row.status)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}

/**
 * Adoption: the newest version becomes `adopted` with the resolution's number and date. Allowed for
 * a version after consultation, or a draft prepared after a consultation of the programme was closed;
 * refused while no consultation was closed, or naming every empty statutory element.
 */
export async function adoptVersion(
  services: Services,
  officialId: number,
  ref: VersionRef,
  resolution: { number: string; date: string },
): Promise<AdoptResult> {
  return services.db.transaction().execute(async (trx) => {
    const row = await newestVersion(trx, ref.programmeId, 'all');
    if (!row) return { ok: false, reason: 'notFound' } as const;
    if (!adoptableStatuses.includes(row.status)) return { ok: false, reason: 'wrongStatus' } as const;
    if (row.id !== ref.versionId || row.version !== ref.version) return { ok: false, reason: 'conflict' } as const;
    if (!(await hasClosedConsultation(trx, ref.programmeId))) return { ok: false, reason: 'noConsultation' } as const;
    const missing = missingElements(parseSections(row.sections_json));
    if (missing.length) return { ok: false, reason: 'incomplete', missing } as const;
    const set = { status: 'adopted' as const, resolution_number: resolution.number, resolution_date: resolution.date };
    if (!(await changeStatus(trx, row, ref.version, set, nowIso(services.clock))))
      return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'programme.adopted',
      subjectType: 'programme',
      subjectId: ref.programmeId,
      before: { versionId: row.id, status: row.status },
      after: { versionId: row.id, status: 'adopted', resolutionNumber: resolution.number, resolutionDate: resolution.date },
    });
    return { ok: true } as const;
  });
}

/** Publication of the adopted version: its publication date is now. */
export async function publishVersion(services: Services, officialId: number, ref: VersionRef): Promise<LifecycleResult> {
  return services.db.transaction().execute(async (trx) => {
    const row = await newestVersion(trx, ref.programmeId, 'all');
    if (!row) return { ok: false, reason: 'notFound' } as const;
    if (row.status !== 'adopted') return { ok: false, reason: 'wrongStatus' } as const;
    if (row.id !== ref.versionId || row.version !== ref.version) return { ok: false, reason: 'conflict' } as const;
    const now = nowIso(services.clock);
    if (!(await changeStatus(trx, row, ref.version, { status: 'published', published_at: now }, now)))
      return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'programme.published',
      subjectType: 'programme',
      subjectId: ref.programmeId,
      before: { versionId: row.id, status: 'adopted' },
      after: { versionId: row.id, status: 'published', publishedAt: now },
    });
    return { ok: true } as const;
  });
}

/**
 * "Nowa wersja": a new draft (number + 1, based on the newest) with the newest version's content,
 * while that one is frozen in consultation (the official prepares it while comments arrive) or after
 * it. Refused when the newest is already a draft, or adopted (a change then needs a new resolution).
 */
export async function createNextVersion(services: Services, officialId: number, ref: VersionRef): Promise<NewVersionResult> {
  return services.db.transaction().execute(async (trx) => {
    const row = await newestVersion(trx, ref.programmeId, 'all');
    if (!row) return { ok: false, reason: 'notFound' } as const;
    if (!nextDraftStatuses.includes(row.status)) return { ok: false, reason: 'wrongStatus' } as const;
    if (row.id !== ref.versionId || row.version !== ref.version) return { ok: false, reason: 'conflict' } as const;
    const now = nowIso(services.clock);
    // The unique (programme_id, number) index refuses a second draft created at the same moment.
    const inserted = await trx
      .insertInto('programme_versions')
      .values({
        programme_id: ref.programmeId,
        number: row.number + 1,
        status: 'draft',
        sections_json: JSON.stringify(parseSections(row.sections_json)),
        based_on_version_id: row.id,
        created_by: officialId,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['programme_id', 'number']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'programme.version-created',
      subjectType: 'programme',
      subjectId: ref.programmeId,
      after: { versionId: inserted.id, number: row.number + 1, basedOnVersionId: row.id },
    });
    return { ok: true, number: row.number + 1 } as const;
  });
}
