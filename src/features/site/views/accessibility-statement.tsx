/**
 * Deklaracja dostępności with the element ids required by the technical conditions (DOMAIN.md §5.1):
 * a11y-wstep, -podmiot, -zakres, -url, -data-publikacja, -data-aktualizacja, -status, -kontakt,
 * -email, -telefon, -procedura, -data-sporzadzenie, -architektura, -komunikacja, and the
 * conditional -data-przeglad, -ocena, -aplikacje.
 */
import { useView } from '../../../ui/context.js';
import { Paragraphs } from '../../../ui/components/paragraphs.js';
import { Layout } from '../../../ui/layout.js';
import type { SiteSettings } from '../../settings/settings.schema.js';

interface DateView {
  iso: string;
  text: string;
}

export interface AccessibilityStatementModel {
  settings: SiteSettings;
  publishedOn: DateView;
  updatedOn: DateView;
  preparedOn: DateView;
  reviewedOn: DateView | null;
  url: string;
}

export function AccessibilityStatementPage({ model }: { model: AccessibilityStatementModel }) {
  const { t } = useView();
  const s = model.settings;
  const k = (key: string) => t(`site.a11y.${key}`);
  return (
    <Layout title={k('title')}>
      <h1>{k('title')}</h1>
      <p id="a11y-wstep">
        <span id="a11y-podmiot">{s.officeName}</span> {k('introCommitment')} <span id="a11y-zakres">{k('scope')}</span>{' '}
        {k('introLaw')} {k('introApplies')}{' '}
        <a id="a11y-url" href={model.url}>
          {model.url}
        </a>
        .
      </p>
      <ul>
        <li>
          {k('publishedOn')}:{' '}
          <time id="a11y-data-publikacja" datetime={model.publishedOn.iso}>
            {model.publishedOn.text}
          </time>
        </li>
        <li>
          {k('updatedOn')}:{' '}
          <time id="a11y-data-aktualizacja" datetime={model.updatedOn.iso}>
            {model.updatedOn.text}
          </time>
        </li>
      </ul>
      <h2>{k('statusHeading')}</h2>
      <p id="a11y-status">{k(`status.${s.a11yStatus}`)}</p>
      {s.a11yNonAccessibleContent && <Paragraphs text={s.a11yNonAccessibleContent} />}
      <h2>{k('preparationHeading')}</h2>
      <p>
        {k('preparedOn')}:{' '}
        <time id="a11y-data-sporzadzenie" datetime={model.preparedOn.iso}>
          {model.preparedOn.text}
        </time>
        .
        {model.reviewedOn && (
          <>
            {' '}
            {k('reviewedOn')}:{' '}
            <time id="a11y-data-przeglad" datetime={model.reviewedOn.iso}>
              {model.reviewedOn.text}
            </time>
            .
          </>
        )}
      </p>
      <p id="a11y-ocena">{k('selfAssessment')}</p>
      <h2>{k('feedbackHeading')}</h2>
      <p>
        {k('feedbackIntro')} <span id="a11y-kontakt">{s.a11yContactPerson}</span>, {k('email')}:{' '}
        <a id="a11y-email" href={`mailto:${s.a11yContactEmail}`}>
          {s.a11yContactEmail}
        </a>
        , {k('phone')}: <span id="a11y-telefon">{s.a11yContactPhone}</span>. {k('feedbackSame')}
      </p>
      <div id="a11y-procedura">
        <h2>{k('procedureHeading')}</h2>
        <p>{k('procedure1')}</p>
        <p>{k('procedure2')}</p>
        <p>{k('procedure3')}</p>
      </div>
      <h2>{k('architectureHeading')}</h2>
      <Paragraphs id="a11y-architektura" text={s.a11yBuildingAccessibility || k('notProvided')} />
      <h2>{k('communicationHeading')}</h2>
      <Paragraphs id="a11y-komunikacja" text={s.a11yCommunication || k('notProvided')} />
      {s.a11yMobileApps && (
        <>
          <h2>{k('appsHeading')}</h2>
          <Paragraphs id="a11y-aplikacje" text={s.a11yMobileApps} />
        </>
      )}
    </Layout>
  );
}
