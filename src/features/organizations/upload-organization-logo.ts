/**
 * An organisation's logo (issue #3, point 1): PNG, JPEG or WebP by its magic bytes, at most 2 MB and
 * 6000 × 6000 pixels (checked from the header, before the image is decoded: no decompression bombs),
 * turned upright, stripped of every metadata (EXIF with GPS, XMP, ICC), fitted into 400 × 400 without
 * upscaling and stored as WebP. The stored key ends in a hash of the result, so the public URL changes
 * with the image and can be cached for a year. File, record and audit entry commit together.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import sharp, { type Metadata } from 'sharp';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import type { DB } from '../../platform/db/schema.js';
import { detectImageType, type ImageType } from '../../platform/files/image-type.js';

export const maxLogoBytes = 2 * 1024 * 1024;
/** The largest side of an image accepted for decoding. */
export const maxLogoSide = 6000;
/** The stored logo fits in a square of this side. */
export const logoBox = 400;

export type LogoRefusal = 'missing' | 'type' | 'tooLarge' | 'dimensions' | 'unreadable';
export type UploadLogoResult = { ok: true; key: string } | { ok: false; reason: LogoRefusal };

const formatOf: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

export interface ProcessedLogo {
  data: Buffer;
  contentType: 'image/webp';
  width: number;
  height: number;
}

/** Checks and converts an uploaded image; never trusts the name or the browser's content type. */
export async function processLogo(
  data: Buffer | null,
): Promise<{ ok: true; logo: ProcessedLogo } | { ok: false; reason: LogoRefusal }> {
  if (!data || data.length === 0) return { ok: false, reason: 'missing' };
  if (data.length > maxLogoBytes) return { ok: false, reason: 'tooLarge' };
  const type = detectImageType(data);
  if (!type) return { ok: false, reason: 'type' };
  const limits = { limitInputPixels: maxLogoSide * maxLogoSide, pages: 1 };
  let header: Metadata;
  try {
    // Reads the header only (no pixel is decoded, so no pixel limit is needed to read it): an image
    // too large to decode is named as such instead of failing as unreadable.
    header = await sharp(data, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (header.format !== formatOf[type]) return { ok: false, reason: 'type' };
  if (!header.width || !header.height) return { ok: false, reason: 'unreadable' };
  if (header.width > maxLogoSide || header.height > maxLogoSide) return { ok: false, reason: 'dimensions' };
  try {
    const { data: out, info } = await sharp(data, limits)
      .rotate() // upright by the EXIF orientation, before the metadata is dropped
      .resize({ width: logoBox, height: logoBox, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    return { ok: true, logo: { data: out, contentType: 'image/webp', width: info.width, height: info.height } };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/** The stored logo's key, the row locked on PostgreSQL so two concurrent changes cannot orphan a file. */
function currentLogoKey(services: Services, trx: Kysely<DB>, organizationId: number) {
  return trx
    .selectFrom('organizations')
    .select('logo_key')
    .where('id', '=', organizationId)
    .$if(services.engine === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirstOrThrow();
}

/** The public address of a stored logo: it names the file, so a new logo gets a new URL. */
export function organizationLogoPath(organization: { slug: string | null; logo_key: string | null }): string | null {
  if (!organization.logo_key || !organization.slug) return null;
  return `/organizacje/${organization.slug}/logo/${organization.logo_key.split('/').pop()}`;
}

export async function uploadOrganizationLogo(
  services: Services,
  userId: number,
  organizationId: number,
  data: Buffer | null,
): Promise<UploadLogoResult> {
  const processed = await processLogo(data);
  if (!processed.ok) return processed;
  const { logo } = processed;
  const hash = createHash('sha256').update(logo.data).digest('hex').slice(0, 20);
  const key = `organizations/${organizationId}/logo/${hash}.webp`;
  await services.db.transaction().execute(async (trx) => {
    const before = await currentLogoKey(services, trx, organizationId);
    await services.files.write(key, logo.contentType, logo.data, trx);
    await trx
      .updateTable('organizations')
      .set({ logo_key: key, updated_at: new Date().toISOString() })
      .where('id', '=', organizationId)
      .execute();
    if (before.logo_key && before.logo_key !== key) await services.files.remove(before.logo_key, trx);
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'organization.logo_changed',
      subjectType: 'organization',
      subjectId: organizationId,
      before: { logo_key: before.logo_key },
      after: {
        logo_key: key,
        contentType: logo.contentType,
        bytes: logo.data.length,
        width: logo.width,
        height: logo.height,
        uploadedBytes: data?.length ?? 0,
      },
    });
  });
  return { ok: true, key };
}

/** Removes the logo (file and reference) with an audit entry; false when there was none. */
export async function removeOrganizationLogo(services: Services, userId: number, organizationId: number): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const before = await currentLogoKey(services, trx, organizationId);
    if (!before.logo_key) return false;
    await trx
      .updateTable('organizations')
      .set({ logo_key: null, updated_at: new Date().toISOString() })
      .where('id', '=', organizationId)
      .execute();
    await services.files.remove(before.logo_key, trx);
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'organization.logo_removed',
      subjectType: 'organization',
      subjectId: organizationId,
      before: { logo_key: before.logo_key },
      after: { logo_key: null },
    });
    return true;
  });
}
