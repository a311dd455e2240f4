/**
 * What a reader downloads, measured in the system Chromium on a built site: HTML, CSS and
 * JavaScript per page type before the reader does anything, the bytes of a first search,
 * and the size of the search index. Text responses are counted gzipped, as any static host
 * serves them; Pagefind's index files are compressed already and are counted as they are.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { readOrg } from '../../src/lib/org/read.ts';
import { launchBrowser, serve } from '../../test/helpers/browser.ts';

export interface PageWeight {
  name: string;
  url: string;
  html: number;
  css: number;
  /** Script files plus inline scripts, gzipped. */
  js: number;
  requests: number;
}

export interface Weights {
  pages: PageWeight[];
  firstSearch: { query: string; total: number; js: number; index: number; requests: number };
  index: { pages: number; bytes: number };
}

const kindOf = (url: string) => (/\.m?js$/.test(url) ? 'js' : url.endsWith('.css') ? 'css' : url.endsWith('/') || url.endsWith('.html') ? 'html' : 'other');

/** The page types worth weighing, at the first entry of each collection. */
function pageTypes(contentDir: string): [string, string][] {
  const org = readOrg(contentDir, new Date());
  const first = <T>(map: Map<string, T>) => map.keys().next().value as string;
  // The first pod, not the leadership team, which sorts first in some organisations and is smaller.
  const pod = [...org.teams.values()].find((team) => team.data.type !== 'leadership') ?? org.teams.values().next().value;
  const meeting = org.meetings.at(-1)?.id;
  return [
    ['home', '/'],
    ['charter', `/teams/${pod?.id}/`],
    ['person', `/people/${first(org.people)}/`],
    ['asset', `/assets/${first(org.assets)}/`],
    ['stream', `/streams/${first(org.streams)}/`],
    ...(meeting ? ([['council minutes', `/council/${meeting}/`]] as [string, string][]) : []),
    ['team index', '/teams/'],
    ['people index', '/people/'],
    ['council index', '/council/'],
    ['org chart', '/org/'],
    ['topology', '/topology/'],
    ['roadmap', '/roadmap/'],
    ['quiz', '/quiz/?seed=bench1'],
    ['search page', '/search/?q=team'],
  ];
}

export async function measureWeights(outDir: string, contentDir: string): Promise<Weights> {
  const org = readOrg(contentDir, new Date());
  /** Bytes as a static host sends them: text gzipped, Pagefind's pre-compressed files as they are. */
  const servedBytes = (urlPath: string): number => {
    const file = path.join(outDir, decodeURIComponent(urlPath), urlPath.endsWith('/') ? 'index.html' : '');
    const body = readFileSync(file);
    return /\.(js|mjs|css|html|json|svg)$/.test(file) ? gzipSync(body).length : body.length;
  };
  const record = async (page: Page, action: () => Promise<void>): Promise<Record<string, number>> => {
    const seen: string[] = [];
    const listener = (request: { url(): string }) => seen.push(new URL(request.url()).pathname);
    page.on('request', listener);
    await action();
    await page.waitForLoadState('networkidle');
    page.off('request', listener);
    const totals: Record<string, number> = { js: 0, css: 0, html: 0, other: 0, requests: seen.length };
    for (const url of seen) totals[kindOf(url)]! += servedBytes(url);
    return totals;
  };

  const server = await serve(outDir);
  const browser = await launchBrowser();
  try {
    const pages: PageWeight[] = [];
    for (const [name, url] of pageTypes(contentDir)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const totals = await record(page, async () => {
        await page.goto(`${server.url}${url}`);
      });
      // Inline scripts are part of the HTML's bytes; they count as JavaScript too, since the budget is about script.
      const inline = (await page.locator('script:not([src]):not([type="application/json"])').allTextContents()).reduce((sum, text) => sum + gzipSync(text).length, 0);
      pages.push({ name, url, html: totals['html']!, css: totals['css']!, js: totals['js']! + inline, requests: totals['requests']! });
      await context.close();
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    const charter = pages.find((row) => row.name === 'charter')!.url;
    await page.goto(`${server.url}${charter}`);
    await page.waitForLoadState('networkidle');
    const query = org.teams.get(charter.split('/')[2]!)!.data.name;
    const search = await record(page, async () => {
      await page.keyboard.press('/');
      await page.keyboard.type(query);
      await page.locator('.site-search-panel .search-results > li > a').first().waitFor();
    });
    await context.close();

    const walk = (dir: string): number => readdirSync(dir).reduce((sum, name) => sum + (statSync(path.join(dir, name)).isDirectory() ? walk(path.join(dir, name)) : statSync(path.join(dir, name)).size), 0);
    const indexed = (JSON.parse(readFileSync(path.join(outDir, 'pagefind/pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> }).languages;
    const indexPages = Object.values(indexed).reduce((sum, language) => sum + language.page_count, 0);
    const indexBytes = ['index', 'fragment', 'filter'].reduce((sum, dir) => sum + walk(path.join(outDir, 'pagefind', dir)), 0);
    return {
      pages,
      firstSearch: {
        query,
        total: search['js']! + search['css']! + search['html']! + search['other']!,
        js: search['js']!,
        index: search['other']!,
        requests: search['requests']!,
      },
      index: { pages: indexPages, bytes: indexBytes },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function printWeights(weights: Weights): void {
  console.log('\nPer page type, before the reader does anything (gzipped):');
  console.log(`  ${'page'.padEnd(16)} ${'HTML'.padStart(9)} ${'CSS'.padStart(9)} ${'JS'.padStart(9)} requests`);
  for (const row of weights.pages) console.log(`  ${row.name.padEnd(16)} ${kb(row.html).padStart(9)} ${kb(row.css).padStart(9)} ${kb(row.js).padStart(9)} ${row.requests}`);
  const { firstSearch, index } = weights;
  console.log(`\nFirst search ("${firstSearch.query}" typed into a charter's header box): ${kb(firstSearch.total)} in ${firstSearch.requests} requests (JS ${kb(firstSearch.js)}, index and wasm ${kb(firstSearch.index)})`);
  console.log(`Search index: ${index.pages} pages, ${kb(index.bytes)} of index, fragments and filters (${(index.bytes / index.pages / 1024).toFixed(2)} KB a page)`);
}
