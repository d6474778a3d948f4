/**
 * The member's (or resident's) submission pages: the comment and task-proposal forms (also used to
 * edit a draft), one's submission with its receipt, one's submissions in a consultation, and the
 * explanation for a person who may not take part yet.
 */
import { useView } from '../../../ui/context.js';
import { Button, ButtonLink } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Checkbox, Select, TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Paragraphs } from '../../../ui/components/paragraphs.js';
import { Table } from '../../../ui/components/table.js';
import { Tag, type TagColour } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { taskModes } from '../../programme/index.js';

export interface ConsultationRef {
  id: number;
  subject: string;
}

type Option = { value: string; label: string };

export interface SubmissionFormModel {
  consultation: ConsultationRef;
  kind: 'comment' | 'task';
  /** Where the form posts: the new form's URL, or the draft's. */
  action: string;
  /** Editing a draft (its number shown), or writing a new submission. */
  draftId: number | null;
  /** A new form's random token (posting the same form twice finds the first submission); null for a draft. */
  formToken: string | null;
  /** On whose behalf: the choices (one is shown as a sentence), and whether a resident's name is asked. */
  behalf: Option[];
  residentsAllowed: boolean;
  /** Comment: the draft's provisions, and the chosen one's current wording (from the version, never from the client). */
  provisions: Array<Option & { wording: string }>;
  chosen: { label: string; wording: string } | null;
  fragmentNotFound: boolean;
  /** Task: the spheres of public tasks in force. */
  spheres: Option[];
  /** The information clause (RODO) shown above the consent checkbox. */
  clause: string;
  /** Why the consultation does not take submissions now (before it opens, after it ends), or null. */
  notice: string | null;
  /** The submission was refused by the deadline (the summary says it was not sent). */
  refused: boolean;
}

function Crumbs(t: (key: string) => string, consultation: ConsultationRef, label: string) {
  return [
    { label: t('consultation.title'), href: '/konsultacje' },
    { label: consultation.subject, href: `/konsultacje/${consultation.id}` },
    { label },
  ];
}

function BehalfFields(props: { model: SubmissionFormModel; form: FormModel }) {
  const { t } = useView();
  const { model, form } = props;
  const chosen = form.values.onBehalf ?? model.behalf[0]?.value ?? '';
  return (
    <>
      {model.behalf.length === 1 ? (
        <>
          <p>{t('consultation.submission.behalfOne', { name: model.behalf[0]!.label })}</p>
          <input type="hidden" name="onBehalf" value={model.behalf[0]!.value} />
        </>
      ) : (
        <Checkboxes
          kind="radio"
          name="onBehalf"
          legend={t('consultation.submission.behalf')}
          error={errorFor(form, 'onBehalf')}
          options={model.behalf}
          selected={[chosen]}
        />
      )}
      {model.residentsAllowed && (
        <TextField
          name="residentName"
          label={t('consultation.submission.residentName')}
          hint={t('consultation.submission.residentNameHint')}
          value={form.values.residentName}
          error={errorFor(form, 'residentName')}
          autocomplete="name"
          required={false}
        />
      )}
    </>
  );
}

export function CommentFields(props: {
  form: FormModel;
  provisions: Option[];
  chosen: { label: string; wording: string } | null;
  fragmentNotFound: boolean;
}) {
  const { t } = useView();
  const { form } = props;
  return (
    <>
      {props.fragmentNotFound && (
        <NotificationBanner kind="warning">
          <p>{t('consultation.submission.fragmentNotFound')}</p>
        </NotificationBanner>
      )}
      <Select
        name="provision"
        label={t('consultation.submission.provision')}
        hint={t('consultation.submission.provisionHint')}
        value={form.values.provision ?? ''}
        error={errorFor(form, 'provision')}
        options={[{ value: '', label: t('consultation.submission.chooseProvision') }, ...props.provisions]}
      />
      {props.chosen && (
        <section aria-labelledby="current-wording">
          <h2 id="current-wording">{t('consultation.submission.currentWording', { label: props.chosen.label })}</h2>
          <blockquote>
            <Paragraphs text={props.chosen.wording} />
          </blockquote>
        </section>
      )}
      <TextArea
        name="proposedWording"
        label={t('consultation.submission.proposedWording')}
        hint={t('consultation.submission.proposedWordingHint')}
        value={form.values.proposedWording}
        error={errorFor(form, 'proposedWording')}
        rows={8}
      />
      <TextArea
        name="justification"
        label={t('consultation.submission.justification')}
        hint={t('consultation.submission.justificationHint')}
        value={form.values.justification}
        error={errorFor(form, 'justification')}
        required={false}
        rows={6}
      />
    </>
  );
}

