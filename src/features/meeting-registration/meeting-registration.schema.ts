import { z } from 'zod';
import { zEmail, zMultiline, zOptional, zSingleLine } from '../../platform/http/fields.js';

const zId = (error: string) => z.string({ error }).regex(/^[1-9][0-9]{0,9}$/, { error });

/** Register: on behalf of one of the person's organisations (its id), or `guest`. */
export const ZRegistration = z.object({
  organization: z
    .string({ error: 'meetingRegistration.errors.chooseOrganization' })
    .regex(/^(guest|[1-9][0-9]{0,9})$/, { error: 'meetingRegistration.errors.chooseOrganization' }),
  accessibilityNeeds: zOptional(zMultiline(1000)),
});
export type TRegistration = z.infer<typeof ZRegistration>;

export const ZCheckIn = z.object({ action: z.literal('check-in'), registration: zId('validation.invalid') });
export const ZUndo = z.object({ action: z.literal('undo'), attendee: zId('validation.invalid') });
export const ZWalkIn = z.object({
  action: z.literal('walk-in'),
  fullName: zSingleLine(200),
  role: z.enum(['ngo', 'official', 'guest'], { error: 'meetingRegistration.errors.chooseRole' }),
  organization: zOptional(zSingleLine(300)),
  email: zOptional(zEmail),
});
export type TWalkIn = z.infer<typeof ZWalkIn>;

/** An official registers a person with an account (invitation-only meetings, registrations by phone). */
export const ZRegisterPerson = z.object({
  email: zEmail,
  organization: zOptional(zSingleLine(300)),
  accessibilityNeeds: zOptional(zMultiline(1000)),
});
export type TRegisterPerson = z.infer<typeof ZRegisterPerson>;
