import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Form } from '../../../ui/components/form.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';

export interface SessionRow {
  id: number;
  device: string;
  signedInAt: string;
  lastSeenAt: string;
  current: boolean;
}

export function SessionsPage({ sessions }: { sessions: SessionRow[] }) {
  const { t } = useView();
  return (
    <Layout
      title={t('accounts.sessions.title')}
      breadcrumbs={[{ label: t('layout.nav.account'), href: '/konto' }, { label: t('accounts.sessions.title') }]}
    >
      <h1>{t('accounts.sessions.title')}</h1>
      <p>{t('accounts.sessions.intro')}</p>
      <Table
        caption={t('accounts.sessions.caption', { count: sessions.length })}
        columns={[
          { label: t('accounts.sessions.device') },
          { label: t('accounts.sessions.signedInAt') },
          { label: t('accounts.sessions.lastSeenAt') },
          { label: t('accounts.sessions.action') },
        ]}
        rows={sessions.map((s) => [
          <>
            {s.device} {s.current && <Tag colour="green">{t('accounts.sessions.current')}</Tag>}
          </>,
          s.signedInAt,
          s.lastSeenAt,
          <Form action={`/konto/sesje/${s.id}/zakoncz`}>
            <Button variant="secondary">
              {t('accounts.sessions.end')}
              <span class="visually-hidden">
                : {s.device}, {s.signedInAt}
              </span>
            </Button>
          </Form>,
        ])}
      />
      <h2>{t('accounts.sessions.everywhereHeading')}</h2>
      <p>{t('accounts.sessions.everywhereBody')}</p>
      <Form action="/konto/sesje/wyloguj-wszedzie">
        <Button variant="warning">{t('accounts.sessions.everywhere')}</Button>
      </Form>
    </Layout>
  );
}
