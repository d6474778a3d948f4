import { useView } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout.js';

/** A confirmation or reset link that is unknown, already used or expired. */
export function InvalidLinkPage({ kind }: { kind: 'confirm' | 'reset' }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.invalidLink.title')}>
      <h1>{t('accounts.invalidLink.title')}</h1>
      <p>{t('accounts.invalidLink.body')}</p>
      <p>
        {kind === 'confirm' ? (
          <a href="/potwierdz-email/ponow">{t('accounts.invalidLink.newConfirm')}</a>
        ) : (
          <a href="/haslo/przypomnij">{t('accounts.invalidLink.newReset')}</a>
        )}
      </p>
    </Layout>
  );
}
