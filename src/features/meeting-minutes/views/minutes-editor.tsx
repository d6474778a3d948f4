import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Checkbox, TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Table } from '../../../ui/components/table.js';
import { Tag, type TagColour } from '../../../ui/components/tag.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import type { MinutesStatus } from '../../../platform/db/schema.js';
import type { MinutesAction } from '../meeting-minutes.policy.js';
import type { DiffLine } from '../text-diff.js';
import { MeetingWorkLayout, type MeetingRef } from './meeting-work-nav.js';

export interface RemarkView {
  id: number;
  author: string;
  when: string;
  version: number;
  agendaItem: string | null;
  text: string;
  answer: string | null;
}

export interface MinutesEditorModel {
  meeting: MeetingRef;
  current: {
    version: number;
    status: MinutesStatus;
    remarksUntil: string | null;
    circulatedAt: string | null;
    approved: string | null;
    publishedAt: string | null;
  } | null;
  actions: MinutesAction[];
  needsConfirmation: boolean;
  recipients: number;
  agenda: Array<{ id: number; label: string }>;
  editForm: FormModel;
  circulateForm: FormModel;
  approveForm: FormModel;
  publishForm: FormModel;
  answerForm: FormModel;
  remarks: RemarkView[];
  versions: Array<{ version: number; status: MinutesStatus; author: string; when: string }>;
  compare: { version: number; lines: DiffLine[] } | null;
}

export const statusColour: Record<MinutesStatus, TagColour> = {
  draft: 'grey',
  circulated: 'yellow',
  approved: 'blue',
  published: 'green',
};

