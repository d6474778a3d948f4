import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { renderMarkdown } from './markdown.js';

describe('Markdown rendering', () => {
  it('renders the basics and shifts headings below the page headings', () => {
    assert.equal(renderMarkdown('# Cele\n\n**Pomoc** dzieciom'), '<h3>Cele</h3>\n<p><strong>Pomoc</strong> dzieciom</p>\n');
    assert.match(renderMarkdown('https://krokus.example.pl'), /<a href="https:\/\/krokus\.example\.pl" rel="nofollow noopener">/);
  });

  it('never lets markup, scripts or dangerous links through', () => {
    for (const attack of [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[x](javascript:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD4=)',
      '<a href="https://e.pl" onclick="x()">a</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)>',
    ]) {
      const html = renderMarkdown(attack);
      assert.doesNotMatch(html, /<(script|img|iframe|svg)|<[^>]*\son[a-z]+=|href="(javascript|data):/i, `${attack} → ${html}`);
    }
  });

  it('produces only allowed tags for any input (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (source) => {
        const html = renderMarkdown(source);
        for (const [, tag] of html.matchAll(/<([a-z0-9]+)[\s>/]/gi)) {
          assert.ok(
            ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'blockquote', 'code', 'pre', 'hr'].includes(
              tag!.toLowerCase(),
            ),
            tag,
          );
        }
        assert.doesNotMatch(html, /\son[a-z]+=/i);
      }),
      { numRuns: 500 },
    );
  });
});
