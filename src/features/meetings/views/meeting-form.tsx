import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { DateTimeInput } from '../../../ui/components/date-time-input.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Checkbox, TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

/** Create a meeting, or edit one (`edit` names it; the form carries the version read). */
export function MeetingFormPage(props: { form: FormModel; edit?: { id: number; topic: string } }) {
  const { t } = useView();
  const { form, edit } = props;
  const text = (
    name: string,
    extra: {
      optional?: boolean;
      hint?: boolean;
      type?: 'text' | 'url' | 'date' | 'time';
      width?: 'full' | 'half' | 'short';
    } = {},
  ) => (
    <TextField
      name={name}
      label={t(`meetings.fields.${name}`)}
      hint={extra.hint ? t(`meetings.hints.${name}`) : undefined}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={extra.optional ? false : undefined}
      type={extra.type ?? 'text'}
      width={extra.width}
    />
  );
  const area = (name: string) => (
    <TextArea
      name={name}
      label={t(`meetings.fields.${name}`)}
      hint={t(`meetings.hints.${name}`)}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={false}
      rows={6}
    />
  );
  const title = edit ? t('meetings.form.editTitle', { topic: edit.topic }) : t('meetings.form.createTitle');
  const crumbs = edit
    ? [
        { label: t('meetings.list.title'), href: '/spotkania' },
        { label: edit.topic, href: `/spotkania/${edit.id}` },
        { label: t('meetings.form.editCrumb') },
      ]
    : [{ label: t('meetings.list.title'), href: '/spotkania' }, { label: title }];
  return (
    <Layout title={form.errors.length ? `${t('meetings.errorTitlePrefix')} ${title}` : title} breadcrumbs={crumbs}>
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t(edit ? 'meetings.form.editIntro' : 'meetings.form.createIntro')}</p>
      <Form action={edit ? `/spotkania/${edit.id}/edycja` : '/spotkania/nowe'}>
        {edit && <input type="hidden" name="version" value={form.values.version ?? ''} />}
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('meetings.form.sections.subject')}</legend>
          {text('topic', { hint: true })}
          {area('goal')}
          {area('audience')}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('meetings.form.sections.when')}</legend>
          <p class="field__hint">{t('ui.dateTime.timeZoneHint')}</p>
          {text('date', { type: 'date', width: 'short' })}
          {text('startTime', { type: 'time', width: 'short' })}
          {text('endTime', { type: 'time', width: 'short' })}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('meetings.form.sections.where')}</legend>
          <p class="field__hint">{t('meetings.hints.where')}</p>
          {text('place', { optional: true })}
          {text('onlineUrl', { optional: true, type: 'url', hint: true })}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('meetings.form.sections.who')}</legend>
          {text('hostName', { width: 'half' })}
          {text('hostFunction', { optional: true, hint: true })}
          {text('organiser', { hint: true })}
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('meetings.form.sections.registration')}</legend>
          <Checkboxes
            kind="radio"
            name="visibility"
            legend={t('meetings.fields.visibility')}
            error={errorFor(form, 'visibility')}
            options={[
              { value: 'public', label: t('meetings.visibility.public') },
              { value: 'invitation', label: t('meetings.visibility.invitation') },
            ]}
            selected={[form.values.visibility ?? 'public']}
          />
          <Checkbox
            name="guestsAllowed"
            label={t('meetings.fields.guestsAllowed')}
            hint={t('meetings.hints.guestsAllowed')}
            checked={form.values.guestsAllowed !== undefined}
          />
          {text('capacity', { optional: true, hint: true, width: 'short' })}
          <DateTimeInput
            name="registrationDeadline"
            legend={t('meetings.fields.registrationDeadline')}
            hint={t('meetings.hints.registrationDeadline')}
            error={errorFor(form, 'registrationDeadline')}
            value={{ date: form.values.registrationDeadlineDate ?? '', time: form.values.registrationDeadlineTime ?? '' }}
          />
        </fieldset>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('meetings.form.sections.protocol')}</legend>
          {text('programmeYear', { optional: true, hint: true, width: 'short' })}
          {text('title', { hint: true })}
        </fieldset>
        <Button>{t(edit ? 'meetings.form.save' : 'meetings.form.create')}</Button>
      </Form>
    </Layout>
  );
}
