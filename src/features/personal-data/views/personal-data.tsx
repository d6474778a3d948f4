import { useView } from '../../../ui/context.js';
import { ButtonLink } from '../../../ui/components/button.js';
import { Layout } from '../../../ui/layout.js';

export function PersonalDataPage() {
  const { t } = useView();
  return (
    <Layout
      title={t('personalData.title')}
      breadcrumbs={[{ label: t('layout.nav.account'), href: '/konto' }, { label: t('personalData.title') }]}
    >
      <h1>{t('personalData.title')}</h1>
      <p>{t('personalData.intro')}</p>
      <h2>{t('personalData.exportHeading')}</h2>
      <p>{t('personalData.exportBody')}</p>
      <p>
        <a href="/konto/dane.json" download="wspolnie-moje-dane.json">
          {t('personalData.download')}
        </a>
      </p>
      <h2>{t('personalData.eraseHeading')}</h2>
      <p>{t('personalData.eraseBody')}</p>
      <ButtonLink href="/konto/usun" variant="warning">
        {t('personalData.eraseLink')}
      </ButtonLink>
    </Layout>
  );
}
