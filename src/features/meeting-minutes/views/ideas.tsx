import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { fieldId, Select, TextArea } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Tag, type TagColour } from '../../../ui/components/tag.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import type { OutcomeKind } from '../../../platform/db/schema.js';
import { MeetingWorkLayout, type MeetingRef } from './meeting-work-nav.js';

export type IdeaStatus = 'new' | 'merged' | 'promoted' | 'dismissed';

export interface IdeaView {
  id: number;
  where: string | null;
  text: string | null;
  photoUrl: string | null;
  category: string | null;
  status: IdeaStatus;
  mergedInto: number | null;
  outcome: string | null;
}

const statusColour: Record<IdeaStatus, TagColour> = { new: 'blue', merged: 'grey', promoted: 'green', dismissed: 'red' };

/** A text field with suggestions (a datalist): free text, the suggestions only help. */
function SuggestField(props: {
  name: string;
  label: string;
  hint: string;
  value: string | undefined;
  error: string | undefined;
  suggestions: string[];
}) {
  const { t } = useView();
  const id = fieldId(props.name);
  return (
    <div class={`field${props.error ? ' field--error' : ''}`}>
      <label class="field__label" for={id}>
        {props.label}
        <span class="field__optional"> {t('ui.optional')}</span>
      </label>
      <p class="field__hint" id={`${id}-hint`}>
        {props.hint}
      </p>
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          <span class="visually-hidden">{t('ui.errorPrefix')} </span>
          {props.error}
        </p>
      )}
      <input
        class="input input--half"
        id={id}
        name={props.name}
        type="text"
        value={props.value ?? ''}
        maxLength={100}
        list={`${id}-list`}
        aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ''}`}
        aria-invalid={props.error ? 'true' : undefined}
      />
      <datalist id={`${id}-list`}>
        {props.suggestions.map((s) => (
          <option value={s} />
        ))}
      </datalist>
    </div>
  );
}

function IdeaCard({ idea, meetingId, withLink }: { idea: IdeaView; meetingId: number; withLink: boolean }) {
  // On the list the cards sit under an h2; on an idea's own page the card comes right after the h1.
  const Heading = withLink ? 'h3' : 'h2';
  const { t } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.ideas.${key}`, params);
  return (
    <article class="card" aria-labelledby={`pomysl-${idea.id}`}>
      <Heading class="card__title" id={`pomysl-${idea.id}`}>
        {k('ideaNumber', { id: idea.id })}{' '}
        <Tag colour={statusColour[idea.status]}>{t(`meetingMinutes.ideaStatus.${idea.status}`)}</Tag>
      </Heading>
      {idea.where && <p class="muted">{idea.where}</p>}
      {idea.photoUrl && (
        <p>
          <a href={idea.photoUrl}>
            <img src={idea.photoUrl} alt={idea.text ?? ''} width={240} class="logo-preview" />
          </a>
        </p>
      )}
      {idea.text && <p class="code">{idea.text}</p>}
      {idea.category && <p>{k('categoryLine', { category: idea.category })}</p>}
      {idea.mergedInto && (
        <p>
          <a href={`/spotkania/${meetingId}/pomysly/${idea.mergedInto}`}>{k('mergedInto', { id: idea.mergedInto })}</a>
        </p>
      )}
      {idea.outcome && (
        <p>
          <a href={`/spotkania/${meetingId}/ustalenia`}>{k('promotedTo', { outcome: idea.outcome })}</a>
        </p>
      )}
      {withLink && (
        <p>
          <a href={`/spotkania/${meetingId}/pomysly/${idea.id}`}>
            {k('manage')}
            <span class="visually-hidden"> {k('ideaNumber', { id: idea.id })}</span>
          </a>
        </p>
      )}
    </article>
  );
}

export interface IdeasModel {
  meeting: MeetingRef;
  ideas: IdeaView[];
  groups: Array<{ id: number; name: string }>;
  rounds: number;
  categories: string[];
  filters: { grupa: string; kategoria: string; stan: string };
  filtered: boolean;
  categorySuggestions: string[];
  form: FormModel;
}

