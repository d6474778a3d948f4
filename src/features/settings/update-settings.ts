import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { readSettings, writeSettings } from './settings.repo.js';
import type { SiteSettings } from './settings.schema.js';

export type UpdateSettingsResult = { ok: true } | { ok: false; reason: 'conflict' };

/**
 * Saves the settings if nobody saved them since `expectedVersion` was read (optimistic locking):
 * two administrators editing at once never overwrite each other silently.
 */
export async function updateSettings(
  services: Services,
  userId: number,
  settings: SiteSettings,
  expectedVersion: number,
): Promise<UpdateSettingsResult> {
  const result = await services.db.transaction().execute(async (trx) => {
    const before = await readSettings(trx);
    if (before.version !== expectedVersion) return { ok: false, reason: 'conflict' } as const;
    const saved = await writeSettings(trx, settings, expectedVersion, userId, new Date().toISOString());
    if (!saved) return { ok: false, reason: 'conflict' } as const;
    const changedBefore: Partial<SiteSettings> = {};
    const changedAfter: Partial<SiteSettings> = {};
    for (const key of Object.keys(settings) as Array<keyof SiteSettings>) {
      if (before.settings[key] !== settings[key]) {
        (changedBefore as Record<string, unknown>)[key] = before.settings[key];
        (changedAfter as Record<string, unknown>)[key] = settings[key];
      }
    }
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'settings.updated',
      subjectType: 'settings',
      subjectId: 1,
      before: changedBefore,
      after: changedAfter,
    });
    return { ok: true } as const;
  });
  services.settings.invalidate();
  return result;
}
