import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchMessages } from '../messages.ts';
import { htmlPages } from '../output/pages.ts';
import { installedVersion } from '../packages.ts';
import { hashedIndexFiles, keepFragmentsOnly, pruneIndex } from './index-files.ts';

/**
 * Where the index is written, under the output folder. The output folder keeps it between
 * builds (see output/keep.ts), and a rebuild in which no page Pagefind reads changed keeps
 * it as it is: Pagefind has no incremental mode, and at 1,000 teams writing the index
 * again takes 7 to 10 s.
 */
export const searchIndexFolder = 'pagefind';

/**
 * Text Pagefind must not index even inside a page's body: a drawn diagram repeats the
 * table beside it, and its Mermaid source is noise. Both forms of an author's diagram are
 * left out (the code block as Astro writes it, and the figure the diagram step makes of
 * it), because indexing runs while that step rewrites pages: either form gives the same
 * index. (A drawing's wrapper also carries `data-pagefind-ignore="all"`, or the SVG's id
 * would become an anchor in one form only.)
 */
export const searchExcludeSelectors = ['.diagram svg', '.diagram-source', 'pre > code.language-mermaid', '.diagram-authored .diagram-text', '[data-pagefind-ignore]'];

/** Our record of the last index, in Astro's cache folder: what it was written from. */
const recordFile = 'handbook-search.json';

interface SearchRecord {
  outDir: string;
  /** How Pagefind was asked to index, and its version (see indexSettings). */
  settings: string;
  /** Each page as last indexed: its hash when indexing began, and its size and time when that build ended. */
  pages: Record<string, [hash: string, size: number, modified: number]>;
  /** A digest of every page's hash, and the index's `pagefind-entry.json` as written. */
  index: { digest: string; entry: string };
}

/** What one build's search step found and decided. */
export interface IndexPlan {
  /** Every HTML page under the output folder, by path relative to it, and its hash. */
  hashes: Map<string, string>;
  digest: string;
  /** Every page is what the last index was written from, and that index is still in place. */
  unchanged: boolean;
  /**
   * The index folder is the one the last finished build wrote, by the same Pagefind with the
   * same options: its fragments can stay, and Pagefind writes only the ones it lacks.
   */
  reuse: boolean;
}

function readRecord(cacheDir: string, outDir: string): SearchRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path.join(cacheDir, recordFile), 'utf8')) as SearchRecord;
    return record.outDir === outDir && typeof record.pages === 'object' && record.pages !== null && typeof record.index === 'object' && record.index !== null ? record : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What else the index depends on: how Pagefind is asked to read pages, and its version
 * (a new one writes a new index and its own `pagefind.js`, even for the same pages).
 */
function indexSettings(root: string): string {
  return JSON.stringify({ excludeSelectors: searchExcludeSelectors, forceLanguage: 'en', version: installedVersion(root, 'pagefind') });
}

function entryText(outDir: string): string | undefined {
  const file = path.join(outDir, searchIndexFolder, 'pagefind-entry.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function pageCount(entry: string | undefined): number {
  if (entry === undefined) return 0;
  const { languages } = JSON.parse(entry) as { languages: Record<string, { page_count: number }> };
  return Object.values(languages).reduce((sum, language) => sum + language.page_count, 0);
}

/**
 * Whether the index must be written again. A page's hash is taken from the record when the
 * file is the one the last build left (same size and time), else from its bytes; the index
 * is unchanged when the pages and their hashes are those it was written from.
 */
function planIndex(outDir: string, record: SearchRecord | undefined, settings: string): IndexPlan {
  const hashes = new Map<string, string>();
  for (const page of htmlPages(outDir).filter((file) => file.split('/')[0] !== searchIndexFolder)) {
    const file = path.join(outDir, page);
    const stat = statSync(file);
    const last = record?.pages[page];
    hashes.set(page, Array.isArray(last) && last[1] === stat.size && last[2] === stat.mtimeMs ? last[0] : createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 32));
  }
  const digest = createHash('sha256').update(`${settings}\n`);
  for (const page of [...hashes.keys()].sort()) digest.update(`${page}\t${hashes.get(page)!}\n`);
  const plan = { hashes, digest: digest.digest('hex') };
  const reuse = record !== undefined && record.settings === settings && entryText(outDir) === record.index.entry;
  return { ...plan, reuse, unchanged: reuse && record.index.digest === plan.digest };
}

