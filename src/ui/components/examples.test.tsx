/**
 * Renders every component example on its own, in both languages, and checks the HTML a browser
 * would rely on: no empty render, unique ids, every label pointing at an existing control, every
 * aria-describedby pointing at an existing element. axe and the Nu validator check the same
 * examples in Chromium (e2e/developer-checks-component-examples.spec.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translatorFor } from '../../platform/i18n/i18n.js';
import { defaultSiteSettings } from '../../features/settings/settings.schema.js';
import { ViewContext, type ViewContextValue } from '../context.js';
import { componentExamples } from './examples.js';

function context(language: 'pl' | 'en'): ViewContextValue {
  return {
    t: translatorFor(language),
    language,
    user: null,
    csrfToken: 'test-token',
    nonce: 'nonce',
    settings: defaultSiteSettings,
    path: '/komponenty',
    url: '/komponenty',
    flash: null,
    showDevelopmentPages: true,
  };
}

const ids = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

describe('component examples', () => {
  it('cover every component file', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(new URL('.', import.meta.url))
      .filter((f) => f.endsWith('.tsx') && !f.includes('.test.') && f !== 'examples.tsx' && f !== 'paragraphs.tsx')
      .map((f) => f.replace(/\.tsx$/, ''));
    const covered = new Set(componentExamples.map((c) => c.component));
    assert.deepEqual(
      files.filter((f) => !covered.has(f)),
      [],
    );
  });

  for (const language of ['pl', 'en'] as const) {
    for (const { component, examples } of componentExamples) {
      for (const example of examples) {
        it(`${component}/${example.name} (${language}) renders consistent HTML`, () => {
          const html = renderToString(h(ViewContext.Provider, { value: context(language) }, example.render()));
          assert.ok(html.length > 20, 'rendered something');
          assert.doesNotMatch(html, /undefined|\[object Object\]|ui\.[a-z]/, 'no missing values or untranslated keys');
          const all = ids(html);
          assert.deepEqual(
            all.filter((id, i) => all.indexOf(id) !== i),
            [],
            'ids are unique',
          );
          for (const [, target] of html.matchAll(/<label[^>]*\sfor="([^"]+)"/g))
            assert.ok(all.includes(target!), `label for=${target}`);
          for (const [, refs] of html.matchAll(/aria-describedby="([^"]+)"/g)) {
            for (const ref of refs!.split(' ')) assert.ok(all.includes(ref), `aria-describedby ${ref}`);
          }
          for (const [, href] of html.matchAll(/<a href="#([^"]+)"/g)) {
            // Error-summary links point at fields rendered elsewhere on the page; they follow the field id rule.
            assert.match(href!, /^f-[A-Za-z0-9-]+$/);
          }
        });
      }
    }
  }
});
