import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagramMessages } from '../src/lib/messages.ts';
import { launchBrowser, serve } from './helpers/browser.ts';
import { astroCacheDir } from '../src/lib/config.ts';
import { buildSite, fixtureContent, projectRoot, rebuildSite, scriptKinds, type BuiltSite } from './helpers/site.ts';

const northwind = fixtureContent('northwind');

describe('the diagram cache', () => {
  it('draws every diagram while the pages render, then nothing on a second build with no content change', async () => {
    const first = await buildSite(northwind);
    // A cold cache: every diagram is drawn, in the background while the pages render.
    const drawn = /Diagrams: (\d+) diagrams? drawn while the pages rendered\./.exec(first.log);
    const rendered = /Diagrams: (\d+) on \d+ pages?; (\d+) rendered, (\d+) from cache/.exec(first.log);
    expect(Number(drawn?.[1])).toBe(Number(rendered?.[1]));
    expect(Number(rendered?.[3])).toBe(Number(rendered?.[1]));
    const second = await rebuildSite(northwind);
    expect(second.log).toContain(`Diagrams: ${rendered?.[1]} on`);
    expect(second.log).toMatch(/pages?; 0 rendered, \d+ from cache\./);
    // The same pages either way.
    expect(second.html('/council/decisions/')).toBe(first.html('/council/decisions/'));
  });
});

describe('a build machine with no browser', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await buildSite(northwind, {
      HANDBOOK_CHROMIUM: '/nonexistent/chromium',
      HANDBOOK_DIAGRAM_CACHE: mkdtempSync(path.join(tmpdir(), 'handbook-empty-cache-')),
    });
  });

  it('still builds, and warns once', () => {
    const warnings = site.log.split('\n').filter((line) => line.includes('no browser at /nonexistent/chromium'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(diagramMessages.noBrowser('no browser at /nonexistent/chromium', Number(/so (\d+) diagram/.exec(warnings[0]!)?.[1])));
  });

  it('keeps the diagram source, a lazy loader and the text equivalent on /council/decisions/', () => {
    const decisions = site.page('/council/decisions/');
    expect(decisions.querySelector('pre.diagram-source[data-diagram]')?.textContent).toMatch(/^timeline\n/);
    const loader = decisions.querySelectorAll('script[type="module"]').find((script) => script.textContent.includes('mermaid'));
    expect(loader?.textContent).toContain('/_handbook/mermaid/mermaid.esm.min.mjs');
    expect(decisions.querySelector('pre.diagram-source')?.textContent).toContain('Use PostGIS for route data');
    expect(decisions.querySelector('.diagram .diagram-text')?.textContent).toContain('The log below lists every decision');
    expect(existsSync(path.join(site.outDir, '_handbook/mermaid/mermaid.esm.min.mjs'))).toBe(true);
  });

  it('draws a page with a diagram again on a rebuild, with one loader and the Mermaid files it loads', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'handbook-lazy-'));
    const content = path.join(root, 'content');
    const outDir = path.join(root, 'dist');
    cpSync(northwind, content, { recursive: true });
    const charter = path.join(content, 'teams/runway.md');
    writeFileSync(charter, `${readFileSync(charter, 'utf8')}\n\`\`\`mermaid\nflowchart LR\n  intake --> release\n\`\`\`\n`);
    const env = { HANDBOOK_CHROMIUM: '/nonexistent/chromium', HANDBOOK_DIAGRAM_CACHE: mkdtempSync(path.join(tmpdir(), 'handbook-empty-cache-')) };
    try {
      await rebuildSite(content, env, outDir);
      const again = await rebuildSite(content, env, outDir);
      // Not left in place, though its key is unchanged: how diagrams are drawn is not in the
      // key, so the page comes back from Astro's cache and is drawn again. Without colours,
      // which the build log has in CI.
      expect(again.log.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/\/teams\/runway\/index\.html \(restored\)/);
      const loaders = again.page('/teams/runway/').querySelectorAll('script[type="module"]').filter((script) => script.textContent.includes('mermaid'));
      expect(loaders).toHaveLength(1);
      expect(again.page('/teams/runway/').querySelector('pre.diagram-source[data-diagram]')?.textContent).toContain('intake --> release');
      expect(existsSync(path.join(outDir, '_handbook/mermaid/mermaid.esm.min.mjs'))).toBe(true);
    } finally {
      rmSync(path.join(projectRoot, astroCacheDir(content)), { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);

  it('adds the loader only to pages that have a Mermaid diagram', () => {
    // The org chart and the topology are drawn by our own code at build time, browser or not.
    for (const url of ['/people/', '/teams/', '/checks/', '/org/', '/topology/']) expect(scriptKinds(site.page(url)), url).not.toContain('diagram-loader');
    expect(site.page('/org/').querySelector('.diagram-svg svg title')?.textContent).toBe('Org chart');
    expect(scriptKinds(site.page('/council/decisions/'))).toContain('diagram-loader');
  });

  describe('in the reader’s browser', () => {
    let server: Awaited<ReturnType<typeof serve>>;
    beforeAll(async () => {
      server = await serve(site.outDir);
    });
    afterAll(() => server.close());

    it('draws the diagram when it scrolls into view, and loads Mermaid only then', async () => {
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
        const loaded: string[] = [];
        page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
        await page.goto(`${server.url}/council/decisions/`);
        expect(loaded.some((url) => url.includes('/_handbook/mermaid/'))).toBe(false);
        await page.locator('.diagram').first().scrollIntoViewIfNeeded();
        await page.locator('.diagram svg').first().waitFor({ timeout: 20_000 });
        await page.waitForFunction(() => document.querySelector('.diagram svg')?.textContent?.includes('PostGIS'), undefined, { timeout: 20_000 });
        expect(loaded.some((url) => url.endsWith('/_handbook/mermaid/mermaid.esm.min.mjs'))).toBe(true);
      } finally {
        await browser.close();
      }
    });
  });
});

