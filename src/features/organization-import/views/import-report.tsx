import type { ComponentChildren } from 'preact';
import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Pagination } from '../../../ui/components/pagination.js';
import { Table } from '../../../ui/components/table.js';
import { Layout } from '../../../ui/layout.js';
import type { FieldChange, ImportReport } from '../plan-import.js';

export interface ReportList<T> {
  items: T[];
  page: number;
  pageCount: number;
  total: number;
}

export type ReportListName = 'bledne' | 'zmiany' | 'nowe';

export interface ReportModel {
  id: number;
  /** The dry run (what would happen) or the commit's result (what happened). */
  mode: 'dryRun' | 'result';
  committed: boolean;
  uploadedAt: string;
  uploadedBy: string;
  committedAt: string | null;
  committedBy: string | null;
  fileSha256: string;
  fileKilobytes: number;
  encoding: string;
  delimiter: string;
  rows: number;
  counts: ImportReport['counts'];
  unknownColumns: string[];
  /** The known columns the file has (only these change existing organisations). */
  columns: string[];
  canCommit: boolean;
  bad: ReportList<{ row: number; name: string; problems: Array<{ column: string; text: string }> }>;
  updates: ReportList<{ row: number; name: string; href: string; changes: FieldChange[] }>;
  creates: ReportList<{ row: number; name: string; href: string | undefined }>;
  hrefFor(list: ReportListName, page: number): string;
}

function Section(props: { id: ReportListName; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>
        <span id={props.id}>{props.title}</span>
      </h2>
      {props.children}
    </section>
  );
}

