import { readerMessages } from '../lib/messages.ts';
import { pagefindFilters, parseSearchState, sameFilterValue, searchStateQuery, type SearchFilter, type SearchState } from '../lib/search/state.ts';
import { loadPagefind, resultItem, type PagefindResponse } from './pagefind.ts';

/** Results shown at once; "Show more" adds as many again. */
const pageSize = 20;

/** The search page: the query and the filters live in the URL, so a search can be shared. */
export function startSearchPage(form: HTMLFormElement): void {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  const status = form.querySelector<HTMLElement>('[data-search-status]');
  const list = form.querySelector<HTMLOListElement>('[data-search-results]');
  const more = form.querySelector<HTMLButtonElement>('[data-search-more]');
  if (!input || !status || !list || !more) return;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

  const initial = parseSearchState(location.search);
  // On a phone the filters stand above the results and would push them off the first screen: folded, unless the link chose some.
  const folding = form.querySelector<HTMLDetailsElement>('[data-search-filters]');
  if (folding && matchMedia('(max-width: 40rem)').matches && Object.keys(initial.filters).length === 0) folding.open = false;
  input.value = initial.query;
  // A link written by hand may spell a value as the content does (`?type=platform`): it still ticks its box.
  for (const box of boxes) box.checked = initial.filters[box.name as SearchFilter]?.some((value) => sameFilterValue(value, box.value)) ?? false;

  const read = (): SearchState => {
    const filters: SearchState['filters'] = {};
    for (const box of boxes) if (box.checked) (filters[box.name as SearchFilter] ??= []).push(box.value);
    return { query: input.value.trim(), filters };
  };

  let latest = 0;
  let response: PagefindResponse | undefined;
  let filterIndex: Promise<unknown> | undefined;

  let shown = 0;
  /** Appends the next page of this response's results; a newer search or a second click while loading changes nothing. */
  const showMore = async (of: PagefindResponse) => {
    if (of !== response || more.disabled) return;
    more.disabled = true;
    const from = shown;
    const data = await Promise.all(of.results.slice(from, from + pageSize).map((result) => result.data()));
    more.disabled = false;
    if (of !== response || shown !== from) return;
    list.append(...data.map(resultItem));
    shown += data.length;
    more.hidden = shown >= of.results.length;
  };

  const clear = () => {
    response = undefined;
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    for (const count of form.querySelectorAll('[data-count]')) count.textContent = '';
  };

  const run = async () => {
    const state = read();
    const id = ++latest;
    history.replaceState(null, '', `${location.pathname}${searchStateQuery(state)}`);
    const filters = pagefindFilters(state);
    if (!state.query && Object.keys(filters).length === 0) {
      clear();
      status.textContent = readerMessages.searchPrompt;
      return;
    }
    try {
      const pagefind = await loadPagefind();
      await (filterIndex ??= pagefind.filters());
      // A filter alone lists every page under it: "all platform teams".
      const query = state.query || null;
      const found = await pagefind.search(query, { filters });
      // A chosen value's siblings count as if their group were unchosen, because choosing one
      // widens the search: "Team (6)" stays beside "Person (12)" once Team is ticked.
      const counts: Record<string, Record<string, number> | undefined> = { ...found.filters };
      for (const name of Object.keys(filters)) {
        const { [name]: _, ...others } = filters;
        counts[name] = (await pagefind.search(query, { filters: others })).filters[name];
      }
      if (id !== latest) return;
      clear();
      response = found;
      for (const box of boxes) {
        const count = box.parentElement?.querySelector('[data-count]');
        if (count) count.textContent = `(${counts[box.name]?.[box.value] ?? 0})`;
      }
      await showMore(found);
      if (id !== latest) return;
      status.textContent =
        found.results.length > 0 ? readerMessages.searchCount(found.results.length, state.query) : readerMessages.searchEmpty(state.query);
    } catch {
      if (id !== latest) return;
      clear();
      status.textContent = readerMessages.searchUnavailable;
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  form.addEventListener('change', (event) => {
    if ((event.target as HTMLInputElement).type === 'checkbox') void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  more.addEventListener('click', () => {
    if (response) void showMore(response);
  });
  void run();
}
