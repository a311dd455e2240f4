import type { HastPluginEntry, HastVisitorContext } from 'satteri';
import { bodyHeadingIds, decisionIdsIn } from '../links/anchors.ts';
import { contentFile } from '../links/plugin.ts';
import { filePagePath } from '../links/resolve.ts';
import { contentComponentsModule, literalText } from './components.ts';
import { nestedBodies, placeOf } from './collections.ts';

/** What the plugin reads of a HAST node: MDX elements keep their name and attributes. */
interface HastNode {
  type: string;
  tagName?: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: HastNode[];
  properties?: Record<string, unknown>;
}

/**
 * The names a page's MDX gives the Ref component: `import { Ref }` or `import { Ref as
 * EntryLink }` from the one module content may import (the check refuses any other form).
 */
export function refNames(source: string): Set<string> {
  const names = new Set<string>();
  const module = contentComponentsModule.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  for (const [, specifiers] of source.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${module}['"]`, 'g'))) {
    for (const specifier of specifiers!.split(',')) {
      const named = /^\s*Ref(?:\s+as\s+([\w$]+))?\s*$/.exec(specifier);
      if (named) names.add(named[1] ?? 'Ref');
    }
  }
  return names;
}

/**
 * The headings of Markdown and MDX bodies, as the page shows them. Astro gives a heading
 * an id from its text (github-slugger, in order) and keeps one it already has; here each
 * gets it first, with three differences:
 * - a <Ref> counts as its id (`## Talk to <Ref kind="team" id="ledger" />` is
 *   `talk-to-ledger`, and stays so when the team is renamed), or as the words inside it;
 *   Astro saw no text in it, and gave `talk-to-`, or an empty id;
 * - the page's own ids are taken already (links/anchors.ts): a charter's "## Metrics" is
 *   `metrics-1`, not a second `metrics`, and a meeting's decisions keep their ids;
 * - the body of a charter, stream or minutes is a level down, under the page's own heading
 *   for it.
 * The check gives headings the same ids (check/rules/body.ts), for links to them.
 */
export function headingIds(options: { contentDir: string }): HastPluginEntry {
  const fileOf = contentFile(options.contentDir);
  return ({ sourceFormat, source, fileURL, data }) => {
    const file = fileOf(fileURL);
    const place = placeOf(file);
    const nested = !('wrong' in place) && nestedBodies.has(place.collection);
    const decisions = !('wrong' in place) && place.collection === 'council' ? decisionIdsIn((data as { astro?: { frontmatter?: unknown } }).astro?.frontmatter) : [];
    const nextId = bodyHeadingIds(filePagePath(file), source, decisions);
    const refs = sourceFormat === 'mdx' ? refNames(source) : new Set<string>();
    const isRef = (node: HastNode) => (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && refs.has(node.name ?? '');
    const bareRef = (node: HastNode) => isRef(node) && (node.children ?? []).length === 0;
    const holdsRef = (node: HastNode): boolean => bareRef(node) || (node.children ?? []).some(holdsRef);
    const text = (node: HastNode, ctx: HastVisitorContext): string => {
      // A Ref with words inside shows them; one without, its entry's name.
      if (bareRef(node)) return literalText(node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value) ?? '';
      if (!holdsRef(node)) return ctx.textContent(node as Parameters<HastVisitorContext['textContent']>[0]);
      return (node.children ?? []).map((child) => text(child, ctx)).join('');
    };
    return {
      name: 'handbook-heading-ids',
      element: {
        filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
        visit(node, ctx) {
          const own = node.properties?.['id'];
          const id = typeof own === 'string' ? own : nextId(text(node as HastNode, ctx));
          if (!nested) {
            if (id !== own) ctx.setProperty(node, 'id', id);
            return undefined;
          }
          return { ...node, tagName: `h${Math.min(6, Number(node.tagName.slice(1)) + 1)}`, properties: { ...node.properties, id } };
        },
      },
    };
  };
}
