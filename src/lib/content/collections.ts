/**
 * Where each collection lives under the content root and which files belong to it.
 * Shared by the Astro content config and (later) the checker, so both agree on what
 * counts as an entry.
 */
export const collectionFolders = {
  people: { folder: 'people', pattern: '*.{yaml,yml}' },
  teams: { folder: 'teams', pattern: '*.{md,mdx}' },
  streams: { folder: 'streams', pattern: '*.{md,mdx}' },
  assets: { folder: 'assets', pattern: '*.{md,mdx}' },
  phases: { folder: 'phases', pattern: '*.{md,mdx}' },
  council: { folder: 'council', pattern: '*.{md,mdx}' },
  handbook: { folder: 'handbook', pattern: '**/*.{md,mdx}' },
} as const;

export type CollectionName = keyof typeof collectionFolders;

/** The collection each kind of entry lives in; decisions live inside council minutes. */
export const collectionOfKind = {
  person: 'people',
  team: 'teams',
  stream: 'streams',
  asset: 'assets',
  phase: 'phases',
  council: 'council',
} as const satisfies Record<string, CollectionName>;

export type EntryKind = keyof typeof collectionOfKind;

/**
 * First path segments the site's own pages use (including those later features add).
 * A handbook page under one of these would be hidden by the built-in page, so both the
 * checker and the handbook route refuse it.
 */
export const reservedSegments = new Set([
  'teams',
  'people',
  'streams',
  'assets',
  'phases',
  'council',
  'org',
  'topology',
  'roadmap',
  'quiz',
  'search',
  'health',
  'checks',
  'pagefind',
  '_astro',
]);

/** The reserved first segment a handbook page id would collide with, if any (`index` is the home page). */
export function reservedHandbookSegment(id: string): string | undefined {
  const segment = id.split('/')[0] ?? id;
  // 404 is the not-found page: Astro renders it instead of a handbook page, with only a warning.
  return reservedSegments.has(segment) || id === 'index' || id === '404' ? segment : undefined;
}

/**
 * An entry's id is its path below the collection folder without the extension, as the
 * content model promises (`teams/cash-insights.md` is `cash-insights`). A handbook
 * folder's `index` page takes the folder's own URL.
 */
export function entryId(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.(mdx?|ya?ml)$/i, '');
  return withoutExtension.replace(/(^|\/)index$/, '') || 'index';
}