/** Runs Pagefind over the pages in `dir`, writing into `output`; only pages that mark their body with `data-pagefind-body` are indexed. */
async function runPagefind(dir: string, output: string): Promise<void> {
  // Imported here so that `astro dev`, which never indexes, does not start Pagefind's binary.
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: searchExcludeSelectors, forceLanguage: 'en' });
    if (!index) throw new Error(searchMessages.failed(errors));
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(searchMessages.failed(added.errors));
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(searchMessages.failed(written.errors));
  } finally {
    await pagefind.close();
  }
}

/**
 * Writes the Pagefind index into `<dir>/pagefind/`, unless the plan says it is unchanged.
 * When the plan allows, into the last build's index folder with its fragments, then
 * without the ones the new index no longer names (index-files.ts); should that folder not
 * read as expected, or a fragment in it not be this build's, the index is written again
 * into an empty one.
 */
export async function writeIndex(dir: string, plan: IndexPlan, logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>): Promise<void> {
  if (plan.unchanged) {
    logger.info(searchMessages.kept(pageCount(entryText(dir))));
    return;
  }
  const started = performance.now();
  const output = path.join(dir, searchIndexFolder);
  let before = new Set<string>();
  if (plan.reuse) {
    keepFragmentsOnly(output);
    before = new Set(hashedIndexFiles(output));
  } else {
    rmSync(output, { recursive: true, force: true });
  }
  await runPagefind(dir, output);
  let reused = 0;
  if (plan.reuse) {
    try {
      pruneIndex(output, new Set(plan.hashes.keys()));
      reused = hashedIndexFiles(output).filter((file) => before.has(file)).length;
    } catch (error) {
      logger.warn(searchMessages.notReused(error instanceof Error ? error.message : String(error)));
      rmSync(output, { recursive: true, force: true });
      await runPagefind(dir, output);
    }
  }
  // Pagefind's own count is of the HTML files it read; the index holds only the pages that
  // mark their body, and that is the number readers search.
  logger.info(searchMessages.summary(pageCount(entryText(dir)), performance.now() - started, reused));
}

/** Records what the index was written from, once the pages are final (after the diagram step). */
function writeRecord(cacheDir: string, outDir: string, settings: string, plan: IndexPlan): void {
  const entry = entryText(outDir);
  if (entry === undefined) return;
  const pages: SearchRecord['pages'] = {};
  for (const [page, hash] of plan.hashes) {
    const stat = statSync(path.join(outDir, page), { throwIfNoEntry: false });
    if (stat) pages[page] = [hash, stat.size, stat.mtimeMs];
  }
  writeFileSync(path.join(cacheDir, recordFile), JSON.stringify({ outDir, settings, pages, index: { digest: plan.digest, entry } } satisfies SearchRecord));
}

/**
 * The search step of the build. It starts as soon as Astro has written the pages, while
 * the diagram step puts SVGs into them: what that step changes (diagram sources and
 * drawings) is excluded from the index anyway, and it replaces each page whole, so Pagefind
 * reads either version of a page and indexes the same text. The build ends when both have.
 */
export function handbookSearch(): AstroIntegration {
  let cacheDir = '';
  let settings = '';
  let indexing: Promise<{ plan: IndexPlan } | { failure: unknown }> | undefined;
  return {
    name: 'handbook-search',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        settings = indexSettings(fileURLToPath(config.root));
      },
      'astro:build:generated': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const record = readRecord(cacheDir, outDir);
        // A build that stops half way may leave an index folder half written.
        rmSync(path.join(cacheDir, recordFile), { force: true });
        // Planned now, before the diagram step rewrites pages; indexed meanwhile, not awaited
        // here. A failure is raised below.
        const plan = planIndex(outDir, record, settings);
        indexing = writeIndex(outDir, plan, logger).then(
          () => ({ plan }),
          (failure: unknown) => ({ failure }),
        );
      },
      'astro:build:done': async ({ dir }) => {
        const outcome = await indexing;
        if (!outcome) return;
        if ('failure' in outcome) throw outcome.failure;
        writeRecord(cacheDir, fileURLToPath(dir), settings, outcome.plan);
      },
    },
  };
}
