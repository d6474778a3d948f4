import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { areaScopes } from '../area-scopes.js';
import { Checkbox, Select, TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export interface OrganizationFormOptions {
  legalForms: Array<{ value: string; label: string }>;
  spheres: Array<{ value: string; label: string }>;
}

/** Register a new organisation, or edit one (`edit` names it and carries the version read). */
export function OrganizationFormPage(props: {
  form: FormModel;
  options: OrganizationFormOptions;
  selectedSpheres?: string[];
  edit?: { slug: string; name: string };
}) {
  const { t } = useView();
  const { form } = props;
  const k = (key: string) => t(`organizations.fields.${key}`);
  const hint = (key: string) => t(`organizations.hints.${key}`);
  const text = (
    name: string,
    extra: {
      hint?: boolean;
      optional?: boolean;
      type?: 'text' | 'email' | 'url' | 'tel' | 'date';
      width?: 'full' | 'half' | 'short';
      autocomplete?: string;
    } = {},
  ) => (
    <TextField
      name={name}
      label={k(name)}
      hint={extra.hint ? hint(name) : undefined}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={extra.optional ? false : undefined}
      type={extra.type ?? 'text'}
      width={extra.width}
      autocomplete={extra.autocomplete}
    />
  );
  const area = (name: string) => (
    <TextArea
      name={name}
      label={k(name)}
      hint={hint(name)}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={false}
      rows={6}
    />
  );
  const mode = props.edit ? 'edit' : 'register';
  const title = props.edit ? t('organizations.edit.title', { organization: props.edit.name }) : t('organizations.register.title');
  const crumbs = props.edit
    ? [
        { label: t('organizations.directory.title'), href: '/organizacje' },
        { label: props.edit.name, href: `/organizacje/${props.edit.slug}` },
        { label: t('organizations.edit.crumb') },
      ]
    : [{ label: t('organizations.directory.title'), href: '/organizacje' }, { label: title }];
  return (
    <Layout title={form.errors.length ? `${t('accounts.errorTitlePrefix')} ${title}` : title} breadcrumbs={crumbs}>
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t(`organizations.${mode}.intro`)}</p>
      <Form action={props.edit ? `/organizacje/${props.edit.slug}/edycja` : '/organizacje/nowa'}>
        {props.edit && <input type="hidden" name="version" value={form.values.version ?? ''} />}
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('organizations.sections.identity')}</legend>
          {text('name', { hint: true, autocomplete: 'organization' })}
          {text('shortName', { optional: true, width: 'half' })}
          <Select
            name="legalForm"
            label={k('legalForm')}
            value={form.values.legalForm}
            error={errorFor(form, 'legalForm')}
            options={[{ value: '', label: t('organizations.choose') }, ...props.options.legalForms]}
          />
          {text('foundedOn', { optional: true, type: 'date', width: 'short' })}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('organizations.sections.identifiers')}</legend>
          <p class="field__hint">{hint('identifiers')}</p>
          {text('krs', { optional: true, hint: true, width: 'half' })}
          {text('nip', { optional: true, hint: true, width: 'half' })}
          {text('regon', { optional: true, hint: true, width: 'half' })}
          {text('otherRegisterName', { optional: true, hint: true })}
          {text('otherRegisterNumber', { optional: true, width: 'half' })}
          {text('oppYear', { optional: true, hint: true, width: 'short' })}
        </fieldset>
        <Checkboxes
          name="spheres"
          legend={k('spheres')}
          hint={hint('spheres')}
          error={errorFor(form, 'spheres')}
          options={props.options.spheres}
          selected={props.selectedSpheres ?? []}
          columns
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('organizations.sections.activity')}</legend>
          {area('description')}
          {area('goals')}
          {area('targetGroups')}
          <Select
            name="areaScope"
            label={k('areaScope')}
            required={false}
            value={form.values.areaScope}
            error={errorFor(form, 'areaScope')}
            options={[
              { value: '', label: t('organizations.choose') },
              ...areaScopes.map((code) => ({ value: code, label: t(`organizations.areaScopes.${code}`) })),
            ]}
          />
          {text('areaOfActivity', { optional: true, hint: true })}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('organizations.sections.contact')}</legend>
          {text('street', { optional: true, autocomplete: 'address-line1' })}
          {text('postalCode', { optional: true, hint: true, width: 'short', autocomplete: 'postal-code' })}
          {text('city', { optional: true, width: 'half', autocomplete: 'address-level2' })}
          {text('email', { optional: true, type: 'email', hint: true })}
          {text('phone', { optional: true, type: 'tel', width: 'half' })}
          {text('website', { optional: true, type: 'url', hint: true })}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('organizations.sections.volunteers')}</legend>
          <Checkbox name="volunteersWanted" label={k('volunteersWanted')} checked={form.values.volunteersWanted !== undefined} />
          {area('volunteersDescription')}
        </fieldset>
        <Button>{t(`organizations.${mode}.submit`)}</Button>
      </Form>
    </Layout>
  );
}
