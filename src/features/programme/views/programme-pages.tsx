import { useView } from '../../../ui/context.js';
import { Button, ButtonLink } from '../../../ui/components/button.js';
import { Checkboxes } from '../../../ui/components/checkboxes.js';
import { ErrorSummary } from '../../../ui/components/error-summary.js';
import { TextField } from '../../../ui/components/field.js';
import { Form } from '../../../ui/components/form.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Paragraphs } from '../../../ui/components/paragraphs.js';
import { Tag } from '../../../ui/components/tag.js';
import { Table } from '../../../ui/components/table.js';
import { Layout } from '../../../ui/layout.js';
import { errorFor, type FormModel } from '../../../platform/http/forms.js';
import type { ProgrammeVersionStatus } from '../../../platform/db/schema.js';
import {
  formatPln,
  plannedFunds,
  sectionSlugs,
  statutoryElements,
  type ElementKey,
  type ListItem,
  type ProgrammeSections,
} from '../programme-sections.js';

export interface ProgrammeListModel {
  canCreate: boolean;
  programmes: Array<{
    id: number;
    title: string;
    years: string;
    versions: Array<{ number: number; status: ProgrammeVersionStatus }>;
  }>;
}

export function ProgrammeListPage(props: { model: ProgrammeListModel }) {
  const { t } = useView();
  const { model } = props;
  const title = t('programme.list.title');
  return (
    <Layout title={title} breadcrumbs={[{ label: title }]}>
      <h1>{title}</h1>
      <p>{t('programme.list.intro')}</p>
      {model.canCreate && <ButtonLink href="/program-wspolpracy/nowy">{t('programme.list.new')}</ButtonLink>}
      {model.programmes.length === 0 ? (
        <p>{t('programme.list.empty')}</p>
      ) : (
        <Table
          caption={t('programme.list.caption')}
          columns={[
            { label: t('programme.list.programme') },
            { label: t('programme.list.years') },
            { label: t('programme.list.versions') },
          ]}
          rowHeader
          rows={model.programmes.map((p) => [
            <a href={`/program-wspolpracy/${p.id}`}>{p.title}</a>,
            p.years,
            p.versions
              .map((v) => t('programme.list.versionLabel', { number: v.number, status: t(`programme.status.${v.status}`) }))
              .join(', '),
          ])}
        />
      )}
    </Layout>
  );
}

