/**
 * Every GET page, as each role sees it: zero axe violations (WCAG 2.1 A/AA) at 1280×800 and at
 * 320×640, no horizontal scrolling at either width, exactly one h1 and one main landmark, the h1 and
 * the main content present with JavaScript switched off, and the server's HTML valid for the Nu
 * checker. Also the error state of a form, the English version, and the accessibility statement's
 * mandatory ids (DOMAIN.md §5.1).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lastDocumentResponse, launchBrowser, navigation, newContext, signInAs, visit } from './support/browser.js';
import { PageChecks } from './support/checks.js';
import { demo, startServer, type RunningServer } from './support/server.js';

interface PageCase {
  label: string;
  /** The path to open, or how to reach the page (a form submission). Returns the document status. */
  open: string | ((page: Page) => Promise<number>);
  /** How a page opened by a function is reached, for the test's name. */
  via?: string;
  status: number;
  /** The page's language (html lang); Polish unless told. */
  lang?: 'en';
}

interface RoleGroup {
  role: string;
  email: string | null;
  cases: PageCase[];
}

const checks = new PageChecks(import.meta.url);
let server: RunningServer;
let browser: Browser;
/** The outbox entry opened by the administrator, created in the administrator group's set-up. */
let mailPath = '';

const url = (path: string) => `${server.baseUrl}${path}`;

/** Opens a form and submits it untouched: the page with the error summary and the fields' errors. */
function submitEmpty(path: string): (page: Page) => Promise<number> {
  return async (page) => {
    await visit(page, url(path));
    await navigation(page, () => page.click('main form button[type="submit"]'));
    assert.equal(new URL(page.url()).pathname, path);
    assert.ok(await page.locator('.error-summary').isVisible(), `no error summary after an empty submission of ${path}`);
    return lastDocumentResponse(page)?.status() ?? 0;
  };
}

/** The profile of the first organisation the public directory lists (the demo seeds verified ones). */
async function openFirstOrganisation(page: Page): Promise<number> {
  await visit(page, url('/organizacje'));
  const href = await page.locator('main a[href^="/organizacje/"]:not([href="/organizacje/nowa"])').first().getAttribute('href');
  assert.ok(href, 'the directory lists no organisation');
  return visit(page, url(href));
}

/** The protocol of the demo meeting of 16 July 2018 (published minutes): the first meeting id whose protocol names its place. */
async function openDemoProtocol(page: Page): Promise<number> {
  for (let id = 1; id <= 20; id++) {
    const status = await visit(page, url(`/spotkania/${id}/protokol`));
    if (status === 200 && (await page.locator('main').innerText()).includes('Park Jonstona')) return status;
  }
  assert.fail('no published protocol of the demo meeting among the first 20 meetings');
}

let workDemoPath = '';

/** The demo meeting of 16 July 2018 (its published protocol names its place), found once. */
async function findWorkDemo(page: Page): Promise<string> {
  if (workDemoPath) return workDemoPath;
  for (let id = 1; id <= 20; id++) {
    const status = await visit(page, url(`/spotkania/${id}/protokol`));
    if (status === 200 && (await page.locator('main').innerText()).includes('Park Jonstona')) {
      workDemoPath = `/spotkania/${id}`;
      return workDemoPath;
    }
  }
  assert.fail('no published protocol of the demo meeting among the first 20 meetings');
}

/** An official's page of the demo meeting's working part (groups, ideas, outcomes, minutes). */
function openWorkDemo(suffix: string): (page: Page) => Promise<number> {
  return async (page) => visit(page, url(`${await findWorkDemo(page)}/${suffix}`));
}

/** Follows the first link of a demo meeting's page whose path matches (e.g. one table's edit page). */
function openDemoLink(suffix: string, pattern: RegExp): (page: Page) => Promise<number> {
  return async (page) => {
    await visit(page, url(`${await findWorkDemo(page)}/${suffix}`));
    const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const href = hrefs.find((h) => pattern.test(h));
    assert.ok(href, `no link matching ${pattern} on ${suffix}`);
    return visit(page, url(href));
  };
}

