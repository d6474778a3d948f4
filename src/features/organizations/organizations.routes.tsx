import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { emptyForm, failedForm, formError, parseForm } from '../../platform/http/forms.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { formatDate } from '../../platform/i18n/format.js';
import { renderErrorPage } from '../../platform/http/errors.js';
import { z } from 'zod';
import {
  activeSpheres,
  findOrganizationBySlug,
  legalForms,
  membershipOf,
  mergedIntoSlug,
  spheresOf,
} from './organizations.repo.js';
import { ZOrganizationForm, ZSlugParams } from './organizations.schema.js';
import {
  canConfirmData,
  canEdit,
  canModerate,
  canManageLogo,
  canManageMembers,
  canRequestMembership,
  canSeeMembers,
  canVerify,
  type OrganizationActor,
} from './organizations.policy.js';
import { organizationFormValues } from './organization-form-values.js';
import { organizationForRequest } from './organization-access.js';
import { confirmationDue } from './send-freshness-reminders.js';
import { activeAdminCount, changeMembership, listMembers, requestMembership } from './manage-membership.js';
import { MembersPage } from './views/members.js';
import { registerOrganization } from './register-organization.js';
import { verifyOrganization } from './verify-organization.js';
import { updateOrganization } from './update-organization.js';
import { OrganizationFormPage, type OrganizationFormOptions } from './views/organization-form.js';
import { OrganizationProfilePage } from './views/organization-profile.js';

