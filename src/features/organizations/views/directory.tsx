import { useView } from '../../../ui/context.js';
import { ButtonLink } from '../../../ui/components/button.js';
import { Pagination } from '../../../ui/components/pagination.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';

export interface DirectoryModel {
  total: number;
  page: number;
  pageCount: number;
  organisations: Array<{ name: string; href: string; legalForm: string; city: string; opp: boolean; volunteers: boolean }>;
}

export function DirectoryPage({ model }: { model: DirectoryModel }) {
  const { t, user } = useView();
  return (
    <Layout title={t('organizations.directory.title')}>
      <h1>{t('organizations.directory.title')}</h1>
      <p class="lead">{t('organizations.directory.intro')}</p>
      {user && (
        <div class="actions">
          <ButtonLink href="/organizacje/nowa" variant="primary">
            {t('organizations.directory.register')}
          </ButtonLink>
        </div>
      )}
      <h2 class="results-count">{t('ui.counts.organizations', { count: model.total })}</h2>
      {model.organisations.length === 0 ? (
        <p>{t('organizations.directory.empty')}</p>
      ) : (
        <ul class="results">
          {model.organisations.map((o) => (
            <li class="result">
              <h3 class="result__title">
                <a href={o.href}>{o.name}</a>
              </h3>
              <p class="result__meta">
                {[o.legalForm, o.city].filter(Boolean).join(' · ')}
                {o.opp && (
                  <>
                    {' '}
                    <Tag colour="green">{t('organizations.opp')}</Tag>
                  </>
                )}
                {o.volunteers && (
                  <>
                    {' '}
                    <Tag colour="blue">{t('organizations.volunteersWanted')}</Tag>
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={model.page} pageCount={model.pageCount} hrefFor={(p) => `/organizacje?strona=${p}`} />
    </Layout>
  );
}
