/**
 * Freshness of organisation profiles: a member confirms the data are current without editing, and
 * officials list the verified organisations whose data nobody confirmed for 12 months.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { renderErrorPage } from '../../platform/http/errors.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { formatDate } from '../../platform/i18n/format.js';
import { confirmOrganizationData } from './confirm-organization-data.js';
import { organizationForRequest } from './organization-access.js';
import { canConfirmData } from './organizations.policy.js';
import { staleOrganizations } from './send-freshness-reminders.js';
import { StaleOrganizationsPage } from './views/stale-organizations.js';

export const stalePageSize = 50;

/** `?strona=`: anything that is not a sensible page number is page 1, never an error. */
const ZStaleQuery = z.object({
  strona: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export function freshnessRoutes(app: FastifyInstance, services: Services): void {
  app.get('/organizacje/nieaktualne', { config: { access: 'official' } }, async (request, reply) => {
    const query = ZStaleQuery.safeParse(request.query ?? {});
    const now = new Date();
    const total = Number(
      (
        await staleOrganizations(services.db, now)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const pageCount = Math.max(1, Math.ceil(total / stalePageSize));
    const page = Math.min(query.success ? (query.data.strona ?? 1) : 1, pageCount);
    const rows = await staleOrganizations(services.db, now)
      .select([
        'organizations.name',
        'organizations.slug',
        'organizations.last_confirmed_at',
        'organizations.verified_at',
        'organizations.created_at',
        'organizations.freshness_reminded_at',
      ])
      .orderBy('organizations.name_sort_key')
      .orderBy('organizations.id')
      .limit(stalePageSize)
      .offset((page - 1) * stalePageSize)
      .execute();
    const date = (value: string) => formatDate(value, request.language);
    return reply.render(
      <StaleOrganizationsPage
        model={{
          total,
          page,
          pageCount,
          organisations: rows.map((o) => ({
            name: o.name,
            href: `/organizacje/${o.slug}`,
            lastConfirmedOn: o.last_confirmed_at ? date(o.last_confirmed_at) : null,
            knownSince: o.verified_at
              ? { kind: 'verified', on: date(o.verified_at) }
              : { kind: 'registered', on: date(o.created_at) },
            remindedOn: o.freshness_reminded_at ? date(o.freshness_reminded_at) : null,
          })),
        }}
      />,
    );
  });

  app.post(
    '/organizacje/:slug/potwierdzenie',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await organizationForRequest(services, request);
      if (!found) return reply.callNotFound();
      const { organization, actor } = found;
      if (!canConfirmData(actor, organization.status)) return renderErrorPage(request, reply, services, 403);
      await confirmOrganizationData(services, signedInUser(request).id, organization.id);
      return reply.redirectWithFlash(`/organizacje/${organization.slug}`, {
        kind: 'success',
        key: 'flash.organizationDataConfirmed',
      });
    },
  );
}
