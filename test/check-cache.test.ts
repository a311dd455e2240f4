import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckCache } from '../src/lib/check/cache.ts';
import { checkContent } from '../src/lib/check/run.ts';
import { astroCacheDir } from '../src/lib/config.ts';
import { TEST_TODAY } from './helpers/site.ts';

/**
 * The check keeps each file's parsed YAML and the Mermaid blocks that parsed between runs
 * (src/lib/check/cache.ts). A second run must report exactly what the first did, at the
 * same lines and columns, though it parses only what changed.
 */

const work = mkdtempSync(path.join(tmpdir(), 'handbook-check-cache-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the check with its cache', () => {
  // A project of its own, so its cache folder is its own too.
  const root = path.join(work, 'project');
  const content = path.join(root, 'content');
  cpSync(path.join(import.meta.dirname, 'fixtures/mistakes/content'), content, { recursive: true });
  const today = new Date(`${TEST_TODAY}T00:00:00Z`);
  const run = async () => {
    const cache = CheckCache.open(root, content);
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
    writeFileSync(path.join(root, astroCacheDir(content), 'handbook-check.bin'), 'not a cache');
    const { problems, cache } = await run();
    expect(cache.reused).toEqual({ files: 0, diagrams: 0 });
    expect(problems).toEqual(before);
  });
});
