import Slugger from 'github-slugger';
import type { HastPluginEntry, HastVisitorContext } from 'satteri';
import { literalText } from '../links/plugin.ts';
import { contentComponentsModule } from './components.ts';

/** What the plugin reads of a HAST node: MDX elements keep their name and attributes. */
interface HastNode {
  type: string;
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
 * Heading ids in MDX pages whose headings hold a <Ref>. Astro takes a heading's id from
 * its text, and a Ref has none until it renders: "## Talk to <Ref kind="team"
 * id="ledger" />" got the id `talk-to-`, and a heading that is only a Ref an empty one.
 * Here a Ref counts as its id (`talk-to-ledger`), which stays the same when the team is
 * renamed; one with words inside (`<Ref …>the ledger team</Ref>`) counts as its words. On such a page every heading is given its id here, the way Astro gives it
 * (github-slugger over the text, in order), so that two headings still cannot share one;
 * Astro keeps an id a heading already has. Other pages are left to Astro.
 */
export const refHeadingIds: HastPluginEntry = ({ sourceFormat, source }) => {
  if (sourceFormat !== 'mdx') return null;
  const refs = refNames(source);
  if (refs.size === 0) return null;
  const slugger = new Slugger();
  const isRef = (node: HastNode) => (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && refs.has(node.name ?? '');
  const holdsRef = (node: HastNode): boolean => (isRef(node) && (node.children ?? []).length === 0) || (node.children ?? []).some(holdsRef);
  const text = (node: HastNode, ctx: HastVisitorContext): string => {
    // A Ref with words inside shows them; one without, its entry's name.
    if (isRef(node) && (node.children ?? []).length === 0) {
      return literalText(node.attributes?.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'id')?.value) ?? '';
    }
    if (!holdsRef(node)) return ctx.textContent(node as Parameters<HastVisitorContext['textContent']>[0]);
    return (node.children ?? []).map((child) => text(child, ctx)).join('');
  };
  return {
    name: 'handbook-ref-heading-ids',
    element: {
      filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        if (typeof node.properties?.['id'] === 'string') return;
        ctx.setProperty(node, 'id', slugger.slug(text(node as HastNode, ctx)));
      },
    },
  };
};
