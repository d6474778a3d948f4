import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Checkbox, TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { consultationForms } from '../consultation-facts.js';

export interface NoticeFormModel {
  /** `create`: a new notice; `edit`: before the opening; `extend`: while open, only the end date. */
  mode: 'create' | 'edit' | 'extend';
  action: string;
  programmeTitle: string;
  versionNumber: number;
  /** The consultation (edit and extend). */
  consultationId?: number;
  subject?: string;
  minDays: number;
  /** The ticked forms of consultation. */
  forms: string[];
  /** While open: the announced period, as the reader sees it. */
  announcedPeriod?: string;
  /** The programme's first year and the day the council must adopt it by ("30 listopada 2026"). */
  adoption: { year: number; by: string };
}

export function NoticeFormPage(props: { model: NoticeFormModel; form: FormModel }) {
  const { t } = useView();
  const { model, form } = props;
  const title =
    model.mode === 'create' ? t('consultation.notice.newTitle') : t('consultation.notice.editTitle', { subject: model.subject });
  const crumbs = [
    { label: t('consultation.title'), href: '/konsultacje' },
    ...(model.consultationId ? [{ label: model.subject ?? '', href: `/konsultacje/${model.consultationId}` }] : []),
    { label: model.mode === 'create' ? t('consultation.notice.newTitle') : t('consultation.notice.editCrumb') },
  ];
  const text = (name: string, hint?: string) => (
    <TextField
      name={name}
      label={t(`consultation.notice.fields.${name}`)}
      hint={hint}
      value={form.values[name]}
      error={errorFor(form, name)}
    />
  );
  const area = (name: string, hint?: string) => (
    <TextArea
      name={name}
      label={t(`consultation.notice.fields.${name}`)}
      hint={hint}
      value={form.values[name]}
      error={errorFor(form, name)}
      rows={4}
    />
  );
  const date = (name: string, hint?: string) => (
    <TextField
      name={name}
      type="date"
      width="short"
      label={t(`consultation.notice.fields.${name}`)}
      hint={hint}
      value={form.values[name]}
      error={errorFor(form, name)}
    />
  );
  return (
    <Layout title={form.errors.length ? `${t('consultation.errorTitlePrefix')} ${title}` : title} breadcrumbs={crumbs}>
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('consultation.notice.draftLine', { programme: model.programmeTitle, number: model.versionNumber })}</p>
      {model.mode === 'extend' ? (
        <>
          <NotificationBanner title={t('consultation.notice.openTitle')}>
            <p>{t('consultation.notice.openIntro', { period: model.announcedPeriod ?? '' })}</p>
          </NotificationBanner>
          <Form action={model.action}>
            <input type="hidden" name="version" value={form.values.version ?? ''} />
            {date('endsOn', t('consultation.notice.extendHint', { count: model.minDays }))}
            <Button>{t('consultation.notice.extendSubmit')}</Button>
          </Form>
        </>
      ) : (
        <Form action={model.action}>
          {model.mode === 'edit' && <input type="hidden" name="version" value={form.values.version ?? ''} />}
          <p>{t('consultation.notice.intro')}</p>
          {text('subject')}
          {area('legalBasis')}
          {area('participants')}
          <Checkbox
            name="residentsAllowed"
            label={t('consultation.notice.fields.residentsAllowed')}
            hint={t('consultation.notice.residentsHint')}
            checked={['yes', 'on'].includes(form.values.residentsAllowed ?? '')}
            error={errorFor(form, 'residentsAllowed')}
          />
          <Checkboxes
            name="forms"
            legend={t('consultation.notice.fields.forms')}
            hint={t('consultation.notice.formsHint')}
            error={errorFor(form, 'forms')}
            options={consultationForms.map((f) => ({ value: f, label: t(`consultation.forms.${f}`) }))}
            selected={model.forms}
          />
          {area('whereToSubmit', t('consultation.notice.whereHint'))}
          {text('responsibleUnit')}
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('consultation.notice.periodLegend')}</legend>
            <p class="field__hint">{t('consultation.notice.periodHint', { count: model.minDays })}</p>
            <p class="field__hint">{t('consultation.notice.adoptionHint', model.adoption)}</p>
            {date('startsOn')}
            {date('endsOn')}
          </fieldset>
          <Button>{model.mode === 'create' ? t('consultation.notice.createSubmit') : t('consultation.notice.saveSubmit')}</Button>
        </Form>
      )}
    </Layout>
  );
}
