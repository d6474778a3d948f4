import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.js';
import { signedInUser } from '../../platform/auth/access.js';
import { zMultiline, zSingleLine } from '../../platform/http/fields.js';
import { formRateLimit } from '../../platform/http/form-limit.js';
import { emptyForm, failedForm, type FormModel, formError, parseForm } from '../../platform/http/forms.js';
import { formatDateTime } from '../../platform/i18n/format.js';
import { mergeOrganization, suspendOrganization } from './moderate-organization.js';
import { findOrganizationBySlug } from './organizations.repo.js';
import { ZSlugParams } from './organizations.schema.js';
import { OrganizationModerationPage } from './views/organization-moderation.js';

const zVersion = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31);
const zReason = zMultiline(2000).refine((v) => v.trim().length >= 10, { error: 'organizations.moderation.reasonTooShort' });

const ZSuspend = z.object({ version: zVersion, suspendReason: zReason });
const ZMerge = z.object({
  version: zVersion,
  mergeReason: zReason,
  /** The profile address or its last part: https://…/organizacje/krokus, /organizacje/krokus or krokus. */
  target: zSingleLine(300).transform((v, ctx) => {
    const slug = v
      .trim()
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop();
    if (!slug || !/^[a-z0-9-]{1,90}$/.test(slug)) {
      ctx.addIssue({ code: 'custom', message: 'organizations.moderation.targetInvalid' });
      return z.NEVER;
    }
    return slug;
  }),
});

/** A stored column as the organisation form's field key (its label): description_md → description, postal_code → postalCode. */
const fieldKey = (column: string) => column.replace(/_md$/, '').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Officials verify, suspend (with a reason) and merge duplicates (with a reason); all audited. */
export function moderationRoutes(app: FastifyInstance, services: Services): void {
  async function organizationOf(request: FastifyRequest) {
    const params = ZSlugParams.safeParse(request.params);
    return params.success ? findOrganizationBySlug(services.db, params.data.slug) : undefined;
  }

  async function renderPage(
    request: FastifyRequest,
    reply: FastifyReply,
    organization: NonNullable<Awaited<ReturnType<typeof organizationOf>>>,
    forms: { suspendForm?: FormModel; mergeForm?: FormModel } = {},
    status = 200,
  ) {
    const history = await services.db
      .selectFrom('audit_log')
      .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
      .select([
        'audit_log.occurred_at',
        'audit_log.action',
        'audit_log.actor_label',
        'audit_log.after_json',
        'users.display_name',
      ])
      .where('audit_log.subject_type', '=', 'organization')
      .where('audit_log.subject_id', '=', String(organization.id))
      .orderBy('audit_log.id', 'desc')
      .limit(100)
      .execute();
    const verifier = organization.verified_by
      ? await services.db.selectFrom('users').select('display_name').where('id', '=', organization.verified_by).executeTakeFirst()
      : undefined;
    const t = request.t;
    return reply.render(
      <OrganizationModerationPage
        model={{
          name: organization.name,
          slug: organization.slug ?? '',
          version: organization.version,
          status: organization.status,
          suspendedReason: organization.status === 'suspended' ? organization.suspended_reason : null,
          verifiedLine: organization.verified_at
            ? `${formatDateTime(organization.verified_at, request.language)}${verifier ? `, ${verifier.display_name}` : ''}`
            : null,
          canVerify: organization.status === 'pending' || organization.status === 'suspended',
          canSuspend: organization.status === 'pending' || organization.status === 'verified',
          canMerge: organization.status !== 'merged',
          suspendForm: forms.suspendForm ?? emptyForm(),
          mergeForm: forms.mergeForm ?? emptyForm(),
          history: history.map((h) => {
            const after = (JSON.parse(h.after_json ?? '{}') ?? {}) as Record<string, unknown>;
            const labelKey = `organizations.history.${h.action.replace(/\./g, '_')}`;
            const label = t(labelKey);
            const changed = h.action.startsWith('organization.updated')
              ? Object.keys(after)
                  .map((column) => {
                    const key = `organizations.fields.${fieldKey(column)}`;
                    const name = t(key);
                    return name === key ? column : name;
                  })
                  .join(', ')
              : null;
            return {
              when: formatDateTime(h.occurred_at, request.language),
              who:
                h.display_name ??
                (h.actor_label === 'user' ? t('organizations.moderation.unknownPerson') : t('organizations.history.system')),
              what: label === labelKey ? h.action : label,
              reason: typeof after.reason === 'string' ? after.reason : null,
              changed: changed || null,
            };
          }),
        }}
      />,
      status,
    );
  }

  app.get('/organizacje/:slug/urzad', { config: { access: 'official' } }, async (request, reply) => {
    const organization = await organizationOf(request);
    if (!organization) return reply.callNotFound();
    return renderPage(request, reply, organization);
  });

  app.post(
    '/organizacje/:slug/zawieszenie',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const organization = await organizationOf(request);
      if (!organization) return reply.callNotFound();
      const form = parseForm(ZSuspend, request.body);
      if (!form.ok)
        return renderPage(request, reply, organization, { suspendForm: failedForm(form.values, form.errors, request.t) }, 400);
      const outcome = await suspendOrganization(
        services,
        signedInUser(request).id,
        organization.id,
        form.data.version,
        form.data.suspendReason.trim(),
      );
      if (outcome !== 'suspended') {
        const error = formError(
          'suspendReason',
          outcome === 'conflict' ? 'flash.organizationChanged' : 'organizations.moderation.notSuspendable',
        );
        return renderPage(request, reply, organization, { suspendForm: failedForm(form.values, [error], request.t) }, 409);
      }
      return reply.redirectWithFlash(`/organizacje/${organization.slug}/urzad`, {
        kind: 'success',
        key: 'flash.organizationSuspended',
      });
    },
  );

  app.post(
    '/organizacje/:slug/scalenie',
    { config: { access: 'official', rateLimit: formRateLimit(services) } },
    async (request, reply) => {
      const organization = await organizationOf(request);
      if (!organization) return reply.callNotFound();
      const form = parseForm(ZMerge, request.body);
      if (!form.ok)
        return renderPage(request, reply, organization, { mergeForm: failedForm(form.values, form.errors, request.t) }, 400);
      const outcome = await mergeOrganization(
        services,
        signedInUser(request).id,
        organization.id,
        form.data.version,
        form.data.target,
        form.data.mergeReason.trim(),
      );
      if (!outcome.ok) {
        const error =
          outcome.reason === 'conflict'
            ? formError('mergeReason', 'flash.organizationChanged')
            : formError('target', `organizations.moderation.${outcome.reason}`);
        return renderPage(
          request,
          reply,
          organization,
          { mergeForm: failedForm(form.values, [error], request.t) },
          outcome.reason === 'conflict' ? 409 : 400,
        );
      }
      return reply.redirectWithFlash(`/organizacje/${outcome.target.slug}`, {
        kind: 'success',
        key: 'flash.organizationMerged',
        params: { duplicate: organization.name, target: outcome.target.name },
      });
    },
  );
}
