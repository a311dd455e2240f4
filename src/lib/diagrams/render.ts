import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fontFamily } from './svg.ts';

/**
 * Mermaid to SVG at build time, in one headless Chromium per build: the system's
 * Chromium driven by playwright-core (no browser download). Each tab loads Mermaid once
 * and renders one diagram at a time; tabs work in parallel.
 */

const require = createRequire(import.meta.url);

/** Mermaid's own version, part of every cache key: a Mermaid upgrade redraws everything. */
export const mermaidVersion: string = (require('mermaid/package.json') as { version: string }).version;

/** The browser bundle every render tab loads. */
export const mermaidBundle = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');

/**
 * Mermaid settings shared by build-time and in-browser rendering. The layout engine is
 * set, not left to Mermaid's default; `strict` escapes HTML in labels and disables
 * click callbacks; SVG text labels (not HTML in foreignObject) keep the SVG plain.
 */
export const mermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'neutral',
  layout: 'dagre',
  htmlLabels: false,
  flowchart: { htmlLabels: false, useMaxWidth: false },
  gantt: { useMaxWidth: false },
  // Mermaid's multicolour sections put #333 text on grey down to 2.8:1; one colour passes 4.5:1 in both themes.
  timeline: { useMaxWidth: false, disableMulticolor: true },
  // Contrast fixes measured against WCAG 1.4.3 and 1.4.11 in light and (inverted) dark mode:
  // at-risk bars carry white text, done bars dark text, and node borders must show at 3:1.
  themeVariables: { critBkgColor: '#b42318', critBorderColor: '#7a1a12', doneTaskBkgColor: '#d9d9d9', nodeBorder: '#767676' },
  xyChart: { useMaxWidth: false },
  fontFamily,
  suppressErrorRendering: true,
  // Mermaid's default of 500 edges is below a single chart of 200 pods; generated charts split long before that.
  maxEdges: 2000,
  // Mermaid draws a "text size exceeded" box instead of failing past this; checked in the tab below.
  maxTextSize: 200_000,
  // Settings an author's %%{init}%% directive or frontmatter may not change. Mermaid
  // protects only the first six by default; the rest would let a diagram turn on HTML
  // labels, loosen Mermaid's own sanitiser, or restyle with arbitrary CSS.
  secure: [
    'secure',
    'securityLevel',
    'startOnLoad',
    'maxTextSize',
    'suppressErrorRendering',
    'maxEdges',
    'htmlLabels',
    'flowchart',
    'dompurifyConfig',
    'themeCSS',
    'themeVariables',
    'fontFamily',
    'theme',
    'layout',
    'deterministicIds',
    'deterministicIDSeed',
  ],
  deterministicIds: true,
} as const;


export type RenderOutcome = { svg: string } | { error: string };

/** A diagram that takes longer than this is an error naming its page, not a hung build. */
export const renderTimeoutMs = 30_000;

export interface Renderer {
  /** Renders each source once; results come back in the sources' order. */
  render(jobs: { id: string; source: string }[], onDone?: (index: number, ms: number) => void): Promise<RenderOutcome[]>;
  close(): Promise<void>;
}

/** Chromium flags for a locked-down, offline, headless render. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
];

export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

/**
 * Opens the renderer, or returns why it cannot (no executable at the path, or a browser
 * that would not start). `off` means the reader's browser draws the diagrams.
 */
