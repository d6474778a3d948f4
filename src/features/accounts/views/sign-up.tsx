import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { EmailField, NewPasswordFields } from './account-fields.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export function SignUpPage({ form }: { form: FormModel }) {
  const { t } = useView();
  const title = t('accounts.signUp.title');
  return (
    <Layout title={form.errors.length ? `${t('accounts.errorTitlePrefix')} ${title}` : title}>
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('accounts.signUp.intro')}</p>
      <Form action="/rejestracja">
        <TextField
          name="displayName"
          label={t('accounts.fields.displayName')}
          hint={t('accounts.fields.displayNameHint')}
          value={form.values.displayName}
          error={errorFor(form, 'displayName')}
          autocomplete="name"
          maxLength={100}
        />
        <EmailField form={form} />
        <NewPasswordFields form={form} />
        <p class="field__hint">
          {t('accounts.signUp.privacy')} <a href="/polityka-prywatnosci">{t('accounts.signUp.privacyLink')}</a>.
        </p>
        <Button>{t('accounts.signUp.submit')}</Button>
      </Form>
      <p>
        {t('accounts.signUp.haveAccount')} <a href="/logowanie">{t('accounts.signIn.title')}</a>
      </p>
    </Layout>
  );
}