/** Officials' page of the ideas collected at the tables: filters, the ideas, capturing a new one (text or photo). */
export function IdeasPage({ model }: { model: IdeasModel }) {
  const { t, csrfToken } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.ideas.${key}`, params);
  const base = `/spotkania/${model.meeting.id}/pomysly`;
  const photoError = errorFor(model.form, 'photo');
  const photoId = fieldId('photo');
  const groupOptions = [{ value: '', label: k('noGroup') }, ...model.groups.map((g) => ({ value: String(g.id), label: g.name }))];
  return (
    <MeetingWorkLayout meeting={model.meeting} current="ideas" title={k('title')}>
      <ErrorSummary errors={model.form.errors} />
      <p>{k('intro')}</p>
      <Form action={base} method="get" class="filters">
        <Select
          name="grupa"
          label={k('filterGroup')}
          value={model.filters.grupa}
          required={false}
          options={[{ value: '', label: k('all') }, ...model.groups.map((g) => ({ value: String(g.id), label: g.name }))]}
        />
        <Select
          name="kategoria"
          label={k('filterCategory')}
          value={model.filters.kategoria}
          required={false}
          options={[{ value: '', label: k('all') }, ...model.categories.map((c) => ({ value: c, label: c }))]}
        />
        <Select
          name="stan"
          label={k('filterStatus')}
          value={model.filters.stan}
          required={false}
          options={[
            { value: '', label: k('all') },
            ...(['new', 'merged', 'promoted', 'dismissed'] as const).map((s) => ({
              value: s,
              label: t(`meetingMinutes.ideaStatus.${s}`),
            })),
          ]}
        />
        <Button variant="secondary">{k('filter')}</Button>
      </Form>
      <h2 id="lista">{k('listHeading', { count: model.ideas.length })}</h2>
      {model.filtered && (
        <p>
          <a href={base}>{k('clearFilters')}</a>
        </p>
      )}
      {model.ideas.length === 0 ? (
        <p>{model.filtered ? k('noneFiltered') : k('none')}</p>
      ) : (
        <div class="cards">
          {model.ideas.map((idea) => (
            <IdeaCard idea={idea} meetingId={model.meeting.id} withLink />
          ))}
        </div>
      )}

      <h2 id="nowy">{k('addHeading')}</h2>
      <form action={base} method="post" enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Select
          name="groupId"
          label={k('group')}
          value={model.form.values.groupId}
          error={errorFor(model.form, 'groupId')}
          required={false}
          options={groupOptions}
        />
        <Select
          name="round"
          label={k('round')}
          value={model.form.values.round}
          error={errorFor(model.form, 'round')}
          required={false}
          options={[
            { value: '', label: k('noRound') },
            ...Array.from({ length: model.rounds }, (_, i) => ({ value: String(i + 1), label: k('roundN', { round: i + 1 }) })),
          ]}
        />
        <TextArea
          name="text"
          label={k('text')}
          hint={k('textHint')}
          value={model.form.values.text}
          error={errorFor(model.form, 'text')}
          required={false}
          rows={4}
          maxLength={2000}
        />
        <div class={`field${photoError ? ' field--error' : ''}`}>
          <label class="field__label" for={photoId}>
            {k('photo')}
            <span class="field__optional"> {t('ui.optional')}</span>
          </label>
          <p class="field__hint" id={`${photoId}-hint`}>
            {k('photoHint')}
          </p>
          {photoError && (
            <p class="field__error" id={`${photoId}-error`}>
              <span class="visually-hidden">{t('ui.errorPrefix')} </span>
              {photoError}
            </p>
          )}
          <input
            class="file-input"
            type="file"
            id={photoId}
            name="photo"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={`${photoId}-hint${photoError ? ` ${photoId}-error` : ''}`}
          />
        </div>
        <SuggestField
          name="category"
          label={k('category')}
          hint={k('categoryHint')}
          value={model.form.values.category}
          error={errorFor(model.form, 'category')}
          suggestions={model.categorySuggestions}
        />
        <Button>{k('add')}</Button>
      </form>
    </MeetingWorkLayout>
  );
}

export interface IdeaModel {
  meeting: MeetingRef;
  idea: IdeaView;
  categorySuggestions: string[];
  mergeTargets: Array<{ id: number; label: string }>;
  kinds: readonly OutcomeKind[];
  categoryForm: FormModel;
  mergeForm: FormModel;
  promoteForm: FormModel;
  stateForm: FormModel;
}

/** One idea: categorise, merge into another, promote to an outcome, dismiss or restore. */
export function IdeaPage({ model }: { model: IdeaModel }) {
  const { t } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.ideas.${key}`, params);
  const base = `/spotkania/${model.meeting.id}/pomysly/${model.idea.id}`;
  const status = model.idea.status;
  return (
    <MeetingWorkLayout
      meeting={model.meeting}
      current="ideas"
      title={k('title')}
      subpage={k('ideaNumber', { id: model.idea.id })}
    >
      <ErrorSummary
        errors={[...model.categoryForm.errors, ...model.mergeForm.errors, ...model.promoteForm.errors, ...model.stateForm.errors]}
      />
      <IdeaCard idea={model.idea} meetingId={model.meeting.id} withLink={false} />

      <h2>{k('categoryHeading')}</h2>
      <Form action={`${base}/kategoria`}>
        <SuggestField
          name="category"
          label={k('category')}
          hint={k('categoryHint')}
          value={model.categoryForm.values.category}
          error={errorFor(model.categoryForm, 'category')}
          suggestions={model.categorySuggestions}
        />
        <Button variant="secondary">{k('saveCategory')}</Button>
      </Form>

      {(status === 'new' || status === 'dismissed') && (
        <>
          <h2>{k('promoteHeading')}</h2>
          <p>{k('promoteIntro')}</p>
          <Form action={`${base}/ustalenie`}>
            <Select
              name="kind"
              label={k('promoteKind')}
              value={model.promoteForm.values.kind}
              error={errorFor(model.promoteForm, 'kind')}
              options={[
                { value: '', label: t('meetingMinutes.choose') },
                ...model.kinds.map((kind) => ({ value: kind, label: t(`meetingMinutes.kinds.${kind}`) })),
              ]}
            />
            <TextArea
              name="outcomeText"
              label={k('promoteText')}
              hint={k('promoteTextHint')}
              value={model.promoteForm.values.outcomeText}
              error={errorFor(model.promoteForm, 'outcomeText')}
              rows={3}
              maxLength={2000}
            />
            <Button>{k('promote')}</Button>
          </Form>

          <h2>{k('mergeHeading')}</h2>
          {model.mergeTargets.length === 0 ? (
            <p>{k('noMergeTargets')}</p>
          ) : (
            <Form action={`${base}/scalenie`}>
              <Select
                name="targetId"
                label={k('mergeTarget')}
                hint={k('mergeHint')}
                value={model.mergeForm.values.targetId}
                error={errorFor(model.mergeForm, 'targetId')}
                options={[
                  { value: '', label: t('meetingMinutes.choose') },
                  ...model.mergeTargets.map((m) => ({ value: String(m.id), label: m.label })),
                ]}
              />
              <Button variant="secondary">{k('merge')}</Button>
            </Form>
          )}
        </>
      )}

      {status !== 'promoted' && (
        <>
          <h2>{status === 'new' ? k('dismissHeading') : k('restoreHeading')}</h2>
          <Form action={`${base}/stan`}>
            <input type="hidden" name="action" value={status === 'new' ? 'dismiss' : 'restore'} />
            <Button variant={status === 'new' ? 'warning' : 'secondary'}>{status === 'new' ? k('dismiss') : k('restore')}</Button>
          </Form>
        </>
      )}
      <p>
        <a href={`/spotkania/${model.meeting.id}/pomysly`}>{k('back')}</a>
      </p>
    </MeetingWorkLayout>
  );
}
