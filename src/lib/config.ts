import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { basePath, configSchema, webAddress, type HandbookConfig } from '../schemas/config.ts';
import { today } from './dates.ts';
import { messages } from './messages.ts';
import { userError } from './user-error.ts';

export const CONFIG_FILE = 'handbook.config.json';

/** Why the content folder cannot be read, if it cannot: it is missing, or it is a file. */
export function contentDirProblem(dir: string): string | undefined {
  if (!existsSync(dir)) return messages.contentDirMissing(dir);
  if (!statSync(dir).isDirectory()) return messages.contentDirNotFolder(dir);
  return undefined;
}

/**
 * Astro's cache folder for a content root (its content layer and incremental build): one
 * per root, so building a fixture organisation never reuses entries or pages of another.
 * Relative to the project root.
 */
export function astroCacheDir(contentDir: string): string {
  return `node_modules/.astro/${createHash('sha256').update(contentDir).digest('hex').slice(0, 12)}`;
}

export interface ResolvedConfig extends HandbookConfig {
  /** Absolute path of the content root after applying `HANDBOOK_CONTENT`. */
  contentDir: string;
  /** Absolute path of the project root the config was read from. */
  root: string;
  /**
   * The folder of files the site serves as they are: the build copies it, the check and
   * the links plugin look there for the files links name. One place, so they agree.
   */
  publicDir: string;
}

/** `loadConfig` for a command: a bad setting is said in words, not as an uncaught exception, and the command exits 1. */
export function loadConfigOrExit(): ResolvedConfig {
  try {
    return loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
}

/**
 * Reads `handbook.config.json` (optional: defaults apply without it) and applies the
 * environment. A malformed file throws a message written for the person editing it.
 */
export function loadConfig(root: string = process.cwd(), env: NodeJS.ProcessEnv = process.env): ResolvedConfig {
  const file = path.join(root, CONFIG_FILE);
  let raw: unknown = {};
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // No config file: every option has a default.
  }
  if (text !== undefined) {
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw userError(messages.configNotJson(CONFIG_FILE, (error as Error).message));
    }
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw userError(messages.configInvalid(CONFIG_FILE, problems));
  }
  const contentSetting = env['HANDBOOK_CONTENT']?.trim() || parsed.data.content;
  const chromium = env['HANDBOOK_CHROMIUM']?.trim() || parsed.data.diagrams.chromium;
  const cacheDir = env['HANDBOOK_DIAGRAM_CACHE']?.trim() || parsed.data.diagrams.cacheDir;
  // Deploys set these from where the host serves the site (GitHub Pages' base path and URL);
  // empty means "use the file".
  const base = env['HANDBOOK_BASE']?.trim() || parsed.data.base;
  const site = env['HANDBOOK_SITE']?.trim() || parsed.data.site;
  // Held to what the file's "base" is held to.
  const baseCheck = basePath.safeParse(base);
  if (!baseCheck.success) throw userError(messages.envInvalid('HANDBOOK_BASE', base, baseCheck.error.issues[0]!.message));
  // A HANDBOOK_TODAY that is not a day is refused here, with the settings, before any command uses it.
  today(env);
  // Held to what the file's "site" is held to: it becomes the canonical links of every page.
  const siteCheck = site === undefined ? undefined : webAddress.safeParse(site);
  if (siteCheck && !siteCheck.success) throw userError(messages.envInvalid('HANDBOOK_SITE', site!, siteCheck.error.issues[0]!.message));
  // The build puts the cache's SVGs into pages as they are: a file a pull request commits
  // there (its name is a hash anyone can work out) would reach readers unsanitised.
  const committed = committedIn(path.resolve(root, cacheDir), root);
  if (committed.length > 0) throw userError(messages.cacheDirCommitted(cacheDir, committed[0]!));
  return {
    ...parsed.data,
    base,
    ...(site ? { site } : {}),
    diagrams: { ...parsed.data.diagrams, chromium, cacheDir: path.resolve(root, cacheDir) },
    content: contentSetting,
    contentDir: path.resolve(root, contentSetting),
    root,
    publicDir: path.join(root, 'public'),
  };
}

/**
 * The files git tracks under `dir`, from the repository at `root`; none outside a
 * repository. Asked of the folder's real path: git lists nothing behind a symbolic link,
 * and a committed link could lead the cache into a committed folder.
 */
function committedIn(dir: string, root: string): string[] {
  let head = dir;
  const tail: string[] = [];
  while (!existsSync(head) && path.dirname(head) !== head) {
    tail.unshift(path.basename(head));
    head = path.dirname(head);
  }
  try {
    const real = path.join(realpathSync(head), ...tail);
    return execFileSync('git', ['ls-files', '-z', '--', real], { cwd: realpathSync(root), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\0')
      .filter(Boolean);
  } catch {
    // Not a repository, git missing, or the folder outside the repository: nothing committed there.
    return [];
  }
}
