// @ts-check
// The benchmark's baseline: a bare Astro 7 project that renders the handbook's Markdown
// and MDX files with no layout, no schema and no integrations beyond MDX. It is what the
// handbook's build is compared with; see bench/build.ts.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  integrations: [mdx()],
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['math', 'mermaid'] } },
  vite: {
    resolve: {
      // MDX charters import the handbook's components; the baseline gives them the same names, with no logic.
      alias: { '@handbook/components': fileURLToPath(new URL('./src/components/index.ts', import.meta.url)) },
    },
  },
});
