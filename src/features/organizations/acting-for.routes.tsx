import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { parseForm } from '../../platform/http/forms.js';
import { chooseActingOrganization } from './choose-acting-organization.js';
import { ActingForPage } from './views/acting-for.js';

/** Where to go back to after choosing: a local path only (never another site). */
const zReturnTo = z
  .string()
  .optional()
  .transform((v) => (v && /^\/(?![/\\])[^\s]{0,500}$/.test(v) ? v : '/konto'))
  .catch('/konto');

const ZActingForQuery = z.object({ powrot: zReturnTo });
const ZActingFor = z.object({
  organization: z.string().regex(/^(|[1-9][0-9]{0,9})$/, { error: 'organizations.actingFor.choose' }),
  returnTo: zReturnTo,
});

/** "On behalf of": a person who belongs to several organisations chooses whose voice they are. */
export function actingForRoutes(app: FastifyInstance, services: Services): void {
  app.get('/konto/w-imieniu', { config: { access: 'user' } }, async (request, reply) => {
    const user = signedInUser(request);
    const { powrot } = ZActingForQuery.parse(request.query ?? {});
    return reply.render(
      <ActingForPage
        model={{
          organizations: user.organizations,
          selected: user.actingOrganizationId === null ? '' : String(user.actingOrganizationId),
          returnTo: powrot,
        }}
      />,
    );
  });

  app.post('/konto/w-imieniu', { config: { access: 'user', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const user = signedInUser(request);
    const form = parseForm(ZActingFor, request.body);
    const refuse = (selected: string) =>
      reply.render(
        <ActingForPage
          model={{
            organizations: user.organizations,
            selected,
            returnTo: zReturnTo.parse(form.values.returnTo),
            error: request.t('organizations.actingFor.choose'),
          }}
        />,
        400,
      );
    if (!form.ok) return refuse('');
    const organizationId = form.data.organization === '' ? null : Number(form.data.organization);
    const result = await chooseActingOrganization(services, user, organizationId);
    if (!result.ok) return refuse('');
    return reply.redirectWithFlash(form.data.returnTo, {
      kind: 'success',
      key: result.organization ? 'flash.actingForOrganization' : 'flash.actingAsPrivatePerson',
      params: result.organization ? { organization: result.organization.name } : {},
    });
  });
}