/** Submits one form of a demo meeting's page untouched: the page with its error summary. */
function submitDemoForm(suffix: string, form: string): (page: Page) => Promise<number> {
  return async (page) => {
    const path = `${await findWorkDemo(page)}/${suffix}`;
    await visit(page, url(path));
    await navigation(page, () => page.click(`main ${form} button[type="submit"]`));
    assert.equal(new URL(page.url()).pathname, path);
    assert.ok(await page.locator('.error-summary').isVisible(), `no error summary after an empty submission on ${path}`);
    return lastDocumentResponse(page)?.status() ?? 0;
  };
}

/** Captures a typed idea at the demo meeting, then opens its page (categorise, merge, promote). */
async function captureDemoIdea(page: Page): Promise<number> {
  const path = `${await findWorkDemo(page)}/pomysly`;
  await visit(page, url(path));
  await page.fill('#f-text', 'Wspólny kalendarz wydarzeń organizacji');
  await navigation(page, () => page.click('main form[enctype="multipart/form-data"] button[type="submit"]'));
  const hrefs = await page.locator('main .card a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.filter((h) => /\/pomysly\/\d+$/.test(h)).pop();
  assert.ok(href, 'the captured idea is not listed');
  return visit(page, url(href));
}

/** The first meeting the public list links to (the demo seeds the meeting of 16 July 2018). */
async function openFirstMeeting(page: Page): Promise<number> {
  await visit(page, url('/spotkania'));
  const href = await page.locator('main .result__title a[href^="/spotkania/"]').first().getAttribute('href');
  assert.ok(href, 'the meeting list links to no meeting');
  return visit(page, url(href));
}

/** The meeting the official's cases create through the form (a draft), for its management pages. */
let meetingPath = '';
let meetingsCreated = 0;

/** Creates a draft meeting through the form: the answer is its agenda page. */
async function createMeeting(page: Page): Promise<number> {
  meetingsCreated += 1;
  await visit(page, url('/spotkania/nowe'));
  await page.fill('#f-topic', `Spotkanie sprawdzające strony ${meetingsCreated}`);
  await page.fill('#f-date', '2030-09-15');
  await page.fill('#f-startTime', '10:00');
  await page.fill('#f-endTime', '12:00');
  await page.fill('#f-place', 'Ratusz, sala sesyjna');
  await page.fill('#f-hostName', 'Anna Szymańska');
  await navigation(page, () => page.click('main form[action="/spotkania/nowe"] button[type="submit"]'));
  const path = new URL(page.url()).pathname;
  assert.match(path, /^\/spotkania\/\d+\/program$/, 'creating a meeting leads to its agenda');
  meetingPath = path.replace(/\/program$/, '');
  return lastDocumentResponse(page)?.status() ?? 0;
}

let imports = 0;

/** Uploads a CSV with one new organisation and one bad row: the dry run's report, or the result of committing it. */
function importCsv(commit: boolean): (page: Page) => Promise<number> {
  return async (page) => {
    imports += 1;
    const csv = `nazwa;forma_prawna;krs;sfery\r\nFundacja Sprawdzająca Import ${imports};fundacja;${9_870_000_000 + imports};16\r\nWiersz bez numeru;fundacja;;16\r\n`;
    await visit(page, url('/organizacje/import'));
    await page.setInputFiles('#f-plik', { name: 'organizacje.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await navigation(page, () => page.click('main form[enctype="multipart/form-data"] button[type="submit"]'));
    assert.match(new URL(page.url()).pathname, /^\/organizacje\/import\/\d+$/, 'the upload leads to the dry run');
    if (commit) await navigation(page, () => page.click('main form[action$="/zatwierdz"] button[type="submit"]'));
    return lastDocumentResponse(page)?.status() ?? 0;
  };
}

/** A page of the demo's 2019 programme (its newest version a draft after the consultation), found through the programmes list. */
function openDemoProgramme(suffix = ''): (page: Page) => Promise<number> {
  return async (page) => {
    await visit(page, url('/program-wspolpracy'));
    const href = await page
      .locator('main table a[href^="/program-wspolpracy/"]', { hasText: 'na rok 2019' })
      .first()
      .getAttribute('href');
    assert.ok(href, 'the programmes list links to no programme for 2019');
    return visit(page, url(`${href}${suffix}`));
  };
}

/** The demo programme's element 10 after "Wygeneruj z danych platformy": the text written, not yet saved. */
async function generateCreationText(page: Page): Promise<number> {
  await openDemoProgramme('/sekcje/tworzenie')(page);
  await navigation(page, () => page.click('main form[action$="/sekcje/tworzenie/generuj"] button[type="submit"]'));
  return lastDocumentResponse(page)?.status() ?? 0;
}

let emptyProgrammes = 0;

/** Creates an empty programme through the form and marks it ready: refused (409), naming the empty elements. */
async function refuseReadiness(page: Page): Promise<number> {
  emptyProgrammes += 1;
  await visit(page, url('/program-wspolpracy/nowy'));
  await page.fill('#f-yearFrom', String(2040 + emptyProgrammes));
  await page.check('input[name="start"][value="empty"]');
  await navigation(page, () => page.click('main form[action="/program-wspolpracy/nowy"] button[type="submit"]'));
  assert.match(new URL(page.url()).pathname, /^\/program-wspolpracy\/\d+$/, 'creating a programme leads to its page');
  await navigation(page, () => page.click('main form[action$="/gotowy"] button[type="submit"]'));
  return lastDocumentResponse(page)?.status() ?? 0;
}

/** The paths of the demo's two consultations (open: next year's; closed: 2019's), found once through /konsultacje. */
const consultationPaths = { open: '', closed: '' };

async function findConsultation(page: Page, which: 'open' | 'closed'): Promise<string> {
  if (consultationPaths[which]) return consultationPaths[which];
  await visit(page, url('/konsultacje'));
  const row = page.locator('main table tbody tr', { hasText: which === 'open' ? 'trwają' : 'zamknięte' }).first();
  const href = await row.locator('a[href^="/konsultacje/"]').first().getAttribute('href');
  assert.ok(href && /^\/konsultacje\/\d+$/.test(href), `the consultations list links to no ${which} consultation`);
  consultationPaths[which] = href;
  return href;
}

/** A page of one of the demo's consultations. */
function openConsultation(which: 'open' | 'closed', suffix = ''): (page: Page) => Promise<number> {
  return async (page) => visit(page, url(`${await findConsultation(page, which)}${suffix}`));
}

/** Follows the first link of a consultation's page whose path matches (e.g. one submission). */
function openConsultationLink(which: 'open' | 'closed', suffix: string, pattern: RegExp): (page: Page) => Promise<number> {
  return async (page) => {
    await visit(page, url(`${await findConsultation(page, which)}${suffix}`));
    const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    const href = hrefs.find((h) => pattern.test(h));
    assert.ok(href, `no link matching ${pattern} on ${suffix}`);
    return visit(page, url(href));
  };
}

/** The comment form on the open consultation's main goal, sent (or sent empty: the form with its errors). */
function sendComment(filled: boolean): (page: Page) => Promise<number> {
  return async (page) => {
    const consultation = await findConsultation(page, 'open');
    await visit(page, url(`${consultation}/uwagi/nowa?zapis=goals.main`));
    if (filled) await page.fill('#f-proposedWording', 'Budowanie Aktywnego Obywatelskiego Leszna razem z mieszkańcami');
    await navigation(page, () => page.click('main form button[name="action"][value="send"]'));
    const path = new URL(page.url()).pathname;
    if (filled) assert.match(path, /^\/konsultacje\/\d+\/zgloszenia\/\d+$/, 'sending a comment leads to its receipt');
    else {
      assert.equal(path, `${consultation}/uwagi/nowa`);
      assert.ok(await page.locator('.error-summary').isVisible(), 'no error summary after sending an empty comment');
    }
    return lastDocumentResponse(page)?.status() ?? 0;
  };
}

/**
 * The notice form for a new version in consultation: a programme for 2020 started from the 2019 one
 * (complete, so it can be marked ready), marked ready, then "announce" from the consultations list.
 */
async function openNoticeForm(page: Page): Promise<number> {
  await visit(page, url('/program-wspolpracy/nowy'));
  await page.fill('#f-yearFrom', '2020');
  await page.check('input[name="start"][value="previous"]');
  await navigation(page, () => page.click('main form[action="/program-wspolpracy/nowy"] button[type="submit"]'));
  assert.match(new URL(page.url()).pathname, /^\/program-wspolpracy\/\d+$/, 'creating a programme leads to its page');
  await navigation(page, () => page.click('main form[action$="/gotowy"] button[type="submit"]'));
  await visit(page, url('/konsultacje'));
  const href = await page.locator('main a[href^="/konsultacje/nowa?wersja="]').first().getAttribute('href');
  assert.ok(href, 'the consultations list offers no version to announce');
  return visit(page, url(href));
}

const groups: RoleGroup[] = [
  {
    role: 'visitor',
    email: null,
    cases: [
      { label: 'home', open: '/', status: 200 },
      { label: 'sign-in', open: '/logowanie', status: 200 },
      { label: 'sign-up', open: '/rejestracja', status: 200 },
      {
        label: 'sign-up with errors',
        open: submitEmpty('/rejestracja'),
        via: 'POST /rejestracja, all fields empty',
        status: 400,
      },
      { label: 'password reminder', open: '/haslo/przypomnij', status: 200 },
      { label: 'resend confirmation', open: '/potwierdz-email/ponow', status: 200 },
      { label: 'check mail after sign-up', open: '/rejestracja/sprawdz-poczte', status: 200 },
      { label: 'check mail after reset', open: '/haslo/sprawdz-poczte', status: 200 },
      { label: 'invalid reset link', open: '/haslo/nowe?token=bad', status: 400 },
      { label: 'accessibility statement', open: '/deklaracja-dostepnosci', status: 200 },
      { label: 'privacy notice', open: '/polityka-prywatnosci', status: 200 },
      { label: 'contact', open: '/kontakt', status: 200 },
      { label: 'open data', open: '/otwarte-dane', status: 200 },
      { label: 'component gallery', open: '/komponenty', status: 200 },
      { label: 'organisation directory', open: '/organizacje', status: 200 },
      { label: 'directory search', open: '/organizacje?q=spol', status: 200 },
      { label: 'directory facets', open: '/organizacje?sfera=16&opp=1', status: 200 },
      { label: 'directory search without results', open: '/organizacje?q=xyzzy', status: 200 },
      {
        label: 'organisation profile',
        open: openFirstOrganisation,
        via: '/organizacje/<slug of the first verified organisation>',
        status: 200,
      },
      { label: 'meetings', open: '/spotkania', status: 200 },
      { label: 'meeting page', open: openFirstMeeting, via: '/spotkania/<id of the first meeting listed>', status: 200 },
      { label: 'meeting protocol', open: openDemoProtocol, via: '/spotkania/<id of the demo meeting>/protokol', status: 200 },
      { label: 'programmes of cooperation', open: '/program-wspolpracy', status: 200 },
      {
        label: 'programme versions',
        open: openDemoProgramme('/wersje'),
        via: '/program-wspolpracy/<demo id>/wersje',
        status: 200,
      },
      { label: 'consultations', open: '/konsultacje', status: 200 },
      { label: 'open consultation', open: openConsultation('open'), via: '/konsultacje/<open demo id>', status: 200 },
      { label: 'closed consultation', open: openConsultation('closed'), via: '/konsultacje/<closed demo id>', status: 200 },
      {
        label: 'consultation report',
        open: openConsultation('closed', '/sprawozdanie'),
        via: '/konsultacje/<closed demo id>/sprawozdanie',
        status: 200,
      },
      { label: 'not found', open: '/nie-ma-takiej-strony', status: 404 },
      // Last: the language cookie it sets stays in the visitor's contexts.
      { label: 'home in English', open: '/jezyk/en?wroc=/', status: 200, lang: 'en' },
    ],
  },
  {
    role: 'NGO member',
    email: demo.ngoMember,
    cases: [
      { label: 'account', open: '/konto', status: 200 },
      { label: 'change password', open: '/konto/haslo', status: 200 },
      { label: 'sessions', open: '/konto/sesje', status: 200 },
      { label: 'personal data', open: '/konto/dane', status: 200 },
      { label: 'delete account', open: '/konto/usun', status: 200 },
      { label: 'acting on behalf of', open: '/konto/w-imieniu', status: 200 },
      { label: 'register an organisation', open: '/organizacje/nowa', status: 200 },
      { label: 'own organisation profile', open: '/organizacje/krokus', status: 200 },
      { label: 'members of own organisation', open: '/organizacje/krokus/czlonkowie', status: 200 },
      { label: 'edit own organisation', open: '/organizacje/krokus/edycja', status: 200 },
      { label: 'logo of own organisation', open: '/organizacje/krokus/logo', status: 200 },
      {
        label: 'logo of own organisation with errors',
        open: submitEmpty('/organizacje/krokus/logo'),
        via: 'POST /organizacje/krokus/logo, no file chosen',
        status: 400,
      },
      {
        label: 'register an organisation with errors',
        open: submitEmpty('/organizacje/nowa'),
        via: 'POST /organizacje/nowa, all fields empty',
        status: 400,
      },
      {
        label: 'comment form',
        open: openConsultation('open', '/uwagi/nowa?zapis=goals.main'),
        via: '/konsultacje/<open demo id>/uwagi/nowa?zapis=goals.main',
        status: 200,
      },
      {
        label: 'comment form with errors',
        open: sendComment(false),
        via: 'POST /konsultacje/<open demo id>/uwagi/nowa, no proposed wording',
        status: 400,
      },
      {
        label: 'comment sent, with its receipt',
        open: sendComment(true),
        via: 'POST /konsultacje/<open demo id>/uwagi/nowa → /zgloszenia/<id>',
        status: 200,
      },
      {
        label: 'task proposal form',
        open: openConsultation('open', '/zadania/nowe'),
        via: '/konsultacje/<open demo id>/zadania/nowe',
        status: 200,
      },
      {
        label: 'my submissions',
        open: openConsultation('closed', '/moje'),
        via: '/konsultacje/<closed demo id>/moje',
        status: 200,
      },
      {
        label: 'a sent submission',
        open: openConsultationLink('closed', '/moje', /\/zgloszenia\/\d+$/),
        via: '/konsultacje/<closed demo id>/zgloszenia/<id>',
        status: 200,
      },
      // The demo meeting is over: the registration page says registration is closed.
      { label: 'meeting registration, closed', open: openWorkDemo('zapisy'), via: '/spotkania/<demo id>/zapisy', status: 200 },
    ],
  },
  {
    role: 'official',
    email: demo.official,
    cases: [
      { label: 'administration refused', open: '/admin', status: 403 },
      { label: 'organisations awaiting verification', open: '/organizacje?stan=weryfikacja', status: 200 },
      { label: 'office actions for an organisation', open: '/organizacje/krokus/urzad', status: 200 },
      { label: 'stale organisation profiles', open: '/organizacje/nieaktualne', status: 200 },
      { label: 'organisation import', open: '/organizacje/import', status: 200 },
      {
        label: 'organisation import with errors',
        open: submitEmpty('/organizacje/import'),
        via: 'POST /organizacje/import, no file chosen',
        status: 400,
      },
      { label: 'organisation import dry run', open: importCsv(false), via: '/organizacje/import/<id>', status: 200 },
      { label: 'organisation import result', open: importCsv(true), via: '/organizacje/import/<id>/wynik', status: 200 },
      { label: 'meetings with drafts', open: '/spotkania', status: 200 },
      { label: 'new meeting', open: '/spotkania/nowe', status: 200 },
      {
        label: 'new meeting with errors',
        open: submitEmpty('/spotkania/nowe'),
        via: 'POST /spotkania/nowe, topic and times empty',
        status: 400,
      },
      { label: 'meeting agenda', open: createMeeting, via: 'POST /spotkania/nowe → /spotkania/<id>/program', status: 200 },
      {
        label: 'draft meeting with the management box',
        open: (page) => visit(page, url(meetingPath)),
        via: '/spotkania/<id of the meeting created above>',
        status: 200,
      },
      {
        label: 'edit meeting',
        open: (page) => visit(page, url(`${meetingPath}/edycja`)),
        via: '/spotkania/<id>/edycja',
        status: 200,
      },
      {
        label: 'meeting attachments',
        open: (page) => visit(page, url(`${meetingPath}/zalaczniki`)),
        via: '/spotkania/<id>/zalaczniki',
        status: 200,
      },
      { label: 'meeting registrations', open: openWorkDemo('zgloszenia'), via: '/spotkania/<demo id>/zgloszenia', status: 200 },
      { label: 'attendance list', open: openWorkDemo('obecnosc'), via: '/spotkania/<demo id>/obecnosc', status: 200 },
      {
        label: 'attendance list with errors',
        open: submitDemoForm('obecnosc', 'form:has(input[name="action"][value="walk-in"])'),
        via: 'POST /spotkania/<demo id>/obecnosc, empty walk-in',
        status: 400,
      },
      { label: 'group work', open: openWorkDemo('grupy'), via: '/spotkania/<demo id>/grupy', status: 200 },
      {
        label: 'group work with errors',
        open: submitDemoForm('grupy', `form[action$="/grupy"]`),
        via: 'POST /spotkania/<demo id>/grupy, table name empty',
        status: 400,
      },
      {
        label: 'edit a table',
        open: openDemoLink('grupy', /\/grupy\/\d+$/),
        via: '/spotkania/<demo id>/grupy/<id>',
        status: 200,
      },
      { label: 'meeting outcomes', open: openWorkDemo('ustalenia'), via: '/spotkania/<demo id>/ustalenia', status: 200 },
      {
        label: 'edit an outcome',
        open: openDemoLink('ustalenia', /\/ustalenia\/\d+$/),
        via: '/spotkania/<demo id>/ustalenia/<id>',
        status: 200,
      },
      { label: 'ideas', open: openWorkDemo('pomysly'), via: '/spotkania/<demo id>/pomysly', status: 200 },
      {
        label: 'ideas with errors',
        open: submitDemoForm('pomysly', 'form[enctype="multipart/form-data"]'),
        via: 'POST /spotkania/<demo id>/pomysly, neither text nor photo',
        status: 400,
      },
      { label: 'one idea', open: captureDemoIdea, via: 'POST /spotkania/<demo id>/pomysly → /pomysly/<id>', status: 200 },
      {
        label: 'minutes editor',
        open: openWorkDemo('protokol/edycja'),
        via: '/spotkania/<demo id>/protokol/edycja',
        status: 200,
      },
      {
        label: 'remarks on the minutes',
        open: openWorkDemo('protokol/uwagi'),
        via: '/spotkania/<demo id>/protokol/uwagi',
        status: 200,
      },
      { label: 'programmes with drafts', open: '/program-wspolpracy', status: 200 },
      { label: 'new programme', open: '/program-wspolpracy/nowy', status: 200 },
      { label: 'demo programme', open: openDemoProgramme(), via: '/program-wspolpracy/<demo id>', status: 200 },
      {
        label: 'programme readiness refused',
        open: refuseReadiness,
        via: 'POST /program-wspolpracy/nowy (empty) → POST /program-wspolpracy/<id>/gotowy',
        status: 409,
      },
      {
        label: 'programme element 10 generated from the records',
        open: generateCreationText,
        via: 'POST /program-wspolpracy/<demo id>/sekcje/tworzenie/generuj',
        status: 200,
      },
      {
        label: 'programme goals editor',
        open: openDemoProgramme('/sekcje/cele'),
        via: '/program-wspolpracy/<demo id>/sekcje/cele',
        status: 200,
      },
      {
        label: 'programme principles editor',
        open: openDemoProgramme('/sekcje/zasady'),
        via: '/program-wspolpracy/<demo id>/sekcje/zasady',
        status: 200,
      },
      {
        label: 'programme tasks editor',
        open: openDemoProgramme('/sekcje/zadania'),
        via: '/program-wspolpracy/<demo id>/sekcje/zadania',
        status: 200,
      },
      {
        label: 'programme funds editor',
        open: openDemoProgramme('/sekcje/srodki'),
        via: '/program-wspolpracy/<demo id>/sekcje/srodki',
        status: 200,
      },
      {
        label: 'programme resolution editor',
        open: openDemoProgramme('/sekcje/uchwala'),
        via: '/program-wspolpracy/<demo id>/sekcje/uchwala',
        status: 200,
      },
      {
        label: 'programme versions with the draft',
        open: openDemoProgramme('/wersje'),
        via: '/program-wspolpracy/<demo id>/wersje',
        status: 200,
      },
      {
        label: 'programme versions compared',
        open: openDemoProgramme('/porownanie?od=1&do=2'),
        via: '/program-wspolpracy/<demo id>/porownanie?od=1&do=2',
        status: 200,
      },
      {
        label: 'consultation notice form',
        open: openNoticeForm,
        via: 'POST /program-wspolpracy/nowy (from 2019), POST …/gotowy → /konsultacje/nowa?wersja=<id>',
        status: 200,
      },
      {
        label: 'notice of an open consultation',
        open: openConsultation('open', '/ogloszenie'),
        via: '/konsultacje/<open demo id>/ogloszenie',
        status: 200,
      },
      {
        label: 'paper submission entry',
        open: openConsultation('open', '/zgloszenia/papierowe'),
        via: '/konsultacje/<open demo id>/zgloszenia/papierowe',
        status: 200,
      },
      {
        label: 'answers to submissions',
        open: openConsultation('closed', '/odpowiedzi'),
        via: '/konsultacje/<closed demo id>/odpowiedzi',
        status: 200,
      },
      {
        label: 'answers by provision',
        open: openConsultation('closed', '/odpowiedzi/zapisy'),
        via: '/konsultacje/<closed demo id>/odpowiedzi/zapisy',
        status: 200,
      },
      {
        label: 'an answered submission of a closed consultation',
        open: openConsultationLink('closed', '/odpowiedzi', /\/odpowiedzi\/\d+$/),
        via: '/konsultacje/<closed demo id>/odpowiedzi/<id>',
        status: 200,
      },
      {
        label: 'answer form',
        open: openConsultationLink('open', '/odpowiedzi', /\/odpowiedzi\/\d+$/),
        via: '/konsultacje/<open demo id>/odpowiedzi/<id of the comment the member sent>',
        status: 200,
      },
    ],
  },
  {
    role: 'administrator',
    email: demo.administrator,
    cases: [
      { label: 'administration', open: '/admin', status: 200 },
      { label: 'users', open: '/admin/uzytkownicy', status: 200 },
      { label: 'audit log', open: '/admin/dziennik', status: 200 },
      { label: 'audit log filtered', open: '/admin/dziennik?akcja=account.signed_in', status: 200 },
      { label: 'outbox', open: '/admin/poczta', status: 200 },
      { label: 'mail', open: (page) => visit(page, url(mailPath)), via: '/admin/poczta/<id of the newest mail>', status: 200 },
      { label: 'settings', open: '/admin/ustawienia', status: 200 },
    ],
  },
];

async function open(page: Page, pageCase: PageCase): Promise<number> {
  return typeof pageCase.open === 'string' ? visit(page, url(pageCase.open)) : pageCase.open(page);
}

/** The page's scroll width and, if it is wider than the viewport, the elements that reach its edge. */
function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; culprits: string }> {
  return page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    if (scrollWidth <= document.documentElement.clientWidth) return { scrollWidth, culprits: '' };
    const culprits = Array.from(document.querySelectorAll('body *'))
      .filter((element) => Math.abs(element.getBoundingClientRect().right - scrollWidth) <= 1)
      .slice(0, 3)
      .map((element) => `<${element.tagName.toLowerCase()} class="${element.getAttribute('class') ?? ''}">`);
    return { scrollWidth, culprits: culprits.join(', ') };
  });
}

