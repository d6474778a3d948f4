/** The organisation named by a route's `:slug`, with the signed-in person's relation to it. */
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { findOrganizationBySlug, membershipOf } from './organizations.repo.js';
import { canView, type OrganizationActor } from './organizations.policy.js';
import { ZSlugParams } from './organizations.schema.js';

export type OrganizationRecord = NonNullable<Awaited<ReturnType<typeof findOrganizationBySlug>>>;

/** The organisation if the person may see it, else null (the route answers 404, as for a missing one). */
export async function organizationForRequest(
  services: Services,
  request: FastifyRequest,
): Promise<{ organization: OrganizationRecord; actor: OrganizationActor | null } | null> {
  const params = ZSlugParams.safeParse(request.params);
  const organization = params.success ? await findOrganizationBySlug(services.db, params.data.slug) : undefined;
  if (!organization) return null;
  const user = request.currentUser;
  const actor = user ? { roles: user.roles, membership: await membershipOf(services.db, organization.id, user.id) } : null;
  return canView(actor, organization.status) ? { organization, actor } : null;
}
