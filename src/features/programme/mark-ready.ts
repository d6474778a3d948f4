import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { newestVersion } from './programme.repo.js';
import { changeStatus } from './version-lifecycle.js';
import { missingElements, parseSections, type ElementKey } from './programme-sections.js';

export type MarkReadyResult =
  | { ok: true }
  | { ok: false; reason: 'notFound' | 'conflict' | 'frozen' }
  | { ok: false; reason: 'incomplete'; missing: ElementKey[] };

/**
 * Marks the draft ready for consultation: its status becomes `consultation` and the version is
 * frozen (no further edits). Refused, naming every empty statutory element, while any is empty.
 */
export async function markReady(
  services: Services,
  officialId: number,
  ref: { programmeId: number; versionId: number; version: number },
): Promise<MarkReadyResult> {
  return services.db.transaction().execute(async (trx) => {
    const row = await newestVersion(trx, ref.programmeId, 'all');
    if (!row) return { ok: false, reason: 'notFound' } as const;
    if (row.status !== 'draft') return { ok: false, reason: 'frozen' } as const;
    if (row.id !== ref.versionId || row.version !== ref.version) return { ok: false, reason: 'conflict' } as const;
    const missing = missingElements(parseSections(row.sections_json));
    if (missing.length) return { ok: false, reason: 'incomplete', missing } as const;
    if (!(await changeStatus(trx, row, ref.version, { status: 'consultation' }, nowIso(services.clock))))
      return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: 'programme.ready-for-consultation',
      subjectType: 'programme',
      subjectId: ref.programmeId,
      before: { versionId: row.id, status: 'draft' },
      after: { versionId: row.id, status: 'consultation' },
    });
    return { ok: true } as const;
  });
}
