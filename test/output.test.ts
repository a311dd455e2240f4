import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetOtherRenderers, moduleClosure, rendererFingerprint } from '../src/lib/content/render-cache.ts';
import { emptyExcept, keyedOutputs, pagesToKeep, type OutputRecord } from '../src/lib/output/keep.ts';

/**
 * What a rebuild may leave in the output folder (src/lib/output/keep.ts). The incremental
 * test builds the sample organisation this way; these pin the rules one by one.
 */

const manifest = (paths: Record<string, string>, version = 1) =>
  JSON.stringify({ version, routes: { 'src/pages/teams/[id].astro': { dependencyHash: 'x', paths: Object.fromEntries(Object.entries(paths).map(([url, outputFile]) => [url, { cacheKey: 'k', outputFile }])) } } });

describe("Astro's incremental manifest", () => {
  it('lists the page files it may reuse', () => {
    expect([...keyedOutputs(manifest({ '/teams/a/': 'teams/a/index.html', '/teams/b/': 'teams/b/index.html' }))!]).toEqual(['teams/a/index.html', 'teams/b/index.html']);
  });

  it('keeps nothing when the manifest is missing, unreadable or of another version', () => {
    expect(keyedOutputs(undefined)).toBeUndefined();
    expect(keyedOutputs('{ not json')).toBeUndefined();
    expect(keyedOutputs(manifest({ '/teams/a/': 'teams/a/index.html' }, 2))).toBeUndefined();
  });
});

describe('pages to keep', () => {
  const outDir = '/site/dist';
  const record: OutputRecord = { outDir, pages: { 'teams/a/index.html': [100, 5], 'teams/b/index.html': [200, 6], '../outside.html': [1, 1] } };
  const keyed = new Set(['teams/a/index.html', 'teams/b/index.html', '../outside.html']);
  const unchanged = (file: string) => ({ 'teams/a/index.html': { size: 100, mtimeMs: 5 }, 'teams/b/index.html': { size: 200, mtimeMs: 6 }, '../outside.html': { size: 1, mtimeMs: 1 } })[path.relative(outDir, file)];

  it('keeps a keyed page the last build wrote into this folder and nothing changed since', () => {
    expect([...pagesToKeep(record, outDir, keyed, unchanged).keys()]).toEqual(['teams/a/index.html', 'teams/b/index.html']);
  });

  it('drops a page whose size or time changed: something else wrote it', () => {
    const touched = (file: string) => (file.endsWith('b/index.html') ? { size: 200, mtimeMs: 7 } : unchanged(file));
    expect([...pagesToKeep(record, outDir, keyed, touched).keys()]).toEqual(['teams/a/index.html']);
  });

  it('drops a page the manifest no longer keys, and a page that is gone', () => {
    expect([...pagesToKeep(record, outDir, new Set(['teams/b/index.html']), unchanged).keys()]).toEqual(['teams/b/index.html']);
    expect([...pagesToKeep(record, outDir, keyed, (file) => (file.endsWith('a/index.html') ? undefined : unchanged(file))).keys()]).toEqual(['teams/b/index.html']);
  });

  it('keeps nothing for another output folder, without a record or without a manifest', () => {
    expect(pagesToKeep(record, '/elsewhere/dist', keyed, unchanged).size).toBe(0);
    expect(pagesToKeep(undefined, outDir, keyed, unchanged).size).toBe(0);
    expect(pagesToKeep(record, outDir, undefined, unchanged).size).toBe(0);
  });
});

describe('emptying the output folder', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const files = (root: string): string[] =>
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();

  it('deletes everything but the pages kept and a .git folder, and the folders left empty', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'handbook-output-'));
    for (const file of ['teams/a/index.html', 'teams/b/index.html', 'teams/index.html', '_astro/app.1234.css', 'pagefind/pagefind.js', 'people/x/index.html', '.git/HEAD', 'index.html']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'x');
    }
    emptyExcept(dir, new Set(['teams/a/index.html']));
    expect(files(dir)).toEqual(['.git/HEAD', 'teams/a/index.html']);
    expect(existsSync(path.join(dir, 'people'))).toBe(false);
    expect(existsSync(path.join(dir, 'teams/b'))).toBe(false);
  });

  it('leaves a folder another step keeps itself (the search index) when asked to', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'handbook-output-'));
    for (const file of ['pagefind/pagefind-entry.json', 'pagefind/fragment/en_1.pf_fragment', 'teams/a/index.html']) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), 'x');
    }
    emptyExcept(dir, new Set(), ['pagefind']);
    expect(files(dir)).toEqual(['pagefind/fragment/en_1.pf_fragment', 'pagefind/pagefind-entry.json']);
  });

  it('does nothing when there is no folder yet', () => {
    dir = path.join(tmpdir(), 'handbook-output-missing');
    expect(() => emptyExcept(dir, new Set())).not.toThrow();
  });
});

describe("the renderer's record beside Astro's caches", () => {
  const made: string[] = [];
  const folder = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-renderer-'));
    made.push(dir);
    return dir;
  };
  afterEach(() => made.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('follows what the plugins import (but types), so a change to any of it counts as a new renderer', () => {
    const root = folder();
    const file = (name: string, text: string) => {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), text);
    };
    file('plugin.ts', "import { a } from './lib/a.ts';\nimport type { T } from \"../outside.ts\";\nexport * from './lib/b.ts';");
    file('lib/a.ts', "import { plugin } from '../plugin.ts';\nconst later = () => import('./c.ts');");
    file('lib/b.ts', "import path from 'node:path';");
    file('lib/c.ts', '');
    file('unrelated.ts', 'export {};');
    expect(moduleClosure([path.join(root, 'plugin.ts')]).map((f) => path.relative(root, f)).sort()).toEqual(['lib/a.ts', 'lib/b.ts', 'lib/c.ts', 'plugin.ts']);
    const before = rendererFingerprint(root, [path.join(root, 'plugin.ts')]);
    file('unrelated.ts', 'export const x = 1;');
    expect(rendererFingerprint(root, [path.join(root, 'plugin.ts')])).toBe(before);
    file('lib/c.ts', '// changed');
    expect(rendererFingerprint(root, [path.join(root, 'plugin.ts')])).not.toBe(before);
  });

  it("empties Astro's rendered bodies and its page manifest when another renderer (or none on record) filled them", () => {
    const root = folder();
    const cacheDir = path.join(root, 'node_modules/.astro/abc');
    const astroFiles = [path.join(cacheDir, 'data-store.json'), path.join(cacheDir, 'incremental-build.json'), path.join(root, '.astro/data-store.json')];
    const fill = () => astroFiles.forEach((file) => (mkdirSync(path.dirname(file), { recursive: true }), writeFileSync(file, '{}')));
    fill();
    // Caches from before the record existed are not trusted either.
    expect(forgetOtherRenderers(cacheDir, root, 'one')).toBe(true);
    expect(astroFiles.filter((file) => existsSync(file))).toEqual([]);
    fill();
    expect(forgetOtherRenderers(cacheDir, root, 'one')).toBe(false);
    expect(astroFiles.filter((file) => existsSync(file))).toEqual(astroFiles);
    expect(forgetOtherRenderers(cacheDir, root, 'two')).toBe(true);
    expect(astroFiles.filter((file) => existsSync(file))).toEqual([]);
    // Nothing cached yet: nothing to say.
    expect(forgetOtherRenderers(path.join(root, 'fresh'), root, 'two')).toBe(false);
  });
});
