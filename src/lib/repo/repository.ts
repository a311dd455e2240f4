import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Where the handbook's repository lives, for "Edit this page". */
export interface Repository {
  /** https://github.com/acme/handbook */
  url: string;
  branch: string;
}

/** `git@github.com:acme/handbook.git` or `https://github.com/acme/handbook.git` → `https://github.com/acme/handbook`. */
export function webUrl(remote: string): string | undefined {
  const ssh = /^(?:ssh:\/\/)?git@([^:/]+)[:/](.+?)(?:\.git)?\/?$/.exec(remote.trim());
  if (ssh) return `https://${ssh[1]}/${ssh[2]}`;
  const https = /^https?:\/\/(?:[^@/]+@)?([^/]+)\/(.+?)(?:\.git)?\/?$/.exec(remote.trim());
  return https ? `https://${https[1]}/${https[2]}` : undefined;
}

/**
 * The repository, from (in order) `repository.url` in handbook.config.json, the GitHub
 * Actions environment, or the checkout's `origin` remote. Undefined when none says, and
 * pages then show no edit link rather than a wrong one.
 */
export function findRepository(configured: { url?: string | undefined; branch?: string | undefined }, root: string, env: NodeJS.ProcessEnv = process.env): Repository | undefined {
  const branch = configured.branch ?? 'main';
  if (configured.url) return { url: configured.url.replace(/\/$/, ''), branch };
  if (env['GITHUB_SERVER_URL'] && env['GITHUB_REPOSITORY']) return { url: `${env['GITHUB_SERVER_URL']}/${env['GITHUB_REPOSITORY']}`, branch };
  try {
    const remote = execFileSync('git', ['remote', 'get-url', 'origin'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const url = webUrl(remote);
    return url ? { url, branch } : undefined;
  } catch {
    return undefined;
  }
}

/** The edit page of a file, or undefined for a file outside the repository (a content root elsewhere). */
export function editUrl(repository: Repository | undefined, root: string, file: string): string | undefined {
  if (!repository) return undefined;
  const relative = path.relative(root, path.resolve(root, file));
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return `${repository.url}/edit/${repository.branch}/${relative.split(path.sep).map(encodeURIComponent).join('/')}`;
}