/** Markdown reduced to one line of plain text (for meta descriptions). */
function plainText(markdown: string): string {
  return markdown
    .replace(/[*_`#>[\]()]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const ZMembershipChange = z.object({ change: z.enum(['approve', 'remove', 'makeAdmin'], { error: 'validation.choose' }) });
const ZMemberParams = ZSlugParams.extend({
  memberId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

const ZEditForm = ZOrganizationForm.and(
  z.object({
    version: z.coerce
      .number()
      .int()
      .min(1)
      .max(2 ** 31),
  }),
);

const ZVerify = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31),
});

async function formOptions(services: Services, request: FastifyRequest): Promise<OrganizationFormOptions> {
  const english = request.language === 'en';
  const [forms, spheres] = await Promise.all([legalForms(services.db), activeSpheres(services.db)]);
  return {
    legalForms: forms.map((f) => ({ value: f.code, label: english ? f.label_en : f.label_pl })),
    spheres: spheres.map((s) => ({ value: s.code, label: english ? s.label_en : s.label_pl })),
  };
}

async function actorFor(services: Services, request: FastifyRequest, organizationId: number): Promise<OrganizationActor | null> {
  const user = request.currentUser;
  if (!user) return null;
  const membership = await membershipOf(services.db, organizationId, user.id);
  return { roles: user.roles, membership };
}

export function organizationsRoutes(app: FastifyInstance, services: Services): void {
  app.get('/organizacje/nowa', { config: { access: 'user' } }, async (request, reply) =>
    reply.render(<OrganizationFormPage form={emptyForm()} options={await formOptions(services, request)} />),
  );

  app.post('/organizacje/nowa', { config: { access: 'user', rateLimit: formRateLimit(services) } }, async (request, reply) => {
    const form = parseForm(ZOrganizationForm, request.body);
    const spheresTicked = (body: unknown) => {
      const raw = (body as Record<string, unknown> | undefined)?.spheres;
      return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
    };
    const refill = async (errors: Parameters<typeof failedForm>[1], status: number) =>
      reply.render(
        <OrganizationFormPage
          form={failedForm(form.values, errors, request.t)}
          selectedSpheres={spheresTicked(request.body)}
          options={await formOptions(services, request)}
        />,
        status,
      );
    if (!form.ok) return refill(form.errors, 400);
    const result = await registerOrganization(services, signedInUser(request).id, form.data);
    if (!result.ok) {
      if (result.reason === 'duplicate')
        return refill([formError(result.field, 'organizations.errors.duplicate', { name: result.existing.name })], 409);
      return refill([formError(result.reason === 'unknownLegalForm' ? 'legalForm' : 'spheres', 'validation.choose')], 400);
    }
    return reply.redirectWithFlash(`/organizacje/${result.slug}`, { kind: 'success', key: 'flash.organizationRegistered' });
  });

  app.get('/organizacje/:slug', { config: { access: 'public' } }, async (request, reply) => {
    const params = ZSlugParams.safeParse(request.params);
    const mergedInto = params.success ? await mergedIntoSlug(services.db, params.data.slug) : null;
    if (mergedInto) return reply.redirect(`/organizacje/${mergedInto}`, 301);
    const found = await organizationForRequest(services, request);
    if (!found) return reply.callNotFound();
    const { organization, actor } = found;
    const english = request.language === 'en';
    const [codes, spheres, forms] = await Promise.all([
      spheresOf(services.db, organization.id),
      activeSpheres(services.db),
      legalForms(services.db),
    ]);
    const form = forms.find((f) => f.code === organization.legal_form);
    return reply.render(
      <OrganizationProfilePage
        model={{
          organization,
          legalForm: form ? (english ? form.label_en : form.label_pl) : '',
          spheres: spheres
            .filter((s) => codes.includes(s.code))
            .map((s) => ({ code: s.code, label: english ? s.label_en : s.label_pl })),
          verifiedOn: organization.verified_at ? formatDate(organization.verified_at, request.language) : null,
          foundedOn: organization.founded_on ? formatDate(`${organization.founded_on}T12:00:00Z`, request.language) : null,
          lastConfirmedOn: organization.last_confirmed_at ? formatDate(organization.last_confirmed_at, request.language) : null,
          canVerify: canVerify(actor, organization.status),
          canRequestMembership: canRequestMembership(actor, organization.status),
          membershipPending: actor?.membership?.status === 'pending',
          canSeeMembers: canSeeMembers(actor),
          canEdit: canEdit(actor, organization.status),
          canModerate: canModerate(request.currentUser?.roles ?? []),
          canConfirmData: canConfirmData(actor, organization.status) && confirmationDue(organization),
          canManageLogo: canManageLogo(actor, organization.status),
          url: `${services.config.baseUrl}/organizacje/${organization.slug}`,
          summary: [
            form ? (english ? form.label_en : form.label_pl) : '',
            organization.city,
            plainText(organization.description_md ?? ''),
          ]
            .filter(Boolean)
            .join(' · ')
            .slice(0, 300),
        }}
      />,
    );
  });

  app.post('/organizacje/:slug/weryfikacja', { config: { access: 'official' } }, async (request, reply) => {
    const found = await organizationForRequest(services, request);
    if (!found) return reply.callNotFound();
    const { organization } = found;
    const form = parseForm(ZVerify, request.body);
    if (!form.ok)
      return reply.redirectWithFlash(`/organizacje/${organization.slug}`, { kind: 'info', key: 'flash.organizationChanged' });
    const outcome = await verifyOrganization(services, signedInUser(request).id, organization.id, form.data.version);
    const key =
      outcome === 'verified'
        ? 'flash.organizationVerified'
        : outcome === 'conflict'
          ? 'flash.organizationChanged'
          : 'flash.organizationNotPending';
    return reply.redirectWithFlash(`/organizacje/${organization.slug}`, {
      kind: outcome === 'verified' ? 'success' : 'info',
      key,
    });
  });

  app.post(
    '/organizacje/:slug/dolacz',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await organizationForRequest(services, request);
      if (!found) return reply.callNotFound();
      const { organization, actor } = found;
      if (!canRequestMembership(actor, organization.status)) {
        return reply.redirectWithFlash(`/organizacje/${organization.slug}`, { kind: 'info', key: 'flash.membershipExists' });
      }
      await requestMembership(services, signedInUser(request).id, organization, request.language);
      return reply.redirectWithFlash(`/organizacje/${organization.slug}`, { kind: 'success', key: 'flash.membershipRequested' });
    },
  );

  app.get('/organizacje/:slug/czlonkowie', { config: { access: 'user' } }, async (request, reply) => {
    const found = await organizationForRequest(services, request);
    if (!found) return reply.callNotFound();
    const { organization, actor } = found;
    if (!canSeeMembers(actor)) return renderErrorPage(request, reply, services, 403);
    const manage = canManageMembers(actor, (await activeAdminCount(services.db, organization.id)) > 0);
    const me = signedInUser(request).id;
    const members = await listMembers(services.db, organization.id);
    return reply.render(
      <MembersPage
        model={{
          organisation: { name: organization.name, slug: organization.slug ?? '' },
          canManage: manage,
          members: members.map((m) => ({
            id: m.id,
            name: m.display_name,
            email: manage ? m.email : null,
            role: m.role,
            pending: m.status === 'pending',
            isYou: m.id === me,
          })),
        }}
      />,
    );
  });

  app.post('/organizacje/:slug/czlonkowie/:memberId', { config: { access: 'user' } }, async (request, reply) => {
    const params = ZMemberParams.safeParse(request.params);
    const organization = params.success ? await findOrganizationBySlug(services.db, params.data.slug) : undefined;
    if (!params.success || !organization) return reply.callNotFound();
    const actor = await actorFor(services, request, organization.id);
    if (!canManageMembers(actor, (await activeAdminCount(services.db, organization.id)) > 0))
      return renderErrorPage(request, reply, services, 403);
    const form = parseForm(ZMembershipChange, request.body);
    const back = `/organizacje/${organization.slug}/czlonkowie`;
    if (!form.ok) return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.membershipNotChanged' });
    const result = await changeMembership(
      services,
      signedInUser(request).id,
      organization.id,
      params.data.memberId,
      form.data.change,
    );
    if (result === 'notFound') return reply.callNotFound();
    if (result === 'lastAdmin') return reply.redirectWithFlash(back, { kind: 'info', key: 'flash.lastOrganizationAdmin' });
    return reply.redirectWithFlash(back, { kind: 'success', key: 'flash.membershipChanged' });
  });

  app.get('/organizacje/:slug/edycja', { config: { access: 'user' } }, async (request, reply) => {
    const found = await organizationForRequest(services, request);
    if (!found) return reply.callNotFound();
    const { organization, actor } = found;
    if (!canEdit(actor, organization.status)) return renderErrorPage(request, reply, services, 403);
    return reply.render(
      <OrganizationFormPage
        form={emptyForm({ ...organizationFormValues(organization), version: String(organization.version) })}
        selectedSpheres={await spheresOf(services.db, organization.id)}
        options={await formOptions(services, request)}
        edit={{ slug: organization.slug ?? '', name: organization.name }}
      />,
    );
  });

  app.post(
    '/organizacje/:slug/edycja',
    { config: { access: 'user', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const found = await organizationForRequest(services, request);
      if (!found) return reply.callNotFound();
      const { organization, actor } = found;
      if (!canEdit(actor, organization.status)) return renderErrorPage(request, reply, services, 403);
      const form = parseForm(ZEditForm, request.body);
      const raw = (request.body as Record<string, unknown> | undefined)?.spheres;
      const refill = async (errors: Parameters<typeof failedForm>[1], status: number, version?: number) =>
        reply.render(
          <OrganizationFormPage
            form={failedForm({ ...form.values, ...(version ? { version: String(version) } : {}) }, errors, request.t)}
            selectedSpheres={(Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string')}
            options={await formOptions(services, request)}
            edit={{ slug: organization.slug ?? '', name: organization.name }}
          />,
          status,
        );
      if (!form.ok) return refill(form.errors, 400);
      const { version, ...input } = form.data;
      const result = await updateOrganization(services, signedInUser(request).id, organization.id, input, version);
      if (!result.ok) {
        if (result.reason === 'conflict')
          return refill([formError('', 'organizations.errors.conflict')], 409, organization.version);
        if (result.reason === 'duplicate')
          return refill([formError(result.field, 'organizations.errors.duplicate', { name: result.existing.name })], 409);
        return refill([formError(result.reason === 'unknownLegalForm' ? 'legalForm' : 'spheres', 'validation.choose')], 400);
      }
      return reply.redirectWithFlash(`/organizacje/${organization.slug}`, { kind: 'success', key: 'flash.organizationUpdated' });
    },
  );
}
