import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { collectionFolders, entryId, entryPagePath, placeOf, type CollectionName } from '../content/collections.ts';
import { contentHistory, type Move } from './history.ts';

export type { Move };

/**
 * Every rename git knows under `contentDir`, oldest first: those committed (history.ts) and
 * those staged for the next commit (`git mv`), so a check run before committing knows them
 * too. Empty when the folder is not in a repository, git is missing, or the clone is
 * shallow past the renames: the handbook workflow fetches the whole history.
 */
export function gitMoves(contentDir: string): Move[] {
  let moves = staged.get(contentDir);
  if (moves) return moves;
  moves = [...contentHistory(contentDir).moves];
  staged.set(contentDir, moves);
  let diff: string;
  try {
    diff = execFileSync('git', ['-c', 'core.quotePath=false', 'diff', '--cached', '--name-status', '-M', '--diff-filter=R', '--relative', '-z', '--', '.'], {
      cwd: contentDir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    // Not a repository, or one with no commit yet.
    return moves;
  }
  // -z: "R<similarity>", the old path and the new one, each ended by a NUL.
  const fields = diff.split('\0');
  for (let index = 0; index + 2 < fields.length; index += 3) {
    const [from, to] = [fields[index + 1], fields[index + 2]];
    if (from && to) moves.push({ from, to });
  }
  return moves;
}

const staged = new Map<string, Move[]>();

/**
 * Where each path a file once had leads now: along its later moves to a path that exists.
 * A path that exists again (a new file took the old name) leads nowhere, nor does one whose
 * moves end in a file deleted since. `moves` are oldest first; a path moved twice follows
 * its last move.
 */
export function currentPlaces(moves: readonly Move[], exists: (relative: string) => boolean): Map<string, string> {
  const next = new Map<string, string>();
  for (const { from, to } of moves) next.set(from, to);
  const places = new Map<string, string>();
  for (const from of next.keys()) {
    if (exists(from)) continue;
    const seen = new Set<string>();
    let at = from;
    // A file moved back and forth would otherwise go round for ever.
    while (!exists(at) && next.has(at) && !seen.has(at)) {
      seen.add(at);
      at = next.get(at)!;
    }
    if (at !== from && exists(at)) places.set(from, at);
  }
  return places;
}

/** The files, relative to the content root, any of which would give an entry of this id its page. */
function filesOf(collection: CollectionName, id: string): string[] {
  const folder = collectionFolders[collection].folder;
  const extensions = collection === 'people' ? ['yaml', 'yml'] : ['md', 'mdx'];
  const stems = collection === 'handbook' ? [id, `${id}/index`] : [id];
  return stems.flatMap((stem) => extensions.map((extension) => `${folder}/${stem}.${extension}`));
}

/** The collection and id of the entry a file relative to the content root would be, if it is one. */
function entryAt(relative: string): { collection: CollectionName; id: string } | undefined {
  const place = placeOf(relative);
  return 'collection' in place && !('wrong' in place) ? { collection: place.collection, id: entryId(place.inCollection) } : undefined;
}

/** An entry renamed or moved in git, whose old page no entry has now. */
export interface MovedEntry {
  collection: CollectionName;
  id: string;
  /** Its file then, relative to the content root. */
  file: string;
  /** Its page's site path then, without the base path. */
  page: string;
  now: { collection: CollectionName; id: string; file: string; page: string };
}

/**
 * The entries renamed or moved in git, each with where it is now: a charter renamed from
 * `teams/ledger.md` to `teams/ledger-team.md`, or moved on to another name since. An old
 * page that an entry has again is left to that entry; `.md` to `.mdx` keeps the page and
 * is not a move.
 */
export function movedEntries(contentDir: string, moves: readonly Move[] = gitMoves(contentDir)): MovedEntry[] {
  if (moves.length === 0) return [];
  const exists = (relative: string) => existsSync(path.join(contentDir, relative));
  const moved: MovedEntry[] = [];
  for (const [from, to] of currentPlaces(moves, exists)) {
    const old = entryAt(from);
    const now = entryAt(to);
    if (!old || !now || filesOf(old.collection, old.id).some(exists)) continue;
    const page = entryPagePath(old.collection, old.id);
    const nowPage = entryPagePath(now.collection, now.id);
    if (page !== nowPage) moved.push({ ...old, file: from, page, now: { ...now, file: to, page: nowPage } });
  }
  return moved;
}

/** The old site paths of a moved entry's pages, each with its path now: the entry's page, and an asset's quiz. */
function pagesOf(entry: MovedEntry): [string, string][] {
  const pages: [string, string][] = [[entry.page, entry.now.page]];
  if (entry.collection === 'assets' && entry.now.collection === 'assets') pages.push([`/quiz/${entry.id}/`, `/quiz/${entry.now.id}/`]);
  return pages;
}

/** A page that moved: its old site path and the one it has now, both without the base path. */
export interface MovedPage {
  from: string;
  to: string;
}

/**
 * The old addresses of moved entries and where they lead now, so that links shared in chat
 * and onboarding documents keep working. An asset's quiz moves with it.
 */
export function movedPages(moved: readonly MovedEntry[]): MovedPage[] {
  const pages = new Map(moved.flatMap(pagesOf));
  return [...pages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([from, to]) => ({ from, to }));
}

/** Moved entries looked up by their old page, file or id; git runs at the first question, if one is asked. */
export interface Moves {
  /** The entry whose old page (or, for an asset, old quiz) this site path was, and where that page is now. */
  page(sitePath: string): { entry: MovedEntry; now: string } | undefined;
  /** The entry this file, relative to the content root, used to be. */
  file(relative: string): MovedEntry | undefined;
  /** The entry of this collection that had this id. */
  entry(collection: CollectionName, id: string): MovedEntry | undefined;
}

export function movesIn(contentDir: string, moves?: readonly Move[]): Moves {
  let found: { pages: Map<string, { entry: MovedEntry; now: string }>; files: Map<string, MovedEntry>; ids: Map<string, MovedEntry> } | undefined;
  const load = () => {
    if (found) return found;
    const moved = movedEntries(contentDir, moves);
    found = { pages: new Map(), files: new Map(), ids: new Map() };
    for (const entry of moved) {
      for (const [page, now] of pagesOf(entry)) found.pages.set(page, { entry, now });
      found.files.set(entry.file, entry);
      found.ids.set(`${entry.collection}/${entry.id}`, entry);
    }
    return found;
  };
  return {
    page: (sitePath) => load().pages.get(sitePath),
    file: (relative) => load().files.get(relative),
    entry: (collection, id) => load().ids.get(`${collection}/${id}`),
  };
}
