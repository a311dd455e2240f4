/**
 * The benchmark: how the handbook builds at the size of a real company, against a bare
 * Astro 7 project building the same Markdown, side by side on the same machine.
 *
 *   npm run bench -- [--teams 1000] [--people 3000] [--minutes 5000] [--assets 50]
 *                    [--seed 1] [--runs 1] [--no-pages]
 *
 * 1. Generates a seeded organisation (src/lib/generate/organisation.ts), valid under the check.
 * 2. Times `handbook check` on it (median of three runs), without its cache (as in CI on a
 *    fresh checkout: the budget) and with it (as on an author's machine).
 * 3. Cold builds, alternating: the baseline (bench/baseline: Astro with MDX rendering every
 *    Markdown and MDX file of the content root, no layout, no schema) and the handbook
 *    (every page, diagrams and search index), each with its caches emptied. `--runs N`
 *    repeats the pair; medians are compared. The ratio, not the seconds, is the figure
 *    that holds on a shared, noisy machine.
 * 4. Rebuilds the handbook with nothing changed, then after editing one charter; `--runs N`
 *    repeats the pair with another edit each time, and medians are compared.
 * 5. Weighs each page type, a first search and the search index (lib/weights.ts).
 *
 * Budgets (issue 7): cold build at most 1.3 times the baseline, peak memory of the build
 * under 2 GB with Node's default heap, a rebuild after one edited charter at most half the
 * cold build, `handbook check` under 5 s, charter HTML under 30 KB gzipped and its
 * JavaScript under 2 KB. Prints each as ok or OVER and exits 1 when one does not hold.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir } from '../src/lib/config.ts';
import { reportBudgets, weightBudgets, type Budget } from './lib/budgets.ts';
import { median, runNode, type RunResult } from './lib/run.ts';
import { sizeOptions, timeCheck, writeOrganisation } from './lib/organisation.ts';
import { measureWeights, printWeights } from './lib/weights.ts';

const { values } = parseArgs({ options: { ...sizeOptions, runs: { type: 'string', default: '1' }, 'no-pages': { type: 'boolean', default: false } } });
const runs = Math.max(1, Number(values.runs));
const root = path.resolve(import.meta.dirname, '..');
const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
const baselineRoot = path.join(root, 'bench/baseline');
const work = mkdtempSync(path.join(os.tmpdir(), 'handbook-bench-'));
const content = path.join(work, 'content');
const outDir = path.join(work, 'dist');
const baselineOut = path.join(work, 'baseline-dist');
const diagramCache = path.join(work, 'diagram-cache');
const env = { HANDBOOK_CONTENT: content, HANDBOOK_DIAGRAM_CACHE: diagramCache };
const seconds = (value: number) => `${value.toFixed(1)} s`;
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/** Astro's content-layer and incremental cache for this content root (see astro.config.mjs). */
const astroCache = path.join(root, astroCacheDir(content));

async function buildHandbook(cold: boolean): Promise<RunResult> {
  if (cold) for (const dir of [outDir, astroCache, diagramCache]) rmSync(dir, { recursive: true, force: true });
  return runNode([astro, 'build', '--outDir', outDir], { cwd: root, env });
}

async function buildBaseline(): Promise<RunResult> {
  for (const dir of [baselineOut, path.join(baselineRoot, 'node_modules/.astro'), path.join(baselineRoot, '.astro')]) rmSync(dir, { recursive: true, force: true });
  return runNode([astro, 'build', '--root', baselineRoot, '--outDir', baselineOut], { cwd: baselineRoot, env });
}

const pagesBuilt = (run: RunResult) => /(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? '?';
const line = (run: RunResult, pattern: RegExp) => pattern.exec(run.stdout)?.[0];

try {
  writeOrganisation(content, values);
  const check = await timeCheck(root, content, 3, 'cold');
  console.log(`handbook check, cold: ${check.seconds.map(seconds).join(', ')} (median ${seconds(check.median)})`);
  const warmCheck = await timeCheck(root, content, 3, 'warm');
  console.log(`handbook check, warm (its cache filled by a run before): ${warmCheck.seconds.map(seconds).join(', ')} (median ${seconds(warmCheck.median)})`);

  const ours: RunResult[] = [];
  const baseline: RunResult[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate which goes first, so neither always runs on a machine the other has warmed.
    for (const which of run % 2 === 0 ? (['baseline', 'ours'] as const) : (['ours', 'baseline'] as const)) {
      const result = which === 'ours' ? await buildHandbook(true) : await buildBaseline();
      (which === 'ours' ? ours : baseline).push(result);
      console.log(`cold build, ${which === 'ours' ? 'handbook' : 'baseline'}: ${seconds(result.seconds)}, ${pagesBuilt(result)} pages, peak RSS ${gb(result.nodePeakBytes)} (with child processes ${gb(result.treePeakBytes)})`);
      if (which === 'ours') for (const pattern of [/Diagrams: [^\n]*/, /Search: [^\n]*/]) console.log(`  ${line(result, pattern) ?? ''}`);
    }
  }
  const cold = median(ours.map((run) => run.seconds));
  const bare = median(baseline.map((run) => run.seconds));

  // As many rebuilds as cold builds, each pair a rebuild with nothing changed and one after
  // another edit of the same charter (its mission, which other pages show, and its body).
  const unchanged: RunResult[] = [];
  const edited: RunResult[] = [];
  const charter = path.join(content, 'teams', 'team-0001.md');
  const text = readFileSync(charter, 'utf8');
  for (let run = 0; run < runs; run++) {
    const same = await buildHandbook(false);
    unchanged.push(same);
    writeFileSync(charter, `${text.replace(/^mission: .*$/m, `mission: "Make invoices effortless, now for ${run + 1} more teams."`)}\nWe added demo slot ${run + 2} on Fridays.\n`);
    const one = await buildHandbook(false);
    edited.push(one);
    console.log(`rebuild, nothing changed: ${seconds(same.seconds)}; after one charter edited: ${seconds(one.seconds)}`);
  }
  const rebuilt = median(edited.map((run) => run.seconds));

  const budgets: Budget[] = [
    { what: 'cold build against the bare-Astro baseline', limit: 1.3, actual: cold / bare, format: (value) => `${value.toFixed(2)}×` },
    { what: 'peak memory of the build (Node, default heap)', limit: 2 * 1024 ** 3, actual: Math.max(...ours.map((run) => run.nodePeakBytes)), format: gb },
    { what: 'rebuild after one charter edited, against the cold build', limit: 0.5, actual: rebuilt / cold, format: (value) => `${value.toFixed(2)}×` },
    { what: 'handbook check, without its cache', limit: 5, actual: check.median, format: seconds },
  ];

  console.log(`\nCold build: handbook ${seconds(cold)}, baseline ${seconds(bare)}, ratio ${(cold / bare).toFixed(2)} (median of ${runs}).`);
  console.log(`Rebuild: nothing changed ${seconds(median(unchanged.map((run) => run.seconds)))}, one charter edited ${seconds(rebuilt)} (median of ${runs}).`);
  if (!values['no-pages']) {
    const weights = await measureWeights(outDir, content);
    printWeights(weights);
    budgets.push(...weightBudgets(weights));
  }
  if (!reportBudgets(budgets)) process.exitCode = 1;
} finally {
  rmSync(astroCache, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
}
