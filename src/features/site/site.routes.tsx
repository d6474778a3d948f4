import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { isLanguage } from '../../platform/i18n/i18n.js';
import { assetsFolder, cookieOptions, safeLocalPath } from '../../platform/http/kernel.js';
import { formatDate } from '../../platform/i18n/format.js';
import { AccessibilityStatementPage, type AccessibilityStatementModel } from './views/accessibility-statement.js';
import { ContactPage } from './views/contact.js';
import { HomePage } from './views/home.js';
import { PrivacyPage } from './views/privacy.js';
import { ComponentGalleryPage } from './views/component-gallery.js';

const defaultLogo = readFileSync(join(assetsFolder, 'logo-default.svg'));

export function siteRoutes(app: FastifyInstance, services: Services): void {
  app.get('/', { config: { access: 'public' } }, async (_request, reply) => reply.render(<HomePage />));

  app.get('/healthz', { config: { access: 'public' } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: { access: 'public' } }, async (request, reply) => {
    try {
      await services.database.ping();
      return { status: 'ready', database: services.engine };
    } catch (error) {
      request.log.error({ err: error }, 'database not reachable');
      return reply.code(503).send({ status: 'unavailable' });
    }
  });

  app.get<{ Params: { language: string }; Querystring: { wroc?: string } }>(
    '/jezyk/:language',
    { config: { access: 'public' } },
    async (request, reply) => {
      const { language } = request.params;
      if (!isLanguage(language)) return reply.callNotFound();
      reply.setCookie('lang', language, { ...cookieOptions(services), httpOnly: false, maxAge: 365 * 86_400 });
      return reply.redirect(safeLocalPath(request.query.wroc), 303);
    },
  );

  app.get('/logo', { config: { access: 'public' } }, async (_request, reply) => {
    const logo = await services.files.read('settings/logo');
    reply.header('cache-control', 'public, max-age=300');
    if (!logo) return reply.type('image/svg+xml').send(defaultLogo);
    return reply.type(logo.contentType).send(logo.data);
  });

  app.get('/deklaracja-dostepnosci', { config: { access: 'public' } }, async (request, reply) => {
    const { settings } = await services.settings.get();
    const lang = request.language;
    const date = (iso: string) => ({ iso, text: formatDate(`${iso}T12:00:00Z`, lang) });
    const model: AccessibilityStatementModel = {
      settings,
      publishedOn: date(settings.a11yPublishedOn),
      updatedOn: date(settings.a11yUpdatedOn),
      preparedOn: date(settings.a11yPreparedOn),
      reviewedOn: settings.a11yReviewedOn ? date(settings.a11yReviewedOn) : null,
      url: settings.siteUrl || services.config.baseUrl,
    };
    return reply.render(<AccessibilityStatementPage model={model} />);
  });

  app.get('/polityka-prywatnosci', { config: { access: 'public' } }, async (_request, reply) => reply.render(<PrivacyPage />));
  app.get('/kontakt', { config: { access: 'public' } }, async (_request, reply) => reply.render(<ContactPage />));

  if (services.config.env !== 'production') {
    const ZGalleryQuery = z.object({ komponent: z.string().max(50).optional() });
    app.get('/komponenty', { config: { access: 'public' } }, async (request, reply) => {
      const query = ZGalleryQuery.safeParse(request.query);
      return reply.render(<ComponentGalleryPage only={query.success ? query.data.komponent : undefined} />);
    });
  }
}
