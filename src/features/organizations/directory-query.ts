/**
 * The directory's URL and its filters, both ways: /organizacje?q=spol&sfera=16&opp=1&strona=2 is
 * shareable and bookmarkable; exports and pagination build their links from the same filters.
 */
import type { AreaScope } from './area-scopes.js';
import type { DirectoryFilters } from './directory-search.js';
import type { TDirectoryQuery } from './organizations.schema.js';

/** Filters from the parsed query. Only officials may list organisations that are not verified. */
export function filtersFromQuery(query: TDirectoryQuery, official: boolean): { filters: DirectoryFilters; page: number } {
  const status = !official || !query.stan ? 'verified' : query.stan === 'weryfikacja' ? 'pending' : 'suspended';
  const sort = query.sort === 'nazwa' ? 'name' : query.sort === 'trafnosc' || query.q ? 'relevance' : 'name';
  return {
    filters: {
      q: query.q,
      spheres: query.sfera,
      legalForms: query.forma,
      areas: query.zasieg as AreaScope[],
      opp: query.opp === '1',
      volunteers: query.wolontariat === '1',
      status,
      sort: query.q ? sort : 'name',
    },
    page: query.strona ?? 1,
  };
}

/** The query string (without "?") of the filters; the default sort and page 1 are left out. */
export function directoryQueryString(filters: DirectoryFilters, page = 1): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const s of filters.spheres) params.append('sfera', s);
  for (const f of filters.legalForms) params.append('forma', f);
  for (const a of filters.areas) params.append('zasieg', a);
  if (filters.opp) params.set('opp', '1');
  if (filters.volunteers) params.set('wolontariat', '1');
  if (filters.q && filters.sort === 'name') params.set('sort', 'nazwa');
  if (filters.status === 'pending') params.set('stan', 'weryfikacja');
  if (filters.status === 'suspended') params.set('stan', 'zawieszone');
  if (page > 1) params.set('strona', String(page));
  return params.toString();
}

/** A path with the filters' query string, e.g. directoryUrl('/organizacje.csv', filters). */
export function directoryUrl(path: string, filters: DirectoryFilters, page = 1): string {
  const query = directoryQueryString(filters, page);
  return query ? `${path}?${query}` : path;
}
