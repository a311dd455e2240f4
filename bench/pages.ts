/**
 * What a reader downloads, on the sample organisation or a generated one.
 *
 *   npm run bench:pages -- [--content content] [--teams N]
 *
 * Builds the content folder (default: the sample organisation; `--teams N` generates an
 * organisation of N teams instead) into a temporary folder, serves it, and weighs each page
 * type and a first search (see lib/weights.ts). `npm run bench` does the same on the large
 * organisation as part of its run.
 *
 * Budgets: charter JavaScript under 2 KB gzipped before searching and charter HTML under
 * 30 KB, quiz page JavaScript under 20 KB, a first search under 200 KB. Exits 1 when one
 * does not hold.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir } from '../src/lib/config.ts';
import { generateOrganisation } from '../src/lib/generate/organisation.ts';
import { writeContent } from '../src/lib/generate/write.ts';
import { reportBudgets, weightBudgets } from './lib/budgets.ts';
import { runNode } from './lib/run.ts';
import { measureWeights, printWeights } from './lib/weights.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, teams: { type: 'string' } } });
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'handbook-bench-pages-'));
try {
  let content = path.resolve(root, values.content);
  if (values.teams) {
    content = path.join(work, 'content');
    writeContent(content, generateOrganisation({ teams: Number(values.teams), seed: 1 }));
  }
  const outDir = path.join(work, 'dist');
  const build = await runNode([path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], { cwd: root, env: { HANDBOOK_CONTENT: content } });
  console.log(`Built ${content} in ${build.seconds.toFixed(1)} s`);
  const weights = await measureWeights(outDir, content);
  printWeights(weights);
  if (!reportBudgets(weightBudgets(weights))) process.exitCode = 1;
} finally {
  // A generated organisation's Astro cache is of no use to the next run, which generates another folder.
  if (values.teams) rmSync(path.join(root, astroCacheDir(path.join(work, 'content'))), { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
