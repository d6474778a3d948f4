/**
 * The page frame: skip link, header with the municipality and office from the settings, main
 * navigation, one `main` landmark holding the page's single h1, and the footer linking the
 * accessibility statement, the privacy notice and the contact page.
 */
import type { ComponentChildren } from 'preact';
import { useView } from './context.js';
import { Breadcrumbs, type Crumb } from './components/breadcrumbs.js';
import { NotificationBanner } from './components/notification-banner.js';

export interface PageMeta {
  /** The page's summary for search engines and link previews (meta description, og:description). */
  description: string;
  /** The canonical absolute URL (og:url). */
  url: string;
  type?: 'website' | 'profile' | 'article';
}

export function Layout(props: {
  title: string;
  children: ComponentChildren;
  breadcrumbs?: Crumb[];
  wide?: boolean;
  meta?: PageMeta;
}) {
  const view = useView();
  const { t, settings, user, language, path, nonce } = view;
  const switchTo = language === 'pl' ? 'en' : 'pl';
  const nav: Array<{ href: string; label: string; show: boolean }> = [
    { href: '/', label: t('layout.nav.home'), show: true },
    { href: '/organizacje', label: t('layout.nav.organizations'), show: true },
    { href: '/spotkania', label: t('meetings.nav'), show: true },
    { href: '/program-wspolpracy', label: t('programme.nav'), show: true },
    { href: '/konsultacje', label: t('consultation.nav'), show: true },
    { href: '/konto', label: t('layout.nav.account'), show: user !== null },
    { href: '/admin', label: t('layout.nav.admin'), show: user?.isAdministrator === true },
  ];
  // Wide pages (tables) widen the header, navigation and footer too, so their edges line up.
  const container = props.wide ? 'container container--wide' : 'container';
  const isCurrent = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${settings.municipalityName} · Wspólnie`}</title>
        {props.meta && (
          <>
            <meta name="description" content={props.meta.description} />
            <link rel="canonical" href={props.meta.url} />
            <meta property="og:type" content={props.meta.type ?? 'website'} />
            <meta property="og:title" content={props.title} />
            <meta property="og:description" content={props.meta.description} />
            <meta property="og:url" content={props.meta.url} />
            <meta property="og:site_name" content={`${settings.municipalityName} · Wspólnie`} />
            <meta property="og:locale" content={language === 'pl' ? 'pl_PL' : 'en_GB'} />
          </>
        )}
        <link rel="stylesheet" href="/assets/styles.css" />
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <script src="/assets/app.js" defer nonce={nonce} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipLink')}
        </a>
        <header class="site-header">
          <div class={`${container} site-header__inner`}>
            <a class="site-header__brand" href="/">
              <img class="site-header__logo" src="/logo" alt="" width={48} height={48} />
              <span class="site-header__names">
                <span class="site-header__municipality">{settings.municipalityName}</span>
                <span class="site-header__office">{settings.officeName}</span>
              </span>
            </a>
            <div class="site-header__tools">
              <a
                class="site-header__language"
                href={`/jezyk/${switchTo}?wroc=${encodeURIComponent(view.url)}`}
                lang={switchTo}
                hreflang={switchTo}
              >
                {t('layout.switchLanguage')}
              </a>
              {user ? (
                <form class="site-header__signout" action="/wyloguj" method="post">
                  <input type="hidden" name="_csrf" value={view.csrfToken} />
                  <span class="site-header__user">{user.displayName}</span>
                  {user.memberOfOrganizations > 0 && (
                    <a class="site-header__acting" href="/konto/w-imieniu">
                      {user.actingOrganization
                        ? t('layout.actingFor', { organization: user.actingOrganization.name })
                        : t('layout.chooseActingFor')}
                    </a>
                  )}
                  <button class="link-button" type="submit">
                    {t('layout.signOut')}
                  </button>
                </form>
              ) : (
                <span class="site-header__account">
                  <a href="/logowanie">{t('layout.signIn')}</a>
                  <a href="/rejestracja">{t('layout.signUp')}</a>
                </span>
              )}
            </div>
          </div>
          <nav class="site-nav" aria-label={t('layout.nav.label')}>
            <ul class={`${container} site-nav__list`}>
              {nav
                .filter((n) => n.show)
                .map((n) => (
                  <li>
                    <a class="site-nav__link" href={n.href} aria-current={isCurrent(n.href) ? 'page' : undefined}>
                      {n.label}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
        </header>
        <div class={container}>
          {props.breadcrumbs && <Breadcrumbs items={props.breadcrumbs} />}
          <main id="main" class="main" tabindex={-1}>
            {view.flash && (
              <NotificationBanner kind={view.flash.kind}>
                <p>{view.flash.message}</p>
              </NotificationBanner>
            )}
            {props.children}
          </main>
        </div>
        <footer class="site-footer">
          <div class={container}>
            <h2 class="visually-hidden">{t('layout.footer.heading')}</h2>
            <ul class="site-footer__links">
              <li>
                <a href="/deklaracja-dostepnosci">{t('layout.footer.accessibility')}</a>
              </li>
              <li>
                <a href="/polityka-prywatnosci">{t('layout.footer.privacy')}</a>
              </li>
              <li>
                <a href="/kontakt">{t('layout.footer.contact')}</a>
              </li>
              <li>
                <a href="/otwarte-dane">{t('openData.footerLink')}</a>
              </li>
            </ul>
            <p class="site-footer__meta">
              {settings.officeName}, {settings.municipalityName}. {t('layout.footer.software')}
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
