import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { cpSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult } from '../check/run.ts';
import type { ResolvedConfig } from '../config.ts';
import { diagramMessages } from '../messages.ts';
import { userError } from '../user-error.ts';
import { htmlPages } from '../output/pages.ts';
import { diagramKey, SvgCache } from './cache.ts';
import { findDiagrams, inlineDiagrams, setLoader, type FoundDiagram } from './html.ts';
import { loaderScript, mermaidAssetDir } from './loader.ts';
import { mermaidBundle, openRenderer, type RenderOutcome } from './render.ts';
import { errorLine } from './errors.ts';
import { mermaidSources } from './site.ts';

export interface DiagramStats {
  diagrams: number;
  pages: number;
  /** The pages that hold a Mermaid diagram, relative to the output folder. */
  files: string[];
  rendered: number;
  cached: number;
  /** Diagrams left for the reader's browser to draw. */
  deferred: number;
  renderMs: number;
}

/**
 * Draws every diagram of a built site: finds them in the HTML, serves what the cache
 * holds, renders the rest in one headless Chromium, and inlines the SVGs. Without a
 * browser, pages keep the source and get the lazy loader. A diagram that fails to
 * render is an error naming its page, and the file and line it was written at.
 */
export async function drawDiagrams(
  outDir: string,
  options: {
    chromium: string;
    cacheDir: string;
    base: string;
    concurrency?: number | undefined;
    unchanged?: ((page: string) => boolean) | undefined;
    /** Where an author wrote a diagram (the file, and the line of its first source line), for the error if it cannot be drawn. */
    locate?: ((source: string) => { file: string; line: number } | undefined) | undefined;
  },
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
): Promise<DiagramStats> {
  const cache = new SvgCache(options.cacheDir);
  const pages = new Map<string, { html: string; found: FoundDiagram[] }>();
  const titles = new Map<string, { title: string; page: string }>();
  // A page the last build left that no step has touched since had no diagram then (pages
  // drawn on are never left in place), so it has none now: not read, at 1,000 teams 9,000 pages.
  const unchanged = options.unchanged ?? (() => false);
  for (const file of htmlPages(outDir)
    .filter((page) => !unchanged(page))
    .map((page) => path.join(outDir, page))) {
    const html = readFileSync(file, 'utf8');
    const found = findDiagrams(html);
    if (found.length === 0) continue;
    pages.set(file, { html, found });
    for (const { title, source } of found) if (!titles.has(source)) titles.set(source, { title, page: pageUrl(outDir, file) });
  }
  const stats: DiagramStats = { diagrams: titles.size, pages: pages.size, files: [...pages.keys()].map((file) => path.relative(outDir, file).split(path.sep).join('/')), rendered: 0, cached: 0, deferred: 0, renderMs: 0 };
  if (pages.size === 0) return stats;

  const svgs = new Map<string, string>();
  const missing: string[] = [];
  for (const source of titles.keys()) {
    const svg = cache.get(diagramKey(source));
    if (svg === undefined) missing.push(source);
    else svgs.set(source, svg);
  }
  stats.cached = svgs.size;

  if (missing.length > 0) {
    const started = performance.now();
    const outcomes = await renderIntoCache(missing, cache, options);
    if ('unavailable' in outcomes) {
      stats.deferred = missing.length;
      if (outcomes.unavailable !== 'off') logger.warn(diagramMessages.noBrowser(outcomes.unavailable, missing.length));
    } else {
      const failures: string[] = [];
      outcomes.forEach((outcome, index) => {
        const source = missing[index]!;
        if ('svg' in outcome) {
          svgs.set(source, outcome.svg);
          stats.rendered += 1;
        } else {
          const { title, page } = titles.get(source)!;
          const error = outcome.error.split('\n')[0]!;
          // A drawing error carries no line; the one line holding a word it names is most likely it.
          const near = errorLine(source, error);
          const written = options.locate?.(source);
          failures.push(
            diagramMessages.renderFailed(title, page, error, {
              written: written && `${written.file}:${written.line + (near ? near.line - 1 : 0)}`,
              lineOfDiagram: near?.line,
              text: near ? source.split('\n')[near.line - 1]!.trim() : source.trim().split('\n')[0]!,
            }),
          );
        }
      });
      stats.renderMs = performance.now() - started;
      if (failures.length > 0) {
        throw userError(diagramMessages.renderStopped(failures));
      }
    }
  }

  const script = loaderScript(`${options.base.replace(/\/$/, '')}/${mermaidAssetDir}/mermaid.esm.min.mjs`);
  let needsMermaid = false;
  for (const [file, { html, found }] of pages) {
    const { html: inlined, pending } = inlineDiagrams(html, found, (source) => svgs.get(source));
    needsMermaid ||= pending > 0;
    const drawn = setLoader(inlined, script, pending > 0);
    if (drawn === html) continue;
    // Whole or not at all: the search step reads these pages at the same time (see search/integration.ts).
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, drawn);
    renameSync(temporary, file);
  }
  if (needsMermaid) copyMermaid(path.join(outDir, mermaidAssetDir));
  logger.info(diagramMessages.summary(stats));
  return stats;
}