export function ImportReportPage({ model }: { model: ReportModel }) {
  const { t } = useView();
  const k = (key: string, params: Record<string, unknown> = {}) => t(`organizationImport.report.${key}`, params);
  const dryRun = model.mode === 'dryRun';
  const title = dryRun ? k('titleDryRun', { id: model.id }) : k('titleResult', { id: model.id });
  const { counts } = model;
  const summary: Array<[string, ComponentChildren]> = [
    [k('uploaded'), k('uploadedValue', { date: model.uploadedAt, person: model.uploadedBy })],
    ...(model.committedAt
      ? ([[k('committedLabel'), k('uploadedValue', { date: model.committedAt, person: model.committedBy ?? '' })]] as Array<
          [string, ComponentChildren]
        >)
      : []),
    [k('file'), k('fileValue', { kilobytes: model.fileKilobytes, encoding: model.encoding, delimiter: model.delimiter })],
    [
      k('sha256'),
      // 64 characters without a break would widen a narrow screen: break points every 16, the text unchanged.
      <code>
        {model.fileSha256.match(/.{1,16}/g)!.map((part, i) => (
          <>
            {i > 0 && <wbr />}
            {part}
          </>
        ))}
      </code>,
    ],
    [k('rows'), String(model.rows)],
    [
      k('columns'),
      model.columns.map((c, i) => (
        <>
          {i > 0 && ', '}
          <code>{c}</code>
        </>
      )),
    ],
  ];
  return (
    <Layout
      title={title}
      wide
      breadcrumbs={[
        { label: t('organizations.directory.title'), href: '/organizacje' },
        { label: t('organizationImport.upload.title'), href: '/organizacje/import' },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      {dryRun && !model.committed && <p class="lead">{k('dryRunIntro')}</p>}
      {dryRun && model.committed && (
        <NotificationBanner kind="info">
          <p>
            {k('alreadyCommitted')} <a href={`/organizacje/import/${model.id}/wynik`}>{k('seeResult')}</a>
          </p>
        </NotificationBanner>
      )}
      {!dryRun && <p class="lead">{k('resultIntro')}</p>}

      <dl class="summary-list">
        {summary.map(([label, value]) => (
          <div class="summary-list__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>

      <Table
        caption={dryRun ? k('countsCaptionDryRun') : k('countsCaptionResult')}
        columns={[{ label: k('outcome') }, { label: k('count'), numeric: true }]}
        rows={[
          [dryRun ? k('toCreate') : k('created'), String(counts.create)],
          [dryRun ? k('toUpdate') : k('updated'), String(counts.update)],
          [k('unchanged'), String(counts.unchanged)],
          [k('badRows'), String(counts.bad)],
        ]}
      />

      {model.unknownColumns.length > 0 && (
        <NotificationBanner kind="warning" title={k('unknownColumnsTitle')}>
          <p>
            {k('unknownColumns')}{' '}
            {model.unknownColumns.map((c, i) => (
              <>
                {i > 0 && ', '}
                <code>{c}</code>
              </>
            ))}
          </p>
        </NotificationBanner>
      )}

      {model.canCommit && (
        <Form action={`/organizacje/import/${model.id}/zatwierdz`}>
          <p>{k('commitExplanation', { create: counts.create, update: counts.update, bad: counts.bad })}</p>
          <Button>{k('commit')}</Button>
        </Form>
      )}
      {dryRun && !model.committed && !model.canCommit && (
        <NotificationBanner kind="info">
          <p>{k('nothingToCommit')}</p>
        </NotificationBanner>
      )}

      <Section id="bledne" title={k('badHeading', { count: counts.bad })}>
        {model.bad.total > 0 && <p>{k('badIntro')}</p>}
        <Table
          caption={k('badCaption')}
          captionHidden
          columns={[{ label: k('row'), numeric: true }, { label: k('name') }, { label: k('reasons') }]}
          rows={model.bad.items.map((b) => [
            String(b.row),
            b.name,
            <ul class="link-list">
              {b.problems.map((p) => (
                <li>
                  {p.column && (
                    <>
                      <code>{p.column}</code>:{' '}
                    </>
                  )}
                  {p.text}
                </li>
              ))}
            </ul>,
          ])}
          empty={k('badEmpty')}
        />
        <Pagination page={model.bad.page} pageCount={model.bad.pageCount} hrefFor={(p) => model.hrefFor('bledne', p)} />
      </Section>

      <Section
        id="zmiany"
        title={dryRun ? k('updatesHeadingDryRun', { count: counts.update }) : k('updatesHeading', { count: counts.update })}
      >
        <Table
          caption={k('updatesCaption')}
          captionHidden
          columns={[{ label: k('row'), numeric: true }, { label: k('name') }, { label: k('changes') }]}
          rows={model.updates.items.map((u) => [
            String(u.row),
            <a href={u.href}>{u.name}</a>,
            <ul class="link-list">
              {u.changes.map((c) => (
                <li>
                  <code>{c.column}</code>
                  {c.before !== undefined && (
                    <>
                      : {c.before === '' ? <span class="muted">{k('empty')}</span> : c.before} →{' '}
                      {c.after === '' ? <span class="muted">{k('empty')}</span> : c.after}
                    </>
                  )}
                </li>
              ))}
            </ul>,
          ])}
          empty={k('updatesEmpty')}
        />
        <Pagination page={model.updates.page} pageCount={model.updates.pageCount} hrefFor={(p) => model.hrefFor('zmiany', p)} />
      </Section>

      <Section
        id="nowe"
        title={dryRun ? k('createsHeadingDryRun', { count: counts.create }) : k('createsHeading', { count: counts.create })}
      >
        <Table
          caption={k('createsCaption')}
          captionHidden
          columns={[{ label: k('row'), numeric: true }, { label: k('name') }]}
          rows={model.creates.items.map((c) => [String(c.row), c.href ? <a href={c.href}>{c.name}</a> : c.name])}
          empty={k('createsEmpty')}
        />
        <Pagination page={model.creates.page} pageCount={model.creates.pageCount} hrefFor={(p) => model.hrefFor('nowe', p)} />
      </Section>

      <p>
        <a href="/organizacje/import">{k('back')}</a>
      </p>
    </Layout>
  );
}
