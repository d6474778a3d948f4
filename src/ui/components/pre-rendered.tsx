/**
 * HTML that our own components rendered earlier (so Preact escaped every value then), kept in a
 * cache and placed back into a page — e.g. the directory's results and facets for one cached
 * answer. Never pass it anything else: user input must go through components or the Markdown one.
 */
export function PreRendered(props: { html: string }) {
  // eslint-disable-next-line no-restricted-syntax -- HTML produced by renderToString of our own components
  return <div class="pre-rendered" dangerouslySetInnerHTML={{ __html: props.html }} />;
}
