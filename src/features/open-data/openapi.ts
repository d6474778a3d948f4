/**
 * The OpenAPI 3.1 description of the read-only API and of the directory exports, written by hand
 * (served at /api/v1/openapi.json). Schemas are JSON Schema 2020-12 and close (no properties beyond
 * those listed), so the route tests can validate real answers against them: a field added to an
 * answer without being documented here fails a test. Another test checks that every /api/v1 route of
 * the app is described here and that every path described here is a route of the app.
 */
import { areaScopes } from '../organizations/index.js';
import { listMax, pageMax, perPageDefault, perPageMax, queryMaxLength } from './open-data.schema.js';

const nullableString = (description: string) => ({ type: ['string', 'null'], description });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const parameterRef = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });
const headerRef = (name: string) => ({ $ref: `#/components/headers/${name}` });

const rateLimitHeaders = {
  'X-RateLimit-Limit': headerRef('RateLimitLimit'),
  'X-RateLimit-Remaining': headerRef('RateLimitRemaining'),
  'X-RateLimit-Reset': headerRef('RateLimitReset'),
};
const successHeaders = { 'Cache-Control': headerRef('CacheControl'), ...rateLimitHeaders };

const summaryProperties = {
  name: { type: 'string', description: 'Full name.' },
  short_name: nullableString('Short name, if the organisation gave one.'),
  slug: nullableString('Identifier in URLs: /organizacje/{slug} and /api/v1/organizations/{slug}.'),
  legal_form: nullableString('Code of the legal form (see /api/v1/legal-forms).'),
  kind: {
    type: ['string', 'null'],
    enum: ['NGO', 'ART_3_3', null],
    description: 'NGO, or an entity of art. 3(3) of the Public Benefit Act (church legal person, social cooperative, …).',
  },
  krs: nullableString('KRS number (10 digits).'),
  nip: nullableString('NIP tax number (10 digits).'),
  regon: nullableString('REGON number (9 or 14 digits).'),
  city: nullableString('Town of the seat.'),
  area_scope: {
    type: ['string', 'null'],
    enum: [...areaScopes, null],
    description: 'Where the organisation works: municipality, county, region, all of Poland, international.',
  },
  area_of_activity: nullableString('Area of activity in the organisation’s own words.'),
  spheres: {
    type: 'array',
    items: { type: 'string' },
    description: 'Codes of the spheres of public tasks (art. 4 of the Public Benefit Act; see /api/v1/spheres).',
  },
  opp_year: {
    type: ['integer', 'null'],
    description: 'Year of the list of public-benefit organisations (OPP) it appears on; null when it is not an OPP.',
  },
  volunteers_wanted: { type: 'boolean', description: 'Looking for volunteers.' },
  email: nullableString('Public contact e-mail, as published by the organisation.'),
  phone: nullableString('Public contact phone, as published by the organisation.'),
  website: nullableString('Website.'),
  verified_at: {
    type: ['string', 'null'],
    format: 'date-time',
    description: 'When the municipality verified the organisation against its register (UTC).',
  },
  last_confirmed_at: {
    type: ['string', 'null'],
    format: 'date-time',
    description: 'When the organisation last confirmed its data is up to date (UTC).',
  },
  profile_url: { type: ['string', 'null'], format: 'uri', description: 'The public profile page.' },
  api_url: { type: ['string', 'null'], format: 'uri', description: 'This organisation in the API.' },
};

const markdown = (description: string) => ({
  type: ['string', 'null'],
  contentMediaType: 'text/markdown',
  description: `${description} Markdown as typed by the organisation: render it without raw HTML and sanitise the result.`,
});

const detailProperties = {
  ...summaryProperties,
  other_register_name: nullableString('Another register the organisation is entered in (when it has no KRS number).'),
  other_register_number: nullableString('Its number in that register.'),
  founded_on: { type: ['string', 'null'], format: 'date', description: 'Date of foundation.' },
  description: markdown('Description.'),
  goals: markdown('Statutory goals.'),
  target_groups: markdown('Who the organisation works for.'),
  volunteers_description: markdown('What volunteers would do (only while volunteers_wanted is true).'),
  street: nullableString('Street address of the seat.'),
  postal_code: nullableString('Postal code of the seat (NN-NNN).'),
};

const closedObject = (properties: Record<string, unknown>, description?: string) => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

const link = (description: string) => ({ type: ['string', 'null'], format: 'uri', description });

const listParameter = (name: string, description: string, item: Record<string, unknown>) => ({
  name,
  in: 'query',
  required: false,
  description: `${description} Repeat the parameter for several values (at most ${listMax}): they combine with OR; different filters combine with AND.`,
  schema: { type: 'array', items: item, maxItems: listMax },
  style: 'form',
  explode: true,
});

