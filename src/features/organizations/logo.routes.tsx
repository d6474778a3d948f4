/**
 * An organisation's logo: its administrators and officials upload, replace and remove it (multipart,
 * CSRF token in the form like every POST); anyone who may see the organisation gets the image at a
 * URL that names the file, cached for a year.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { renderErrorPage } from '../../platform/http/errors.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, formError, type FormModel } from '../../platform/http/forms.js';
import { registerUploads } from '../../platform/http/uploads.js';
import { organizationForRequest, type OrganizationRecord } from './organization-access.js';
import { canManageLogo } from './organizations.policy.js';
import {
  maxLogoBytes,
  organizationLogoPath,
  removeOrganizationLogo,
  uploadOrganizationLogo,
} from './upload-organization-logo.js';
import { OrganizationLogoPage } from './views/organization-logo.js';

/**
 * What the multipart parser accepts: twice the logo limit, so a file somewhat over 2 MB gets the
 * form's own message; a larger body is refused before it is read (the 413 page).
 */
const maxUploadBytes = 2 * maxLogoBytes;

const ZLogoFile = z.object({ file: z.string().regex(/^[0-9a-f]{20}\.webp$/) });

export async function logoRoutes(app: FastifyInstance, services: Services): Promise<void> {
  // Multipart only in this scope: the other organisation forms stay url-encoded.
  await app.register(async (scope) => {
    await registerUploads(scope, { maxFileBytes: maxUploadBytes, maxFiles: 1, maxFields: 3, maxFieldBytes: 1024 });
    logoScopeRoutes(scope, services);
  });
}

function page(
  reply: FastifyReply,
  organization: OrganizationRecord,
  form: FormModel,
  status = 200,
): ReturnType<FastifyReply['render']> {
  return reply.render(
    <OrganizationLogoPage
      model={{
        organisation: { name: organization.name, slug: organization.slug ?? '' },
        logoUrl: organizationLogoPath(organization),
      }}
      form={form}
    />,
    status,
  );
}

/** The organisation, if the signed-in person may manage its logo; else the 404 or 403 answer is sent. */
async function manageable(services: Services, request: FastifyRequest, reply: FastifyReply) {
  const found = await organizationForRequest(services, request);
  if (!found) {
    await reply.callNotFound();
    return null;
  }
  if (!canManageLogo(found.actor, found.organization.status)) {
    await renderErrorPage(request, reply, services, 403);
    return null;
  }
  return found.organization;
}

function logoScopeRoutes(app: FastifyInstance, services: Services): void {
  app.get('/organizacje/:slug/logo', { config: { access: 'user' } }, async (request, reply) => {
    const organization = await manageable(services, request, reply);
    if (!organization) return reply;
    return page(reply, organization, emptyForm());
  });

  app.post(
    '/organizacje/:slug/logo',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const organization = await manageable(services, request, reply);
      if (!organization) return reply;
      const file = ((request.body ?? {}) as Record<string, unknown>).logo;
      const result = await uploadOrganizationLogo(
        services,
        signedInUser(request).id,
        organization.id,
        Buffer.isBuffer(file) ? file : null,
      );
      if (!result.ok) {
        return page(
          reply,
          organization,
          failedForm({}, [formError('logo', `organizations.logo.errors.${result.reason}`)], request.t),
          400,
        );
      }
      return reply.redirectWithFlash(`/organizacje/${organization.slug}`, {
        kind: 'success',
        key: 'flash.organizationLogoSaved',
      });
    },
  );

  app.post(
    '/organizacje/:slug/logo/usuniecie',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const organization = await manageable(services, request, reply);
      if (!organization) return reply;
      const removed = await removeOrganizationLogo(services, signedInUser(request).id, organization.id);
      return reply.redirectWithFlash(`/organizacje/${organization.slug}/logo`, {
        kind: removed ? 'success' : 'info',
        key: removed ? 'flash.organizationLogoRemoved' : 'flash.organizationLogoMissing',
      });
    },
  );

  app.get('/organizacje/:slug/logo/:file', { config: { access: 'public' } }, async (request, reply) => {
    const params = ZLogoFile.safeParse(request.params);
    const found = params.success ? await organizationForRequest(services, request) : null;
    const path = found ? organizationLogoPath(found.organization) : null;
    if (!params.success || !found || !path?.endsWith(`/${params.data.file}`)) return reply.callNotFound();
    const stored = await services.files.read(found.organization.logo_key!);
    if (!stored) return reply.callNotFound();
    // The URL names the file's hash: it never changes meaning, so it is cached for a year. Only a
    // verified organisation's logo is public; the others are shown to members and officials alone.
    const etag = `"${params.data.file.replace(/\.webp$/, '')}"`;
    reply
      .header('cache-control', `${found.organization.status === 'verified' ? 'public' : 'private'}, max-age=31536000, immutable`)
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.type(stored.contentType).send(stored.data);
  });
}
