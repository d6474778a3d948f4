import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { fieldId, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Table } from '../../../ui/components/table.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export interface AttachmentsPageModel {
  meeting: { id: number; topic: string };
  attachments: Array<{ id: number; title: string; kind: 'file' | 'attendance-list'; href: string; type: string }>;
  hasAttendanceList: boolean;
  /** The attachment being renamed (from `?zmien=<id>`), or null. */
  renaming: { id: number; title: string } | null;
}

/** Attachments: upload (PDF, DOCX, ODT, PNG, JPEG up to 10 MB), rename, reorder, remove; the attendance list. */
export function AttachmentsPage(props: { model: AttachmentsPageModel; form: FormModel }) {
  const { t, csrfToken } = useView();
  const { model, form } = props;
  const base = `/spotkania/${model.meeting.id}/zalaczniki`;
  const title = t('meetings.attachments.title', { topic: model.meeting.topic });
  const fileError = errorFor(form, 'file');
  return (
    <Layout
      title={form.errors.length ? `${t('meetings.errorTitlePrefix')} ${title}` : title}
      breadcrumbs={[
        { label: t('meetings.list.title'), href: '/spotkania' },
        { label: model.meeting.topic, href: `/spotkania/${model.meeting.id}` },
        { label: t('meetings.attachments.crumb') },
      ]}
      wide
    >
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('meetings.attachments.intro')}</p>
      <Table
        caption={t('meetings.attachments.caption')}
        columns={[
          { label: t('meetings.attachments.number'), numeric: true },
          { label: t('meetings.attachments.attachment') },
          { label: t('meetings.attachments.type') },
          { label: t('meetings.attachments.actions') },
        ]}
        empty={t('meetings.attachments.empty')}
        rows={model.attachments.map((a, i) => [
          `${i + 1}.`,
          <a href={a.href}>{a.title}</a>,
          a.type,
          <Form action={base} class="actions actions--tight">
            <input type="hidden" name="item" value={String(a.id)} />
            <a href={`${base}?zmien=${a.id}#f-title`}>
              {t('meetings.attachments.rename')}
              <span class="visually-hidden"> {t('meetings.attachments.itemNumber', { number: i + 1 })}</span>
            </a>
            {i > 0 && (
              <Button variant="secondary" name="op" value="up">
                {t('meetings.order.up')}
                <span class="visually-hidden"> {t('meetings.attachments.itemNumber', { number: i + 1 })}</span>
              </Button>
            )}
            {i < model.attachments.length - 1 && (
              <Button variant="secondary" name="op" value="down">
                {t('meetings.order.down')}
                <span class="visually-hidden"> {t('meetings.attachments.itemNumber', { number: i + 1 })}</span>
              </Button>
            )}
            <Button variant="warning" name="op" value="remove">
              {t('meetings.order.remove')}
              <span class="visually-hidden"> {t('meetings.attachments.itemNumber', { number: i + 1 })}</span>
            </Button>
          </Form>,
        ])}
      />
      {model.renaming ? (
        <>
          <h2>{t('meetings.attachments.renameTitle')}</h2>
          <Form action={base}>
            <input type="hidden" name="op" value="title" />
            <input type="hidden" name="item" value={String(model.renaming.id)} />
            <TextField
              name="title"
              label={t('meetings.attachments.titleLabel')}
              value={form.values.title ?? model.renaming.title}
              error={errorFor(form, 'title')}
            />
            <p class="actions">
              <Button>{t('meetings.attachments.saveTitle')}</Button>
              <a href={base}>{t('meetings.attachments.cancelRename')}</a>
            </p>
          </Form>
        </>
      ) : (
        <>
          <h2>{t('meetings.attachments.uploadTitle')}</h2>
          <form action={base} method="post" enctype="multipart/form-data" novalidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            <input type="hidden" name="op" value="upload" />
            <TextField
              name="title"
              label={t('meetings.attachments.titleLabel')}
              value={form.values.title}
              error={errorFor(form, 'title')}
            />
            <div class={`field${fileError ? ' field--error' : ''}`}>
              <label class="field__label" for={fieldId('file')}>
                {t('meetings.attachments.file')}
              </label>
              <p class="field__hint" id={`${fieldId('file')}-hint`}>
                {t('meetings.attachments.fileHint')}
              </p>
              {fileError && (
                <p class="field__error" id={`${fieldId('file')}-error`}>
                  <span class="visually-hidden">{t('ui.errorPrefix')} </span>
                  {fileError}
                </p>
              )}
              <input
                class="file-input"
                type="file"
                id={fieldId('file')}
                name="file"
                accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                aria-describedby={`${fieldId('file')}-hint${fileError ? ` ${fieldId('file')}-error` : ''}`}
                aria-invalid={fileError ? 'true' : undefined}
              />
            </div>
            <Button>{t('meetings.attachments.upload')}</Button>
          </form>
        </>
      )}
      {!model.hasAttendanceList && (
        <>
          <h2>{t('meetings.attachments.attendanceTitle')}</h2>
          <p>{t('meetings.attachments.attendanceHint')}</p>
          <Form action={base}>
            <input type="hidden" name="op" value="attendance" />
            <Button variant="secondary">{t('meetings.attachments.addAttendance')}</Button>
          </Form>
        </>
      )}
      <p>
        <a href={`/spotkania/${model.meeting.id}`}>{t('meetings.backToMeeting')}</a>
      </p>
    </Layout>
  );
}
