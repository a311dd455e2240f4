/**
 * Finding diagrams in built HTML and putting their SVG in place. Every diagram on the
 * site, generated or written by an author, passes through here after the build, so one
 * browser renders them all in parallel and one cache serves them.
 */

/** What `Diagram.astro` writes: the Mermaid source, escaped, in a `<pre>` named for the diagram. */
const placeholder = /<pre class="diagram-source" data-diagram="([^"]*)">([\s\S]*?)<\/pre>/g;

/** A fenced ```mermaid block as the Markdown processor writes it (the language is left unhighlighted). */
const authoredBlock = /<pre[^>]*><code class="language-mermaid"[^>]*>([\s\S]*?)<\/code><\/pre>/g;

const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[entity.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The placeholder for a diagram, as `Diagram.astro` writes it. */
export function placeholderHtml(title: string, source: string): string {
  return `<pre class="diagram-source" data-diagram="${escapeHtml(title)}">${escapeHtml(source)}</pre>`;
}

/**
 * Turns an author's fenced Mermaid block into a diagram figure: the placeholder, and the
 * source behind a disclosure as its text equivalent (an author's diagram has no data
 * behind it to tabulate).
 */
export function adoptAuthoredDiagrams(html: string): string {
  return html.replace(authoredBlock, (_, escaped: string) => {
    const source = decodeHtml(escaped);
    const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? 'Diagram';
    return `<figure class="diagram diagram-authored">${placeholderHtml(title, source)}<details class="diagram-text"><summary>Diagram source</summary><pre>${escapeHtml(source)}</pre></details></figure>`;
  });
}

export interface FoundDiagram {
  title: string;
  source: string;
}

export function findDiagrams(html: string): FoundDiagram[] {
  return [...html.matchAll(placeholder)].map((match) => ({ title: decodeHtml(match[1] ?? ''), source: decodeHtml(match[2] ?? '') }));
}

/**
 * Replaces each placeholder whose SVG is known with the inline SVG, in an image role
 * named by the diagram's title (the text equivalent beside it carries the facts).
 * Returns the page and how many diagrams are still unrendered.
 */
export function inlineDiagrams(html: string, svgFor: (source: string) => string | undefined): { html: string; pending: number } {
  let pending = 0;
  const result = html.replace(placeholder, (whole, title: string, escaped: string) => {
    const svg = svgFor(decodeHtml(escaped));
    if (svg === undefined) {
      pending += 1;
      return whole;
    }
    return `<div class="diagram-svg" role="img" aria-label="${title}">${svg}</div>`;
  });
  return { html: result, pending };
}

/** Adds the lazy loader to a page whose diagrams the reader's browser must draw. */
export function addLoader(html: string, script: string): string {
  const tag = `<script type="module">${script}</script>`;
  return html.includes('</body>') ? html.replace('</body>', `${tag}</body>`) : `${html}${tag}`;
}