export function NewProgrammePage(props: { form: FormModel }) {
  const { t } = useView();
  const { form } = props;
  const title = t('programme.new.title');
  return (
    <Layout
      title={form.errors.length ? `${t('programme.errorTitlePrefix')} ${title}` : title}
      breadcrumbs={[{ label: t('programme.list.title'), href: '/program-wspolpracy' }, { label: title }]}
    >
      <h1>{title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>{t('programme.new.intro')}</p>
      <Form action="/program-wspolpracy/nowy">
        <TextField
          name="yearFrom"
          label={t('programme.new.yearFrom')}
          value={form.values.yearFrom}
          error={errorFor(form, 'yearFrom')}
          width="short"
        />
        <TextField
          name="yearTo"
          label={t('programme.new.yearTo')}
          hint={t('programme.new.yearToHint')}
          value={form.values.yearTo}
          error={errorFor(form, 'yearTo')}
          required={false}
          width="short"
        />
        <TextField
          name="title"
          label={t('programme.new.titleField')}
          hint={t('programme.new.titleHint')}
          value={form.values.title}
          error={errorFor(form, 'title')}
          required={false}
        />
        <Checkboxes
          name="start"
          kind="radio"
          legend={t('programme.new.start')}
          error={errorFor(form, 'start')}
          options={[
            { value: 'empty', label: t('programme.new.startEmpty') },
            { value: 'previous', label: t('programme.new.startPrevious') },
          ]}
          selected={[form.values.start ?? 'empty']}
        />
        <Button>{t('programme.new.submit')}</Button>
      </Form>
    </Layout>
  );
}

/** Where an imported item came from: "ze spotkania 16.07.2018", linked to the meeting. */
export type SourceLabels = Map<number, string>;

function Source(props: { item: { source?: ListItem['source'] }; meetings: SourceLabels; keyName: string }) {
  const { t } = useView();
  const source = props.item.source;
  const date = source ? props.meetings.get(source.meetingId) : undefined;
  if (!source || !date) return null;
  return (
    <>
      {' '}
      <small>
        (<a href={`/spotkania/${source.meetingId}`}>{t(props.keyName, { date })}</a>)
      </small>
    </>
  );
}

function Items(props: { items: ListItem[]; meetings: SourceLabels }) {
  if (props.items.length === 0) return null;
  return (
    <ol>
      {props.items.map((i) => (
        <li>
          {i.text}
          <Source item={i} meetings={props.meetings} keyName="programme.page.fromMeeting" />
        </li>
      ))}
    </ol>
  );
}

export interface ProgrammePageModel {
  id: number;
  title: string;
  version: {
    id: number;
    number: number;
    status: ProgrammeVersionStatus;
    lock: number;
    updated: string;
    resolutionNumber: string | null;
    resolutionDate: string | null;
    publishedAt: string | null;
  };
  /** Whether this is the programme's newest version (the lifecycle's forms act on it). */
  newest: boolean;
  /** The resolution around the programme: its title, opening formula and paragraphs, and the annex's heading. */
  resolution: { title: string; annex: string; basis: string; paragraphs: Array<{ label: string; text: string }> };
  documents: { pdf: string; docx: string };
  consultationHref: string | null;
  /** Consultation submissions applied to this version, each linked to its answer (officials) or the report. */
  applied: Array<{ receipt: string; label: string; href: string }>;
  announceHref: string | null;
  canAdopt: boolean;
  canPublish: boolean;
  canNewVersion: boolean;
  sections: ProgrammeSections;
  meetings: SourceLabels;
  official: boolean;
  editable: boolean;
  missing: ElementKey[] | null;
  /** What the empty elements prevent: going to consultation, or adoption. */
  missingFor: 'ready' | 'adopt';
  adoptForm: FormModel;
  /** Sphere codes of priority tasks as "16 — kultura, sztuka…". */
  sphereLabels: Record<string, string>;
}

function ElementBody(props: {
  element: ElementKey;
  s: ProgrammeSections;
  meetings: SourceLabels;
  sphereLabels: Record<string, string>;
}) {
  const { t } = useView();
  const { s, meetings } = props;
  const text = (value: string) => (value.trim() ? <Paragraphs text={value} /> : <p>{t('programme.page.emptyElement')}</p>);
  switch (props.element) {
    case 'goals':
      return (
        <>
          <h4>{t('programme.page.mainGoal')}</h4>
          {s.goals.main ? (
            <p>
              {s.goals.main}
              <Source
                item={{ ...(s.goals.mainSource ? { source: s.goals.mainSource } : {}) }}
                meetings={meetings}
                keyName="programme.page.fromMeeting"
              />
            </p>
          ) : (
            <p>{t('programme.page.emptyElement')}</p>
          )}
          <h4>{t('programme.page.specificGoals')}</h4>
          {s.goals.specific.length ? (
            <Items items={s.goals.specific} meetings={meetings} />
          ) : (
            <p>{t('programme.page.emptyElement')}</p>
          )}
        </>
      );
    case 'principles':
      return (
        <>
          <p>{t('programme.page.statutoryPrinciples')}</p>
          <ol>
            {s.principles.statutory.map((name) => (
              <li>{t('programme.page.principle', { name })}</li>
            ))}
            {s.principles.local.map((i) => (
              <li>
                {t('programme.page.principle', { name: i.text })}
                <Source item={i} meetings={meetings} keyName="programme.page.fromMeeting" />
              </li>
            ))}
          </ol>
        </>
      );
    case 'forms':
      return (
        <>
          <h4>{t('programme.page.financialForms')}</h4>
          {s.forms.financial.length ? (
            <Items items={s.forms.financial} meetings={meetings} />
          ) : (
            <p>{t('programme.page.emptyElement')}</p>
          )}
          <h4>{t('programme.page.nonFinancialForms')}</h4>
          {s.forms.nonFinancial.length ? (
            <Items items={s.forms.nonFinancial} meetings={meetings} />
          ) : (
            <p>{t('programme.page.emptyElement')}</p>
          )}
        </>
      );
    case 'tasks':
      if (s.tasks.rows.length === 0) return <p>{t('programme.page.emptyElement')}</p>;
      return (
        <Table
          caption={t('programme.page.tasksCaption')}
          columns={[
            { label: t('programme.page.sphere') },
            { label: t('programme.page.task') },
            { label: t('programme.page.unit') },
            { label: t('programme.page.mode') },
            { label: t('programme.page.amount') },
          ]}
          rows={s.tasks.rows.map((r) => [
            props.sphereLabels[r.sphere] ?? r.sphere,
            r.task,
            r.unit,
            t(`programme.modes.${r.mode}`),
            r.amount === null ? '' : formatPln(r.amount),
          ])}
        />
      );
    case 'funds': {
      const computed = plannedFunds(s);
      if (computed === null && !s.funds.override.trim()) return <p>{t('programme.page.emptyElement')}</p>;
      return (
        <>
          {computed !== null && <p>{t('programme.page.computedFunds', { amount: formatPln(computed) })}</p>}
          {s.funds.override.trim() && <Paragraphs text={s.funds.override} />}
        </>
      );
    }
    case 'evaluation':
      return (
        <>
          {text(s.evaluation.text)}
          {s.evaluation.indicators.length > 0 && (
            <>
              <h4>{t('programme.page.indicators')}</h4>
              <Items items={s.evaluation.indicators} meetings={meetings} />
            </>
          )}
        </>
      );
    default:
      return text(s[props.element].text);
  }
}

export function ProgrammePage(props: { model: ProgrammePageModel }) {
  const { t } = useView();
  const { model } = props;
  const { sections: s, version } = model;
  const base = `/program-wspolpracy/${model.id}`;
  const status = t(`programme.status.${version.status}`);
  const editLink = (key: ElementKey | 'resolution') =>
    model.editable ? (
      <p>
        <a href={`${base}/sekcje/${sectionSlugs[key]}`}>
          {t('programme.page.edit', { section: t(`programme.elements.${key}`) })}
        </a>
      </p>
    ) : null;
  const lock = (
    <>
      <input type="hidden" name="versionId" value={String(version.id)} />
      <input type="hidden" name="version" value={String(version.lock)} />
    </>
  );
  const form = model.adoptForm;
  return (
    <Layout
      title={form.errors.length ? `${t('programme.errorTitlePrefix')} ${model.title}` : model.title}
      breadcrumbs={[{ label: t('programme.list.title'), href: '/program-wspolpracy' }, { label: model.title }]}
    >
      <h1>{model.title}</h1>
      <ErrorSummary errors={form.errors} />
      <p>
        <Tag colour={version.status === 'draft' ? 'grey' : version.status === 'published' ? 'green' : 'blue'}>{status}</Tag>{' '}
        {t('programme.page.versionLine', { number: version.number, status, updated: version.updated })}
        {!model.newest && <> {t('programme.page.olderVersion')}</>}
      </p>
      {version.resolutionNumber && version.resolutionDate && (
        <p>{t('programme.page.adoptedLine', { number: version.resolutionNumber, date: version.resolutionDate })}</p>
      )}
      {version.publishedAt && <p>{t('programme.page.publishedLine', { date: version.publishedAt })}</p>}
      <ul>
        <li>
          <a href={`${base}/wersje`}>{t('programme.page.versionsLink')}</a>
        </li>
        <li>
          <a href={model.documents.pdf}>{t('programme.page.pdf')}</a>
        </li>
        <li>
          <a href={model.documents.docx}>{t('programme.page.docx')}</a>
        </li>
        {model.consultationHref && (
          <li>
            <a href={model.consultationHref}>{t('programme.page.consultationLink')}</a>
          </li>
        )}
        {model.announceHref && (
          <li>
            <a href={model.announceHref}>{t('programme.page.announce')}</a>
          </li>
        )}
      </ul>
      {model.applied.length > 0 && (
        <>
          <h2 id="uwagi-z-konsultacji">{t('programme.page.appliedTitle')}</h2>
          <ul>
            {model.applied.map((a) => (
              <li key={a.receipt}>
                <a href={a.href}>{a.receipt}</a> — {a.label}
              </li>
            ))}
          </ul>
        </>
      )}
      {version.status === 'draft' && model.official && <p>{t('programme.page.draftNotice')}</p>}
      {model.official && version.status !== 'draft' && <p>{t(`programme.page.frozenNotice.${version.status}`)}</p>}
      {model.missing && model.missing.length > 0 && (
        <NotificationBanner
          kind="warning"
          title={t(model.missingFor === 'adopt' ? 'programme.page.missingAdoptTitle' : 'programme.page.missingTitle')}
        >
          <p>{t('programme.page.missingIntro')}</p>
          <ul>
            {model.missing.map((k) => (
              <li>
                <a href={`${base}/sekcje/${sectionSlugs[k]}`}>{t(`programme.elements.${k}`)}</a>
              </li>
            ))}
          </ul>
        </NotificationBanner>
      )}
      {model.editable && (
        <Form action={`${base}/gotowy`}>
          {lock}
          <p class="field__hint">{t('programme.page.readyHint')}</p>
          <Button variant="secondary">{t('programme.page.ready')}</Button>
        </Form>
      )}
      {model.canNewVersion && (
        <Form action={`${base}/nowa-wersja`}>
          {lock}
          <p class="field__hint">{t('programme.page.newVersionHint', { number: version.number })}</p>
          <Button variant="secondary">{t('programme.page.newVersion')}</Button>
        </Form>
      )}
      {model.canAdopt && (
        <section aria-labelledby="przyjecie">
          <h2 id="przyjecie">{t('programme.page.adoptTitle')}</h2>
          <p>{t('programme.page.adoptIntro')}</p>
          <Form action={`${base}/przyjecie`}>
            {lock}
            <TextField
              name="resolutionNumber"
              label={t('programme.page.resolutionNumber')}
              hint={t('programme.page.resolutionNumberHint')}
              value={form.values.resolutionNumber}
              error={errorFor(form, 'resolutionNumber')}
              width="half"
            />
            <TextField
              name="resolutionDate"
              label={t('programme.page.resolutionDate')}
              hint={t('programme.page.resolutionDateHint')}
              value={form.values.resolutionDate}
              error={errorFor(form, 'resolutionDate')}
              width="short"
            />
            <Button>{t('programme.page.adopt')}</Button>
          </Form>
        </section>
      )}
      {model.canPublish && (
        <Form action={`${base}/publikacja`}>
          {lock}
          <p class="field__hint">{t('programme.page.publishHint')}</p>
          <Button>{t('programme.page.publish')}</Button>
        </Form>
      )}
      <nav aria-labelledby="programme-contents">
        <h2 id="programme-contents">{t('programme.page.contents')}</h2>
        <ol>
          <li>
            <a href="#uchwala">{t('programme.elements.resolution')}</a>
          </li>
          {statutoryElements.map((k) => (
            <li>
              <a href={`#${sectionSlugs[k]}`}>{t(`programme.elements.${k}`)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="uchwala" class="resolution">
        <h2 id="uchwala">
          {version.status !== 'adopted' && version.status !== 'published' && <>{t('programme.page.draftMark')} — </>}
          {model.resolution.title}
        </h2>
        {editLink('resolution')}
        <p>{model.resolution.basis}</p>
        {model.resolution.paragraphs.map((p) => (
          <p>
            <strong>{p.label}</strong> {p.text}
          </p>
        ))}
      </section>
      <section aria-labelledby="zalacznik">
        <h2 id="zalacznik">{model.resolution.annex}</h2>
        <p>
          <strong>{model.title}</strong>
        </p>
        {statutoryElements.map((k, i) => (
          <section aria-labelledby={sectionSlugs[k]}>
            <h3 id={sectionSlugs[k]}>
              {t('programme.page.chapter', { number: i + 1 })} {t(`programme.elements.${k}`)}
            </h3>
            {editLink(k)}
            <ElementBody element={k} s={s} meetings={model.meetings} sphereLabels={model.sphereLabels} />
          </section>
        ))}
      </section>
    </Layout>
  );
}