export async function openRenderer(chromium: string, concurrency = defaultConcurrency()): Promise<Renderer | { unavailable: string }> {
  if (chromium === 'off') return { unavailable: 'off' };
  if (!existsSync(chromium)) return { unavailable: `no browser at ${chromium}` };
  const { chromium: launcher } = await import('playwright-core');
  let browser: import('playwright-core').Browser;
  try {
    browser = await launcher.launch({ executablePath: chromium, args: chromiumArgs });
  } catch (error) {
    return { unavailable: `${chromium} would not start (${String((error as Error).message).split('\n')[0]})` };
  }
  // Nothing a diagram draws may reach the network, and no page is ever navigated to: content cannot call out.
  let context: import('playwright-core').BrowserContext;
  try {
    context = await browser.newContext({ javaScriptEnabled: true, offline: true, viewport: { width: 1200, height: 800 } });
    await context.route('**/*', (route) => route.abort());
  } catch (error) {
    await browser.close();
    return { unavailable: `${chromium} started but could not open a page (${String((error as Error).message).split('\n')[0]})` };
  }
  const tab = async () => {
    const page = await context.newPage();
    await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ path: mermaidBundle });
    await page.evaluate(`globalThis.mermaid.initialize(${JSON.stringify(mermaidConfig)})`);
    return page;
  };
  let tabs: import('playwright-core').Page[];
  try {
    tabs = await Promise.all(Array.from({ length: concurrency }, tab));
  } catch (error) {
    // A browser that cannot load Mermaid must not outlive this call.
    await browser.close();
    return { unavailable: `${chromium} could not load Mermaid (${String((error as Error).message).split('\n')[0]})` };
  }

  /** One render, bounded in time; a tab that hangs or crashes is replaced, and the diagram is an error. */
  const renderOne = async (slot: number, job: { id: string; source: string }): Promise<RenderOutcome> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<RenderOutcome>((resolve) => {
      timer = setTimeout(() => resolve({ error: `Mermaid took longer than ${renderTimeoutMs / 1000} s to draw it; make it smaller.` }), renderTimeoutMs);
    });
    try {
      const outcome = await Promise.race([
        tabs[slot]!.evaluate(`(${renderInPage})(${JSON.stringify(job)})`) as Promise<RenderOutcome>,
        timeout,
      ]);
      if ('error' in outcome && outcome.error.startsWith('Mermaid took longer')) await replaceTab(slot);
      return outcome;
    } catch (error) {
      await replaceTab(slot);
      return { error: `The browser tab drawing it failed: ${String((error as Error).message).split('\n')[0]}` };
    } finally {
      clearTimeout(timer);
    }
  };
  const replaceTab = async (slot: number) => {
    await tabs[slot]!.close().catch(() => undefined);
    tabs[slot] = await tab();
  };

  return {
    async render(jobs, onDone) {
      const results: RenderOutcome[] = new Array(jobs.length);
      let next = 0;
      await Promise.all(
        tabs.map(async (_, slot) => {
          while (next < jobs.length) {
            const index = next++;
            const started = performance.now();
            results[index] = await renderOne(slot, jobs[index]!);
            onDone?.(index, performance.now() - started);
          }
        }),
      );
      return results;
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Runs in the render tab: Mermaid draws the SVG, then anything that could run or load
 * code is removed before it leaves the browser (Mermaid's `strict` mode should leave
 * none; this does not rely on it). Kept as plain JavaScript text, so no build tool can
 * wrap it in helpers that do not exist in the tab.
 */
const renderInPage = String.raw`async ({ id, source }) => {
  try {
    const { svg } = await globalThis.mermaid.render(id, source);
    if (svg.includes('Maximum text size in diagram exceeded')) return { error: 'The diagram is too large for Mermaid to draw; split it into smaller ones.' };
    // Parsed the way the page that inlines it will parse it: as SVG inside HTML.
    const doc = document.createElement('template');
    doc.innerHTML = svg;
    const root = doc.content.firstElementChild;
    if (!root || root.localName !== 'svg') return { error: 'Mermaid produced no SVG.' };
    for (const element of doc.content.querySelectorAll('script, iframe, object, embed, animate, set, animateMotion, animateTransform')) element.remove();
    for (const element of doc.content.querySelectorAll('*')) {
      for (const attribute of Array.from(element.attributes)) {
        const name = attribute.name.toLowerCase();
        const value = attribute.value.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
        if (name.startsWith('on')) element.removeAttribute(attribute.name);
        else if ((name === 'href' || name.endsWith(':href') || name === 'src') && !/^(#|\/|https?:|mailto:)/.test(value)) element.removeAttribute(attribute.name);
      }
    }
    return { svg: root.outerHTML };
  } catch (error) {
    document.getElementById('d' + id)?.remove();
    return { error: error instanceof Error ? error.message : String(error) };
  }
}`;

/** Changes whenever the way we render changes (Mermaid, its settings, the in-tab code), so the cache never serves an SVG drawn the old way. */
export const renderVersion = `${mermaidVersion}:${JSON.stringify(mermaidConfig)}:${renderInPage}`;
