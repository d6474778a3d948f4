/** Fields that several account forms share, so their labels, hints and autocomplete stay identical. */
import { useView } from '../../../ui/context.js';
import { TextField } from '../../../ui/components/field.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { passwordMinLength } from '../../../platform/http/fields.js';

/** The e-mail address of an account (sign-in, sign-up, reset, resend confirmation). */
export function EmailField({ form }: { form: FormModel }) {
  const { t } = useView();
  return (
    <TextField
      name="email"
      type="email"
      label={t('accounts.fields.email')}
      value={form.values.email}
      error={errorFor(form, 'email')}
      autocomplete="email"
      spellcheck={false}
    />
  );
}

/** A new password typed twice (sign-up, reset, change). */
export function NewPasswordFields({ form }: { form: FormModel }) {
  const { t } = useView();
  return (
    <>
      <TextField
        name="password"
        type="password"
        label={t('accounts.fields.newPassword')}
        hint={t('accounts.fields.newPasswordHint', { min: passwordMinLength })}
        error={errorFor(form, 'password')}
        autocomplete="new-password"
      />
      <TextField
        name="passwordConfirmation"
        type="password"
        label={t('accounts.fields.passwordConfirmation')}
        error={errorFor(form, 'passwordConfirmation')}
        autocomplete="new-password"
      />
    </>
  );
}
