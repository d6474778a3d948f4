/**
 * The directory exports (/organizacje.csv, /organizacje.json) and the page explaining open data
 * (/otwarte-dane). Exports take exactly the directory page's URL parameters, so the directory links
 * to "this list as a file" by changing only the path; they always list verified organisations only,
 * whoever asks. Files are streamed (export-directory.ts).
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Services } from '../../services.js';
import { warsawParts } from '../../platform/i18n/format.js';
import { filtersFromQuery, ZDirectoryQuery } from '../organizations/index.js';
import { apiPrefix } from './api.routes.js';
import { directoryCsv, directoryJson } from './export-directory.js';
import { csvColumns } from './presenters.js';
import { apiRateLimit, publicCacheControl } from './rate-limit.js';
import { OpenDataPage } from './views/open-data-page.js';

/**
 * A stream of the generator's chunks, started before the reply: the first chunk (which holds the
 * first query's rows) is awaited here, so a failing query is an error page, not a cut-off download.
 */
async function startedStream(chunks: AsyncGenerator<string>): Promise<Readable> {
  const first = await chunks.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  return Readable.from(all());
}

function sendFile(reply: FastifyReply, type: string, extension: 'csv' | 'json', body: Readable): FastifyReply {
  const today = warsawParts(new Date()).date;
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="organizacje-${today}.${extension}"`)
    .header('cache-control', publicCacheControl)
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .send(body);
}

export function openDataRoutes(app: FastifyInstance, services: Services): void {
  const exportRoute = { config: { access: 'public' as const, rateLimit: apiRateLimit(services) } };

  app.get('/organizacje.csv', exportRoute, async (request, reply) => {
    const { filters } = filtersFromQuery(ZDirectoryQuery.parse(request.query ?? {}), false);
    const body = await startedStream(directoryCsv(services, filters));
    return sendFile(reply, 'text/csv; charset=utf-8; header=present', 'csv', body);
  });

  app.get('/organizacje.json', exportRoute, async (request, reply) => {
    const { filters } = filtersFromQuery(ZDirectoryQuery.parse(request.query ?? {}), false);
    const body = await startedStream(directoryJson(services, filters, new Date()));
    return sendFile(reply, 'application/json; charset=utf-8', 'json', body);
  });

  app.get('/otwarte-dane', { config: { access: 'public' } }, async (_request, reply) => {
    const base = services.config.baseUrl;
    return reply.render(
      <OpenDataPage
        model={{
          url: `${base}/otwarte-dane`,
          csvUrl: '/organizacje.csv',
          jsonUrl: '/organizacje.json',
          csvExample: `${base}/organizacje.csv?q=sport&zasieg=lokalny`,
          csvColumns: [...csvColumns],
          openApiUrl: `${apiPrefix}/openapi.json`,
          endpoints: [
            { path: `${apiPrefix}/organizations`, key: 'organizations' },
            { path: `${apiPrefix}/organizations/{slug}`, key: 'organization' },
            { path: `${apiPrefix}/spheres`, key: 'spheres' },
            { path: `${apiPrefix}/legal-forms`, key: 'legalForms' },
            { path: `${apiPrefix}/openapi.json`, key: 'openapi' },
          ],
          apiExamples: [
            `${base}${apiPrefix}/organizations?q=sport&per_page=50`,
            `${base}${apiPrefix}/organizations?sphere=16&sphere=24&volunteers=true`,
            `${base}${apiPrefix}/spheres`,
          ],
          rateLimitPerMinute: services.config.apiRateLimitPerMinute,
        }}
      />,
    );
  });
}
