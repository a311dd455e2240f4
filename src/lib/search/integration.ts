import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchMessages } from '../messages.ts';

/**
 * Text Pagefind must not index even inside a page's body: a drawn diagram repeats the
 * table beside it, and its Mermaid source is noise. Both forms of an author's diagram are
 * left out (the code block as Astro writes it, and the figure the diagram step makes of
 * it), because indexing runs while that step rewrites pages: either form gives the same index.
 */
export const searchExcludeSelectors = ['.diagram svg', '.diagram-source', 'pre > code.language-mermaid', '.diagram-authored .diagram-text', '[data-pagefind-ignore]'];

/**
 * Writes the Pagefind index into `<dir>/pagefind/`; only pages that mark their body with
 * `data-pagefind-body` are indexed.
 */
export async function indexSite(dir: string, logger: Pick<AstroIntegrationLogger, 'info'>): Promise<{ pages: number }> {
  const started = performance.now();
  // Imported here so that `astro dev`, which never indexes, does not start Pagefind's binary.
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ excludeSelectors: searchExcludeSelectors, forceLanguage: 'en' });
    if (!index) throw new Error(searchMessages.failed(errors));
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(searchMessages.failed(added.errors));
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(searchMessages.failed(written.errors));
    // Pagefind's own count is of the HTML files it read; the index holds only the pages that
    // mark their body, and that is the number readers search.
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
    logger.info(searchMessages.summary(pages, performance.now() - started));
    return { pages };
  } finally {
    await pagefind.close();
  }
}

/**
 * The search step of the build. It starts as soon as Astro has written the pages, while
 * the diagram step puts SVGs into them: what that step changes (diagram sources and
 * drawings) is excluded from the index anyway, and it replaces each page whole, so Pagefind
 * reads either version of a page and indexes the same text. The build ends when both have.
 */
export function handbookSearch(): AstroIntegration {
  let indexing: Promise<unknown> | undefined;
  return {
    name: 'handbook-search',
    hooks: {
      'astro:build:generated': ({ dir, logger }) => {
        // Not awaited here: the diagram step's hook runs meanwhile. A failure is raised below.
        indexing = indexSite(fileURLToPath(dir), logger).then(
          () => undefined,
          (error: unknown) => error,
        );
      },
      'astro:build:done': async () => {
        const failure = await indexing;
        if (failure) throw failure;
      },
    },
  };
}
