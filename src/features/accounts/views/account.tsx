import { useView } from '../../../ui/context.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';

export interface AccountModel {
  displayName: string;
  email: string;
  roles: string[];
  memberSince: string;
  organisations: Array<{ name: string; role: string }>;
}

export function AccountPage({ model }: { model: AccountModel }) {
  const { t } = useView();
  return (
    <Layout title={t('accounts.account.title')}>
      <h1>{t('accounts.account.title')}</h1>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t('accounts.fields.displayName')}</dt>
          <dd>{model.displayName}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('accounts.fields.email')}</dt>
          <dd>{model.email}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('accounts.account.roles')}</dt>
          <dd>{model.roles.length ? model.roles.map((r) => <Tag colour="blue">{r}</Tag>) : t('accounts.account.noRoles')}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('accounts.account.memberSince')}</dt>
          <dd>{model.memberSince}</dd>
        </div>
      </dl>
      <h2>{t('accounts.account.organisations')}</h2>
      {model.organisations.length ? (
        <ul>
          {model.organisations.map((o) => (
            <li>
              {o.name} — {o.role}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('accounts.account.noOrganisations')}</p>
      )}
      <h2>{t('accounts.account.security')}</h2>
      <ul class="link-list">
        <li>
          <a href="/konto/haslo">{t('accounts.changePassword.title')}</a>
        </li>
        <li>
          <a href="/konto/sesje">{t('accounts.sessions.title')}</a>
        </li>
        <li>
          <a href="/konto/dane">{t('personalData.title')}</a>
        </li>
      </ul>
    </Layout>
  );
}
