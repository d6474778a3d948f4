import { useView } from '../../../ui/context.js';
import { Button, ButtonLink } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { Checkbox, Select } from '../../../ui/components/field.js';
import { Pagination } from '../../../ui/components/pagination.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import { PreRendered } from '../../../ui/components/pre-rendered.js';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface DirectoryModel {
  query: string;
  sort: 'name' | 'relevance';
  /** Officials only: which organisations are listed (the public sees verified ones). */
  status: { value: string; options: Array<{ value: string; label: string }> } | null;
  total: number;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  facets: {
    spheres: FacetOption[];
    legalForms: FacetOption[];
    areas: FacetOption[];
    opp: FacetOption;
    volunteers: FacetOption;
  };
  /** The chosen filters, each with the URL that drops it. */
  chosen: Array<{ label: string; removeHref: string }>;
  clearHref: string | null;
  exports: { csv: string; json: string };
  organisations: Array<{
    name: string;
    href: string;
    legalForm: string;
    city: string;
    spheres: string[];
    opp: boolean;
    volunteers: boolean;
  }>;
}

const withCount = (o: FacetOption) => ({ value: o.value, label: `${o.label} (${o.count})` });

/** One facet: the values worth showing — the chosen ones, and the ones that would give results. */
function Facet(props: { name: string; legend: string; options: FacetOption[] }) {
  const offered = props.options.filter((o) => o.selected || o.count > 0);
  if (offered.length === 0) return null;
  return (
    <Checkboxes
      name={props.name}
      legend={props.legend}
      options={offered.map(withCount)}
      selected={offered.filter((o) => o.selected).map((o) => o.value)}
    />
  );
}

/**
 * The directory page. Its body — the search form, facets and results — depends only on the query,
 * the language and whether the visitor is an official, so the route renders it once per answer
 * and keeps the HTML with the cached answer (`content`); the frame around it is rendered per request.
 */
export function DirectoryPage(props: { query: string; content: string }) {
  const { t, user } = useView();
  return (
    <Layout
      title={
        props.query ? t('organizations.directory.titleWithQuery', { query: props.query }) : t('organizations.directory.title')
      }
    >
      <h1>{t('organizations.directory.title')}</h1>
      <p class="lead">{t('organizations.directory.intro')}</p>
      {user && (
        <div class="actions">
          <ButtonLink href="/organizacje/nowa" variant="primary">
            {t('organizations.directory.register')}
          </ButtonLink>
        </div>
      )}
      <PreRendered html={props.content} />
    </Layout>
  );
}

/** The body of the directory page for one answer (rendered once per answer, language and audience). */
export function DirectoryContent({ model }: { model: DirectoryModel }) {
  const { t } = useView();
  const chosenSpheres = model.facets.spheres.filter((o) => o.selected).length;
  return (
    <>
      {model.status && (
        <nav class="office-links" aria-label={t('organizations.directory.officeLinks')}>
          <ul class="link-list">
            <li>
              <a href="/organizacje?stan=weryfikacja">{t('organizations.directory.statusPending')}</a>
            </li>
            <li>
              <a href="/organizacje/nieaktualne">{t('organizations.directory.stale')}</a>
            </li>
            <li>
              <a href="/organizacje/import">{t('organizations.directory.import')}</a>
            </li>
          </ul>
        </nav>
      )}
      <form method="get" action="/organizacje" class="directory" data-live-search="">
        <div class="directory__search" role="search">
          <label class="field__label" for="q">
            {t('organizations.directory.searchLabel')}
          </label>
          <p class="field__hint" id="q-hint">
            {t('organizations.directory.searchHint')}
          </p>
          <div class="directory__search-row">
            <input
              class="input"
              type="search"
              id="q"
              name="q"
              value={model.query}
              maxLength={200}
              autocomplete="off"
              aria-describedby="q-hint"
            />
            <Button type="submit" variant="primary">
              {t('organizations.directory.search')}
            </Button>
          </div>
        </div>
        <div class="directory__layout">
          <div class="directory__filters" id="filtry">
            <h2 class="directory__filters-heading">{t('organizations.directory.filters')}</h2>
            {model.status && (
              <Select
                name="stan"
                label={t('organizations.directory.status')}
                value={model.status.value}
                options={model.status.options}
              />
            )}
            <details class="directory__facet" open={chosenSpheres > 0}>
              <summary>
                {t('organizations.fields.spheres')}
                {chosenSpheres > 0 && ` (${t('organizations.directory.chosen', { count: chosenSpheres })})`}
              </summary>
              <Facet name="sfera" legend={t('organizations.directory.sphereLegend')} options={model.facets.spheres} />
            </details>
            <Facet name="forma" legend={t('organizations.fields.legalForm')} options={model.facets.legalForms} />
            <Facet name="zasieg" legend={t('organizations.fields.areaScope')} options={model.facets.areas} />
            <fieldset class="fieldset">
              <legend class="fieldset__legend">{t('organizations.directory.other')}</legend>
              <Checkbox name="opp" value="1" label={withCount(model.facets.opp).label} checked={model.facets.opp.selected} />
              <Checkbox
                name="wolontariat"
                value="1"
                label={withCount(model.facets.volunteers).label}
                checked={model.facets.volunteers.selected}
              />
            </fieldset>
            {model.query && (
              <Select
                name="sort"
                label={t('organizations.directory.sort')}
                value={model.sort === 'name' ? 'nazwa' : 'trafnosc'}
                options={[
                  { value: 'trafnosc', label: t('organizations.directory.sortRelevance') },
                  { value: 'nazwa', label: t('organizations.directory.sortName') },
                ]}
              />
            )}
            <Button type="submit">{t('organizations.directory.apply')}</Button>
          </div>
          <div class="directory__results" id="wyniki">
            <h2 class="results-count" id="liczba-wynikow">
              {t('ui.counts.organizations', { count: model.total })}
            </h2>
            {model.chosen.length > 0 && (
              <div class="directory__chosen">
                <p class="visually-hidden">{t('organizations.directory.chosenFilters')}</p>
                <ul class="chosen-filters">
                  {model.chosen.map((c) => (
                    <li>
                      <a class="chosen-filter" href={c.removeHref}>
                        <span class="visually-hidden">{t('organizations.directory.removeFilter')} </span>
                        {c.label}
                        <span aria-hidden="true"> ×</span>
                      </a>
                    </li>
                  ))}
                </ul>
                {model.clearHref && <a href={model.clearHref}>{t('organizations.directory.clear')}</a>}
              </div>
            )}
            {model.organisations.length === 0 ? (
              <p>{model.chosen.length > 0 ? t('organizations.directory.noMatches') : t('organizations.directory.empty')}</p>
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
                    {o.spheres.length > 0 && <p class="result__spheres">{o.spheres.join(' · ')}</p>}
                  </li>
                ))}
              </ul>
            )}
            <Pagination page={model.page} pageCount={model.pageCount} hrefFor={model.hrefFor} />
            {(!model.status || model.status.value === '') && (
              <p class="directory__exports">
                {t('organizations.directory.download')} <a href={model.exports.csv}>CSV</a>, <a href={model.exports.json}>JSON</a>{' '}
                (<a href="/otwarte-dane">{t('organizations.directory.openData')}</a>)
              </p>
            )}
          </div>
        </div>
      </form>
    </>
  );
}
