import { useView } from '../../../ui/context.js';
import { Pagination } from '../../../ui/components/pagination.js';
import { Table } from '../../../ui/components/table.js';
import { Layout } from '../../../ui/layout.js';

export interface StaleOrganizationsModel {
  total: number;
  page: number;
  pageCount: number;
  organisations: Array<{
    name: string;
    href: string;
    /** Formatted (Europe/Warsaw) date of the last confirmation, or null when never confirmed. */
    lastConfirmedOn: string | null;
    /** When never confirmed: the date it was verified (or registered). */
    knownSince: { kind: 'verified' | 'registered'; on: string };
    remindedOn: string | null;
  }>;
}

/** Officials: verified organisations whose data nobody confirmed for 12 months. */
export function StaleOrganizationsPage({ model }: { model: StaleOrganizationsModel }) {
  const { t } = useView();
  const title = t('organizations.freshness.stale.title');
  return (
    <Layout
      title={title}
      wide
      breadcrumbs={[{ label: t('organizations.directory.title'), href: '/organizacje' }, { label: title }]}
    >
      <h1>{title}</h1>
      <p class="lead">{t('organizations.freshness.stale.intro')}</p>
      <h2 class="results-count">{t('organizations.freshness.stale.count', { count: model.total })}</h2>
      {model.total === 0 ? (
        <p>{t('organizations.freshness.stale.empty')}</p>
      ) : (
        <Table
          caption={t('organizations.freshness.stale.caption', { page: model.page, pageCount: model.pageCount })}
          captionHidden
          columns={[
            { label: t('organizations.freshness.stale.columns.organization') },
            { label: t('organizations.freshness.stale.columns.lastConfirmed') },
            { label: t('organizations.freshness.stale.columns.reminded') },
          ]}
          rows={model.organisations.map((o) => [
            <a href={o.href}>{o.name}</a>,
            o.lastConfirmedOn ??
              t(`organizations.freshness.stale.never.${o.knownSince.kind}`, {
                date: o.knownSince.on,
              }),
            o.remindedOn ?? t('organizations.freshness.stale.notReminded'),
          ])}
        />
      )}
      <Pagination page={model.page} pageCount={model.pageCount} hrefFor={(p) => `/organizacje/nieaktualne?strona=${p}`} />
    </Layout>
  );
}