describe('an author’s Mermaid block that does not parse', () => {
  it('stops the build with its file and line, before anything is drawn', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-mermaid-')), 'content');
    cpSync(northwind, content, { recursive: true });
    writeFileSync(path.join(content, 'handbook/flow.md'), '---\ntitle: Flow\n---\nHow it goes:\n\n```mermaid\nflowchart LR\n  a --> b\n  b --> (\n```\n');
    const failure = await buildSite(content).then(
      () => '',
      (error: Error) => error.message,
    );
    const file = path.relative(process.cwd(), path.join(content, 'handbook/flow.md'));
    // The report names the file, then each problem at its line:column.
    expect(failure).toContain(file);
    expect(failure).toMatch(/\b9:4\s+error\s+This Mermaid diagram does not parse/);
    expect(failure).toContain('diagrams/syntax');
    expect(failure).toContain('This Mermaid diagram does not parse at "b --> ("');
    expect(failure).not.toMatch(/Diagrams: \d+ on/);
  });
});

describe('an author’s Mermaid block that parses but cannot be drawn', () => {
  it('stops the build naming the file, and the line holding what the error names', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-gantt-')), 'content');
    cpSync(northwind, content, { recursive: true });
    writeFileSync(
      path.join(content, 'handbook/plan.md'),
      // The check refuses impossible days written YYYY-MM-DD; in another format only drawing finds them.
      '---\ntitle: Plan\n---\nThe plan:\n\n```mermaid\ngantt\n  dateFormat DD.MM.YYYY\n  section Build\n  Move pipelines :a1, 45.13.2026, 3d\n```\n',
    );
    const failure = await buildSite(content).then(
      () => '',
      (error: Error) => error.message,
    );
    const file = path.relative(process.cwd(), path.join(content, 'handbook/plan.md'));
    expect(failure).toContain('1 diagram could not be drawn, so the build stopped:');
    // Drawing errors carry no line: the date the error names is on line 10 of the file.
    expect(failure).toContain(`  - ${file}:10: "Diagram" on /plan/ (line 4 of the diagram: Move pipelines :a1, 45.13.2026, 3d): Invalid date:45.13.2026`);
  });
});
