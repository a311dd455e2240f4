/** What the search UI uses of Pagefind's browser API (pagefind.js, written by the build). */
export interface PagefindResultData {
  url: string;
  /** HTML: Pagefind escapes the page text and wraps matches in <mark>. */
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}

export interface PagefindResponse {
  results: { id: string; data(): Promise<PagefindResultData> }[];
  /** Per filter, per value: how many results would remain with it chosen. */
  filters: Record<string, Record<string, number>>;
}

interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown> }): Promise<PagefindResponse>;
  debouncedSearch(term: string, options: { filters?: Record<string, unknown> }, ms: number): Promise<PagefindResponse | null>;
  /** Every filter value with its page count; also loads the filter index, without which searches report no counts. */
  filters(): Promise<Record<string, Record<string, number>>>;
}

let pagefind: Promise<Pagefind> | undefined;

/** Loads Pagefind once, on first use; a failed load (no index in `astro dev`) may be retried. */
export function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (async () => {
    const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
    const module = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    // A system id should lead to the charter that owns it (its `systems` meta), not to the
    // shorter pages of the people who mention it.
    await module.options({ baseUrl: base, excerptLength: 20, ranking: { metaWeights: { title: 5, systems: 8 } } });
    return module;
  })().catch((error: unknown) => {
    pagefind = undefined;
    throw error;
  });
  return pagefind;
}

/** One result as a list item: the page title as a link, its section, and the matching excerpt. */
export function resultItem(data: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta['title'] ?? data.url;
  item.append(link);
  const section = data.filters['section']?.[0];
  if (section) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = section;
    item.append(' ', badge);
  }
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  // Safe as HTML: Pagefind escapes < and > in page text; only its own <mark> tags remain.
  excerpt.innerHTML = data.excerpt;
  item.append(excerpt);
  return item;
}
