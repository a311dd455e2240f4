import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

/** A file's move in git, as paths relative to the content root. */
export interface Move {
  from: string;
  to: string;
}

export interface ContentHistory {
  /** When each file, by absolute path, last changed. */
  updated: Map<string, Date>;
  /** Every rename, oldest first, as git detects them (a file moved with most of its text kept). */
  moves: Move[];
}

/**
 * Kept on the global object: the Astro config (for redirects) and the pages (for "Last
 * updated") load this module as two copies in one build, and the walk should run once.
 */
const histories: Map<string, ContentHistory> = ((globalThis as { [key: symbol]: unknown })[Symbol.for('handbook.contentHistory')] ??= new Map()) as Map<string, ContentHistory>;

/**
 * What git knows of the files under `dir`: one `git log` for the whole folder, read once
 * per build, so a page costs a map lookup however many files there are. The walk through
 * the commits is most of its cost, so last changes and renames come from the same one.
 * Empty when the folder is not in a repository (or git is missing); pages then fall back
 * to file times, and no page has an old address.
 */
export function contentHistory(dir: string): ContentHistory {
  let history = histories.get(dir);
  if (history) return history;
  history = { updated: new Map(), moves: [] };
  histories.set(dir, history);
  let log: string;
  try {
    log = execFileSync('git', ['-c', 'core.quotePath=false', 'log', '--format=%x00%cI', '--name-status', '-M', '--relative', '-z', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    // Not a git checkout.
    return history;
  }
  // -z: each commit is its date, then a status per file ("M", "R100", …) and its path, or
  // for a rename or copy the old path and the new one; every field ends in a NUL.
  const fields = log.split('\0').map((field) => field.replace(/^\n+/, ''));
  const newestFirst: Move[] = [];
  let date: Date | undefined;
  for (let index = 0; index < fields.length; index++) {
    const field = fields[index]!;
    if (/^\d{4}-\d\d-\d\dT/.test(field)) {
      date = new Date(field);
      continue;
    }
    if (!/^[ACDMRTUX]\d*$/.test(field)) continue;
    const paths = /^[RC]/.test(field) ? [fields[index + 1], fields[index + 2]] : [fields[index + 1]];
    index += paths.length;
    const now = paths.at(-1);
    // Newest first: the first date seen for a file is its last change.
    if (now && date && !history.updated.has(path.join(dir, now))) history.updated.set(path.join(dir, now), date);
    if (field.startsWith('R') && paths[0] && now) newestFirst.push({ from: paths[0], to: now });
  }
  history.moves = newestFirst.reverse();
  return history;
}

/** When each file under `dir` last changed in git, by absolute path. */
export function gitHistory(dir: string): Map<string, Date> {
  return contentHistory(dir).updated;
}

/** When a file under the content root last changed: its last commit, or its modification time when git knows nothing of it. */
export function lastUpdated(file: string, contentDir: string): Date | undefined {
  const absolute = path.resolve(file);
  const committed = gitHistory(path.resolve(contentDir)).get(absolute);
  if (committed) return committed;
  try {
    return statSync(absolute).mtime;
  } catch {
    return undefined;
  }
}
