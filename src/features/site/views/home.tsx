import { useView } from '../../../ui/context.js';
import { ButtonLink } from '../../../ui/components/button.js';
import { Layout } from '../../../ui/layout.js';

/** The yearly cycle of cooperation (DOMAIN.md §8): what happens when, so visitors know what is next. */
const cycle = ['jan', 'feb', 'may', 'summer', 'sep', 'autumn', 'nov', 'dec'] as const;

export function HomePage() {
  const { t, settings, user } = useView();
  return (
    <Layout title={t('site.home.title')}>
      <h1>{t('site.home.heading', { municipality: settings.municipalityName })}</h1>
      <p class="lead">{t('site.home.lead')}</p>
      {!user && (
        <div class="actions">
          <ButtonLink href="/rejestracja" variant="primary">
            {t('site.home.signUp')}
          </ButtonLink>
          <ButtonLink href="/logowanie">{t('site.home.signIn')}</ButtonLink>
        </div>
      )}
      <h2>{t('site.home.whoHeading')}</h2>
      <ul class="cards">
        <li class="card">
          <h3 class="card__title">{t('site.home.who.residents.title')}</h3>
          <p>{t('site.home.who.residents.body')}</p>
        </li>
        <li class="card">
          <h3 class="card__title">{t('site.home.who.ngos.title')}</h3>
          <p>{t('site.home.who.ngos.body')}</p>
        </li>
        <li class="card">
          <h3 class="card__title">{t('site.home.who.office.title')}</h3>
          <p>{t('site.home.who.office.body', { office: settings.officeName })}</p>
        </li>
      </ul>
      <h2>{t('site.home.cycleHeading')}</h2>
      <ol class="timeline">
        {cycle.map((step) => (
          <li class="timeline__item">
            <span class="timeline__when">{t(`site.home.cycle.${step}.when`)}</span>
            <span class="timeline__what">{t(`site.home.cycle.${step}.what`)}</span>
          </li>
        ))}
      </ol>
    </Layout>
  );
}
