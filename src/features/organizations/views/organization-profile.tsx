import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Form } from '../../../ui/components/form.js';
import { Markdown } from '../../../ui/components/markdown.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import type { Selectable } from 'kysely';
import type { OrganizationsTable } from '../../../platform/db/schema.js';
import { organizationLogoPath } from '../upload-organization-logo.js';

export interface OrganizationProfileModel {
  organization: Selectable<OrganizationsTable>;
  legalForm: string;
  spheres: Array<{ code: string; label: string }>;
  verifiedOn: string | null;
  foundedOn: string | null;
  lastConfirmedOn: string | null;
  canVerify: boolean;
  canRequestMembership: boolean;
  membershipPending: boolean;
  canSeeMembers: boolean;
  canEdit: boolean;
  /** Officials: the link to verification, suspension and merging. */
  canModerate?: boolean;
  /** An active member may confirm the data are current without editing (freshness). */
  canConfirmData?: boolean;
  canManageLogo?: boolean;
  url: string;
  /** One plain sentence for link previews: legal form, town, first line of the description. */
  summary: string;
}

/** The profile with schema.org Organization data for search engines and open-data tools. */
function jsonLd(model: OrganizationProfileModel): string {
  const o = model.organization;
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NGO',
    name: o.name,
    url: model.url,
    ...(o.short_name ? { alternateName: o.short_name } : {}),
    ...(o.website ? { sameAs: [o.website] } : {}),
    ...(organizationLogoPath(o) ? { logo: new URL(organizationLogoPath(o)!, model.url).href } : {}),
    ...(o.email ? { email: o.email } : {}),
    ...(o.phone ? { telephone: o.phone } : {}),
    ...(o.founded_on ? { foundingDate: o.founded_on } : {}),
    ...(o.nip ? { taxID: o.nip } : {}),
    ...(o.krs || o.regon
      ? {
          identifier: [
            o.krs && { '@type': 'PropertyValue', propertyID: 'KRS', value: o.krs },
            o.regon && { '@type': 'PropertyValue', propertyID: 'REGON', value: o.regon },
          ].filter(Boolean),
        }
      : {}),
    ...(o.city
      ? {
          address: {
            '@type': 'PostalAddress',
            streetAddress: o.street ?? undefined,
            postalCode: o.postal_code ?? undefined,
            addressLocality: o.city,
            addressCountry: 'PL',
          },
        }
      : {}),
  };
  // Inside <script>, "</" must not appear: escape it so no user text can close the element.
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export function OrganizationProfilePage({ model }: { model: OrganizationProfileModel }) {
  const { t, nonce } = useView();
  const o = model.organization;
  const row = (label: string, value: preact.ComponentChildren) =>
    value ? (
      <div class="summary-list__row">
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    ) : null;
  return (
    <Layout
      title={o.name}
      meta={{ description: model.summary, url: model.url, type: 'profile' }}
      breadcrumbs={[{ label: t('organizations.directory.title'), href: '/organizacje' }, { label: o.short_name || o.name }]}
    >
      {/* eslint-disable-next-line no-restricted-syntax -- JSON-LD, escaped above */}
      <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: jsonLd(model) }} />
      <h1>{o.name}</h1>
      {organizationLogoPath(o) && (
        <p>
          <img
            src={organizationLogoPath(o)!}
            alt={t('organizations.logo.alt', { organization: o.name })}
            width={120}
            height={120}
            class="logo-preview"
          />
        </p>
      )}
      <p>
        {o.status === 'verified' ? (
          <Tag colour="green">{t('organizations.status.verified')}</Tag>
        ) : (
          <Tag colour="yellow">{t(`organizations.status.${o.status}`)}</Tag>
        )}
        {o.opp_year !== null && <Tag colour="green">{t('organizations.oppYear', { year: o.opp_year })}</Tag>}
        {o.volunteers_wanted === 1 && <Tag colour="blue">{t('organizations.volunteersWanted')}</Tag>}
      </p>
      {o.status === 'pending' && (
        <NotificationBanner kind="warning">
          <p>{t('organizations.profile.pending')}</p>
        </NotificationBanner>
      )}
      {o.status === 'suspended' && (
        <NotificationBanner kind="warning">
          <p>{t('organizations.profile.suspended', { reason: o.suspended_reason ?? '' })}</p>
        </NotificationBanner>
      )}
      {model.canModerate && (
        <p>
          <a href={`/organizacje/${o.slug}/urzad`}>{t('organizations.moderation.link')}</a>
        </p>
      )}
      {model.canVerify && (
        <Form action={`/organizacje/${o.slug}/weryfikacja`}>
          <input type="hidden" name="version" value={String(o.version)} />
          <p>{t('organizations.profile.verifyHint')}</p>
          <Button>{t('organizations.profile.verify')}</Button>
        </Form>
      )}
      {model.canRequestMembership && (
        <Form action={`/organizacje/${o.slug}/dolacz`}>
          <p>{t('organizations.profile.joinHint')}</p>
          <Button variant="secondary">{t('organizations.profile.join')}</Button>
        </Form>
      )}
      {model.membershipPending && <p>{t('organizations.profile.joinPending')}</p>}
      {(model.canEdit || model.canSeeMembers || model.canManageLogo) && (
        <ul class="link-list">
          {model.canEdit && (
            <li>
              <a href={`/organizacje/${o.slug}/edycja`}>{t('organizations.profile.edit')}</a>
            </li>
          )}
          {model.canSeeMembers && (
            <li>
              <a href={`/organizacje/${o.slug}/czlonkowie`}>{t('organizations.profile.members')}</a>
            </li>
          )}
          {model.canManageLogo && (
            <li>
              <a href={`/organizacje/${o.slug}/logo`}>{t('organizations.logo.manage')}</a>
            </li>
          )}
        </ul>
      )}
      {model.canConfirmData && (
        <Form action={`/organizacje/${o.slug}/potwierdzenie`} id="potwierdz-dane">
          <p>{t('organizations.freshness.confirm.hint')}</p>
          <Button variant="secondary">{t('organizations.freshness.confirm.submit')}</Button>
        </Form>
      )}
      <dl class="summary-list">
        {row(t('organizations.fields.legalForm'), model.legalForm)}
        {row(t('organizations.fields.krs'), o.krs)}
        {row(t('organizations.fields.nip'), o.nip)}
        {row(t('organizations.fields.regon'), o.regon)}
        {row(
          t('organizations.fields.otherRegisterName'),
          o.other_register_name && `${o.other_register_name} ${o.other_register_number ?? ''}`,
        )}
        {row(t('organizations.fields.foundedOn'), model.foundedOn)}
        {row(t('organizations.fields.areaOfActivity'), o.area_of_activity)}
        {row(t('organizations.profile.verifiedOn'), model.verifiedOn)}
        {row(t('organizations.profile.lastConfirmedOn'), model.lastConfirmedOn)}
      </dl>
      {model.spheres.length > 0 && (
        <>
          <h2>{t('organizations.fields.spheres')}</h2>
          <ul>
            {model.spheres.map((s) => (
              <li>{s.label}</li>
            ))}
          </ul>
        </>
      )}
      {o.description_md && (
        <>
          <h2>{t('organizations.fields.description')}</h2>
          <Markdown source={o.description_md} />
        </>
      )}
      {o.goals_md && (
        <>
          <h2>{t('organizations.fields.goals')}</h2>
          <Markdown source={o.goals_md} />
        </>
      )}
      {o.target_groups && (
        <>
          <h2>{t('organizations.fields.targetGroups')}</h2>
          <Markdown source={o.target_groups} />
        </>
      )}
      {o.volunteers_wanted === 1 && o.volunteers_description && (
        <>
          <h2>{t('organizations.fields.volunteersDescription')}</h2>
          <Markdown source={o.volunteers_description} />
        </>
      )}
      <h2>{t('organizations.sections.contact')}</h2>
      <dl class="summary-list">
        {row(
          t('organizations.fields.address'),
          [o.street, [o.postal_code, o.city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
        )}
        {row(t('organizations.fields.email'), o.email && <a href={`mailto:${o.email}`}>{o.email}</a>)}
        {row(t('organizations.fields.phone'), o.phone)}
        {row(
          t('organizations.fields.website'),
          o.website && (
            <a href={o.website} rel="nofollow noopener">
              {o.website}
            </a>
          ),
        )}
      </dl>
    </Layout>
  );
}
