/**
 * Every version of a programme (with links to read each and a form to compare two), and the
 * comparison of two versions section by section. Changes are marked with <del>/<ins>, a visually
 * hidden "usunięto:/dodano:" for screen readers and a visible tag — never by colour alone.
 */
import type { ComponentChildren } from 'preact';
import { useView } from '../../../ui/context.js';
import { Button } from '../../../ui/components/button.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { Select } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { Table } from '../../../ui/components/table.js';
import { Tag } from '../../../ui/components/tag.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import type { ProgrammeVersionStatus } from '../../../platform/db/schema.js';
import type { ChangePart, ItemChange, SectionComparison, TaskChange, WordRun } from '../compare-versions.js';
import { formatPln, statutoryElements, type PriorityTask } from '../programme-sections.js';

export interface VersionRow {
  number: number;
  status: ProgrammeVersionStatus;
  created: string;
  updated: string;
  basedOn: string | null;
  resolution: string | null;
  published: string | null;
}

export interface VersionsPageModel {
  id: number;
  title: string;
  versions: VersionRow[];
  form: FormModel;
}

const statusColour = (status: ProgrammeVersionStatus) =>
  status === 'draft' ? 'grey' : status === 'published' ? 'green' : status === 'adopted' ? 'green' : 'blue';

function CompareForm(props: { id: number; versions: VersionRow[]; form: FormModel }) {
  const { t } = useView();
  const options = props.versions.map((v) => ({
    value: String(v.number),
    label: t('programme.versions.option', { number: v.number, status: t(`programme.status.${v.status}`) }),
  }));
  return (
    <Form action={`/program-wspolpracy/${props.id}/porownanie`} method="get">
      <Select
        name="od"
        label={t('programme.versions.from')}
        options={options}
        value={props.form.values.od}
        error={errorFor(props.form, 'od')}
      />
      <Select
        name="do"
        label={t('programme.versions.to')}
        options={options}
        value={props.form.values.do}
        error={errorFor(props.form, 'do')}
      />
      <Button>{t('programme.versions.compare')}</Button>
    </Form>
  );
}

