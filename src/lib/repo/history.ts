import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';

const histories = new Map<string, Map<string, Date>>();

/**
 * When each file under `dir` last changed in git: one `git log` for the whole folder, read
 * once per build, so a page costs a map lookup however many files there are. Empty when
 * the folder is not in a repository (or git is missing); pages then fall back to file times.
 */
export function gitHistory(dir: string): Map<string, Date> {
  let history = histories.get(dir);
  if (history) return history;
  history = new Map();
  histories.set(dir, history);
  try {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const log = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', '.'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let date: Date | undefined;
    for (const line of log.split('\n')) {
      if (line.startsWith('\0')) date = new Date(line.slice(1));
      else if (line && date) {
        const file = path.join(root, line);
        // Newest first: the first date seen for a file is its last change.
        if (!history.has(file)) history.set(file, date);
      }
    }
  } catch {
    // Not a git checkout: every page uses its file's time.
  }
  return history;
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
