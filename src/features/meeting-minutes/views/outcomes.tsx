import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Select, TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import type { OutcomeKind } from '../../../platform/db/schema.js';
import { MeetingWorkLayout, type MeetingRef } from './meeting-work-nav.js';

export interface OutcomeView {
  id: number;
  text: string;
  agendaItem: string | null;
  owner: string | null;
  due: string | null;
  fromIdea: boolean;
}

export interface OutcomesModel {
  meeting: MeetingRef;
  kinds: Array<{ kind: OutcomeKind; outcomes: OutcomeView[] }>;
  /** Statutory principles not yet listed. */
  missingPrinciples: string[];
  agenda: Array<{ id: number; label: string }>;
  form: FormModel;
}

export function OutcomeFields(props: {
  form: FormModel;
  kinds: readonly OutcomeKind[];
  agenda: Array<{ id: number; label: string }>;
}) {
  const { t } = useView();
  const k = (key: string) => t(`meetingMinutes.outcomes.${key}`);
  const v = props.form.values;
  return (
    <>
      <Select
        name="kind"
        label={k('kind')}
        value={v.kind}
        error={errorFor(props.form, 'kind')}
        options={[
          { value: '', label: t('meetingMinutes.choose') },
          ...props.kinds.map((kind) => ({ value: kind, label: t(`meetingMinutes.kinds.${kind}`) })),
        ]}
      />
      <TextArea
        name="text"
        label={k('text')}
        hint={k('textHint')}
        value={v.text}
        error={errorFor(props.form, 'text')}
        rows={3}
        maxLength={2000}
      />
      <Select
        name="agendaItemId"
        label={k('agendaItem')}
        hint={k('agendaItemHint')}
        value={v.agendaItemId}
        error={errorFor(props.form, 'agendaItemId')}
        required={false}
        options={[{ value: '', label: k('noAgendaItem') }, ...props.agenda.map((a) => ({ value: String(a.id), label: a.label }))]}
      />
      <TextField
        name="owner"
        label={k('owner')}
        hint={k('ownerHint')}
        value={v.owner}
        error={errorFor(props.form, 'owner')}
        required={false}
        maxLength={200}
      />
      <TextField
        name="dueOn"
        type="date"
        width="short"
        label={k('dueOn')}
        hint={k('dueOnHint')}
        value={v.dueOn}
        error={errorFor(props.form, 'dueOn')}
        required={false}
      />
    </>
  );
}

/** Officials' page of a meeting's structured outcomes, one ordered list per kind. */
export function OutcomesPage({ model, kinds }: { model: OutcomesModel; kinds: readonly OutcomeKind[] }) {
  const { t } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.outcomes.${key}`, params);
  const base = `/spotkania/${model.meeting.id}/ustalenia`;
  return (
    <MeetingWorkLayout meeting={model.meeting} current="outcomes" title={k('title')}>
      <ErrorSummary errors={model.form.errors} />
      <p>{k('intro')}</p>
      {model.kinds.map(({ kind, outcomes }) => (
        <section aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{t(`meetingMinutes.kinds.${kind}`)}</h2>
          {outcomes.length === 0 ? (
            <p class="muted">{k('none')}</p>
          ) : (
            <ol>
              {outcomes.map((o, i) => (
                <li>
                  <p>
                    {o.text}
                    {o.owner && (
                      <>
                        <br />
                        {k('ownerLine', { owner: o.owner })}
                      </>
                    )}
                    {o.due && (
                      <>
                        <br />
                        {k('dueLine', { due: o.due })}
                      </>
                    )}
                    {o.agendaItem && (
                      <>
                        <br />
                        <span class="muted">{o.agendaItem}</span>
                      </>
                    )}
                    {o.fromIdea && (
                      <>
                        <br />
                        <span class="muted">{k('fromIdea')}</span>
                      </>
                    )}
                  </p>
                  <div class="actions actions--tight">
                    <a href={`${base}/${o.id}`}>
                      {k('edit')}
                      <span class="visually-hidden"> {o.text}</span>
                    </a>
                    {i > 0 && (
                      <Form action={`${base}/${o.id}/przesun`} class="inline-form">
                        <input type="hidden" name="direction" value="up" />
                        <Button variant="secondary">
                          {k('up')}
                          <span class="visually-hidden"> {o.text}</span>
                        </Button>
                      </Form>
                    )}
                    {i < outcomes.length - 1 && (
                      <Form action={`${base}/${o.id}/przesun`} class="inline-form">
                        <input type="hidden" name="direction" value="down" />
                        <Button variant="secondary">
                          {k('down')}
                          <span class="visually-hidden"> {o.text}</span>
                        </Button>
                      </Form>
                    )}
                    <Form action={`${base}/${o.id}/usuniecie`} class="inline-form">
                      <Button variant="warning">
                        {k('remove')}
                        <span class="visually-hidden"> {o.text}</span>
                      </Button>
                    </Form>
                  </div>
                </li>
              ))}
            </ol>
          )}
          {kind === 'principle' && model.missingPrinciples.length > 0 && (
            <>
              <p>{k('statutoryIntro')}</p>
              <div class="actions">
                {model.missingPrinciples.map((p) => (
                  <Form action={`${base}/zasada`} class="inline-form">
                    <input type="hidden" name="principle" value={p} />
                    <Button variant="secondary">{k('addPrinciple', { principle: p })}</Button>
                  </Form>
                ))}
              </div>
            </>
          )}
        </section>
      ))}
      <h2>{k('addHeading')}</h2>
      <Form action={base}>
        <OutcomeFields form={model.form} kinds={kinds} agenda={model.agenda} />
        <Button>{k('add')}</Button>
      </Form>
    </MeetingWorkLayout>
  );
}

export function OutcomeEditPage({
  model,
  kinds,
}: {
  model: { meeting: MeetingRef; outcomeId: number; form: FormModel; agenda: Array<{ id: number; label: string }> };
  kinds: readonly OutcomeKind[];
}) {
  const { t } = useView();
  const k = (key: string) => t(`meetingMinutes.outcomes.${key}`);
  return (
    <MeetingWorkLayout meeting={model.meeting} current="outcomes" title={k('title')} subpage={k('editTitle')}>
      <ErrorSummary errors={model.form.errors} />
      <Form action={`/spotkania/${model.meeting.id}/ustalenia/${model.outcomeId}`}>
        <OutcomeFields form={model.form} kinds={kinds} agenda={model.agenda} />
        <div class="actions">
          <Button>{k('save')}</Button>
          <a href={`/spotkania/${model.meeting.id}/ustalenia`}>{k('cancel')}</a>
        </div>
      </Form>
    </MeetingWorkLayout>
  );
}
