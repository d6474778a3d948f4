import type { ComponentChildren } from 'preact';
import { useView } from '../../../ui/context.js';
import { ButtonLink } from '../../../ui/components/button.js';
import { NotificationBanner } from '../../../ui/components/notification-banner.js';
import { Paragraphs } from '../../../ui/components/paragraphs.js';
import { Tag, type TagColour } from '../../../ui/components/tag.js';
import { Table } from '../../../ui/components/table.js';
import { Layout } from '../../../ui/layout.js';
import type { ConsultationPhase } from '../consultation-phase.js';
import type { Phrase } from '../consultation-time.js';

const phaseColour: Record<ConsultationPhase, TagColour> = { upcoming: 'yellow', open: 'green', ended: 'blue', closed: 'grey' };

function PhaseTag(props: { phase: ConsultationPhase }) {
  const { t } = useView();
  return <Tag colour={phaseColour[props.phase]}>{t(`consultation.phase.${props.phase}`)}</Tag>;
}

export interface ConsultationListModel {
  consultations: Array<{
    id: number;
    subject: string;
    years: string;
    period: Phrase;
    phase: ConsultationPhase;
    reportPublished: boolean;
  }>;
  /** Officials: versions sent to consultation that have no notice yet. */
  awaiting: Array<{ versionId: number; programmeId: number; title: string; years: string; number: number }> | null;
}

