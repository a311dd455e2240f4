/**
 * What a reader downloads: JavaScript, HTML and CSS per page type, and the bytes of a first
 * search, measured in the system Chromium on a built site.
 *
 *   npm run bench:pages -- [--content content] [--teams N]
 *
 * Builds the content folder (default: the sample organisation; `--teams N` generates an
 * organisation of N teams instead) into a temporary folder, serves it, and for each page
 * type records every response the page loads before the reader does anything. Text
 * responses are counted gzipped, as any static host serves them; Pagefind's index files
 * are compressed already and are counted as they are. The first search types a team's
 * name into the header box of a charter and counts everything fetched until the results
 * show.
 *
 * Budgets (issue 5): charter JavaScript under 2 KB gzipped before searching, quiz page
 * JavaScript under 20 KB, a first search under 200 KB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { generateOrganisation } from '../src/lib/generate/organisation.ts';
import { writeContent } from '../src/lib/generate/write.ts';
import { readOrg } from '../src/lib/org/read.ts';
import { launchBrowser, serve } from '../test/helpers/browser.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, teams: { type: 'string' } } });
const root = path.resolve(import.meta.dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'handbook-bench-pages-'));
let content = path.resolve(root, values.content);
if (values.teams) {
  content = path.join(work, 'content');
  writeContent(content, generateOrganisation({ teams: Number(values.teams), seed: 1 }));
}
const outDir = path.join(work, 'dist');

const started = performance.now();
const build = spawnSync(process.execPath, [path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
  cwd: root,
  env: { ...process.env, HANDBOOK_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1' },
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (build.status !== 0) throw new Error(`astro build failed:\n${build.stdout}\n${build.stderr}`);
console.log(`Built ${content} in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const org = readOrg(content, new Date());
const first = <T>(map: Map<string, T>) => map.keys().next().value as string;
const meeting = org.meetings[0]?.id;
const pages: [string, string][] = [
  ['home', '/'],
  ['charter', `/teams/${first(org.teams)}/`],
  ['person', `/people/${first(org.people)}/`],
  ['asset', `/assets/${first(org.assets)}/`],
  ['stream', `/streams/${first(org.streams)}/`],
  ...(meeting ? ([['council minutes', `/council/${meeting}/`]] as [string, string][]) : []),
  ['org chart', '/org/'],
  ['quiz', '/quiz/?seed=bench1'],
  ['search page', '/search/?q=team'],
];

/** Bytes as a static host sends them: text gzipped, Pagefind's pre-compressed files as they are. */
function servedBytes(urlPath: string): number {
  const file = path.join(outDir, decodeURIComponent(urlPath), urlPath.endsWith('/') ? 'index.html' : '');
  const body = readFileSync(file);
  return /\.(js|mjs|css|html|json|svg)$/.test(file) ? gzipSync(body).length : body.length;
}

const kindOf = (url: string) => (/\.m?js$/.test(url) ? 'js' : url.endsWith('.css') ? 'css' : url.endsWith('/') || url.endsWith('.html') ? 'html' : 'other');

async function record(page: Page, action: () => Promise<void>): Promise<Record<string, number>> {
  const seen: string[] = [];
  const listener = (request: { url(): string }) => seen.push(new URL(request.url()).pathname);
  page.on('request', listener);
  await action();
  await page.waitForLoadState('networkidle');
  page.off('request', listener);
  const totals: Record<string, number> = { js: 0, css: 0, html: 0, other: 0, requests: seen.length };
  for (const url of seen) totals[kindOf(url)]! += servedBytes(url);
  return totals;
}

/** Budgets from issue 5; the run says which hold and exits 1 when one does not. */
const budgets: { what: string; limit: number; actual?: number }[] = [
  { what: 'charter JavaScript before searching', limit: 2 * 1024 },
  { what: 'quiz page JavaScript', limit: 20 * 1024 },
  { what: 'first search, all bytes', limit: 200 * 1024 },
];

const server = await serve(outDir);
const browser = await launchBrowser();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
try {
  console.log('\nPer page type, before the reader does anything (gzipped):');
  console.log('page             HTML      CSS       JS        requests');
  for (const [name, url] of pages) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const totals = await record(page, async () => {
      await page.goto(`${server.url}${url}`);
    });
    // Inline scripts are part of the HTML's bytes; count them as JavaScript as well, since the budget is about script.
    const inline = (await page.locator('script:not([src]):not([type="application/json"])').allTextContents()).reduce((sum, text) => sum + gzipSync(text).length, 0);
    console.log(`${name.padEnd(16)} ${kb(totals['html']!).padEnd(9)} ${kb(totals['css']!).padEnd(9)} ${kb(totals['js']! + inline).padEnd(9)} ${totals['requests']}`);
    if (name === 'charter') budgets[0]!.actual = totals['js']! + inline;
    if (name === 'quiz') budgets[1]!.actual = totals['js']! + inline;
    await context.close();
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  const charter = `/teams/${first(org.teams)}/`;
  await page.goto(`${server.url}${charter}`);
  await page.waitForLoadState('networkidle');
  const name = org.teams.get(first(org.teams))!.data.name;
  const search = await record(page, async () => {
    await page.keyboard.press('/');
    await page.keyboard.type(name);
    await page.locator('.site-search-panel .search-results > li > a').first().waitFor();
  });
  await context.close();
  const total = search['js']! + search['css']! + search['html']! + search['other']!;
  budgets[2]!.actual = total;
  console.log(`\nFirst search ("${name}" typed into a charter's header box): ${kb(total)} in ${search['requests']} requests (JS ${kb(search['js']!)}, index and wasm ${kb(search['other']!)})`);

  const walk = (dir: string): number => readdirSync(dir).reduce((sum, name) => sum + (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : statSync(path.join(dir, name)).size), 0);
  const indexed = JSON.parse(readFileSync(path.join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')).languages.en.page_count as number;
  const indexBytes = walk(path.join(outDir, 'pagefind/index')) + walk(path.join(outDir, 'pagefind/fragment')) + walk(path.join(outDir, 'pagefind/filter'));
  console.log(`Search index: ${indexed} pages, ${kb(indexBytes)} of index, fragments and filters (${(indexBytes / indexed / 1024).toFixed(2)} KB a page)`);
  console.log('\nBudgets:');
  for (const { what, limit, actual } of budgets) {
    const ok = actual !== undefined && actual <= limit;
    if (!ok) process.exitCode = 1;
    console.log(`  ${ok ? 'ok  ' : 'OVER'} ${what}: ${actual === undefined ? 'not measured' : kb(actual)} of ${kb(limit)}`);
  }
} finally {
  await browser.close();
  await server.close();
  rmSync(work, { recursive: true, force: true });
}
