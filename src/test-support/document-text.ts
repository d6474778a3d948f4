/**
 * Golden tests of generated documents (the consultation report, the meeting protocol): the text of an
 * HTML page's article and an ordered search for fragments in it, in a PDF's or a DOCX's text.
 *
 *   assertInOrder(articleText(response.body, 'protocol'), ['Ad. 1', 'Ad. 2'], 'HTML');
 */
import assert from 'node:assert/strict';

/** One line of words: whitespace collapsed, page footers ("strona 1 z 3") removed, compared without case. */
export function normalise(text: string): string {
  return text
    .replace(/strona \d+ z \d+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('pl');
}

/** Asserts every fragment occurs after the previous one (after `normalise`); reports the first one missing. */
export function assertInOrder(text: string, fragments: readonly string[], where: string): void {
  const haystack = normalise(text);
  let at = 0;
  for (const fragment of fragments) {
    const needle = normalise(fragment);
    const found = haystack.indexOf(needle, at);
    assert.ok(
      found >= 0,
      `${where}: "${needle}" is missing after position ${at}${haystack.includes(needle) ? ' (it occurs earlier: wrong order)' : ''}\n…${haystack.slice(Math.max(0, at - 80), at + 200)}…`,
    );
    at = found + needle.length;
  }
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of the page's `<article class="…">` with exactly this class attribute: tags as spaces, entities decoded. */
export function articleText(html: string, articleClass: string): string {
  const escaped = articleClass.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const article = new RegExp(`<article class="${escaped}"[^>]*>([\\s\\S]*?)</article>`).exec(html)?.[1];
  assert.ok(article, `the page has the article "${articleClass}"`);
  return article
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, code: string) =>
      code.startsWith('#x')
        ? String.fromCodePoint(parseInt(code.slice(2), 16))
        : code.startsWith('#')
          ? String.fromCodePoint(Number(code.slice(1)))
          : (entities[code] ?? whole),
    );
}
