/**
 * Editing the notice. Before the consultation opens every field may change (with the same rules as
 * announcing); once it is open only the end date may move, and only later — a period promised to
 * the public is never shortened nor brought below the minimum. After the end nothing changes.
 * Two officials never overwrite each other: a save names the `version` it read.
 */
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { formError, type FieldError } from '../../platform/http/forms.js';
import { consultationSettings } from '../settings/index.js';
import { consultationPhase } from './consultation-phase.js';
import { findConsultation, type ConsultationRecord } from './consultation.repo.js';
import { noticePeriodErrors, type TNotice } from './consultation.schema.js';
import { warsawToday } from './consultation-time.js';
import { noticeColumns } from './create-consultation.js';
import { parseForms } from './consultation-facts.js';

export type UpdateNoticeResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: 'notFound' | 'locked' | 'conflict' }
  | { ok: false; reason: 'invalid'; errors: FieldError[] };

/** The change: the whole notice before the opening, only the end date while open. */
export type NoticeChange = { kind: 'notice'; notice: TNotice } | { kind: 'extension'; endsOn: string };

/** The notice of a stored consultation, in the form's shape. */
export function noticeOf(c: ConsultationRecord): TNotice {
  return {
    subject: c.subject,
    legalBasis: c.legal_basis,
    participants: c.participants,
    forms: parseForms(c.forms_json),
    whereToSubmit: c.where_to_submit,
    responsibleUnit: c.responsible_unit,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    residentsAllowed: c.residents_allowed === 1,
  };
}

export async function updateNotice(
  services: Services,
  officialId: number,
  ref: { consultationId: number; version: number },
  change: NoticeChange,
): Promise<UpdateNoticeResult> {
  const { settings } = await services.settings.get();
  const minDays = consultationSettings(settings).minDays;
  const now = services.clock();
  return services.db.transaction().execute(async (trx) => {
    const c = await findConsultation(trx, ref.consultationId);
    if (!c) return { ok: false, reason: 'notFound' } as const;
    const phase = consultationPhase(c, now);
    if (phase === 'ended' || phase === 'closed') return { ok: false, reason: 'locked' } as const;
    if (c.version !== ref.version) return { ok: false, reason: 'conflict' } as const;
    const before = noticeOf(c);
    let after: TNotice;
    if (phase === 'upcoming' && change.kind === 'notice') {
      after = change.notice;
      const errors = noticePeriodErrors(after, { today: warsawToday(now), minDays });
      if (errors.length) return { ok: false, reason: 'invalid', errors } as const;
    } else {
      // Open (or a form from before the opening sent after it): only a later end date.
      const endsOn = change.kind === 'extension' ? change.endsOn : change.notice.endsOn;
      if (endsOn < c.ends_on)
        return { ok: false, reason: 'invalid', errors: [formError('endsOn', 'consultation.errors.shortened')] } as const;
      const errors = noticePeriodErrors(
        { startsOn: c.starts_on, endsOn },
        { today: warsawToday(now), minDays, checkStart: false },
      );
      if (errors.length) return { ok: false, reason: 'invalid', errors } as const;
      after = { ...before, endsOn };
    }
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const key of Object.keys(after) as Array<keyof TNotice>) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
        changedBefore[key] = before[key];
        changedAfter[key] = after[key];
      }
    }
    if (Object.keys(changedAfter).length === 0) return { ok: true, changed: false } as const;
    const columns = noticeColumns(after);
    const updated = await trx
      .updateTable('consultations')
      .set({ ...columns, version: c.version + 1, updated_at: nowIso(services.clock) })
      .where('id', '=', c.id)
      .where('version', '=', c.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) return { ok: false, reason: 'conflict' } as const;
    await recordAudit(trx, {
      actor: userActor(officialId),
      action: phase === 'open' ? 'consultation.extended' : 'consultation.notice-updated',
      subjectType: 'consultation',
      subjectId: c.id,
      before: changedBefore,
      after: changedAfter,
    });
    return { ok: true, changed: true } as const;
  });
}
