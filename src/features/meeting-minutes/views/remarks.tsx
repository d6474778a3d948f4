import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Select, TextArea } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { DocumentBlocks } from '../../../ui/components/document-blocks.js';
import type { DocumentBlock } from '../../../platform/documents/blocks.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import type { RemarkWindow } from '../meeting-minutes.policy.js';

export interface RemarksModel {
  meeting: { id: number; topic: string };
  window: RemarkWindow;
  /** The day remarks are accepted until, formatted. */
  until: string | null;
  published: boolean;
  canRemark: boolean;
  isOfficial: boolean;
  minutes: {
    version: number;
    sections: Array<{ label: string; blocks: DocumentBlock[] }>;
    closing: DocumentBlock[];
    author: string | null;
  } | null;
  agenda: Array<{ id: number; label: string }>;
  own: Array<{ id: number; when: string; agendaItem: string | null; text: string; answer: string | null }>;
  form: FormModel;
}

/** Participants read the circulated minutes and leave remarks until the day named; they see the answers. */
export function RemarksPage({ model }: { model: RemarksModel }) {
  const { t } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.remarks.${key}`, params);
  const base = `/spotkania/${model.meeting.id}`;
  return (
    <Layout
      title={`${k('title')} – ${model.meeting.topic}`}
      breadcrumbs={[
        { label: t('meetingMinutes.nav.meetings'), href: '/spotkania' },
        { label: model.meeting.topic, href: base },
        { label: k('title') },
      ]}
    >
      <h1>{k('title')}</h1>
      <p class="lead">{model.meeting.topic}</p>
      <ErrorSummary errors={model.form.errors} />
      {model.window === 'open' && <p>{k('openUntil', { until: model.until })}</p>}
      {model.window === 'closed' && (
        <NotificationBanner kind="warning" title={k('closedTitle')}>
          <p>{k('closed', { until: model.until })}</p>
        </NotificationBanner>
      )}
      {model.window === 'notCirculated' && (
        <NotificationBanner>
          <p>{k('notCirculated')}</p>
          {model.published && (
            <p>
              <a href={`${base}/protokol`}>{k('publishedLink')}</a>
            </p>
          )}
        </NotificationBanner>
      )}
      {model.isOfficial && (
        <p>
          <a href={`${base}/protokol/edycja#uwagi`}>{k('officialLink')}</a>
        </p>
      )}

      {model.canRemark && model.window === 'open' && (
        <section aria-labelledby="nowa-uwaga">
          <h2 id="nowa-uwaga">{k('formHeading')}</h2>
          <Form action={`${base}/protokol/uwagi`}>
            <Select
              name="agendaItemId"
              label={k('agendaItem')}
              hint={k('agendaItemHint')}
              value={model.form.values.agendaItemId}
              error={errorFor(model.form, 'agendaItemId')}
              required={false}
              options={[
                { value: '', label: k('wholeMinutes') },
                ...model.agenda.map((a) => ({ value: String(a.id), label: a.label })),
              ]}
            />
            <TextArea
              name="text"
              label={k('text')}
              hint={k('textHint')}
              value={model.form.values.text}
              error={errorFor(model.form, 'text')}
              rows={6}
              maxLength={5000}
            />
            <Button>{k('submit')}</Button>
          </Form>
        </section>
      )}
      {/* A refused late remark keeps its text in the form above when open; when closed, show it back here. */}
      {model.window !== 'open' && model.form.values.text && (
        <section aria-labelledby="niezapisana">
          <h2 id="niezapisana">{k('unsavedHeading')}</h2>
          <TextArea
            name="text"
            label={k('unsavedText')}
            hint={k('unsavedHint')}
            value={model.form.values.text}
            required={false}
            rows={6}
          />
        </section>
      )}

      {model.own.length > 0 && (
        <section aria-labelledby="moje-uwagi">
          <h2 id="moje-uwagi">{k('ownHeading')}</h2>
          {model.own.map((r) => (
            <article class="card" aria-labelledby={`uwaga-${r.id}`}>
              <h3 class="card__title" id={`uwaga-${r.id}`}>
                {k('remarkOf', { when: r.when })}
              </h3>
              {r.agendaItem && <p class="muted">{r.agendaItem}</p>}
              <p class="code">{r.text}</p>
              <p>
                <strong>{k('answer')}</strong> {r.answer ?? k('noAnswer')}
              </p>
            </article>
          ))}
        </section>
      )}

      {model.minutes && (
        <section aria-labelledby="tekst">
          <h2 id="tekst">{k('textHeading', { version: model.minutes.version })}</h2>
          {model.minutes.sections.map((s) => (
            <>
              <h3>{s.label}</h3>
              {s.blocks.length > 0 ? <DocumentBlocks blocks={s.blocks} /> : <p class="muted">{k('emptySection')}</p>}
            </>
          ))}
          <DocumentBlocks blocks={model.minutes.closing} />
          {model.minutes.author && <p>{model.minutes.author}</p>}
        </section>
      )}
    </Layout>
  );
}
