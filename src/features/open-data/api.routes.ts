/**
 * The read-only JSON API under /api/v1, in its own scope: answers are JSON, errors (bad parameters,
 * unknown paths, the rate limit, failures) are RFC 9457 problem documents instead of the site's
 * Polish pages, and every answer may be read by any origin (`Access-Control-Allow-Origin: *`; no
 * cookies are needed or used). The handlers parse the query, call the directory's public functions
 * and present the rows (presenters.ts).
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import {
  activeSpheres,
  findOrganizationBySlug,
  legalForms,
  searchDirectory,
  spheresByOrganization,
  spheresOf,
} from '../organizations/index.js';
import { openApiDocument } from './openapi.js';
import { organizationsQueryString, parseOrganizationsQuery, unknownParameters, ZSlug } from './open-data.schema.js';
import { organizationDetail, organizationSummary } from './presenters.js';
import { invalidParameters, problem, sendProblem } from './problem.js';
import { apiRateLimit, publicCacheControl } from './rate-limit.js';

export const apiPrefix = '/api/v1';

function sendData(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type('application/json; charset=utf-8').header('cache-control', publicCacheControl).send(body);
}

/** Codes of `values` missing from the dictionary, as one problem for `parameter`. */
function unknownCodes(parameter: string, values: string[], known: Set<string>, dictionary: string) {
  const unknown = values.filter((v) => !known.has(v));
  return unknown.length === 0
    ? []
    : [{ parameter, detail: `unknown code(s) ${unknown.slice(0, 5).join(', ')} (see ${dictionary})` }];
}

async function api(app: FastifyInstance, services: Services): Promise<void> {
  const { db, engine, config } = services;
  const route = { config: { access: 'public' as const, rateLimit: apiRateLimit(services) } };

  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header(
      'access-control-expose-headers',
      'Link, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
    );
    // Helmet's same-origin default would keep other sites' scripts from reading public data.
    reply.header('cross-origin-resource-policy', 'cross-origin');
  });

  app.setNotFoundHandler(async (_request, reply) => sendProblem(reply, problem(404, 'There is no such API endpoint.')));

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'API request failed');
      return sendProblem(reply, problem(500, 'The request could not be answered. Please try again later.'));
    }
    request.log.info({ code: error.code, status }, 'API request refused');
    if (status === 429) {
      return sendProblem(reply, problem(429, 'Too many requests from this address. Wait for the time given in Retry-After.'));
    }
    return sendProblem(reply, problem(status, status === 404 ? 'Not found.' : 'The request is not valid.'));
  });

  app.get('/organizations', route, async (request, reply) => {
    const parsed = parseOrganizationsQuery(request.query);
    if (!parsed.ok) return sendProblem(reply, invalidParameters(parsed.problems));
    const { filters, page, perPage } = parsed.value;
    if (filters.spheres.length > 0 || filters.legalForms.length > 0) {
      const [spheres, forms] = await Promise.all([activeSpheres(db), legalForms(db)]);
      const problems = [
        ...unknownCodes('sphere', filters.spheres, new Set(spheres.map((s) => s.code)), `${apiPrefix}/spheres`),
        ...unknownCodes('legal_form', filters.legalForms, new Set(forms.map((f) => f.code)), `${apiPrefix}/legal-forms`),
      ];
      if (problems.length > 0) return sendProblem(reply, invalidParameters(problems));
    }
    const result = await searchDirectory(db, engine, filters, { limit: perPage, offset: (page - 1) * perPage });
    const spheres = await spheresByOrganization(
      db,
      result.rows.map((r) => r.id),
    );
    const totalPages = Math.max(1, Math.ceil(result.total / perPage));
    const at = (p: number) => `${config.baseUrl}${apiPrefix}/organizations?${organizationsQueryString(filters, p, perPage)}`;
    const links = {
      self: at(page),
      first: at(1),
      prev: page > 1 ? at(Math.min(page - 1, totalPages)) : null,
      next: page < totalPages ? at(page + 1) : null,
      last: at(totalPages),
    };
    reply.header(
      'link',
      (['first', 'prev', 'next', 'last'] as const)
        .filter((rel) => links[rel] !== null)
        .map((rel) => `<${links[rel]}>; rel="${rel}"`)
        .join(', '),
    );
    return sendData(reply, {
      data: result.rows.map((o) => organizationSummary(o, spheres.get(o.id) ?? [], config.baseUrl)),
      meta: { page, per_page: perPage, total: result.total, total_pages: totalPages },
      links,
    });
  });

  app.get('/organizations/:slug', route, async (request, reply) => {
    const unknown = unknownParameters(request.query, []);
    if (unknown.length > 0) return sendProblem(reply, invalidParameters(unknown));
    const slug = ZSlug.safeParse((request.params as { slug?: unknown }).slug);
    const organization = slug.success ? await findOrganizationBySlug(db, slug.data) : undefined;
    // Organisations waiting for verification, suspended or merged are not public: the same 404 as none.
    if (!organization || organization.status !== 'verified') {
      return sendProblem(reply, problem(404, 'No verified organisation has this slug.'));
    }
    const spheres = await spheresOf(db, organization.id);
    return sendData(reply, { data: organizationDetail(organization, [...spheres].sort(), config.baseUrl) });
  });

  app.get('/spheres', route, async (request, reply) => {
    const unknown = unknownParameters(request.query, []);
    if (unknown.length > 0) return sendProblem(reply, invalidParameters(unknown));
    const spheres = await activeSpheres(db);
    return sendData(reply, { data: spheres.map((s) => ({ code: s.code, label_pl: s.label_pl, label_en: s.label_en })) });
  });

  app.get('/legal-forms', route, async (request, reply) => {
    const unknown = unknownParameters(request.query, []);
    if (unknown.length > 0) return sendProblem(reply, invalidParameters(unknown));
    const forms = await legalForms(db);
    return sendData(reply, {
      data: forms.map((f) => ({
        code: f.code,
        label_pl: f.label_pl,
        label_en: f.label_en,
        kind: f.kind,
        register: f.register,
        can_be_opp: Number(f.can_be_opp) === 1,
      })),
    });
  });

  const document = openApiDocument({ baseUrl: config.baseUrl, rateLimitPerMinute: config.apiRateLimitPerMinute });
  app.get('/openapi.json', route, async (request, reply) => {
    const unknown = unknownParameters(request.query, []);
    if (unknown.length > 0) return sendProblem(reply, invalidParameters(unknown));
    return sendData(reply, document);
  });
}

/** Registers the API in its own scope under /api/v1 (its own error and not-found handlers). */
export async function apiRoutes(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(async (scope) => api(scope, services), { prefix: apiPrefix });
}