async function assertStructure(page: Page, label: string): Promise<string> {
  assert.equal(await page.locator('h1').count(), 1, `${label}: not exactly one h1`);
  assert.equal(await page.locator('main').count(), 1, `${label}: not exactly one main element`);
  assert.equal(await page.getByRole('main').count(), 1, `${label}: no main landmark`);
  const h1 = (await page.locator('h1').innerText()).trim();
  assert.ok(h1.length > 0, `${label}: the h1 is empty`);
  assert.equal(await page.locator('main h1').count(), 1, `${label}: the h1 is not inside main`);
  return h1;
}

async function assertNoOverflow(page: Page, width: number, label: string): Promise<void> {
  const { scrollWidth, culprits } = await horizontalOverflow(page);
  assert.ok(
    scrollWidth <= width,
    `${label}: scrolls sideways at ${width} px (scrollWidth ${scrollWidth}), reaching the edge: ${culprits}`,
  );
}

describe('every page passes axe and the Nu validator', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const group of groups) {
    describe(`as ${group.role}`, () => {
      let context: BrowserContext;
      let page: Page;
      let noScriptContext: BrowserContext;
      let noScriptPage: Page;

      before(async () => {
        context = await newContext(browser);
        page = await context.newPage();
        noScriptContext = await newContext(browser, { javaScriptEnabled: false });
        noScriptPage = await noScriptContext.newPage();
        if (group.email) {
          await signInAs(page, server.baseUrl, group.email);
          await signInAs(noScriptPage, server.baseUrl, group.email);
        }
        if (group.role === 'administrator') {
          // An outbox entry to open: a password reset asked for a demo member.
          await visit(page, url('/haslo/przypomnij'));
          await page.fill('#f-email', demo.otherNgoMember);
          await navigation(page, () => page.click('main button[type="submit"]'));
          await visit(page, url('/admin/poczta'));
          const href = await page.locator('main table a[href^="/admin/poczta/"]').first().getAttribute('href');
          assert.ok(href, 'the outbox lists no mail after a password reset was asked for');
          mailPath = href;
        }
      });
      after(async () => {
        await context?.close();
        await noScriptContext?.close();
      });

      for (const pageCase of group.cases) {
        it(`${pageCase.label} (${typeof pageCase.open === 'string' ? pageCase.open : pageCase.via})`, async () => {
          const label = `${group.role} ${pageCase.label}`;
          await page.setViewportSize({ width: 1280, height: 800 });
          assert.equal(await open(page, pageCase), pageCase.status, `${label}: unexpected HTTP status`);
          assert.equal(await page.getAttribute('html', 'lang'), pageCase.lang ?? 'pl', `${label}: wrong page language`);
          const h1 = await assertStructure(page, label);
          await checks.checkPage(page, `${label} 1280`);
          await assertNoOverflow(page, 1280, `${label} 1280`);

          // The screenshot at 320 px is taken before the overflow verdict, so a failure has its picture.
          await page.setViewportSize({ width: 320, height: 640 });
          const narrow = await horizontalOverflow(page);
          await checks.checkPage(page, `${label} 320`, { html: false });
          assert.ok(
            narrow.scrollWidth <= 320,
            `${label} 320: scrolls sideways (scrollWidth ${narrow.scrollWidth}), reaching the edge: ${narrow.culprits}`,
          );

          assert.equal(await open(noScriptPage, pageCase), pageCase.status, `${label} without JavaScript: unexpected status`);
          // A case that opens its page by an action (an upload) creates a new record each time: numbers may differ.
          const comparable = (text: string) => (typeof pageCase.open === 'string' ? text : text.replace(/\d+/g, '#'));
          assert.equal(
            comparable((await noScriptPage.locator('h1').innerText()).trim()),
            comparable(h1),
            `${label} without JavaScript: another h1`,
          );
          const mainText = (await noScriptPage.locator('main').innerText()).trim();
          assert.ok(mainText.length > h1.length + 20, `${label} without JavaScript: main holds little beyond the h1`);
        });
      }
    });
  }

  it('the accessibility statement has every mandatory id, with dates in <time datetime>', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      assert.equal(await visit(page, url('/deklaracja-dostepnosci')), 200);
      const mandatory = [
        'a11y-wstep',
        'a11y-podmiot',
        'a11y-zakres',
        'a11y-url',
        'a11y-data-publikacja',
        'a11y-data-aktualizacja',
        'a11y-status',
        'a11y-kontakt',
        'a11y-email',
        'a11y-telefon',
        'a11y-procedura',
        'a11y-data-sporzadzenie',
        'a11y-architektura',
        'a11y-komunikacja',
      ];
      for (const id of mandatory) {
        assert.equal(await page.locator(`[id="${id}"]`).count(), 1, `#${id} missing or repeated`);
        assert.ok((await page.locator(`[id="${id}"]`).innerText()).trim().length > 0, `#${id} is empty`);
      }
      for (const id of ['a11y-data-publikacja', 'a11y-data-aktualizacja', 'a11y-data-sporzadzenie']) {
        const element = page.locator(`#${id}`);
        assert.equal(await element.evaluate((e) => e.tagName), 'TIME', `#${id} is not a <time>`);
        assert.match((await element.getAttribute('datetime')) ?? '', /^\d{4}-\d{2}-\d{2}$/, `#${id} has no ISO date in datetime`);
      }
      assert.match((await page.getAttribute('#a11y-email', 'href')) ?? '', /^mailto:.+@/);
      assert.equal(await page.getAttribute('#a11y-url', 'href'), server.baseUrl);
    } finally {
      await context.close();
    }
  });

  it('every page visited is valid HTML for the Nu checker', async () => {
    await checks.validateHtml();
    const pages = groups.reduce((n, g) => n + g.cases.length, 0);
    assert.equal(checks.collected.size, pages, 'the HTML of some page was not collected');
  });

  it('the server logged no errors meanwhile', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
