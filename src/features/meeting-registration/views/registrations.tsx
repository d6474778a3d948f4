import { useView } from '../../../ui/context.js';
import { Button, ButtonLink } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import { MeetingSummary, meetingCrumbs, type MeetingSummaryModel } from './meeting-summary.js';

export interface RegistrationsModel {
  meeting: MeetingSummaryModel & { capacity: number | null; invitationOnly: boolean; published: boolean };
  /** The form by which an official registers a person. */
  form: FormModel;
  counts: { registered: number; waitlisted: number; organizations: number; withNeeds: number };
  rows: Array<{
    name: string;
    email: string;
    organization: string | null;
    official: boolean;
    status: 'registered' | 'waitlisted';
    /** Place in the waitlist (1 = next). */
    place: number | null;
    accessibilityNeeds: string | null;
    registeredAt: string;
  }>;
}

export function RegistrationsPage({ model }: { model: RegistrationsModel }) {
  const { t } = useView();
  const title = t('meetingRegistration.list.title');
  const { meeting, counts } = model;
  return (
    <Layout title={title} breadcrumbs={meetingCrumbs(meeting, t, title)} wide>
      <h1>{title}</h1>
      <ErrorSummary errors={model.form.errors} />
      <MeetingSummary meeting={meeting} />
      {meeting.invitationOnly && <p>{t('meetingRegistration.list.invitationOnly')}</p>}
      <h2>{t('meetingRegistration.list.countsHeading')}</h2>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.list.registered')}</dt>
          <dd>
            {meeting.capacity === null
              ? String(counts.registered)
              : t('meetingRegistration.list.ofCapacity', { count: counts.registered, capacity: meeting.capacity })}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.list.waitlisted')}</dt>
          <dd>{counts.waitlisted}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.list.organizations')}</dt>
          <dd>{counts.organizations}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.list.withNeeds')}</dt>
          <dd>{counts.withNeeds}</dd>
        </div>
      </dl>
      <p class="actions">
        <ButtonLink href={`/spotkania/${meeting.id}/obecnosc`}>{t('meetingRegistration.list.toAttendance')}</ButtonLink>
      </p>
      <Table
        caption={t('meetingRegistration.list.caption')}
        columns={[
          { label: t('meetingRegistration.list.person') },
          { label: t('meetingRegistration.list.email') },
          { label: t('meetingRegistration.list.organization') },
          { label: t('meetingRegistration.list.status') },
          { label: t('meetingRegistration.list.needs') },
          { label: t('meetingRegistration.list.registeredAt') },
        ]}
        rows={model.rows.map((r) => [
          r.name,
          r.email ? <a href={`mailto:${r.email}`}>{r.email}</a> : '—',
          r.organization ?? (r.official ? t('meetingRegistration.list.office') : t('meetingRegistration.list.guest')),
          r.status === 'registered' ? (
            <Tag colour="green">{t('meetingRegistration.status.registered')}</Tag>
          ) : (
            <Tag colour="yellow">{t('meetingRegistration.status.waitlistedPlace', { place: r.place })}</Tag>
          ),
          r.accessibilityNeeds ?? '—',
          r.registeredAt,
        ])}
        empty={t('meetingRegistration.list.empty')}
      />
      {meeting.published && (
        <>
          <h2 id="zapisz-osobe">{t('meetingRegistration.list.registerPersonHeading')}</h2>
          <p>{t('meetingRegistration.list.registerPersonIntro')}</p>
          <Form action={`/spotkania/${meeting.id}/zgloszenia`}>
            <TextField
              name="email"
              type="email"
              label={t('meetingRegistration.list.personEmail')}
              value={model.form.values.email}
              error={errorFor(model.form, 'email')}
              autocomplete="off"
              maxLength={254}
            />
            <TextField
              name="organization"
              label={t('meetingRegistration.list.personOrganization')}
              hint={t('meetingRegistration.list.personOrganizationHint')}
              value={model.form.values.organization}
              error={errorFor(model.form, 'organization')}
              required={false}
              autocomplete="off"
              maxLength={300}
            />
            <TextArea
              name="accessibilityNeeds"
              label={t('meetingRegistration.register.accessibilityNeeds')}
              value={model.form.values.accessibilityNeeds}
              error={errorFor(model.form, 'accessibilityNeeds')}
              required={false}
              rows={2}
              maxLength={1000}
            />
            <Button type="submit" variant="primary">
              {t('meetingRegistration.list.registerPersonSubmit')}
            </Button>
          </Form>
        </>
      )}
    </Layout>
  );
}
