import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { EmailField, NewPasswordFields } from './account-fields.js';
import { type FormModel } from '../../../platform/http/forms.js';

export function ResetRequestPage({ form }: { form: FormModel }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.reset.title')}>
      <h1>{t('accounts.reset.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('accounts.reset.intro')}</p>
      <Form action="/haslo/przypomnij">
        <EmailField form={form} />
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
        <NewPasswordFields form={form} />
        <Button>{t('accounts.newPassword.submit')}</Button>
      </Form>
    </Layout>
  );
}
