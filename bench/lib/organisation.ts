import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { checkCacheFile } from '../../src/lib/check/cache.ts';
import { generateOrganisation } from '../../src/lib/generate/organisation.ts';
import { writeContent } from '../../src/lib/generate/write.ts';
import { median, runNode } from './run.ts';

/** The benchmarks' organisation, as `parseArgs` options: a company of 1,000 teams by default. */
export const sizeOptions = {
  teams: { type: 'string', default: '1000' },
  people: { type: 'string', default: '3000' },
  minutes: { type: 'string', default: '5000' },
  assets: { type: 'string', default: '50' },
  seed: { type: 'string', default: '1' },
} as const;

/** Writes the organisation the options describe into `dir`; says what it wrote. */
export function writeOrganisation(dir: string, values: Record<keyof typeof sizeOptions, string>): void {
  const size = { teams: Number(values.teams), people: Number(values.people), minutes: Number(values.minutes), assets: Number(values.assets), seed: Number(values.seed) };
  const files = generateOrganisation(size);
  mkdirSync(path.dirname(dir), { recursive: true });
  writeContent(dir, files);
  const count = (pattern: RegExp) => [...files.keys()].filter((file) => pattern.test(file)).length;
  console.log(
    `Generated ${files.size} files (seed ${size.seed}): ${size.teams} teams, ${count(/^people\//)} people, ${size.minutes} council minutes, ${size.assets} assets; ${count(/\.mdx?$/)} of them Markdown or MDX.`,
  );
}

/**
 * Times `runs` fresh `handbook check --format json` processes on `dir`, from spawn to exit,
 * because that is what an author waits for in CI. `cold` runs without the check's cache, as
 * on a fresh checkout; `warm` after a run that filled it, as on an author's machine or in a
 * build after the check. A generated organisation is valid by construction, so any problem
 * is a bug in the generator or the checker, and throws.
 */
export async function timeCheck(root: string, dir: string, runs: number, cache: 'cold' | 'warm'): Promise<{ seconds: number[]; median: number }> {
  const seconds: number[] = [];
  const cacheFile = checkCacheFile(root, dir);
  if (cache === 'warm') await runNode([path.join(root, 'src/cli/handbook.ts'), 'check', '--content', dir, '--format', 'json'], { cwd: root, env: {} });
  for (let run = 0; run < runs; run++) {
    if (cache === 'cold') rmSync(cacheFile, { force: true });
    const result = await runNode([path.join(root, 'src/cli/handbook.ts'), 'check', '--content', dir, '--format', 'json'], { cwd: root, env: {} });
    const problems = JSON.parse(result.stdout.slice(result.stdout.indexOf('['))) as unknown[];
    if (problems.length > 0) throw new Error(`The generated organisation has ${problems.length} problems:\n${result.stdout.slice(0, 2000)}`);
    seconds.push(result.seconds);
  }
  return { seconds, median: median(seconds) };
}
