import { useView } from '../../../ui/context.js';
import { Paragraphs } from '../../../ui/components/paragraphs.js';
import { Layout } from '../../../ui/layout.js';

export function ContactPage() {
  const { t, settings } = useView();
  return (
    <Layout title={t('site.contact.title')}>
      <h1>{t('site.contact.title')}</h1>
      <h2>{settings.officeName}</h2>
      {settings.contactAddress && <Paragraphs text={settings.contactAddress} />}
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t('site.contact.email')}</dt>
          <dd>
            <a href={`mailto:${settings.contactEmail}`}>{settings.contactEmail}</a>
          </dd>
        </div>
        {settings.contactPhone && (
          <div class="summary-list__row">
            <dt>{t('site.contact.phone')}</dt>
            <dd>{settings.contactPhone}</dd>
          </div>
        )}
      </dl>
    </Layout>
  );
}
