import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Checkbox, fieldId, Select, TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { accessibilityStatuses } from '../settings.schema.js';

export function SettingsPage({ form }: { form: FormModel }) {
  const { t, csrfToken } = useView();
  const k = (key: string) => t(`admin.settings.fields.${key}`);
  const text = (name: string, props: { hint?: string; type?: 'email' | 'date' | 'text'; optional?: boolean } = {}) => (
    <TextField
      name={name}
      label={k(name)}
      hint={props.hint}
      type={props.type ?? 'text'}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={props.optional ? false : undefined}
      width={props.type === 'date' ? 'short' : 'full'}
    />
  );
  const area = (name: string, optional = false) => (
    <TextArea
      name={name}
      label={k(name)}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={optional ? false : undefined}
      rows={4}
    />
  );
  return (
    <Layout
      title={t('admin.settings.title')}
      breadcrumbs={[{ label: t('admin.title'), href: '/admin' }, { label: t('admin.settings.title') }]}
    >
      <h1>{t('admin.settings.title')}</h1>
      <ErrorSummary errors={form.errors} />
      <Form action="/admin/ustawienia">
        <input type="hidden" name="version" value={form.values.version ?? '0'} />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('admin.settings.sections.identity')}</legend>
          {text('municipalityName', { hint: t('admin.settings.hints.municipalityName') })}
          {text('municipalityGenitive', { optional: true, hint: t('admin.settings.hints.municipalityGenitive') })}
          {text('councilGenitive', { optional: true, hint: t('admin.settings.hints.councilGenitive') })}
          {text('officeName')}
          {text('siteUrl', { optional: true, hint: t('admin.settings.hints.siteUrl') })}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('admin.settings.sections.contact')}</legend>
          {area('contactAddress')}
          {text('contactEmail', { type: 'email' })}
          {text('contactPhone')}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('admin.settings.sections.privacy')}</legend>
          {text('controllerName', { hint: t('admin.settings.hints.controllerName') })}
          {text('dataProtectionOfficerEmail', { type: 'email' })}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('admin.settings.sections.accessibility')}</legend>
          {text('a11yPublishedOn', { type: 'date' })}
          {text('a11yUpdatedOn', { type: 'date' })}
          {text('a11yPreparedOn', { type: 'date' })}
          {text('a11yReviewedOn', { type: 'date', optional: true })}
          <Select
            name="a11yStatus"
            label={k('a11yStatus')}
            value={form.values.a11yStatus}
            error={errorFor(form, 'a11yStatus')}
            options={accessibilityStatuses.map((s) => ({ value: s, label: t(`admin.settings.statuses.${s}`) }))}
          />
          {area('a11yNonAccessibleContent', true)}
          {text('a11yContactPerson')}
          {text('a11yContactEmail', { type: 'email' })}
          {text('a11yContactPhone')}
          {area('a11yBuildingAccessibility')}
          {area('a11yCommunication')}
          {area('a11yMobileApps', true)}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('admin.settings.sections.consultations')}</legend>
          <TextField
            name="consultationMinDays"
            label={k('consultationMinDays')}
            hint={t('admin.settings.hints.consultationMinDays')}
            value={form.values.consultationMinDays}
            error={errorFor(form, 'consultationMinDays')}
            width="short"
          />
          <Checkbox
            name="consultationResidentsAllowed"
            label={k('consultationResidentsAllowed')}
            hint={t('admin.settings.hints.consultationResidentsAllowed')}
            checked={['true', 'yes', 'on'].includes(form.values.consultationResidentsAllowed ?? '')}
            error={errorFor(form, 'consultationResidentsAllowed')}
          />
        </fieldset>
        <Button>{t('admin.settings.submit')}</Button>
      </Form>
      <h2>{t('admin.settings.logoHeading')}</h2>
      <p>
        <img src="/logo" alt={t('admin.settings.currentLogo')} width={96} height={96} class="logo-preview" />
      </p>
      <form action="/admin/ustawienia/logo" method="post" enctype="multipart/form-data">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <div class={`field${errorFor(form, 'logo') ? ' field--error' : ''}`}>
          <label class="field__label" for={fieldId('logo')}>
            {k('logo')}
          </label>
          <p class="field__hint" id={`${fieldId('logo')}-hint`}>
            {t('admin.settings.hints.logo')}
          </p>
          {errorFor(form, 'logo') && (
            <p class="field__error" id={`${fieldId('logo')}-error`}>
              {errorFor(form, 'logo')}
            </p>
          )}
          <input
            class="file-input"
            type="file"
            id={fieldId('logo')}
            name="logo"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={`${fieldId('logo')}-hint${errorFor(form, 'logo') ? ` ${fieldId('logo')}-error` : ''}`}
          />
        </div>
        <Button variant="secondary">{t('admin.settings.logoSubmit')}</Button>
      </form>
    </Layout>
  );
}