export function VersionsPage(props: { model: VersionsPageModel }) {
  const { t } = useView();
  const { model } = props;
  const title = t('programme.versions.title');
  const base = `/program-wspolpracy/${model.id}`;
  return (
    <Layout
      title={model.form.errors.length ? `${t('programme.errorTitlePrefix')} ${title}` : title}
      breadcrumbs={[
        { label: t('programme.list.title'), href: '/program-wspolpracy' },
        { label: model.title, href: base },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={model.form.errors} />
      <p>{model.title}</p>
      <Table
        caption={t('programme.versions.caption')}
        columns={[
          { label: t('programme.versions.number') },
          { label: t('programme.versions.status') },
          { label: t('programme.versions.created') },
          { label: t('programme.versions.updated') },
          { label: t('programme.versions.basedOn') },
          { label: t('programme.versions.resolution') },
        ]}
        rows={model.versions.map((v) => [
          <a href={`${base}?wersja=${v.number}`}>{t('programme.versions.read', { number: v.number })}</a>,
          <Tag colour={statusColour(v.status)}>{t(`programme.status.${v.status}`)}</Tag>,
          v.created,
          v.updated,
          v.basedOn ?? '—',
          <>
            {v.resolution ?? '—'}
            {v.published && (
              <>
                <br />
                {t('programme.versions.published', { date: v.published })}
              </>
            )}
          </>,
        ])}
      />
      {model.versions.length >= 2 ? (
        <section aria-labelledby="porownanie">
          <h2 id="porownanie">{t('programme.versions.compareTitle')}</h2>
          <CompareForm id={model.id} versions={model.versions} form={model.form} />
        </section>
      ) : (
        <p>{t('programme.versions.onlyOne')}</p>
      )}
    </Layout>
  );
}

function Words(props: { runs: WordRun[] }) {
  const { t } = useView();
  const out: ComponentChildren[] = [];
  props.runs.forEach((run, i) => {
    if (i > 0) out.push(' ');
    if (run.kind === 'same') out.push(run.text);
    else if (run.kind === 'removed')
      out.push(
        <del>
          <span class="visually-hidden">{t('programme.compare.removedPrefix')} </span>
          {run.text}
        </del>,
      );
    else
      out.push(
        <ins>
          <span class="visually-hidden">{t('programme.compare.addedPrefix')} </span>
          {run.text}
        </ins>,
      );
  });
  return <>{out}</>;
}

function ChangeTag(props: { change: 'added' | 'removed' | 'changed' }) {
  const { t } = useView();
  const colour = props.change === 'added' ? 'green' : props.change === 'removed' ? 'red' : 'yellow';
  return <Tag colour={colour}>{t(`programme.compare.${props.change}`)}</Tag>;
}

function Item(props: { item: ItemChange }) {
  const { item } = props;
  if (item.change === 'same') return <li>{item.text}</li>;
  if (item.change === 'changed')
    return (
      <li>
        <ChangeTag change="changed" /> <Words runs={item.words} />
      </li>
    );
  return (
    <li>
      <ChangeTag change={item.change} /> <Words runs={[{ kind: item.change, text: item.text }]} />
    </li>
  );
}

function taskCells(task: PriorityTask, spheres: Record<string, string>, t: (k: string) => string): string[] {
  return [
    spheres[task.sphere] ?? task.sphere,
    task.task,
    task.unit,
    t(`programme.modes.${task.mode}`),
    task.amount === null ? '' : formatPln(task.amount),
  ];
}

function TaskRows(props: { rows: TaskChange[]; spheres: Record<string, string> }) {
  const { t } = useView();
  return (
    <Table
      caption={t('programme.page.tasksCaption')}
      columns={[
        { label: t('programme.compare.change') },
        { label: t('programme.page.sphere') },
        { label: t('programme.page.task') },
        { label: t('programme.page.unit') },
        { label: t('programme.page.mode') },
        { label: t('programme.page.amount') },
      ]}
      rows={props.rows.map((row) => {
        if (row.change === 'same') return [t('programme.compare.same'), ...taskCells(row.task, props.spheres, t)];
        if (row.change !== 'changed')
          return [
            <ChangeTag change={row.change} />,
            ...taskCells(row.task, props.spheres, t).map((cell) => (
              <Words runs={cell ? [{ kind: row.change, text: cell }] : []} />
            )),
          ];
        const before = taskCells(row.before, props.spheres, t);
        const after = taskCells(row.after, props.spheres, t);
        return [
          <ChangeTag change="changed" />,
          ...after.map((cell, i) =>
            before[i] === cell ? (
              cell
            ) : (
              <Words
                runs={[
                  ...(before[i] ? [{ kind: 'removed' as const, text: before[i]! }] : []),
                  ...(cell ? [{ kind: 'added' as const, text: cell }] : []),
                ]}
              />
            ),
          ),
        ];
      })}
    />
  );
}

function Part(props: { part: ChangePart; spheres: Record<string, string> }) {
  const { t } = useView();
  const { part } = props;
  const heading = 'label' in part && part.label ? <h3>{t(part.label)}</h3> : null;
  if (part.kind === 'text')
    return (
      <>
        {heading}
        <p>
          <Words runs={part.words} />
        </p>
      </>
    );
  if (part.kind === 'list')
    return (
      <>
        {heading}
        <ul>
          {part.items.map((item) => (
            <Item item={item} />
          ))}
        </ul>
      </>
    );
  return <TaskRows rows={part.rows} spheres={props.spheres} />;
}

export interface ComparePageModel {
  id: number;
  title: string;
  from: { number: number; status: ProgrammeVersionStatus };
  to: { number: number; status: ProgrammeVersionStatus };
  sections: SectionComparison[];
  spheres: Record<string, string>;
  versions: VersionRow[];
  form: FormModel;
}

export function ComparePage(props: { model: ComparePageModel }) {
  const { t } = useView();
  const { model } = props;
  const title = t('programme.compare.title', { from: model.from.number, to: model.to.number });
  const base = `/program-wspolpracy/${model.id}`;
  const changed = model.sections.filter((s) => s.parts.length > 0).length;
  return (
    <Layout
      title={title}
      breadcrumbs={[
        { label: t('programme.list.title'), href: '/program-wspolpracy' },
        { label: model.title, href: base },
        { label: t('programme.versions.title'), href: `${base}/wersje` },
        { label: title },
      ]}
    >
      <h1>{title}</h1>
      <p>{model.title}</p>
      <p>
        {t('programme.compare.intro', {
          from: model.from.number,
          fromStatus: t(`programme.status.${model.from.status}`),
          to: model.to.number,
          toStatus: t(`programme.status.${model.to.status}`),
        })}{' '}
        {t('programme.compare.summary', { count: changed })}
      </p>
      <p>
        <a href={`${base}?wersja=${model.from.number}`}>{t('programme.versions.read', { number: model.from.number })}</a>
        {' · '}
        <a href={`${base}?wersja=${model.to.number}`}>{t('programme.versions.read', { number: model.to.number })}</a>
      </p>
      {model.sections.map((section) => {
        const index = (statutoryElements as readonly string[]).indexOf(section.key);
        const id = `zmiany-${section.key}`;
        return (
          <section aria-labelledby={id}>
            <h2 id={id}>
              {index >= 0 ? `${index + 1}. ` : ''}
              {t(`programme.elements.${section.key}`)}
            </h2>
            {section.parts.length === 0 ? (
              <p>{t('programme.compare.unchanged')}</p>
            ) : (
              section.parts.map((part) => <Part part={part} spheres={model.spheres} />)
            )}
          </section>
        );
      })}
      <section aria-labelledby="inne-porownanie">
        <h2 id="inne-porownanie">{t('programme.versions.compareTitle')}</h2>
        <CompareForm id={model.id} versions={model.versions} form={model.form} />
      </section>
    </Layout>
  );
}
