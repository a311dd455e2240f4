import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { entryId, entryPagePath, placeOf, reservedHandbookSegment, type CollectionName } from '../content/collections.ts';
import { isId } from '../ids.ts';
import { contentHistory, type Move } from './history.ts';

export type { Move };

const known = new Map<string, Move[]>();

/**
 * Every rename git knows under `contentDir`, oldest first: those committed (history.ts) and
 * those staged for the next commit (`git mv`), so a check run before committing knows them
 * too. Empty when the folder is not in a repository, git is missing, or the clone is
 * shallow past the renames: the handbook workflow fetches the whole history.
 */
export function gitMoves(contentDir: string): Move[] {
  let moves = known.get(contentDir);
  if (moves) return moves;
  moves = [...contentHistory(contentDir).moves];
  known.set(contentDir, moves);
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

/**
 * Where each path a file once had leads now: along its later moves to a path that exists.
 * `moves` are oldest first. From a path, the walk takes the last move away from it, then
 * from each path it reaches only a move made after it arrived there, so a new file that
 * later took a name in the middle of a chain does not catch it (ledger → payments →
 * payments-core leads to payments-core, whatever "payments" is now). A path that exists
 * again (a new file took the old name) leads nowhere, nor does a chain that ends in a file
 * deleted since.
 */
export function currentPlaces(moves: readonly Move[], exists: (relative: string) => boolean): Map<string, string> {
  // Each path's moves away, by their place in time.
  const away = new Map<string, number[]>();
  moves.forEach(({ from }, index) => {
    const indexes = away.get(from);
    if (indexes) indexes.push(index);
    else away.set(from, [index]);
  });
  const places = new Map<string, string>();
  for (const [from, indexes] of away) {
    if (exists(from)) continue;
    let index = indexes.at(-1)!;
    let at = moves[index]!.to;
    for (;;) {
      const next = away.get(at)?.find((later) => later > index);
      if (next === undefined) break;
      index = next;
      at = moves[index]!.to;
    }
    if (exists(at)) places.set(from, at);
  }
  return places;
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
  const pagesNow = currentPages(contentDir);
  const moved: MovedEntry[] = [];
  for (const [from, to] of currentPlaces(moves, exists)) {
    const old = entryAt(from);
    const now = entryAt(to);
    // Only an address the site could have had: an id in kebab-case (a file named "q#a.md"
    // or "[draft].md" never had a page), and a handbook page off the site's own addresses.
    if (!old || !now || !old.id.split('/').every(isId) || (old.collection === 'handbook' && reservedHandbookSegment(old.id) !== undefined)) continue;
    const page = entryPagePath(old.collection, old.id);
    const nowPage = entryPagePath(now.collection, now.id);
    // A page the site has now, of any entry (handbook/ledger.md moved away while teams/ledger.md stays), keeps its address.
    if (page !== nowPage && !pagesNow.has(page)) moved.push({ ...old, file: from, page, now: { ...now, file: to, page: nowPage } });
  }
  return moved;
}

/** The page of every entry under the content root now, and every asset's quiz. */
function currentPages(contentDir: string): Set<string> {
  const pages = new Set<string>();
  let files: string[];
  try {
    files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return pages;
  }
  for (const file of files) {
    const entry = entryAt(file.split(path.sep).join('/'));
    if (!entry) continue;
    pages.add(entryPagePath(entry.collection, entry.id));
    if (entry.collection === 'assets') pages.add(`/quiz/${entry.id}/`);
  }
  return pages;
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
