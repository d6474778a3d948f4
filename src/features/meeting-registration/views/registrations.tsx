import { useView } from '../../../ui/context.js';
import { ButtonLink } from '../../../ui/components/button.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import { MeetingSummary, meetingCrumbs, type MeetingSummaryModel } from './meeting-summary.js';

export interface RegistrationsModel {
  meeting: MeetingSummaryModel & { capacity: number | null };
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
      <MeetingSummary meeting={meeting} />
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
    </Layout>
  );
}
