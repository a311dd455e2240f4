/**
 * How long diagrams take to draw at build time.
 *
 *   npm run bench:diagrams -- [--teams 200] [--runs 3] [--site]
 *
 * 1. Render time per diagram for synthetic 10-, 50- and 200-node flowcharts (median of
 *    `--runs` renders of distinct sources, so no cache is involved).
 * 2. The org chart of a generated organisation of `--teams` teams: the single chart of
 *    every pod, and what /org/ shows (an overview plus one chart per stream), drawn by
 *    Mermaid and by our own layered layout (src/lib/diagrams/layered.ts), which the site
 *    uses; the Mermaid figures are why.
 * 3. With `--site`: a full `astro build` of that organisation with an empty diagram
 *    cache, then a rebuild, to show what the cache saves.
 *
 * Uses the Chromium at HANDBOOK_CHROMIUM or /usr/bin/chromium. The machines are shared
 * and noisy: compare the ratios between sizes, not single figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { flowchartSource, type Flowchart, type FlowEdge } from '../src/lib/diagrams/flowchart.ts';
import { layeredSvg } from '../src/lib/diagrams/layered.ts';
import { orgChart, orgOverview, podGroups, pods } from '../src/lib/diagrams/org.ts';
import { openRenderer, type Renderer } from '../src/lib/diagrams/render.ts';
import { generateOrganisation } from '../src/lib/generate/organisation.ts';
import { writeContent } from '../src/lib/generate/write.ts';
import { readOrg } from '../src/lib/org/read.ts';

const { values } = parseArgs({
  options: {
    teams: { type: 'string', default: '200' },
    runs: { type: 'string', default: '3' },
    site: { type: 'boolean', default: false },
  },
});
const teams = Number(values.teams);
const runs = Number(values.runs);
const chromium = process.env['HANDBOOK_CHROMIUM']?.trim() || '/usr/bin/chromium';
const root = path.resolve(import.meta.dirname, '..');

/** A layered chart of `size` nodes, each joined to one or two nodes of the layer above: org-chart shaped. */
function syntheticChart(size: number, variant: number): Flowchart {
  const nodes = Array.from({ length: size }, (_, index) => ({
    key: `n${index}`,
    label: [`Node ${index} v${variant}`, index % 3 === 0 ? 'Second line' : ''].filter(Boolean),
    shape: 'box' as const,
    class: (['stream-aligned', 'platform', 'enabling'] as const)[index % 3]!,
  }));
  const edges = nodes.slice(1).flatMap((node, index) => {
    const parent = Math.floor(index / 3);
    const list: FlowEdge[] = [{ from: `n${parent}`, to: node.key, kind: 'product' }];
    if (index % 4 === 0 && parent > 0) list.push({ from: `n${parent - 1}`, to: node.key, kind: 'reporting' });
    return list;
  });
  return { title: `${size} nodes`, description: 'Benchmark chart', direction: 'TB', nodes, edges, groups: [] };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

async function timeRenders(renderer: Renderer, sources: string[]): Promise<number[]> {
  const times: number[] = [];
  // One at a time: the time per diagram, not the throughput of several tabs.
  for (const [index, source] of sources.entries()) {
    const started = performance.now();
    const [outcome] = await renderer.render([{ id: `b${index}${Date.now()}`, source }]);
    if (!outcome || 'error' in outcome) throw new Error(`Render failed: ${outcome && 'error' in outcome ? outcome.error : 'no result'}`);
    times.push(performance.now() - started);
  }
  return times;
}

const launched = performance.now();
const renderer = await openRenderer(chromium, 1);
if ('unavailable' in renderer) {
  console.error(`Cannot benchmark diagrams: ${renderer.unavailable}. Install Chromium or set HANDBOOK_CHROMIUM.`);
  process.exit(2);
}
console.log(`Chromium started and Mermaid loaded in ${ms(performance.now() - launched)} (once per build).`);

const rows: [string, string, string][] = [];
try {
  // Warm the tab up once, so the first size does not pay for JIT compilation.
  await timeRenders(renderer, [flowchartSource(syntheticChart(5, 999))]);
  for (const size of [10, 50, 200]) {
    const times = await timeRenders(
      renderer,
      Array.from({ length: runs }, (_, variant) => flowchartSource(syntheticChart(size, variant))),
    );
    rows.push([`${size}-node flowchart`, ms(median(times)), `${(median(times) / size).toFixed(1)} ms per node`]);
  }

  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'handbook-bench-diagrams-')), 'content');
  writeContent(dir, generateOrganisation({ teams, engineersPerTeam: 4, minutes: 20, assets: 10, seed: 1 }));
  const org = readOrg(dir, new Date());
  const all = pods(org);
  const groups = podGroups(org);
  const full = orgChart(org, all, 'Org chart');
  const [fullTime] = await timeRenders(renderer, [flowchartSource(full)]);
  rows.push([`Org chart, ${all.length} pods in one chart (${full.nodes.length} nodes)`, ms(fullTime!), 'not shown: too dense to read']);
  const overview = orgOverview(org, groups);
  const perGroup = groups.map((group) => orgChart(org, group.pods, group.label));
  const shown = await timeRenders(renderer, [overview, ...perGroup].map(flowchartSource));
  rows.push([
    `Org chart as /org/ shows it: overview + ${perGroup.length} group charts`,
    ms(shown.reduce((sum, time) => sum + time, 0)),
    `largest chart ${Math.max(overview.nodes.length, ...perGroup.map((chart) => chart.nodes.length))} nodes; ${ms(median(shown))} median`,
  ]);
  const laidOut = performance.now();
  for (const chart of [overview, ...perGroup]) layeredSvg(chart);
  rows.push([`The same charts, our layered layout (no browser)`, ms(performance.now() - laidOut), 'what the site draws']);

  if (values.site) {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'handbook-bench-cache-'));
    for (const pass of ['cold cache', 'warm cache']) {
      const started = performance.now();
      const result = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', path.join(dir, '..', 'dist')], {
        cwd: root,
        env: { ...process.env, HANDBOOK_CONTENT: dir, HANDBOOK_DIAGRAM_CACHE: cache, ASTRO_TELEMETRY_DISABLED: '1' },
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      if (result.status !== 0) throw new Error(`astro build failed:\n${result.stderr}`);
      const summary = /Diagrams: [^\n]*/.exec(result.stdout)?.[0] ?? '';
      rows.push([`astro build of ${teams} teams, ${pass}`, ms(performance.now() - started), summary.replace(/^Diagrams: /, '')]);
    }
    rmSync(cache, { recursive: true, force: true });
  }
  rmSync(path.dirname(dir), { recursive: true, force: true });
} finally {
  await renderer.close();
}

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`\nRender times (median of ${runs} where repeated); Mermaid in one Chromium tab:`);
for (const [name, time, note] of rows) console.log(`  ${name.padEnd(width)}  ${time.padStart(9)}  ${note}`);
