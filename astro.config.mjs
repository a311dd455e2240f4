// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// The handbook's own settings. Read as plain JSON here (astro.config.mjs is not
// processed by Vite's TypeScript pipeline); src/lib/config.ts validates the same file.
function readHandbookConfig() {
  try {
    return JSON.parse(readFileSync(new URL('./handbook.config.json', import.meta.url), 'utf8'));
  } catch {
    return {};
  }
}

const handbook = readHandbookConfig();
const contentRoot = path.resolve(process.env.HANDBOOK_CONTENT?.trim() || handbook.content || 'content');

export default defineConfig({
  site: handbook.site,
  base: handbook.base ?? '/',
  trailingSlash: 'always',
  integrations: [mdx()],
  // One content-layer cache per content root: building a fixture organisation must not
  // reuse entries cached from another one.
  cacheDir: `./node_modules/.astro/${createHash('sha256').update(contentRoot).digest('hex').slice(0, 12)}`,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
