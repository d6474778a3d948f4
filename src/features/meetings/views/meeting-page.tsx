import { useView } from '../../../ui/context.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Button, ButtonLink } from '../../../ui/components/button.js';
import { TextArea } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Markdown } from '../../../ui/components/markdown.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import type { MeetingStatus } from '../../../platform/db/schema.js';
import type { MeetingHeaderFact } from '../meeting-view.js';
import { statusColours } from '../meeting-view.js';

export interface MeetingPageModel {
  id: number;
  topic: string;
  status: MeetingStatus;
  invitationOnly: boolean;
  version: number;
  header: MeetingHeaderFact[];
  goalMd: string | null;
  audienceMd: string | null;
  registration: {
    open: boolean;
    capacity: number | null;
    deadline: string | null;
    guestsAllowed: boolean;
  };
  programmeYear: number | null;
  agenda: Array<{ title: string; duration: number | null }>;
  attachments: Array<{ title: string; href: string | null; kind: 'file' | 'attendance-list' }>;
  /** After the meeting: counts and organisation names (never people's names). */
  attendance: { ngo: number; officials: number; guests: number; organisations: string[] } | null;
  protocolPublished: boolean;
  manage: { canEdit: boolean; canPublish: boolean; needsAgenda: boolean; canCancel: boolean } | null;
  url: string;
  summary: string;
}

function Management(props: { model: MeetingPageModel; cancelForm?: FormModel | undefined }) {
  const { t } = useView();
  const { model } = props;
  const manage = model.manage!;
  const base = `/spotkania/${model.id}`;
  const links: Array<[string, string]> = [
    ...(manage.canEdit
      ? ([
          [`${base}/edycja`, 'edit'],
          [`${base}/program`, 'agenda'],
          [`${base}/zalaczniki`, 'attachments'],
        ] as Array<[string, string]>)
      : []),
    [`${base}/zgloszenia`, 'registrations'],
    [`${base}/obecnosc`, 'attendance'],
    [`${base}/grupy`, 'groups'],
    [`${base}/pomysly`, 'ideas'],
    [`${base}/ustalenia`, 'outcomes'],
    [`${base}/protokol/edycja`, 'minutes'],
  ];
  return (
    <section class="panel" aria-labelledby="zarzadzanie">
      <h2 id="zarzadzanie">{t('meetings.manage.title')}</h2>
      <ul>
        {links.map(([href, key]) => (
          <li>
            <a href={href}>{t(`meetings.manage.links.${key}`)}</a>
          </li>
        ))}
      </ul>
      {model.status === 'draft' && (
        <>
          <h3>{t('meetings.manage.publishTitle')}</h3>
          {manage.needsAgenda ? (
            <p>{t('meetings.manage.needsAgenda')}</p>
          ) : (
            <p>{t(model.invitationOnly ? 'meetings.manage.publishInvitationHint' : 'meetings.manage.publishHint')}</p>
          )}
          {manage.canPublish && (
            <Form action={`${base}/publikacja`}>
              <input type="hidden" name="version" value={String(model.version)} />
              <Button>{t('meetings.manage.publish')}</Button>
            </Form>
          )}
        </>
      )}
      {manage.canCancel && (
        <>
          <h3>{t('meetings.manage.cancelTitle')}</h3>
          <p>{t('meetings.manage.cancelHint')}</p>
          <Form action={`${base}/odwolanie`}>
            <input type="hidden" name="version" value={String(model.version)} />
            <TextArea
              name="reason"
              label={t('meetings.fields.reason')}
              hint={t('meetings.hints.reason')}
              value={props.cancelForm?.values.reason}
              error={props.cancelForm ? errorFor(props.cancelForm, 'reason') : undefined}
              required={false}
              rows={3}
            />
            <Button variant="warning">{t('meetings.manage.cancel')}</Button>
          </Form>
        </>
      )}
    </section>
  );
}

