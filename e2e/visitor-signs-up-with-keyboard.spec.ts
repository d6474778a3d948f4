/**
 * The acceptance journey of sign-up, with the keyboard alone for the visitor (Tab, Shift+Tab, Enter
 * and typing; no clicks): home → "Załóż konto" → a rejected submission with its error summary → a
 * valid one → "Sprawdź skrzynkę" → (the administrator reads the confirmation mail in the outbox) →
 * the link → the confirmation button → sign-in → the account page → sign-out. Every page visited
 * passes axe, is screenshotted, and its HTML passes the Nu checker.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeFocus, focusMatches, launchBrowser, navigation, newContext, signInAs, tabTo, visit } from './support/browser.js';
import { PageChecks } from './support/checks.js';
import { demo, startServer, type RunningServer } from './support/server.js';

const checks = new PageChecks(import.meta.url);
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const visitor = {
  name: 'Zofia Źdźbło-Łęcka',
  email: `zofia.${Date.now()}@example.org`,
  password: 'cztery przypadkowe słowa lipa',
};
/** The link from the confirmation mail, as read by the administrator. */
let confirmationPath = '';

const path = () => new URL(page.url()).pathname;
const text = async (selector: string) => (await page.locator(selector).innerText()).trim();

/** Presses Enter on the focused element and waits for the next page. */
const pressEnterAndWait = () => navigation(page, () => page.keyboard.press('Enter'));

async function typeInto(selector: string, value: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.type(value);
}

