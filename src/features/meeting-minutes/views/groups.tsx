import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Table } from '../../../ui/components/table.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { MeetingWorkLayout, type MeetingRef } from './meeting-work-nav.js';

export interface GroupView {
  id: number;
  name: string;
  host: string | null;
  topics: Record<number, string>;
}

export interface GroupsModel {
  meeting: MeetingRef;
  groups: GroupView[];
  /** How many round columns to show (at least one). */
  rounds: number;
  /** How many topic fields the form offers. */
  formRounds: number;
  form: FormModel;
}

/** "Kamila Grzywaczyk (MCP Alternatywa)" */
export function hostLine(name: string | null, affiliation: string | null): string | null {
  if (!name) return affiliation;
  return affiliation ? `${name} (${affiliation})` : name;
}

export function GroupFields(props: { form: FormModel; rounds: number }) {
  const { t } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.groups.${key}`, params);
  const v = props.form.values;
  return (
    <>
      <TextField
        name="name"
        label={k('name')}
        hint={k('nameHint')}
        value={v.name}
        error={errorFor(props.form, 'name')}
        maxLength={120}
      />
      <TextField
        name="hostName"
        label={k('hostName')}
        hint={k('hostNameHint')}
        value={v.hostName}
        error={errorFor(props.form, 'hostName')}
        required={false}
        maxLength={120}
      />
      <TextField
        name="hostAffiliation"
        label={k('hostAffiliation')}
        hint={k('hostAffiliationHint')}
        value={v.hostAffiliation}
        error={errorFor(props.form, 'hostAffiliation')}
        required={false}
        maxLength={200}
      />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{k('topicsLegend')}</legend>
        <p class="field__hint">{k('topicsHint')}</p>
        {Array.from({ length: props.rounds }, (_, i) => (
          <TextField
            name={`topic${i + 1}`}
            label={k('topicOfRound', { round: i + 1 })}
            value={v[`topic${i + 1}`]}
            error={errorFor(props.form, `topic${i + 1}`)}
            required={false}
            maxLength={300}
          />
        ))}
      </fieldset>
    </>
  );
}

/** Officials' page of the group work: the tables, their hosts, the topic of each round; adding a table. */
export function GroupsPage({ model }: { model: GroupsModel }) {
  const { t } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.groups.${key}`, params);
  const base = `/spotkania/${model.meeting.id}/grupy`;
  const roundNumbers = Array.from({ length: model.rounds }, (_, i) => i + 1);
  return (
    <MeetingWorkLayout meeting={model.meeting} current="groups" title={k('title')} wide>
      <ErrorSummary errors={model.form.errors} />
      <p>{k('intro')}</p>
      <Table
        caption={k('tableCaption')}
        columns={[
          { label: k('name') },
          { label: k('host') },
          ...roundNumbers.map((round) => ({ label: k('round', { round }) })),
          { label: k('actions') },
        ]}
        rows={model.groups.map((g) => [
          g.name,
          g.host ?? k('noHost'),
          ...roundNumbers.map((round) => g.topics[round] ?? '–'),
          <div class="actions actions--tight">
            <a href={`${base}/${g.id}`}>
              {k('edit')}
              <span class="visually-hidden"> {g.name}</span>
            </a>
            <Form action={`${base}/${g.id}/usuniecie`} class="inline-form">
              <Button variant="warning">
                {k('remove')}
                <span class="visually-hidden"> {g.name}</span>
              </Button>
            </Form>
          </div>,
        ])}
        empty={k('empty')}
      />
      <h2>{k('addHeading')}</h2>
      <Form action={base}>
        <GroupFields form={model.form} rounds={model.formRounds} />
        <Button>{k('add')}</Button>
      </Form>
    </MeetingWorkLayout>
  );
}

export function GroupEditPage({
  model,
}: {
  model: { meeting: MeetingRef; groupId: number; groupName: string; form: FormModel; formRounds: number };
}) {
  const { t } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.groups.${key}`, params);
  return (
    <MeetingWorkLayout
      meeting={model.meeting}
      current="groups"
      title={k('title')}
      subpage={k('editTitle', { name: model.groupName })}
    >
      <ErrorSummary errors={model.form.errors} />
      <Form action={`/spotkania/${model.meeting.id}/grupy/${model.groupId}`}>
        <GroupFields form={model.form} rounds={model.formRounds} />
        <div class="actions">
          <Button>{k('save')}</Button>
          <a href={`/spotkania/${model.meeting.id}/grupy`}>{k('cancel')}</a>
        </div>
      </Form>
    </MeetingWorkLayout>
  );
}
