import { useView } from '../../../ui/context.js';
import { Button, ButtonLink } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextArea } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { MeetingSummary, meetingCrumbs, type MeetingSummaryModel } from './meeting-summary.js';

export interface RegistrationModel {
  meeting: MeetingSummaryModel & { closesAt: string; capacity: number | null; registered: number };
  /** The person's active registration, if any. */
  current:
    | { status: 'registered'; onBehalfOf: string | null }
    | { status: 'waitlisted'; onBehalfOf: string | null; place: number }
    | null;
  /** Withdrawing is possible until the meeting begins. */
  canCancel: boolean;
  /** Why the form is not offered (closed, not published, invitation only…), as an i18n key. */
  unavailable: string | null;
  options: Array<{ value: string; label: string }>;
  /** The person has no organisation and guests are not allowed: explain how to take part. */
  needsOrganization: boolean;
  form: FormModel;
}

export function RegistrationPage({ model }: { model: RegistrationModel }) {
  const { t } = useView();
  const title = t('meetingRegistration.register.title');
  const { meeting } = model;
  return (
    <Layout title={title} breadcrumbs={meetingCrumbs(meeting, t, title)}>
      <h1>{title}</h1>
      <ErrorSummary errors={model.form.errors} />
      <MeetingSummary meeting={meeting} />
      <p>
        {t('meetingRegistration.register.closesAt', { when: meeting.closesAt })}
        {meeting.capacity !== null &&
          ` ${t('meetingRegistration.register.places', { taken: meeting.registered, capacity: meeting.capacity })}`}
      </p>
      {model.current ? (
        <>
          <NotificationBanner kind="info" title={t('meetingRegistration.register.yourRegistration')}>
            <p>
              {model.current.status === 'registered'
                ? t('meetingRegistration.register.youAreRegistered')
                : t('meetingRegistration.register.youAreWaitlisted', { place: model.current.place })}{' '}
              {model.current.onBehalfOf
                ? t('meetingRegistration.register.onBehalfOf', { organization: model.current.onBehalfOf })
                : t('meetingRegistration.register.asGuestOrOffice')}
            </p>
          </NotificationBanner>
          {model.canCancel && (
            <Form action={`/spotkania/${meeting.id}/zapisy/rezygnacja`}>
              <Button variant="warning">{t('meetingRegistration.register.cancel')}</Button>
            </Form>
          )}
        </>
      ) : model.needsOrganization && !model.unavailable ? (
        <>
          <p>{t('meetingRegistration.register.needsOrganization')}</p>
          <div class="actions">
            <ButtonLink href="/organizacje">{t('meetingRegistration.register.findOrganization')}</ButtonLink>
          </div>
        </>
      ) : model.unavailable && model.form.errors.length === 0 ? (
        <NotificationBanner kind="warning" title={t('meetingRegistration.register.unavailableTitle')}>
          <p>{t(model.unavailable)}</p>
        </NotificationBanner>
      ) : (
        // A refused submission keeps the form and everything typed, under the reason in the summary.
        <Form action={`/spotkania/${meeting.id}/zapisy`}>
          <Checkboxes
            kind="radio"
            name="organization"
            legend={t('meetingRegistration.register.legend')}
            hint={t('meetingRegistration.register.hint')}
            error={errorFor(model.form, 'organization')}
            options={model.options}
            selected={[model.form.values.organization ?? '']}
          />
          <TextArea
            name="accessibilityNeeds"
            label={t('meetingRegistration.register.accessibilityNeeds')}
            hint={t('meetingRegistration.register.accessibilityNeedsHint')}
            value={model.form.values.accessibilityNeeds}
            error={errorFor(model.form, 'accessibilityNeeds')}
            required={false}
            rows={3}
            maxLength={1000}
          />
          <Button type="submit" variant="primary">
            {t('meetingRegistration.register.submit')}
          </Button>
        </Form>
      )}
    </Layout>
  );
}