/** The directory's own URL parameters, which the exports take (lenient: invalid values are ignored). */
const exportParameters = [
  {
    name: 'q',
    in: 'query',
    description: 'Search words (Polish letters optional; each word matches as a prefix).',
    schema: { type: 'string' },
  },
  { name: 'sfera', in: 'query', description: 'Sphere code; repeatable.', schema: { type: 'array', items: { type: 'string' } } },
  {
    name: 'forma',
    in: 'query',
    description: 'Legal form code; repeatable.',
    schema: { type: 'array', items: { type: 'string' } },
  },
  {
    name: 'zasieg',
    in: 'query',
    description: 'Area scope; repeatable.',
    schema: { type: 'array', items: { type: 'string', enum: [...areaScopes] } },
  },
  { name: 'opp', in: 'query', description: 'Only public-benefit organisations.', schema: { type: 'string', enum: ['1'] } },
  {
    name: 'wolontariat',
    in: 'query',
    description: 'Only organisations looking for volunteers.',
    schema: { type: 'string', enum: ['1'] },
  },
  {
    name: 'sort',
    in: 'query',
    description: 'With a query: relevance (trafnosc, the default) or Polish alphabetical order (nazwa).',
    schema: { type: 'string', enum: ['nazwa', 'trafnosc'] },
  },
];

