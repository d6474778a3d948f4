/**
 * Announcing the consultation of a programme version (ogłoszenie, DOMAIN.md §3.1): only for a
 * version sent to consultation that has none yet; the period on the Warsaw calendar, not starting in
 * the past and at least the municipality's minimum length. Public from this moment.
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import type { FieldError } from '../../platform/http/forms.js';
import { consultationSettings } from '../settings/index.js';
import { periodInstants } from './consultation-phase.js';
import { consultationOfVersion } from './consultation.repo.js';
import { noticePeriodErrors, type TNotice } from './consultation.schema.js';
import { warsawToday } from './consultation-time.js';

export type CreateConsultationResult =
  | { ok: true; id: number }
  | { ok: false; reason: 'notFound' | 'notInConsultation' }
  | { ok: false; reason: 'exists'; consultationId: number }
  | { ok: false; reason: 'invalid'; errors: FieldError[] };

/** The notice as stored and audited. */
export function noticeColumns(notice: TNotice) {
  const { opensAt, closesAt } = periodInstants(notice.startsOn, notice.endsOn);
  return {
    subject: notice.subject,
    legal_basis: notice.legalBasis,
    participants: notice.participants,
    forms_json: JSON.stringify(notice.forms),
    where_to_submit: notice.whereToSubmit,
    responsible_unit: notice.responsibleUnit,
    starts_on: notice.startsOn,
    ends_on: notice.endsOn,
    opens_at: opensAt,
    closes_at: closesAt,
    residents_allowed: notice.residentsAllowed ? 1 : 0,
  };
}

export async function createConsultation(
  services: Services,
  officialId: number,
  versionId: number,
  notice: TNotice,
): Promise<CreateConsultationResult> {
  const { settings } = await services.settings.get();
  const errors = noticePeriodErrors(notice, {
    today: warsawToday(services.clock()),
    minDays: consultationSettings(settings).minDays,
  });
  if (errors.length) return { ok: false, reason: 'invalid', errors };
  try {
    return await services.db.transaction().execute(async (trx) => {
      const version = await trx
        .selectFrom('programme_versions')
        .select(['id', 'status', 'programme_id'])
        .where('id', '=', versionId)
        .executeTakeFirst();
      if (!version) return { ok: false, reason: 'notFound' } as const;
      if (version.status !== 'consultation') return { ok: false, reason: 'notInConsultation' } as const;
      const existing = await consultationOfVersion(trx, versionId);
      if (existing) return { ok: false, reason: 'exists', consultationId: existing.id } as const;
      const stamp = nowIso(services.clock);
      const columns = noticeColumns(notice);
      const row = await trx
        .insertInto('consultations')
        .values({
          programme_version_id: versionId,
          ...columns,
          created_by: officialId,
          created_at: stamp,
          updated_at: stamp,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: userActor(officialId),
        action: 'consultation.announced',
        subjectType: 'consultation',
        subjectId: row.id,
        after: { programmeId: version.programme_id, versionId, ...notice },
      });
      return { ok: true, id: row.id } as const;
    });
  } catch (error) {
    // Two officials announcing at once: the unique index keeps one consultation per version.
    const existing = await consultationOfVersion(services.db, versionId);
    if (existing) return { ok: false, reason: 'exists', consultationId: existing.id };
    throw error;
  }
}
