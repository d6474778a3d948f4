import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { Checkbox, Select, TextArea } from '../../../ui/components/field.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Paragraphs } from '../../../ui/components/paragraphs.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import type { SubmissionChannel, SubmissionDecision, SubmissionKind, SubmitterKind } from '../../../platform/db/schema.js';
import type { ConsultationPhase } from '../../consultation/index.js';
import { decisionColour, decisionLabelKey, decisions } from '../decisions.js';
import { kindWord, type AnswerFilters } from '../answers.schema.js';
import type { TaskField } from '../task-proposal.js';

export interface ConsultationHeading {
  id: number;
  subject: string;
  phase: ConsultationPhase;
  /** The last day, formatted ("27.09.2027"). */
  end: string;
  closedAt: string | null;
  programmeId: number;
}

function crumbs(t: (k: string) => string, c: ConsultationHeading, last: string, answersLink = true) {
  return [
    { label: t('consultationAnswers.consultations'), href: '/konsultacje' },
    { label: c.subject, href: `/konsultacje/${c.id}` },
    ...(answersLink ? [{ label: t('consultationAnswers.title'), href: `/konsultacje/${c.id}/odpowiedzi` }] : []),
    { label: last },
  ];
}

function PhaseNote(props: { c: ConsultationHeading }) {
  const { t } = useView();
  const { c } = props;
  return <p>{t(`consultationAnswers.phases.${c.phase}`, { end: c.end, closedAt: c.closedAt ?? '' })}</p>;
}

function DecisionTag(props: { decision: SubmissionDecision | null }) {
  const { t } = useView();
  return <Tag colour={decisionColour(props.decision)}>{t(decisionLabelKey(props.decision))}</Tag>;
}

export interface AnswerListRow {
  id: number;
  receipt: string;
  kind: SubmissionKind;
  what: string;
  submitter: string;
  submitterKind: SubmitterKind;
  channel: SubmissionChannel;
  assignee: string | null;
  decision: SubmissionDecision | null;
}

export interface AnswersListModel {
  consultation: ConsultationHeading;
  total: number;
  unanswered: number;
  filters: AnswerFilters;
  provisionOptions: Array<{ value: string; label: string }>;
  rows: AnswerListRow[];
  /** Every unanswered submission (named when closing is refused). */
  unansweredRows: Array<{ id: number; receipt: string }>;
  /** Closing: the form (conclusion, lock), or null when the consultation is closed. */
  close: { form: FormModel; lock: number; refusedUnanswered: boolean } | null;
  conclusion: string | null;
}

