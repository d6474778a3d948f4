import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { passwordMinLength } from '../../../platform/http/fields.js';

export function ResetRequestPage({ form }: { form: FormModel }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.reset.title')}>
      <h1>{t('accounts.reset.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('accounts.reset.intro')}</p>
      <Form action="/haslo/przypomnij">
        <TextField
          name="email"
          type="email"
          label={t('accounts.fields.email')}
          value={form.values.email}
          error={errorFor(form, 'email')}
          autocomplete="email"
          spellcheck={false}
        />
        <Button>{t('accounts.reset.submit')}</Button>
      </Form>
    </Layout>
  );
}

export function NewPasswordPage({ form }: { form: FormModel }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.newPassword.title')}>
      <h1>{t('accounts.newPassword.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action="/haslo/nowe">
        <input type="hidden" name="token" value={form.values.token ?? ''} />
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
        <Button>{t('accounts.newPassword.submit')}</Button>
      </Form>
    </Layout>
  );
}
