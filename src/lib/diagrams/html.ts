import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { escapeXml } from './svg.ts';

/**
 * Finding diagrams in built HTML and putting their SVG in place. Every diagram on the
 * site, generated or written by an author, passes through here after the build, so one
 * browser renders them all in parallel and one cache serves them.
 *
 * Pages are read with a real HTML parser, never with patterns over the text: an author's
 * raw HTML can hold diagram-looking markup inside an attribute value, and a pattern
 * would start matching there and write the rest of the value out as markup.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The placeholder for a diagram, as `Diagram.astro` writes it and as pages keep it when no browser drew it. */
export function placeholderHtml(title: string, source: string): string {
  // Focusable like every box that may scroll sideways, so keyboard users can scroll it.
  return `<pre class="diagram-source" data-diagram="${escapeXml(title)}" tabindex="0">${escapeXml(source)}</pre>`;
}

export interface FoundDiagram {
  /** Where the element that holds the source starts and ends in the page. */
  start: number;
  end: number;
  title: string;
  source: string;
  /** A fenced ```mermaid block (or raw `<pre><code class="language-mermaid">`) rather than a generated diagram. */
  authored: boolean;
}

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;
const classes = (element: Element): string[] => (attribute(element, 'class') ?? '').split(/\s+/);

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** Every diagram in a page, in document order. */
export function findDiagrams(html: string): FoundDiagram[] {
  // Most pages have none; parsing only the ones that might keeps the step fast.
  if (!html.includes('data-diagram') && !html.includes('language-mermaid')) return [];
  const found: FoundDiagram[] = [];
  const visit = (node: Node): void => {
    if (node.nodeName === 'pre') {
      const pre = node as Element;
      const location = pre.sourceCodeLocation;
      const code = pre.childNodes.find((child): child is Element => child.nodeName === 'code');
      if (location && classes(pre).includes('diagram-source') && attribute(pre, 'data-diagram') !== undefined) {
        found.push({ start: location.startOffset, end: location.endOffset, title: attribute(pre, 'data-diagram') ?? 'Diagram', source: textOf(pre), authored: false });
        return;
      }
      if (location && code && classes(code).includes('language-mermaid')) {
        const source = textOf(code);
        const title = /^\s*accTitle\s*:\s*(.+)$/m.exec(source)?.[1]?.trim() ?? 'Diagram';
        found.push({ start: location.startOffset, end: location.endOffset, title, source, authored: true });
        return;
      }
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
    if (node.nodeName === 'template') visit((node as DefaultTreeAdapterMap['template']).content);
  };
  visit(parse(html, { sourceCodeLocationInfo: true }));
  return found;
}

/**
 * The markup that takes a diagram's place: its SVG in an image role named by its title
 * (the text equivalent beside it carries the facts), or, without an SVG, the placeholder
 * for the reader's browser to draw. An author's block becomes a whole figure, with its
 * source behind a disclosure as its text equivalent.
 */
export function diagramHtml(diagram: FoundDiagram, svg: string | undefined): string {
  // Focusable, because a wide diagram scrolls sideways and keyboard users must be able to scroll it.
  // Left out of the search index whole: Pagefind would still take the SVG's id for an anchor
  // if the SVG were only excluded, and the index would then differ by whether Pagefind read
  // the page before or after this step drew on it.
  const drawn =
    svg === undefined
      ? placeholderHtml(diagram.title, diagram.source)
      : `<div class="diagram-svg" role="img" tabindex="0" aria-label="${escapeXml(diagram.title)}" data-pagefind-ignore="all">${svg}</div>`;
  if (!diagram.authored) return drawn;
  return `<figure class="diagram diagram-authored">${drawn}<details class="diagram-text"><summary>Diagram source</summary><pre tabindex="0">${escapeXml(diagram.source)}</pre></details></figure>`;
}

/**
 * Puts each diagram's markup in its place. Returns the page and how many diagrams are
 * left for the reader's browser.
 */
export function inlineDiagrams(html: string, found: FoundDiagram[], svgFor: (source: string) => string | undefined): { html: string; pending: number } {
  let pending = 0;
  // One pass and one join: splicing each diagram into the whole page copied a 4 MB org
  // chart page once per diagram, and that garbage pushed a 1,000-team build past 2 GB.
  const parts: string[] = [];
  let at = 0;
  for (const diagram of [...found].sort((a, b) => a.start - b.start)) {
    const svg = svgFor(diagram.source);
    if (svg === undefined) pending += 1;
    parts.push(html.slice(at, diagram.start), diagramHtml(diagram, svg));
    at = diagram.end;
  }
  parts.push(html.slice(at));
  return { html: parts.join(''), pending };
}

/**
 * Gives a page the lazy loader when the reader's browser must draw some of its diagrams,
 * and takes it away when none are left. A page a rebuild left in place (see
 * output/keep.ts) comes through the diagram step again, already done: it must come out
 * as a page drawn from scratch would, with one loader or none.
 */
export function setLoader(html: string, script: string, needed: boolean): string {
  const tag = `<script type="module">${script}</script>`;
  if (html.includes(tag)) return needed ? html : html.replace(tag, '');
  if (!needed) return html;
  const end = html.lastIndexOf('</body>');
  return end === -1 ? `${html}${tag}` : `${html.slice(0, end)}${tag}${html.slice(end)}`;
}
