/** The official's form for a submission that arrived on paper or by e-mail; after saving, its receipt number. */
import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Select, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { CommentFields, TaskFields, type ConsultationRef } from './submission-pages.js';

type Option = { value: string; label: string };

export interface PaperFormModel {
  consultation: ConsultationRef;
  /** The just-entered submission's receipt number, shown to the official. */
  entered: { number: string; submitter: string } | null;
  period: string;
  closed: boolean;
  organizations: Option[];
  provisions: Option[];
  spheres: Option[];
}

export function PaperSubmissionPage(props: { model: PaperFormModel; form: FormModel }) {
  const { t } = useView();
  const { model, form } = props;
  const title = t('consultation.paper.title');
  const radios = (name: string, options: string[]) => (
    <Checkboxes
      kind="radio"
      name={name}
      legend={t(`consultation.paper.${name}`)}
      error={errorFor(form, name)}
      options={options.map((o) => ({ value: o, label: t(`consultation.paper.${name}Options.${o}`) }))}
      selected={form.values[name] ? [form.values[name]] : []}
    />
  );
  return (
    <Layout
      title={form.errors.length ? `${t('consultation.submission.errorPrefix')} ${title}` : title}
      breadcrumbs={[
        { label: t('consultation.title'), href: '/konsultacje' },
        { label: model.consultation.subject, href: `/konsultacje/${model.consultation.id}` },
        { label: title },
      ]}
    >
      {model.entered && (
        <NotificationBanner kind="success" title={t('consultation.paper.entered', { number: model.entered.number })}>
          <p>{t('consultation.paper.enteredFor', { submitter: model.entered.submitter })}</p>
        </NotificationBanner>
      )}
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p class="lead">{t('consultation.paper.intro', { period: model.period, subject: model.consultation.subject })}</p>
      {model.closed ? (
        <p>{t('consultation.errors.closedForPaper')}</p>
      ) : (
        <Form action={`/konsultacje/${model.consultation.id}/zgloszenia/papierowe`}>
          {radios('kind', ['comment', 'task'])}
          {radios('channel', ['paper', 'email'])}
          <TextField
            name="receivedOn"
            type="date"
            label={t('consultation.paper.receivedOn')}
            hint={t('consultation.paper.receivedOnHint')}
            value={form.values.receivedOn}
            error={errorFor(form, 'receivedOn')}
            width="half"
          />
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('consultation.paper.submitter')}</legend>
            {radios('submitterKind', ['organization', 'resident'])}
            <Select
              name="organizationId"
              label={t('consultation.paper.organizationId')}
              value={form.values.organizationId ?? ''}
              error={errorFor(form, 'organizationId')}
              required={false}
              options={[{ value: '', label: t('consultation.paper.noOrganization') }, ...model.organizations]}
            />
            <TextField
              name="organizationName"
              label={t('consultation.paper.organizationName')}
              hint={t('consultation.paper.organizationNameHint')}
              value={form.values.organizationName}
              error={errorFor(form, 'organizationName')}
              required={false}
            />
            <TextField
              name="personName"
              label={t('consultation.paper.personName')}
              value={form.values.personName}
              error={errorFor(form, 'personName')}
              required={false}
            />
            <TextField
              name="submitterEmail"
              type="email"
              label={t('consultation.paper.submitterEmail')}
              hint={t('consultation.paper.submitterEmailHint')}
              value={form.values.submitterEmail}
              error={errorFor(form, 'submitterEmail')}
              required={false}
            />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('consultation.paper.commentPart')}</legend>
            <CommentFields form={form} provisions={model.provisions} chosen={null} fragmentNotFound={false} />
          </fieldset>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('consultation.paper.taskPart')}</legend>
            <TaskFields form={form} spheres={model.spheres} clause={null} />
          </fieldset>
          <Button>{t('consultation.paper.save')}</Button>
        </Form>
      )}
    </Layout>
  );
}
