import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { areaScopes } from './area-scopes.js';
import { directoryUrl, filtersFromQuery } from './directory-query.js';
import {
  browseDirectory,
  type DirectoryFilters,
  rememberForDirectoryGeneration,
  spheresByOrganization,
} from './directory-search.js';
import { directoryDictionaries } from './organizations.repo.js';
import { canModerate } from './organizations.policy.js';
import { ZDirectoryQuery } from './organizations.schema.js';
import { type DirectoryModel, DirectoryContent, DirectoryPage, type FacetOption } from './views/directory.js';
import { renderFragment } from '../../platform/http/kernel.js';

export const directoryPageSize = 20;

/** Labels of the dictionaries in the visitor's language. */
async function dictionaryLabels(services: Services, request: FastifyRequest) {
  const english = request.language === 'en';
  const { spheres, legalForms: forms } = await directoryDictionaries(services.db);
  return {
    spheres: spheres.map((s) => ({ value: s.code, label: english ? s.label_en : s.label_pl })),
    legalForms: forms.map((f) => ({ value: f.code, label: english ? f.label_en : f.label_pl })),
    areas: areaScopes.map((code) => ({ value: code, label: request.t(`organizations.areaScopes.${code}`) })),
  };
}

/** The directory page's view model: results, facet counts, chosen filters with their remove links. */
async function directoryModel(
  services: Services,
  request: FastifyRequest,
  filters: DirectoryFilters,
  page: number,
  official: boolean,
): Promise<DirectoryModel> {
  const { db, engine } = services;
  const [labels, { results: result, facets }] = await Promise.all([
    dictionaryLabels(services, request),
    browseDirectory(db, engine, filters, { limit: directoryPageSize, offset: (page - 1) * directoryPageSize }),
  ]);
  const spheresOf = await spheresByOrganization(
    db,
    result.rows.map((r) => r.id),
  );
  const sphereLabel = new Map(labels.spheres.map((s) => [s.value, s.label]));
  const formLabel = new Map(labels.legalForms.map((f) => [f.value, f.label]));
  const t = request.t;

  const options = (
    all: Array<{ value: string; label: string }>,
    counts: Record<string, number>,
    chosen: string[],
  ): FacetOption[] => all.map((o) => ({ ...o, count: counts[o.value] ?? 0, selected: chosen.includes(o.value) }));
  const without = (change: Partial<DirectoryFilters>) => directoryUrl('/organizacje', { ...filters, ...change });
  const chosen = [
    ...(filters.q ? [{ label: `„${filters.q}”`, removeHref: without({ q: '' }) }] : []),
    ...filters.spheres.map((code) => ({
      label: sphereLabel.get(code) ?? code,
      removeHref: without({ spheres: filters.spheres.filter((s) => s !== code) }),
    })),
    ...filters.legalForms.map((code) => ({
      label: formLabel.get(code) ?? code,
      removeHref: without({ legalForms: filters.legalForms.filter((f) => f !== code) }),
    })),
    ...filters.areas.map((code) => ({
      label: t(`organizations.areaScopes.${code}`),
      removeHref: without({ areas: filters.areas.filter((a) => a !== code) }),
    })),
    ...(filters.opp ? [{ label: t('organizations.opp'), removeHref: without({ opp: false }) }] : []),
    ...(filters.volunteers ? [{ label: t('organizations.volunteersWanted'), removeHref: without({ volunteers: false }) }] : []),
  ];
  const publicFilters: DirectoryFilters = { ...filters, status: 'verified' };
  return {
    query: filters.q,
    sort: filters.sort,
    status: official
      ? {
          value: filters.status === 'pending' ? 'weryfikacja' : filters.status === 'suspended' ? 'zawieszone' : '',
          options: [
            { value: '', label: t('organizations.directory.statusVerified') },
            { value: 'weryfikacja', label: t('organizations.directory.statusPending') },
            { value: 'zawieszone', label: t('organizations.directory.statusSuspended') },
          ],
        }
      : null,
    total: result.total,
    page,
    pageCount: Math.max(1, Math.ceil(result.total / directoryPageSize)),
    hrefFor: (p) => directoryUrl('/organizacje', filters, p),
    facets: {
      spheres: options(labels.spheres, facets.spheres, filters.spheres),
      legalForms: options(labels.legalForms, facets.legalForms, filters.legalForms),
      areas: options(labels.areas, facets.areas, filters.areas),
      opp: { value: '1', label: t('organizations.opp'), count: facets.opp, selected: filters.opp },
      volunteers: {
        value: '1',
        label: t('organizations.volunteersWanted'),
        count: facets.volunteers,
        selected: filters.volunteers,
      },
    },
    chosen,
    clearHref: chosen.length > 1 ? '/organizacje' : null,
    exports: { csv: directoryUrl('/organizacje.csv', publicFilters), json: directoryUrl('/organizacje.json', publicFilters) },
    organisations: result.rows.map((o) => ({
      name: o.name,
      href: `/organizacje/${o.slug}`,
      legalForm: formLabel.get(o.legal_form ?? '') ?? '',
      city: o.city ?? '',
      spheres: (spheresOf.get(o.id) ?? []).map((code) => sphereLabel.get(code) ?? code).slice(0, 3),
      opp: o.opp_year !== null,
      volunteers: o.volunteers_wanted === 1,
    })),
  };
}

/** The public directory: full-text search, combinable facets, Polish order or relevance, shareable URLs. */
export function directoryRoutes(app: FastifyInstance, services: Services): void {
  app.get('/organizacje', { config: { access: 'public' } }, async (request, reply) => {
    const official = canModerate(request.currentUser?.roles ?? []);
    const { filters, page } = filtersFromQuery(ZDirectoryQuery.parse(request.query ?? {}), official);
    const key = JSON.stringify([request.language, official, filters, page]);
    const content = await rememberForDirectoryGeneration(services.db, key, async () =>
      renderFragment(
        request,
        reply,
        services,
        <DirectoryContent model={await directoryModel(services, request, filters, page, official)} />,
      ),
    );
    return reply.render(<DirectoryPage query={filters.q} content={content} />);
  });
}
