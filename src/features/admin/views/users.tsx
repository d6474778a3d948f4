import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Form } from '../../../ui/components/form.js';
import { Pagination } from '../../../ui/components/pagination.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';

export interface UsersModel {
  total: number;
  page: number;
  pageCount: number;
  currentUserId: number;
  users: Array<{
    id: number;
    email: string;
    displayName: string;
    confirmed: boolean;
    createdAt: string;
    isOfficial: boolean;
    isAdministrator: boolean;
  }>;
}

function RoleButton(props: { userId: number; role: 'official' | 'administrator'; has: boolean; who: string }) {
  const { t } = useView();
  return (
    <Form action={`/admin/uzytkownicy/${props.userId}/role`} class="inline-form">
      <input type="hidden" name="role" value={props.role} />
      <input type="hidden" name="change" value={props.has ? 'revoke' : 'grant'} />
      <Button variant={props.has ? 'warning' : 'secondary'}>
        {t(`admin.users.${props.has ? 'revoke' : 'grant'}.${props.role}`)}
        <span class="visually-hidden">: {props.who}</span>
      </Button>
    </Form>
  );
}

export function UsersPage({ model }: { model: UsersModel }) {
  const { t } = useView();
  return (
    <Layout
      title={t('admin.users.title')}
      wide
      breadcrumbs={[{ label: t('admin.title'), href: '/admin' }, { label: t('admin.users.title') }]}
    >
      <h1>{t('admin.users.title')}</h1>
      <Table
        caption={t('admin.users.caption', { count: model.total })}
        columns={[
          { label: t('admin.users.columns.person') },
          { label: t('admin.users.columns.status') },
          { label: t('admin.users.columns.roles') },
          { label: t('admin.users.columns.actions') },
        ]}
        rows={model.users.map((u) => [
          <>
            {u.displayName}
            <br />
            <span class="muted">{u.email}</span>
          </>,
          u.confirmed ? (
            <Tag colour="green">{t('admin.users.confirmed')}</Tag>
          ) : (
            <Tag colour="yellow">{t('admin.users.unconfirmed')}</Tag>
          ),
          <>
            {u.isAdministrator && <Tag colour="blue">{t('accounts.roles.administrator')}</Tag>}{' '}
            {u.isOfficial && <Tag colour="blue">{t('accounts.roles.official')}</Tag>}
          </>,
          <div class="actions actions--tight">
            <RoleButton userId={u.id} role="official" has={u.isOfficial} who={u.email} />
            {u.id !== model.currentUserId && (
              <RoleButton userId={u.id} role="administrator" has={u.isAdministrator} who={u.email} />
            )}
          </div>,
        ])}
      />
      <Pagination page={model.page} pageCount={model.pageCount} hrefFor={(p) => `/admin/uzytkownicy?strona=${p}`} />
    </Layout>
  );
}
