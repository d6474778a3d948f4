import { useView } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout.js';

/** The art. 13 GDPR information notice: controller, DPO, purposes, bases, recipients, rights. */
export function PrivacyPage() {
  const { t, settings } = useView();
  const k = (key: string, params: Record<string, string> = {}) => t(`site.privacy.${key}`, params);
  return (
    <Layout title={k('title')}>
      <h1>{k('title')}</h1>
      <p>{k('intro')}</p>
      <h2>{k('controllerHeading')}</h2>
      <p>{k('controller', { controller: settings.controllerName, office: settings.officeName })}</p>
      <h2>{k('dpoHeading')}</h2>
      <p>
        {k('dpo')} <a href={`mailto:${settings.dataProtectionOfficerEmail}`}>{settings.dataProtectionOfficerEmail}</a>.
      </p>
      <h2>{k('purposesHeading')}</h2>
      <ul>
        <li>{k('purposes.account')}</li>
        <li>{k('purposes.publicTasks')}</li>
        <li>{k('purposes.security')}</li>
      </ul>
      <h2>{k('publicHeading')}</h2>
      <p>{k('public')}</p>
      <h2>{k('retentionHeading')}</h2>
      <p>{k('retention')}</p>
      <h2>{k('rightsHeading')}</h2>
      <p>{k('rights')}</p>
      <h2>{k('cookiesHeading')}</h2>
      <p>{k('cookies')}</p>
    </Layout>
  );
}
