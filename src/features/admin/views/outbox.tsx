import { useView } from '../../../ui/context.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Pagination } from '../../../ui/components/pagination.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';

export interface OutboxModel {
  total: number;
  page: number;
  pageCount: number;
  smtpConfigured: boolean;
  mails: Array<{ id: number; to: string; subject: string; status: string; createdAt: string }>;
}

function StatusTag({ status }: { status: string }) {
  const { t } = useView();
  const colour = status === 'sent' ? 'green' : status === 'failed' ? 'red' : 'yellow';
  return <Tag colour={colour}>{t(`admin.outbox.statuses.${status}`)}</Tag>;
}

export function OutboxPage({ model }: { model: OutboxModel }) {
  const { t } = useView();
  return (
    <Layout
      title={t('admin.outbox.title')}
      wide
      breadcrumbs={[{ label: t('admin.title'), href: '/admin' }, { label: t('admin.outbox.title') }]}
    >
      <h1>{t('admin.outbox.title')}</h1>
      <NotificationBanner>
        <p>{t(model.smtpConfigured ? 'admin.outbox.smtp' : 'admin.outbox.noSmtp')}</p>
      </NotificationBanner>
      <Table
        caption={t('admin.outbox.caption', { count: model.total })}
        columns={[
          { label: t('admin.outbox.columns.created') },
          { label: t('admin.outbox.columns.to') },
          { label: t('admin.outbox.columns.subject') },
          { label: t('admin.outbox.columns.status') },
        ]}
        rows={model.mails.map((m) => [
          m.createdAt,
          m.to,
          <a href={`/admin/poczta/${m.id}`}>{m.subject}</a>,
          <StatusTag status={m.status} />,
        ])}
        empty={t('admin.outbox.empty')}
      />
      <Pagination page={model.page} pageCount={model.pageCount} hrefFor={(p) => `/admin/poczta?strona=${p}`} />
    </Layout>
  );
}

export interface MailModel {
  id: number;
  to: string;
  subject: string;
  body: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
  transport: string | null;
  siteUrl: string;
}

/** Links to this site become clickable, so a demo user can follow a confirmation link. */
function MailBody({ body, siteUrl }: { body: string; siteUrl: string }) {
  const parts = body.split(/(https?:\/\/\S+)/g);
  return (
    <pre class="mail-body">
      {parts.map((part) => (part.startsWith(`${siteUrl}/`) ? <a href={part.slice(siteUrl.length)}>{part}</a> : part))}
    </pre>
  );
}

export function MailPage({ model }: { model: MailModel }) {
  const { t } = useView();
  return (
    <Layout
      title={model.subject}
      breadcrumbs={[
        { label: t('admin.title'), href: '/admin' },
        { label: t('admin.outbox.title'), href: '/admin/poczta' },
        { label: model.subject },
      ]}
    >
      <h1>{model.subject}</h1>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{t('admin.outbox.columns.to')}</dt>
          <dd>{model.to}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('admin.outbox.columns.created')}</dt>
          <dd>{model.createdAt}</dd>
        </div>
        <div class="summary-list__row">
          <dt>{t('admin.outbox.columns.status')}</dt>
          <dd>
            <StatusTag status={model.status} /> {model.sentAt && `${model.sentAt} (${model.transport ?? ''})`}
          </dd>
        </div>
      </dl>
      <h2>{t('admin.outbox.body')}</h2>
      <MailBody body={model.body} siteUrl={model.siteUrl} />
    </Layout>
  );
}