describe('a visitor signs up with the keyboard alone', () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    context = await newContext(browser);
    page = await context.newPage();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the home page; the skip link is the first Tab stop and moves focus to main', async () => {
    assert.equal(await visit(page, `${server.baseUrl}/`), 200);
    await checks.checkPage(page, 'home');
    await page.keyboard.press('Tab');
    assert.ok(await focusMatches(page, 'a.skip-link[href="#main"]'), `first Tab stop is ${await describeFocus(page)}`);
    assert.ok(await page.locator('.skip-link').isVisible(), 'the focused skip link is not visible');
    const box = await page.locator('.skip-link').boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0, 'the focused skip link is off screen');
    await page.keyboard.press('Enter');
    assert.ok(await focusMatches(page, 'main#main'), `after the skip link, focus is on ${await describeFocus(page)}`);
  });

  it('follows "Załóż konto" from the page content', async () => {
    // Focus is in main now; the next Tab stops are the page's own links and buttons.
    await tabTo(page, 'main a[href="/rejestracja"]');
    assert.equal(await text('main a[href="/rejestracja"]'), 'Załóż konto');
    await pressEnterAndWait();
    assert.equal(path(), '/rejestracja');
    assert.equal(await text('h1'), 'Załóż konto');
    await checks.checkPage(page, 'sign-up form');
  });

  it('submits a too-short password and a different confirmation, and gets a focused error summary', async () => {
    await typeInto('#f-displayName', visitor.name);
    await typeInto('#f-email', visitor.email);
    await typeInto('#f-password', 'krotkie');
    await typeInto('#f-passwordConfirmation', 'inne');
    await tabTo(page, 'main form button[type="submit"]');
    await pressEnterAndWait();

    assert.equal(path(), '/rejestracja');
    assert.match(await page.title(), /^Błąd:/, 'the page title does not announce the error');
    assert.ok(
      await focusMatches(page, '.error-summary'),
      `the error summary is not focused; focus is on ${await describeFocus(page)}`,
    );
    const links = await page
      .locator('.error-summary a')
      .evaluateAll((anchors) => anchors.map((a) => ({ href: a.getAttribute('href'), text: a.textContent ?? '' })));
    assert.deepEqual(
      links.map((l) => l.href),
      ['#f-password', '#f-passwordConfirmation'],
      'the summary does not link to exactly the two wrong fields',
    );
    for (const link of links) assert.ok(link.text.trim().length > 0, `the summary link to ${link.href} has no text`);
    for (const field of ['#f-password', '#f-passwordConfirmation']) {
      assert.equal(await page.getAttribute(field, 'aria-invalid'), 'true', `${field} is not marked invalid`);
      const describedBy = (await page.getAttribute(field, 'aria-describedby')) ?? '';
      assert.ok(describedBy.split(' ').includes(`${field.slice(1)}-error`), `${field} is not described by its error`);
    }
    assert.equal(await page.inputValue('#f-displayName'), visitor.name, 'the typed name was not refilled');
    assert.equal(await page.inputValue('#f-email'), visitor.email, 'the typed e-mail was not refilled');
    assert.equal(await page.inputValue('#f-password'), '', 'a password was sent back to the browser');
    await checks.checkPage(page, 'sign-up errors');

    // The first summary link takes the keyboard user to the password field.
    await page.keyboard.press('Tab');
    assert.ok(await focusMatches(page, '.error-summary a[href="#f-password"]'), `focus is on ${await describeFocus(page)}`);
    await page.keyboard.press('Enter');
    assert.ok(
      await focusMatches(page, '#f-password'),
      `the summary link did not move focus to the field: ${await describeFocus(page)}`,
    );
  });

  it('submits a valid form and is asked to check the mailbox', async () => {
    await page.keyboard.type(visitor.password); // focus is in the password field
    await typeInto('#f-passwordConfirmation', visitor.password);
    await tabTo(page, 'main form button[type="submit"]');
    await pressEnterAndWait();
    assert.equal(path(), '/rejestracja/sprawdz-poczte');
    assert.equal(await text('h1'), 'Sprawdź skrzynkę e-mail');
    await checks.checkPage(page, 'check your mail');
  });

  it('the administrator finds the confirmation mail in the outbox', async () => {
    const adminContext = await newContext(browser);
    try {
      const admin = await adminContext.newPage();
      await signInAs(admin, server.baseUrl, demo.administrator);
      assert.equal(await visit(admin, `${server.baseUrl}/admin/poczta`), 200);
      await checks.checkPage(admin, 'outbox');
      // Newest first: the first row addressed to the visitor is their newest mail.
      const row = admin.locator('main table tbody tr', { hasText: visitor.email }).first();
      assert.equal(await row.count(), 1, `no mail to ${visitor.email} in the outbox`);
      await navigation(admin, () => row.locator('a').click());
      assert.match(new URL(admin.url()).pathname, /^\/admin\/poczta\/\d+$/);
      assert.equal(await admin.locator('h1').innerText(), 'Potwierdź adres e-mail');
      await checks.checkPage(admin, 'confirmation mail');
      const body = await admin.locator('.mail-body').innerText();
      assert.ok(body.includes(visitor.name), 'the mail does not greet the visitor by name');
      const href = await admin.locator('.mail-body a[href^="/potwierdz-email?token="]').getAttribute('href');
      assert.ok(href, 'the mail has no clickable confirmation link');
      assert.ok(body.includes(`${server.baseUrl}${href}`), 'the link shown in the mail is not the full site address');
      confirmationPath = href;
    } finally {
      await adminContext.close();
    }
  });

  it('opens the link and confirms the address with the button', async () => {
    assert.equal(await visit(page, `${server.baseUrl}${confirmationPath}`), 200);
    assert.equal(await text('h1'), 'Potwierdź adres e-mail');
    await checks.checkPage(page, 'confirm e-mail');
    await tabTo(page, 'main form button[type="submit"]');
    await pressEnterAndWait();
    assert.equal(path(), '/logowanie');
    assert.match(await text('main .banner'), /Adres e-mail został potwierdzony\. Możesz się zalogować\./);
    await checks.checkPage(page, 'sign-in after confirmation');
  });

  it('signs in and sees their name on the account page', async () => {
    await typeInto('#f-email', visitor.email);
    await typeInto('#f-password', visitor.password);
    await tabTo(page, 'main form button[type="submit"]');
    await pressEnterAndWait();
    assert.equal(path(), '/konto');
    assert.equal(await text('h1'), 'Moje konto');
    assert.equal(await text('main .summary-list__row:first-child dd'), visitor.name);
    assert.equal(await text('.site-header__user'), visitor.name);
    await checks.checkPage(page, 'account');
  });

  it('signs out with the header button and sees that they are signed out', async () => {
    // The sign-out button is in the header, before main: Shift+Tab back to it from the page.
    await tabTo(page, '.site-header__signout button', { backwards: true });
    await pressEnterAndWait();
    assert.equal(path(), '/');
    assert.match(await text('main .banner'), /Wylogowano\./);
    assert.equal(await page.locator('.site-header__signout').count(), 0, 'the header still offers signing out');
    assert.equal(await page.locator('.site-header a[href="/logowanie"]').count(), 1, 'the header offers no sign-in');
    await checks.checkPage(page, 'signed out');
    assert.equal(await visit(page, `${server.baseUrl}/konto`), 200);
    assert.equal(path(), '/logowanie', 'the account page is still open after signing out');
  });

  it('every page visited is valid HTML for the Nu checker', async () => {
    await checks.validateHtml();
    assert.equal(checks.collected.size, 10, 'not every page of the journey was collected');
  });

  it('the server logged no errors meanwhile', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
