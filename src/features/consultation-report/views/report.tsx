import { Button, ButtonLink } from '../../../ui/components/button.js';
import { Block } from '../../../ui/components/document-blocks.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { useView } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout.js';
import { reportPath } from '../consultation-report.policy.js';
import { reportBlocks, type ReportModel } from '../report-model.js';

const useK = () => {
  const { t, language } = useView();
  return { k: (key: string, params?: Record<string, unknown>) => t(`consultationReport.${key}`, params), language };
};

const crumbs = (k: (key: string) => string, consultationId: number, subject: string) => [
  { label: k('crumbs.consultations'), href: '/konsultacje' },
  { label: subject, href: `/konsultacje/${consultationId}` },
  { label: k('crumbs.report') },
];

export function ReportPage({ model, canPublish }: { model: ReportModel; canPublish: boolean }) {
  const { k, language } = useK();
  // The draft notice is the page's own banner; the documents print it as their first line.
  const [heading, ...body] = reportBlocks({ ...model, draft: false });
  const base = reportPath(model.consultationId);
  return (
    <Layout
      title={`${model.draft ? `${k('draftTag')}: ` : ''}${model.title}`}
      breadcrumbs={crumbs(k, model.consultationId, model.notice[0]?.value ?? model.programmeTitle)}
      wide
    >
      {model.draft && (
        <NotificationBanner kind="warning" title={k('draft.title')}>
          <p>{k('draft.text')}</p>
          {canPublish && (
            <Form action={`${base}/opublikuj`}>
              <p>{k('draft.publishHint')}</p>
              <Button>{k('draft.publish')}</Button>
            </Form>
          )}
        </NotificationBanner>
      )}
      <article class="protocol consultation-report" lang={language === 'pl' ? undefined : 'pl'}>
        {heading?.kind === 'heading' && (
          <h1>
            {model.draft && (
              <>
                <Tag colour="yellow">{k('draftTag')}</Tag>{' '}
              </>
            )}
            {heading.text}
          </h1>
        )}
        {body.map((block) =>
          // The overview table scrolls inside its own box on narrow screens (WCAG 1.4.10).
          block.kind === 'table' ? (
            <Table caption={block.caption} columns={block.columns.map((c) => ({ label: c.header }))} rows={block.rows} />
          ) : (
            <Block block={block} />
          ),
        )}
      </article>
      <section class="protocol-downloads" aria-labelledby="report-downloads">
        <h2 id="report-downloads">{k('downloads.heading')}</h2>
        <p>{k('downloads.intro')}</p>
        <p>
          <ButtonLink href={`${base}.pdf`}>{k('downloads.pdf')}</ButtonLink>{' '}
          <ButtonLink href={`${base}.docx`}>{k('downloads.docx')}</ButtonLink>
        </p>
      </section>
    </Layout>
  );
}

/** For officials while the consultation runs: the report is generated from the records once it is closed. */
export function ReportNotYetPage({ consultationId, subject }: { consultationId: number; subject: string }) {
  const { k } = useK();
  return (
    <Layout title={k('notYet.title')} breadcrumbs={crumbs(k, consultationId, subject)}>
      <h1>{k('notYet.title')}</h1>
      <p>{k('notYet.text')}</p>
      <ul>
        <li>
          <a href={`/konsultacje/${consultationId}/odpowiedzi`}>{k('notYet.answers')}</a>
        </li>
        <li>
          <a href={`/konsultacje/${consultationId}`}>{k('notYet.back')}</a>
        </li>
      </ul>
    </Layout>
  );
}
