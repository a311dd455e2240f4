// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { handbookCheck } from './src/lib/check/integration.ts';
import { astroCacheDir, loadConfig } from './src/lib/config.ts';
import { handbookDiagrams } from './src/lib/diagrams/integration.ts';
import { handbookSearch } from './src/lib/search/integration.ts';

// The handbook's own settings, validated once: a bad handbook.config.json stops here with a readable message.
const handbook = loadConfig();
const diagrams = handbookDiagrams(handbook);

export default defineConfig({
  ...(handbook.site ? { site: handbook.site } : {}),
  base: handbook.base,
  trailingSlash: 'always',
  // The check runs first: nothing from content is compiled before it passes.
  // Once it passes, Mermaid diagrams start drawing in a background browser while Astro
  // renders; they go into the pages after every page is written. The search index is
  // written meanwhile: it leaves out what the diagram step changes.
  integrations: [handbookCheck(handbook, { onBuildPassed: (result) => diagrams.startEarly(result) }), mdx(), diagrams, handbookSearch()],
  // Mermaid blocks stay plain code for the diagram step to find, not highlighted tokens.
  markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] } },
  // One cache per content root: building a fixture organisation must not reuse entries
  // or pages cached from another one.
  cacheDir: `./${astroCacheDir(handbook.contentDir)}`,
  // Eight pages at a time: a rebuild copies thousands of unchanged pages from the cache,
  // and one at a time the build mostly waited on the disk (npm run bench: the copying went
  // from 15-22 s to 9-13 s at 1,000 teams; a cold build is no slower, and peak memory is the same).
  build: { format: 'directory', concurrency: 8 },
  // Charter, person and minutes pages carry a cache key (src/lib/org/page-keys.ts): a
  // rebuild copies the pages whose key is unchanged instead of rendering them again.
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
