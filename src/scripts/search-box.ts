import { readerMessages } from '../lib/messages.ts';
import { loadPagefind, resultItem } from './pagefind.ts';

/** How many results the header box shows before pointing to the search page. */
const shown = 6;

/**
 * The header box's results, below the box. Loaded on the first keystroke, so pages that
 * are only read never fetch Pagefind.
 */
export function attachSearchBox(form: HTMLFormElement, input: HTMLInputElement): void {
  const panel = form.querySelector<HTMLElement>('[data-search-panel]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const list = form.querySelector<HTMLOListElement>('[data-search-results]');
  if (!panel || !status || !list) return;
  let latest = 0;

  const run = async () => {
    const query = input.value.trim();
    const id = ++latest;
    if (!query) {
      panel.hidden = true;
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    panel.hidden = false;
    try {
      const pagefind = await loadPagefind();
      const response = await pagefind.debouncedSearch(query, {}, 120);
      if (response === null || id !== latest) return;
      const data = await Promise.all(response.results.slice(0, shown).map((result) => result.data()));
      if (id !== latest) return;
      const count = response.results.length;
      list.replaceChildren(...data.map(resultItem));
      if (count > 0) {
        const more = document.createElement('li');
        more.className = 'search-more';
        const link = document.createElement('a');
        link.href = `${form.action}?q=${encodeURIComponent(query)}`;
        link.textContent = readerMessages.searchAll(count);
        more.append(link);
        list.append(more);
      }
      status.textContent = count > 0 ? readerMessages.searchCount(count, query) : readerMessages.searchEmpty(query);
    } catch {
      if (id !== latest) return;
      list.replaceChildren();
      status.textContent = readerMessages.searchUnavailable;
    }
  };

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a')];
  input.addEventListener('input', () => void run());
  input.addEventListener('focus', () => {
    if (input.value.trim()) panel.hidden = false;
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // The first Escape closes the results and keeps the words (Enter still searches them);
      // a second one clears the box, as the browser does for a search box.
      if (!panel.hidden) event.preventDefault();
      // Focus first: focusing the box reopens the panel, and Escape must leave it closed.
      input.focus();
      panel.hidden = true;
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    // Arrow keys walk from the box through the results and back, as in any search box.
    const all = [input, ...links()];
    const at = all.indexOf(document.activeElement as HTMLInputElement | HTMLAnchorElement);
    if (at === -1 || panel.hidden) return;
    event.preventDefault();
    all[(at + (event.key === 'ArrowDown' ? 1 : all.length - 1)) % all.length]?.focus();
  });
  document.addEventListener('click', (event) => {
    if (!form.contains(event.target as Node)) panel.hidden = true;
  });
  form.addEventListener('focusout', (event) => {
    if (!form.contains(event.relatedTarget as Node | null)) panel.hidden = true;
  });
  void run();
}
