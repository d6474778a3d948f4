/**
 * What every visited page goes through: axe-core (WCAG 2.0/2.1 A and AA) with zero violations, a
 * full-page screenshot kept under artifacts/screenshots/<spec>/, and the raw server HTML kept under
 * artifacts/html/<spec>/ for the Nu HTML checker, which runs once per spec over everything collected.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import axe, { type AxeResults, type RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';
import { lastDocumentResponse } from './browser.js';
import { repoRoot } from './server.js';

export const artifactsFolder = join(repoRoot, 'artifacts');
const vnuJar = join(repoRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

export interface AxeOutcome {
  violations: AxeViolation[];
  passes: number;
}

/** Injects axe-core (through the DevTools protocol, so the page's strict CSP stays on) and runs it. */
export async function runAxe(page: Page): Promise<AxeOutcome> {
  // axe waits on page timers, which never fire in a context with JavaScript disabled: fail, do not hang.
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('axe did not finish in 60 s (is JavaScript disabled in this context?)')), 60_000);
  });
  try {
    return await Promise.race([axeRun(page), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function axeRun(page: Page): Promise<AxeOutcome> {
  const present = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!present) await page.evaluate(axe.source);
  return page.evaluate(async (tags) => {
    const runner = (window as unknown as { axe: { run(context: Document, options: RunOptions): Promise<AxeResults> } }).axe;
    const result = await runner.run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        targets: v.nodes.map((n) => n.target.map(String).join(' ')),
      })),
      passes: result.passes.length,
    };
  }, wcagTags);
}

export function formatViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `  ${v.id} (${v.impact ?? '?'}): ${v.help}\n    ${v.targets.join('\n    ')}`).join('\n');
}

export interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** Runs the Nu HTML checker once over the files; returns every message it printed. */
export function runNu(files: string[]): Promise<NuMessage[]> {
  return new Promise((resolveRun, reject) => {
    const child = spawn('java', ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`the Nu checker exited with ${code}:\n${stderr}\n${stdout}`));
      try {
        const report = JSON.parse(stderr.trim() || stdout.trim()) as { messages?: NuMessage[] };
        if (!Array.isArray(report.messages)) throw new Error('no "messages" array');
        resolveRun(report.messages);
      } catch (error) {
        reject(new Error(`the Nu checker printed no JSON report (${String(error)}):\n${stderr}\n${stdout}`));
      }
    });
  });
}

/** A document the checker must reject: proves the run really validated the files beside it. */
const canaryHtml =
  '<!DOCTYPE html><html lang="pl"><head><title>canary</title></head><body><p><div>block in p</div></p></body></html>';

const slug = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

export interface CheckOptions {
  /** Record the raw server HTML for the Nu checker (once per document is enough). Default true. */
  html?: boolean;
}

/**
 * One per spec file. `checkPage(page, label)` fails on any axe violation, saves the screenshot and
 * keeps the document's HTML; `validateHtml()` runs the Nu checker over all of it at the end.
 */
export class PageChecks {
  readonly screenshots: string;
  readonly htmlFolder: string;
  private count = 0;
  private readonly documents = new Map<string, string>();

  constructor(specFileUrl: string) {
    const spec = basename(specFileUrl).replace(/\.spec\.tsx?$/, '');
    this.screenshots = join(artifactsFolder, 'screenshots', spec);
    this.htmlFolder = join(artifactsFolder, 'html', spec);
    for (const folder of [this.screenshots, this.htmlFolder]) {
      rmSync(folder, { recursive: true, force: true });
      mkdirSync(folder, { recursive: true });
    }
  }

  /** Files of the collected documents, keyed by label. */
  get collected(): ReadonlyMap<string, string> {
    return this.documents;
  }

  async checkPage(page: Page, label: string, options: CheckOptions = {}): Promise<AxeOutcome> {
    this.count += 1;
    const name = `${String(this.count).padStart(2, '0')}-${slug(label)}`;
    await page.screenshot({ path: join(this.screenshots, `${name}.png`), fullPage: true });
    if (options.html !== false) await this.recordHtml(page, name);
    const outcome = await runAxe(page);
    assert.ok(outcome.passes > 0, `axe checked nothing on ${label} (${page.url()})`);
    assert.equal(
      outcome.violations.length,
      0,
      `axe found ${outcome.violations.length} violation(s) on ${label} (${page.url()}):\n${formatViolations(outcome.violations)}`,
    );
    return outcome;
  }

  private async recordHtml(page: Page, name: string): Promise<void> {
    const response = lastDocumentResponse(page);
    assert.ok(response, `no document response recorded for ${page.url()} (was the context made with newContext()?)`);
    const withoutHash = (url: string) => url.split('#')[0];
    assert.equal(withoutHash(response.url()), withoutHash(page.url()), 'the recorded document is not the page shown');
    const html = await response.text();
    assert.match(html, /^<!DOCTYPE html>/i, `the server's answer for ${page.url()} is not an HTML document`);
    const file = join(this.htmlFolder, `${name}.html`);
    writeFileSync(file, html);
    this.documents.set(name, file);
  }

  /** One Nu checker run over every collected document; fails listing each error. */
  async validateHtml(): Promise<void> {
    assert.ok(this.documents.size > 0, 'no HTML was collected for the Nu checker');
    const canary = join(this.htmlFolder, '00-canary-must-fail.html');
    writeFileSync(canary, canaryHtml);
    const files = [...this.documents.values()];
    const messages = await runNu([canary, ...files]);
    const fileOf = (m: NuMessage) => (m.url ? decodeURIComponent(new URL(m.url).pathname) : '');
    const isError = (m: NuMessage) => m.type === 'error' || m.type === 'non-document-error';
    const canaryUrl = pathToFileURL(canary).pathname;
    assert.ok(
      messages.some((m) => isError(m) && fileOf(m) === decodeURIComponent(canaryUrl)),
      'the Nu checker did not reject the deliberately invalid canary document, so its verdict on the pages means nothing',
    );
    rmSync(canary);
    const errors = messages.filter((m) => isError(m) && fileOf(m) !== decodeURIComponent(canaryUrl));
    const report = errors
      .map(
        (m) =>
          `  ${basename(fileOf(m))}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'} ${m.message}${m.extract ? `\n    ${m.extract.replace(/\n/g, ' ')}` : ''}`,
      )
      .join('\n');
    if (errors.length) console.log(`Nu HTML checker errors:\n${report}`);
    assert.equal(
      errors.length,
      0,
      `the Nu HTML checker found ${errors.length} error(s) in ${files.length} documents:\n${report}`,
    );
  }
}