export function openApiDocument(options: { baseUrl: string; rateLimitPerMinute: number }) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wspólnie — open data of the NGO directory',
      version: '1.0.0',
      summary: 'Read-only access to the public directory of non-governmental organisations.',
      description: [
        'The verified organisations of the public directory, with the data they chose to publish.',
        'No key or sign-in is needed. Every response carries `Access-Control-Allow-Origin: *` and may be cached for 60 seconds.',
        `Each endpoint allows ${options.rateLimitPerMinute} requests per minute per IP address; above that it answers 429 with a \`Retry-After\` header.`,
        'Errors are RFC 9457 problem documents (`application/problem+json`). Unknown query parameters are refused (400).',
        `Terms of reuse and examples: ${options.baseUrl}/otwarte-dane`,
      ].join('\n\n'),
    },
    servers: [{ url: options.baseUrl }],
    tags: [
      { name: 'organizations', description: 'The directory, page by page, and single organisations.' },
      { name: 'dictionaries', description: 'The codes used by organisations and filters.' },
      { name: 'exports', description: 'The whole directory (or a filtered part) as one file.' },
      { name: 'meta', description: 'This description.' },
    ],
    paths: {
      '/api/v1/organizations': {
        get: {
          operationId: 'listOrganizations',
          tags: ['organizations'],
          summary: 'Verified organisations matching the filters, one page at a time',
          description:
            'Ordered by relevance when `q` is given, else in Polish alphabetical order. Links to the other pages are in `links` and in the `Link` header (RFC 8288).',
          parameters: ['Query', 'Sphere', 'LegalForm', 'Area', 'Opp', 'Volunteers', 'Sort', 'Page', 'PerPage'].map(parameterRef),
          responses: {
            '200': {
              description: 'One page of organisations.',
              headers: { Link: headerRef('Link'), ...successHeaders },
              content: { 'application/json': { schema: ref('OrganizationPage') } },
            },
            '400': responseRef('BadRequest'),
            '429': responseRef('TooManyRequests'),
          },
        },
      },
      '/api/v1/organizations/{slug}': {
        get: {
          operationId: 'getOrganization',
          tags: ['organizations'],
          summary: 'One verified organisation, with the texts of its public profile',
          parameters: [parameterRef('Slug')],
          responses: {
            '200': {
              description: 'The organisation.',
              headers: successHeaders,
              content: { 'application/json': { schema: ref('OrganizationResponse') } },
            },
            '400': responseRef('BadRequest'),
            '404': responseRef('NotFound'),
            '429': responseRef('TooManyRequests'),
          },
        },
      },
      '/api/v1/spheres': {
        get: {
          operationId: 'listSpheres',
          tags: ['dictionaries'],
          summary: 'The spheres of public tasks in force today (art. 4 of the Public Benefit Act)',
          responses: {
            '200': {
              description: 'The spheres, in the statute’s order.',
              headers: successHeaders,
              content: { 'application/json': { schema: ref('SphereList') } },
            },
            '400': responseRef('BadRequest'),
            '429': responseRef('TooManyRequests'),
          },
        },
      },
      '/api/v1/legal-forms': {
        get: {
          operationId: 'listLegalForms',
          tags: ['dictionaries'],
          summary: 'The legal forms an organisation may have',
          responses: {
            '200': {
              description: 'The legal forms.',
              headers: successHeaders,
              content: { 'application/json': { schema: ref('LegalFormList') } },
            },
            '400': responseRef('BadRequest'),
            '429': responseRef('TooManyRequests'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          tags: ['meta'],
          summary: 'This OpenAPI 3.1 document',
          responses: {
            '200': {
              description: 'The document.',
              headers: successHeaders,
              content: { 'application/json': { schema: { type: 'object' } } },
            },
            '400': responseRef('BadRequest'),
            '429': responseRef('TooManyRequests'),
          },
        },
      },
      '/organizacje.csv': {
        get: {
          operationId: 'exportDirectoryCsv',
          tags: ['exports'],
          summary: 'The directory as a CSV file, with the directory page’s filters',
          description:
            'UTF-8 with a byte-order mark, `;` as the separator (what Excel with Polish settings expects), CRLF line ends, quoting as in RFC 4180. The first record names the columns: nazwa, nazwa_skrocona, forma_prawna, krs, nip, regon, miejscowosc, zasieg, obszar_dzialania, sfery (codes separated by `|`), opp_rok, wolontariat (tak/nie), email, telefon, www, profil, zweryfikowano and dane_potwierdzone (dates, YYYY-MM-DD in Polish time). A cell starting with = + - @, a tab or a carriage return is prefixed with an apostrophe so that spreadsheets do not run it as a formula. The parameters are those of the directory page (/organizacje); invalid values are ignored.',
          parameters: exportParameters,
          responses: {
            '200': {
              description: 'The file (a download).',
              headers: { 'Content-Disposition': headerRef('ContentDisposition'), ...successHeaders },
              content: { 'text/csv': { schema: { type: 'string' } } },
            },
            '429': responseRef('TooManyRequestsPage'),
          },
        },
      },
      '/organizacje.json': {
        get: {
          operationId: 'exportDirectoryJson',
          tags: ['exports'],
          summary: 'The directory as one JSON document, with the directory page’s filters',
          description:
            'Every matching organisation in one document (no pages). `count` is the number of organisations in `organizations`. The parameters are those of the directory page (/organizacje); invalid values are ignored.',
          parameters: exportParameters,
          responses: {
            '200': {
              description: 'The file (a download).',
              headers: { 'Content-Disposition': headerRef('ContentDisposition'), ...successHeaders },
              content: { 'application/json': { schema: ref('DirectoryExport') } },
            },
            '429': responseRef('TooManyRequestsPage'),
          },
        },
      },
    },
    components: {
      parameters: {
        Query: {
          name: 'q',
          in: 'query',
          required: false,
          description:
            'Search words in names, descriptions, goals and towns. Polish letters are optional (lodz finds Łódź); every word must match, as a prefix.',
          schema: { type: 'string', maxLength: queryMaxLength },
        },
        Sphere: listParameter('sphere', 'Sphere of public tasks (code from /api/v1/spheres).', { type: 'string' }),
        LegalForm: listParameter('legal_form', 'Legal form (code from /api/v1/legal-forms).', { type: 'string' }),
        Area: listParameter('area', 'Where the organisation works.', { type: 'string', enum: [...areaScopes] }),
        Opp: {
          name: 'opp',
          in: 'query',
          required: false,
          description: 'true: only public-benefit organisations (OPP).',
          schema: { type: 'string', enum: ['true', 'false'] },
        },
        Volunteers: {
          name: 'volunteers',
          in: 'query',
          required: false,
          description: 'true: only organisations looking for volunteers.',
          schema: { type: 'string', enum: ['true', 'false'] },
        },
        Sort: {
          name: 'sort',
          in: 'query',
          required: false,
          description: 'relevance (the default with `q`; without `q` it is name order) or name (Polish alphabetical order).',
          schema: { type: 'string', enum: ['name', 'relevance'] },
        },
        Page: {
          name: 'page',
          in: 'query',
          required: false,
          description: 'Page number, from 1. A page after the last one is empty.',
          schema: { type: 'integer', minimum: 1, maximum: pageMax, default: 1 },
        },
        PerPage: {
          name: 'per_page',
          in: 'query',
          required: false,
          description: 'Organisations per page.',
          schema: { type: 'integer', minimum: 1, maximum: perPageMax, default: perPageDefault },
        },
        Slug: {
          name: 'slug',
          in: 'path',
          required: true,
          description: 'The organisation’s slug (as in its profile URL).',
          schema: { type: 'string', pattern: '^[a-z0-9-]{1,90}$' },
        },
      },
      headers: {
        Link: {
          description: 'RFC 8288 links to the first, previous, next and last pages.',
          schema: { type: 'string' },
        },
        CacheControl: { description: 'public, max-age=60', schema: { type: 'string' } },
        ContentDisposition: {
          description: 'attachment; filename="organizacje-YYYY-MM-DD.csv" (or .json)',
          schema: { type: 'string' },
        },
        RateLimitLimit: { description: 'Requests allowed per minute.', schema: { type: 'integer' } },
        RateLimitRemaining: { description: 'Requests left in the current minute.', schema: { type: 'integer' } },
        RateLimitReset: { description: 'Seconds until the minute ends.', schema: { type: 'integer' } },
        RetryAfter: { description: 'Seconds to wait before the next request.', schema: { type: 'integer' } },
      },
      responses: {
        BadRequest: {
          description: 'A query parameter is unknown, repeated or invalid; `errors` names each one.',
          content: { 'application/problem+json': { schema: ref('Problem') } },
        },
        NotFound: {
          description: 'No verified organisation has this slug.',
          content: { 'application/problem+json': { schema: ref('Problem') } },
        },
        TooManyRequests: {
          description: 'Too many requests from this IP address in the last minute.',
          headers: { 'Retry-After': headerRef('RetryAfter') },
          content: { 'application/problem+json': { schema: ref('Problem') } },
        },
        TooManyRequestsPage: {
          description: 'Too many requests from this IP address in the last minute (a page for people, in Polish).',
          headers: { 'Retry-After': headerRef('RetryAfter') },
          content: { 'text/html': { schema: { type: 'string' } } },
        },
      },
      schemas: {
        Organization: closedObject(summaryProperties, 'A verified organisation, as listed.'),
        OrganizationDetail: closedObject(detailProperties, 'A verified organisation with the texts of its profile.'),
        OrganizationResponse: closedObject({ data: ref('OrganizationDetail') }),
        OrganizationPage: closedObject({
          data: { type: 'array', items: ref('Organization') },
          meta: closedObject({
            page: { type: 'integer', minimum: 1 },
            per_page: { type: 'integer', minimum: 1, maximum: perPageMax },
            total: { type: 'integer', minimum: 0, description: 'Organisations matching the filters.' },
            total_pages: { type: 'integer', minimum: 1 },
          }),
          links: closedObject({
            self: { type: 'string', format: 'uri' },
            first: { type: 'string', format: 'uri' },
            prev: link('The previous page, or null on the first.'),
            next: link('The next page, or null on the last.'),
            last: { type: 'string', format: 'uri' },
          }),
        }),
        Sphere: closedObject({
          code: { type: 'string', description: 'Point of art. 4(1), e.g. 16 or 1a.' },
          label_pl: { type: 'string' },
          label_en: { type: 'string' },
        }),
        SphereList: closedObject({ data: { type: 'array', items: ref('Sphere') } }),
        LegalForm: closedObject({
          code: { type: 'string' },
          label_pl: { type: 'string' },
          label_en: { type: 'string' },
          kind: { type: 'string', enum: ['NGO', 'ART_3_3'] },
          register: { type: 'string', description: 'Where such organisations are registered (KRS, a county register, …).' },
          can_be_opp: { type: 'boolean', description: 'Whether it may have the public-benefit (OPP) status.' },
        }),
        LegalFormList: closedObject({ data: { type: 'array', items: ref('LegalForm') } }),
        DirectoryExport: closedObject({
          generated_at: { type: 'string', format: 'date-time' },
          filters: closedObject({
            q: { type: 'string' },
            spheres: { type: 'array', items: { type: 'string' } },
            legal_forms: { type: 'array', items: { type: 'string' } },
            areas: { type: 'array', items: { type: 'string', enum: [...areaScopes] } },
            opp: { type: 'boolean' },
            volunteers: { type: 'boolean' },
            sort: { type: 'string', enum: ['name', 'relevance'] },
          }),
          organizations: { type: 'array', items: ref('Organization') },
          count: { type: 'integer', minimum: 0 },
        }),
        Problem: {
          type: 'object',
          description: 'RFC 9457 problem details.',
          properties: {
            type: { type: 'string', const: 'about:blank' },
            title: { type: 'string', description: 'The HTTP status phrase.' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: closedObject({
                parameter: { type: 'string', description: 'The query parameter.' },
                detail: { type: 'string', description: 'What is wrong with it.' },
              }),
            },
          },
          required: ['type', 'title', 'status', 'detail'],
          additionalProperties: false,
        },
      },
    },
  };
}
