import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckCache } from '../src/lib/check/cache.ts';
import { checkContent } from '../src/lib/check/run.ts';
import { astroCacheDir } from '../src/lib/config.ts';
import { projectRoot, TEST_TODAY } from './helpers/site.ts';

/**
 * The check keeps each file's parsed YAML and the Mermaid blocks that parsed between runs
 * (src/lib/check/cache.ts). A second run must report exactly what the first did, at the
 * same lines and columns, though it parses only what changed.
 */

const work = mkdtempSync(path.join(tmpdir(), 'handbook-check-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Says which version of a package the project at `root` has installed. */
function install(root: string, name: string, version: string): void {
  mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
}

describe('the check with its cache', () => {
  // A project of its own, so its cache folder is its own too.
  const root = path.join(work, 'project');
  const content = path.join(root, 'content');
  const cacheDir = path.join(root, astroCacheDir(content));
  cpSync(path.join(import.meta.dirname, 'fixtures/mistakes/content'), content, { recursive: true });
  install(root, 'yaml', '2.0.0');
  const today = new Date(`${TEST_TODAY}T00:00:00Z`);
  const run = async () => {
    const cache = CheckCache.open(cacheDir, root, content);
    const { problems } = await checkContent(content, { cwd: root, today, cache });
    return { problems, cache };
  };

  it('reports every problem at the same place when the files come from the cache', async () => {
    const first = await run();
    expect(first.cache.reused).toEqual({ files: 0, diagrams: 0 });
    expect(first.problems.length).toBeGreaterThan(50);
    const second = await run();
    // Every file whose YAML was sound came from the cache, and the sequence diagram that parsed.
    expect(second.cache.reused.files).toBeGreaterThan(20);
    expect(second.cache.reused.diagrams).toBeGreaterThanOrEqual(1);
    expect(second.problems).toEqual(first.problems);
    // Schema problems in files that came from the cache still point into them.
    expect(second.problems.find((p) => p.file.endsWith('teams/shipping.md') && p.line === 5)?.message).toBe('Unknown field "mision" in a charter. Did you mean "mission"?');
  });

  it('checks a file again when its text changed since the last run', async () => {
    await run();
    const charter = path.join(content, 'teams/shipping.md');
    const text = readFileSync(charter, 'utf8');
    writeFileSync(charter, text.replace('mision:', 'missio:'));
    const { problems } = await run();
    expect(problems.find((p) => p.file.endsWith('teams/shipping.md') && p.line === 5)?.message).toBe('Unknown field "missio" in a charter. Did you mean "mission"?');
    writeFileSync(charter, text);
  });

  it('checks everything again when the cache file cannot be read', async () => {
    const { problems: before } = await run();
    writeFileSync(path.join(cacheDir, 'handbook-check.bin'), 'not a cache');
    const { problems, cache } = await run();
    expect(cache.reused).toEqual({ files: 0, diagrams: 0 });
    expect(problems).toEqual(before);
  });

  it('checks everything again when a parser it depends on changed version', async () => {
    await run();
    expect((await run()).cache.reused.files).toBeGreaterThan(20);
    install(root, 'yaml', '2.0.1');
    expect((await run()).cache.reused).toEqual({ files: 0, diagrams: 0 });
  });

  it('keeps nothing inside the content root, where the check would meet it as a stray file', async () => {
    const inside = path.join(content, 'node_modules/.astro/cache');
    const { problems } = await checkContent(content, { cwd: root, today, cache: CheckCache.open(inside, root, content) });
    expect(problems.length).toBeGreaterThan(50);
    expect(existsSync(path.join(content, 'node_modules'))).toBe(false);
  });
});

describe('`handbook check` run from inside the content folder', () => {
  it('passes twice in a row: its cache goes to the handbook project, not to the working directory', async () => {
    const content = path.join(work, 'valid');
    cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    const check = () =>
      promisify(execFile)(process.execPath, [path.join(projectRoot, 'src/cli/handbook.ts'), 'check', '--content', '.', '--format', 'json'], {
        cwd: content,
        env: { ...process.env, HANDBOOK_TODAY: TEST_TODAY },
      });
    const errors = async () => (JSON.parse((await check()).stdout) as { severity: string }[]).filter((problem) => problem.severity === 'error');
    try {
      expect(await errors()).toEqual([]);
      // Before, the first run left node_modules/.astro/… here, and the second refused it as a hidden file.
      expect(await errors()).toEqual([]);
      expect(existsSync(path.join(content, 'node_modules'))).toBe(false);
      expect(existsSync(path.join(projectRoot, astroCacheDir(content), 'handbook-check.bin'))).toBe(true);
    } finally {
      rmSync(path.join(projectRoot, astroCacheDir(content)), { recursive: true, force: true });
    }
  }, 30_000);
});
