/**
 * Debian Chromium driven by playwright-core (never a downloaded browser), browser contexts that
 * remember each page's last document response (for the Nu validator), and the few page actions
 * the journeys share: signing in as a demo account, waiting for a navigation, keyboard focus moves.
 */
import assert from 'node:assert/strict';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Response,
} from 'playwright-core';
import { demoPassword } from './server.js';

export const chromiumPath = '/usr/bin/chromium';

/** playwright-core gives every launch a fresh temporary --user-data-dir of its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

const lastDocument = new WeakMap<Page, Response>();

/** The last non-redirect document response of the page's main frame (the raw server HTML). */
export function lastDocumentResponse(page: Page): Response | undefined {
  return lastDocument.get(page);
}

/** A browser context whose pages keep their last document response; desktop size unless told. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pl-PL', ...options });
  context.on('response', (response) => {
    if (!response.request().isNavigationRequest()) return;
    if (response.status() >= 300 && response.status() < 400) return;
    const frame = response.frame();
    const page = frame.page();
    if (frame === page.mainFrame()) lastDocument.set(page, response);
  });
  return context;
}

/** Resolves when the main frame has committed a new document and finished loading it. */
export async function navigation(page: Page, action: () => Promise<void>): Promise<void> {
  const committed = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame(), timeout: 15_000 });
  await action();
  await committed;
  await page.waitForLoadState('load');
}

/** Opens a URL and returns the document response's status. */
export async function visit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.ok(response, `no response for ${url}`);
  return response.status();
}

/** Signs a demo account in through the real form (set-up for pages that are not about signing in). */
export async function signInAs(page: Page, baseUrl: string, email: string, password = demoPassword): Promise<void> {
  await visit(page, `${baseUrl}/logowanie`);
  await page.fill('#f-email', email);
  await page.fill('#f-password', password);
  await navigation(page, () => page.click('main button[type="submit"]'));
  assert.equal(new URL(page.url()).pathname, '/konto', `signing in as ${email} did not reach /konto`);
}

/** Does document.activeElement match the selector? */
export function focusMatches(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((s) => document.activeElement?.matches(s) === true, selector);
}

/** A short description of the focused element, for failure messages. */
export function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '(body)';
    const id = element.id ? `#${element.id}` : '';
    const text = (element.textContent ?? '').trim().slice(0, 40);
    return `<${element.tagName.toLowerCase()}${id}> ${text}`;
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches the selector, as a keyboard user
 * moves through the page; fails after 60 presses.
 */
export async function tabTo(page: Page, selector: string, options: { backwards?: boolean } = {}): Promise<number> {
  const key = options.backwards ? 'Shift+Tab' : 'Tab';
  for (let presses = 1; presses <= 60; presses++) {
    await page.keyboard.press(key);
    if (await focusMatches(page, selector)) return presses;
  }
  assert.fail(`${key} pressed 60 times on ${page.url()} without reaching ${selector}; focus is on ${await describeFocus(page)}`);
}
