import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Form } from '../../../ui/components/form.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';

export interface MembersModel {
  organisation: { name: string; slug: string };
  canManage: boolean;
  members: Array<{ id: number; name: string; email: string | null; role: 'admin' | 'member'; pending: boolean; isYou: boolean }>;
}

function Action(props: {
  slug: string;
  memberId: number;
  change: 'approve' | 'remove' | 'makeAdmin';
  who: string;
  warning?: boolean;
}) {
  const { t } = useView();
  return (
    <Form action={`/organizacje/${props.slug}/czlonkowie/${props.memberId}`} class="inline-form">
      <input type="hidden" name="change" value={props.change} />
      <Button variant={props.warning ? 'warning' : 'secondary'}>
        {t(`organizations.members.actions.${props.change}`)}
        <span class="visually-hidden">{`: ${props.who}`}</span>
      </Button>
    </Form>
  );
}

export function MembersPage({ model }: { model: MembersModel }) {
  const { t } = useView();
  const { slug, name } = model.organisation;
  // The last active administrator cannot be removed (hand the role over first): no button that always fails.
  const activeAdmins = model.members.filter((m) => m.role === 'admin' && !m.pending).length;
  return (
    <Layout
      title={t('organizations.members.title', { organization: name })}
      breadcrumbs={[
        { label: t('organizations.directory.title'), href: '/organizacje' },
        { label: name, href: `/organizacje/${slug}` },
        { label: t('organizations.members.crumb') },
      ]}
    >
      <h1>{t('organizations.members.title', { organization: name })}</h1>
      <p>{t(model.canManage ? 'organizations.members.introAdmin' : 'organizations.members.intro')}</p>
      <Table
        caption={t('organizations.members.caption', { count: model.members.length })}
        columns={[
          { label: t('organizations.members.person') },
          { label: t('organizations.members.role') },
          ...(model.canManage ? [{ label: t('organizations.members.actionsHeading') }] : []),
        ]}
        rows={model.members.map((m) => [
          <>
            {m.name}
            {m.isYou && ` ${t('organizations.members.you')}`}
            {m.email && (
              <>
                <br />
                <span class="muted">{m.email}</span>
              </>
            )}
          </>,
          m.pending ? (
            <Tag colour="yellow">{t('organizations.members.pending')}</Tag>
          ) : (
            <Tag colour={m.role === 'admin' ? 'blue' : 'grey'}>{t(`accounts.membership.${m.role}`)}</Tag>
          ),
          ...(model.canManage
            ? [
                <div class="actions actions--tight">
                  {m.pending && <Action slug={slug} memberId={m.id} change="approve" who={m.name} />}
                  {!m.pending && m.role === 'member' && <Action slug={slug} memberId={m.id} change="makeAdmin" who={m.name} />}
                  {!(m.role === 'admin' && !m.pending && activeAdmins === 1) && (
                    <Action slug={slug} memberId={m.id} change="remove" who={m.name} warning />
                  )}
                </div>,
              ]
            : []),
        ])}
      />
    </Layout>
  );
}
