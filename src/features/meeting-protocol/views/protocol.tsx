import { DocumentBlocks } from '../../../ui/components/document-blocks.js';
import { ButtonLink } from '../../../ui/components/button.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Tag } from '../../../ui/components/tag.js';
import { useView } from '../../../ui/context.js';
import { Layout } from '../../../ui/layout.js';
import { protocolBlocks, type ProtocolModel } from '../protocol-model.js';

export function ProtocolPage({ model }: { model: ProtocolModel }) {
  const { t, language } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingProtocol.${key}`, params);
  // The draft notice is the page's own banner; the documents print it as their first line.
  const blocks = protocolBlocks({ ...model, draft: null });
  const [heading, ...body] = blocks;
  const base = `/spotkania/${model.meetingId}/protokol`;
  return (
    <Layout
      title={`${model.draft ? `${k('draftTag')}: ` : ''}${model.title}`}
      breadcrumbs={[
        { label: k('crumbs.meetings'), href: '/spotkania' },
        { label: model.meetingTitle, href: `/spotkania/${model.meetingId}` },
        { label: k('crumbs.protocol') },
      ]}
    >
      {model.draft && (
        <NotificationBanner kind="warning" title={k('draft.title')}>
          <p>
            {model.draft.version
              ? k('draft.version', { version: model.draft.version, status: k(`status.${model.draft.status}`) })
              : k('draft.noMinutes')}
          </p>
        </NotificationBanner>
      )}
      <article class="protocol" lang={language === 'pl' ? undefined : 'pl'}>
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
        <DocumentBlocks blocks={body} />
      </article>
      <section class="protocol-downloads" aria-labelledby="protocol-downloads">
        <h2 id="protocol-downloads">{k('downloads.heading')}</h2>
        <p>{k('downloads.intro')}</p>
        <p>
          <ButtonLink href={`${base}.pdf`}>{k('downloads.pdf')}</ButtonLink>{' '}
          <ButtonLink href={`${base}.docx`}>{k('downloads.docx')}</ButtonLink>
        </p>
      </section>
    </Layout>
  );
}