/** Everything public about a meeting, plus the office's management box for officials. */
export function MeetingPage(props: { model: MeetingPageModel; cancelForm?: FormModel }) {
  const { t } = useView();
  const { model } = props;
  const reg = model.registration;
  return (
    <Layout
      title={props.cancelForm?.errors.length ? `${t('meetings.errorTitlePrefix')} ${model.topic}` : model.topic}
      breadcrumbs={[{ label: t('meetings.list.title'), href: '/spotkania' }, { label: model.topic }]}
      meta={{ description: model.summary, url: model.url, type: 'article' }}
    >
      <h1>{model.topic}</h1>
      {props.cancelForm && <ErrorSummary errors={props.cancelForm.errors} />}
      {(model.status !== 'published' || model.invitationOnly) && (
        <p class="actions actions--tight">
          {model.status !== 'published' && <Tag colour={statusColours[model.status]}>{t(`meetings.status.${model.status}`)}</Tag>}
          {model.invitationOnly && <Tag colour="blue">{t('meetings.visibility.invitationTag')}</Tag>}
        </p>
      )}
      {model.status === 'cancelled' && (
        <NotificationBanner kind="warning">
          <p>{t('meetings.page.cancelled')}</p>
        </NotificationBanner>
      )}
      <dl class="summary-list">
        {model.header.map((fact) => (
          <div class="summary-list__row">
            <dt>{t(`meetings.header.${fact.key}`)}</dt>
            <dd>
              {fact.href ? (
                <a href={fact.href}>{t('meetings.page.onlineLink', { host: fact.linkHost ?? fact.value })}</a>
              ) : (
                fact.value
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p class="actions">
        {reg.open && (
          <ButtonLink href={`/spotkania/${model.id}/zapisy`} variant="primary">
            {t('meetings.page.register')}
          </ButtonLink>
        )}
        <a href={`/spotkania/${model.id}/kalendarz.ics`}>{t('meetings.page.calendar')}</a>
      </p>
      {model.goalMd && (
        <section aria-labelledby="cel">
          <h2 id="cel">{t('meetings.page.goal')}</h2>
          <Markdown source={model.goalMd} />
        </section>
      )}
      {model.audienceMd && (
        <section aria-labelledby="adresaci">
          <h2 id="adresaci">{t('meetings.page.audience')}</h2>
          <Markdown source={model.audienceMd} />
        </section>
      )}
      <section aria-labelledby="program">
        <h2 id="program">{t('meetings.page.agenda')}</h2>
        {model.agenda.length === 0 ? (
          <p>{t('meetings.page.noAgenda')}</p>
        ) : (
          <ol>
            {model.agenda.map((item) => (
              <li>
                {item.title}
                {item.duration !== null && ` (${t('meetings.agenda.minutes', { count: item.duration })})`}
              </li>
            ))}
          </ol>
        )}
      </section>
      <section aria-labelledby="zapisy">
        <h2 id="zapisy">{t('meetings.page.registration')}</h2>
        <dl class="summary-list">
          <div class="summary-list__row">
            <dt>{t('meetings.page.registrationState')}</dt>
            <dd>{t(reg.open ? 'meetings.page.registrationOpen' : 'meetings.page.registrationClosed')}</dd>
          </div>
          {reg.deadline && (
            <div class="summary-list__row">
              <dt>{t('meetings.fields.registrationDeadline')}</dt>
              <dd>{reg.deadline}</dd>
            </div>
          )}
          {reg.capacity !== null && (
            <div class="summary-list__row">
              <dt>{t('meetings.fields.capacity')}</dt>
              <dd>{reg.capacity}</dd>
            </div>
          )}
          <div class="summary-list__row">
            <dt>{t('meetings.page.guests')}</dt>
            <dd>{t(reg.guestsAllowed ? 'meetings.page.guestsYes' : 'meetings.page.guestsNo')}</dd>
          </div>
          {model.programmeYear !== null && (
            <div class="summary-list__row">
              <dt>{t('meetings.fields.programmeYear')}</dt>
              <dd>{model.programmeYear}</dd>
            </div>
          )}
        </dl>
      </section>
      {model.attachments.length > 0 && (
        <section aria-labelledby="zalaczniki">
          <h2 id="zalaczniki">{t('meetings.page.attachments')}</h2>
          <ul>
            {model.attachments.map((a) => (
              <li>
                {a.href ? <a href={a.href}>{a.title}</a> : a.title}
                {a.kind === 'attendance-list' && !a.href && ` (${t('meetings.page.attendanceListPrivate')})`}
              </li>
            ))}
          </ul>
        </section>
      )}
      {model.attendance && (
        <section aria-labelledby="uczestnicy">
          <h2 id="uczestnicy">{t('meetings.page.participants')}</h2>
          <dl class="summary-list">
            <div class="summary-list__row">
              <dt>{t('meetings.page.ngoRepresentatives')}</dt>
              <dd>{model.attendance.ngo}</dd>
            </div>
            <div class="summary-list__row">
              <dt>{t('meetings.page.organisationsCount')}</dt>
              <dd>{model.attendance.organisations.length}</dd>
            </div>
            <div class="summary-list__row">
              <dt>{t('meetings.page.officials')}</dt>
              <dd>{model.attendance.officials}</dd>
            </div>
            <div class="summary-list__row">
              <dt>{t('meetings.page.guestsCount')}</dt>
              <dd>{model.attendance.guests}</dd>
            </div>
          </dl>
          {model.attendance.organisations.length > 0 && (
            <>
              <h3>{t('meetings.page.organisations')}</h3>
              <ul>
                {model.attendance.organisations.map((name) => (
                  <li>{name}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      {model.protocolPublished && (
        <p>
          <a href={`/spotkania/${model.id}/protokol`}>{t('meetings.page.protocol')}</a>
        </p>
      )}
      {model.manage && <Management model={model} cancelForm={props.cancelForm} />}
    </Layout>
  );
}
