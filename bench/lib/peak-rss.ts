/**
 * Preloaded into a benchmarked build (`node --import`): on exit, writes the process's
 * peak resident set size in bytes to the file named by BENCH_PEAK_RSS_FILE. Exact, unlike
 * sampling from outside, which misses short peaks.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_PEAK_RSS_FILE'];
if (file) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
