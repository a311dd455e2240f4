/**
 * The search page's state and its URL, shared by the page's script and the tests. It imports
 * nothing, so the browser bundle stays small.
 */

/** Pagefind filter names, in the order the search page shows them, with their legends. */
export const searchFilters = {
  section: 'Section',
  type: 'Team type',
  stream: 'Stream',
  category: 'Asset category',
} as const;

export type SearchFilter = keyof typeof searchFilters;

/** A search as it appears in the URL of `/search/`: `?q=ledger&section=Team&type=Platform`. */
export interface SearchState {
  query: string;
  filters: Partial<Record<SearchFilter, string[]>>;
}

const filterNames = Object.keys(searchFilters) as SearchFilter[];

/** Reads the search page's URL; unknown parameters are ignored so old links keep working. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const name of filterNames) {
    const values = params.getAll(name).filter((value) => value.trim() !== '');
    if (values.length > 0) filters[name] = [...new Set(values)];
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

/** The query string for a search state, in a stable order so equal searches share a URL. */
export function searchStateQuery(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of filterNames) {
    for (const value of [...(state.filters[name] ?? [])].sort()) params.append(name, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Pagefind's filter argument. Values within one filter widen the search (any of them);
 * different filters narrow it (all of them), as readers expect from checkboxes.
 */
export function pagefindFilters(state: SearchState): Record<string, { any: string[] }> {
  const filters: Record<string, { any: string[] }> = {};
  for (const name of filterNames) {
    const values = state.filters[name];
    if (values && values.length > 0) filters[name] = { any: values };
  }
  return filters;
}

/**
 * Whether a filter value from a link means a filter's value: in any case, and with the
 * content's own spelling (`?type=stream-aligned`, `?section=team`, `?category=economic-model`)
 * as well as the label the page shows ("Stream-aligned", "Team", "Economic model").
 */
export function sameFilterValue(fromLink: string, value: string): boolean {
  const loose = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return loose(fromLink) === loose(value);
}
