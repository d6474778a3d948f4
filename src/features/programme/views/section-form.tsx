import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Checkbox, Select, TextArea, TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import { statutoryPrinciples } from '../../meeting-minutes/index.js';
import { sectionSlugs, taskModes, type SectionKey } from '../programme-sections.js';
import type { SourceLabels } from './programme-pages.js';

/** Blank rows offered under every list (more appear after saving). */
const blankRows = 2;

/** The row indices in the form's values for a list, then `blankRows` unused ones. */
function rowsOf(values: Record<string, string>, list: string, field: string): number[] {
  const pattern = new RegExp(`^${list}\\.(\\d{1,3})\\.${field}$`);
  const used = Object.keys(values)
    .map((k) => pattern.exec(k)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  const next = used.length ? used[used.length - 1]! + 1 : 0;
  return [...used, ...Array.from({ length: blankRows }, (_, i) => next + i)];
}

/** Sections edited as lists of rows (blank rows skipped, a "remove" box per row). */
const sectionsWithRows: SectionKey[] = ['goals', 'principles', 'forms', 'tasks', 'evaluation', 'resolution'];
export interface SectionFormModel {
  programmeId: number;
  programmeTitle: string;
  section: SectionKey;
  versionNumber: number;
  computedFunds: string | null;
  meetings: SourceLabels;
  importMeetings: Array<{ id: number; label: string }> | null;
  /** Tasks: the spheres of public tasks in force (a task names one). */
  spheres: Array<{ value: string; label: string }>;
  /** The creation section after "Wygeneruj z danych platformy": the text was written (not saved yet), or the records had nothing. */
  generated?: 'generated' | 'nothing' | null;
}

function ListRows(props: { form: FormModel; list: string; legend: string; meetings: SourceLabels }) {
  const { t } = useView();
  const { form, list } = props;
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend">{props.legend}</legend>
      {rowsOf(form.values, list, 'text').map((i, n) => {
        const source = form.values[`${list}.${i}.source`];
        const meetingId = source ? Number(source.split(':')[0]) : null;
        const date = meetingId ? props.meetings.get(meetingId) : undefined;
        return (
          <div class="programme-row">
            <TextArea
              name={`${list}.${i}.text`}
              label={t('programme.edit.row', { number: n + 1 })}
              hint={date ? t('programme.edit.fromMeeting', { date }) : undefined}
              value={form.values[`${list}.${i}.text`]}
              error={errorFor(form, `${list}.${i}.text`)}
              required={false}
              rows={2}
            />
            {source && <input type="hidden" name={`${list}.${i}.source`} value={source} />}
            {form.values[`${list}.${i}.text`] !== undefined && (
              <Checkbox
                name={`${list}.${i}.remove`}
                label={t('programme.edit.remove', { number: n + 1 })}
                checked={form.values[`${list}.${i}.remove`] === 'yes'}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

function TaskRows(props: { form: FormModel; spheres: Array<{ value: string; label: string }> }) {
  const { t } = useView();
  const { form } = props;
  const options = (current: string | undefined) => [
    { value: '', label: t('programme.edit.chooseSphere') },
    ...props.spheres,
    // A code no longer in force (or typed before) stays visible rather than silently replaced.
    ...(current && !props.spheres.some((s) => s.value === current) ? [{ value: current, label: current }] : []),
  ];
  return (
    <>
      {rowsOf(form.values, 'tasks', 'task').map((i, n) => {
        const p = `tasks.${i}`;
        return (
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('programme.edit.taskRow', { number: n + 1 })}</legend>
            <Select
              name={`${p}.sphere`}
              label={t('programme.edit.sphere')}
              value={form.values[`${p}.sphere`] ?? ''}
              error={errorFor(form, `${p}.sphere`)}
              required={false}
              options={options(form.values[`${p}.sphere`])}
            />
            <TextArea
              name={`${p}.task`}
              label={t('programme.edit.task')}
              value={form.values[`${p}.task`]}
              error={errorFor(form, `${p}.task`)}
              required={false}
              rows={2}
            />
            <TextField
              name={`${p}.unit`}
              label={t('programme.edit.unit')}
              value={form.values[`${p}.unit`]}
              error={errorFor(form, `${p}.unit`)}
              required={false}
            />
            <Select
              name={`${p}.mode`}
              label={t('programme.edit.mode')}
              value={form.values[`${p}.mode`] ?? 'konkurs'}
              error={errorFor(form, `${p}.mode`)}
              options={taskModes.map((m) => ({ value: m, label: t(`programme.modes.${m}`) }))}
            />
            <TextField
              name={`${p}.amount`}
              label={t('programme.edit.amount')}
              hint={t('programme.edit.amountHint')}
              value={form.values[`${p}.amount`]}
              error={errorFor(form, `${p}.amount`)}
              required={false}
              width="half"
            />
            {form.values[`${p}.task`] !== undefined && (
              <Checkbox
                name={`${p}.remove`}
                label={t('programme.edit.remove', { number: n + 1 })}
                checked={form.values[`${p}.remove`] === 'yes'}
              />
            )}
          </fieldset>
        );
      })}
    </>
  );
}

export function SectionFormPage(props: {
  model: SectionFormModel;
  form: FormModel;
  lock: { versionId: string; version: string };
}) {
  const { t } = useView();
  const { model, form } = props;
  const sectionName = t(`programme.elements.${model.section}`);
  const title = t('programme.edit.title', { section: sectionName });
  const base = `/program-wspolpracy/${model.programmeId}`;
  const action = `${base}/sekcje/${sectionSlugs[model.section]}`;
  const area = (name: string, labelKey: string, hint?: string) => (
    <TextArea
      name={name}
      label={t(labelKey)}
      hint={hint}
      value={form.values[name]}
      error={errorFor(form, name)}
      required={false}
      rows={8}
    />
  );
  const list = (name: string, legendKey: string) => (
    <ListRows form={form} list={name} legend={t(legendKey)} meetings={model.meetings} />
  );
  let fields;
  switch (model.section) {
    case 'goals':
      fields = (
        <>
          {area(
            'main',
            'programme.edit.main',
            form.values.mainSource && model.meetings.get(Number(form.values.mainSource.split(':')[0]))
              ? t('programme.edit.fromMeeting', { date: model.meetings.get(Number(form.values.mainSource.split(':')[0])) })
              : undefined,
          )}
          {form.values.mainSource && <input type="hidden" name="mainSource" value={form.values.mainSource} />}
          {list('specific', 'programme.edit.specific')}
        </>
      );
      break;
    case 'principles':
      fields = (
        <>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">{t('programme.edit.statutory')}</legend>
            {statutoryPrinciples.map((p, i) => (
              <Checkbox
                name={`statutory.${i}`}
                label={t('programme.page.principle', { name: p })}
                checked={form.values[`statutory.${i}`] === 'yes'}
              />
            ))}
          </fieldset>
          {list('local', 'programme.edit.local')}
        </>
      );
      break;
    case 'forms':
      fields = (
        <>
          {list('financial', 'programme.edit.financial')}
          {list('nonFinancial', 'programme.edit.nonFinancial')}
        </>
      );
      break;
    case 'tasks':
      fields = <TaskRows form={form} spheres={model.spheres} />;
      break;
    case 'funds':
      fields = (
        <>
          <p>
            {model.computedFunds
              ? t('programme.edit.computed', { amount: model.computedFunds })
              : t('programme.edit.computedNone')}
          </p>
          {area('override', 'programme.edit.override', t('programme.edit.overrideHint'))}
        </>
      );
      break;
    case 'evaluation':
      fields = (
        <>
          {area('text', 'programme.edit.text')}
          {list('indicators', 'programme.edit.indicators')}
        </>
      );
      break;
    case 'resolution':
      fields = (
        <>
          {area('legalBasis', 'programme.edit.legalBasis')}
          {list('paragraphs', 'programme.edit.paragraphs')}
          {area('entryIntoForce', 'programme.edit.entryIntoForce')}
        </>
      );
      break;
    default:
      fields = area('text', 'programme.edit.text');
  }
  return (
    <Layout
      title={form.errors.length ? `${t('programme.errorTitlePrefix')} ${title}` : title}
      breadcrumbs={[
        { label: t('programme.list.title'), href: '/program-wspolpracy' },
        { label: model.programmeTitle, href: base },
        { label: sectionName },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>
        {t('programme.edit.intro', { number: model.versionNumber })}
        {sectionsWithRows.includes(model.section) && ` ${t('programme.edit.rowsHint')}`}
      </p>
      {model.generated && (
        <NotificationBanner kind="info" title={t('programme.edit.generatedTitle')}>
          <p>{t(model.generated === 'generated' ? 'programme.edit.generated' : 'programme.edit.generatedNothing')}</p>
        </NotificationBanner>
      )}
      {model.section === 'creation' && (
        <Form action={`${action}/generuj`}>
          <input type="hidden" name="versionId" value={props.lock.versionId} />
          <input type="hidden" name="version" value={props.lock.version} />
          <p class="field__hint">{t('programme.edit.generateHint')}</p>
          <Button variant="secondary">{t('programme.edit.generate')}</Button>
        </Form>
      )}
      <Form action={action}>
        <input type="hidden" name="versionId" value={props.lock.versionId} />
        <input type="hidden" name="version" value={props.lock.version} />
        {fields}
        <Button>{t('programme.edit.save')}</Button>
      </Form>
      {model.importMeetings && (
        <section aria-labelledby="import-title">
          <h2 id="import-title">{t('programme.edit.importTitle')}</h2>
          <p>{t(`programme.edit.importIntro.${model.section}`)}</p>
          {model.importMeetings.length === 0 ? (
            <p>{t('programme.edit.noMeetings')}</p>
          ) : (
            <Form action={`${action}/import`}>
              <input type="hidden" name="versionId" value={props.lock.versionId} />
              <input type="hidden" name="version" value={props.lock.version} />
              <Select
                name="meetingId"
                label={t('programme.edit.meeting')}
                options={model.importMeetings.map((m) => ({ value: String(m.id), label: m.label }))}
              />
              <Button variant="secondary">{t('programme.edit.importButton')}</Button>
            </Form>
          )}
        </section>
      )}
      <p>
        <a href={base}>{t('programme.edit.back')}</a>
      </p>
    </Layout>
  );
}
