/**
 * The HTTP kernel, in the order requests meet it: security headers (CSP with nonces), cookies,
 * form bodies, rate limits, static assets, session → language → access rule → CSRF check, and the
 * `reply.render` that wraps every page in the view context. Features only add routes.
 */
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Services } from '../../services.js';
import { ViewContext, type ViewContextValue } from '../../ui/context.js';
import { decideAccess, hasRole } from '../auth/access.js';
import { loadSession } from '../auth/sessions.js';
import { defaultLanguage, isLanguage, translatorFor } from '../i18n/i18n.js';
import { renderErrorPage } from './errors.js';
import type { FlashMessage } from './types.js';

export const assetsFolder = fileURLToPath(new URL('../../ui/assets/', import.meta.url));
const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(services: Services): string {
  return services.config.secureCookies ? '__Host-sid' : 'sid';
}

export function cookieOptions(services: Services) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: services.config.secureCookies };
}

const localOrigin = 'http://local.invalid';

/**
 * Only local paths, so `?wroc=` can never send someone to another site. Browsers drop tabs and line
 * breaks from a URL and read `\\` as `/`, so `/<TAB>/evil.example` would be `//evil.example`: such
 * characters are refused, the path is resolved as a browser would resolve it, and the result is
 * returned percent-encoded (plain ASCII, so it is always a valid `Location` header).
 */
export function safeLocalPath(value: unknown, fallback = '/'): string {
  // eslint-disable-next-line no-control-regex
  if (typeof value !== 'string' || value.length > 500 || !value.startsWith('/') || /[\u0000-\u001F\u007F\\]/.test(value)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, localOrigin);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/..//evil.example` resolves to the path `//evil.example`, which a browser reads as another host.
  if (url.origin !== localOrigin || !path.startsWith('/') || path.startsWith('//')) return fallback;
  return path;
}

export async function registerKernel(app: FastifyInstance, services: Services): Promise<void> {
  const { config } = services;

  await app.register(fastifyHelmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  });

  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody, { bodyLimit: 262_144 });
  // Pages post HTML forms only (url-encoded; multipart where a feature registers uploads). Fastify's
  // default JSON and plain-text parsers would let a script submit the same forms in other shapes:
  // those get the Polish 415 page. A feature that needs JSON registers a parser in its own scope.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  await app.register(fastifyCsrf, {
    cookieKey: '_csrf',
    cookieOpts: { ...cookieOptions(services), signed: true },
  });
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (request) => request.url === '/healthz' || request.url === '/readyz' || request.url.startsWith('/assets/'),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      error: 'Too Many Requests',
      message: `Rate limit exceeded, retry in ${context.after}`,
    }),
  });
  await app.register(fastifyStatic, {
    root: assetsFolder,
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });

  app.decorateRequest('currentUser', null);
  app.decorateRequest('language', defaultLanguage);
  app.decorateRequest('t', translatorFor(defaultLanguage));
  app.decorateRequest('readingBody', false);

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/assets/')) return;
    const token = request.cookies[sessionCookieName(services)];
    if (token) {
      const unsigned = request.unsignCookie(token);
      if (unsigned.valid && unsigned.value) request.currentUser = await loadSession(services.db, unsigned.value);
    }
    const cookieLanguage = request.cookies.lang;
    const language = isLanguage(cookieLanguage)
      ? cookieLanguage
      : isLanguage(request.currentUser?.preferredLanguage)
        ? request.currentUser.preferredLanguage
        : defaultLanguage;
    request.language = language;
    request.t = translatorFor(language);
  });

  // From here until the preHandlers the body is being read and parsed (multipart uploads are read in
  // preValidation): a failure without an HTTP status there is a malformed request, answered with 400.
  app.addHook('preParsing', async (request) => {
    request.readingBody = true;
  });

  // Access rule first (a stranger is sent to sign in), then the CSRF token of state-changing forms.
  app.addHook('preHandler', async (request, reply) => {
    request.readingBody = false;
    const access = request.routeOptions.config.access;
    if (!access) return;
    const decision = decideAccess(access, request.currentUser);
    if (decision === 'allow') return;
    if (decision === 'already-signed-in') return reply.redirect('/konto', 303);
    if (decision === 'sign-in') {
      const back = request.method === 'GET' ? `?wroc=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`/logowanie${back}`, 303);
    }
    return renderErrorPage(request, reply, services, 403);
  });
  // Every state-changing request that reaches a route needs the token: a route that forgot to declare
  // its access rule (the route × role test names it) is still not open to cross-site posts.
  app.addHook('preHandler', (request, reply, done) => {
    if (!stateChanging.has(request.method) || request.is404) return done();
    app.csrfProtection(request, reply, done);
  });

  app.decorateReply('render', async function render(this: FastifyReply, page: VNode, status = 200) {
    const context = await viewContext(this.request, this, services);
    const html = `<!DOCTYPE html>${renderToString(h(ViewContext.Provider, { value: context }, page))}`;
    return this.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache, private').send(html);
  });
  app.decorateReply('redirectWithFlash', function redirectWithFlash(this: FastifyReply, url: string, flash: FlashMessage) {
    this.setCookie('flash', JSON.stringify(flash), { ...cookieOptions(services), signed: true, maxAge: 60 });
    return this.redirect(url, 303);
  });
}

function readFlash(request: FastifyRequest, reply: FastifyReply): ViewContextValue['flash'] {
  const raw = request.cookies.flash;
  if (!raw) return null;
  reply.clearCookie('flash', { path: '/' });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return null;
  try {
    const flash = JSON.parse(unsigned.value) as FlashMessage;
    if (typeof flash.key !== 'string' || !flash.key.startsWith('flash.')) return null;
    return { kind: flash.kind === 'success' ? 'success' : 'info', message: request.t(flash.key, flash.params ?? {}) };
  } catch {
    return null;
  }
}

/** Renders a part of a page with the request's view context, for a feature to cache (see `PreRendered`). */
export async function renderFragment(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  node: VNode,
): Promise<string> {
  return renderToString(h(ViewContext.Provider, { value: await viewContext(request, reply, services) }, node));
}

export async function viewContext(request: FastifyRequest, reply: FastifyReply, services: Services): Promise<ViewContextValue> {
  const { settings } = await services.settings.get();
  const user = request.currentUser;
  let csrfToken: string | undefined;
  return {
    t: request.t,
    language: request.language,
    user: user && {
      id: user.id,
      displayName: user.displayName,
      email: user.email,
      isAdministrator: hasRole(user, 'administrator'),
      isOfficial: hasRole(user, 'official') || hasRole(user, 'administrator'),
      memberOfOrganizations: user.organizations.length,
      actingOrganization: user.organizations.find((o) => o.id === user.actingOrganizationId) ?? null,
    },
    // Made on first use: pages without a POST form (most public pages) skip the HMAC and the cookie.
    get csrfToken() {
      return (csrfToken ??= reply.generateCsrf());
    },
    nonce: reply.cspNonce?.script ?? '',
    settings,
    path: request.url.split('?')[0] ?? '/',
    url: request.method === 'GET' && request.url.length <= 500 ? request.url : (request.url.split('?')[0] ?? '/'),
    flash: readFlash(request, reply),
    showDevelopmentPages: services.config.env !== 'production',
  };
}
