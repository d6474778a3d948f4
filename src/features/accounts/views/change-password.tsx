import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { passwordMinLength } from '../../../platform/http/fields.js';

export function ChangePasswordPage({ form }: { form: FormModel }) {
  const { t } = useView();
  return (
    <Layout
      title={t('accounts.changePassword.title')}
      breadcrumbs={[{ label: t('layout.nav.account'), href: '/konto' }, { label: t('accounts.changePassword.title') }]}
    >
      <h1>{t('accounts.changePassword.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('accounts.changePassword.intro')}</p>
      <Form action="/konto/haslo">
        <TextField
          name="currentPassword"
          type="password"
          label={t('accounts.fields.currentPassword')}
          error={errorFor(form, 'currentPassword')}
          autocomplete="current-password"
        />
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
        <Button>{t('accounts.changePassword.submit')}</Button>
      </Form>
    </Layout>
  );
}
