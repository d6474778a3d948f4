/**
 * User text is Markdown, stored raw and rendered here — the only place HTML is injected. markdown-it
 * runs with raw HTML disabled, and its output is sanitised with an allow-list; headings are shifted
 * down (h1→h3) so a user's text never competes with the page's own h1/h2.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'blockquote', 'code', 'pre', 'hr'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    h3: 'h5',
    h4: 'h5',
    h5: 'h5',
    h6: 'h5',
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? '', rel: 'nofollow noopener' } }),
  },
};
allowed.allowedAttributes = { a: ['href', 'rel'] };

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), allowed);
}

export function Markdown(props: { source: string; id?: string }) {
  // eslint-disable-next-line no-restricted-syntax -- the one sanctioned use: sanitised above
  return <div class="prose" id={props.id} dangerouslySetInnerHTML={{ __html: renderMarkdown(props.source) }} />;
}
