/**
 * Capturing an idea from a group's table: as text, or as a photo of the flip-chart with a caption
 * (the caption is the photo's alternative text). A photo is PNG, JPEG or WebP by its magic bytes, at
 * most 10 MB and 50 megapixels (checked from the header before decoding), turned upright, stripped of
 * every metadata (EXIF with GPS) and stored as WebP no larger than 2560 px. File, idea and audit entry
 * commit together.
 */
import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { detectImageType, type ImageType } from '../../platform/files/image-type.js';
import type { TIdea } from './meeting-minutes.schema.js';

export const maxPhotoBytes = 10 * 1024 * 1024;
export const maxPhotoPixels = 50_000_000;
export const photoBox = 2560;

export type IdeaRefusal = 'empty' | 'captionRequired' | 'type' | 'tooLarge' | 'dimensions' | 'unreadable' | 'group';

const formatOf: Record<ImageType, string> = { 'image/png': 'png', 'image/jpeg': 'jpeg', 'image/webp': 'webp' };

export async function processPhoto(data: Buffer): Promise<{ ok: true; data: Buffer } | { ok: false; reason: IdeaRefusal }> {
  if (data.length > maxPhotoBytes) return { ok: false, reason: 'tooLarge' };
  const type = detectImageType(data);
  if (!type) return { ok: false, reason: 'type' };
  let header: Metadata;
  try {
    header = await sharp(data, { limitInputPixels: false, pages: 1 }).metadata();
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (header.format !== formatOf[type]) return { ok: false, reason: 'type' };
  if (!header.width || !header.height) return { ok: false, reason: 'unreadable' };
  if (header.width * header.height > maxPhotoPixels) return { ok: false, reason: 'dimensions' };
  try {
    const out = await sharp(data, { limitInputPixels: maxPhotoPixels, pages: 1 })
      .rotate()
      .resize({ width: photoBox, height: photoBox, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 80 })
      .toBuffer();
    return { ok: true, data: out };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

export async function captureIdea(
  services: Services,
  userId: number,
  meetingId: number,
  idea: TIdea,
  photo: Buffer | null,
): Promise<{ ok: true; id: number } | { ok: false; reason: IdeaRefusal }> {
  const hasPhoto = photo !== null && photo.length > 0;
  if (!hasPhoto && !idea.text) return { ok: false, reason: 'empty' };
  if (hasPhoto && !idea.text) return { ok: false, reason: 'captionRequired' };
  let stored: { key: string; data: Buffer } | null = null;
  if (hasPhoto) {
    const processed = await processPhoto(photo);
    if (!processed.ok) return processed;
    const hash = createHash('sha256').update(processed.data).digest('hex').slice(0, 20);
    stored = { key: `meetings/${meetingId}/ideas/${hash}.webp`, data: processed.data };
  }
  return services.db.transaction().execute(async (trx) => {
    if (idea.groupId !== undefined) {
      const group = await trx
        .selectFrom('meeting_groups')
        .select('id')
        .where('id', '=', idea.groupId)
        .where('meeting_id', '=', meetingId)
        .executeTakeFirst();
      if (!group) return { ok: false, reason: 'group' } as const;
    }
    if (stored) await services.files.write(stored.key, 'image/webp', stored.data, trx);
    const inserted = await trx
      .insertInto('meeting_ideas')
      .values({
        meeting_id: meetingId,
        group_id: idea.groupId ?? null,
        round: idea.round ?? null,
        text: idea.text || null,
        photo_key: stored?.key ?? null,
        category: idea.category || null,
        created_by: userId,
        created_at: nowIso(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.idea_captured',
      subjectType: 'meeting',
      subjectId: meetingId,
      after: {
        ideaId: inserted.id,
        groupId: idea.groupId ?? null,
        round: idea.round ?? null,
        text: idea.text || null,
        photo: stored ? { key: stored.key, bytes: stored.data.length, uploadedBytes: photo?.length ?? 0 } : null,
        category: idea.category || null,
      },
    });
    return { ok: true, id: inserted.id } as const;
  });
}
