/**
 * The minutes (protokół) as versions: every save adds a row (version n+1), so every text ever saved
 * is kept. The newest version carries the state: draft → circulated to the participants for remarks
 * until a Warsaw date → approved (who, when) → published. Each step names the version the official
 * saw (optimistic check), is audited, and commits together with its mail.
 */
import type { Kysely } from 'kysely';
import type { Services } from '../../services.js';
import { recordAudit, userActor } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import type { DB, MinutesStatus } from '../../platform/db/schema.js';
import { translatorFor, type Language } from '../../platform/i18n/i18n.js';
import { queueMail } from '../../platform/mail/mail.js';
import { allowedActions, approvalNeedsConfirmation, type MinutesAction } from './meeting-minutes.policy.js';
import { participantEmails, type MinutesItem } from './meeting-minutes.repo.js';
import { dayLabel, todayInWarsaw } from './meeting-context.js';

export type WorkflowRefusal = 'conflict' | 'notAllowed' | 'dateInPast' | 'needsConfirmation';
export type WorkflowResult = { ok: true; version: number } | { ok: false; reason: WorkflowRefusal };

export interface MinutesInput {
  /** The version the official started from (0 when there was none). */
  baseVersion: number;
  items: MinutesItem[];
  closing: string;
  authorName: string;
  authorPosition: string;
}