export function TaskFields(props: { form: FormModel; spheres: Option[]; clause: string | null }) {
  const { t } = useView();
  const { form } = props;
  const field = (name: string, type: 'text' | 'tel' | 'email' = 'text', required = true, autocomplete?: string) => (
    <TextField
      name={name}
      type={type}
      label={t(`consultation.task.${name}`)}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={required ? undefined : false}
      {...(autocomplete ? { autocomplete } : {})}
    />
  );
  const area = (name: string, required = true) => (
    <TextArea
      name={name}
      label={t(`consultation.task.${name}`)}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={required ? undefined : false}
      rows={5}
    />
  );
  const current = form.values.sphere;
  return (
    <>
      <Select
        name="sphere"
        label={t('consultation.task.sphere')}
        value={current ?? ''}
        error={errorFor(form, 'sphere')}
        options={[
          { value: '', label: t('consultation.task.chooseSphere') },
          ...props.spheres,
          ...(current && !props.spheres.some((s) => s.value === current) ? [{ value: current, label: current }] : []),
        ]}
      />
      {field('title')}
      {area('description')}
      {area('need', false)}
      {area('targetGroup', false)}
      {area('expectedResults', false)}
      <Select
        name="mode"
        label={t('consultation.task.mode')}
        value={form.values.mode ?? ''}
        error={errorFor(form, 'mode')}
        options={[
          { value: '', label: t('consultation.task.chooseMode') },
          ...taskModes.map((m) => ({ value: m, label: t(`consultation.task.modes.${m}`) })),
        ]}
      />
      <TextField
        name="amount"
        label={t('consultation.task.amount')}
        hint={t('consultation.task.amountHint')}
        value={form.values.amount}
        error={errorFor(form, 'amount')}
        required={false}
        width="half"
      />
      {field('period', 'text', false)}
      <Checkboxes
        kind="radio"
        name="ownDelivery"
        legend={t('consultation.task.ownDelivery')}
        error={errorFor(form, 'ownDelivery')}
        options={[
          { value: 'yes', label: t('consultation.task.yes') },
          { value: 'no', label: t('consultation.task.no') },
        ]}
        selected={form.values.ownDelivery ? [form.values.ownDelivery] : []}
      />
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('consultation.task.contact')}</legend>
        {field('contactName', 'text', true, 'name')}
        {field('contactPhone', 'tel', false, 'tel')}
        {field('contactEmail', 'email', false, 'email')}
      </fieldset>
      {props.clause !== null && (
        <section aria-labelledby="clause-title">
          <h2 id="clause-title">{t('consultation.task.clauseTitle')}</h2>
          <Paragraphs text={props.clause} />
          <Checkbox
            name="consent"
            label={t('consultation.task.consent')}
            checked={form.values.consent === 'yes' || form.values.consent === 'on'}
            error={errorFor(form, 'consent')}
          />
        </section>
      )}
    </>
  );
}

