import { collectionSchemas } from '../../schemas/index.ts';
import { readSources, type SourceFile } from '../check/source.ts';
import { collectionFolders, type CollectionName } from '../content/collections.ts';
import { buildOrg, type Org } from './build.ts';
import type { OrgInput } from './types.ts';

/**
 * The organisation graph read straight from a content folder, without Astro: for
 * benchmarks and tests of the diagrams. Entries that fail their schema are left out,
 * as the build would refuse them; `handbook check` says why.
 */
export function readOrg(contentDir: string, today: Date): Org {
  return orgFromSources(readSources(contentDir, contentDir).sources, today);
}

/** The organisation graph from files already read, keeping the entries that pass their schema. */
export function orgFromSources(sources: readonly SourceFile[], today: Date): Org {
  return orgAndLeftOut(sources, today).org;
}

/** An entry the organisation does not hold: its file could not be read, or failed its schema. */
export type LeftOut = { collection: CollectionName; relative: string };

/** Entries whose files exist but could not be read far enough to become sources. */
export function unreadEntries(sources: readonly SourceFile[], existing: readonly LeftOut[]): LeftOut[] {
  const read = new Set(sources.map((source) => source.relative));
  return existing.filter((entry) => !read.has(entry.relative));
}

/**
 * The same, with every entry it leaves out: the `unread` ones, and those failing their
 * schema. What is built from the organisation (the health summary, CODEOWNERS) would be
 * wrong about them.
 */
export function orgAndLeftOut(sources: readonly SourceFile[], today: Date, unread: readonly LeftOut[] = []): { org: Org; leftOut: LeftOut[] } {
  const input = Object.fromEntries(Object.keys(collectionFolders).map((name) => [name, []])) as unknown as OrgInput;
  const leftOut: LeftOut[] = [...unread];
  for (const source of sources) {
    const parsed = collectionSchemas[source.collection].safeParse(source.data);
    if (parsed.success) (input[source.collection as CollectionName] as { id: string; data: unknown; filePath: string }[]).push({ id: source.id, data: parsed.data, filePath: source.file });
    else leftOut.push(source);
  }
  return { org: buildOrg(input, today), leftOut };
}
