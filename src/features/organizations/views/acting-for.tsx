import { useView } from '../../../ui/context.js';
import { Button, ButtonLink } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';

export interface ActingForModel {
  organizations: Array<{ id: number; name: string; slug: string }>;
  /** '' = as a private person. */
  selected: string;
  returnTo: string;
  error?: string;
}

export function ActingForPage({ model }: { model: ActingForModel }) {
  const { t } = useView();
  const errors = model.error ? [{ field: 'organization', message: model.error }] : [];
  return (
    <Layout title={t('organizations.actingFor.title')}>
      <h1>{t('organizations.actingFor.title')}</h1>
      <ErrorSummary errors={errors} />
      {model.organizations.length === 0 ? (
        <>
          <p>{t('organizations.actingFor.none')}</p>
          <div class="actions">
            <ButtonLink href="/organizacje">{t('organizations.actingFor.findOrganization')}</ButtonLink>
            <ButtonLink href="/organizacje/nowa">{t('organizations.directory.register')}</ButtonLink>
          </div>
        </>
      ) : (
        <Form action="/konto/w-imieniu">
          <input type="hidden" name="returnTo" value={model.returnTo} />
          <Checkboxes
            kind="radio"
            name="organization"
            legend={t('organizations.actingFor.legend')}
            hint={t('organizations.actingFor.hint')}
            error={model.error}
            options={[
              ...model.organizations.map((o) => ({ value: String(o.id), label: o.name })),
              { value: '', label: t('organizations.actingFor.privatePerson') },
            ]}
            selected={[model.selected]}
          />
          <Button type="submit" variant="primary">
            {t('organizations.actingFor.submit')}
          </Button>
        </Form>
      )}
    </Layout>
  );
}
