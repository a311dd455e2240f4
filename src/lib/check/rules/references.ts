import { collectionFolders, collectionOfKind, type CollectionName, type EntryKind } from '../../content/collections.ts';
import { checkMessages } from '../../messages.ts';
import type { Problem } from '../problem.ts';
import { positionOf, type SourceFile } from '../source.ts';
import { explainedAmong } from '../characters.ts';
import { closestOrContaining } from '../suggest.ts';
import { fieldName } from './schema.ts';

import type { RefKind } from '../../org/types.ts';
import type { Moves } from '../../repo/renames.ts';

type Target = 'person' | 'team' | 'stream' | 'decision';
type PathKey = string | number;

/** Every field that holds an id, by collection; `*` stands for each item of a list. */
const referenceFields: Partial<Record<CollectionName, [string, Target][]>> = {
  people: [['reportsTo', 'person']],
  teams: [
    ['stream', 'stream'],
    ['productManager', 'person'],
    ['techLead', 'person'],
    ['members.*', 'person'],
    ['responsibilities.*.owner', 'person'],
    ['interactions.*.team', 'team'],
  ],
  assets: [
    ['stream', 'stream'],
    ['owner', 'team'],
  ],
  council: [
    ['attendees.*', 'person'],
    ['absent.*', 'person'],
    ['podUpdates.*.team', 'team'],
    ['podUpdates.*.sharedWith.*', 'team'],
    ['decisions.*.supersedes', 'decision'],
    ['roadmap.*.teams.*', 'team'],
    ['actions.*.owner', 'person'],
  ],
};

/** Each value at a `*` path, with its concrete path. */
function* valuesAt(data: unknown, pattern: string[], prefix: PathKey[] = []): Generator<[PathKey[], unknown]> {
  if (pattern.length === 0) {
    yield [prefix, data];
    return;
  }
  const [head, ...rest] = pattern;
  if (head === '*') {
    if (Array.isArray(data)) for (const [index, item] of data.entries()) yield* valuesAt(item, rest, [...prefix, index]);
  } else if (data !== null && typeof data === 'object' && head! in data) {
    yield* valuesAt((data as Record<string, unknown>)[head!], rest, [...prefix, head!]);
  }
}

export type KnownIds = Record<RefKind, Set<string>> & {
  /** Kinds whose ids are not all known, because a file that declares some could not be read. */
  uncertain?: ReadonlySet<RefKind>;
  /** Entries renamed in git, to name an old id's new one (repo/renames.ts). */
  moves?: Moves;
};

/** Whether an id of this kind names nothing, as far as the readable files tell. */
export const namesNothing = (ids: KnownIds, kind: RefKind, id: string): boolean => !ids[kind].has(id) && !ids.uncertain?.has(kind);

/** The ids that exist, gathered from every readable entry. */
export function knownIds(sources: SourceFile[], existing: { collection: CollectionName; id: string }[] = sources, incomplete: ReadonlySet<CollectionName> = new Set()): KnownIds {
  const ids: KnownIds = {
    // Decisions are declared inside minutes; an entry's own id is known from its file name.
    uncertain: new Set(incomplete.has('council') ? ['decision'] : []),
    person: new Set(),
    team: new Set(),
    stream: new Set(),
    asset: new Set(),
    phase: new Set(),
    council: new Set(),
    decision: new Set(),
  };
  const kindOf = new Map(Object.entries(collectionOfKind).map(([kind, collection]) => [collection as CollectionName, kind as EntryKind]));
  for (const { collection, id } of existing) {
    const kind = kindOf.get(collection);
    if (kind) ids[kind].add(id);
  }
  for (const source of sources) {
    if (source.collection === 'council') {
      for (const [, id] of valuesAt(source.data, ['decisions', '*', 'id'])) if (typeof id === 'string') ids.decision.add(id);
    }
  }
  return ids;
}

/** Every id in a file that names no entry, at its value, with the likeliest intended id. */
export function checkReferences(source: SourceFile, ids: KnownIds, contentLabel: string): Problem[] {
  const problems: Problem[] = [];
  for (const [pattern, target] of referenceFields[source.collection] ?? []) {
    for (const [pathKeys, value] of valuesAt(source.data, pattern.split('.'))) {
      // A blank id is the schema's to report, as missing.
      if (typeof value !== 'string' || value.trim() === '' || !namesNothing(ids, target, value)) continue;
      problems.push({
        file: source.file,
        ...positionOf(source, pathKeys),
        severity: 'error',
        rule: `references/${target}`,
        message: unknownRefMessage(target, value, fieldName(pathKeys), ids, contentLabel),
      });
    }
  }
  return problems;
}

/** What to tell an author whose id names nothing: the likeliest id they meant, and where the entry would live. */
export function unknownRefMessage(kind: RefKind, id: string, field: string, ids: KnownIds, contentLabel: string): string {
  const inContent = (file: string) => (contentLabel === '.' ? file : `${contentLabel}/${file}`);
  const moved = kind === 'decision' ? undefined : ids.moves?.entry(collectionOfKind[kind], id);
  if (moved && moved.now.collection === moved.collection) {
    return checkMessages.renamedRef(kind, id, field, checkMessages.renamed(inContent(moved.file), inContent(moved.now.file)), moved.now.id);
  }
  const hint =
    kind === 'decision'
      ? 'Decision ids are the "id" of a decision in any council minutes.'
      : `There is no ${contentLabel === '.' ? '' : `${contentLabel}/`}${collectionFolders[collectionOfKind[kind]].folder}/${id}${kind === 'person' ? '.yaml' : '.md'}.`;
  // "kwame‑asante" with a non-breaking hyphen is "kwame-asante" to the eye: say which character, and look up the id without it.
  return explainedAmong(id, ids[kind], (suggestion) => checkMessages.unknownRef(kind, id, field, suggestion, hint), closestOrContaining);
}
