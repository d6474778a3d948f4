import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export function EraseAccountPage({ form }: { form: FormModel }) {
  const { t } = useView();
  return (
    <Layout
      title={t('personalData.erase.title')}
      breadcrumbs={[
        { label: t('layout.nav.account'), href: '/konto' },
        { label: t('personalData.title'), href: '/konto/dane' },
        { label: t('personalData.erase.title') },
      ]}
    >
      <h1>{t('personalData.erase.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <NotificationBanner kind="warning">
        <p>{t('personalData.erase.warning')}</p>
      </NotificationBanner>
      <ul>
        <li>{t('personalData.erase.removed')}</li>
        <li>{t('personalData.erase.kept')}</li>
      </ul>
      <Form action="/konto/usun">
        <TextField
          name="password"
          type="password"
          label={t('personalData.erase.password')}
          error={errorFor(form, 'password')}
          autocomplete="current-password"
        />
        <Button variant="warning">{t('personalData.erase.submit')}</Button>
      </Form>
      <p>
        <a href="/konto">{t('personalData.erase.cancel')}</a>
      </p>
    </Layout>
  );
}
