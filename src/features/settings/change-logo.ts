import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { detectImageType } from '../../platform/files/image-type.js';

export const logoKey = 'settings/logo';

export type ChangeLogoResult = { ok: true } | { ok: false; reason: 'missing' | 'type' };

/** Replaces the municipality's logo (PNG, JPEG or WebP by its bytes); the file and the audit entry commit together. */
export async function changeLogo(services: Services, userId: number, data: Buffer | null): Promise<ChangeLogoResult> {
  if (!data || data.length === 0) return { ok: false, reason: 'missing' };
  const type = detectImageType(data);
  if (!type) return { ok: false, reason: 'type' };
  await services.db.transaction().execute(async (trx) => {
    await services.files.write(logoKey, type, data, trx);
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'settings.logo_changed',
      subjectType: 'settings',
      subjectId: 1,
      after: { contentType: type, bytes: data.length },
    });
  });
  return { ok: true };
}
