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

/** The collections the health summary and CODEOWNERS are built from. */
export const orgCollections: ReadonlySet<CollectionName> = new Set(['teams', 'people', 'assets', 'council']);

/**
 * Collections whose body a page shows under a heading of its own ("In the team's words",
 * "About this stream", "Minutes"): their "##" headings are a level below it.
 */
export const nestedBodies: ReadonlySet<CollectionName> = new Set(['teams', 'streams', 'council']);

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

/** Where a file sits in the content model: in a collection, or why it is in none. */
export type ContentPlace =
  | { collection: CollectionName; inCollection: string }
  | { wrong: 'folder' }
  | { wrong: 'kind' | 'nested'; folder: string; collection: CollectionName };

/**
 * The collection a file belongs to, from its path relative to the content root: people
 * are YAML directly under people/, every other entry Markdown or MDX, in sub-folders only
 * under handbook/.
 */
export function placeOf(relative: string): ContentPlace {
  const [folder = '', ...rest] = relative.split('/');
  const collection = (Object.keys(collectionFolders) as CollectionName[]).find((name) => collectionFolders[name].folder === folder);
  if (!collection || rest.length === 0) return { wrong: 'folder' };
  const inCollection = rest.join('/');
  const nested = rest.length > 1;
  if (collection === 'people') {
    if (nested || !/\.ya?ml$/i.test(inCollection)) return { wrong: 'kind', folder, collection };
  } else if (!/\.mdx?$/i.test(inCollection)) {
    return { wrong: 'kind', folder, collection };
  } else if (nested && collection !== 'handbook') {
    return { wrong: 'nested', folder, collection };
  }
  return { collection, inCollection };
}

/** The site path of an entry's page, without the base path: handbook pages sit at the root (`/how-we-work/`), the rest under their folder (`/teams/ledger/`). */
export function entryPagePath(collection: CollectionName, id: string): string {
  return collection === 'handbook' ? `/${id}/` : `/${collectionFolders[collection].folder}/${id}/`;
}