export function AnswersListPage(props: { model: AnswersListModel }) {
  const { t } = useView();
  const { model } = props;
  const c = model.consultation;
  const base = `/konsultacje/${c.id}/odpowiedzi`;
  const title = t('consultationAnswers.title');
  const errors = model.close?.form.errors ?? [];
  const f = model.filters;
  return (
    <Layout
      title={`${errors.length ? `${t('consultationAnswers.errorTitlePrefix')} ` : ''}${title}: ${c.subject}`}
      breadcrumbs={crumbs(t, c, title, false)}
      wide
    >
      <h1>
        {title}
        <span class="visually-hidden">: </span>
        <br />
        <small>{c.subject}</small>
      </h1>
      <ErrorSummary errors={errors} />
      <PhaseNote c={c} />
      <p>{t('consultationAnswers.list.intro')}</p>
      <p>
        <strong>{t('consultationAnswers.list.counts', { count: model.total })}</strong>,{' '}
        {model.unanswered > 0 ? (
          <a href={`${base}?bez=tak`}>{t('consultationAnswers.list.unanswered', { count: model.unanswered })}</a>
        ) : (
          t('consultationAnswers.list.unanswered', { count: 0 })
        )}
        .
      </p>
      <p>
        <a href={`${base}/zapisy`}>{t('consultationAnswers.list.perProvision')}</a>
      </p>
      <Form action={base} method="get" class="filters">
        <h2>{t('consultationAnswers.list.filters')}</h2>
        <Checkbox name="bez" value="tak" label={t('consultationAnswers.list.onlyUnanswered')} checked={f.unanswered} />
        <Checkbox name="moje" value="tak" label={t('consultationAnswers.list.onlyMine')} checked={f.mine} />
        <Select
          name="rodzaj"
          label={t('consultationAnswers.list.kind')}
          value={f.kind ? kindWord[f.kind] : ''}
          options={[
            { value: '', label: t('consultationAnswers.list.anyKind') },
            { value: 'uwaga', label: t('consultationAnswers.kinds.comment') },
            { value: 'zadanie', label: t('consultationAnswers.kinds.task') },
          ]}
        />
        <Select
          name="zapis"
          label={t('consultationAnswers.list.provision')}
          value={f.provision ?? ''}
          options={[{ value: '', label: t('consultationAnswers.list.anyProvision') }, ...model.provisionOptions]}
        />
        <Button variant="secondary">{t('consultationAnswers.list.filter')}</Button>{' '}
        <a href={base}>{t('consultationAnswers.list.clear')}</a>
      </Form>
      {model.rows.length !== model.total && (
        <p>{t('consultationAnswers.list.shown', { shown: model.rows.length, total: model.total })}</p>
      )}
      <Table
        caption={t('consultationAnswers.list.caption')}
        columns={[
          { label: t('consultationAnswers.list.receipt') },
          { label: t('consultationAnswers.list.kind') },
          { label: t('consultationAnswers.list.what') },
          { label: t('consultationAnswers.list.submitter') },
          { label: t('consultationAnswers.list.channel') },
          { label: t('consultationAnswers.list.assignee') },
          { label: t('consultationAnswers.list.decision') },
        ]}
        rows={model.rows.map((r) => [
          <a href={`${base}/${r.id}`}>{r.receipt}</a>,
          t(`consultationAnswers.kinds.${r.kind}`),
          r.what || t('consultationAnswers.list.untitled'),
          <>
            {r.submitter} <small>({t(`consultationAnswers.submitterKinds.${r.submitterKind}`)})</small>
          </>,
          t(`consultationAnswers.channels.${r.channel}`),
          r.assignee ?? t('consultationAnswers.list.nobody'),
          <DecisionTag decision={r.decision} />,
        ])}
        empty={t('consultationAnswers.list.empty')}
      />
      <section aria-labelledby="zamkniecie">
        <h2 id="zamkniecie">{t('consultationAnswers.close.title')}</h2>
        {model.close === null ? (
          <>
            <h3>{t('consultationAnswers.close.closedConclusion')}</h3>
            <Paragraphs text={model.conclusion ?? ''} />
          </>
        ) : (
          <>
            {model.close.refusedUnanswered && model.unansweredRows.length > 0 && (
              <NotificationBanner kind="warning">
                <p>{t('consultationAnswers.close.unansweredIntro')}</p>
                <ul>
                  {model.unansweredRows.map((r) => (
                    <li>
                      <a href={`${base}/${r.id}`}>{r.receipt}</a>
                    </li>
                  ))}
                </ul>
              </NotificationBanner>
            )}
            {c.phase === 'ended' ? (
              <p>{t('consultationAnswers.close.intro')}</p>
            ) : (
              <p>{t('consultationAnswers.close.notYet', { end: c.end })}</p>
            )}
            <Form action={`/konsultacje/${c.id}/zamknij`}>
              <input type="hidden" name="version" value={String(model.close.lock)} />
              <TextArea
                name="conclusion"
                label={t('consultationAnswers.close.conclusion')}
                hint={t('consultationAnswers.close.conclusionHint')}
                value={model.close.form.values.conclusion}
                error={errorFor(model.close.form, 'conclusion')}
                rows={6}
              />
              <Button variant="warning">{t('consultationAnswers.close.submit')}</Button>
            </Form>
          </>
        )}
      </section>
    </Layout>
  );
}

