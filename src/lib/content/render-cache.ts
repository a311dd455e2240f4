import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderMessages } from '../messages.ts';
import { installedVersion } from '../packages.ts';

/**
 * Astro keeps each Markdown body's rendered HTML in its content store, and each keyed page
 * in its incremental build cache, and trusts both while the content file and the
 * serialisable part of its config are unchanged. Neither sees the code of our Markdown
 * plugins (heading ids, link rewriting): after a handbook upgrade changed how bodies
 * render, unchanged files kept the old renderer's HTML until someone edited them. So the
 * build records a fingerprint of that code beside Astro's caches, and empties both when
 * it differs.
 */

/** The plugins the Markdown processor runs (see astro.config.mjs); what they import is followed. */
const rendererModules = [new URL('./heading-ids.ts', import.meta.url), new URL('./tables.ts', import.meta.url), new URL('../links/plugin.ts', import.meta.url)];

/** Packages that render bodies besides our plugins: Astro's own version is in its caches' keys already. */
const rendererPackages = ['satteri', '@astrojs/markdown-satteri', '@astrojs/mdx', 'shiki'];

/** Astro's files that hold rendered bodies or trust them: the content store (built and dev) and the incremental manifest. */
const renderedBy = (cacheDir: string, root: string) => [
  path.join(cacheDir, 'data-store.json'),
  path.join(root, '.astro', 'data-store.json'),
  path.join(cacheDir, 'incremental-build.json'),
];

const stampFileName = 'handbook-renderer.json';

/**
 * A relative module named by an import or export in TypeScript source: `from './x.ts'`,
 * `import('./x.ts')`. Type-only imports are left out: types do not render anything.
 */
const relativeImport = /^(?!import\s+type\b|export\s+type\b)[^\n]*?(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]+)\1/gm;

/** The modules `entries` import by relative paths, and those they import, with the entries; each once, in a stable order. */
export function moduleClosure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = entries.map((entry) => path.resolve(entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const [, , specifier] of source.matchAll(relativeImport)) pending.push(path.resolve(path.dirname(file), specifier!));
  }
  return [...seen].sort();
}

/** A hash of the code that renders bodies in the project at `root`: our plugins and what they import, and the packages' versions. */
export function rendererFingerprint(root: string, entries: readonly string[] = rendererModules.map((url) => fileURLToPath(url))): string {
  const hash = createHash('sha256');
  for (const file of moduleClosure(entries)) {
    hash.update(`${path.relative(root, file)}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : 'missing');
    hash.update('\0');
  }
  for (const name of rendererPackages) hash.update(`${name}@${installedVersion(root, name)}\0`);
  return hash.digest('hex');
}

/**
 * Empties Astro's caches of rendered bodies when the renderer is not the one that filled
 * them (or when no build recorded which one did), and records the current one. Returns
 * whether anything was emptied.
 */
export function forgetOtherRenderers(cacheDir: string, root: string, fingerprint: string): boolean {
  const stamp = path.join(cacheDir, stampFileName);
  let recorded: unknown;
  try {
    recorded = (JSON.parse(readFileSync(stamp, 'utf8')) as { fingerprint?: unknown }).fingerprint;
  } catch {
    // No record: caches from before it, or none yet.
  }
  if (recorded === fingerprint) return false;
  const stale = renderedBy(cacheDir, root).filter((file) => existsSync(file));
  for (const file of stale) rmSync(file, { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(stamp, `${JSON.stringify({ fingerprint })}\n`);
  return stale.length > 0;
}

/** The integration: runs before Astro reads its content store or its incremental manifest. */
export function handbookRenderCache(): AstroIntegration {
  return {
    name: 'handbook-render-cache',
    hooks: {
      'astro:config:done': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        if (forgetOtherRenderers(fileURLToPath(config.cacheDir), root, rendererFingerprint(root))) logger.info(renderMessages.rendererChanged);
      },
    },
  };
}
