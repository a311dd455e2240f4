import { accessibility, NodeIds, quoted } from './mermaid.ts';

/**
 * A flowchart as data: the org chart, the topology and a team's neighbourhood are built as
 * this model (tested on its nodes and edges), then written as Mermaid source by one
 * function, so that every chart draws the same relation the same way.
 */

/** What an edge means; each kind has one look across every chart (see `edgeStyles`). */
export type EdgeKind = 'product' | 'reporting' | 'council' | 'member' | 'collaboration' | 'x-as-a-service' | 'facilitating' | 'owns';

/** Node classes, one colour each (Team Topologies colours for team types). */
export type NodeClass =
  | 'stream-aligned'
  | 'platform'
  | 'enabling'
  | 'complicated-subsystem'
  | 'leadership'
  | 'group'
  | 'product'
  | 'engineering'
  | 'tech-lead'
  | 'council'
  | 'system'
  | 'self'
  | 'outside';

export type NodeShape = 'box' | 'round' | 'stadium' | 'cylinder' | 'hexagon';

export interface FlowNode {
  /** A stable key such as `team:ledger` or `person:ana`; the Mermaid id is derived from it. */
  key: string;
  /** Label lines, first line first. */
  label: string[];
  shape: NodeShape;
  class: NodeClass;
  /** The node links to this page. */
  href?: string | undefined;
}

export interface FlowEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string | undefined;
}

export interface FlowGroup {
  key: string;
  label: string;
  /** Keys of the nodes drawn inside the group. */
  nodes: string[];
}

export interface Flowchart {
  title: string;
  description: string;
  direction: 'TB' | 'LR';
  nodes: FlowNode[];
  edges: FlowEdge[];
  groups: FlowGroup[];
  /** When the groups are drawn as columns: the heading of the last one, of the nodes in no group. */
  ungroupedLabel?: string | undefined;
}

/** Arrow syntax and stroke per edge kind: solid, dashed, thick and dotted lines tell the kinds apart without colour. */
export const edgeStyles: Record<EdgeKind, { arrow: string; stroke: string }> = {
  product: { arrow: '-->', stroke: 'stroke:#b45309,stroke-width:2px' },
  reporting: { arrow: '-.->', stroke: 'stroke:#475569,stroke-width:1.5px,stroke-dasharray:6 4' },
  council: { arrow: '---', stroke: 'stroke:#059669,stroke-width:1.5px' },
  member: { arrow: '-.-', stroke: 'stroke:#6b7280,stroke-width:1px,stroke-dasharray:1 3' },
  collaboration: { arrow: '<==>', stroke: 'stroke:#7c3aed,stroke-width:3px' },
  'x-as-a-service': { arrow: '-->', stroke: 'stroke:#0369a1,stroke-width:1.5px' },
  facilitating: { arrow: '-.->', stroke: 'stroke:#be185d,stroke-width:2px,stroke-dasharray:2 4' },
  owns: { arrow: '---', stroke: 'stroke:#6b7280,stroke-width:1px' },
};

/** Where a kind's line has an arrowhead, read from its Mermaid arrow, so our SVG charts draw every kind as Mermaid would. */
export function arrowheads(kind: EdgeKind): { start: boolean; end: boolean } {
  const { arrow } = edgeStyles[kind];
  return { start: arrow.startsWith('<'), end: arrow.endsWith('>') };
}

export const nodeStyles: Record<NodeClass, string> = {
  'stream-aligned': 'fill:#fde9a9,stroke:#8f7400,color:#111',
  platform: 'fill:#bfe3f5,stroke:#2b7bb9,color:#111',
  enabling: 'fill:#e4d3f2,stroke:#7d4fb0,color:#111',
  'complicated-subsystem': 'fill:#fcd5b5,stroke:#c76b1e,color:#111',
  leadership: 'fill:#e5e7eb,stroke:#4b5563,color:#111',
  group: 'fill:#f8fafc,stroke:#64748b,color:#111',
  product: 'fill:#fff7ed,stroke:#b45309,color:#111',
  engineering: 'fill:#f1f5f9,stroke:#475569,color:#111',
  'tech-lead': 'fill:#ecfdf5,stroke:#059669,color:#111',
  council: 'fill:#d1fae5,stroke:#047857,color:#111,stroke-width:2px',
  system: 'fill:#f3f4f6,stroke:#6b7280,color:#111',
  self: 'fill:#fef3c7,stroke:#111,color:#111,stroke-width:3px',
  outside: 'fill:#ffffff,stroke:#6b7280,color:#374151,stroke-dasharray:4 3',
};

const shapes: Record<NodeShape, [string, string]> = {
  box: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  cylinder: ['[(', ')]'],
  hexagon: ['{{', '}}'],
};

/** Mermaid source for a flowchart model; nodes, edges and groups keep the model's order. */
export function flowchartSource(chart: Flowchart): string {
  const ids = new NodeIds();
  const lines = [`flowchart ${chart.direction}`, ...accessibility(chart.title, chart.description)];
  const grouped = new Set(chart.groups.flatMap((group) => group.nodes));
  const byKey = new Map(chart.nodes.map((node) => [node.key, node]));
  const nodeLine = (node: FlowNode, indent: string) => {
    const [open, close] = shapes[node.shape];
    return `${indent}${ids.get(node.key)}${open}${quoted(...node.label)}${close}`;
  };

  for (const group of chart.groups) {
    lines.push(`  subgraph ${ids.get(`group:${group.key}`)}[${quoted(group.label)}]`);
    for (const key of group.nodes) {
      const node = byKey.get(key);
      if (node) lines.push(nodeLine(node, '    '));
    }
    lines.push('  end');
  }
  for (const node of chart.nodes) if (!grouped.has(node.key)) lines.push(nodeLine(node, '  '));

  const edgesByKind = new Map<EdgeKind, number[]>();
  chart.edges.forEach((edge, index) => {
    // An edge to a node that is not drawn would make Mermaid invent a bare one.
    for (const end of [edge.from, edge.to]) if (!byKey.has(end)) throw new Error(`Diagram "${chart.title}": edge to undrawn node ${end}`);
    const arrow = edgeStyles[edge.kind].arrow;
    const label = edge.label ? `|${quoted(edge.label)}|` : '';
    lines.push(`  ${ids.get(edge.from)} ${arrow}${label} ${ids.get(edge.to)}`);
    edgesByKind.set(edge.kind, [...(edgesByKind.get(edge.kind) ?? []), index]);
  });
  for (const [kind, indexes] of edgesByKind) lines.push(`  linkStyle ${indexes.join(',')} ${edgeStyles[kind].stroke}`);

  const classes = new Map<NodeClass, string[]>();
  for (const node of chart.nodes) classes.set(node.class, [...(classes.get(node.class) ?? []), ids.get(node.key)]);
  for (const [name, members] of classes) {
    lines.push(`  classDef ${name} ${nodeStyles[name]}`, `  class ${members.join(',')} ${name}`);
  }
  for (const node of chart.nodes) {
    // Mermaid refuses javascript: links itself; ours are always site paths.
    if (node.href) lines.push(`  click ${ids.get(node.key)} href "${node.href.replace(/"/g, '%22')}"`);
  }
  return `${lines.join('\n')}\n`;
}
