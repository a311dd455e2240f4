// @ts-check
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { handbookCheck } from './src/lib/check/integration.ts';
import { astroCacheDir, loadConfig } from './src/lib/config.ts';
import { handbookDiagrams } from './src/lib/diagrams/integration.ts';
import { headingIds } from './src/lib/content/heading-ids.ts';
import { scrollingTables } from './src/lib/content/tables.ts';
import { handbookRenderCache } from './src/lib/content/render-cache.ts';
import { contentLinks } from './src/lib/links/plugin.ts';
import { handbookOutput } from './src/lib/output/integration.ts';
import { handbookSearch, searchIndexFolder } from './src/lib/search/integration.ts';
import { handbookRedirects } from './src/lib/output/redirects.ts';

// The handbook's own settings, validated once: a bad handbook.config.json stops here with a readable message.
const handbook = loadConfig();
const diagrams = handbookDiagrams(handbook, { unchanged: (page) => output.leftInPlace(page) });
const [output, outputRecord] = handbookOutput({ spare: [searchIndexFolder], notKept: () => diagrams.pagesDrawnOn() });

export default defineConfig({
  ...(handbook.site ? { site: handbook.site } : {}),
  base: handbook.base,
  publicDir: handbook.publicDir,
  trailingSlash: 'always',
  // The check runs first: nothing from content is compiled before it passes.
  // Once it passes, Mermaid diagrams start drawing in a background browser while Astro
  // renders; they go into the pages after every page is written. The search index is
  // written meanwhile: it leaves out what the diagram step changes. The output folder keeps
  // unchanged pages of the last build; that is settled before and recorded after the others.
  // Astro's caches of rendered bodies are dropped when our Markdown plugins' code changed.
  integrations: [
    handbookRenderCache(),
    handbookCheck(handbook, { onBuildPassed: (result) => diagrams.startEarly(result) }),
    output,
    mdx(),
    diagrams,
    handbookSearch(),
    // A page whose entry was renamed in git keeps its old address, leading to the new one:
    // links to it live in chat and onboarding documents.
    handbookRedirects(handbook),
    outputRecord,
  ],
  markdown: {
    // Links written in bodies go under the base path, and a link to a content file
    // (../teams/ledger.md) to its page; headings get their ids and levels as the page
    // needs them (content/heading-ids.ts); tables scroll in a wrapper of their own on a
    // narrow screen (content/tables.ts). MDX inherits the processor and its plugins.
    processor: satteri({
      hastPlugins: [contentLinks({ base: handbook.base, contentDir: handbook.contentDir, publicDir: handbook.publicDir }), headingIds({ contentDir: handbook.contentDir }), scrollingTables()],
    }),
    // Mermaid blocks stay plain code for the diagram step to find, not highlighted tokens.
    syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] },
  },
  // One cache per content root: building a fixture organisation must not reuse entries
  // or pages cached from another one.
  cacheDir: `./${astroCacheDir(handbook.contentDir)}`,
  // Eight pages at a time: one at a time, page generation mostly waited on the disk (npm run
  // bench at 1,000 teams: a cold build is no slower, peak memory is the same, and a rebuild
  // copies the pages it cannot leave in place, such as those with diagrams, much faster).
  build: { format: 'directory', concurrency: 8 },
  // Charter, person and minutes pages carry a cache key (src/lib/org/page-keys.ts): a
  // rebuild leaves the pages whose key is unchanged (src/lib/output/) instead of rendering them again.
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks every MDX page "use astro:head-inject" and Vite warns about it once per
        // file: 250 warnings at 1,000 charters, for Astro's own marker. Everything else still warns.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
    resolve: {
      // The only module content may import (see src/lib/content/components.ts); an alias,
      // so it resolves the same wherever the content root is.
      alias: { '@handbook/components': fileURLToPath(new URL('./src/components/content/index.ts', import.meta.url)) },
    },
  },
});