/** The newest version, locked on PostgreSQL so two transitions cannot both pass the version check. */
function newest(services: Services, trx: Kysely<DB>, meetingId: number) {
  return trx
    .selectFrom('meeting_minutes')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .orderBy('version', 'desc')
    .limit(1)
    .$if(services.engine === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
}

const isUniqueViolation = (error: unknown) =>
  error instanceof Error && ((error as { code?: string }).code === '23505' || /UNIQUE constraint failed/.test(error.message));

/**
 * Saves the text as a new version. Editing circulated minutes keeps them circulated (remarks are being
 * worked in); editing approved or published minutes starts a new draft.
 */
export async function saveMinutes(
  services: Services,
  userId: number,
  meetingId: number,
  input: MinutesInput,
): Promise<WorkflowResult> {
  try {
    return await services.db.transaction().execute(async (trx): Promise<WorkflowResult> => {
      const current = await newest(services, trx, meetingId);
      if ((current?.version ?? 0) !== input.baseVersion) return { ok: false, reason: 'conflict' };
      const version = input.baseVersion + 1;
      const keepCirculated = current?.status === 'circulated';
      const status: MinutesStatus = keepCirculated ? 'circulated' : 'draft';
      await trx
        .insertInto('meeting_minutes')
        .values({
          meeting_id: meetingId,
          version,
          status,
          items_json: JSON.stringify(input.items),
          closing_md: input.closing || null,
          author_name: input.authorName || null,
          author_position: input.authorPosition || null,
          remarks_until: keepCirculated ? current.remarks_until : null,
          circulated_at: keepCirculated ? current.circulated_at : null,
          created_by: userId,
          created_at: nowIso(),
        })
        .execute();
      await recordAudit(trx, {
        actor: userActor(userId),
        action: 'meeting.minutes_saved',
        subjectType: 'meeting',
        subjectId: meetingId,
        before: current ? { version: current.version, status: current.status } : null,
        after: { version, status },
      });
      return { ok: true, version };
    });
  } catch (error) {
    // Two saves of the same version at once: the unique (meeting, version) index lets one through.
    if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
    throw error;
  }
}

async function transition(
  services: Services,
  userId: number,
  meetingId: number,
  version: number,
  action: Exclude<MinutesAction, 'edit'>,
  apply: (
    trx: Kysely<DB>,
    current: NonNullable<Awaited<ReturnType<typeof newest>>>,
  ) => Promise<{ ok: false; reason: WorkflowRefusal } | { ok: true; set: Partial<Record<string, unknown>>; audit: object }>,
): Promise<WorkflowResult> {
  return services.db.transaction().execute(async (trx): Promise<WorkflowResult> => {
    const current = await newest(services, trx, meetingId);
    if (!current || current.version !== version) return { ok: false, reason: 'conflict' };
    if (!allowedActions(current.status).includes(action)) return { ok: false, reason: 'notAllowed' };
    const applied = await apply(trx, current);
    if (!applied.ok) return applied;
    await trx.updateTable('meeting_minutes').set(applied.set).where('id', '=', current.id).execute();
    await recordAudit(trx, {
      actor: userActor(userId),
      action: `meeting.minutes_${action === 'circulate' ? 'circulated' : action === 'approve' ? 'approved' : 'published'}`,
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { version: current.version, status: current.status, remarks_until: current.remarks_until },
      after: { version: current.version, ...applied.audit },
    });
    return { ok: true, version: current.version };
  });
}

/** Sends the minutes to every participant for remarks until the given Warsaw day (inclusive). */
export async function circulateMinutes(
  services: Services,
  userId: number,
  meetingId: number,
  input: { version: number; remarksUntil: string },
  language: Language,
  now: Date = new Date(),
): Promise<WorkflowResult & { recipients?: number }> {
  let recipients = 0;
  const result = await transition(services, userId, meetingId, input.version, 'circulate', async (trx, current) => {
    if (input.remarksUntil < todayInWarsaw(now)) return { ok: false, reason: 'dateInPast' };
    const meeting = await trx
      .selectFrom('meetings')
      .select(['topic', 'starts_at'])
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    const emails = await participantEmails(trx, meetingId);
    const t = translatorFor(language);
    const link = `${services.config.baseUrl}/spotkania/${meetingId}/protokol/uwagi`;
    const until = dayLabel(input.remarksUntil, language);
    for (const to of emails) {
      await queueMail(trx, {
        to,
        subject: t('meetingMinutes.mails.circulated.subject', { topic: meeting.topic }),
        text: t('meetingMinutes.mails.circulated.body', { topic: meeting.topic, until, link }),
      });
    }
    recipients = emails.length;
    const circulatedAt = nowIso(() => now);
    return {
      ok: true,
      set: { status: 'circulated', remarks_until: input.remarksUntil, circulated_at: circulatedAt },
      audit: { status: 'circulated', remarks_until: input.remarksUntil, recipients: emails.length, wasStatus: current.status },
    };
  });
  return result.ok ? { ...result, recipients } : result;
}

/** Approves the minutes; while the remarks period is open only with the official's explicit confirmation. */
export async function approveMinutes(
  services: Services,
  userId: number,
  meetingId: number,
  input: { version: number; confirmEarly: boolean },
  now: Date = new Date(),
): Promise<WorkflowResult> {
  return transition(services, userId, meetingId, input.version, 'approve', async (_trx, current) => {
    const early = approvalNeedsConfirmation(current, todayInWarsaw(now));
    if (early && !input.confirmEarly) return { ok: false, reason: 'needsConfirmation' };
    const approvedAt = nowIso(() => now);
    return {
      ok: true,
      set: { status: 'approved', approved_by: userId, approved_at: approvedAt },
      audit: { status: 'approved', approved_at: approvedAt, beforeRemarksPeriodEnded: early },
    };
  });
}

/** Publishes approved minutes: the protocol page becomes public. */
export async function publishMinutes(
  services: Services,
  userId: number,
  meetingId: number,
  input: { version: number },
  now: Date = new Date(),
): Promise<WorkflowResult> {
  return transition(services, userId, meetingId, input.version, 'publish', async () => {
    const publishedAt = nowIso(() => now);
    return {
      ok: true,
      set: { status: 'published', published_at: publishedAt },
      audit: { status: 'published', published_at: publishedAt },
    };
  });
}

/** An official's answer to a participant's remark (replacing an earlier answer), mailed to its author; audited. */
export async function answerRemark(
  services: Services,
  userId: number,
  meetingId: number,
  remarkId: number,
  answer: string,
  language: Language = 'pl',
): Promise<boolean> {
  return services.db.transaction().execute(async (trx) => {
    const remark = await trx
      .selectFrom('meeting_minutes_remarks')
      .innerJoin('meeting_minutes', 'meeting_minutes.id', 'meeting_minutes_remarks.minutes_id')
      .leftJoin('users', 'users.id', 'meeting_minutes_remarks.user_id')
      .select(['meeting_minutes_remarks.id', 'meeting_minutes_remarks.answer', 'meeting_minutes_remarks.text', 'users.email'])
      .where('meeting_minutes_remarks.id', '=', remarkId)
      .where('meeting_minutes.meeting_id', '=', meetingId)
      .executeTakeFirst();
    if (!remark) return false;
    await trx.updateTable('meeting_minutes_remarks').set({ answer }).where('id', '=', remarkId).execute();
    if (remark.email && remark.answer !== answer) {
      const meeting = await trx.selectFrom('meetings').select('topic').where('id', '=', meetingId).executeTakeFirstOrThrow();
      const t = translatorFor(language);
      await queueMail(trx, {
        to: remark.email,
        subject: t('meetingMinutes.mails.answered.subject', { topic: meeting.topic }),
        text: t('meetingMinutes.mails.answered.body', {
          topic: meeting.topic,
          remark: remark.text,
          answer,
          link: `${services.config.baseUrl}/spotkania/${meetingId}/protokol/uwagi`,
        }),
      });
    }
    await recordAudit(trx, {
      actor: userActor(userId),
      action: 'meeting.minutes_remark_answered',
      subjectType: 'meeting',
      subjectId: meetingId,
      before: { remarkId, answer: remark.answer },
      after: { remarkId, answer },
    });
    return true;
  });
}
