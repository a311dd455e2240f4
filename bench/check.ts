/**
 * How long `handbook check` takes on a large organisation, against its budget: the check
 * part of `npm run bench`, alone and quick.
 *
 *   npm run bench:check -- [--teams 1000] [--people 3000] [--minutes 5000] [--assets 50] [--seed 1] [--runs 3] [--budget 5]
 *
 * The median of the runs without the check's cache (a fresh checkout, as in CI) is compared
 * with the budget; over budget exits 1. Runs with the cache are reported beside them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir } from '../src/lib/config.ts';
import { sizeOptions, timeCheck, writeOrganisation } from './lib/organisation.ts';

const { values } = parseArgs({ options: { ...sizeOptions, runs: { type: 'string', default: '3' }, budget: { type: 'string', default: '5' } } });
const budget = Number(values.budget);
const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'handbook-bench-')), 'content');
try {
  writeOrganisation(dir, values);
  const { seconds, median } = await timeCheck(root, dir, Number(values.runs), 'cold');
  console.log(`check without its cache: runs ${seconds.map((value) => value.toFixed(2)).join(', ')} s; median ${median.toFixed(2)} s.`);
  const warm = await timeCheck(root, dir, Number(values.runs), 'warm');
  console.log(`check with its cache: runs ${warm.seconds.map((value) => value.toFixed(2)).join(', ')} s; median ${warm.median.toFixed(2)} s.`);
  console.log(`${median <= budget ? 'Within' : 'OVER'} the budget of ${budget} s on ${os.availableParallelism()} cores.`);
  process.exitCode = median <= budget ? 0 : 1;
} finally {
  rmSync(path.join(root, astroCacheDir(dir)), { recursive: true, force: true });
  rmSync(path.dirname(dir), { recursive: true, force: true });
}
