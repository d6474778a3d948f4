import type { Services } from '../../services.js';
import type { AuthenticatedUser } from '../../platform/auth/sessions.js';

export type ChooseActingResult = { ok: true; organization: { name: string } | null } | { ok: false; reason: 'notAMember' };

/**
 * A person who belongs to several organisations chooses on whose behalf they act in this session
 * (comments, registrations and proposals default to it); null means "as a private person".
 */
export async function chooseActingOrganization(
  services: Services,
  user: AuthenticatedUser,
  organizationId: number | null,
): Promise<ChooseActingResult> {
  const organization = organizationId === null ? null : user.organizations.find((o) => o.id === organizationId);
  if (organization === undefined) return { ok: false, reason: 'notAMember' };
  await services.db
    .updateTable('sessions')
    .set({ acting_organization_id: organization?.id ?? null })
    .where('id', '=', user.sessionId)
    .execute();
  return { ok: true, organization };
}
