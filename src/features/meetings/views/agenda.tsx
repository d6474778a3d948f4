import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Table } from '../../../ui/components/table.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';

export interface AgendaPageModel {
  meeting: { id: number; topic: string };
  items: Array<{ id: number; title: string; duration: number | null }>;
  /** The item being edited (from `?edytuj=<id>`), or null: the form then adds a new item. */
  editing: { id: number; position: number } | null;
}

/** The agenda: ordered items, each moved or removed with a button (no JavaScript needed). */
export function AgendaPage(props: { model: AgendaPageModel; form: FormModel }) {
  const { t } = useView();
  const { model, form } = props;
  const base = `/spotkania/${model.meeting.id}/program`;
  const title = t('meetings.agenda.title', { topic: model.meeting.topic });
  return (
    <Layout
      title={form.errors.length ? `${t('meetings.errorTitlePrefix')} ${title}` : title}
      breadcrumbs={[
        { label: t('meetings.list.title'), href: '/spotkania' },
        { label: model.meeting.topic, href: `/spotkania/${model.meeting.id}` },
        { label: t('meetings.agenda.crumb') },
      ]}
      wide
    >
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('meetings.agenda.intro')}</p>
      <Table
        caption={t('meetings.agenda.caption')}
        columns={[
          { label: t('meetings.agenda.number'), numeric: true },
          { label: t('meetings.agenda.item') },
          { label: t('meetings.agenda.duration'), numeric: true },
          { label: t('meetings.agenda.actions') },
        ]}
        empty={t('meetings.agenda.empty')}
        rows={model.items.map((item, i) => [
          `${i + 1}.`,
          item.title,
          item.duration === null ? '—' : t('meetings.agenda.minutes', { count: item.duration }),
          <Form action={base} class="actions actions--tight">
            <input type="hidden" name="item" value={String(item.id)} />
            <a href={`${base}?edytuj=${item.id}#f-title`}>
              {t('meetings.agenda.edit')}
              <span class="visually-hidden"> {t('meetings.agenda.itemNumber', { number: i + 1 })}</span>
            </a>
            {i > 0 && (
              <Button variant="secondary" name="op" value="up">
                {t('meetings.order.up')}
                <span class="visually-hidden"> {t('meetings.agenda.itemNumber', { number: i + 1 })}</span>
              </Button>
            )}
            {i < model.items.length - 1 && (
              <Button variant="secondary" name="op" value="down">
                {t('meetings.order.down')}
                <span class="visually-hidden"> {t('meetings.agenda.itemNumber', { number: i + 1 })}</span>
              </Button>
            )}
            <Button variant="warning" name="op" value="remove">
              {t('meetings.order.remove')}
              <span class="visually-hidden"> {t('meetings.agenda.itemNumber', { number: i + 1 })}</span>
            </Button>
          </Form>,
        ])}
      />
      <h2>
        {model.editing ? t('meetings.agenda.editTitle', { number: model.editing.position }) : t('meetings.agenda.addTitle')}
      </h2>
      <Form action={base}>
        <input type="hidden" name="op" value={model.editing ? 'edit' : 'add'} />
        {model.editing && <input type="hidden" name="item" value={String(model.editing.id)} />}
        <TextField name="title" label={t('meetings.agenda.item')} value={form.values.title} error={errorFor(form, 'title')} />
        <TextField
          name="duration"
          label={t('meetings.agenda.durationLabel')}
          hint={t('meetings.agenda.durationHint')}
          value={form.values.duration}
          error={errorFor(form, 'duration')}
          required={false}
          width="short"
        />
        <p class="actions">
          <Button>{t(model.editing ? 'meetings.agenda.save' : 'meetings.agenda.add')}</Button>
          {model.editing && <a href={base}>{t('meetings.agenda.cancelEdit')}</a>}
        </p>
      </Form>
      <p>
        <a href={`/spotkania/${model.meeting.id}`}>{t('meetings.backToMeeting')}</a>
      </p>
    </Layout>
  );
}