export interface ProvisionComment {
  id: number;
  receipt: string;
  submitter: string;
  proposedWording: string;
  justification: string;
  decision: SubmissionDecision | null;
  answer: string | null;
}

export interface ProvisionGroup {
  key: string;
  label: string;
  currentWording: string;
  comments: ProvisionComment[];
}

export interface ProvisionsModel {
  consultation: ConsultationHeading;
  groups: ProvisionGroup[];
  /** Comments on keys the consulted version does not have (defensive). */
  other: ProvisionGroup[];
  tasks: Array<{ id: number; receipt: string; title: string; submitter: string; decision: SubmissionDecision | null }>;
}

function Group(props: { group: ProvisionGroup; base: string; index: number }) {
  const { t } = useView();
  const { group: g } = props;
  const id = `zapis-${props.index}`;
  return (
    <section aria-labelledby={id} class="provision-group">
      <h3 id={id}>
        {g.label} <small>({t('consultationAnswers.provisions.comments', { count: g.comments.length })})</small>
      </h3>
      <h4>{t('consultationAnswers.provisions.currentWording')}</h4>
      <blockquote>
        <Paragraphs text={g.currentWording || t('consultationAnswers.submission.noText')} />
      </blockquote>
      <ol class="provision-group__comments">
        {g.comments.map((c) => (
          <li>
            <p>
              <a href={`${props.base}/${c.id}`}>{c.receipt}</a> — {c.submitter} <DecisionTag decision={c.decision} />
            </p>
            <dl>
              <dt>{t('consultationAnswers.provisions.proposedWording')}</dt>
              <dd>
                <Paragraphs text={c.proposedWording || t('consultationAnswers.submission.noText')} />
              </dd>
              <dt>{t('consultationAnswers.provisions.justification')}</dt>
              <dd>
                <Paragraphs text={c.justification || t('consultationAnswers.submission.noText')} />
              </dd>
              {c.answer && (
                <>
                  <dt>{t('consultationAnswers.provisions.answer')}</dt>
                  <dd>
                    <Paragraphs text={c.answer} />
                  </dd>
                </>
              )}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ProvisionsPage(props: { model: ProvisionsModel }) {
  const { t } = useView();
  const { model } = props;
  const c = model.consultation;
  const base = `/konsultacje/${c.id}/odpowiedzi`;
  const title = t('consultationAnswers.provisions.title');
  return (
    <Layout title={`${title}: ${c.subject}`} breadcrumbs={crumbs(t, c, title)}>
      <h1>{title}</h1>
      <p>{t('consultationAnswers.provisions.intro')}</p>
      <p>
        <a href={base}>{t('consultationAnswers.provisions.backToList')}</a>
      </p>
      <h2>{c.subject}</h2>
      {model.groups.length === 0 && model.other.length === 0 && <p>{t('consultationAnswers.provisions.none')}</p>}
      {model.groups.map((g, i) => (
        <Group group={g} base={base} index={i} />
      ))}
      {model.other.length > 0 && (
        <>
          <h2>{t('consultationAnswers.provisions.other')}</h2>
          {model.other.map((g, i) => (
            <Group group={g} base={base} index={model.groups.length + i} />
          ))}
        </>
      )}
      <h2>{t('consultationAnswers.provisions.tasks')}</h2>
      {model.tasks.length === 0 ? (
        <p>{t('consultationAnswers.provisions.noTasks')}</p>
      ) : (
        <ul>
          {model.tasks.map((task) => (
            <li>
              <a href={`${base}/${task.id}`}>{task.receipt}</a> — {task.title || t('consultationAnswers.list.untitled')} (
              {task.submitter}) <DecisionTag decision={task.decision} />
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export interface SubmissionModel {
  consultation: ConsultationHeading;
  id: number;
  receipt: string;
  kind: SubmissionKind;
  submitter: string;
  submitterKind: SubmitterKind;
  contact: string | null;
  channel: SubmissionChannel;
  sentAt: string | null;
  receivedOn: string | null;
  assignee: { id: number | null; name: string | null };
  comment: { provision: string; currentWording: string; proposedWording: string; justification: string } | null;
  task: TaskField[];
  applied: { number: number } | null;
  decision: SubmissionDecision | null;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
  /** The answer form (values, errors) and the lock it names; null once the consultation is closed. */
  form: { model: FormModel; lock: number } | null;
  /** A colleague's answer saved since the form was read: shown above the kept text. */
  conflict: boolean;
  canApply: boolean;
  /** The apply was refused because no next draft exists. */
  noDraft: boolean;
  colleagues: Array<{ value: string; label: string }>;
}

export function SubmissionPage(props: { model: SubmissionModel }) {
  const { t } = useView();
  const { model: m } = props;
  const c = m.consultation;
  const base = `/konsultacje/${c.id}/odpowiedzi/${m.id}`;
  const title = t(`consultationAnswers.submission.title.${m.kind}`, { receipt: m.receipt });
  const errors = m.form?.model.errors ?? [];
  const programme = `/program-wspolpracy/${c.programmeId}`;
  return (
    <Layout
      title={`${errors.length || m.noDraft ? `${t('consultationAnswers.errorTitlePrefix')} ` : ''}${title}`}
      breadcrumbs={crumbs(t, c, m.receipt)}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={errors} />
      {m.noDraft && (
        <NotificationBanner kind="warning" title={t('consultationAnswers.submission.noDraftTitle')}>
          <p>{t('flash.consultationApplyNoDraft')}</p>
          <p>
            <a href={programme}>{t('consultationAnswers.submission.programmeLink')}</a>
          </p>
        </NotificationBanner>
      )}
      <PhaseNote c={c} />
      <h2>{t('consultationAnswers.submission.details')}</h2>
      <dl class="summary-list">
        <dt>{t('consultationAnswers.submission.kind')}</dt>
        <dd>{t(`consultationAnswers.kinds.${m.kind}`)}</dd>
        <dt>{t('consultationAnswers.submission.submitter')}</dt>
        <dd>
          {m.submitter} ({t(`consultationAnswers.submitterKinds.${m.submitterKind}`)})
        </dd>
        {m.contact && (
          <>
            <dt>{t('consultationAnswers.submission.contact')}</dt>
            <dd>{m.contact}</dd>
          </>
        )}
        <dt>{t('consultationAnswers.submission.channel')}</dt>
        <dd>{t(`consultationAnswers.channels.${m.channel}`)}</dd>
        {m.sentAt && (
          <>
            <dt>{t('consultationAnswers.submission.sentAt')}</dt>
            <dd>{m.sentAt}</dd>
          </>
        )}
        {m.receivedOn && (
          <>
            <dt>{t('consultationAnswers.submission.receivedOn')}</dt>
            <dd>{m.receivedOn}</dd>
          </>
        )}
        <dt>{t('consultationAnswers.submission.assignee')}</dt>
        <dd>{m.assignee.name ?? t('consultationAnswers.list.nobody')}</dd>
      </dl>
      {m.comment && (
        <dl>
          <dt>{t('consultationAnswers.submission.provision')}</dt>
          <dd>{m.comment.provision}</dd>
          <dt>{t('consultationAnswers.submission.currentWording')}</dt>
          <dd>
            <Paragraphs text={m.comment.currentWording || t('consultationAnswers.submission.noText')} />
          </dd>
          <dt>{t('consultationAnswers.submission.proposedWording')}</dt>
          <dd>
            <Paragraphs text={m.comment.proposedWording || t('consultationAnswers.submission.noText')} />
          </dd>
          <dt>{t('consultationAnswers.submission.justification')}</dt>
          <dd>
            <Paragraphs text={m.comment.justification || t('consultationAnswers.submission.noText')} />
          </dd>
        </dl>
      )}
      {m.kind === 'task' && (
        <>
          <h3>{t('consultationAnswers.submission.taskFields')}</h3>
          {m.task.length === 0 ? (
            <p>{t('consultationAnswers.submission.noText')}</p>
          ) : (
            <dl>
              {m.task.map((f) => (
                <>
                  <dt>{f.labelKey ? t(f.labelKey) : f.key}</dt>
                  <dd>{f.valueKey ? t(f.valueKey) : <Paragraphs text={f.value} />}</dd>
                </>
              ))}
            </dl>
          )}
        </>
      )}
      {m.applied && (
        <p>
          <a href={programme}>{t('consultationAnswers.submission.applied', { number: m.applied.number })}</a>
        </p>
      )}
      <h2>{t('consultationAnswers.submission.answerTitle')}</h2>
      {m.conflict && (
        <NotificationBanner kind="warning" title={t('consultationAnswers.submission.conflictTitle')}>
          <p>{t('consultationAnswers.submission.conflictIntro')}</p>
          <p>
            <DecisionTag decision={m.decision} />
          </p>
          {m.answer && <Paragraphs text={m.answer} />}
          <p>{t('consultationAnswers.submission.conflictKept')}</p>
        </NotificationBanner>
      )}
      {m.decision && !m.conflict && (
        <>
          <p>
            <DecisionTag decision={m.decision} />
          </p>
          {m.answer && <Paragraphs text={m.answer} />}
          {m.answeredAt && (
            <p>
              <small>{t('consultationAnswers.submission.answeredBy', { at: m.answeredAt, name: m.answeredBy ?? '—' })}</small>
            </p>
          )}
        </>
      )}
      {!m.decision && <p>{t('consultationAnswers.submission.notAnswered')}</p>}
      {m.form ? (
        <Form action={base}>
          <input type="hidden" name="version" value={String(m.form.lock)} />
          <Checkboxes
            name="decision"
            kind="radio"
            legend={t('consultationAnswers.submission.decision')}
            error={errorFor(m.form.model, 'decision')}
            options={decisions.map((d) => ({ value: d, label: t(decisionLabelKey(d)) }))}
            selected={[m.form.model.values.decision ?? '']}
          />
          <TextArea
            name="answer"
            label={t('consultationAnswers.submission.answer')}
            hint={t('consultationAnswers.submission.answerHint')}
            value={m.form.model.values.answer}
            error={errorFor(m.form.model, 'answer')}
            rows={6}
          />
          <Button>{t('consultationAnswers.submission.save')}</Button>
        </Form>
      ) : (
        <p>{t('consultationAnswers.submission.closedNotice')}</p>
      )}
      {m.canApply && (
        <section aria-labelledby="nastepna-wersja">
          <h2 id="nastepna-wersja">{t('consultationAnswers.submission.applyTitle')}</h2>
          <p>{t('consultationAnswers.submission.applyIntro')}</p>
          <Form action={`${base}/zastosuj`}>
            <Button variant="secondary">{t('consultationAnswers.submission.apply')}</Button>
          </Form>
          <p>
            <a href={programme}>{t('consultationAnswers.submission.programmeLink')}</a>
          </p>
        </section>
      )}
      {m.form && (
        <section aria-labelledby="przypisanie">
          <h2 id="przypisanie">{t('consultationAnswers.submission.assignTitle')}</h2>
          <Form action={`${base}/przypisz`}>
            <Select
              name="assignee"
              label={t('consultationAnswers.submission.assigneeField')}
              value={m.assignee.id === null ? '' : String(m.assignee.id)}
              options={[{ value: '', label: t('consultationAnswers.submission.nobody') }, ...m.colleagues]}
            />
            <Button variant="secondary">{t('consultationAnswers.submission.assign')}</Button>
          </Form>
        </section>
      )}
      <p>
        <a href={`/konsultacje/${c.id}/odpowiedzi`}>{t('consultationAnswers.submission.back')}</a>
      </p>
    </Layout>
  );
}
