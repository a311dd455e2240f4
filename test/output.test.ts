import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
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
