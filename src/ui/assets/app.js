// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so screen readers announce the errors first.
  const summary = document.querySelector('[data-error-summary]');
  if (summary instanceof HTMLElement) summary.focus();

  const liveForm = document.querySelector('form[data-live-search]');
  if (liveForm instanceof HTMLFormElement && 'fetch' in window && 'DOMParser' in window) liveSearch(liveForm);

  const draft = document.querySelector('[data-comment-selection]');
  if (draft instanceof HTMLElement && 'getSelection' in window) commentOnSelection(draft);
});

/**
 * Commenting on selected text (a consultation's draft): selecting a passage inside the draft shows
 * a button, kept in view above the draft, that opens the comment form with the passage
 * (`?fragment=`, at most 500 characters); the server finds the provision containing it. The button
 * stays while it has focus, so a passage selected with the keyboard can be reached with Tab.
 * Without this script every provision keeps its own "comment on this provision" link.
 */
function commentOnSelection(draft) {
  const action = draft.getAttribute('data-comment-selection');
  const wrapper = document.createElement('p');
  wrapper.hidden = true;
  Object.assign(wrapper.style, { position: 'sticky', top: '0', zIndex: '1', background: '#fff', padding: '0.5rem 0' });
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary';
  button.textContent = draft.getAttribute('data-comment-selection-label') || 'Skomentuj zaznaczony fragment';
  wrapper.append(button);
  draft.before(wrapper);
  let selected = '';

  document.addEventListener('selectionchange', () => {
    const selection = window.getSelection();
    const text = selection ? selection.toString().replace(/\s+/g, ' ').trim() : '';
    if (text && selection.rangeCount > 0 && draft.contains(selection.getRangeAt(0).commonAncestorContainer)) {
      selected = text.slice(0, 500);
      wrapper.hidden = false;
    } else if (document.activeElement !== button) {
      selected = '';
      wrapper.hidden = true;
    }
  });
  // A mouse press on the button must not clear the selection before the click.
  button.addEventListener('mousedown', (event) => event.preventDefault());
  button.addEventListener('click', () => {
    if (selected) window.location.assign(`${action}?fragment=${encodeURIComponent(selected)}`);
  });
}

/**
 * Live search on a GET form (the directory): results follow the typing and the ticked filters
 * without a page load. The server renders the same page it would for the submitted form; the
 * filters and results regions are swapped in, the URL is updated (shareable, back button), and
 * the new result count is announced through a polite live region. Without this script the form
 * simply submits.
 */
function liveSearch(form) {
  const regions = ['filtry', 'wyniki'];
  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  form.append(status);
  let timer;
  let controller;

  const update = async () => {
    const params = new URLSearchParams(new FormData(form));
    for (const [key, value] of [...params.entries()]) if (value === '') params.delete(key);
    const query = params.toString();
    const url = `${form.action}${query ? `?${query}` : ''}`;
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await fetch(url, { signal: controller.signal, headers: { Accept: 'text/html' } });
      if (!response.ok) return;
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const focusedId = document.activeElement?.id;
      for (const id of regions) {
        const current = document.getElementById(id);
        const next = page.getElementById(id);
        if (current && next) current.replaceWith(next);
      }
      if (focusedId && focusedId !== 'q') document.getElementById(focusedId)?.focus();
      history.replaceState(null, '', url);
      document.title = page.title;
      status.textContent = document.getElementById('liczba-wynikow')?.textContent ?? '';
    } catch (error) {
      if (error?.name !== 'AbortError') form.removeAttribute('data-live-search');
    }
  };

  form.addEventListener('input', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'search') return;
    clearTimeout(timer);
    timer = setTimeout(update, 300);
  });
  form.addEventListener('change', (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === 'search') return;
    clearTimeout(timer);
    update();
  });
}