/** Mermaid's ES modules (not its source maps), for the lazy loader. */
function copyMermaid(target: string): void {
  const dist = path.dirname(mermaidBundle);
  cpSync(path.join(dist, 'mermaid.esm.min.mjs'), path.join(target, 'mermaid.esm.min.mjs'));
  cpSync(path.join(dist, 'chunks', 'mermaid.esm.min'), path.join(target, 'chunks', 'mermaid.esm.min'), {
    recursive: true,
    filter: (source) => !source.endsWith('.map'),
  });
}

function pageUrl(outDir: string, file: string): string {
  const relative = path.relative(outDir, file).split(path.sep).join('/');
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Starts drawing, in the background, every Mermaid diagram the site will hold (the
 * generated graphs and the blocks authors wrote) into the cache, while Astro renders the
 * pages: at 1,000 teams that was 400 charts and 26 s after the pages. A source the pages
 * end up writing differently is simply drawn after them, so this can only save time. A
 * diagram that fails here is left for the step after the pages, which reports it.
 */
export async function drawEarly(result: CheckResult, options: { chromium: string; cacheDir: string; concurrency?: number | undefined }): Promise<number> {
  // No browser to draw with: the step after the pages says so, once.
  if (options.chromium === 'off' || !existsSync(options.chromium)) return 0;
  const cache = new SvgCache(options.cacheDir);
  // Markdown keeps a fenced block's text with its final line break; the page's source is that text.
  const wanted = [...new Set([...mermaidSources(result.org), ...result.diagrams.map((block) => `${block.source}\n`)])].filter((source) => !cache.has(diagramKey(source)));
  if (wanted.length === 0) return 0;
  const outcomes = await renderIntoCache(wanted, cache, options);
  return 'unavailable' in outcomes ? 0 : outcomes.filter((outcome) => 'svg' in outcome).length;
}

/** Draws sources in one browser and caches every SVG; outcomes in the sources' order, or why no browser could draw them. */
async function renderIntoCache(sources: string[], cache: SvgCache, options: { chromium: string; concurrency?: number | undefined }): Promise<RenderOutcome[] | { unavailable: string }> {
  const renderer = await openRenderer(options.chromium, options.concurrency);
  if ('unavailable' in renderer) return renderer;
  try {
    const outcomes = await renderer.render(sources.map((source) => ({ id: `h${diagramKey(source).slice(0, 10)}`, source })));
    outcomes.forEach((outcome, index) => {
      if ('svg' in outcome) cache.set(diagramKey(sources[index]!), outcome.svg);
    });
    return outcomes;
  } finally {
    await renderer.close();
  }
}

/**
 * Renders the site's diagrams after `astro build` has written every page, having started
 * early (see `drawEarly`). `unchanged(page)` says a page is the one the last build left
 * (output/integration.ts), which this step then does not read.
 */
export function handbookDiagrams(
  config: ResolvedConfig,
  options: { unchanged?: (page: string) => boolean } = {},
): AstroIntegration & { startEarly(result: CheckResult): void; pagesDrawnOn(): string[] } {
  let early: Promise<number | Error> | undefined;
  let drawnOn: string[] = [];
  // Where each authored diagram was written: the check found them all.
  const written = new Map<string, { file: string; line: number }>();
  return {
    name: 'handbook-diagrams',
    // A page this step changed must not be left in place by the next build (output/keep.ts):
    // Astro's cache key does not know how diagrams are drawn (Mermaid, its theme, a browser
    // or not), so the page is taken again from Astro's cache and drawn again.
    pagesDrawnOn: () => drawnOn,
    startEarly(result) {
      // Markdown keeps a fenced block's text with its final line break (see drawEarly).
      for (const block of result.diagrams) if (!written.has(`${block.source}\n`)) written.set(`${block.source}\n`, { file: block.file, line: block.line });
      // A failure here costs only time: the step after the pages draws what is missing.
      early = drawEarly(result, config.diagrams).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    },
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        // `astro dev` has no build step to draw diagrams: the browser draws them, from Mermaid in node_modules.
        if (command !== 'dev') return;
        injectScript('head-inline', `addEventListener('DOMContentLoaded',()=>{${loaderScript(`${config.base.replace(/\/$/, '')}/node_modules/mermaid/dist/mermaid.esm.min.mjs`)}});`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const drawn = (await early) ?? 0;
        if (drawn instanceof Error) logger.warn(diagramMessages.earlyFailed(drawn.message.split('\n')[0] ?? ''));
        else if (drawn > 0) logger.info(diagramMessages.early(drawn));
        const locate = (source: string) => written.get(source);
        drawnOn = (await drawDiagrams(fileURLToPath(dir), { ...config.diagrams, base: config.base, unchanged: options.unchanged, locate }, logger)).files;
      },
    },
  };
}
