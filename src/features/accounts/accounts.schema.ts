import { z } from 'zod';
import { zEmail, zNewPassword, zPassword, zSingleLine } from '../../platform/http/fields.js';

const zToken = z.string({ error: 'validation.invalid' }).regex(/^[A-Za-z0-9_-]{43}$/, { error: 'accounts.errors.invalidToken' });
// Where to go after signing in: never a reason to refuse the form (the visitor cannot see or fix it);
// `safeLocalPath` turns anything that is not a local path into the default.
const zReturnTo = z.string().optional().catch(undefined);

export const ZSignUp = z
  .object({
    displayName: zSingleLine(100),
    email: zEmail,
    password: zNewPassword,
    passwordConfirmation: z.string({ error: 'validation.required' }),
  })
  .refine((v) => v.password === v.passwordConfirmation, { path: ['passwordConfirmation'], error: 'validation.passwordsDiffer' })
  .refine((v) => v.password.toLowerCase() !== v.email, { path: ['password'], error: 'validation.passwordSameAsEmail' });
export type TSignUp = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({ email: zEmail, password: zPassword, wroc: zReturnTo });
export type TSignIn = z.infer<typeof ZSignIn>;

export const ZEmailOnly = z.object({ email: zEmail });
export type TEmailOnly = z.infer<typeof ZEmailOnly>;

export const ZTokenOnly = z.object({ token: zToken });

export const ZResetPassword = z
  .object({ token: zToken, password: zNewPassword, passwordConfirmation: z.string({ error: 'validation.required' }) })
  .refine((v) => v.password === v.passwordConfirmation, { path: ['passwordConfirmation'], error: 'validation.passwordsDiffer' });
export type TResetPassword = z.infer<typeof ZResetPassword>;

export const ZChangePassword = z
  .object({
    currentPassword: zPassword,
    password: zNewPassword,
    passwordConfirmation: z.string({ error: 'validation.required' }),
  })
  .refine((v) => v.password === v.passwordConfirmation, { path: ['passwordConfirmation'], error: 'validation.passwordsDiffer' });
export type TChangePassword = z.infer<typeof ZChangePassword>;

export const ZSessionParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
