/**
 * Polish (and English) error pages for 400, 403, 404, 413, 429 and 500. Nothing of the error's
 * internals reaches the page; 5xx are logged with the request id, without personal data.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { Services } from '../../services.js';
import { defaultLanguage, type Language, type Translate, translatorFor } from '../i18n/i18n.js';
import { Layout } from '../../ui/layout.js';
import { useView } from '../../ui/context.js';

const knownStatuses = [400, 403, 404, 413, 415, 429, 500, 503] as const;
type KnownStatus = (typeof knownStatuses)[number];

function ErrorPage(props: { status: KnownStatus; reason: string | undefined }) {
  const { t } = useView();
  const key = `errors.${props.status}`;
  return (
    <Layout title={t(`${key}.title`)}>
      <h1>{t(`${key}.title`)}</h1>
      <p>{props.reason ? t(`errors.reasons.${props.reason}`) : t(`${key}.body`)}</p>
      <p>
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </Layout>
  );
}

function normaliseStatus(status: number): KnownStatus {
  return (knownStatuses as readonly number[]).includes(status) ? (status as KnownStatus) : status >= 500 ? 500 : 400;
}

export async function renderErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  _services: Services,
  status: number,
  reason?: string,
): Promise<FastifyReply> {
  const known = normaliseStatus(status);
  try {
    return await reply.render(<ErrorPage status={known} reason={reason} />, known);
  } catch (error) {
    request.log.error({ err: error }, 'error page could not be rendered');
    return sendPlainErrorPage(request, reply, known, reason);
  }
}

/**
 * The same message without the layout (no settings, session or CSP nonce needed): for requests
 * refused before the kernel's hooks ran, and when the full page cannot be rendered.
 */
function sendPlainErrorPage(request: FastifyRequest, reply: FastifyReply, status: KnownStatus, reason?: string): FastifyReply {
  // Before routing Fastify builds a bare request, without the kernel's decorations.
  const language = (request.language as Language | undefined) ?? defaultLanguage;
  const t = (request.t as Translate | undefined) ?? translatorFor(language);
  const title = t(`errors.${status}.title`);
  const page = (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <p>{reason ? t(`errors.reasons.${reason}`) : t(`errors.${status}.body`)}</p>
          <p>
            <a href="/">{t('errors.backHome')}</a>
          </p>
        </main>
      </body>
    </html>
  );
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache, private')
    .send(`<!DOCTYPE html>${renderToString(page)}`);
}

function reasonOf(error: FastifyError): string | undefined {
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') return 'csrf';
  return undefined;
}

/**
 * For Fastify's `frameworkErrors` option (set where the app is created): a URL that cannot be
 * decoded (`/jezyk/%FF`) or a path parameter over `maxParamLength` is refused before routing, so no
 * hook or error handler runs; without this, Fastify answers with its own English JSON.
 */
export function handleFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  request.log.info({ code: error.code, status: error.statusCode }, 'request refused');
  sendPlainErrorPage(request, reply, normaliseStatus(error.statusCode ?? 400));
}

export function installErrorHandlers(app: FastifyInstance, services: Services): void {
  app.setNotFoundHandler(async (request, reply) => renderErrorPage(request, reply, services, 404));
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // A body that cannot be read (e.g. multipart without a boundary, an upload cut short) is the
    // client's error even when the parser throws a plain Error without an HTTP status.
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : request.readingBody ? 400 : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: error.code, status }, 'request refused');
    if (status === 429) reply.header('retry-after', '60');
    return renderErrorPage(request, reply, services, status, reasonOf(error));
  });
}