/** Officials' page of the minutes: the text per agenda item, the workflow, the remarks and the versions. */
export function MinutesEditorPage({ model }: { model: MinutesEditorModel }) {
  const { t } = useView();
  const k = (key: string, params?: Record<string, unknown>) => t(`meetingMinutes.minutes.${key}`, params);
  const base = `/spotkania/${model.meeting.id}/protokol/edycja`;
  const v = model.editForm.values;
  const current = model.current;
  const version = String(current?.version ?? 0);
  return (
    <MeetingWorkLayout meeting={model.meeting} current="minutes" title={k('title')}>
      <ErrorSummary
        errors={[
          ...model.editForm.errors,
          ...model.circulateForm.errors,
          ...model.approveForm.errors,
          ...model.publishForm.errors,
          ...model.answerForm.errors,
        ]}
      />
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt>{k('state')}</dt>
          <dd>
            {current ? (
              <>
                <Tag colour={statusColour[current.status]}>{t(`meetingMinutes.status.${current.status}`)}</Tag>{' '}
                {k('versionLine', { version: current.version })}
              </>
            ) : (
              k('noVersion')
            )}
          </dd>
        </div>
        {current?.remarksUntil && (
          <div class="summary-list__row">
            <dt>{k('remarksUntil')}</dt>
            <dd>{current.remarksUntil}</dd>
          </div>
        )}
        {current?.circulatedAt && (
          <div class="summary-list__row">
            <dt>{k('circulatedAt')}</dt>
            <dd>{current.circulatedAt}</dd>
          </div>
        )}
        {current?.approved && (
          <div class="summary-list__row">
            <dt>{k('approved')}</dt>
            <dd>{current.approved}</dd>
          </div>
        )}
        {current?.publishedAt && (
          <div class="summary-list__row">
            <dt>{k('publishedAt')}</dt>
            <dd>
              {current.publishedAt} – <a href={`/spotkania/${model.meeting.id}/protokol`}>{k('publicLink')}</a>
            </dd>
          </div>
        )}
      </dl>

      {current && (
        <p>
          <a href={`/spotkania/${model.meeting.id}/protokol`}>{k('preview')}</a>
        </p>
      )}
      <h2 id="tresc">{k('textHeading')}</h2>
      {model.agenda.length === 0 && <p>{k('noAgenda')}</p>}
      <Form action={base}>
        <input type="hidden" name="baseVersion" value={String(v.baseVersion ?? version)} />
        {model.agenda.map((item) => (
          <TextArea
            name={`item${item.id}`}
            label={item.label}
            hint={k('itemHint')}
            value={v[`item${item.id}`]}
            error={errorFor(model.editForm, `item${item.id}`)}
            required={false}
            rows={8}
          />
        ))}
        <TextArea
          name="closing"
          label={k('closing')}
          hint={k('closingHint')}
          value={v.closing}
          error={errorFor(model.editForm, 'closing')}
          required={false}
          rows={4}
        />
        <TextField
          name="authorName"
          label={k('authorName')}
          hint={k('authorNameHint')}
          value={v.authorName}
          error={errorFor(model.editForm, 'authorName')}
          required={false}
          maxLength={200}
        />
        <TextField
          name="authorPosition"
          label={k('authorPosition')}
          hint={k('authorPositionHint')}
          value={v.authorPosition}
          error={errorFor(model.editForm, 'authorPosition')}
          required={false}
          maxLength={200}
        />
        <p class="field__hint">
          {current?.status === 'approved' || current?.status === 'published' ? k('saveStartsDraft') : k('saveHint')}
        </p>
        <Button>{k('save')}</Button>
      </Form>

      {current && (
        <section aria-labelledby="obieg">
          <h2 id="obieg">{k('workflowHeading')}</h2>
          {model.actions.includes('circulate') && (
            <Form action={`${base}/rozeslanie`}>
              <input type="hidden" name="version" value={version} />
              <h3>{k('circulateHeading')}</h3>
              <p>{k('circulateIntro', { count: model.recipients })}</p>
              <TextField
                name="remarksUntil"
                type="date"
                width="short"
                label={k('remarksUntilField')}
                hint={k('remarksUntilHint')}
                value={model.circulateForm.values.remarksUntil}
                error={errorFor(model.circulateForm, 'remarksUntil')}
              />
              <Button variant="secondary">{current.status === 'circulated' ? k('recirculate') : k('circulate')}</Button>
            </Form>
          )}
          {model.actions.includes('approve') && (
            <Form action={`${base}/zatwierdzenie`}>
              <input type="hidden" name="version" value={version} />
              <h3>{k('approveHeading')}</h3>
              {model.needsConfirmation && (
                <Checkbox
                  name="confirmEarly"
                  label={k('confirmEarly', { until: current.remarksUntil ?? '' })}
                  error={errorFor(model.approveForm, 'confirmEarly')}
                />
              )}
              <Button>{k('approve')}</Button>
            </Form>
          )}
          {model.actions.includes('publish') && (
            <Form action={`${base}/publikacja`}>
              <input type="hidden" name="version" value={version} />
              <h3>{k('publishHeading')}</h3>
              <p>{k('publishIntro')}</p>
              <Button>{k('publish')}</Button>
            </Form>
          )}
          {current.status === 'published' && <p>{k('publishedNote')}</p>}
        </section>
      )}

      <section aria-labelledby="uwagi">
        <h2 id="uwagi">{k('remarksHeading')}</h2>
        {model.remarks.length === 0 ? (
          <p>{k('noRemarks')}</p>
        ) : (
          model.remarks.map((r) => (
            <article class="card" aria-labelledby={`uwaga-${r.id}`}>
              <h3 class="card__title" id={`uwaga-${r.id}`}>
                {k('remarkBy', { author: r.author, when: r.when })}
              </h3>
              <p class="muted">
                {k('remarkOnVersion', { version: r.version })}
                {r.agendaItem ? ` · ${r.agendaItem}` : ''}
              </p>
              <p class="code">{r.text}</p>
              <Form action={`${base}/odpowiedz`}>
                <input type="hidden" name="remarkId" value={String(r.id)} />
                <TextArea
                  name={`answer${r.id}`}
                  label={k('answer')}
                  value={model.answerForm.values[`answer${r.id}`] ?? r.answer ?? ''}
                  error={errorFor(model.answerForm, `answer${r.id}`)}
                  rows={3}
                  maxLength={5000}
                />
                <Button variant="secondary">
                  {r.answer ? k('changeAnswer') : k('saveAnswer')}
                  <span class="visually-hidden"> {k('remarkBy', { author: r.author, when: r.when })}</span>
                </Button>
              </Form>
            </article>
          ))
        )}
      </section>

      <section aria-labelledby="wersje">
        <h2 id="wersje">{k('versionsHeading')}</h2>
        <Table
          caption={k('versionsCaption')}
          captionHidden
          columns={[
            { label: k('version'), numeric: true },
            { label: k('stateColumn') },
            { label: k('savedBy') },
            { label: k('savedAt') },
            { label: k('compare') },
          ]}
          rows={model.versions.map((ver) => [
            String(ver.version),
            t(`meetingMinutes.status.${ver.status}`),
            ver.author,
            ver.when,
            ver.version === current?.version ? (
              k('currentVersion')
            ) : (
              <a href={`${base}?porownaj=${ver.version}#porownanie`}>{k('compareWith', { version: ver.version })}</a>
            ),
          ])}
          empty={k('noVersion')}
        />
      </section>

      {model.compare && (
        <section aria-labelledby="porownanie">
          <h2 id="porownanie">{k('compareHeading', { version: model.compare.version, current: current?.version ?? 0 })}</h2>
          <p>{k('compareLegend')}</p>
          <div class="code" role="region" aria-labelledby="porownanie" tabindex={0}>
            {model.compare.lines.map((line) =>
              line.kind === 'same' ? (
                <div>{line.text || '\u00a0'}</div>
              ) : line.kind === 'removed' ? (
                <div>
                  <del>
                    <span class="visually-hidden">{k('removedLine')} </span>− {line.text}
                  </del>
                </div>
              ) : (
                <div>
                  <ins>
                    <span class="visually-hidden">{k('addedLine')} </span>+ {line.text}
                  </ins>
                </div>
              ),
            )}
          </div>
        </section>
      )}
    </MeetingWorkLayout>
  );
}
