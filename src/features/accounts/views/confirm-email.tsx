import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { EmailField } from './account-fields.js';
import { type FormModel } from '../../../platform/http/forms.js';

export function ConfirmEmailPage({ token }: { token: string }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.confirm.title')}>
      <h1>{t('accounts.confirm.title')}</h1>
      <p>{t('accounts.confirm.body')}</p>
      <Form action="/potwierdz-email">
        <input type="hidden" name="token" value={token} />
        <Button>{t('accounts.confirm.submit')}</Button>
      </Form>
    </Layout>
  );
}

export function ResendConfirmationPage({ form }: { form: FormModel }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.resend.title')}>
      <h1>{t('accounts.resend.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('accounts.resend.body')}</p>
      <Form action="/potwierdz-email/ponow">
        <EmailField form={form} />
        <Button>{t('accounts.resend.submit')}</Button>
      </Form>
    </Layout>
  );
}
