import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { NewPasswordFields } from './account-fields.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

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
        <NewPasswordFields form={form} />
        <Button>{t('accounts.changePassword.submit')}</Button>
      </Form>
    </Layout>
  );
}
