/**
 * How long `handbook check` takes on a large organisation, against its budget.
 *
 *   npm run bench:check -- [--teams 1000] [--people 3000] [--minutes 5000] [--assets 50] [--runs 3] [--budget 5]
 *
 * Each run is a fresh `handbook check --format json` process, timed from spawn to exit,
 * because that is what an author waits for in CI. The median is compared with the budget;
 * a run over budget exits 1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateOrganisation } from '../src/lib/generate/organisation.ts';
import { writeContent } from '../src/lib/generate/write.ts';

const { values } = parseArgs({
  options: {
    teams: { type: 'string', default: '1000' },
    people: { type: 'string', default: '3000' },
    minutes: { type: 'string', default: '5000' },
    assets: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
    budget: { type: 'string', default: '5' },
  },
});
const teams = Number(values.teams);
const minutes = Number(values.minutes);
const assets = Number(values.assets);
const runs = Number(values.runs);
const budgetSeconds = Number(values.budget);

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'src/cli/handbook.ts');
const dir = mkdtempSync(path.join(os.tmpdir(), 'handbook-bench-'));
try {
  const files = generateOrganisation({ teams, people: Number(values.people), minutes, assets, seed: 1 });
  writeContent(dir, files);
  console.log(`Generated ${files.size} files: ${teams} teams, ${values.people} people, ${minutes} council minutes, ${assets} assets.`);

  const seconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, 'check', '--content', dir, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    seconds.push((performance.now() - started) / 1000);
    const problems = result.status === 2 ? undefined : (JSON.parse(result.stdout) as unknown[]);
    if (result.status !== 0 || !problems || problems.length > 0) {
      // A generated organisation is valid by construction: a problem here is a bug in the generator or the checker.
      console.error(`check exited ${result.status} with ${problems?.length ?? 'no'} problems:\n${result.stdout.slice(0, 2000)}${result.stderr}`);
      process.exit(2);
    }
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  const within = median <= budgetSeconds;
  console.log(`check: runs ${seconds.map((s) => s.toFixed(2)).join(', ')} s; median ${median.toFixed(2)} s for ${files.size} files (${((median * 1000) / files.size).toFixed(3)} ms a file).`);
  console.log(`${within ? 'Within' : 'OVER'} the budget of ${budgetSeconds} s on ${os.cpus().length} cores.`);
  process.exitCode = within ? 0 : 1;
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
