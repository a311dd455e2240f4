import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse, type HTMLElement } from 'node-html-parser';
import { hasAnchor, type KnownAnchors } from '../../src/lib/links/anchors.ts';

const run = promisify(execFile);
export const projectRoot = path.resolve(import.meta.dirname, '../..');
const astroBin = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');

/** The date every test build treats as today, so overdue and review ages are stable. */
export const TEST_TODAY = '2026-11-20';

export interface BuiltSite {
  outDir: string;
  /** What the build printed (stdout and stderr). */
  log: string;
  /** Every page's URL path, e.g. `/teams/shipping/`. */
  urls: string[];
  /** The raw HTML of the page at a URL path; throws when the build made no such page. */
  html(url: string): string;
  /** The parsed page at a URL path. */
  page(url: string): HTMLElement;
}

const builds = new Map<string, Promise<BuiltSite>>();

/**
 * Diagram SVGs cached for this test run only: a test that counts renders must not find
 * SVGs left by an earlier run.
 */
export const testDiagramCache = mkdtempSync(path.join(tmpdir(), 'handbook-diagrams-'));

/**
 * Builds the site from a content folder into a fresh temporary directory, exactly as
 * `npm run build` does with HANDBOOK_CONTENT set, once per content folder and
 * environment per test file. Diagrams are drawn with the system Chromium unless `env`
 * says otherwise (HANDBOOK_CHROMIUM=off).
 */
export function buildSite(contentDir: string, env: Record<string, string> = {}): Promise<BuiltSite> {
  const key = `${path.resolve(contentDir)}\0${JSON.stringify(env)}`;
  let build = builds.get(key);
  if (!build) {
    build = runBuild(path.resolve(contentDir), env);
    builds.set(key, build);
  }
  return build;
}

/** A fixture organisation under `test/fixtures/<name>/content`. */
export function fixtureContent(name: string): string {
  return path.join(projectRoot, 'test/fixtures', name, 'content');
}

/**
 * Builds again, however often this content was built before: for tests of what a rebuild
 * does. Into a fresh folder unless `outDir` names one, as a rebuild over the last output does.
 */
export function rebuildSite(contentDir: string, env: Record<string, string> = {}, outDir?: string, args: readonly string[] = []): Promise<BuiltSite> {
  return runBuild(path.resolve(contentDir), env, outDir, args);
}

/**
 * The environment a user's shell would give the build: Vitest puts Vite's own variables
 * (BASE_URL, MODE, DEV, PROD, SSR) into the test process, and the build takes
 * BASE_URL from there over the configured base path.
 */
export function userEnv(): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...env } = process.env;
  return env;
}

async function runBuild(
  contentDir: string,
  extraEnv: Record<string, string>,
  outDir = mkdtempSync(path.join(tmpdir(), 'handbook-site-')),
  args: readonly string[] = [],
): Promise<BuiltSite> {
  let log: string;
  try {
    const { stdout, stderr } = await run(process.execPath, [astroBin, 'build', '--outDir', outDir, ...args], {
      cwd: projectRoot,
      env: {
        ...userEnv(),
        HANDBOOK_CONTENT: contentDir,
        HANDBOOK_TODAY: TEST_TODAY,
        ASTRO_TELEMETRY_DISABLED: '1',
        HANDBOOK_DIAGRAM_CACHE: testDiagramCache,
        ...extraEnv,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    log = `${stdout}\n${stderr}`;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`Building ${contentDir} failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  const urls = listPages(outDir);
  const cache = new Map<string, string>();
  const html = (url: string): string => {
    let text = cache.get(url);
    if (text === undefined) {
      const file = path.join(outDir, url, url.endsWith('.html') ? '' : 'index.html');
      text = readFileSync(file, 'utf8');
      cache.set(url, text);
    }
    return text;
  };
  return { outDir, log, urls, html, page: (url) => parse(html(url)) };
}

function listPages(outDir: string): string[] {
  const urls: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else if (name === 'index.html') urls.push(prefix);
    }
  };
  walk(outDir, '/');
  return urls.sort();
}

/**
 * What each script on a page is for. Pages are zero-JS apart from these: the search loader
 * on every page, and one script per reader feature, only where the feature is.
 */
export function scriptKinds(page: HTMLElement): string[] {
  return page.querySelectorAll('script, link[rel="modulepreload"]').map((script) => {
    const src = script.getAttribute('src') ?? '';
    const text = script.textContent;
    if (script.getAttribute('type') === 'application/json') return 'data';
    if (src.includes('/SiteHeader.astro_astro_type_script')) return 'search-loader';
    if (src.includes('/Quiz.astro_astro_type_script')) return 'quiz';
    if (/\/index\.astro_astro_type_script/.test(src)) return 'page';
    if (script.hasAttribute('data-progress-key')) return 'progress';
    if (text.includes('mermaid')) return 'diagram-loader';
    return `unknown: ${script.toString().slice(0, 120)}`;
  });
}

/**
 * Every id on a built page that the check would not take for a place a link's #fragment
 * may name (links/anchors.ts), as `page#id`, every id the check takes from a body that the
 * page does not have, and any id a page has twice or empty: a section added to a layout,
 * or a heading id the build and the check work out differently, shows up here. Ids inside
 * drawn diagrams are the SVG's own, not places to link to.
 */
export function anchorsTheCheckMisses(site: BuiltSite, known: KnownAnchors): string[] {
  const missed: string[] = [];
  for (const url of site.urls) {
    // Ids inside drawings are the SVG's own.
    const all = site.page(url).querySelectorAll('[id]').filter((node) => !node.closest('svg')).map((node) => node.getAttribute('id')!);
    const ids = new Set(all);
    for (const id of ids) if (!hasAnchor(url, id, known)) missed.push(`${url}#${id}`);
    // An old-style <a name> is a place to link to as well.
    for (const node of site.page(url).querySelectorAll('a[name]')) ids.add(node.getAttribute('name')!);
    // And the other way: every id the check takes from a body is on its page, as the build wrote it.
    for (const id of known.bodies.get(url) ?? []) if (!ids.has(id)) missed.push(`${url}#${id} (only the check has it)`);
    // No id twice on a page, none empty.
    for (const [index, id] of all.entries()) if (id === '' || all.indexOf(id) !== index) missed.push(`${url}#${id} (${id === '' ? 'empty' : 'twice'})`);
  }
  return missed;
}

/**
 * Dates a page shows its reader written YYYY-MM-DD, as `url: …the words around it…`: in its
 * text, a drawing's words and tooltips, its title and the description a shared link shows.
 * The site writes "20 Nov 2026" and keeps the ISO form for <time datetime>, addresses and
 * code; the rule pages (/checks/) are left out, as they show authors how to write a date.
 */
export function isoDatesShown(site: BuiltSite): string[] {
  const shown: string[] = [];
  for (const url of site.urls.filter((url) => !url.startsWith('/checks/'))) {
    const page = site.page(url);
    for (const node of page.querySelectorAll('script, style, code, pre')) node.remove();
    const description = page.querySelector('meta[name="description"]')?.getAttribute('content') ?? '';
    const words = [page.querySelector('title')?.textContent ?? '', description, page.querySelector('body')!.textContent].join('\n').replace(/\s+/g, ' ');
    for (const match of words.matchAll(/\b\d{4}-\d{2}-\d{2}\b/g)) shown.push(`${url}: …${words.slice(Math.max(0, match.index - 40), match.index + 14)}…`);
  }
  return shown;
}
