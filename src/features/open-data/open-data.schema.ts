/**
 * The API's query parameters. Unlike the directory page (lenient: people edit its URL by hand), the
 * API is strict: a program that misspells a filter must hear about it rather than silently receive
 * the whole directory. Unknown parameters, repeated single parameters and values out of range are
 * refused with one message per parameter (English: the API's audience is developers).
 */
import { z } from 'zod';
import { areaScopes, type DirectoryFilters } from '../organizations/index.js';

export const perPageDefault = 20;
export const perPageMax = 100;
export const pageMax = 10_000;
export const queryMaxLength = 200;
/** At most this many values of one repeatable parameter. */
export const listMax = 40;

export const sphereCodePattern = /^[0-9]{1,2}[a-z]{0,2}$/;
export const legalFormPattern = /^[a-z-]{1,40}$/;

const zOnce = z.string({
  error: (issue) => (Array.isArray(issue.input) ? 'must be given at most once' : 'must be a single value'),
});

const zBoolean = zOnce.pipe(z.enum(['true', 'false'], { error: 'must be true or false' }));

function zWholeNumber(min: number, max: number) {
  return zOnce
    .pipe(z.string().regex(/^[0-9]{1,9}$/, { error: 'must be a whole number' }))
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `must be from ${min} to ${max}` })
        .max(max, { error: `must be from ${min} to ${max}` }),
    );
}

/** A repeatable parameter (`?sphere=16&sphere=24`), each value checked. */
function zList<T extends z.ZodType<string, string>>(item: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .pipe(z.array(item).max(listMax, { error: `at most ${listMax} values` }));
}

const ZApiOrganizationsQuery = z.object({
  q: zOnce
    .transform((v) => v.replace(/\p{Cc}/gu, ' ').trim())
    .pipe(z.string().max(queryMaxLength, { error: `must be at most ${queryMaxLength} characters` }))
    .optional(),
  sphere: zList(
    z.string().regex(sphereCodePattern, { error: 'must be sphere codes such as 16 or 1a (see /api/v1/spheres)' }),
  ).optional(),
  legal_form: zList(
    z.string().regex(legalFormPattern, { error: 'must be legal form codes (see /api/v1/legal-forms)' }),
  ).optional(),
  area: zList(z.enum(areaScopes, { error: `must be one of ${areaScopes.join(', ')}` })).optional(),
  opp: zBoolean.optional(),
  volunteers: zBoolean.optional(),
  sort: zOnce.pipe(z.enum(['name', 'relevance'], { error: 'must be name or relevance' })).optional(),
  page: zWholeNumber(1, pageMax).optional(),
  per_page: zWholeNumber(1, perPageMax).optional(),
});

export const organizationsParameters = Object.keys(ZApiOrganizationsQuery.shape);

export interface ParameterProblem {
  parameter: string;
  detail: string;
}

export interface ApiOrganizationsQuery {
  filters: DirectoryFilters;
  page: number;
  perPage: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: ParameterProblem[] };

/** Refuses any parameter not in `allowed` (endpoints without parameters pass []). */
export function unknownParameters(query: unknown, allowed: readonly string[]): ParameterProblem[] {
  const keys = query && typeof query === 'object' ? Object.keys(query) : [];
  return keys
    .filter((key) => !allowed.includes(key))
    .map((key) => ({ parameter: key.slice(0, 100), detail: 'is not a parameter of this endpoint' }));
}

/** The list's query → the directory's filters, page and page size. */
export function parseOrganizationsQuery(query: unknown): Parsed<ApiOrganizationsQuery> {
  const unknown = unknownParameters(query, organizationsParameters);
  const parsed = ZApiOrganizationsQuery.safeParse(query ?? {});
  const problems = [
    ...unknown,
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => ({ parameter: String(issue.path[0] ?? ''), detail: issue.message }))),
  ];
  // One message per parameter is enough (a list of 40 bad codes says the same thing 40 times).
  const unique = problems.filter((p, i) => problems.findIndex((o) => o.parameter === p.parameter) === i);
  if (unique.length > 0 || !parsed.success) return { ok: false, problems: unique };
  const v = parsed.data;
  const q = v.q ?? '';
  return {
    ok: true,
    value: {
      filters: {
        q,
        spheres: v.sphere ?? [],
        legalForms: v.legal_form ?? [],
        areas: v.area ?? [],
        opp: v.opp === 'true',
        volunteers: v.volunteers === 'true',
        status: 'verified',
        sort: v.sort ?? (q ? 'relevance' : 'name'),
      },
      page: v.page ?? 1,
      perPage: v.per_page ?? perPageDefault,
    },
  };
}

/** The canonical query string of a page of the list: the links of a response are built from it. */
export function organizationsQueryString(filters: DirectoryFilters, page: number, perPage: number): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const s of filters.spheres) params.append('sphere', s);
  for (const f of filters.legalForms) params.append('legal_form', f);
  for (const a of filters.areas) params.append('area', a);
  if (filters.opp) params.set('opp', 'true');
  if (filters.volunteers) params.set('volunteers', 'true');
  if (filters.sort !== (filters.q ? 'relevance' : 'name')) params.set('sort', filters.sort);
  params.set('page', String(page));
  params.set('per_page', String(perPage));
  return params.toString();
}

export const ZSlug = z.string().regex(/^[a-z0-9-]{1,90}$/);
