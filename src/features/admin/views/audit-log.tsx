import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Select, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Pagination } from '../../../ui/components/pagination.js';
import { Table } from '../../../ui/components/table.js';
import { Layout } from '../../../ui/layout.js';

export interface AuditLogModel {
  filters: { akcja: string; kto: string; obiekt: string; od: string; do: string };
  actions: string[];
  total: number;
  page: number;
  pageCount: number;
  pageHref: (page: number) => string;
  entries: Array<{
    id: number;
    occurredAt: string;
    occurredAtIso: string;
    actor: string;
    action: string;
    subject: string;
    before: string | null;
    after: string | null;
  }>;
}

function Change(props: { before: string | null; after: string | null }) {
  const { t } = useView();
  if (!props.before && !props.after) return <span>—</span>;
  return (
    <details class="audit-change">
      <summary>{t('admin.audit.showChange')}</summary>
      {props.before && (
        <>
          <p class="audit-change__label">{t('admin.audit.before')}</p>
          <pre class="code">{props.before}</pre>
        </>
      )}
      {props.after && (
        <>
          <p class="audit-change__label">{t('admin.audit.after')}</p>
          <pre class="code">{props.after}</pre>
        </>
      )}
    </details>
  );
}

export function AuditLogPage({ model }: { model: AuditLogModel }) {
  const { t } = useView();
  return (
    <Layout
      title={t('admin.audit.title')}
      wide
      breadcrumbs={[{ label: t('admin.title'), href: '/admin' }, { label: t('admin.audit.title') }]}
    >
      <h1>{t('admin.audit.title')}</h1>
      <p>{t('admin.audit.intro')}</p>
      <Form action="/admin/dziennik" method="get" class="filters">
        <Select
          name="akcja"
          label={t('admin.audit.filters.action')}
          value={model.filters.akcja}
          options={[{ value: '', label: t('admin.audit.filters.any') }, ...model.actions.map((a) => ({ value: a, label: a }))]}
        />
        <TextField name="kto" type="email" label={t('admin.audit.filters.actor')} value={model.filters.kto} required={false} />
        <TextField
          name="obiekt"
          label={t('admin.audit.filters.subject')}
          hint={t('admin.audit.filters.subjectHint')}
          value={model.filters.obiekt}
          required={false}
        />
        <TextField
          name="od"
          type="date"
          label={t('admin.audit.filters.from')}
          value={model.filters.od}
          required={false}
          width="short"
        />
        <TextField
          name="do"
          type="date"
          label={t('admin.audit.filters.to')}
          value={model.filters.do}
          required={false}
          width="short"
        />
        <Button variant="secondary">{t('admin.audit.filters.submit')}</Button>
      </Form>
      <Table
        caption={t('admin.audit.caption', { count: model.total })}
        columns={[
          { label: t('admin.audit.columns.when') },
          { label: t('admin.audit.columns.who') },
          { label: t('admin.audit.columns.action') },
          { label: t('admin.audit.columns.subject') },
          { label: t('admin.audit.columns.change') },
        ]}
        rows={model.entries.map((e) => [
          <time datetime={e.occurredAtIso}>{e.occurredAt}</time>,
          e.actor,
          <code>{e.action}</code>,
          e.subject,
          <Change before={e.before} after={e.after} />,
        ])}
        empty={t('admin.audit.empty')}
      />
      <Pagination page={model.page} pageCount={model.pageCount} hrefFor={model.pageHref} />
    </Layout>
  );
}
