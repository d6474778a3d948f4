import type { ComponentChildren } from 'preact';
import { useView } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout.js';

export type WorkPage = 'groups' | 'ideas' | 'outcomes' | 'minutes';

const pages: Array<{ page: WorkPage; path: string }> = [
  { page: 'groups', path: 'grupy' },
  { page: 'ideas', path: 'pomysly' },
  { page: 'outcomes', path: 'ustalenia' },
  { page: 'minutes', path: 'protokol/edycja' },
];

export interface MeetingRef {
  id: number;
  topic: string;
}

/**
 * The frame of the officials' pages of a meeting's working part: breadcrumbs to the meeting, the
 * page's h1 and a secondary navigation between groups, ideas, outcomes and the minutes.
 */
export function MeetingWorkLayout(props: {
  meeting: MeetingRef;
  current: WorkPage;
  title: string;
  /** A page below the current one (e.g. editing one group): its title becomes the last crumb. */
  subpage?: string;
  wide?: boolean;
  children: ComponentChildren;
}) {
  const { t } = useView();
  const base = `/spotkania/${props.meeting.id}`;
  const here = pages.find((p) => p.page === props.current)!;
  const heading = props.subpage ?? props.title;
  return (
    <Layout
      title={`${heading} – ${props.meeting.topic}`}
      wide={props.wide}
      breadcrumbs={[
        { label: t('meetingMinutes.nav.meetings'), href: '/spotkania' },
        { label: props.meeting.topic, href: base },
        ...(props.subpage
          ? [{ label: props.title, href: `${base}/${here.path}` }, { label: props.subpage }]
          : [{ label: props.title }]),
      ]}
    >
      <h1>{heading}</h1>
      <p class="lead">{props.meeting.topic}</p>
      <nav aria-label={t('meetingMinutes.nav.label')}>
        <ul class="actions link-list">
          {pages.map((p) => (
            <li>
              <a href={`${base}/${p.path}`} aria-current={p.page === props.current && !props.subpage ? 'page' : undefined}>
                {t(`meetingMinutes.nav.${p.page}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.children}
    </Layout>
  );
}
