import { useView } from '../../../ui/context.js';
import { ButtonLink } from '../../../ui/components/button.js';
import { Pagination } from '../../../ui/components/pagination.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import type { MeetingStatus } from '../../../platform/db/schema.js';
import { statusColours } from '../meeting-view.js';

export interface MeetingListItem {
  id: number;
  topic: string;
  date: string;
  time: string;
  place: string;
  status: MeetingStatus;
  invitationOnly: boolean;
}

export interface MeetingListModel {
  upcoming: MeetingListItem[];
  past: MeetingListItem[];
  page: number;
  pageCount: number;
  canManage: boolean;
}

function Items(props: { items: MeetingListItem[] }) {
  const { t } = useView();
  return (
    <ul class="results">
      {props.items.map((m) => (
        <li class="result">
          <h3 class="result__title">
            <a href={`/spotkania/${m.id}`}>{m.topic}</a>
          </h3>
          <p class="result__meta">
            {m.date}, {m.time}
            {m.place ? ` · ${m.place}` : ''}
          </p>
          {(m.status !== 'published' || m.invitationOnly) && (
            <p class="actions actions--tight">
              {m.status !== 'published' && <Tag colour={statusColours[m.status]}>{t(`meetings.status.${m.status}`)}</Tag>}
              {m.invitationOnly && <Tag colour="blue">{t('meetings.visibility.invitationTag')}</Tag>}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The list of meetings: upcoming first (soonest first), then past ones; officials also see drafts. */
export function MeetingListPage(props: { model: MeetingListModel }) {
  const { t } = useView();
  const { model } = props;
  const title = t('meetings.list.title');
  const empty = model.upcoming.length === 0 && model.past.length === 0;
  return (
    <Layout title={model.page > 1 ? `${title} — ${t('meetings.list.page', { page: model.page })}` : title}>
      <h1>{title}</h1>
      <p>{t('meetings.list.intro')}</p>
      <p class="actions">
        {model.canManage && <ButtonLink href="/spotkania/nowe">{t('meetings.list.create')}</ButtonLink>}
        <a href="/spotkania/kalendarz.ics">{t('meetings.list.calendarFeed')}</a>
      </p>
      {empty && <p>{t('meetings.list.empty')}</p>}
      {model.upcoming.length > 0 && (
        <section aria-labelledby="nadchodzace">
          <h2 id="nadchodzace">{t('meetings.list.upcoming')}</h2>
          <Items items={model.upcoming} />
        </section>
      )}
      {model.past.length > 0 && (
        <section aria-labelledby="minione">
          <h2 id="minione">{t('meetings.list.past')}</h2>
          <Items items={model.past} />
        </section>
      )}
      <Pagination
        page={model.page}
        pageCount={model.pageCount}
        hrefFor={(p) => (p === 1 ? '/spotkania' : `/spotkania?strona=${p}`)}
      />
    </Layout>
  );
}
