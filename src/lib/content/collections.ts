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

/**
 * An entry's id is its path below the collection folder without the extension, as the
 * content model promises (`teams/cash-insights.md` is `cash-insights`). A handbook
 * folder's `index` page takes the folder's own URL.
 */
export function entryId(relativePath: string): string {
  const withoutExtension = relativePath.replace(/\\/g, '/').replace(/\.(mdx?|ya?ml)$/i, '');
  return withoutExtension.replace(/(^|\/)index$/, '') || 'index';
}
