/**
 * Input schemas of the meeting record: the meeting form (a Warsaw date with a start and an end
 * time, converted with `warsawToUtc`), agenda items, attachment titles and the list's query.
 * Messages are i18n keys; cross-field rules (end after start, a place or a link, the registration
 * deadline before the start) name the field the error belongs to.
 */
import { z } from 'zod';
import { zCheckbox, zDateOnly, zMultiline, zOptional, zSingleLine, zTime } from '../../platform/http/fields.js';
import { warsawToUtc } from '../../platform/i18n/format.js';

export const defaultProtocolTitle = 'Protokół ze spotkania roboczego z przedstawicielami organizacji pozarządowych';

const zId = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const ZMeetingParams = z.object({ id: zId });
export const ZAttachmentParams = z.object({ id: zId, attachmentId: zId });

export const zVersion = z.coerce
  .number({ error: 'validation.invalid' })
  .int()
  .min(1)
  .max(2 ** 31 - 1);

/** A meeting day: a real date, not before 2000 and not after 2100 (typos such as 0202 are caught). */
const zMeetingDate = zDateOnly.refine((v) => v >= '2000-01-01' && v <= '2100-12-31', { error: 'meetings.errors.dateRange' });

const zWholeNumber = (min: number, max: number, key: string) =>
  zOptional(
    zSingleLine(10).refine((v) => /^\d{1,9}$/.test(v) && Number(v) >= min && Number(v) <= max, {
      error: key,
      params: { min, max },
    }),
  );

const zUrl = zSingleLine(500).refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), { error: 'meetings.errors.url' });

/** The UTC instant of a Warsaw date and time, or null when either is not a well-formed value. */
function utcOrNull(date: unknown, time: unknown): Date | null {
  if (typeof date !== 'string' || typeof time !== 'string') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(time)) return null;
  try {
    return warsawToUtc(date, time);
  } catch {
    return null;
  }
}

/** The fields of the meeting form as typed (create and edit). */
export const ZMeetingForm = z
  .object({
    topic: zSingleLine(300),
    title: zSingleLine(500),
    goal: zOptional(zMultiline(10_000)),
    audience: zOptional(zMultiline(10_000)),
    date: zMeetingDate,
    startTime: zTime,
    endTime: zTime,
    place: zOptional(zSingleLine(300)),
    onlineUrl: zOptional(zUrl),
    hostName: zSingleLine(200),
    hostFunction: zOptional(zSingleLine(300)),
    organiser: zSingleLine(300),
    visibility: z.enum(['public', 'invitation'], { error: 'validation.choose' }),
    guestsAllowed: zCheckbox,
    capacity: zWholeNumber(1, 100_000, 'meetings.errors.capacity'),
    registrationDeadlineDate: zOptional(zMeetingDate),
    registrationDeadlineTime: zOptional(zTime),
    programmeYear: zWholeNumber(2000, 2100, 'meetings.errors.programmeYear'),
  })
  // zod runs this even when a field above failed, with that field's raw value: every cross-field
  // rule checks that its inputs are well formed first, and never throws.
  .superRefine((v, ctx) => {
    const start = utcOrNull(v.date, v.startTime);
    const end = utcOrNull(v.date, v.endTime);
    if (start && end && end.getTime() <= start.getTime()) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'meetings.errors.endBeforeStart' });
    }
    if (!v.place && !v.onlineUrl) {
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'meetings.errors.placeOrLink' });
    }
    const deadlineParts = [v.registrationDeadlineDate, v.registrationDeadlineTime].filter(Boolean).length;
    if (deadlineParts === 1) {
      ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'meetings.errors.deadlineIncomplete' });
    } else if (deadlineParts === 2) {
      const deadline = utcOrNull(v.registrationDeadlineDate, v.registrationDeadlineTime);
      if (deadline && start && deadline.getTime() >= start.getTime()) {
        ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'meetings.errors.deadlineAfterStart' });
      }
    }
  })
  .transform((v) => ({
    topic: v.topic,
    title: v.title,
    goalMd: v.goal || null,
    audienceMd: v.audience || null,
    startsAt: warsawToUtc(v.date, v.startTime).toISOString(),
    endsAt: warsawToUtc(v.date, v.endTime).toISOString(),
    place: v.place || null,
    onlineUrl: v.onlineUrl || null,
    hostName: v.hostName,
    hostFunction: v.hostFunction || null,
    organiser: v.organiser,
    visibility: v.visibility,
    guestsAllowed: v.guestsAllowed,
    capacity: v.capacity ? Number(v.capacity) : null,
    registrationDeadline:
      v.registrationDeadlineDate && v.registrationDeadlineTime
        ? warsawToUtc(v.registrationDeadlineDate, v.registrationDeadlineTime).toISOString()
        : null,
    programmeYear: v.programmeYear ? Number(v.programmeYear) : null,
  }));
export type TMeetingInput = z.output<typeof ZMeetingForm>;

export const ZMeetingEditForm = ZMeetingForm.and(z.object({ version: zVersion }));

/** Publishing and cancelling name the version the official saw. */
export const ZStatusChange = z.object({ version: zVersion });
export const ZCancelMeeting = z.object({ version: zVersion, reason: zOptional(zMultiline(2_000)) });

export const ZAgendaItemForm = z.object({
  title: zSingleLine(500),
  duration: zWholeNumber(1, 1440, 'meetings.errors.duration'),
});

/** One action on an existing agenda item or attachment: its id and what to do. */
export const ZItemAction = z.object({
  item: zId,
  action: z.enum(['up', 'down', 'remove'], { error: 'validation.choose' }),
});

export const ZAttachmentTitle = z.object({ title: zSingleLine(300) });

export const ZMeetingListQuery = z.object({
  strona: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
