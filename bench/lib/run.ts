import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunResult {
  seconds: number;
  /** Peak RSS of the Node process itself, exact (see peak-rss.ts). */
  nodePeakBytes: number;
  /** Peak RSS of the Node process and every process under it (Chromium, Pagefind), sampled every 100 ms. */
  treePeakBytes: number;
  stdout: string;
}

/** RSS in bytes of `root` and its descendants, from /proc; 0 where /proc is missing (not Linux). */
function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  const page = 4096;
  for (const name of entries) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // Fields after the command name, which may itself hold spaces and parentheses.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(fields[1]));
      rss.set(Number(name), Number(fields[21]) * page);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let current: number | undefined = pid, hops = 0; current !== undefined && current > 1 && hops < 64; current = parent.get(current), hops++) {
      if (current === root) return true;
    }
    return false;
  };
  let total = 0;
  for (const [pid, bytes] of rss) if (inTree(pid)) total += bytes;
  return total;
}

/**
 * Runs `node <args>` (the pinned Node that runs the benchmark) to completion, timing it
 * from spawn to exit and recording its peak memory. Throws with the output on failure.
 */
export async function runNode(args: string[], options: { cwd: string; env: Record<string, string | undefined> }): Promise<RunResult> {
  const rssFile = path.join(os.tmpdir(), `handbook-bench-rss-${process.pid}-${Date.now()}`);
  const preload = path.join(import.meta.dirname, 'peak-rss.ts');
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', preload, ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, BENCH_PEAK_RSS_FILE: rssFile, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let treePeakBytes = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) treePeakBytes = Math.max(treePeakBytes, treeRss(child.pid));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${code}):\n${output.slice(-4000)}`);
  let nodePeakBytes = 0;
  try {
    nodePeakBytes = Number(readFileSync(rssFile, 'utf8'));
    rmSync(rssFile);
  } catch {
    // No report: the process exited without running its exit handlers.
  }
  return { seconds, nodePeakBytes, treePeakBytes: Math.max(treePeakBytes, nodePeakBytes), stdout: output };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