export function ConsultationListPage(props: { model: ConsultationListModel }) {
  const { t } = useView();
  const { model } = props;
  const title = t('consultation.title');
  return (
    <Layout title={title} breadcrumbs={[{ label: title }]} wide>
      <h1>{title}</h1>
      <p>{t('consultation.list.intro')}</p>
      {model.awaiting && model.awaiting.length > 0 && (
        <section aria-labelledby="do-ogloszenia">
          <h2 id="do-ogloszenia">{t('consultation.list.awaitingTitle')}</h2>
          <ul>
            {model.awaiting.map((v) => (
              <li>
                {t('consultation.list.awaitingItem', { title: v.title, years: v.years, number: v.number })}{' '}
                <a href={`/konsultacje/nowa?wersja=${v.versionId}`}>
                  {t('consultation.list.announce')}
                  <span class="visually-hidden"> {t('consultation.list.announceFor', { title: v.title, number: v.number })}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {model.consultations.length === 0 ? (
        <p>{t('consultation.list.empty')}</p>
      ) : (
        <Table
          caption={t('consultation.list.caption')}
          columns={[
            { label: t('consultation.list.subject') },
            { label: t('consultation.list.years') },
            { label: t('consultation.list.period') },
            { label: t('consultation.list.phase') },
            { label: t('consultation.list.report') },
          ]}
          rowHeader
          rows={model.consultations.map((c) => [
            <a href={`/konsultacje/${c.id}`}>{c.subject}</a>,
            c.years,
            t(c.period.key, c.period.params),
            <PhaseTag phase={c.phase} />,
            c.reportPublished ? (
              <a href={`/konsultacje/${c.id}/sprawozdanie`}>
                {t('consultation.page.report')}
                <span class="visually-hidden"> — {c.subject}</span>
              </a>
            ) : (
              t('consultation.list.noReport')
            ),
          ])}
        />
      )}
    </Layout>
  );
}

export interface DraftChapter {
  /** `resolution` or a statutory element key (the heading comes from the programme's catalogue). */
  element: string;
  /** 0 for the resolution, 1–11 for the statutory chapters. */
  number: number;
  provisions: Array<{ key: string; anchor: string; label: string; wording: string }>;
}

export interface ConsultationPageModel {
  id: number;
  subject: string;
  legalBasis: string;
  participants: string;
  residentsAllowed: boolean;
  forms: string[];
  whereToSubmit: string;
  responsibleUnit: string;
  period: Phrase;
  phase: ConsultationPhase;
  timeLeft: Phrase;
  programme: { id: number; title: string; years: string; versionNumber: number };
  chapters: DraftChapter[];
  signedIn: boolean;
  official: boolean;
  /** Officials: the consultation ends on or after the day the council must adopt the programme by. */
  lateForAdoption: { year: number; by: string; end: string } | null;
  reportPublished: boolean;
}

export function ConsultationPage(props: { model: ConsultationPageModel }) {
  const { t } = useView();
  const { model } = props;
  const base = `/konsultacje/${model.id}`;
  const open = model.phase === 'open';
  const row = (label: string, value: ComponentChildren) => (
    <div class="summary-list__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <Layout
      title={model.subject}
      breadcrumbs={[{ label: t('consultation.title'), href: '/konsultacje' }, { label: model.subject }]}
    >
      <h1>{model.subject}</h1>
      <p class="lead">
        <PhaseTag phase={model.phase} /> <strong>{t(model.timeLeft.key, model.timeLeft.params)}</strong>
      </p>
      {open && (
        <div class="actions">
          <ButtonLink href={`${base}/uwagi/nowa`} variant="primary">
            {t('consultation.page.comment')}
          </ButtonLink>
          <ButtonLink href={`${base}/zadania/nowe`}>{t('consultation.page.proposeTask')}</ButtonLink>
          {model.signedIn && <a href={`${base}/moje`}>{t('consultation.page.mine')}</a>}
        </div>
      )}
      {!open && model.signedIn && model.phase !== 'upcoming' && (
        <p>
          <a href={`${base}/moje`}>{t('consultation.page.mine')}</a>
        </p>
      )}
      {model.reportPublished && (
        <section aria-labelledby="sprawozdanie">
          <h2 id="sprawozdanie">{t('consultation.page.reportTitle')}</h2>
          <ul class="link-list">
            <li>
              <a href={`${base}/sprawozdanie`}>{t('consultation.page.report')}</a>
            </li>
            <li>
              <a href={`${base}/sprawozdanie.pdf`}>{t('consultation.page.reportPdf')}</a>
            </li>
            <li>
              <a href={`${base}/sprawozdanie.docx`}>{t('consultation.page.reportDocx')}</a>
            </li>
          </ul>
        </section>
      )}
      {model.official && (
        <nav aria-labelledby="dla-urzednikow">
          <h2 id="dla-urzednikow">{t('consultation.page.officialTitle')}</h2>
          {model.lateForAdoption && (
            <NotificationBanner kind="warning" title={t('consultation.page.lateTitle')}>
              <p>{t('consultation.page.lateForAdoption', model.lateForAdoption)}</p>
            </NotificationBanner>
          )}
          <ul class="link-list">
            {(model.phase === 'upcoming' || open) && (
              <li>
                <a href={`${base}/ogloszenie`}>{t('consultation.page.editNotice')}</a>
              </li>
            )}
            <li>
              <a href={`${base}/odpowiedzi`}>{t('consultation.page.answers')}</a>
            </li>
            <li>
              <a href={`${base}/zgloszenia/papierowe`}>{t('consultation.page.paper')}</a>
            </li>
          </ul>
        </nav>
      )}
      <section aria-labelledby="ogloszenie">
        <h2 id="ogloszenie">{t('consultation.page.noticeTitle')}</h2>
        <dl class="summary-list">
          {row(t('consultation.notice.fields.subject'), model.subject)}
          {row(t('consultation.notice.fields.legalBasis'), <Paragraphs text={model.legalBasis} />)}
          {row(
            t('consultation.notice.fields.participants'),
            <>
              <Paragraphs text={model.participants} />
              {model.residentsAllowed && <p>{t('consultation.page.residentsToo')}</p>}
            </>,
          )}
          {row(t('consultation.page.periodLabel'), t(model.period.key, model.period.params))}
          {row(t('consultation.notice.fields.forms'), model.forms.map((f) => t(`consultation.forms.${f}`)).join(', '))}
          {row(t('consultation.notice.fields.whereToSubmit'), <Paragraphs text={model.whereToSubmit} />)}
          {row(t('consultation.notice.fields.responsibleUnit'), model.responsibleUnit)}
          {row(
            t('consultation.page.draftLabel'),
            <>
              <a href="#projekt">{t('consultation.page.draftLink')}</a> (
              <a href={`/program-wspolpracy/${model.programme.id}`}>
                {t('consultation.page.programmeLink', { title: model.programme.title, years: model.programme.years })}
              </a>
              )
            </>,
          )}
        </dl>
      </section>
      <section aria-labelledby="projekt">
        <h2 id="projekt">{t('consultation.page.draftTitle', { number: model.programme.versionNumber })}</h2>
        {open && <p>{t('consultation.page.draftHint')}</p>}
        <div
          {...(open
            ? {
                'data-comment-selection': `${base}/uwagi/nowa`,
                'data-comment-selection-label': t('consultation.page.commentSelection'),
              }
            : {})}
        >
          {model.chapters.map((chapter) => (
            <section aria-labelledby={`rozdzial-${chapter.element}`}>
              <h3 id={`rozdzial-${chapter.element}`}>
                {chapter.number === 0
                  ? t('programme.elements.resolution')
                  : t('consultation.page.chapter', { number: chapter.number, name: t(`programme.elements.${chapter.element}`) })}
              </h3>
              {chapter.provisions.map((p) => (
                <div id={p.anchor} class="provision">
                  <p class="muted">{p.label}</p>
                  <Paragraphs text={p.wording} />
                  {open && (
                    <p>
                      <a href={`${base}/uwagi/nowa?zapis=${encodeURIComponent(p.key)}`}>
                        {t('consultation.page.commentProvision')}
                        <span class="visually-hidden"> ({p.label})</span>
                      </a>
                    </p>
                  )}
                </div>
              ))}
            </section>
          ))}
        </div>
      </section>
    </Layout>
  );
}
