import { useView } from '../../../ui/context.js';

/** What every page of this feature shows about the meeting: topic link, when, where. */
export interface MeetingSummaryModel {
  id: number;
  topic: string;
  when: string;
  place: string | null;
}

export function meetingCrumbs(meeting: MeetingSummaryModel, t: (key: string) => string, here: string) {
  return [
    { label: t('meetingRegistration.crumbs.meetings'), href: '/spotkania' },
    { label: meeting.topic, href: `/spotkania/${meeting.id}` },
    { label: here },
  ];
}

export function MeetingSummary({ meeting }: { meeting: MeetingSummaryModel }) {
  const { t } = useView();
  return (
    <dl class="summary-list">
      <div class="summary-list__row">
        <dt>{t('meetingRegistration.summary.topic')}</dt>
        <dd>
          <a href={`/spotkania/${meeting.id}`}>{meeting.topic}</a>
        </dd>
      </div>
      <div class="summary-list__row">
        <dt>{t('meetingRegistration.summary.when')}</dt>
        <dd>{meeting.when}</dd>
      </div>
      {meeting.place && (
        <div class="summary-list__row">
          <dt>{t('meetingRegistration.summary.place')}</dt>
          <dd>{meeting.place}</dd>
        </div>
      )}
    </dl>
  );
}
