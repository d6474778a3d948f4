import { useView } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout.js';

export function CheckYourMailPage({ kind }: { kind: 'signUp' | 'reset' }) {
  const { t } = useView();
  return (
    <Layout title={t(`accounts.checkMail.${kind}.title`)}>
      <h1>{t(`accounts.checkMail.${kind}.title`)}</h1>
      <p>{t(`accounts.checkMail.${kind}.body`)}</p>
      <p>{t('accounts.checkMail.spam')}</p>
      {kind === 'signUp' && (
        <p>
          <a href="/potwierdz-email/ponow">{t('accounts.checkMail.resend')}</a>
        </p>
      )}
    </Layout>
  );
}
