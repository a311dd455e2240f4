import type { HastPluginEntry } from 'satteri';

/**
 * A table written in a body sits in a `.table-wrap`, as the pages' own tables do: a table
 * wider than a phone then scrolls on its own, instead of the whole page scrolling sideways
 * (a four-column journey map made an asset page 459 px wide on a 360 px screen).
 */
export function scrollingTables(): HastPluginEntry {
  return () => ({
    name: 'handbook-scrolling-tables',
    element: {
      filter: ['table'],
      visit(node, ctx) {
        const parent = ctx.parent(node);
        const wrapped = parent?.type === 'element' && parent.tagName === 'div' && String(parent.properties?.['className'] ?? '').split(/[\s,]+/).includes('table-wrap');
        if (!wrapped) ctx.wrapNode(node, { type: 'element', tagName: 'div', properties: { className: ['table-wrap'] }, children: [] });
        return undefined;
      },
    },
  });
}
