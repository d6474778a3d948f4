import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { EmailField } from './account-fields.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export function SignInPage({ form, unconfirmed }: { form: FormModel; unconfirmed?: boolean }) {
  const { t } = useView();
  const title = t('accounts.signIn.title');
  return (
    <Layout title={form.errors.length ? `${t('accounts.errorTitlePrefix')} ${title}` : title}>
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      {unconfirmed && (
        <p>
          <a href="/potwierdz-email/ponow">{t('accounts.signIn.resend')}</a>
        </p>
      )}
      <Form action="/logowanie">
        {form.values.wroc && <input type="hidden" name="wroc" value={form.values.wroc} />}
        <EmailField form={form} />
        <TextField
          name="password"
          type="password"
          label={t('accounts.fields.password')}
          error={errorFor(form, 'password')}
          autocomplete="current-password"
        />
        <Button>{t('accounts.signIn.submit')}</Button>
      </Form>
      <ul class="link-list">
        <li>
          <a href="/haslo/przypomnij">{t('accounts.signIn.forgot')}</a>
        </li>
        <li>
          <a href="/rejestracja">{t('accounts.signIn.noAccount')}</a>
        </li>
      </ul>
    </Layout>
  );
}