export function SubmissionFormPage(props: { model: SubmissionFormModel; form: FormModel }) {
  const { t } = useView();
  const { model, form } = props;
  const title =
    model.draftId !== null
      ? t('consultation.submission.draftTitle', { number: model.draftId })
      : t(model.kind === 'comment' ? 'consultation.submission.commentTitle' : 'consultation.submission.taskTitle');
  return (
    <Layout
      title={form.errors.length ? `${t('consultation.submission.errorPrefix')} ${title}` : title}
      breadcrumbs={Crumbs(t, model.consultation, title)}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} {...(model.refused ? { title: t('consultation.submission.notSent') } : {})} />
      {model.notice && (
        <NotificationBanner kind="warning">
          <p>{model.notice}</p>
        </NotificationBanner>
      )}
      <p class="lead">{t('consultation.submission.intro', { subject: model.consultation.subject })}</p>
      <Form action={model.action}>
        {model.formToken && <input type="hidden" name="formToken" value={model.formToken} />}
        <BehalfFields model={model} form={form} />
        {model.kind === 'comment' ? (
          <CommentFields
            form={form}
            provisions={model.provisions}
            chosen={model.chosen}
            fragmentNotFound={model.fragmentNotFound}
          />
        ) : (
          <TaskFields form={form} spheres={model.spheres} clause={model.clause} />
        )}
        <div class="actions">
          <Button name="action" value="send">
            {t('consultation.submission.send')}
          </Button>
          <Button name="action" value="draft" variant="secondary">
            {t('consultation.submission.saveDraft')}
          </Button>
        </div>
      </Form>
      {model.kind === 'comment' && model.provisions.length > 0 && (
        <details>
          <summary>{t('consultation.submission.allProvisions')}</summary>
          <ul class="link-list">
            {model.provisions.map((p) => (
              <li>
                <a href={`/konsultacje/${model.consultation.id}/uwagi/nowa?zapis=${encodeURIComponent(p.value)}`}>{p.label}</a>
                {`: ${p.wording.length > 160 ? `${p.wording.slice(0, 160)}…` : p.wording}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <a href={`/konsultacje/${model.consultation.id}/moje`}>{t('consultation.mine.title')}</a>
      </p>
    </Layout>
  );
}

/** One submission as the author (or an official) reads it. */
export interface SubmissionView {
  id: number;
  kind: 'comment' | 'task';
  status: 'draft' | 'sent' | 'withdrawn';
  channel: 'online' | 'paper' | 'email';
  receiptNumber: string | null;
  sentAt: string | null;
  withdrawnAt: string | null;
  receivedOn: string | null;
  submitterName: string;
  provisionLabel: string | null;
  currentWording: string | null;
  proposedWording: string | null;
  justification: string | null;
  /** Task: label → value rows, already formatted. */
  task: Array<{ label: string; value: string }>;
  taskTitle: string;
}

export const statusColour: Record<SubmissionView['status'], TagColour> = { draft: 'grey', sent: 'green', withdrawn: 'yellow' };

export function SubmissionContent(props: { s: SubmissionView }) {
  const { t } = useView();
  const { s } = props;
  const row = (label: string, value: string | null) =>
    value ? (
      <div class="summary-list__row">
        <dt>{label}</dt>
        <dd>
          <Paragraphs text={value} />
        </dd>
      </div>
    ) : null;
  return (
    <dl class="summary-list">
      {row(t('consultation.submission.onBehalfOf'), s.submitterName)}
      {s.kind === 'comment' ? (
        <>
          {row(t('consultation.submission.provision'), s.provisionLabel)}
          {row(t('consultation.submission.currentWordingShort'), s.currentWording)}
          {row(t('consultation.submission.proposedWording'), s.proposedWording)}
          {row(t('consultation.submission.justification'), s.justification)}
        </>
      ) : (
        s.task.map((r) => row(r.label, r.value))
      )}
    </dl>
  );
}

export function SubmissionPage(props: {
  consultation: ConsultationRef;
  s: SubmissionView;
  canWithdraw: boolean;
  canResubmit: boolean;
}) {
  const { t } = useView();
  const { s, consultation } = props;
  const title = s.receiptNumber
    ? t('consultation.submission.receiptTitle', { number: s.receiptNumber })
    : t('consultation.submission.draftTitle', { number: s.id });
  const base = `/konsultacje/${consultation.id}/zgloszenia/${s.id}`;
  return (
    <Layout title={title} breadcrumbs={Crumbs(t, consultation, title)}>
      {s.status === 'sent' && (
        <NotificationBanner kind="success" title={t('consultation.submission.receiptBanner', { number: s.receiptNumber })}>
          <p>{t('consultation.submission.sentAt', { when: s.sentAt })}</p>
          <p>{t('consultation.submission.noEdits')}</p>
        </NotificationBanner>
      )}
      {s.status === 'withdrawn' && (
        <NotificationBanner kind="warning">
          <p>{t('consultation.submission.withdrawnAt', { when: s.withdrawnAt, number: s.receiptNumber })}</p>
        </NotificationBanner>
      )}
      <h1>{title}</h1>
      <p>
        <Tag colour={statusColour[s.status]}>{t(`consultation.status.${s.status}`)}</Tag> {t(`consultation.kind.${s.kind}`)}
        {s.kind === 'task' ? `: ${s.taskTitle}` : ''}
      </p>
      <SubmissionContent s={s} />
      {props.canWithdraw && (
        <Form action={`${base}/wycofaj`}>
          <p>{t('consultation.submission.withdrawHint')}</p>
          <Button variant="warning">{t('consultation.submission.withdraw')}</Button>
        </Form>
      )}
      {props.canResubmit && (
        <Form action={`${base}/ponownie`}>
          <p>{t('consultation.submission.resubmitHint')}</p>
          <Button>{t('consultation.submission.resubmit')}</Button>
        </Form>
      )}
      <p>
        <a href={`/konsultacje/${consultation.id}/moje`}>{t('consultation.mine.title')}</a>
      </p>
    </Layout>
  );
}

export interface MySubmissionRow {
  id: number;
  kind: 'comment' | 'task';
  status: 'draft' | 'sent' | 'withdrawn';
  about: string;
  receiptNumber: string | null;
  when: string;
}

export function MySubmissionsPage(props: { consultation: ConsultationRef; rows: MySubmissionRow[]; open: boolean }) {
  const { t } = useView();
  const { consultation } = props;
  const title = t('consultation.mine.title');
  return (
    <Layout title={title} breadcrumbs={Crumbs(t, consultation, title)} wide>
      <h1>{title}</h1>
      <p class="lead">{consultation.subject}</p>
      <Table
        caption={title}
        captionHidden
        columns={[
          { label: t('consultation.mine.what') },
          { label: t('consultation.mine.about') },
          { label: t('consultation.mine.status') },
          { label: t('consultation.mine.receipt') },
          { label: t('consultation.mine.when') },
        ]}
        rows={props.rows.map((r) => [
          <a href={`/konsultacje/${consultation.id}/zgloszenia/${r.id}`}>{t(`consultation.kind.${r.kind}`)}</a>,
          r.about,
          <Tag colour={statusColour[r.status]}>{t(`consultation.status.${r.status}`)}</Tag>,
          r.receiptNumber ?? '—',
          r.when,
        ])}
        empty={t('consultation.mine.none')}
      />
      {props.open && (
        <div class="actions">
          <ButtonLink href={`/konsultacje/${consultation.id}/uwagi/nowa`}>{t('consultation.mine.newComment')}</ButtonLink>
          <ButtonLink href={`/konsultacje/${consultation.id}/zadania/nowe`}>{t('consultation.mine.newTask')}</ButtonLink>
        </div>
      )}
    </Layout>
  );
}

/** For a person without a verified organisation where residents may not take part. */
export function NoOrganizationPage(props: { consultation: ConsultationRef }) {
  const { t } = useView();
  const title = t('consultation.noOrganization.title');
  return (
    <Layout title={title} breadcrumbs={Crumbs(t, props.consultation, title)}>
      <h1>{title}</h1>
      <p>{t('consultation.noOrganization.why')}</p>
      <ul>
        <li>
          <a href="/organizacje">{t('consultation.noOrganization.join')}</a>
        </li>
        <li>
          <a href="/organizacje/nowa">{t('consultation.noOrganization.register')}</a>
        </li>
      </ul>
      <p>{t('consultation.noOrganization.paper')}</p>
      <p>
        <a href={`/konsultacje/${props.consultation.id}`}>{t('consultation.noOrganization.back')}</a>
      </p>
    </Layout>
  );
}
