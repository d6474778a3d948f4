/**
 * Every UI component's examples, alone on /komponenty?komponent=<name>: zero axe violations, valid
 * HTML for the Nu checker, a screenshot per component, and no sideways scrolling at 320 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { componentExamples } from '../src/ui/components/examples.js';
import { launchBrowser, newContext, visit } from './support/browser.js';
import { PageChecks } from './support/checks.js';
import { startServer, type RunningServer } from './support/server.js';

const checks = new PageChecks(import.meta.url);
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;

describe('a developer checks every component example', () => {
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

  it('there are component examples to check', () => {
    assert.ok(componentExamples.length >= 10, `only ${componentExamples.length} components have examples`);
    for (const c of componentExamples) assert.ok(c.examples.length > 0, `${c.component} has no example`);
  });

  for (const { component, examples } of componentExamples) {
    it(`${component}: ${examples.map((e) => e.name).join(', ')}`, async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
      assert.equal(await visit(page, `${server.baseUrl}/komponenty?komponent=${encodeURIComponent(component)}`), 200);
      const sections = page.locator('main section.gallery');
      assert.equal(await sections.count(), 1, `the gallery does not show ${component} alone`);
      assert.equal((await sections.locator(`h2#gallery-${component}`).innerText()).trim(), component);
      assert.deepEqual(
        await sections.locator('.gallery__name').allInnerTexts(),
        examples.map((e) => e.name),
        `the examples of ${component} are not all shown`,
      );
      for (const example of await sections.locator('.gallery__example').all()) {
        const rendered = await example.evaluate((e) => e.children.length);
        assert.ok(rendered >= 2, `an example of ${component} rendered nothing beside its name`);
      }
      await checks.checkPage(page, component);

      await page.setViewportSize({ width: 320, height: 640 });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 320, `${component} makes the page scroll sideways at 320 px (scrollWidth ${scrollWidth})`);
    });
  }

  it('every example page is valid HTML for the Nu checker', async () => {
    await checks.validateHtml();
    assert.equal(checks.collected.size, componentExamples.length, 'not every component page was collected');
  });

  it('the server logged no errors meanwhile', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
