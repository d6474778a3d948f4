import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { fieldId } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export interface OrganizationLogoModel {
  organisation: { name: string; slug: string };
  /** The current logo's public URL, or null. */
  logoUrl: string | null;
}

/** Upload, replace or remove an organisation's logo (its administrators and officials). */
export function OrganizationLogoPage({ model, form }: { model: OrganizationLogoModel; form: FormModel }) {
  const { t, csrfToken } = useView();
  const { name, slug } = model.organisation;
  const id = fieldId('logo');
  const error = errorFor(form, 'logo');
  return (
    <Layout
      title={t('organizations.logo.title', { organization: name })}
      breadcrumbs={[
        { label: t('organizations.directory.title'), href: '/organizacje' },
        { label: name, href: `/organizacje/${slug}` },
        { label: t('organizations.logo.crumb') },
      ]}
    >
      <h1>{t('organizations.logo.title', { organization: name })}</h1>
      <ErrorSummary errors={form.errors} />
      <p class="lead">{t('organizations.logo.intro')}</p>
      <h2>{t('organizations.logo.current')}</h2>
      {model.logoUrl ? (
        <>
          <p>
            <img
              src={model.logoUrl}
              alt={t('organizations.logo.alt', { organization: name })}
              width={120}
              height={120}
              class="logo-preview"
            />
          </p>
          <Form action={`/organizacje/${slug}/logo/usuniecie`}>
            <Button variant="warning">{t('organizations.logo.remove')}</Button>
          </Form>
        </>
      ) : (
        <p>{t('organizations.logo.none')}</p>
      )}
      <h2>{t(model.logoUrl ? 'organizations.logo.replaceHeading' : 'organizations.logo.uploadHeading')}</h2>
      <form action={`/organizacje/${slug}/logo`} method="post" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class={`field${error ? ' field--error' : ''}`}>
          <label class="field__label" for={id}>
            {t('organizations.logo.field')}
          </label>
          <p class="field__hint" id={`${id}-hint`}>
            {t('organizations.logo.hint')}
          </p>
          {error && (
            <p class="field__error" id={`${id}-error`}>
              {error}
            </p>
          )}
          <input
            class="file-input"
            type="file"
            id={id}
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          />
        </div>
        <Button>{t('organizations.logo.submit')}</Button>
      </form>
      <p>
        <a href={`/organizacje/${slug}`}>{t('organizations.logo.back', { organization: name })}</a>
      </p>
    </Layout>
  );
}
