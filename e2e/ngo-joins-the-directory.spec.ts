/**
 * The acceptance journey of the NGO directory (issue #3): person A signs up (e-mail confirmed
 * through the outbox) and registers an organisation with a valid KRS — a NIP with a wrong check
 * digit is refused first, with a clear error and the form refilled, and corrected with the keyboard;
 * the organisation waits for verification and is not public; an official verifies it; a visitor
 * finds it by "spol" (with and without JavaScript) and by its sphere facet; person B signs up and
 * asks to join; A approves B, who is then a member acting on the organisation's behalf. Every page
 * visited passes axe, is screenshotted, and its HTML passes the Nu checker.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoAccounts } from '../src/demo/seed-demo.js';
import { demoDirectoryOrganizations } from '../src/demo/demo-organizations.js';
import { nipCheckDigit } from '../src/features/organizations/identifiers.js';
import {
  describeFocus,
  focusMatches,
  lastDocumentResponse,
  launchBrowser,
  navigation,
  newContext,
  signInAs,
  visit,
} from './support/browser.js';
import { PageChecks } from './support/checks.js';
import { demo, startServer, type RunningServer } from './support/server.js';

const checks = new PageChecks(import.meta.url);
/** How many documents were handed to the Nu checker (each checked page with its HTML). */
let checkedDocuments = 0;
let server: RunningServer;
let browser: Browser;
/** The administrator, who reads the confirmation mails in the outbox. */
let adminContext: BrowserContext;
let admin: Page;
let contextA: BrowserContext;
let pageA: Page;
let contextB: BrowserContext;
let pageB: Page;

interface Person {
  name: string;
  email: string;
  password: string;
}

const stamp = Date.now();
const personA: Person = {
  name: 'Agnieszka Żółkiewska',
  email: `agnieszka.${stamp}@example.org`,
  password: 'pracownia wspólna zielony kubek',
};
const personB: Person = {
  name: 'Bartłomiej Ściegienny',
  email: `bartlomiej.${stamp}@example.org`,
  password: 'szybki rower nad jeziorem',
};

/** A valid NIP outside the demo's range (the demo's start with 697), and the same with a wrong check digit. */
function nipPair(): { valid: string; wrong: string } {
  for (let n = 779_200_300; ; n++) {
    const digit = nipCheckDigit(String(n));
    if (digit !== null) return { valid: `${n}${digit}`, wrong: `${n}${(digit + 1) % 10}` };
  }
}
const nip = nipPair();
const organisation = {
  name: 'Stowarzyszenie Społeczne Pracownia Wspólna',
  legalForm: 'stowarzyszenie',
  legalFormLabel: 'stowarzyszenie',
  /** KRS has no checksum; the demo's are 00009000xx. */
  krs: '0000771203',
  sphereCode: '16',
  sphereLabel: 'kultura, sztuka, ochrona dóbr kultury i dziedzictwa narodowego',
  city: 'Leszno',
};
/** Where the profile is, as the registration reports it (read from the address it lands on). */
let profilePath = '';

const url = (path: string) => `${server.baseUrl}${path}`;
const pathOf = (page: Page) => new URL(page.url()).pathname;
const nipErrorText = 'NIP ma nieprawidłową cyfrę kontrolną. Sprawdź, czy nie ma literówki.';

/** axe, screenshot and the HTML for the Nu checker. */
async function check(page: Page, label: string): Promise<void> {
  await checks.checkPage(page, label);
  checkedDocuments += 1;
}

/** The text of the page's flash message or notification banner(s) in main. */
const bannerText = async (page: Page) => (await page.locator('main .banner').allInnerTexts()).join('\n');

/**
 * axe cannot run in a page without JavaScript (its timers never fire, so axe.run() never settles):
 * that page is screenshotted as it is, and the same address is opened in a page with JavaScript for
 * axe, its own screenshot and the Nu checker. The server sends both the same HTML; the headings and
 * the results must read the same.
 */
async function checkWithoutJavaScript(page: Page, mirror: Page, label: string): Promise<void> {
  const name = `${String(checkedDocuments + 1).padStart(2, '0')}-no-js-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  await page.screenshot({ path: join(checks.screenshots, `${name.replace(/-+$/, '')}.png`), fullPage: true });
  assert.equal(await visit(mirror, page.url()), lastDocumentResponse(page)?.status(), `${label}: another status with JavaScript`);
  for (const region of ['h1', '#wyniki']) {
    assert.equal(
      await mirror.locator(region).innerText(),
      await page.locator(region).innerText(),
      `${label}: ${region} reads differently with JavaScript`,
    );
  }
  await check(mirror, `${label} (axe with JavaScript)`);
}

/** Like navigation(), but waits for a full document load: the directory's live search changes the URL without one. */
async function fullLoad(page: Page, action: () => Promise<void>): Promise<void> {
  const loaded = page.waitForEvent('load', { timeout: 15_000 });
  await action();
  await loaded;
}

/** "1 organizacja", "2 organizacje", "5 organizacji", "22 organizacje", "112 organizacji". */
function organisationsCount(n: number): string {
  if (n === 1) return `${n} organizacja`;
  const few = n % 10 >= 2 && n % 10 <= 4 && !(n % 100 >= 12 && n % 100 <= 14);
  return `${n} ${few ? 'organizacje' : 'organizacji'}`;
}

/** The result count heading, checked for the right Polish plural; returns the number. */
async function resultCount(page: Page): Promise<number> {
  const heading = (await page.locator('#wyniki').getByRole('heading', { level: 2 }).innerText()).trim();
  const match = /^(\d+) /.exec(heading);
  assert.ok(match, `the result count heading "${heading}" does not start with a number`);
  const n = Number(match[1]);
  assert.equal(heading, organisationsCount(n), 'the result count heading uses the wrong plural form');
  const listed = await page.locator('#wyniki .result').count();
  assert.equal(listed, Math.min(n, 20), `the heading says ${n} but ${listed} results are listed`);
  return n;
}

const resultLink = (page: Page) => page.locator('#wyniki').getByRole('link', { name: organisation.name, exact: true });

/** Types into the directory's search field and submits it with Enter (a full page load with or without JavaScript). */
async function searchDirectory(page: Page, words: string): Promise<void> {
  const field = page.getByRole('searchbox', { name: 'Szukaj organizacji' });
  await field.focus();
  await page.keyboard.type(words);
  await fullLoad(page, () => page.keyboard.press('Enter'));
  assert.equal(pathOf(page), '/organizacje');
  assert.equal(new URL(page.url()).searchParams.get('q'), words, 'the search words are not in the address');
  assert.equal(await field.inputValue(), words, 'the search field lost the words');
}

/** Person signs up, the administrator reads the confirmation mail, the person confirms and signs in. */
async function signUpConfirmAndSignIn(page: Page, person: Person, who: string): Promise<void> {
  assert.equal(await visit(page, url('/rejestracja')), 200);
  await check(page, `${who} sign-up form`);
  await page.fill('#f-displayName', person.name);
  await page.fill('#f-email', person.email);
  await page.fill('#f-password', person.password);
  await page.fill('#f-passwordConfirmation', person.password);
  await navigation(page, () => page.click('main form button[type="submit"]'));
  assert.equal(pathOf(page), '/rejestracja/sprawdz-poczte', `${who}: the sign-up was not accepted`);
  await check(page, `${who} check your mail`);

  assert.equal(await visit(admin, url('/admin/poczta')), 200);
  const row = admin.locator('main table tbody tr', { hasText: person.email }).first();
  assert.equal(await row.count(), 1, `no mail to ${person.email} in the outbox`);
  await navigation(admin, () => row.locator('a').click());
  assert.equal((await admin.locator('h1').innerText()).trim(), 'Potwierdź adres e-mail');
  await check(admin, `confirmation mail to ${who}`);
  const href = await admin.locator('.mail-body a[href^="/potwierdz-email?token="]').getAttribute('href');
  assert.ok(href, `the mail to ${who} has no confirmation link`);

  assert.equal(await visit(page, url(href)), 200);
  await check(page, `${who} confirm e-mail`);
  await navigation(page, () => page.click('main form button[type="submit"]'));
  assert.equal(pathOf(page), '/logowanie');
  assert.match(await bannerText(page), /Adres e-mail został potwierdzony\./);
  await page.fill('#f-email', person.email);
  await page.fill('#f-password', person.password);
  await navigation(page, () => page.click('main form button[type="submit"]'));
  assert.equal(pathOf(page), '/konto', `${who} could not sign in`);
  assert.equal((await page.locator('.site-header__user').innerText()).trim(), person.name);
  await check(page, `${who} account`);
}

describe('an NGO joins the directory', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    adminContext = await newContext(browser);
    admin = await adminContext.newPage();
    await signInAs(admin, server.baseUrl, demo.administrator);
    contextA = await newContext(browser);
    pageA = await contextA.newPage();
    contextB = await newContext(browser);
    pageB = await contextB.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uses identifiers no demo organisation has', () => {
    const demoOrganisations = [
      ...demoDirectoryOrganizations().map((o) => o.form),
      ...demoAccounts.flatMap((a) => (a.organisation ? [a.organisation] : [])),
    ];
    assert.ok(demoOrganisations.length >= 40, 'the demo organisations were not found');
    for (const o of demoOrganisations) {
      assert.notEqual(o.krs, organisation.krs, `the KRS collides with ${o.name}`);
      assert.notEqual(o.nip, nip.valid, `the NIP collides with ${o.name}`);
    }
    assert.notEqual(nip.valid, nip.wrong);
  });

  it('person A signs up, confirms the e-mail from the outbox and signs in', async () => {
    await signUpConfirmAndSignIn(pageA, personA, 'person A');
  });

  it('A registers the organisation; a NIP with a wrong check digit is refused with the form refilled', async () => {
    assert.equal(await visit(pageA, url('/organizacje/nowa')), 200);
    assert.equal((await pageA.locator('h1').innerText()).trim(), 'Zarejestruj organizację');
    await check(pageA, 'registration form');
    const main = pageA.getByRole('main');
    await main.getByLabel('Pełna nazwa').fill(organisation.name);
    await main.getByLabel('Forma prawna').selectOption(organisation.legalForm);
    await main.getByLabel(/^Numer KRS/).fill(organisation.krs);
    await main.getByLabel(/^NIP/).fill(nip.wrong);
    await main.getByRole('checkbox', { name: organisation.sphereLabel, exact: true }).check();
    await main.getByLabel(/^Miejscowość/).fill(organisation.city);
    await navigation(pageA, () => main.getByRole('button', { name: 'Zarejestruj organizację' }).click());

    assert.equal(pathOf(pageA), '/organizacje/nowa');
    assert.equal(lastDocumentResponse(pageA)?.status(), 400, 'the refused registration is not an HTTP 400 page');
    assert.match(await pageA.title(), /^Błąd:/, 'the page title does not announce the error');
    assert.ok(await focusMatches(pageA, '.error-summary'), `the error summary is not focused: ${await describeFocus(pageA)}`);
    const links = await pageA
      .locator('.error-summary a')
      .evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), text: (a.textContent ?? '').trim() })));
    assert.deepEqual(links, [{ href: '#f-nip', text: nipErrorText }], 'the summary does not name exactly the NIP error');
    const nipField = main.getByLabel(/^NIP/);
    assert.equal(await nipField.getAttribute('aria-invalid'), 'true', 'the NIP field is not marked invalid');
    assert.match(await pageA.locator('#f-nip-error').innerText(), new RegExp(nipErrorText.replace(/\./g, '\\.')));
    const describedBy = ((await nipField.getAttribute('aria-describedby')) ?? '').split(' ');
    assert.ok(describedBy.includes('f-nip-error'), 'the NIP field is not described by its error');

    assert.equal(await main.getByLabel('Pełna nazwa').inputValue(), organisation.name, 'the name was not refilled');
    assert.equal(await main.getByLabel('Forma prawna').inputValue(), organisation.legalForm, 'the legal form was not refilled');
    assert.equal(await main.getByLabel(/^Numer KRS/).inputValue(), organisation.krs, 'the KRS was not refilled');
    assert.equal(await nipField.inputValue(), nip.wrong, 'the wrong NIP was not refilled for correction');
    assert.ok(
      await main.getByRole('checkbox', { name: organisation.sphereLabel, exact: true }).isChecked(),
      'the ticked sphere was not refilled',
    );
    assert.equal(await main.getByLabel(/^Miejscowość/).inputValue(), organisation.city, 'the city was not refilled');
    await check(pageA, 'registration refused: wrong NIP check digit');
  });

  it('A corrects the NIP with the keyboard and lands on the profile waiting for verification', async () => {
    // Focus is on the error summary: Tab to its link, Enter moves to the field, retype, Enter submits.
    await pageA.keyboard.press('Tab');
    assert.ok(await focusMatches(pageA, '.error-summary a[href="#f-nip"]'), `focus is on ${await describeFocus(pageA)}`);
    await pageA.keyboard.press('Enter');
    assert.ok(
      await focusMatches(pageA, '#f-nip'),
      `the summary link did not move focus to the NIP: ${await describeFocus(pageA)}`,
    );
    await pageA.keyboard.press('ControlOrMeta+A');
    await pageA.keyboard.type(nip.valid);
    await navigation(pageA, () => pageA.keyboard.press('Enter'));

    assert.match(pathOf(pageA), /^\/organizacje\/[a-z0-9-]+$/, `the registration did not lead to a profile: ${pageA.url()}`);
    assert.notEqual(pathOf(pageA), '/organizacje/nowa', 'the corrected registration was refused again');
    profilePath = pathOf(pageA);
    assert.equal((await pageA.locator('h1').innerText()).trim(), organisation.name);
    const banners = await bannerText(pageA);
    assert.match(banners, /Organizacja została zarejestrowana i czeka na weryfikację przez urząd\./);
    assert.match(banners, /Ta organizacja czeka na weryfikację przez urząd\./, 'no "waiting for verification" banner');
    const facts = await pageA.locator('main .summary-list').first().innerText();
    assert.ok(facts.includes(organisation.krs), 'the profile does not show the KRS');
    assert.ok(facts.includes(nip.valid), 'the profile does not show the corrected NIP');
    assert.ok((await pageA.getByRole('main').innerText()).includes(organisation.sphereLabel), 'the profile lacks the sphere');
    await check(pageA, 'profile waiting for verification');
  });

  it('the organisation is not in the public directory yet', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      assert.equal(await visit(page, url('/organizacje')), 200);
      await searchDirectory(page, 'spol');
      await resultCount(page);
      assert.ok((await page.locator('#wyniki .result').count()) > 0, '"spol" finds none of the demo organisations');
      assert.equal(await resultLink(page).count(), 0, 'the unverified organisation is listed publicly');
      await check(page, 'directory before verification');
      assert.equal(await visit(page, url(profilePath)), 404, 'the unverified profile is open to the public');
    } finally {
      await context.close();
    }
  });

  it('the official finds it among those waiting for verification and verifies it', async () => {
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      await signInAs(page, server.baseUrl, demo.official);
      assert.equal(await visit(page, url('/organizacje?stan=weryfikacja')), 200);
      assert.equal(await page.getByLabel('Pokaż organizacje').inputValue(), 'weryfikacja');
      await resultCount(page);
      assert.equal(await resultLink(page).count(), 1, 'the new organisation is not among those waiting for verification');
      await check(page, 'official: organisations waiting for verification');

      await navigation(page, () => resultLink(page).click());
      assert.equal(pathOf(page), profilePath);
      await check(page, 'official: profile to verify');
      await navigation(page, () => page.getByRole('link', { name: /^Działania urzędu/ }).click());
      assert.equal(pathOf(page), `${profilePath}/urzad`);
      assert.match(await page.locator('main .summary-list').innerText(), /czeka na weryfikację/);
      await check(page, 'official: office actions');

      await navigation(page, () => page.getByRole('main').getByRole('button', { name: 'Zweryfikuj organizację' }).click());
      assert.equal(pathOf(page), profilePath);
      const banners = await bannerText(page);
      assert.match(banners, /Organizacja została zweryfikowana i jest widoczna w bazie\./);
      assert.doesNotMatch(banners, /czeka na weryfikację/, 'the profile still says it waits for verification');
      assert.equal(await page.getByRole('main').getByRole('button', { name: 'Zweryfikuj organizację' }).count(), 0);
      await check(page, 'official: verified profile');
    } finally {
      await context.close();
    }
  });

  for (const javaScript of [true, false]) {
    const how = javaScript ? 'with JavaScript' : 'without JavaScript';
    it(`a visitor ${how} finds it by "spol" and then by its sphere facet`, async () => {
      const context = await newContext(browser, { javaScriptEnabled: javaScript });
      // Without JavaScript, axe runs on the same address in a page that has it (see checkWithoutJavaScript).
      const mirrorContext = javaScript ? null : await newContext(browser);
      try {
        const page = await context.newPage();
        const mirror = await mirrorContext?.newPage();
        const checkStep = (label: string) => (mirror ? checkWithoutJavaScript(page, mirror, label) : check(page, label));
        assert.equal(await visit(page, url('/organizacje')), 200);
        await checkStep(`visitor ${how}: directory`);
        await searchDirectory(page, 'spol');
        const found = await resultCount(page);
        assert.equal(await resultLink(page).count(), 1, '"spol" does not find the verified organisation');
        await checkStep(`visitor ${how}: search "spol"`);

        const facet = page.locator('details', { has: page.locator('summary', { hasText: /^Sfery/ }) });
        assert.equal(await facet.count(), 1, 'no "Sfery…" facet');
        await facet.locator('summary').click();
        const sphere = facet.getByRole('checkbox', { name: new RegExp(`^${organisation.sphereLabel} \\(\\d+\\)$`) });
        await sphere.check();
        if (javaScript) {
          // The live search follows the tick and puts the filter into the address; wait for it to settle.
          await page.waitForFunction(
            (code) => new URL(location.href).searchParams.getAll('sfera').includes(code),
            organisation.sphereCode,
          );
        } else {
          assert.equal(new URL(page.url()).searchParams.get('sfera'), null, 'a script ran in the page without JavaScript');
        }
        await fullLoad(page, () => page.getByRole('button', { name: 'Pokaż wyniki' }).click());
        const address = new URL(page.url());
        assert.deepEqual(address.searchParams.getAll('sfera'), [organisation.sphereCode], `no sfera=16 in ${page.url()}`);
        assert.equal(address.searchParams.get('q'), 'spol', 'the search words were dropped by the facet');
        const narrowed = await resultCount(page);
        assert.ok(narrowed >= 1 && narrowed <= found, `the facet gave ${narrowed} results out of ${found}`);
        assert.equal(await resultLink(page).count(), 1, 'the sphere facet drops the organisation');
        assert.ok(await facet.getByRole('checkbox', { name: new RegExp(`^${organisation.sphereLabel}`) }).isChecked());
        await checkStep(`visitor ${how}: search "spol" in sphere 16`);
      } finally {
        await context.close();
        await mirrorContext?.close();
      }
    });
  }

  it('person B signs up, confirms the e-mail and signs in', async () => {
    await signUpConfirmAndSignIn(pageB, personB, 'person B');
  });

  it('B asks to join and sees that the request waits for approval', async () => {
    assert.equal(await visit(pageB, url(profilePath)), 200);
    await check(pageB, 'person B: profile before joining');
    await navigation(pageB, () => pageB.getByRole('main').getByRole('button', { name: 'Poproś o dołączenie' }).click());
    assert.equal(pathOf(pageB), profilePath);
    assert.match(await bannerText(pageB), /Prośba o dołączenie została wysłana do administratorów organizacji\./);
    const main = pageB.getByRole('main');
    assert.match(
      await main.innerText(),
      /Twoja prośba o dołączenie czeka na zatwierdzenie przez administratora organizacji\./,
      'no pending note',
    );
    assert.equal(await main.getByRole('button', { name: 'Poproś o dołączenie' }).count(), 0, 'the join button is still offered');
    assert.equal(await main.getByRole('link', { name: 'Edytuj profil organizacji' }).count(), 0, 'a pending member may edit');
    await check(pageB, 'person B: join request pending');
  });

  it('A approves B on the members page, and B is then a member', async () => {
    assert.equal(await visit(pageA, url(`${profilePath}/czlonkowie`)), 200);
    const rowOfB = pageA.locator('main table tbody tr', { hasText: personB.name });
    assert.equal(await rowOfB.count(), 1, 'B is not on the members page');
    assert.match(await rowOfB.innerText(), /czeka na zatwierdzenie/);
    await check(pageA, 'members page with a request');
    // The button names whom it approves (visually hidden text; Chromium computes "Zatwierdź : <name>").
    const approve = rowOfB.getByRole('button', { name: new RegExp(`^Zatwierdź\\s*:\\s*${personB.name}$`) });
    assert.equal(await approve.count(), 1, 'no approve button naming B');
    await navigation(pageA, () => approve.click());
    assert.equal(pathOf(pageA), `${profilePath}/czlonkowie`);
    assert.match(await bannerText(pageA), /Zmieniono członkostwo\./);
    assert.doesNotMatch(await rowOfB.innerText(), /czeka na zatwierdzenie/, 'B still waits for approval');
    assert.match(await rowOfB.innerText(), /członek organizacji/);
    await check(pageA, 'members page after approval');

    assert.equal(await visit(pageB, url(profilePath)), 200);
    const main = pageB.getByRole('main');
    assert.doesNotMatch(await main.innerText(), /Twoja prośba o dołączenie czeka/, 'B still sees the pending note');
    assert.equal(await main.getByRole('link', { name: 'Edytuj profil organizacji' }).count(), 1, 'B may not edit the profile');
    assert.equal(
      await pageB
        .locator('.site-header')
        .getByRole('link', { name: `w imieniu: ${organisation.name}` })
        .count(),
      1,
      'the header does not show that B acts on behalf of the organisation',
    );
    await check(pageB, 'person B: member');
  });

  it('every page visited is valid HTML for the Nu checker', async () => {
    await checks.validateHtml();
    assert.equal(checks.collected.size, checkedDocuments, 'not every page of the journey was collected');
  });

  it('the server logged no errors meanwhile', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
